//! Inputs for upload tests: sample bytes, files on disk, and a reader of short reads.

use std::io;
use std::path::PathBuf;
use std::pin::Pin;
use std::task::{Context, Poll};

use tokio::io::{AsyncRead, ReadBuf};

/// `size` bytes of a fixed pseudo-random sequence, so a misplaced byte shows.
pub fn sample(size: usize) -> Vec<u8> {
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15 ^ size as u64;
    (0..size)
        .map(|_| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state >> 24) as u8
        })
        .collect()
}

/// A file in the temporary folder holding `data`, removed when dropped.
pub struct TempFile {
    pub path: PathBuf,
}

impl TempFile {
    pub async fn new(name: &str, data: &[u8]) -> Self {
        let folder = std::env::temp_dir().join(format!("appwrite-upload-{}", std::process::id()));
        tokio::fs::create_dir_all(&folder)
            .await
            .expect("create temp folder");
        let path = folder.join(name);
        tokio::fs::write(&path, data)
            .await
            .expect("write temp file");
        Self { path }
    }
}

impl Drop for TempFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.path);
    }
}

/// A reader that hands out its bytes a few at a time, sometimes after a `Pending`.
pub struct ShortReader {
    data: Vec<u8>,
    position: usize,
    calls: usize,
}

impl ShortReader {
    pub fn new(data: Vec<u8>) -> Self {
        Self {
            data,
            position: 0,
            calls: 0,
        }
    }
}

impl AsyncRead for ShortReader {
    fn poll_read(
        mut self: Pin<&mut Self>,
        context: &mut Context<'_>,
        buffer: &mut ReadBuf<'_>,
    ) -> Poll<io::Result<()>> {
        self.calls += 1;
        if self.calls.rem_euclid(7) == 0 {
            context.waker().wake_by_ref();
            return Poll::Pending;
        }
        let sizes = [1, 4093, 65_536, 17, 300_001];
        let wanted = sizes[self.calls % sizes.len()].min(buffer.remaining());
        let end = (self.position + wanted).min(self.data.len());
        buffer.put_slice(&self.data[self.position..end]);
        self.position = end;
        Poll::Ready(Ok(()))
    }
}
