//! `cargo xtask bench [--smoke] [--skip-build-cost]`: build the benchmark programs
//! in release mode, run each benchmark several times, print one table.
//!
//! `--smoke` runs every benchmark once or twice at tiny sizes; `--skip-build-cost`
//! leaves out the clean release build of the SDK (the slowest part).

mod build_cost;
mod table;
mod transfer;

use std::path::{Path, PathBuf};
use std::process::Command;

/// The options of one `bench` run.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Tiny sizes, one or two runs each.
    pub smoke: bool,
    /// Leave out the clean build of the SDK.
    pub skip_build_cost: bool,
}

/// Runs `cargo xtask bench` with the given arguments.
pub fn run(arguments: &[String]) -> Result<(), String> {
    let options = parse(arguments)?;
    let root = crate::workspace_root();
    let release = target_dir(&root).join("release");
    let scratch = target_dir(&root).join("bench");

    cargo(&root, &["build", "--release", "-p", "appwrite-bench"])?;
    let example = ["--example", transfer::EXAMPLE];
    cargo(
        &root,
        &[
            &["build", "--release", "-p", "appwrite-tests"][..],
            &example,
        ]
        .concat(),
    )?;

    let mut rows = Vec::new();
    let mode = if options.smoke { "--smoke" } else { "--full" };
    let root_text = root.display().to_string();
    let suite_scratch = scratch.join("suite").display().to_string();
    let suite = [
        "suite",
        mode,
        "--root",
        &root_text,
        "--scratch",
        &suite_scratch,
    ];
    table::merge(
        &mut rows,
        table::parse(&output(&release.join("appwrite-bench"), &suite)?)?,
    );
    table::merge(&mut rows, transfer::run(&release, &scratch, options.smoke)?);
    table::merge(&mut rows, build_cost::run(&root, options)?);

    let cores = std::thread::available_parallelism().map_or(1, usize::from);
    let title = format!(
        "cargo xtask bench{}: {cores} cores; medians, minimums and maximums of each run",
        if options.smoke { " --smoke" } else { "" }
    );
    print!("{}", table::render(&rows, &title));
    Ok(())
}

fn parse(arguments: &[String]) -> Result<Options, String> {
    let mut options = Options {
        smoke: false,
        skip_build_cost: false,
    };
    for argument in arguments {
        match argument.as_str() {
            "--smoke" => options.smoke = true,
            "--skip-build-cost" => options.skip_build_cost = true,
            other => {
                return Err(format!(
                    "unknown argument `{other}`; usage: cargo xtask bench [--smoke] [--skip-build-cost]"
                ));
            }
        }
    }
    Ok(options)
}

/// The workspace's target folder.
fn target_dir(root: &Path) -> PathBuf {
    std::env::var_os("CARGO_TARGET_DIR").map_or_else(|| root.join("target"), PathBuf::from)
}

/// Runs cargo in the workspace with the given arguments; its output goes to the
/// terminal.
fn cargo(root: &Path, arguments: &[&str]) -> Result<(), String> {
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_owned());
    let status = Command::new(&cargo)
        .args(arguments)
        .current_dir(root)
        .status()
        .map_err(|error| format!("cannot run {cargo}: {error}"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("`cargo {}` failed ({status})", arguments.join(" ")))
    }
}

/// Runs a program to its end and returns what it printed on stdout; its stderr
/// goes to the terminal.
fn output(program: &Path, arguments: &[&str]) -> Result<String, String> {
    let result = Command::new(program)
        .args(arguments)
        .stderr(std::process::Stdio::inherit())
        .output()
        .map_err(|error| format!("cannot run {}: {error}", program.display()))?;
    if !result.status.success() {
        return Err(format!(
            "`{} {}` failed ({})",
            program.display(),
            arguments.join(" "),
            result.status
        ));
    }
    String::from_utf8(result.stdout)
        .map_err(|_| format!("{} printed text that is not UTF-8", program.display()))
}
