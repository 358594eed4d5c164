//! [`InputFile`]: what an upload reads from, with its name and MIME type.

use std::fmt;
use std::path::{Path, PathBuf};

use bytes::Bytes;
use tokio::io::AsyncRead;

use super::source::{FileSource, Source};

/// A file to upload: from a path on disk, from bytes in memory, or from an async reader.
///
/// A file from a path or a reader is streamed one chunk at a time, so uploading it needs
/// memory for a few chunks of 5 MiB whatever its size. The MIME type sent with the file is
/// the one set with [`InputFile::with_mime_type`], or else guessed from the file name, or
/// else `application/octet-stream`.
///
/// ```
/// use appwrite::InputFile;
///
/// let file = InputFile::from_bytes("notes.txt", "hello").with_mime_type("text/plain");
/// assert_eq!(file.name(), "notes.txt");
/// assert_eq!(file.mime_type(), "text/plain");
/// ```
pub struct InputFile {
    name: String,
    mime_type: Option<String>,
    source: Source,
}

impl InputFile {
    /// A file read from `path` when the upload runs, streamed from disk.
    ///
    /// The file name is the last component of the path. A file that cannot be opened is
    /// reported by the upload, not here.
    pub fn from_path(path: impl AsRef<Path>) -> Self {
        let path: PathBuf = path.as_ref().to_path_buf();
        let name = path
            .file_name()
            .map(|name| name.to_string_lossy().into_owned())
            .unwrap_or_default();
        Self::new(name, Source::Path(path))
    }

    /// A file held in memory, named `name`.
    pub fn from_bytes(name: impl Into<String>, bytes: impl Into<Bytes>) -> Self {
        Self::new(name.into(), Source::Bytes(bytes.into()))
    }

    /// A file read from `reader`, which must yield exactly `size` bytes.
    ///
    /// The reader is read once, in order; an upload that ends before `size` bytes fails.
    /// Resuming an upload from a reader reads and drops the bytes the server already holds.
    pub fn from_reader(
        name: impl Into<String>,
        reader: impl AsyncRead + Send + Unpin + 'static,
        size: u64,
    ) -> Self {
        let reader = Box::new(reader);
        Self::new(name.into(), Source::Reader { reader, size })
    }

    fn new(name: String, source: Source) -> Self {
        Self {
            name,
            mime_type: None,
            source,
        }
    }

    /// Sets the file name sent to the server.
    #[must_use]
    pub fn with_name(mut self, name: impl Into<String>) -> Self {
        self.name = name.into();
        self
    }

    /// Sets the MIME type sent with the file, instead of the one guessed from its name.
    #[must_use]
    pub fn with_mime_type(mut self, mime_type: impl Into<String>) -> Self {
        self.mime_type = Some(mime_type.into());
        self
    }

    /// The file name sent to the server.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// The MIME type sent with the file: the one set, or the one guessed from the name,
    /// or `application/octet-stream`.
    pub fn mime_type(&self) -> String {
        match &self.mime_type {
            Some(mime_type) => mime_type.clone(),
            None => mime_guess::from_path(&self.name)
                .first_or_octet_stream()
                .essence_str()
                .to_owned(),
        }
    }

    /// Opens the source for reading, learning its size.
    pub(crate) async fn open(self) -> std::io::Result<OpenedFile> {
        let mime_type = self.mime_type();
        let source = self.source.open().await?;
        Ok(OpenedFile {
            name: self.name,
            mime_type,
            source,
        })
    }
}

impl fmt::Debug for InputFile {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter
            .debug_struct("InputFile")
            .field("name", &self.name)
            .field("mime_type", &self.mime_type)
            .field("source", &self.source)
            .finish()
    }
}

/// An [`InputFile`] ready to read, with its size known.
pub(crate) struct OpenedFile {
    pub(crate) name: String,
    pub(crate) mime_type: String,
    pub(crate) source: FileSource,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_mime_type_is_guessed_from_the_name() {
        assert_eq!(InputFile::from_bytes("a.png", "").mime_type(), "image/png");
        assert_eq!(
            InputFile::from_bytes("a.json", "").mime_type(),
            "application/json"
        );
    }

    #[test]
    fn an_unknown_or_missing_extension_is_octet_stream() {
        let expected = "application/octet-stream";
        assert_eq!(
            InputFile::from_bytes("a.unknownext", "").mime_type(),
            expected
        );
        assert_eq!(InputFile::from_bytes("", "").mime_type(), expected);
    }

    #[test]
    fn a_set_mime_type_and_name_win() {
        let file = InputFile::from_path("/tmp/report.bin")
            .with_name("report.csv")
            .with_mime_type("text/csv");
        assert_eq!(file.name(), "report.csv");
        assert_eq!(file.mime_type(), "text/csv");
    }

    #[test]
    fn a_path_gives_its_file_name() {
        assert_eq!(
            InputFile::from_path("/tmp/dir/photo.jpg").name(),
            "photo.jpg"
        );
        assert_eq!(
            InputFile::from_path("/tmp/dir/photo.jpg").mime_type(),
            "image/jpeg"
        );
    }
}
