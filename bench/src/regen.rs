//! The generator's stages timed in-process: load, lower, render, format (from
//! `appwrite_codegen::generate`) and write (into a fresh folder under `target/`).

use std::path::Path;
use std::time::{Duration, Instant};

use appwrite_codegen::{Generation, write};

use crate::row::{Row, Target};

/// The stages in table order.
const STAGES: [&str; 6] = ["load", "lower", "render", "format", "write", "total"];

/// Generates from `spec` `runs` times after one warm-up run, writing into a fresh
/// `out/src` each time; returns one row per stage, the total held to
/// `total_target_ms`. The section names the spec's size as the generator saw it.
pub fn run(
    spec: &Path,
    name: &str,
    out: &Path,
    runs: usize,
    total_target_ms: f64,
) -> Result<Vec<Row>, String> {
    let (generation, _) = once(spec, out)?;
    let api = &generation.api;
    let methods: usize = api
        .services
        .iter()
        .map(|service| service.methods.len())
        .sum();
    let section = format!(
        "regen {name} ({methods} methods, {} models, {} files)",
        api.models.len(),
        generation.files.len()
    );
    let mut rows: Vec<Row> = STAGES
        .iter()
        .map(|stage| {
            let target = match *stage {
                "total" => Target::Below(total_target_ms),
                _ => Target::None,
            };
            Row::new(&section, stage, "ms", target)
        })
        .collect();

    for _ in 0..runs {
        let (generation, write_time) = once(spec, out)?;
        let timings = generation.timings;
        let stages = [
            timings.load,
            timings.lower,
            timings.render,
            timings.format,
            write_time,
        ];
        let total: Duration = stages.iter().sum();
        for (row, duration) in rows.iter_mut().zip(stages.iter().chain([&total])) {
            row.push_millis(*duration);
        }
    }
    Ok(rows)
}

/// One generation into an emptied `out/src`; returns it with the write time.
fn once(spec: &Path, out: &Path) -> Result<(Generation, Duration), String> {
    if out.exists() {
        std::fs::remove_dir_all(out)
            .map_err(|error| format!("{}: cannot empty: {error}", out.display()))?;
    }
    let label = spec.file_name().map_or_else(
        || spec.display().to_string(),
        |name| name.to_string_lossy().into_owned(),
    );
    let generation = appwrite_codegen::generate(spec, &label)
        .map_err(|failure| format!("the generator stopped on {label}:\n{failure}"))?;

    let started = Instant::now();
    write::write(&out.join("src"), &generation.files)?;
    Ok((generation, started.elapsed()))
}
