//! How the tests call an upload: through the generated `storage().create_file`.

use std::sync::{Arc, Mutex};

use appwrite::{Client, InputFile, UploadProgress};

/// What the tests check of a finished upload.
#[derive(Debug)]
pub struct Uploaded {
    pub id: String,
    pub size: u64,
    pub chunks_uploaded: u64,
}

/// Records every progress report.
#[derive(Clone, Default)]
pub struct Recorder(Arc<Mutex<Vec<UploadProgress>>>);

impl Recorder {
    pub fn events(&self) -> Vec<UploadProgress> {
        self.0.lock().expect("recorder poisoned").clone()
    }
}

/// A client for the fake server at `endpoint`.
pub fn client(endpoint: &str) -> Client {
    Client::builder()
        .endpoint(endpoint)
        .project("test-project")
        .build()
        .expect("client builds")
}

/// Uploads `file` as `file_id` into the test bucket, with every form field Appwrite takes.
pub async fn create_file(
    client: &Client,
    file_id: &str,
    file: InputFile,
    recorder: Option<&Recorder>,
    resume: bool,
) -> appwrite::Result<Uploaded> {
    let mut request = client
        .storage()
        .create_file(super::BUCKET, file_id, file)
        .permissions(["read(\"any\")", "update(\"users\")"]);
    if let Some(recorder) = recorder {
        let events = recorder.0.clone();
        request = request.on_progress(move |progress| {
            events.lock().expect("recorder poisoned").push(progress);
        });
    }
    if resume {
        request = request.resume();
    }
    let file = request.await?;
    Ok(Uploaded {
        id: file.id,
        size: file.size_original as u64,
        chunks_uploaded: file.chunks_uploaded as u64,
    })
}
