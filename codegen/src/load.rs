//! Stage one: read the spec file (YAML or JSON) into `openapiv3` types.

use std::path::{Path, PathBuf};

use openapiv3::OpenAPI;

/// A loaded spec.
#[derive(Debug, Clone)]
pub struct Spec {
    /// Where it was read from.
    pub path: PathBuf,
    /// The typed OpenAPI document.
    pub document: OpenAPI,
}

/// Reads and parses the spec at `path`; the error names the file, the place and what is
/// wrong.
pub fn load(path: &Path) -> Result<Spec, String> {
    let text = std::fs::read_to_string(path)
        .map_err(|error| format!("{}: cannot read the spec: {error}", path.display()))?;
    let looks_like_json = path
        .extension()
        .is_some_and(|extension| extension == "json")
        || text.trim_start().starts_with('{');
    let document = if looks_like_json {
        parse_json(path, &text)?
    } else {
        parse_yaml(path, &text)?
    };
    Ok(Spec {
        path: path.to_path_buf(),
        document,
    })
}

fn parse_json(path: &Path, text: &str) -> Result<OpenAPI, String> {
    let mut deserializer = serde_json::Deserializer::from_str(text);
    serde_path_to_error::deserialize(&mut deserializer).map_err(|error| {
        if error.inner().is_data() {
            not_openapi(path, error.path(), error.inner())
        } else {
            format!("{}: #: invalid JSON: {}", path.display(), error.inner())
        }
    })
}

/// Parses YAML straight into the typed document; only when that fails is the text parsed
/// again as a plain tree, to tell invalid YAML from a document that is not OpenAPI.
fn parse_yaml(path: &Path, text: &str) -> Result<OpenAPI, String> {
    let deserializer = serde_yaml::Deserializer::from_str(text);
    serde_path_to_error::deserialize(deserializer).map_err(|error| {
        match serde_yaml::from_str::<serde_yaml::Value>(text) {
            Err(syntax) => format!("{}: #: invalid YAML: {syntax}", path.display()),
            Ok(_) => not_openapi(path, error.path(), error.inner()),
        }
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
