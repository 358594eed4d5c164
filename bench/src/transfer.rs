//! Plain reqwest streaming of a large file: the baseline of the SDK's upload and
//! download figures. One direction per process, so that peaks do not mix.

use std::path::Path;
use std::time::{Duration, Instant};

use futures_util::StreamExt;
use tokio::io::AsyncReadExt;

use crate::row::{Row, Target};

/// One mebibyte.
pub const MIB: u64 = 1024 * 1024;

/// The size of the blocks read from disk for an upload.
const BLOCK: usize = 64 * 1024;

/// The most memory either direction may hold at its peak, in MiB.
pub const PEAK_TARGET_MIB: f64 = 64.0;

/// Which way the bytes go.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Direction {
    /// From a file on disk to the server.
    Upload,
    /// From the server, counted and dropped.
    Download,
}

impl Direction {
    /// `upload` or `download`.
    pub fn name(self) -> &'static str {
        match self {
            Direction::Upload => "upload",
            Direction::Download => "download",
        }
    }
}

/// Sends or receives `size` bytes with plain reqwest streaming against the server
/// at `address`, using `scratch` for the upload's sparse file; returns the
/// throughput and this process's peak resident memory.
pub fn run(
    direction: Direction,
    address: &str,
    size: u64,
    scratch: &Path,
) -> Result<Vec<Row>, String> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the runtime: {error}"))?;
    let base = format!("http://{address}/v1/storage/buckets/bench/files");
    let elapsed = match direction {
        Direction::Upload => runtime.block_on(upload(&base, size, scratch))?,
        Direction::Download => runtime.block_on(download(&base, size))?,
    };
    Ok(rows(
        "hand-written reqwest",
        direction,
        size,
        elapsed,
        peak_rss_mib()?,
    ))
}

/// The rows of one transfer: throughput in MiB/s and peak memory in MiB.
pub fn rows(
    who: &str,
    direction: Direction,
    size: u64,
    elapsed: Duration,
    peak_mib: f64,
) -> Vec<Row> {
    let section = format!("{} {} MiB", direction.name(), size / MIB);
    let mut throughput = Row::new(
        &section,
        &format!("{who} throughput"),
        "MiB/s",
        Target::None,
    );
    throughput
        .samples
        .push(size as f64 / MIB as f64 / elapsed.as_secs_f64());
    let mut peak = Row::new(&section, &format!("{who} peak RSS"), "MiB", Target::None);
    peak.samples.push(peak_mib);
    vec![throughput, peak]
}

async fn upload(base: &str, size: u64, scratch: &Path) -> Result<Duration, String> {
    let path = scratch.join(format!("upload-{}.bin", std::process::id()));
    let created = std::fs::File::create(&path).and_then(|file| file.set_len(size));
    created.map_err(|error| format!("{}: cannot create: {error}", path.display()))?;

    let started = Instant::now();
    let file = tokio::fs::File::open(&path)
        .await
        .map_err(|error| format!("{}: cannot open: {error}", path.display()))?;
    let chunks = futures_util::stream::try_unfold(file, |mut file| async move {
        let mut block = vec![0_u8; BLOCK];
        let read = file.read(&mut block).await?;
        block.truncate(read);
        Ok::<_, std::io::Error>((read > 0).then_some((block, file)))
    });
    let response = reqwest::Client::new()
        .post(base)
        .header(reqwest::header::CONTENT_LENGTH, size)
        .header(reqwest::header::CONTENT_TYPE, "application/octet-stream")
        .body(reqwest::Body::wrap_stream(chunks))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| format!("the upload failed: {error}"))?;
    response
        .bytes()
        .await
        .map_err(|error| format!("the upload answer failed: {error}"))?;
    let elapsed = started.elapsed();

    std::fs::remove_file(&path)
        .map_err(|error| format!("{}: cannot remove: {error}", path.display()))?;
    Ok(elapsed)
}

async fn download(base: &str, size: u64) -> Result<Duration, String> {
    let started = Instant::now();
    let response = reqwest::Client::new()
        .get(format!("{base}/bench-{size}/download"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| format!("the download failed: {error}"))?;
    let mut stream = response.bytes_stream();
    let mut received = 0_u64;
    while let Some(chunk) = stream.next().await {
        let chunk = chunk.map_err(|error| format!("the download broke off: {error}"))?;
        received += chunk.len() as u64;
    }
    if received != size {
        return Err(format!("downloaded {received} bytes instead of {size}"));
    }
    Ok(started.elapsed())
}

/// This process's peak resident memory (`VmHWM`) in MiB.
pub fn peak_rss_mib() -> Result<f64, String> {
    let status = std::fs::read_to_string("/proc/self/status")
        .map_err(|error| format!("cannot read /proc/self/status: {error}"))?;
    let kib: f64 = status
        .lines()
        .find_map(|line| line.strip_prefix("VmHWM:"))
        .and_then(|rest| rest.trim().trim_end_matches("kB").trim().parse().ok())
        .ok_or("/proc/self/status has no VmHWM line")?;
    Ok(kib / 1024.0)
}
