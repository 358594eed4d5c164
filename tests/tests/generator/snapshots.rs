//! Snapshot tests: each feature fixture's output is committed under `tests/snapshots/`.
//!
//! Run with `UPDATE_SNAPSHOTS=1` to rewrite the snapshots after a deliberate change, and
//! read the diff before committing it.

use appwrite_codegen::write;

#[test]
fn feature_fixtures_match_their_snapshots() {
    let update = std::env::var_os("UPDATE_SNAPSHOTS").is_some();
    let mut stale = Vec::new();
    for (name, spec) in super::feature_fixtures() {
        let generation = super::generate(&spec);
        let snapshot = super::root().join("tests/snapshots").join(&name);
        if update {
            write::write(&snapshot, &generation.files).expect("snapshots are writable");
            continue;
        }
        let drifts = write::check(&snapshot, &generation.files).expect("snapshots are readable");
        stale.extend(drifts.iter().map(|drift| format!("{name}: {drift}")));
    }
    assert!(
        stale.is_empty(),
        "snapshots differ (rerun with UPDATE_SNAPSHOTS=1 and review the diff):\n{}",
        stale.join("\n")
    );
}

#[test]
fn fixtures_exercise_their_features() {
    let generated = |name: &str, path: &str| -> String {
        let spec = super::feature_fixtures()
            .into_iter()
            .find(|(fixture, _)| fixture == name)
            .map(|(_, spec)| spec)
            .unwrap_or_else(|| panic!("no fixture {name}"));
        let generation = super::generate(&spec);
        generation
            .files
            .into_iter()
            .find(|file| file.path == path)
            .map(|file| file.contents)
            .unwrap_or_else(|| panic!("{name} makes no {path}"))
    };
    let browser = generated("enums", "enums/browser.rs");
    for variant in [
        "AvantBrowser,",
        "Ch,",
        "V3d,",
        "UnknownValue,",
        "MozillaFirefox,",
        "Unknown(String),",
    ] {
        assert!(browser.contains(variant), "Browser lacks {variant}");
    }
    assert!(generated("enums", "enums/runtime.rs").contains("pub enum Runtime"));
    let file = generated("models", "models/file.rs");
    for field in [
        "pub r#type: String",
        "pub size_original: i64",
        "pub scheduled_at: Option<String>",
        "pub provider_id: Option<String>",
        "pub owner: super::Owner",
        "pub hash_options: Option<serde_json::Value>",
        "pub meta: serde_json::Map<String, serde_json::Value>",
    ] {
        assert!(file.contains(field), "file model lacks `{field}`");
    }
    let methods = generated("methods", "services/databases.rs");
    assert!(
        methods.contains("pub fn create_document(") && methods.contains("pub fn create_documents(")
    );
    let upload = generated("upload", "services/storage.rs");
    assert!(upload.contains(r#"Upload::new(self.file, "file", "fileId")"#));
    assert!(upload.contains(r#"Upload::new(self.code, "code", "")"#));
    let documents = generated("documents", "models/document_list.rs");
    assert!(documents.contains("pub documents: Vec<super::Document<T>>"));
    let fallbacks = generated("fallbacks", "services/teams.rs");
    for name in [
        "pub fn list(",
        "pub fn delete_all(",
        "pub fn update_name(",
        "pub fn replace(",
        "pub fn query(",
    ] {
        assert!(fallbacks.contains(name), "teams lacks {name}");
    }
    assert_eq!(fallbacks.matches("#[deprecated]").count(), 2);
}
