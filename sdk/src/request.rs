//! The description of one API call, built by generated code and sent by
//! [`Client`](crate::Client).
//!
//! Values are serialised into JSON values when they are added, so a request
//! holds no borrowed data; a value that cannot be serialised is kept as an
//! error and reported as invalid input when the request is sent.
//!
//! This module is the interface between the generated services and the core; it is
//! hidden from the docs and not meant to be used directly.

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::Method;
use serde::Serialize;
use serde_json::{Map, Value};

use crate::error::{Error, Result};

/// Characters left as they are in a path segment or a query value: the
/// unreserved characters of RFC 3986.
const ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~');

/// Percent-encodes one path segment (`/ ? # %` and spaces included).
pub fn encode_segment(value: &str) -> String {
    utf8_percent_encode(value, ENCODE).to_string()
}

/// Percent-encodes one query value (`+` becomes `%2B`, a space `%20`).
pub(crate) fn encode_query_value(value: &str) -> String {
    utf8_percent_encode(value, ENCODE).to_string()
}

/// How the parameters of a request's body are sent.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BodyKind {
    /// No body at all.
    None,
    /// A JSON object.
    Json,
    /// A `multipart/form-data` form.
    Multipart,
}

/// One API call: method, relative path, query pairs, body fields and fixed
/// headers.
#[derive(Debug)]
pub struct ApiRequest {
    method: Method,
    path: String,
    body_kind: BodyKind,
    query: Vec<(String, String)>,
    body: Map<String, Value>,
    headers: Vec<(&'static str, &'static str)>,
    error: Option<String>,
}

impl ApiRequest {
    /// `path` is relative to the endpoint (which already ends in `/v1`) and
    /// has its segments encoded with `encode_segment`.
    pub fn new(method: Method, path: String, body: BodyKind) -> Self {
        ApiRequest {
            method,
            path,
            body_kind: body,
            query: Vec::new(),
            body: Map::new(),
            headers: Vec::new(),
            error: None,
        }
    }

    /// Adds a query parameter; `null` is skipped, arrays become one
    /// `name[]=item` pair per item, booleans `true`/`false`, integers exact,
    /// strings as they are.
    pub fn query<T: Serialize + ?Sized>(mut self, name: &'static str, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Null) => {}
            Ok(Value::Array(items)) => {
                let name = format!("{name}[]");
                for item in items {
                    self.query.push((name.clone(), scalar_text(item)));
                }
            }
            Ok(value) => self.query.push((name.to_owned(), scalar_text(value))),
            Err(error) => self.park_error(name, &error),
        }
        self
    }

    /// Adds a body field (JSON or multipart, per `BodyKind`); `null` is
    /// skipped.
    pub fn body<T: Serialize + ?Sized>(mut self, name: &'static str, value: &T) -> Self {
        match serde_json::to_value(value) {
            Ok(Value::Null) => {}
            Ok(value) => {
                self.body.insert(name.to_owned(), value);
            }
            Err(error) => self.park_error(name, &error),
        }
        self
    }

    /// Adds a fixed header such as `x-sdk-graphql: true`.
    pub fn header(mut self, name: &'static str, value: &'static str) -> Self {
        self.headers.push((name, value));
        self
    }

    fn park_error(&mut self, name: &str, error: &serde_json::Error) {
        if self.error.is_none() {
            self.error = Some(format!("parameter `{name}` cannot be serialised: {error}"));
        }
    }

    /// Fails with the first parameter that could not be serialised.
    pub(crate) fn check(&self) -> Result<()> {
        match &self.error {
            Some(message) => Err(Error::invalid_input(message.clone())),
            None => Ok(()),
        }
    }

    /// The HTTP method.
    pub(crate) fn method(&self) -> &Method {
        &self.method
    }

    /// The encoded path, relative to the endpoint.
    pub(crate) fn path(&self) -> &str {
        &self.path
    }

    /// How the body is sent.
    pub(crate) fn body_kind(&self) -> BodyKind {
        self.body_kind
    }

    /// The query pairs, names with their `[]` suffix, values not yet encoded.
    pub(crate) fn query_pairs(&self) -> &[(String, String)] {
        &self.query
    }

    /// The body fields given so far.
    pub(crate) fn body_fields(&self) -> &Map<String, Value> {
        &self.body
    }

    /// One body field, for example the `x-upload-id` field of an upload.
    pub(crate) fn body_value(&self, name: &str) -> Option<&Value> {
        self.body.get(name)
    }

    /// The fixed headers of this operation.
    pub(crate) fn headers(&self) -> &[(&'static str, &'static str)] {
        &self.headers
    }

    /// The body fields as multipart text fields: arrays become one `name[]`
    /// field per item, objects their JSON text.
    pub(crate) fn multipart_fields(&self) -> Vec<(String, String)> {
        let mut fields = Vec::new();
        for (name, value) in &self.body {
            match value {
                Value::Array(items) => {
                    for item in items {
                        fields.push((format!("{name}[]"), scalar_text(item.clone())));
                    }
                }
                other => fields.push((name.clone(), scalar_text(other.clone()))),
            }
        }
        fields
    }

    /// A multipart form holding every body field as a text part with a
    /// `Content-Type`; upload code adds the file part.
    pub(crate) fn multipart_form(&self) -> Result<reqwest::multipart::Form> {
        let mut form = reqwest::multipart::Form::new();
        for (name, value) in self.multipart_fields() {
            let part = reqwest::multipart::Part::text(value)
                .mime_str("text/plain; charset=utf-8")
                .map_err(|error| Error::invalid_input_from("invalid multipart field", error))?;
            form = form.part(name, part);
        }
        Ok(form)
    }
}

/// The text of a scalar JSON value as sent in a query or a form: strings as
/// they are, numbers exact, booleans `true`/`false`, anything else as JSON.
fn scalar_text(value: Value) -> String {
    match value {
        Value::String(text) => text,
        Value::Null => String::new(),
        other => other.to_string(),
    }
}

/// A value given through `impl Serialize`, serialised when the builder is
/// made; a serialisation failure surfaces as an [`Error`] of kind invalid
/// input when the request is sent.
#[derive(Debug, Clone)]
pub struct Payload(std::result::Result<Value, String>);

impl Payload {
    /// Serialises `value` now and keeps the result.
    pub fn new(value: impl Serialize) -> Self {
        Payload(serde_json::to_value(value).map_err(|error| error.to_string()))
    }
}

impl Serialize for Payload {
    fn serialize<S: serde::Serializer>(
        &self,
        serializer: S,
    ) -> std::result::Result<S::Ok, S::Error> {
        match &self.0 {
            Ok(value) => value.serialize(serializer),
            Err(message) => Err(serde::ser::Error::custom(message)),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn segments_encode_reserved_characters() {
        assert_eq!(encode_segment("a/b?c#d%e f+g"), "a%2Fb%3Fc%23d%25e%20f%2Bg");
        assert_eq!(encode_segment("Ab-_.~9"), "Ab-_.~9");
        assert_eq!(encode_segment("é"), "%C3%A9");
    }

    #[test]
    fn query_flattens_arrays_and_skips_null() {
        let request = ApiRequest::new(Method::GET, "/x".into(), BodyKind::None)
            .query("queries", &["a", "b"])
            .query("empty", &Vec::<String>::new())
            .query("none", &Option::<String>::None)
            .query("flag", &true)
            .query("big", &9_007_199_254_740_993_i64);
        let pairs: Vec<_> = request
            .query_pairs()
            .iter()
            .map(|(name, value)| format!("{name}={value}"))
            .collect();
        assert_eq!(
            pairs,
            [
                "queries[]=a",
                "queries[]=b",
                "flag=true",
                "big=9007199254740993"
            ]
        );
    }

    #[test]
    fn payload_failure_is_invalid_input() {
        let mut map = std::collections::HashMap::new();
        map.insert((1, 2), 3);
        let request = ApiRequest::new(Method::POST, "/x".into(), BodyKind::Json)
            .body("data", &Payload::new(map));
        let error = request.check().err().map(|error| error.is_invalid_input());
        assert_eq!(error, Some(true));
    }
}
