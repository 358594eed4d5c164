//! The fake server's state: stored files and the rules each upload request must keep.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use serde_json::json;
use wiremock::{Request, Respond, ResponseTemplate};

use super::{CHUNK, multipart};

/// What the server saw of one request.
#[derive(Debug, Clone)]
pub struct Seen {
    pub method: String,
    pub path: String,
    pub content_range: Option<String>,
    pub appwrite_id: Option<String>,
    pub file_bytes: usize,
    pub file_name: Option<String>,
    pub mime_type: Option<String>,
    pub fields: Vec<(String, String)>,
    pub status: u16,
}

struct StoredFile {
    name: String,
    mime_type: String,
    size: u64,
    chunks_total: u64,
    chunks_uploaded: u64,
    fields: Option<Vec<(String, String)>>,
    data: Vec<u8>,
}

#[derive(Default)]
pub struct State {
    files: HashMap<String, StoredFile>,
    pub seen: Vec<Seen>,
    pub violations: Vec<String>,
    pub fail_chunks: Vec<u64>,
    pub delay: std::time::Duration,
    pub omit_ids: bool,
    next_id: u64,
}

pub struct Storage(pub Arc<Mutex<State>>);

impl Respond for Storage {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let mut state = self.0.lock().expect("the storage state is poisoned");
        let mut seen = Seen {
            method: request.method.to_string(),
            path: request.url.path().to_owned(),
            content_range: header(request, "content-range"),
            appwrite_id: header(request, "x-appwrite-id"),
            file_bytes: 0,
            file_name: None,
            mime_type: None,
            fields: Vec::new(),
            status: 0,
        };
        let (status, body) = if request.method.as_str() == "GET" {
            state.get(request.url.path())
        } else {
            state.post(request, &mut seen)
        };
        let mut body = body;
        if let Some(object) = body.as_object_mut().filter(|_| state.omit_ids) {
            object.remove("$id");
        }
        seen.status = status;
        state.seen.push(seen);
        ResponseTemplate::new(status)
            .set_body_json(body)
            .set_delay(state.delay)
    }
}

fn header(request: &Request, name: &str) -> Option<String> {
    let value = request.headers.get(name)?;
    Some(String::from_utf8_lossy(value.as_bytes()).into_owned())
}

fn error(status: u16, message: &str) -> (u16, serde_json::Value) {
    let body =
        json!({ "message": message, "code": status, "type": "general_test", "version": "1.6.2" });
    (status, body)
}

fn chunk_count(size: u64) -> u64 {
    if size <= CHUNK as u64 {
        1
    } else {
        size.div_ceil(CHUNK as u64)
    }
}

impl State {
    fn violation(&mut self, text: String) -> (u16, serde_json::Value) {
        self.violations.push(text.clone());
        error(400, &text)
    }

    fn get(&mut self, path: &str) -> (u16, serde_json::Value) {
        let id = path.rsplit('/').next().unwrap_or_default();
        match self.files.get(id) {
            Some(file) => (200, file_json(id, file)),
            None => error(404, "the requested file could not be found"),
        }
    }

    fn post(&mut self, request: &Request, seen: &mut Seen) -> (u16, serde_json::Value) {
        let content_type = header(request, "content-type").unwrap_or_default();
        let parts = match multipart::parse(&content_type, &request.body) {
            Ok(parts) => parts,
            Err(text) => return self.violation(format!("bad multipart body: {text}")),
        };
        let mut file = None;
        for part in parts {
            if part.name == "file" {
                file = Some(part);
            } else {
                let value = String::from_utf8_lossy(&part.data).into_owned();
                seen.fields.push((part.name, value));
            }
        }
        let Some(file) = file else {
            return self.violation("no file part".into());
        };
        seen.file_bytes = file.data.len();
        seen.file_name = file.file_name.clone();
        seen.mime_type = file.content_type.clone();
        let (Some(name), Some(mime_type)) = (file.file_name, file.content_type) else {
            return self.violation("the file part lacks a file name or a content type".into());
        };
        let upload = Incoming {
            name,
            mime_type,
            data: file.data,
            fields: seen.fields.clone(),
        };
        match seen.content_range.clone() {
            None => self.single(upload, seen.appwrite_id.is_some()),
            Some(range) => self.chunk(upload, &range, seen.appwrite_id.clone()),
        }
    }

    fn new_id(&mut self, fields: &[(String, String)]) -> Result<String, String> {
        let given = fields
            .iter()
            .find(|(name, _)| name == "fileId")
            .map(|(_, value)| value.clone());
        match given.as_deref() {
            None => Err("no fileId field".into()),
            Some("unique()") => {
                self.next_id += 1;
                Ok(format!("generated{}", self.next_id))
            }
            Some(id) if self.files.contains_key(id) => Err(format!("file `{id}` already exists")),
            Some(id) => Ok(id.to_owned()),
        }
    }

    fn single(&mut self, upload: Incoming, has_id_header: bool) -> (u16, serde_json::Value) {
        if upload.data.len() > CHUNK {
            return self.violation(format!(
                "{} bytes sent without content-range",
                upload.data.len()
            ));
        }
        if has_id_header {
            return self.violation("x-appwrite-id on a single-request upload".into());
        }
        let id = match self.new_id(&upload.fields) {
            Ok(id) => id,
            Err(text) => return self.violation(text),
        };
        let size = upload.data.len() as u64;
        let file = upload.into_file(size, 1);
        let body = file_json(&id, &file);
        self.files.insert(id, file);
        (201, body)
    }
}

struct Incoming {
    name: String,
    mime_type: String,
    data: Vec<u8>,
    fields: Vec<(String, String)>,
}

impl Incoming {
    fn into_file(self, size: u64, chunks_uploaded: u64) -> StoredFile {
        StoredFile {
            name: self.name,
            mime_type: self.mime_type,
            size,
            chunks_total: chunk_count(size),
            chunks_uploaded,
            fields: Some(self.fields),
            data: self.data,
        }
    }
}

fn file_json(id: &str, file: &StoredFile) -> serde_json::Value {
    json!({
        "$id": id,
        "bucketId": super::BUCKET,
        "$createdAt": "2024-01-01T00:00:00.000+00:00",
        "$updatedAt": "2024-01-01T00:00:00.000+00:00",
        "$permissions": [],
        "name": file.name,
        "signature": "",
        "mimeType": file.mime_type,
        "sizeOriginal": file.size,
        "chunksTotal": file.chunks_total,
        "chunksUploaded": file.chunks_uploaded,
    })
}

/// A parsed `Content-Range: bytes start-end/size`.
struct Range {
    start: u64,
    end: u64,
    size: u64,
}

fn parse_range(text: &str) -> Option<Range> {
    let (span, size) = text.strip_prefix("bytes ")?.split_once('/')?;
    let (start, end) = span.split_once('-')?;
    Some(Range {
        start: start.parse().ok()?,
        end: end.parse().ok()?,
        size: size.parse().ok()?,
    })
}

/// Every rule a chunk's range and length must keep, as Appwrite expects them.
fn range_problem(range: &Range, length: usize) -> Option<String> {
    let chunk = CHUNK as u64;
    let length = length as u64;
    if range.size <= chunk {
        return Some(format!("a file of {} bytes was chunked", range.size));
    }
    if range.end < range.start || range.end >= range.size {
        return Some(format!(
            "range {}-{} outside 0-{}",
            range.start,
            range.end,
            range.size - 1
        ));
    }
    if range.end - range.start + 1 != length {
        return Some(format!(
            "range {}-{} but {length} bytes",
            range.start, range.end
        ));
    }
    if range.start / chunk * chunk != range.start {
        return Some(format!(
            "chunk starting at {} is not on a 5 MiB boundary",
            range.start
        ));
    }
    if length != chunk && range.end != range.size - 1 {
        return Some(format!("a chunk of {length} bytes that is not the last"));
    }
    None
}

impl State {
    fn chunk(
        &mut self,
        upload: Incoming,
        text: &str,
        id_header: Option<String>,
    ) -> (u16, serde_json::Value) {
        let Some(range) = parse_range(text) else {
            return self.violation(format!("bad content-range `{text}`"));
        };
        if let Some(problem) = range_problem(&range, upload.data.len()) {
            return self.violation(problem);
        }
        let index = range.start / CHUNK as u64;
        if let Some(position) = self
            .fail_chunks
            .iter()
            .position(|failing| *failing == index)
        {
            self.fail_chunks.remove(position);
            return error(500, "the server failed on purpose");
        }

        let id = match (index, id_header) {
            (_, Some(id)) if id == "unique()" => {
                return self.violation("x-appwrite-id is `unique()`".into());
            }
            (_, Some(id)) => id,
            (0, None) => match self.new_id(&upload.fields) {
                Ok(id) => {
                    let file = upload.clone_meta().into_file(range.size, 0);
                    self.files.insert(id.clone(), file);
                    id
                }
                Err(text) => return self.violation(text),
            },
            (index, None) => return self.violation(format!("chunk {index} without x-appwrite-id")),
        };
        self.append(&id, range, upload)
    }

    fn append(&mut self, id: &str, range: Range, upload: Incoming) -> (u16, serde_json::Value) {
        let Some(file) = self.files.get_mut(id) else {
            return error(404, "the requested file could not be found");
        };
        let problem = if range.start != file.data.len() as u64 {
            Some(format!(
                "chunk starts at {} but the file holds {} bytes",
                range.start,
                file.data.len()
            ))
        } else if range.size != file.size {
            Some(format!(
                "size {} differs from the first chunk's {}",
                range.size, file.size
            ))
        } else if file
            .fields
            .as_ref()
            .is_some_and(|fields| without_id(fields) != without_id(&upload.fields))
        {
            Some(format!(
                "form fields {:?} differ from the first chunk's",
                upload.fields
            ))
        } else {
            None
        };
        if let Some(problem) = problem {
            return self.violation(problem);
        }
        file.fields = Some(upload.fields);
        file.data.extend_from_slice(&upload.data);
        file.chunks_uploaded += 1;
        (201, file_json(id, file))
    }

    pub fn preload(&mut self, id: &str, data: &[u8], chunks: u64) {
        let held = (chunks as usize * CHUNK).min(data.len());
        let size = data.len() as u64;
        let file = StoredFile {
            name: "preloaded.bin".into(),
            mime_type: "application/octet-stream".into(),
            size,
            chunks_total: chunk_count(size),
            chunks_uploaded: chunks,
            fields: None,
            data: data[..held].to_vec(),
        };
        self.files.insert(id.to_owned(), file);
    }

    pub fn stored(&self, id: &str) -> Option<Vec<u8>> {
        let file = self.files.get(id)?;
        (file.chunks_uploaded == file.chunks_total).then(|| file.data.clone())
    }
}

impl Incoming {
    fn clone_meta(&self) -> Incoming {
        Incoming {
            name: self.name.clone(),
            mime_type: self.mime_type.clone(),
            data: Vec::new(),
            fields: self.fields.clone(),
        }
    }
}

/// The form fields but `fileId`, which a resumed upload may name differently (the
/// server goes by `x-appwrite-id` then).
fn without_id(fields: &[(String, String)]) -> Vec<&(String, String)> {
    fields.iter().filter(|(name, _)| name != "fileId").collect()
}
