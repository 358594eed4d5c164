//! Resuming: asking the server how many chunks of an upload it already holds.

use bytes::Bytes;
use reqwest::Method;
use serde::Deserialize;

use super::send::{UNIQUE_ID, UploadSession};
use crate::error::{Error, Result};
use crate::response::decode_json;

/// What the server holds of an upload.
pub(super) enum Lookup {
    /// Every chunk: the body is the finished file.
    Complete(Bytes),
    /// Only the first `chunks_uploaded` chunks.
    Partial { chunks_uploaded: u64 },
}

#[derive(Deserialize)]
struct UploadStatus {
    #[serde(rename = "chunksUploaded")]
    chunks_uploaded: u64,
    #[serde(rename = "chunksTotal")]
    chunks_total: u64,
}

/// Asks the server for the file `id` at `<upload path>/<id>` and reads its chunk counts.
///
/// Any failure is an error: an upload is never silently started again from scratch.
pub(super) async fn lookup(session: &mut UploadSession<'_>, id: Option<&str>) -> Result<Lookup> {
    let id = match id {
        Some(id) if id != UNIQUE_ID && !id.is_empty() => id,
        _ => {
            return Err(Error::invalid_input(
                "cannot resume an upload without its file id; pass the id of the interrupted upload instead of `unique()`",
            ));
        }
    };
    let mut url = session.url.clone();
    url.set_query(None);
    if let Ok(mut segments) = url.path_segments_mut() {
        segments.pop_if_empty().push(id);
    }

    let client = session.client;
    let mut request = client.prepare(Method::GET, url);
    if let Some(timeout) = client.request_timeout() {
        request = request.timeout(timeout);
    }
    let response = client
        .send_prepared(request)
        .await
        .map_err(|error| lookup_failed(id, error))?;
    let body = response
        .bytes()
        .await
        .map_err(|error| lookup_failed(id, Error::transport(error)))?;
    let status: UploadStatus = decode_json(&body)?;

    let expected = session.plan.chunk_count();
    if status.chunks_total != expected {
        return Err(Error::invalid_input(format!(
            "cannot resume upload `{id}`: the server holds a file of {} chunks but this file makes {expected}",
            status.chunks_total
        )));
    }
    if status.chunks_uploaded >= status.chunks_total {
        return Ok(Lookup::Complete(body));
    }
    Ok(Lookup::Partial {
        chunks_uploaded: status.chunks_uploaded,
    })
}

fn lookup_failed(id: &str, cause: Error) -> Error {
    let message = format!("cannot resume upload `{id}`: asking the server for it failed: {cause}");
    Error::invalid_input_from(message, cause)
}

/// The `$id` of a JSON answer, if it has one.
pub(super) fn id_of(body: &[u8]) -> Option<String> {
    #[derive(Deserialize)]
    struct WithId {
        #[serde(rename = "$id")]
        id: String,
    }
    serde_json::from_slice::<WithId>(body)
        .ok()
        .map(|with_id| with_id.id)
}
