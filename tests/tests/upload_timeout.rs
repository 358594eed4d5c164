//! Upload chunks are not cut off by the request timeout meant for small calls.

mod upload_support;

use std::time::Duration;

use appwrite::{Client, InputFile};
use upload_support::check::assert_upload;
use upload_support::input::sample;
use upload_support::{BUCKET, CHUNK, FakeStorage};

#[tokio::test]
async fn slow_chunk_answers_outlive_the_request_timeout() {
    let server = FakeStorage::start().await;
    server.delay_answers(Duration::from_millis(500));
    let client = Client::builder()
        .endpoint(server.endpoint())
        .project("test-project")
        .timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");

    let data = sample(CHUNK + 1);
    let input = InputFile::from_bytes("slow.bin", data.clone());
    let file = client.storage().create_file(BUCKET, "slow", input).await;

    assert_eq!(file.expect("not cut off").id, "slow");
    assert_upload(&server, &server.seen(), "slow", &data);
}

#[tokio::test]
async fn a_transfer_timeout_when_set_does_cut_a_chunk() {
    let server = FakeStorage::start().await;
    server.delay_answers(Duration::from_millis(500));
    let client = Client::builder()
        .endpoint(server.endpoint())
        .project("test-project")
        .transfer_timeout(Duration::from_millis(200))
        .build()
        .expect("client builds");

    let input = InputFile::from_bytes("slow.bin", sample(CHUNK + 1));
    let error = client.storage().create_file(BUCKET, "slow", input).await;

    let text = error.expect_err("cut off").to_string();
    assert!(text.contains("chunk 1 of 2"), "{text}");
    assert!(text.contains("timed out"), "{text}");
}
