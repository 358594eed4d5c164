//! Downloads are not cut off by the request timeout meant for small calls, and stream
//! their body as it arrives.

use std::time::Duration;

use appwrite::Client;
use futures_util::StreamExt;
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::{TcpListener, TcpStream};

/// Pieces the slow server sends, one every [`PAUSE`].
const PIECES: usize = 6;
const PIECE: usize = 64 * 1024;
const PAUSE: Duration = Duration::from_millis(150);

/// Starts a server on 127.0.0.1 that answers every request with headers at once and
/// then a body of `PIECES` pieces, pausing before each; returns its endpoint.
async fn slow_server() -> String {
    let listener = TcpListener::bind("127.0.0.1:0").await.expect("bind");
    let address = listener.local_addr().expect("address");
    tokio::spawn(async move {
        while let Ok((socket, _)) = listener.accept().await {
            tokio::spawn(answer_slowly(socket));
        }
    });
    format!("http://{address}/v1")
}

async fn answer_slowly(mut socket: TcpStream) {
    let mut request = Vec::new();
    let mut buffer = [0; 4096];
    while !request.windows(4).any(|window| window == b"\r\n\r\n") {
        match socket.read(&mut buffer).await {
            Ok(0) | Err(_) => return,
            Ok(read) => request.extend_from_slice(&buffer[..read]),
        }
    }
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\n\
         content-length: {}\r\nconnection: close\r\n\r\n",
        PIECES * PIECE
    );
    if socket.write_all(head.as_bytes()).await.is_err() {
        return;
    }
    for index in 0..PIECES {
        tokio::time::sleep(PAUSE).await;
        if socket.write_all(&vec![index as u8; PIECE]).await.is_err() {
            return;
        }
    }
}

/// A client whose request timeout is shorter than the whole download.
fn client(endpoint: &str, transfer_timeout: Option<Duration>) -> Client {
    let mut builder = Client::builder()
        .endpoint(endpoint)
        .project("test-project")
        .timeout(Duration::from_millis(400));
    if let Some(timeout) = transfer_timeout {
        builder = builder.transfer_timeout(timeout);
    }
    builder.build().expect("client builds")
}

#[tokio::test]
async fn a_streamed_download_outlives_the_request_timeout() {
    let endpoint = slow_server().await;
    let stream = client(&endpoint, None)
        .storage()
        .get_file_download("bucket", "file")
        .stream()
        .await
        .expect("headers arrive at once");
    assert_eq!(stream.content_length(), Some((PIECES * PIECE) as u64));

    let mut total = 0;
    let mut chunks = 0;
    let mut stream = stream;
    while let Some(chunk) = stream.next().await {
        total += chunk.expect("no timeout while streaming").len();
        chunks += 1;
    }
    assert_eq!(total, PIECES * PIECE);
    assert!(chunks >= PIECES, "the body arrived in {chunks} chunks");
}

#[tokio::test]
async fn whole_downloads_views_and_previews_outlive_the_request_timeout() {
    let endpoint = slow_server().await;
    let storage = client(&endpoint, None).storage();
    let download = storage.get_file_download("bucket", "file").await;
    let view = storage.get_file_view("bucket", "file").await;
    let preview = storage.get_file_preview("bucket", "file").await;
    for (name, result) in [("download", download), ("view", view), ("preview", preview)] {
        let bytes = result.unwrap_or_else(|error| panic!("{name}: {error:?}"));
        assert_eq!(bytes.len(), PIECES * PIECE, "{name}");
    }
}

#[tokio::test]
async fn a_download_written_to_a_writer_outlives_the_request_timeout() {
    let endpoint = slow_server().await;
    let stream = client(&endpoint, None)
        .storage()
        .get_file_download("bucket", "file")
        .stream()
        .await
        .expect("headers arrive at once");
    let mut sink = Vec::new();
    let written = stream.write_to(&mut sink).await.expect("written");
    assert_eq!(written as usize, PIECES * PIECE);
    assert_eq!(sink[PIECE * (PIECES - 1)], (PIECES - 1) as u8);
}

#[tokio::test]
async fn a_transfer_timeout_when_set_does_cut_a_download() {
    let endpoint = slow_server().await;
    let client = client(&endpoint, Some(Duration::from_millis(300)));
    let result = client.storage().get_file_download("bucket", "file").await;
    let error = result.expect_err("cut off after 300 ms");
    assert!(error.is_timeout(), "{error:?}");
}
