//! Chunk arithmetic: how a file of a given size is cut into requests.

/// The size of every chunk but the last, and the largest file sent in one request.
pub(crate) const CHUNK_SIZE: u64 = 5 * 1024 * 1024;

/// How a file of `size` bytes is sent: one request, or chunks of [`CHUNK_SIZE`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChunkPlan {
    size: u64,
}

/// The bytes of one chunk: `start..=end` of the file, as `Content-Range` says it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) struct ChunkRange {
    /// The zero-based position of the chunk.
    pub(crate) index: u64,
    /// The offset of the chunk's first byte.
    pub(crate) start: u64,
    /// The offset of the chunk's last byte (inclusive).
    pub(crate) end: u64,
}

impl ChunkPlan {
    /// The plan for a file of `size` bytes.
    pub(crate) fn new(size: u64) -> Self {
        Self { size }
    }

    /// The file size in bytes.
    pub(crate) fn size(&self) -> u64 {
        self.size
    }

    /// Whether the file is sent in chunks with `Content-Range` rather than in one request.
    pub(crate) fn is_chunked(&self) -> bool {
        self.size > CHUNK_SIZE
    }

    /// The number of requests the file takes: one for any file up to [`CHUNK_SIZE`].
    pub(crate) fn chunk_count(&self) -> u64 {
        if self.is_chunked() {
            self.size.div_ceil(CHUNK_SIZE)
        } else {
            1
        }
    }

    /// The range of chunk `index`; `None` past the last chunk or for an empty file.
    pub(crate) fn range(&self, index: u64) -> Option<ChunkRange> {
        let start = index.checked_mul(CHUNK_SIZE)?;
        if start >= self.size {
            return None;
        }
        let end = start.saturating_add(CHUNK_SIZE).min(self.size) - 1;
        Some(ChunkRange { index, start, end })
    }

    /// The number of bytes held by the first `chunks` chunks.
    pub(crate) fn bytes_in(&self, chunks: u64) -> u64 {
        chunks.saturating_mul(CHUNK_SIZE).min(self.size)
    }
}

impl ChunkRange {
    /// The number of bytes in the chunk.
    pub(crate) fn len(&self) -> u64 {
        self.end - self.start + 1
    }

    /// The `Content-Range` header value for a file of `size` bytes.
    pub(crate) fn content_range(&self, size: u64) -> String {
        format!("bytes {}-{}/{}", self.start, self.end, size)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn small_files_take_one_request() {
        for size in [0, 1, CHUNK_SIZE - 1, CHUNK_SIZE] {
            let plan = ChunkPlan::new(size);
            assert!(!plan.is_chunked(), "size {size}");
            assert_eq!(plan.chunk_count(), 1, "size {size}");
        }
    }

    #[test]
    fn larger_files_take_whole_chunks_and_a_short_last_one() {
        let plan = ChunkPlan::new(2 * CHUNK_SIZE + 5);
        assert!(plan.is_chunked());
        assert_eq!(plan.chunk_count(), 3);
        let last = plan
            .range(2)
            .map(|range| (range.start, range.end, range.len()));
        assert_eq!(last, Some((2 * CHUNK_SIZE, 2 * CHUNK_SIZE + 4, 5)));
        assert_eq!(plan.range(3), None);
    }

    #[test]
    fn ranges_are_contiguous_and_end_at_the_last_byte() {
        let size = 3 * CHUNK_SIZE;
        let plan = ChunkPlan::new(size);
        let ranges: Vec<_> = (0..plan.chunk_count())
            .filter_map(|i| plan.range(i))
            .collect();
        assert_eq!(ranges.len(), 3);
        for pair in ranges.windows(2) {
            assert_eq!(pair[0].end + 1, pair[1].start);
        }
        assert_eq!(ranges[2].end, size - 1);
        assert_eq!(
            ranges[1].content_range(size),
            "bytes 5242880-10485759/15728640"
        );
    }

    #[test]
    fn an_empty_file_has_no_range_and_no_bytes() {
        let plan = ChunkPlan::new(0);
        assert_eq!(plan.range(0), None);
        assert_eq!(plan.bytes_in(1), 0);
    }
}
