//! `appwrite-bench`: the benchmark programs that `cargo xtask bench` runs in release
//! mode. Each prints its results as `row` lines (see [`appwrite_bench::Row`]).
//!
//! - `appwrite-bench suite [--smoke] --root DIR --scratch DIR`: regeneration, calls
//!   and decode;
//! - `appwrite-bench transfer upload|download --server ADDRESS --mib N --scratch DIR`:
//!   plain reqwest streaming, one direction in this process.

use std::path::PathBuf;
use std::process::ExitCode;

use appwrite_bench::Row;
use appwrite_bench::suite::{self, Sizes};
use appwrite_bench::transfer::{self, Direction, MIB};

fn main() -> ExitCode {
    let arguments: Vec<String> = std::env::args().skip(1).collect();
    match run(&arguments) {
        Ok(rows) => {
            for row in rows {
                println!("{row}");
            }
            ExitCode::SUCCESS
        }
        Err(message) => {
            eprintln!("error: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run(arguments: &[String]) -> Result<Vec<Row>, String> {
    let usage = "usage: appwrite-bench suite [--smoke] --root DIR --scratch DIR | \
                 appwrite-bench transfer upload|download --server ADDRESS --mib N --scratch DIR";
    match arguments.first().map(String::as_str) {
        Some("suite") => {
            let sizes = if flag(arguments, "--smoke") {
                Sizes::SMOKE
            } else {
                Sizes::FULL
            };
            let root = PathBuf::from(value(arguments, "--root")?);
            suite::run(sizes, &root, &PathBuf::from(value(arguments, "--scratch")?))
        }
        Some("transfer") => {
            let direction = match arguments.get(1).map(String::as_str) {
                Some("upload") => Direction::Upload,
                Some("download") => Direction::Download,
                _ => return Err(usage.to_owned()),
            };
            let mebibytes: u64 = value(arguments, "--mib")?
                .parse()
                .map_err(|_| "`--mib` needs a whole number".to_owned())?;
            let server = value(arguments, "--server")?;
            let scratch = PathBuf::from(value(arguments, "--scratch")?);
            transfer::run(direction, &server, mebibytes * MIB, &scratch)
        }
        _ => Err(usage.to_owned()),
    }
}

fn flag(arguments: &[String], name: &str) -> bool {
    arguments.iter().any(|argument| argument == name)
}

fn value(arguments: &[String], name: &str) -> Result<String, String> {
    arguments
        .iter()
        .position(|argument| argument == name)
        .and_then(|index| arguments.get(index + 1))
        .cloned()
        .ok_or_else(|| format!("`{name}` needs a value"))
}
