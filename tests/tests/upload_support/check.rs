//! What every finished upload must show: the right requests and the original bytes.

use super::{CHUNK, FakeStorage, Seen};

/// The sizes the issue names: around one chunk, around two, and an odd one above 25 MiB.
pub const SIZES: [usize; 8] = [
    0,
    1,
    CHUNK - 1,
    CHUNK,
    CHUNK + 1,
    2 * CHUNK,
    2 * CHUNK + 5,
    5 * CHUNK + 123_457,
];

/// Checks the upload requests in `seen` for a file of `data` stored as `id`.
pub fn assert_upload(server: &FakeStorage, seen: &[Seen], id: &str, data: &[u8]) {
    server.assert_no_violations();
    let stored = server.stored(id);
    assert!(
        stored.as_deref() == Some(data),
        "file `{id}` of {} bytes differs",
        data.len()
    );

    let posts: Vec<&Seen> = seen.iter().filter(|seen| seen.method == "POST").collect();
    let size = data.len();
    if size <= CHUNK {
        assert_eq!(posts.len(), 1, "one request for {size} bytes");
        assert_eq!(posts[0].content_range, None);
        assert_eq!(posts[0].appwrite_id, None);
        assert_eq!(posts[0].file_bytes, size);
        return;
    }

    assert_eq!(
        posts.len(),
        size.div_ceil(CHUNK),
        "chunk count for {size} bytes"
    );
    for (index, post) in posts.iter().enumerate() {
        let start = index * CHUNK;
        let end = (start + CHUNK).min(size) - 1;
        let range = format!("bytes {start}-{end}/{size}");
        assert_eq!(post.content_range.as_deref(), Some(range.as_str()));
        assert_eq!(post.file_bytes, end - start + 1);
        let expected_id = (index > 0).then_some(id);
        assert_eq!(post.appwrite_id.as_deref(), expected_id, "chunk {index}");
        assert_eq!(post.fields, posts[0].fields, "fields of chunk {index}");
        assert_eq!(post.status, 201);
    }
}
