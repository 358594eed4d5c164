//! `cargo xtask`: the project's tasks.
//!
//! - `cargo xtask regen [--spec PATH] [--out DIR] [--check]` regenerates the SDK.
//! - `cargo xtask test` runs every test, with the Prism mock server started for them.
//! - `cargo xtask bench` runs the benchmarks and prints one table.

mod bench;
mod prism;
mod prism_examples;
mod prism_spec;
mod regen;
mod test;

use std::path::PathBuf;
use std::process::ExitCode;

/// The workspace root: the folder above `xtask/`.
pub fn workspace_root() -> PathBuf {
    let manifest_dir = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest_dir
        .parent()
        .map_or(manifest_dir.clone(), PathBuf::from)
}

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    let (task, rest) = match arguments.split_first() {
        Some((task, rest)) => (task.as_str(), rest),
        None => ("help", &[][..]),
    };
    let outcome = match task {
        "regen" => regen::run(rest),
        "test" => test::run(rest),
        "bench" => bench::run(rest),
        _ => {
            eprintln!("usage: cargo xtask <regen|test|bench> [options]");
            return ExitCode::from(2);
        }
    };
    match outcome {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}
