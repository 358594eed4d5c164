//! A local stand-in for Appwrite's storage upload endpoints, checking every request the
//! way the real server would, plus inputs for upload tests.
#![allow(dead_code)]

pub mod call;
pub mod check;
pub mod input;
pub mod multipart;
mod storage;

use std::sync::{Arc, Mutex, MutexGuard};

use wiremock::matchers::{method, path_regex};
use wiremock::{Mock, MockServer};

pub use storage::Seen;
use storage::{State, Storage};

/// Appwrite's chunk size: 5 MiB.
pub const CHUNK: usize = 5 * 1024 * 1024;

/// The bucket every test uploads into.
pub const BUCKET: &str = "photos";

/// A running fake storage server on 127.0.0.1.
pub struct FakeStorage {
    server: MockServer,
    state: Arc<Mutex<State>>,
}

impl FakeStorage {
    /// Starts a server answering `POST` and `GET` on the bucket's files.
    pub async fn start() -> Self {
        let server = MockServer::builder()
            .disable_request_recording()
            .start()
            .await;
        let state = Arc::new(Mutex::new(State::default()));
        let files = format!("^/v1/storage/buckets/{BUCKET}/files(/[^/]+)?$");
        for verb in ["POST", "GET"] {
            Mock::given(method(verb))
                .and(path_regex(files.as_str()))
                .respond_with(Storage(state.clone()))
                .mount(&server)
                .await;
        }
        Self { server, state }
    }

    /// The endpoint to give the client, ending in `/v1`.
    pub fn endpoint(&self) -> String {
        format!("{}/v1", self.server.uri())
    }

    fn state(&self) -> MutexGuard<'_, State> {
        self.state.lock().expect("the storage state is poisoned")
    }

    /// Makes the server answer 500 the next time chunk `index` (zero-based) arrives.
    pub fn fail_chunk(&self, index: u64) {
        self.state().fail_chunks.push(index);
    }

    /// Makes the server wait `delay` before every answer.
    pub fn delay_answers(&self, delay: std::time::Duration) {
        self.state().delay = delay;
    }

    /// Makes the server leave `$id` out of its answers, as a broken proxy might.
    pub fn omit_ids(&self) {
        self.state().omit_ids = true;
    }

    /// Stores the first `chunks` chunks of `data` as an interrupted upload named `id`.
    pub fn preload(&self, id: &str, data: &[u8], chunks: u64) {
        self.state().preload(id, data, chunks);
    }

    /// The bytes of the finished file `id`, or `None` while chunks are missing.
    pub fn stored(&self, id: &str) -> Option<Vec<u8>> {
        self.state().stored(id)
    }

    /// Every request seen so far, in order.
    pub fn seen(&self) -> Vec<Seen> {
        self.state().seen.clone()
    }

    /// Fails the test with every rule an upload request broke.
    pub fn assert_no_violations(&self) {
        let violations = self.state().violations.clone();
        assert!(violations.is_empty(), "broken rules: {violations:#?}");
    }
}
