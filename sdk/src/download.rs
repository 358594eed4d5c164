//! [`ByteStream`]: a response body read chunk by chunk.

use std::fmt;
use std::pin::Pin;
use std::task::{Context, Poll};

use bytes::{Bytes, BytesMut};
use futures_util::{Stream, StreamExt};
use tokio::io::{AsyncWrite, AsyncWriteExt};

use crate::error::{Error, Result};

type Chunks = Pin<Box<dyn Stream<Item = Result<Bytes>> + Send>>;

/// The body of a download, as a stream of byte chunks.
///
/// Use it as a [`Stream`] of `Result<Bytes>`, write it into any
/// [`AsyncWrite`] (a file, a socket) with [`ByteStream::write_to`], or
/// collect it with [`ByteStream::into_bytes`]. Memory stays bounded by the
/// chunk size unless the body is collected.
pub struct ByteStream {
    chunks: Chunks,
    content_type: Option<String>,
    content_length: Option<u64>,
}

impl ByteStream {
    /// Wraps the body of a response.
    pub(crate) fn from_response(response: reqwest::Response) -> Self {
        let content_type = response
            .headers()
            .get(reqwest::header::CONTENT_TYPE)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned);
        let content_length = response.content_length();
        let chunks = response
            .bytes_stream()
            .map(|chunk| chunk.map_err(Error::transport));
        ByteStream {
            chunks: Box::pin(chunks),
            content_type,
            content_length,
        }
    }

    /// The `Content-Type` the server declared, if any.
    pub fn content_type(&self) -> Option<&str> {
        self.content_type.as_deref()
    }

    /// The `Content-Length` the server declared, if any.
    pub fn content_length(&self) -> Option<u64> {
        self.content_length
    }

    /// Writes every chunk into `writer`, flushes it, and returns the number of
    /// bytes written.
    pub async fn write_to<W>(mut self, writer: &mut W) -> Result<u64>
    where
        W: AsyncWrite + Unpin + ?Sized,
    {
        let mut written = 0;
        while let Some(chunk) = self.chunks.next().await {
            let chunk = chunk?;
            writer
                .write_all(&chunk)
                .await
                .map_err(|error| Error::io("could not write the download", error))?;
            written += chunk.len() as u64;
        }
        writer
            .flush()
            .await
            .map_err(|error| Error::io("could not write the download", error))?;
        Ok(written)
    }

    /// Reads the whole body into memory.
    pub async fn into_bytes(mut self) -> Result<Bytes> {
        let mut buffer = BytesMut::new();
        while let Some(chunk) = self.chunks.next().await {
            buffer.extend_from_slice(&chunk?);
        }
        Ok(buffer.freeze())
    }
}

impl Stream for ByteStream {
    type Item = Result<Bytes>;

    fn poll_next(mut self: Pin<&mut Self>, context: &mut Context<'_>) -> Poll<Option<Self::Item>> {
        self.chunks.as_mut().poll_next(context)
    }
}

impl fmt::Debug for ByteStream {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ByteStream")
            .field("content_type", &self.content_type)
            .field("content_length", &self.content_length)
            .finish_non_exhaustive()
    }
}
