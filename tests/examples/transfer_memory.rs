//! Peak memory of a 1 GiB upload and a 1 GiB download through the SDK.
//!
//! Run with `cargo run --release -p appwrite-tests --example transfer_memory [MiB]`.
//! The program starts itself a second time as a minimal HTTP server on 127.0.0.1 (so
//! the server's memory is not counted), uploads a sparse file of the given size (1024 MiB
//! by default) with `storage().create_file`, then downloads it with
//! `storage().get_file_download(..).stream()`, and prints the process's peak resident
//! memory (`VmHWM` in `/proc/self/status`) for each, reset in between through
//! `/proc/self/clear_refs`.

use std::process::Stdio;
use std::time::{Duration, Instant};

use appwrite::{Client, InputFile};
use futures_util::StreamExt;
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::{TcpListener, TcpStream};

const MIB: u64 = 1024 * 1024;

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let arguments: Vec<String> = std::env::args().collect();
    if arguments.get(1).map(String::as_str) == Some("serve") {
        return serve().await;
    }
    let mebibytes: u64 = arguments.get(1).map_or(Ok(1024), |text| text.parse())?;
    let size = mebibytes * MIB;

    // The server runs as a child process so that only the SDK's memory is measured.
    let mut server = std::process::Command::new(std::env::current_exe()?)
        .arg("serve")
        .stdout(Stdio::piped())
        .spawn()?;
    let stdout = server.stdout.take().ok_or("no server stdout")?;
    let mut address = String::new();
    std::io::BufRead::read_line(&mut std::io::BufReader::new(stdout), &mut address)?;
    let result = measure(&address, size).await;
    server.kill()?;
    server.wait()?;
    result
}

async fn measure(address: &str, size: u64) -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::builder()
        .endpoint(format!("http://{}/v1", address.trim()))
        .project("bench")
        .build()?;

    let path = std::env::temp_dir().join(format!("appwrite-bench-{}.bin", std::process::id()));
    std::fs::File::create(&path)?.set_len(size)?;
    println!("baseline: VmRSS {} KiB", status_kib("VmRSS:"));

    reset_peak();
    let started = Instant::now();
    let file = client
        .storage()
        .create_file("bench", "unique()", InputFile::from_path(&path))
        .await?;
    report("upload", size, started.elapsed());
    std::fs::remove_file(&path)?;
    assert_eq!(file.size_original as u64, size);

    reset_peak();
    let started = Instant::now();
    let mut stream = client
        .storage()
        .get_file_download("bench", &file.id)
        .stream()
        .await?;
    let mut received = 0;
    while let Some(chunk) = stream.next().await {
        received += chunk?.len() as u64;
    }
    report("download", size, started.elapsed());
    assert_eq!(received, size);
    Ok(())
}

fn report(what: &str, size: u64, elapsed: Duration) {
    let rate = size as f64 / MIB as f64 / elapsed.as_secs_f64();
    let peak = status_kib("VmHWM:");
    println!(
        "{what}: {} MiB in {:.2} s ({rate:.0} MiB/s), peak RSS {peak} KiB ({:.1} MiB)",
        size / MIB,
        elapsed.as_secs_f64(),
        peak as f64 / 1024.0
    );
}

/// A field of `/proc/self/status` in KiB.
fn status_kib(field: &str) -> u64 {
    let status = std::fs::read_to_string("/proc/self/status").unwrap_or_default();
    status
        .lines()
        .find_map(|line| line.strip_prefix(field))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .unwrap_or(0)
}

/// Resets `VmHWM` to the current RSS.
fn reset_peak() {
    let _ = std::fs::write("/proc/self/clear_refs", "5");
}

/// The server: answers upload chunks with a file JSON, and downloads with a stream of
/// zeros of the uploaded size, holding no more than a 64 KiB buffer per connection.
async fn serve() -> Result<(), Box<dyn std::error::Error>> {
    let listener = TcpListener::bind("127.0.0.1:0").await?;
    println!("{}", listener.local_addr()?);
    loop {
        let (socket, _) = listener.accept().await?;
        socket.set_nodelay(true)?;
        tokio::spawn(async move {
            let _ = connection(socket).await;
        });
    }
}

async fn connection(socket: TcpStream) -> std::io::Result<()> {
    let mut reader = BufReader::with_capacity(64 * 1024, socket);
    loop {
        let mut request_line = String::new();
        if reader.read_line(&mut request_line).await? == 0 {
            return Ok(());
        }
        let mut length = 0_u64;
        let mut range = String::new();
        loop {
            let mut line = String::new();
            reader.read_line(&mut line).await?;
            let line = line.trim_end();
            if line.is_empty() {
                break;
            }
            let (name, value) = line.split_once(':').unwrap_or((line, ""));
            match name.to_ascii_lowercase().as_str() {
                "content-length" => length = value.trim().parse().unwrap_or(0),
                "content-range" => range = value.trim().to_owned(),
                _ => {}
            }
        }
        tokio::io::copy(&mut (&mut reader).take(length), &mut tokio::io::sink()).await?;
        if request_line.starts_with("GET") {
            download(reader.get_mut(), &request_line).await?;
        } else {
            upload_answer(reader.get_mut(), &range).await?;
        }
    }
}

async fn upload_answer(socket: &mut TcpStream, range: &str) -> std::io::Result<()> {
    // `bytes start-end/size`: the file is as large as the range says.
    let size: u64 = range
        .rsplit('/')
        .next()
        .and_then(|size| size.parse().ok())
        .unwrap_or(0);
    let end: u64 = range
        .split(['-', '/'])
        .nth(1)
        .and_then(|end| end.parse().ok())
        .unwrap_or(0);
    let total = size.div_ceil(5 * MIB).max(1);
    let uploaded = (end + 1).div_ceil(5 * MIB).max(1);
    let body = format!(
        "{{\"$id\":\"bench-{size}\",\"bucketId\":\"bench\",\"$createdAt\":\"\",\"$updatedAt\":\"\",\
         \"$permissions\":[],\"name\":\"bench.bin\",\"signature\":\"\",\"mimeType\":\"\",\
         \"sizeOriginal\":{size},\"chunksTotal\":{total},\"chunksUploaded\":{uploaded}}}"
    );
    let head = format!(
        "HTTP/1.1 201 Created\r\ncontent-type: application/json\r\ncontent-length: {}\r\n\r\n",
        body.len()
    );
    // One write: a second small one would wait for a delayed ACK (Nagle).
    socket.write_all(format!("{head}{body}").as_bytes()).await
}

async fn download(socket: &mut TcpStream, request_line: &str) -> std::io::Result<()> {
    // The file id is `bench-<size>`: serve that many bytes.
    let size: u64 = request_line
        .split("bench-")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|size| size.parse().ok())
        .unwrap_or(0);
    let head = format!(
        "HTTP/1.1 200 OK\r\ncontent-type: application/octet-stream\r\ncontent-length: {size}\r\n\r\n"
    );
    socket.write_all(head.as_bytes()).await?;
    let block = vec![0_u8; 64 * 1024];
    let mut left = size;
    while left > 0 {
        let now = left.min(block.len() as u64) as usize;
        socket.write_all(&block[..now]).await?;
        left -= now as u64;
    }
    Ok(())
}
