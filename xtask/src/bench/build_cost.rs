//! Build cost: a clean release build of the SDK with its dependencies already
//! built, and the lines of generated code.

use std::path::Path;
use std::time::Instant;

use super::table::Row;
use super::{Options, cargo};

/// The section of the table.
const SECTION: &str = "build cost";

/// The folders of generated code under `sdk/src`.
const GENERATED: [&str; 3] = ["services", "models", "enums"];

/// Counts the generated lines and, unless skipped or in a smoke run, times
/// `cargo clean --release -p appwrite` followed by `cargo build --release -p appwrite`.
pub fn run(root: &Path, options: Options) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    if !options.smoke && !options.skip_build_cost {
        cargo(root, &["clean", "--release", "-p", "appwrite"])?;
        let started = Instant::now();
        cargo(root, &["build", "--release", "-p", "appwrite"])?;
        let mut build = Row::new(SECTION, "clean release build of appwrite", "s", "-");
        build.samples.push(started.elapsed().as_secs_f64());
        rows.push(build);
    }

    for folder in GENERATED {
        let lines = count_lines(&root.join("sdk/src").join(folder))?;
        let mut row = Row::new(
            SECTION,
            &format!("generated lines in sdk/src/{folder}"),
            "lines",
            "-",
        );
        row.samples.push(lines as f64);
        rows.push(row);
    }
    Ok(rows)
}

/// The lines of every `.rs` file directly in `folder`.
fn count_lines(folder: &Path) -> Result<usize, String> {
    let entries = std::fs::read_dir(folder)
        .map_err(|error| format!("{}: cannot list: {error}", folder.display()))?;
    let mut lines = 0;
    for entry in entries {
        let path = entry
            .map_err(|error| format!("{}: cannot list: {error}", folder.display()))?
            .path();
        if path.extension().is_some_and(|extension| extension == "rs") {
            let text = std::fs::read_to_string(&path)
                .map_err(|error| format!("{}: cannot read: {error}", path.display()))?;
            lines += text.lines().count();
        }
    }
    Ok(lines)
}
