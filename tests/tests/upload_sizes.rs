//! Uploads of every interesting size, from bytes, from a path and from a reader of short
//! reads, checked request by request by a fake storage server.

mod upload_support;

use appwrite::InputFile;
use upload_support::call::{client, create_file};
use upload_support::check::{SIZES, assert_upload};
use upload_support::input::{ShortReader, TempFile, sample};
use upload_support::{CHUNK, FakeStorage};

/// Uploads `input` as `file_id` and checks everything the server saw.
async fn upload_and_check(server: &FakeStorage, file_id: &str, input: InputFile, data: &[u8]) {
    let client = client(&server.endpoint());
    let before = server.seen().len();
    let uploaded = create_file(&client, file_id, input, None, false)
        .await
        .unwrap_or_else(|error| panic!("upload of {} bytes failed: {error:?}", data.len()));
    assert_eq!(uploaded.size, data.len() as u64);
    assert_eq!(
        uploaded.chunks_uploaded,
        data.len().div_ceil(CHUNK).max(1) as u64
    );
    assert_ne!(uploaded.id, "unique()");
    let seen = server.seen();
    assert_upload(server, &seen[before..], &uploaded.id, data);
}

#[tokio::test]
async fn every_size_from_bytes() {
    let server = FakeStorage::start().await;
    for size in SIZES {
        let data = sample(size);
        let input = InputFile::from_bytes("data.bin", data.clone());
        upload_and_check(&server, "unique()", input, &data).await;
    }
}

#[tokio::test]
async fn every_size_from_a_path() {
    let server = FakeStorage::start().await;
    for size in SIZES {
        let data = sample(size);
        let file = TempFile::new(&format!("sized-{size}.bin"), &data).await;
        let input = InputFile::from_path(&file.path);
        upload_and_check(&server, &format!("path-{size}"), input, &data).await;
    }
}

#[tokio::test]
async fn every_size_from_a_reader_of_short_reads() {
    let server = FakeStorage::start().await;
    for size in SIZES {
        let data = sample(size);
        let reader = ShortReader::new(data.clone());
        let input = InputFile::from_reader("stream.bin", reader, size as u64);
        upload_and_check(&server, &format!("reader-{size}"), input, &data).await;
    }
}

#[tokio::test]
async fn the_file_part_carries_its_name_and_mime_type() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());
    let files = [
        (
            InputFile::from_bytes("photo.png", vec![1, 2, 3]),
            "photo.png",
            "image/png",
        ),
        (
            InputFile::from_bytes("blob", vec![1]),
            "blob",
            "application/octet-stream",
        ),
        (
            InputFile::from_bytes("a.bin", vec![1])
                .with_name("b.txt")
                .with_mime_type("text/csv"),
            "b.txt",
            "text/csv",
        ),
    ];
    for (input, name, mime_type) in files {
        create_file(&client, "unique()", input, None, false)
            .await
            .expect("upload");
        let seen = server.seen();
        let last = seen.last().expect("a request");
        assert_eq!(last.file_name.as_deref(), Some(name));
        assert_eq!(last.mime_type.as_deref(), Some(mime_type));
    }
    server.assert_no_violations();
}

#[tokio::test]
async fn a_reader_that_ends_early_is_an_error() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());
    let reader = ShortReader::new(sample(CHUNK + 10));
    let input = InputFile::from_reader("short.bin", reader, 2 * CHUNK as u64);
    let error = create_file(&client, "early", input, None, false)
        .await
        .expect_err("must fail");
    let text = error.to_string();
    assert!(text.contains("chunk 2 of 2"), "{text}");
    assert!(
        text.contains("ended after 5242890 of its 10485760 bytes"),
        "{text}"
    );
}

#[tokio::test]
async fn a_missing_path_is_an_error() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());
    let input = InputFile::from_path("/nonexistent/appwrite-test.bin");
    let error = create_file(&client, "missing", input, None, false)
        .await
        .expect_err("must fail");
    assert!(error.is_invalid_input(), "{error:?}");
    assert!(server.seen().is_empty());
}
