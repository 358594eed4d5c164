//! `regen --out DIR`: a complete SDK crate in another folder, for another spec.
//!
//! The crate gets the SDK's hand-written core (every file under `sdk/src` outside the
//! generated folders) and a `Cargo.toml` whose workspace-inherited entries are resolved,
//! so that it builds on its own.

use std::path::{Path, PathBuf};

use crate::write::GENERATED_FOLDERS;
use toml::{Table, Value};

/// Writes the core files and `Cargo.toml` of a standalone SDK crate into `out`, taking
/// the core from the workspace at `root`.
pub fn write_crate(root: &Path, out: &Path, spec_label: &str) -> Result<(), String> {
    let sdk = root.join("sdk");
    for file in core_files(&sdk.join("src"))? {
        let relative = file.strip_prefix(&sdk).map_err(|error| error.to_string())?;
        let target = out.join(relative);
        if let Some(parent) = target.parent() {
            std::fs::create_dir_all(parent)
                .map_err(|error| format!("{}: {error}", parent.display()))?;
        }
        std::fs::copy(&file, &target)
            .map_err(|error| format!("{}: cannot copy: {error}", file.display()))?;
    }
    let manifest = standalone_manifest(root, spec_label)?;
    std::fs::write(out.join("Cargo.toml"), manifest)
        .map_err(|error| format!("{}: {error}", out.display()))
}

fn core_files(src: &Path) -> Result<Vec<PathBuf>, String> {
    let mut files = Vec::new();
    let mut folders = vec![src.to_path_buf()];
    while let Some(folder) = folders.pop() {
        let entries =
            std::fs::read_dir(&folder).map_err(|error| format!("{}: {error}", folder.display()))?;
        for entry in entries {
            let path = entry.map_err(|error| error.to_string())?.path();
            let generated = path.parent() == Some(src)
                && path
                    .file_name()
                    .is_some_and(|name| GENERATED_FOLDERS.iter().any(|folder| name == *folder));
            if path.is_dir() && !generated {
                folders.push(path);
            } else if path.is_file() {
                files.push(path);
            }
        }
    }
    files.sort();
    Ok(files)
}

fn standalone_manifest(root: &Path, spec_label: &str) -> Result<String, String> {
    let workspace = read_table(&root.join("Cargo.toml"))?;
    let mut sdk = read_table(&root.join("sdk/Cargo.toml"))?;
    let empty = Table::new();
    let shared = workspace
        .get("workspace")
        .and_then(Value::as_table)
        .and_then(|table| table.get("dependencies"))
        .and_then(Value::as_table)
        .unwrap_or(&empty);
    let package_defaults = workspace
        .get("workspace")
        .and_then(Value::as_table)
        .and_then(|table| table.get("package"))
        .and_then(Value::as_table)
        .unwrap_or(&empty);

    if let Some(package) = sdk.get_mut("package").and_then(Value::as_table_mut) {
        for (key, value) in package.iter_mut() {
            if is_inherited(value)
                && let Some(default) = package_defaults.get(key)
            {
                *value = default.clone();
            }
        }
        package.insert(
            "description".into(),
            Value::String(format!("Appwrite SDK generated from {spec_label}")),
        );
    }
    for section in ["dependencies", "dev-dependencies", "build-dependencies"] {
        if let Some(dependencies) = sdk.get_mut(section).and_then(Value::as_table_mut) {
            for (name, value) in dependencies.iter_mut() {
                *value = resolve_dependency(value, shared.get(name));
            }
        }
    }
    sdk.insert("workspace".into(), Value::Table(Table::new()));
    toml::to_string(&sdk).map_err(|error| error.to_string())
}

fn read_table(path: &Path) -> Result<Table, String> {
    let text =
        std::fs::read_to_string(path).map_err(|error| format!("{}: {error}", path.display()))?;
    text.parse::<Table>()
        .map_err(|error| format!("{}: {error}", path.display()))
}

fn is_inherited(value: &Value) -> bool {
    value
        .as_table()
        .and_then(|table| table.get("workspace"))
        .and_then(Value::as_bool)
        == Some(true)
}

/// `x.workspace = true` (plus extra features) → the workspace's entry, features merged.
fn resolve_dependency(value: &Value, shared: Option<&Value>) -> Value {
    let (Some(local), Some(shared)) = (value.as_table(), shared) else {
        return value.clone();
    };
    if !is_inherited(value) {
        return value.clone();
    }
    let mut resolved = match shared {
        Value::String(version) => {
            Table::from_iter([("version".to_string(), Value::String(version.clone()))])
        }
        Value::Table(table) => table.clone(),
        other => return other.clone(),
    };
    for (key, extra) in local {
        if key == "workspace" {
            continue;
        }
        if key == "features" {
            let mut features = resolved
                .get("features")
                .and_then(Value::as_array)
                .cloned()
                .unwrap_or_default();
            features.extend(extra.as_array().cloned().unwrap_or_default());
            resolved.insert(key.clone(), Value::Array(features));
        } else {
            resolved.insert(key.clone(), extra.clone());
        }
    }
    Value::Table(resolved)
}
