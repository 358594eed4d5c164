//! Reading answers: JSON decoding with the path of a failing field, and error
//! answers of every shape (JSON, HTML, plain text, empty).

use reqwest::header::{CONTENT_TYPE, LOCATION};
use reqwest::{Response, StatusCode};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use crate::error::{ApiErrorParts, Error, Result};

/// The longest message taken from a plain-text or HTML error body.
const MAX_MESSAGE_CHARS: usize = 200;

/// Decodes a JSON body into `T`; an empty body decodes as `null`, so `()`
/// and `Option<_>` accept it. Errors name the type, the field path and keep
/// the raw body.
///
/// The body is decoded plainly first; only when that fails is it decoded again
/// with path tracking, so the common case pays nothing for the error's detail.
pub(crate) fn decode_json<T: DeserializeOwned>(body: &[u8]) -> Result<T> {
    let text = if body.iter().all(u8::is_ascii_whitespace) {
        &b"null"[..]
    } else {
        body
    };
    match serde_json::from_slice(text) {
        Ok(value) => Ok(value),
        Err(error) => Err(decode_error::<T>(text, body, error)),
    }
}

/// The error for a body that did not decode into `T`, with the failing field's path.
fn decode_error<T: DeserializeOwned>(text: &[u8], body: &[u8], plain: serde_json::Error) -> Error {
    let model = short_type_name(std::any::type_name::<T>());
    let raw = String::from_utf8_lossy(body).into_owned();
    let mut deserializer = serde_json::Deserializer::from_slice(text);
    match serde_path_to_error::deserialize::<_, T>(&mut deserializer) {
        Err(error) => {
            let path = error.path().to_string();
            Error::decode(model, path, raw, error.into_inner())
        }
        Ok(_) => Error::decode(model, ".".to_owned(), raw, plain),
    }
}

/// `appwrite::models::Document<serde_json::Map<..>>` becomes
/// `Document<Map<..>>`: every path segment dropped.
pub(crate) fn short_type_name(full: &str) -> String {
    let mut short = String::with_capacity(full.len());
    let mut word = String::new();
    for character in full.chars() {
        if character.is_alphanumeric() || character == '_' || character == ':' {
            word.push(character);
        } else {
            short.push_str(word.rsplit("::").next().unwrap_or_default());
            word.clear();
            short.push(character);
        }
    }
    short.push_str(word.rsplit("::").next().unwrap_or_default());
    short
}

/// The body of an Appwrite error answer.
#[derive(Deserialize)]
struct ErrorBody {
    message: Option<String>,
    code: Option<Value>,
    #[serde(rename = "type")]
    error_type: Option<String>,
}

/// Turns a non-success answer into an [`Error`], reading its body.
pub(crate) async fn error_from_response(response: Response) -> Error {
    let status = response.status();
    let header = |name| {
        response
            .headers()
            .get(name)
            .and_then(|value| value.to_str().ok())
            .map(str::to_owned)
    };
    let content_type = header(CONTENT_TYPE)
        .unwrap_or_default()
        .to_ascii_lowercase();
    let location = header(LOCATION);
    let body = match response.bytes().await {
        Ok(bytes) => String::from_utf8_lossy(&bytes).into_owned(),
        Err(_) => String::new(),
    };
    Error::api(error_parts(
        status,
        &content_type,
        location.as_deref(),
        body,
    ))
}

/// Reads status, code, type and message out of an error body of any shape.
pub(crate) fn error_parts(
    status: StatusCode,
    content_type: &str,
    location: Option<&str>,
    body: String,
) -> ApiErrorParts {
    let trimmed = body.trim();
    let mut parts = ApiErrorParts {
        status,
        message: fallback_message(status),
        ..ApiErrorParts::default()
    };
    if let Ok(parsed) = serde_json::from_str::<ErrorBody>(trimmed) {
        parts.code = parsed.code.as_ref().and_then(code_number);
        parts.error_type = parsed.error_type;
        if let Some(message) = parsed.message.filter(|message| !message.is_empty()) {
            parts.message = message;
        }
    } else if content_type.contains("html") || trimmed.starts_with('<') {
        if let Some(title) = html_title(trimmed) {
            parts.message = title;
        }
    } else if !trimmed.is_empty() {
        parts.message = first_line(trimmed);
    }
    if status.is_redirection() && parts.code.is_none() {
        parts.message = match location {
            Some(location) => format!("redirect to {location} was not followed"),
            None => "redirect was not followed".to_owned(),
        };
    }
    parts.body = body;
    parts
}

fn code_number(code: &Value) -> Option<i64> {
    match code {
        Value::Number(number) => number.as_i64(),
        Value::String(text) => text.trim().parse().ok(),
        _ => None,
    }
}

fn fallback_message(status: StatusCode) -> String {
    status
        .canonical_reason()
        .map_or_else(|| "unknown error".to_owned(), str::to_ascii_lowercase)
}

/// The text of the first `<title>` (or `<h1>`) element, whitespace collapsed.
fn html_title(html: &str) -> Option<String> {
    let lower = html.to_ascii_lowercase();
    ["title", "h1"].iter().find_map(|tag| {
        let open = lower.find(&format!("<{tag}"))?;
        let start = open + lower[open..].find('>')? + 1;
        let end = start + lower[start..].find(&format!("</{tag}"))?;
        let text = html.get(start..end)?;
        let collapsed = text.split_whitespace().collect::<Vec<_>>().join(" ");
        (!collapsed.is_empty()).then(|| truncate(&collapsed))
    })
}

fn first_line(text: &str) -> String {
    truncate(text.lines().next().unwrap_or_default().trim())
}

fn truncate(text: &str) -> String {
    match text.char_indices().nth(MAX_MESSAGE_CHARS) {
        Some((index, _)) => format!("{}...", &text[..index]),
        None => text.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_names_drop_paths() {
        let name = "appwrite::models::Document<serde_json::map::Map<alloc::string::String, u8>>";
        assert_eq!(short_type_name(name), "Document<Map<String, u8>>");
    }

    #[test]
    fn html_pages_give_their_title() {
        let page = "<html><head><title>502 Bad\n Gateway</title></head></html>".to_owned();
        let parts = error_parts(StatusCode::BAD_GATEWAY, "text/html", None, page);
        assert_eq!(parts.message, "502 Bad Gateway");
    }
}
