//! File uploads: one request up to 5 MiB, chunks of 5 MiB with `Content-Range` beyond.
//!
//! An upload operation (such as `storage().create_file`) takes an [`InputFile`] and sends
//! it the way Appwrite expects:
//!
//! - a file of up to 5 MiB (5,242,880 bytes) goes in one `multipart/form-data` request;
//! - a larger file goes in chunks of exactly 5 MiB (the last one shorter), each with a
//!   `Content-Range: bytes start-end/size` header and every other form field repeated;
//!   from the second chunk on, the `x-appwrite-id` header carries the file id the server
//!   gave in its first answer;
//! - the file is read one chunk at a time, so memory stays at a few chunks whatever its
//!   size;
//! - after each chunk the server accepts, the [`ProgressCallback`] set on the request
//!   builder (`on_progress`) receives an [`UploadProgress`];
//! - an upload that failed part way can be resumed with the same file id and `resume()`:
//!   the SDK asks the server which chunks it holds and sends only the others.

mod input;
mod plan;
mod progress;
mod resume;
mod send;
mod source;

pub use input::InputFile;
pub use progress::{ProgressCallback, UploadProgress};

/// One upload: the file, where it goes in the form, and how progress is reported.
///
/// Built by generated code; not meant to be used directly.
#[doc(hidden)]
pub struct Upload {
    file: InputFile,
    file_field: &'static str,
    id_field: &'static str,
    progress: Option<ProgressCallback>,
    resume: bool,
}

impl Upload {
    /// `file_field`: multipart field of the file; `id_field`: the `x-upload-id` field.
    pub fn new(file: InputFile, file_field: &'static str, id_field: &'static str) -> Self {
        Self {
            file,
            file_field,
            id_field,
            progress: None,
            resume: false,
        }
    }

    /// Sets the callback told of progress after each chunk.
    pub fn progress(mut self, callback: Option<ProgressCallback>) -> Self {
        self.progress = callback;
        self
    }

    /// Whether to ask the server which chunks it already holds and send only the others.
    pub fn resume(mut self, resume: bool) -> Self {
        self.resume = resume;
        self
    }
}
