//! Errors and warnings about the spec, each naming the file and a JSON pointer.

use std::fmt;
use std::path::{Path, PathBuf};

/// How bad a diagnostic is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Severity {
    /// Generation cannot go on.
    Error,
    /// Generation went on with a fallback.
    Warning,
}

/// One finding about the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// How bad it is.
    pub severity: Severity,
    /// Where in the spec, as a JSON pointer such as `#/paths/~1account/get`.
    pub pointer: String,
    /// What is wrong, lowercase, without a final period.
    pub message: String,
}

/// The findings of one run, collected and reported together.
#[derive(Debug, Clone, Default)]
pub struct Diagnostics {
    /// The spec file they are about.
    pub file: PathBuf,
    /// The findings, in the order they were made.
    pub items: Vec<Diagnostic>,
}

impl Diagnostics {
    /// An empty collection for `file`.
    pub fn new(file: &Path) -> Self {
        Self {
            file: file.to_path_buf(),
            items: Vec::new(),
        }
    }

    /// Records an error at `pointer`.
    pub fn error(&mut self, pointer: &str, message: impl Into<String>) {
        self.push(Severity::Error, pointer, message.into());
    }

    /// Records a warning at `pointer`.
    pub fn warning(&mut self, pointer: &str, message: impl Into<String>) {
        self.push(Severity::Warning, pointer, message.into());
    }

    /// Whether any error was recorded.
    pub fn has_errors(&self) -> bool {
        self.items
            .iter()
            .any(|item| item.severity == Severity::Error)
    }

    /// The warnings, each formatted as `file: pointer: message`.
    pub fn warnings(&self) -> Vec<String> {
        self.formatted(Severity::Warning)
    }

    /// The errors, each formatted as `file: pointer: message`.
    pub fn errors(&self) -> Vec<String> {
        self.formatted(Severity::Error)
    }

    fn push(&mut self, severity: Severity, pointer: &str, message: String) {
        self.items.push(Diagnostic {
            severity,
            pointer: pointer.to_string(),
            message,
        });
    }

    fn formatted(&self, severity: Severity) -> Vec<String> {
        self.items
            .iter()
            .filter(|item| item.severity == severity)
            .map(|item| {
                format!(
                    "{}: {}: {}",
                    self.file.display(),
                    item.pointer,
                    item.message
                )
            })
            .collect()
    }
}

impl fmt::Display for Diagnostics {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        for line in self.errors() {
            writeln!(formatter, "error: {line}")?;
        }
        for line in self.warnings() {
            writeln!(formatter, "warning: {line}")?;
        }
        Ok(())
    }
}

/// Escapes one key for use inside a JSON pointer (`/` becomes `~1`, `~` becomes `~0`).
pub fn escape(key: &str) -> String {
    key.replace('~', "~0").replace('/', "~1")
}

/// Appends one escaped key to a JSON pointer.
pub fn child(pointer: &str, key: &str) -> String {
    format!("{pointer}/{}", escape(key))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointers_escape_slashes_and_tildes() {
        assert_eq!(child("#/paths", "/account/{id}"), "#/paths/~1account~1{id}");
        assert_eq!(escape("a~b"), "a~0b");
    }

    #[test]
    fn diagnostics_name_file_and_pointer() {
        let mut diagnostics = Diagnostics::new(Path::new("spec.yaml"));
        diagnostics.error("#/paths/~1a/get", "operation has no tag");
        assert!(diagnostics.has_errors());
        assert_eq!(
            diagnostics.errors(),
            vec!["spec.yaml: #/paths/~1a/get: operation has no tag"]
        );
    }
}
