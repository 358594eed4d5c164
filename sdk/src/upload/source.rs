//! Reading an input file one chunk at a time, never more than a chunk in memory.

use std::fmt;
use std::io::{self, SeekFrom};
use std::path::PathBuf;

use bytes::{Bytes, BytesMut};
use tokio::io::{AsyncRead, AsyncReadExt, AsyncSeekExt};

/// Where an [`InputFile`](super::InputFile) comes from, before it is opened.
pub(crate) enum Source {
    Path(PathBuf),
    Bytes(Bytes),
    Reader {
        reader: Box<dyn AsyncRead + Send + Unpin>,
        size: u64,
    },
}

impl Source {
    /// Opens the file (a path) and learns the size of the input.
    pub(crate) async fn open(self) -> io::Result<FileSource> {
        let (reader, size) = match self {
            Source::Path(path) => {
                let file = tokio::fs::File::open(&path).await.map_err(|error| {
                    io::Error::new(
                        error.kind(),
                        format!("cannot open {}: {error}", path.display()),
                    )
                })?;
                let size = file.metadata().await?.len();
                (Reader::File(file), size)
            }
            Source::Bytes(bytes) => {
                let size = bytes.len() as u64;
                (Reader::Bytes(bytes), size)
            }
            Source::Reader { reader, size } => (Reader::Stream(reader), size),
        };
        Ok(FileSource {
            reader,
            size,
            position: 0,
        })
    }
}

impl fmt::Debug for Source {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Source::Path(path) => formatter.debug_tuple("Path").field(path).finish(),
            Source::Bytes(bytes) => write!(formatter, "Bytes({} bytes)", bytes.len()),
            Source::Reader { size, .. } => write!(formatter, "Reader({size} bytes)"),
        }
    }
}

enum Reader {
    File(tokio::fs::File),
    Bytes(Bytes),
    Stream(Box<dyn AsyncRead + Send + Unpin>),
}

/// An opened input of known size, read forward one chunk at a time.
pub(crate) struct FileSource {
    reader: Reader,
    size: u64,
    position: u64,
}

impl FileSource {
    /// The size of the input in bytes.
    pub(crate) fn size(&self) -> u64 {
        self.size
    }

    /// Moves past the first `offset` bytes, which the server already holds.
    ///
    /// A file seeks; a reader is read and its bytes dropped, a buffer at a time.
    pub(crate) async fn skip_to(&mut self, offset: u64) -> io::Result<()> {
        let count = offset.saturating_sub(self.position);
        match &mut self.reader {
            Reader::File(file) => {
                file.seek(SeekFrom::Start(offset)).await?;
            }
            Reader::Bytes(bytes) => {
                let count = usize::try_from(count)
                    .unwrap_or(usize::MAX)
                    .min(bytes.len());
                let _ = bytes.split_to(count);
            }
            Reader::Stream(stream) => {
                let mut limited = (&mut **stream).take(count);
                let skipped = tokio::io::copy(&mut limited, &mut tokio::io::sink()).await?;
                if skipped < count {
                    return Err(ended_early(self.position + skipped, self.size));
                }
            }
        }
        self.position = offset;
        Ok(())
    }

    /// Reads the next `length` bytes, waiting through short reads until they are all there.
    ///
    /// Every chunk is a fresh buffer, so no byte of an earlier chunk is ever sent again.
    pub(crate) async fn read_chunk(&mut self, length: u64) -> io::Result<Bytes> {
        let wanted = usize::try_from(length)
            .map_err(|_| io::Error::new(io::ErrorKind::InvalidInput, "chunk too large"))?;
        let chunk = match &mut self.reader {
            Reader::Bytes(bytes) if bytes.len() >= wanted => bytes.split_to(wanted),
            Reader::Bytes(bytes) => {
                return Err(ended_early(self.position + bytes.len() as u64, self.size));
            }
            Reader::File(file) => read_exactly(file, wanted, self.position, self.size).await?,
            Reader::Stream(stream) => {
                read_exactly(stream, wanted, self.position, self.size).await?
            }
        };
        self.position += length;
        Ok(chunk)
    }
}

/// Fills a new buffer of `wanted` bytes from `reader`, failing if the input ends first.
async fn read_exactly<R: AsyncRead + Unpin + ?Sized>(
    reader: &mut R,
    wanted: usize,
    position: u64,
    size: u64,
) -> io::Result<Bytes> {
    let mut buffer = BytesMut::with_capacity(wanted);
    while buffer.len() < wanted {
        let missing = (wanted - buffer.len()) as u64;
        let read = (&mut *reader).take(missing).read_buf(&mut buffer).await?;
        if read == 0 {
            return Err(ended_early(position + buffer.len() as u64, size));
        }
    }
    Ok(buffer.freeze())
}

fn ended_early(read: u64, size: u64) -> io::Error {
    io::Error::new(
        io::ErrorKind::UnexpectedEof,
        format!("the input ended after {read} of its {size} bytes"),
    )
}
