//! Sending an upload: one request, or chunk after chunk, then the final answer decoded.

use bytes::Bytes;
use reqwest::Method;
use reqwest::multipart::Part;
use serde::de::DeserializeOwned;

use super::Upload;
use super::input::OpenedFile;
use super::plan::{ChunkPlan, ChunkRange};
use super::progress::{ProgressCallback, UploadProgress};
use super::resume::{self, Lookup};
use crate::client::Client;
use crate::error::{Error, Result};
use crate::request::ApiRequest;
use crate::response::decode_json as decode;

/// The file id that asks the server to choose one.
pub(super) const UNIQUE_ID: &str = "unique()";

impl Client {
    /// Sends `request` with `upload`'s file in it: in one request up to 5 MiB, in chunks
    /// of 5 MiB beyond, and decodes the server's last answer as `T`.
    #[doc(hidden)]
    pub async fn execute_upload<T: DeserializeOwned>(
        &self,
        request: ApiRequest,
        upload: Upload,
    ) -> Result<T> {
        request.check()?;
        let url = self.url_for(&request)?;
        let given_id = given_file_id(&request, upload.id_field);
        let file = upload.file.open().await.map_err(read_failed)?;
        let mut session = UploadSession {
            client: self,
            request,
            url,
            plan: ChunkPlan::new(file.source.size()),
            file,
            file_field: upload.file_field,
            file_id: None,
            progress: upload.progress,
        };

        let first_chunk = if upload.resume {
            match resume::lookup(&mut session, given_id.as_deref()).await? {
                Lookup::Complete(body) => {
                    session.report(session.plan.chunk_count(), resume::id_of(&body));
                    return decode(&body);
                }
                Lookup::Partial { chunks_uploaded } => {
                    session.file_id = given_id;
                    chunks_uploaded
                }
            }
        } else {
            0
        };
        session.send_from(first_chunk).await
    }
}

/// The file id given in the request's id field, if it is a string.
fn given_file_id(request: &ApiRequest, id_field: &str) -> Option<String> {
    request
        .body_value(id_field)
        .and_then(|value| value.as_str())
        .map(str::to_owned)
}

/// The state of one upload while it runs.
pub(super) struct UploadSession<'a> {
    pub(super) client: &'a Client,
    pub(super) request: ApiRequest,
    pub(super) url: url::Url,
    pub(super) plan: ChunkPlan,
    file: OpenedFile,
    file_field: &'static str,
    /// The id sent as `x-appwrite-id`: the server's after the first chunk, the caller's
    /// when resuming.
    file_id: Option<String>,
    progress: Option<ProgressCallback>,
}

impl UploadSession<'_> {
    /// Sends the file from chunk `first` on and decodes the last answer.
    async fn send_from<T: DeserializeOwned>(&mut self, first: u64) -> Result<T> {
        if !self.plan.is_chunked() {
            let size = self.plan.size();
            let bytes = self.read(size).await?;
            let body = self.post(bytes, None).await?;
            self.report(1, resume::id_of(&body));
            return decode(&body);
        }

        let offset = self.plan.bytes_in(first);
        self.file
            .source
            .skip_to(offset)
            .await
            .map_err(read_failed)?;
        let mut last_body = Bytes::new();
        for index in first..self.plan.chunk_count() {
            last_body = self.send_chunk(index).await?;
        }
        decode(&last_body)
    }

    /// Reads, sends and reports chunk `index`, returning the server's answer.
    async fn send_chunk(&mut self, index: u64) -> Result<Bytes> {
        let Some(range) = self.plan.range(index) else {
            return Err(Error::invalid_input(format!(
                "chunk {index} is past the end of the file"
            )));
        };
        let result = match self.read(range.len()).await {
            Ok(bytes) => self.post(bytes, Some(range)).await,
            Err(error) => Err(error),
        };
        let body = result.map_err(|error| self.chunk_failed(range, error))?;

        let id = resume::id_of(&body);
        if self.file_id.is_none() {
            // Later chunks must name the file the server made, never `unique()`.
            self.file_id = Some(id.clone().ok_or_else(|| missing_id(&body))?);
        }
        self.report(index + 1, id);
        Ok(body)
    }

    async fn read(&mut self, length: u64) -> Result<Bytes> {
        self.file
            .source
            .read_chunk(length)
            .await
            .map_err(read_failed)
    }

    /// Posts one multipart request holding `bytes` and every other form field.
    async fn post(&mut self, bytes: Bytes, range: Option<ChunkRange>) -> Result<Bytes> {
        let length = bytes.len() as u64;
        let part = Part::stream_with_length(reqwest::Body::from(bytes), length)
            .file_name(self.file.name.clone())
            .mime_str(&self.file.mime_type)
            .map_err(|error| Error::invalid_input_from("invalid file mime type", error))?;
        let form = self.request.multipart_form()?.part(self.file_field, part);

        let mut builder = self.client.prepare(Method::POST, self.url.clone());
        for (name, value) in self.request.headers() {
            builder = builder.header(*name, *value);
        }
        if let Some(range) = range {
            builder = builder.header("content-range", range.content_range(self.plan.size()));
            if let Some(id) = &self.file_id {
                builder = builder.header("x-appwrite-id", id.as_str());
            }
        }
        if let Some(timeout) = self.client.transfer_timeout() {
            builder = builder.timeout(timeout);
        }
        let response = self.client.send_prepared(builder.multipart(form)).await?;
        response.bytes().await.map_err(Error::transport)
    }

    /// Tells the progress callback that the first `chunks` chunks are on the server.
    pub(super) fn report(&mut self, chunks: u64, id: Option<String>) {
        let Some(callback) = self.progress.as_mut() else {
            return;
        };
        let id = id.or_else(|| self.file_id.clone()).unwrap_or_default();
        let bytes = (self.plan.bytes_in(chunks), self.plan.size());
        callback(UploadProgress::new(
            id,
            bytes,
            (chunks, self.plan.chunk_count()),
        ));
    }

    /// The error for a chunk that could not be read or sent, saying how to resume.
    fn chunk_failed(&self, range: ChunkRange, cause: Error) -> Error {
        let count = self.plan.chunk_count();
        let chunk = range.index + 1;
        let advice = match self.file_id.as_deref() {
            Some(id) if id != UNIQUE_ID => {
                format!("resume with file id `{id}` and `resume()`")
            }
            _ => "nothing was stored, so start the upload again".to_owned(),
        };
        cause.context(format!(
            "upload of chunk {chunk} of {count} (bytes {}-{}) failed; {advice}",
            range.start, range.end
        ))
    }
}

fn read_failed(error: std::io::Error) -> Error {
    Error::invalid_input_from(format!("cannot read the file to upload: {error}"), error)
}

/// The error for a first chunk answered without the id of the file it made.
fn missing_id(body: &[u8]) -> Error {
    let text = String::from_utf8_lossy(body).into_owned();
    let model = "the answer to the first chunk".to_owned();
    Error::decode(model, "$id".to_owned(), text, "missing field `$id`")
}
