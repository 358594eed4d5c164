//! A small HTTP/1.1 server on 127.0.0.1 that answers canned JSON fast, discards
//! request bodies and generates download bytes, on a thread of its own.
//!
//! Routes, by what the request line contains:
//! - `/locale`: the locale JSON;
//! - `/documents`: a list of [`LIST_SIZE`] documents;
//! - `bench-<size>` in a GET: `size` zero bytes;
//! - anything else: the body is read and dropped, and the answer is `{}`.

use std::io;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};
use tokio::sync::oneshot;

use crate::documents;

/// How many documents the `/documents` route returns.
pub const LIST_SIZE: usize = 100;

/// The size of the blocks written for a download.
const BLOCK: usize = 64 * 1024;

/// The canned answers, head and body in one buffer each.
struct Answers {
    locale: Vec<u8>,
    documents: Vec<u8>,
    empty: Vec<u8>,
}

/// A running server; stops when dropped.
pub struct Server {
    address: SocketAddr,
    stop: Option<oneshot::Sender<()>>,
    thread: Option<JoinHandle<()>>,
}

impl Server {
    /// Binds a free port on 127.0.0.1 and serves on a new thread.
    pub fn start() -> io::Result<Server> {
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_all()
            .build()?;
        let listener = runtime.block_on(TcpListener::bind("127.0.0.1:0"))?;
        let address = listener.local_addr()?;
        let answers = Arc::new(Answers {
            locale: json_answer(&documents::locale_json()),
            documents: json_answer(&documents::list_json(LIST_SIZE)),
            empty: json_answer(b"{}"),
        });
        let (stop, stopped) = oneshot::channel();
        let thread = std::thread::spawn(move || {
            runtime.block_on(async move {
                let accepting = Box::pin(accept(listener, answers));
                futures_util::future::select(accepting, stopped).await;
            });
        });
        Ok(Server {
            address,
            stop: Some(stop),
            thread: Some(thread),
        })
    }

    /// The address the server listens on.
    pub fn address(&self) -> SocketAddr {
        self.address
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

fn json_answer(body: &[u8]) -> Vec<u8> {
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    let mut answer = head.into_bytes();
    answer.extend_from_slice(body);
    answer
}

async fn accept(listener: TcpListener, answers: Arc<Answers>) {
    while let Ok((socket, _)) = listener.accept().await {
        let _ = socket.set_nodelay(true);
        tokio::spawn(serve_connection(socket, Arc::clone(&answers)));
    }
}

async fn serve_connection(socket: TcpStream, answers: Arc<Answers>) -> io::Result<()> {
    let mut reader = BufReader::with_capacity(BLOCK, socket);
    let mut request_line = Vec::new();
    let mut line = Vec::new();
    loop {
        request_line.clear();
        if reader.read_until(b'\n', &mut request_line).await? == 0 {
            return Ok(());
        }
        let length = read_headers(&mut reader, &mut line).await?;
        tokio::io::copy(&mut (&mut reader).take(length), &mut tokio::io::sink()).await?;

        let request_line = String::from_utf8_lossy(&request_line);
        let socket = reader.get_mut();
        if request_line.contains("/locale") {
            socket.write_all(&answers.locale).await?;
        } else if request_line.contains("/documents") {
            socket.write_all(&answers.documents).await?;
        } else if let Some(size) = download_size(&request_line) {
            download(socket, size).await?;
        } else {
            socket.write_all(&answers.empty).await?;
        }
    }
}

/// Reads the header lines up to the blank one; returns the content length.
async fn read_headers(reader: &mut BufReader<TcpStream>, line: &mut Vec<u8>) -> io::Result<u64> {
    let mut length = 0;
    loop {
        line.clear();
        if reader.read_until(b'\n', line).await? == 0 {
            return Err(io::ErrorKind::UnexpectedEof.into());
        }
        let text = String::from_utf8_lossy(line);
        let text = text.trim_end();
        if text.is_empty() {
            return Ok(length);
        }
        if let Some((name, value)) = text.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
}

/// The size asked for by a GET whose path names `bench-<size>`.
fn download_size(request_line: &str) -> Option<u64> {
    if !request_line.starts_with("GET") {
        return None;
    }
    let rest = request_line.split("bench-").nth(1)?;
    let digits: String = rest.chars().take_while(char::is_ascii_digit).collect();
    digits.parse().ok()
}

async fn download(socket: &mut TcpStream, size: u64) -> io::Result<()> {
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {size}\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await?;
    let block = vec![0_u8; BLOCK];
    let mut left = size;
    while left > 0 {
        let now = left.min(BLOCK as u64) as usize;
        socket.write_all(&block[..now]).await?;
        left -= now as u64;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn download_sizes_come_from_the_path() {
        let line = "GET /v1/storage/buckets/b/files/bench-1048576/download HTTP/1.1\r\n";
        assert_eq!(download_size(line), Some(1_048_576));
        assert_eq!(download_size("POST /v1/bench-5 HTTP/1.1"), None);
        assert_eq!(download_size("GET /v1/locale HTTP/1.1"), None);
    }
}
