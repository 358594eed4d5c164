//! Stage four: format rendered source with syn + prettyplease, and add the header.

use crate::render::RenderedFile;

/// One finished file: formatted, with its header, ready to write.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GeneratedFile {
    /// Path relative to the SDK's `src/`, such as `services/account.rs`.
    pub path: String,
    /// The file's bytes.
    pub contents: String,
}

/// Formats every rendered file, on as many threads as the machine has cores; `header`
/// becomes each file's first line. The output keeps the input's order.
pub fn format(files: Vec<RenderedFile>, header: &str) -> Result<Vec<GeneratedFile>, Vec<String>> {
    let threads = std::thread::available_parallelism().map_or(1, usize::from);
    let chunk_size = files.len().div_ceil(threads).max(1);
    let results: Vec<Result<GeneratedFile, String>> = std::thread::scope(|scope| {
        let workers: Vec<_> = files
            .chunks(chunk_size)
            .map(|chunk| {
                scope.spawn(move || {
                    chunk
                        .iter()
                        .map(|file| format_one(file, header))
                        .collect::<Vec<_>>()
                })
            })
            .collect();
        workers
            .into_iter()
            .flat_map(|worker| {
                worker
                    .join()
                    .unwrap_or_else(|_| vec![Err("a formatting thread panicked".to_string())])
            })
            .collect()
    });
    let (formatted, errors): (Vec<_>, Vec<_>) = results.into_iter().partition(Result::is_ok);
    if errors.is_empty() {
        Ok(formatted.into_iter().flatten().collect())
    } else {
        Err(errors.into_iter().filter_map(Result::err).collect())
    }
}

fn format_one(file: &RenderedFile, header: &str) -> Result<GeneratedFile, String> {
    let tree = syn::parse_file(&file.source).map_err(|error| {
        format!(
            "{}: generated code does not parse (a template bug): {error}",
            file.path
        )
    })?;
    Ok(GeneratedFile {
        path: file.path.clone(),
        contents: finish(&prettyplease::unparse(&tree), header),
    })
}

/// Adds the header and puts back the blank lines syn dropped: one between items, and
/// one between the members of an `impl` or `enum`, where a doc comment or an attribute
/// starts a new member after a closed one.
fn finish(source: &str, header: &str) -> String {
    let mut out = String::with_capacity(source.len() + header.len() + 256);
    out.push_str(header);
    out.push('\n');
    let mut previous = "";
    for line in source.lines() {
        if needs_gap(previous, line) {
            out.push('\n');
        }
        out.push_str(line);
        out.push('\n');
        previous = line;
    }
    out
}

fn needs_gap(previous: &str, line: &str) -> bool {
    let inner = |text: &str| text.starts_with("//!") || text.starts_with("#![");
    if inner(previous) {
        return !inner(line);
    }
    if indent(previous) != indent(line) || line.trim().is_empty() {
        return false;
    }
    let closed_block = matches!(previous.trim(), "}" | "};") || previous.ends_with(" {}");
    let starts_item = [
        "///", "#[", "pub", "impl", "fn ", "type ", "const ", "mod ", "use ",
    ]
    .iter()
    .any(|start| line.trim_start().starts_with(start));
    let closed_statement = previous.ends_with(';') && indent(previous) == 0;
    (closed_block && starts_item)
        || (closed_statement && statement_kind(previous) != statement_kind(line))
}

/// What a top-level line declares, to keep runs of `mod` and of `use` lines together.
fn statement_kind(line: &str) -> &str {
    let line = line.trim_start().trim_start_matches("pub ");
    line.split_whitespace().next().unwrap_or_default()
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start().len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn items_are_separated_and_headed() {
        let files = vec![RenderedFile {
            path: "x.rs".to_string(),
            source: "/// A.\npub struct A; /// B.\npub struct B { x: u8 } impl B { fn a(&self) {} fn b(&self) {} }".to_string(),
        }];
        let formatted = format(files, "// header").map_err(|errors| errors.join("\n"));
        let contents = formatted.map(|files| files[0].contents.clone());
        assert_eq!(
            contents.as_deref(),
            Ok(
                "// header\n/// A.\npub struct A;\n\n/// B.\npub struct B {\n    x: u8,\n}\n\nimpl B {\n    fn a(&self) {}\n\n    fn b(&self) {}\n}\n"
            )
        );
    }

    #[test]
    fn unparsable_output_names_the_file() {
        let files = vec![RenderedFile {
            path: "bad.rs".to_string(),
            source: "pub fn (".to_string(),
        }];
        let errors = format(files, "// h").err().unwrap_or_default();
        assert_eq!(errors.len(), 1);
        assert!(errors[0].starts_with("bad.rs: generated code does not parse"));
    }
}
