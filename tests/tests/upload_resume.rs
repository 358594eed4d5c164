//! Resuming interrupted uploads, and chunks that fail.

mod upload_support;

use appwrite::InputFile;
use upload_support::call::{Recorder, client, create_file};
use upload_support::input::{ShortReader, sample};
use upload_support::{CHUNK, FakeStorage};

/// Three chunks: two whole ones and five bytes.
const SIZE: usize = 2 * CHUNK + 5;

fn ranges(server: &FakeStorage) -> Vec<(String, Option<String>, Option<String>)> {
    server
        .seen()
        .into_iter()
        .map(|seen| (seen.method, seen.content_range, seen.appwrite_id))
        .collect()
}

fn post(range: &str, id: Option<&str>) -> (String, Option<String>, Option<String>) {
    ("POST".into(), Some(range.into()), id.map(str::to_owned))
}

fn get() -> (String, Option<String>, Option<String>) {
    ("GET".into(), None, None)
}

#[tokio::test]
async fn resume_from_two_of_three_sends_only_the_last_chunk() {
    let server = FakeStorage::start().await;
    let data = sample(SIZE);
    server.preload("half-done", &data, 2);
    let client = client(&server.endpoint());
    let recorder = Recorder::default();

    let input = InputFile::from_bytes("big.bin", data.clone());
    let file = create_file(&client, "half-done", input, Some(&recorder), true).await;

    assert_eq!(file.expect("resumed").id, "half-done");
    server.assert_no_violations();
    assert_eq!(server.stored("half-done"), Some(data));
    let last = post("bytes 10485760-10485764/10485765", Some("half-done"));
    assert_eq!(ranges(&server), [get(), last]);
    let events = recorder.events();
    assert_eq!(events.len(), 1);
    assert_eq!(
        (events[0].chunks_uploaded(), events[0].chunks_total()),
        (3, 3)
    );
    assert_eq!(events[0].bytes_uploaded(), SIZE as u64);
}

#[tokio::test]
async fn resume_from_a_reader_drops_the_bytes_the_server_holds() {
    let server = FakeStorage::start().await;
    let data = sample(SIZE);
    server.preload("from-reader", &data, 1);
    let client = client(&server.endpoint());

    let reader = ShortReader::new(data.clone());
    let input = InputFile::from_reader("big.bin", reader, SIZE as u64);
    create_file(&client, "from-reader", input, None, true)
        .await
        .expect("resumed");

    server.assert_no_violations();
    assert_eq!(server.stored("from-reader"), Some(data));
    let second = post("bytes 5242880-10485759/10485765", Some("from-reader"));
    let third = post("bytes 10485760-10485764/10485765", Some("from-reader"));
    assert_eq!(ranges(&server), [get(), second, third]);
}

#[tokio::test]
async fn resume_from_three_of_three_sends_nothing() {
    let server = FakeStorage::start().await;
    let data = sample(SIZE);
    server.preload("all-there", &data, 3);
    let client = client(&server.endpoint());
    let recorder = Recorder::default();

    let input = InputFile::from_bytes("big.bin", data);
    let file = create_file(&client, "all-there", input, Some(&recorder), true).await;

    let file = file.expect("already complete");
    assert_eq!((file.id.as_str(), file.chunks_uploaded), ("all-there", 3));
    assert_eq!(ranges(&server), [get()]);
    let events = recorder.events();
    assert_eq!(events.len(), 1);
    assert_eq!(events[0].bytes_uploaded(), events[0].total_bytes());
}

#[tokio::test]
async fn a_failed_resume_lookup_is_an_error_not_a_restart() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", sample(SIZE));
    let error = create_file(&client, "never-started", input, None, true).await;

    let text = error.expect_err("no such upload").to_string();
    assert!(
        text.contains("cannot resume upload `never-started`"),
        "{text}"
    );
    assert!(text.contains("server answered 404"), "{text}");
    assert_eq!(ranges(&server), [get()]);
}

#[tokio::test]
async fn resume_without_a_file_id_is_an_error() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", sample(10));
    let error = create_file(&client, "unique()", input, None, true).await;

    let error = error.expect_err("nothing to resume");
    assert!(error.is_invalid_input(), "{error:?}");
    assert!(
        error.to_string().contains("instead of `unique()`"),
        "{error}"
    );
    assert!(server.seen().is_empty());
}

#[tokio::test]
async fn a_failed_chunk_says_which_and_how_to_resume() {
    let server = FakeStorage::start().await;
    let data = sample(SIZE);
    server.fail_chunk(1);
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", data.clone());
    let error = create_file(&client, "unique()", input, None, false).await;

    let error = error.expect_err("chunk 2 fails");
    assert!(
        error.is_api(),
        "the server's error keeps its kind: {error:?}"
    );
    assert_eq!(error.status().map(|status| status.as_u16()), Some(500));
    assert!(
        error
            .context_message()
            .is_some_and(|context| context.contains("chunk 2 of 3"))
    );
    let text = error.to_string();
    assert!(
        text.contains("chunk 2 of 3 (bytes 5242880-10485759) failed"),
        "{text}"
    );
    assert!(text.contains("server answered 500"), "{text}");
    assert!(text.contains("resume with file id `generated1`"), "{text}");
    assert_eq!(server.stored("generated1"), None);

    let input = InputFile::from_bytes("big.bin", data.clone());
    create_file(&client, "generated1", input, None, true)
        .await
        .expect("resumed");
    server.assert_no_violations();
    assert_eq!(server.stored("generated1"), Some(data));
    let posts = server
        .seen()
        .iter()
        .filter(|seen| seen.method == "POST")
        .count();
    assert_eq!(posts, 4, "chunk 1, failed chunk 2, then chunks 2 and 3");
}

#[tokio::test]
async fn a_failed_first_chunk_says_to_start_again() {
    let server = FakeStorage::start().await;
    server.fail_chunk(0);
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", sample(SIZE));
    let error = create_file(&client, "unique()", input, None, false).await;

    let text = error.expect_err("chunk 1 fails").to_string();
    assert!(text.contains("chunk 1 of 3"), "{text}");
    assert!(text.contains("start the upload again"), "{text}");
    assert_eq!(server.seen().len(), 1, "nothing sent after the failure");
}

#[tokio::test]
async fn resume_of_an_upload_of_another_size_is_an_error() {
    let server = FakeStorage::start().await;
    server.preload("other-size", &sample(4 * CHUNK), 2);
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", sample(SIZE));
    let error = create_file(&client, "other-size", input, None, true).await;

    let error = error.expect_err("sizes differ");
    let text = error.to_string();
    assert!(
        text.contains("holds a file of 4 chunks but this file makes 3"),
        "{text}"
    );
    assert_eq!(ranges(&server), [get()]);
}

#[tokio::test]
async fn a_first_chunk_answered_without_an_id_stops_the_upload() {
    let server = FakeStorage::start().await;
    server.omit_ids();
    let client = client(&server.endpoint());

    let input = InputFile::from_bytes("big.bin", sample(SIZE));
    let error = create_file(&client, "unique()", input, None, false).await;

    let error = error.expect_err("no id to send on");
    assert!(error.is_decode(), "{error:?}");
    assert_eq!(error.field_path(), Some("$id"));
    assert_eq!(server.seen().len(), 1, "no chunk sent without an id");
}
