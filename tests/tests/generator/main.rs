//! Tests of the generator over the bundled spec and over small fixture specs.

mod bundled;
mod compile;
mod drift;
mod errors;
mod snapshots;

use std::path::{Path, PathBuf};

/// The workspace root.
pub fn root() -> PathBuf {
    let manifest_dir = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest_dir.parent().unwrap_or(manifest_dir).to_path_buf()
}

/// The feature fixtures: (name, spec path), in name order.
pub fn feature_fixtures() -> Vec<(String, PathBuf)> {
    let folder = root().join("tests/fixtures/features");
    let mut fixtures: Vec<(String, PathBuf)> = std::fs::read_dir(&folder)
        .expect("the fixtures folder is readable")
        .map(|entry| entry.expect("a readable entry").path())
        .map(|path| {
            let name = path
                .file_stem()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            (name, path)
        })
        .collect();
    fixtures.sort();
    fixtures
}

/// Generates from `spec`, labelled by its file name, panicking with the errors if it fails.
pub fn generate(spec: &Path) -> appwrite_codegen::Generation {
    let label = spec.file_name().unwrap_or_default().to_string_lossy();
    appwrite_codegen::generate(spec, &label).unwrap_or_else(|failure| panic!("{failure}"))
}
