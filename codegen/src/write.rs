//! Stage five: write the generated files, or compare them with what is on disk.

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

use crate::format::GeneratedFile;

/// The folders under the SDK's `src/` that belong to the generator.
pub const GENERATED_FOLDERS: [&str; 3] = ["services", "models", "enums"];

/// How one file on disk differs from what the generator makes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Drift {
    /// The file exists with other contents.
    Stale(PathBuf),
    /// The file does not exist.
    Missing(PathBuf),
    /// The file exists in a generated folder but the generator does not make it.
    Extra(PathBuf),
}

impl std::fmt::Display for Drift {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            Drift::Stale(path) => write!(formatter, "stale: {}", path.display()),
            Drift::Missing(path) => write!(formatter, "missing: {}", path.display()),
            Drift::Extra(path) => write!(formatter, "extra: {}", path.display()),
        }
    }
}

/// Writes `files` under `src_dir` and removes files of the generated folders that the
/// generator no longer makes. Files whose bytes are unchanged are not touched.
pub fn write(src_dir: &Path, files: &[GeneratedFile]) -> Result<(), String> {
    for drift in check(src_dir, files)? {
        match drift {
            Drift::Stale(path) | Drift::Missing(path) => {
                let relative = path.strip_prefix(src_dir).unwrap_or(&path);
                let contents = files
                    .iter()
                    .find(|file| Path::new(&file.path) == relative)
                    .map(|file| file.contents.as_str())
                    .unwrap_or_default();
                if let Some(parent) = path.parent() {
                    std::fs::create_dir_all(parent).map_err(|error| {
                        format!("{}: cannot create folder: {error}", parent.display())
                    })?;
                }
                std::fs::write(&path, contents)
                    .map_err(|error| format!("{}: cannot write: {error}", path.display()))?;
            }
            Drift::Extra(path) => std::fs::remove_file(&path)
                .map_err(|error| format!("{}: cannot remove: {error}", path.display()))?,
        }
    }
    Ok(())
}

/// Compares `files` with what is under `src_dir`; writes nothing.
pub fn check(src_dir: &Path, files: &[GeneratedFile]) -> Result<Vec<Drift>, String> {
    let mut drifts = Vec::new();
    let expected: BTreeSet<PathBuf> = files.iter().map(|file| src_dir.join(&file.path)).collect();
    for file in files {
        let path = src_dir.join(&file.path);
        match std::fs::read(&path) {
            Ok(bytes) if bytes == file.contents.as_bytes() => {}
            Ok(_) => drifts.push(Drift::Stale(path)),
            Err(error) if error.kind() == std::io::ErrorKind::NotFound => {
                drifts.push(Drift::Missing(path))
            }
            Err(error) => return Err(format!("{}: cannot read: {error}", path.display())),
        }
    }
    for folder in GENERATED_FOLDERS {
        for path in rust_files(&src_dir.join(folder))? {
            if !expected.contains(&path) {
                drifts.push(Drift::Extra(path));
            }
        }
    }
    Ok(drifts)
}

fn rust_files(folder: &Path) -> Result<Vec<PathBuf>, String> {
    let entries = match std::fs::read_dir(folder) {
        Ok(entries) => entries,
        Err(error) if error.kind() == std::io::ErrorKind::NotFound => return Ok(Vec::new()),
        Err(error) => return Err(format!("{}: cannot list: {error}", folder.display())),
    };
    let mut files = Vec::new();
    for entry in entries {
        let path = entry
            .map_err(|error| format!("{}: cannot list: {error}", folder.display()))?
            .path();
        if path.extension().is_some_and(|extension| extension == "rs") {
            files.push(path);
        }
    }
    files.sort();
    Ok(files)
}
