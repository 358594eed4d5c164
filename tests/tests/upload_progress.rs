//! Progress reports: one per chunk, never going down, ending at the total.

mod upload_support;

use appwrite::InputFile;
use upload_support::call::{Recorder, client, create_file};
use upload_support::input::{TempFile, sample};
use upload_support::{CHUNK, FakeStorage};

/// Uploads `size` bytes from a file and returns `(bytes, chunks, chunks_total)` per report.
async fn reports(size: usize, file_id: &str) -> (Vec<(u64, u64, u64)>, Vec<String>) {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());
    let recorder = Recorder::default();
    let file = TempFile::new(&format!("progress-{size}.bin"), &sample(size)).await;

    let input = InputFile::from_path(&file.path);
    let uploaded = create_file(&client, file_id, input, Some(&recorder), false).await;
    let uploaded = uploaded.expect("upload");

    let events = recorder.events();
    for event in &events {
        assert_eq!(event.total_bytes(), size as u64);
        assert_eq!(event.id(), uploaded.id, "every report names the file");
    }
    let steps = events
        .iter()
        .map(|event| {
            (
                event.bytes_uploaded(),
                event.chunks_uploaded(),
                event.chunks_total(),
            )
        })
        .collect();
    let ids = events.iter().map(|event| event.id().to_owned()).collect();
    (steps, ids)
}

#[tokio::test]
async fn chunked_uploads_report_after_each_chunk() {
    let size = 2 * CHUNK + 5;
    let (steps, ids) = reports(size, "unique()").await;
    let chunk = CHUNK as u64;
    let expected = [(chunk, 1, 3), (2 * chunk, 2, 3), (size as u64, 3, 3)];
    assert_eq!(steps, expected);
    assert!(ids.iter().all(|id| id == "generated1"), "{ids:?}");
}

#[tokio::test]
async fn reports_never_go_down_and_end_at_the_total() {
    let size = 5 * CHUNK + 123_457;
    let (steps, _) = reports(size, "odd-size").await;
    assert_eq!(steps.len(), 6);
    for pair in steps.windows(2) {
        assert!(pair[0].0 < pair[1].0 && pair[0].1 < pair[1].1, "{pair:?}");
    }
    assert_eq!(steps.last(), Some(&(size as u64, 6, 6)));
}

#[tokio::test]
async fn a_single_request_reports_once() {
    let (steps, ids) = reports(CHUNK, "whole").await;
    assert_eq!(steps, [(CHUNK as u64, 1, 1)]);
    assert_eq!(ids, ["whole"]);
}

#[tokio::test]
async fn an_empty_file_reports_once_and_complete() {
    let server = FakeStorage::start().await;
    let client = client(&server.endpoint());
    let recorder = Recorder::default();

    let input = InputFile::from_bytes("empty.txt", Vec::new());
    create_file(&client, "empty", input, Some(&recorder), false)
        .await
        .expect("upload");

    let events = recorder.events();
    assert_eq!(events.len(), 1);
    let event = &events[0];
    assert_eq!((event.bytes_uploaded(), event.total_bytes()), (0, 0));
    assert_eq!((event.chunks_uploaded(), event.chunks_total()), (1, 1));
    assert_eq!(event.percent(), 100.0);
    server.assert_no_violations();
}

#[tokio::test]
async fn a_failed_chunk_stops_the_reports_before_it() {
    let server = FakeStorage::start().await;
    server.fail_chunk(2);
    let client = client(&server.endpoint());
    let recorder = Recorder::default();

    let input = InputFile::from_bytes("big.bin", sample(3 * CHUNK));
    let result = create_file(&client, "stops", input, Some(&recorder), false).await;

    assert!(result.is_err());
    let chunks: Vec<u64> = recorder
        .events()
        .iter()
        .map(|event| event.chunks_uploaded())
        .collect();
    assert_eq!(chunks, [1, 2]);
}
