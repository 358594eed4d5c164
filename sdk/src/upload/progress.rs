//! [`UploadProgress`] and the callback that receives it.

/// A callback told of an upload's progress after each chunk the server accepts.
pub type ProgressCallback = Box<dyn FnMut(UploadProgress) + Send + 'static>;

/// How far an upload has come, as told to a [`ProgressCallback`].
///
/// The callback is called after each chunk the server accepts (once for a file of up to
/// 5 MiB, sent in one request); the values never go down, and the last call has
/// [`bytes_uploaded`](Self::bytes_uploaded) equal to [`total_bytes`](Self::total_bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UploadProgress {
    id: String,
    bytes_uploaded: u64,
    total_bytes: u64,
    chunks_uploaded: u64,
    chunks_total: u64,
}

impl UploadProgress {
    pub(crate) fn new(id: String, bytes: (u64, u64), chunks: (u64, u64)) -> Self {
        Self {
            id,
            bytes_uploaded: bytes.0,
            total_bytes: bytes.1,
            chunks_uploaded: chunks.0,
            chunks_total: chunks.1,
        }
    }

    /// The file id the server gave the upload (pass it with `resume()` to resume).
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The bytes the server holds so far.
    pub fn bytes_uploaded(&self) -> u64 {
        self.bytes_uploaded
    }

    /// The size of the file in bytes.
    pub fn total_bytes(&self) -> u64 {
        self.total_bytes
    }

    /// The chunks the server holds so far.
    pub fn chunks_uploaded(&self) -> u64 {
        self.chunks_uploaded
    }

    /// The number of chunks (requests) the file takes; 1 for a file of up to 5 MiB.
    pub fn chunks_total(&self) -> u64 {
        self.chunks_total
    }

    /// The share uploaded, from 0.0 to 100.0; 100.0 for a finished empty file.
    pub fn percent(&self) -> f64 {
        if self.total_bytes == 0 {
            return if self.chunks_uploaded >= self.chunks_total {
                100.0
            } else {
                0.0
            };
        }
        self.bytes_uploaded as f64 * 100.0 / self.total_bytes as f64
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_empty_file_is_complete_without_dividing_by_zero() {
        let done = UploadProgress::new("id".into(), (0, 0), (1, 1));
        assert_eq!(done.percent(), 100.0);
        let pending = UploadProgress::new("id".into(), (0, 0), (0, 1));
        assert_eq!(pending.percent(), 0.0);
    }

    #[test]
    fn percent_follows_the_bytes() {
        let half = UploadProgress::new("id".into(), (5, 10), (1, 2));
        assert_eq!(half.percent(), 50.0);
        assert_eq!(half.id(), "id");
        assert_eq!((half.chunks_uploaded(), half.chunks_total()), (1, 2));
    }
}
