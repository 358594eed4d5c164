//! Stage one: read the spec file (YAML or JSON) into `openapiv3` types.

use std::path::{Path, PathBuf};

use openapiv3::OpenAPI;
use serde_json::Value;

/// A loaded spec: the typed document, and the raw tree for what `openapiv3` drops.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Where it was read from.
    pub path: PathBuf,
    /// The typed OpenAPI document.
    pub document: OpenAPI,
    /// The same document as a JSON tree, looked up by JSON pointer for the spec's quirks
    /// (`items` beside `type: object`, which `openapiv3` does not keep).
    pub raw: Value,
}

impl Spec {
    /// The raw value at a `#/...` JSON pointer, if there is one.
    pub fn raw_at(&self, pointer: &str) -> Option<&Value> {
        self.raw.pointer(pointer.trim_start_matches('#'))
    }
}

/// Reads and parses the spec at `path`; the error names the file and what is wrong.
pub fn load(path: &Path) -> Result<Spec, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("{}: cannot read the spec: {error}", path.display()))?;
    let looks_like_json = path
        .extension()
        .is_some_and(|extension| extension == "json")
        || text.trim_start().starts_with('{');
    if looks_like_json {
        load_json(path, &text)
    } else {
        load_yaml(path, &text)
    }
}

fn load_json(path: &Path, text: &str) -> Result<Spec, String> {
    let raw: Value = serde_json::from_str(text)
        .map_err(|error| format!("{}: #: invalid JSON: {error}", path.display()))?;
    let mut deserializer = serde_json::Deserializer::from_str(text);
    let document = serde_path_to_error::deserialize(&mut deserializer)
        .map_err(|error| not_openapi(path, error.path(), error.inner()))?;
    Ok(Spec {
        path: path.to_path_buf(),
        document,
        raw,
    })
}

fn load_yaml(path: &Path, text: &str) -> Result<Spec, String> {
    let yaml: serde_yaml::Value = serde_yaml::from_str(text)
        .map_err(|error| format!("{}: #: invalid YAML: {error}", path.display()))?;
    let document = serde_path_to_error::deserialize(yaml.clone())
        .map_err(|error| not_openapi(path, error.path(), error.inner()))?;
    Ok(Spec {
        path: path.to_path_buf(),
        document,
        raw: yaml_to_json(yaml),
    })
}

fn not_openapi(
    path: &Path,
    at: &serde_path_to_error::Path,
    error: &impl std::fmt::Display,
) -> String {
    format!(
        "{}: {}: not a valid OpenAPI 3.0 document: {error}",
        path.display(),
        pointer_of(at)
    )
}

/// Converts a YAML tree to JSON, turning non-string keys (such as `200:`) into strings.
fn yaml_to_json(yaml: serde_yaml::Value) -> Value {
    match yaml {
        serde_yaml::Value::Null => Value::Null,
        serde_yaml::Value::Bool(flag) => Value::Bool(flag),
        serde_yaml::Value::Number(number) => number_to_json(&number),
        serde_yaml::Value::String(text) => Value::String(text),
        serde_yaml::Value::Sequence(items) => {
            Value::Array(items.into_iter().map(yaml_to_json).collect())
        }
        serde_yaml::Value::Mapping(mapping) => Value::Object(
            mapping
                .into_iter()
                .map(|(key, value)| (key_to_string(key), yaml_to_json(value)))
                .collect(),
        ),
        serde_yaml::Value::Tagged(tagged) => yaml_to_json(tagged.value),
    }
}

fn number_to_json(number: &serde_yaml::Number) -> Value {
    if let Some(integer) = number.as_i64() {
        Value::from(integer)
    } else if let Some(unsigned) = number.as_u64() {
        Value::from(unsigned)
    } else {
        number
            .as_f64()
            .and_then(serde_json::Number::from_f64)
            .map_or(Value::Null, Value::Number)
    }
}

fn key_to_string(key: serde_yaml::Value) -> String {
    match key {
        serde_yaml::Value::String(text) => text,
        serde_yaml::Value::Number(number) => number.to_string(),
        serde_yaml::Value::Bool(flag) => flag.to_string(),
        serde_yaml::Value::Null => "null".to_string(),
        other => serde_yaml::to_string(&other)
            .unwrap_or_default()
            .trim()
            .to_string(),
    }
}

fn pointer_of(path: &serde_path_to_error::Path) -> String {
    let mut pointer = String::from("#");
    for segment in path.iter() {
        let key = match segment {
            serde_path_to_error::Segment::Seq { index } => index.to_string(),
            serde_path_to_error::Segment::Map { key } => crate::diagnostics::escape(key),
            serde_path_to_error::Segment::Enum { variant } => variant.clone(),
            serde_path_to_error::Segment::Unknown => continue,
        };
        pointer.push('/');
        pointer.push_str(&key);
    }
    pointer
}
