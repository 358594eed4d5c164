//! `cargo xtask regen [--spec PATH] [--out DIR] [--check]`: regenerate the SDK.

use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use appwrite_codegen::write::{self, Drift};
use appwrite_codegen::{BUNDLED_SDK_SRC, BUNDLED_SPEC, Generation, standalone};

/// The options of one `regen` run.
struct Options {
    spec: Option<PathBuf>,
    out: Option<PathBuf>,
    check: bool,
}

/// Runs `cargo xtask regen` with the given arguments.
pub fn run(arguments: &[String]) -> Result<(), String> {
    let options = parse(arguments)?;
    let root = crate::workspace_root();
    let spec = options
        .spec
        .clone()
        .unwrap_or_else(|| root.join(BUNDLED_SPEC));
    let label = if options.spec.is_some() {
        spec.file_name().map_or_else(
            || spec.display().to_string(),
            |name| name.to_string_lossy().into_owned(),
        )
    } else {
        BUNDLED_SPEC.to_string()
    };

    let generation = appwrite_codegen::generate(&spec, &label).map_err(|failure| {
        print_warnings(&failure.warnings);
        format!("the generator stopped:\n{failure}")
    })?;
    print_warnings(&generation.warnings);

    let src_dir = match &options.out {
        Some(out) => out.join("src"),
        None => root.join(BUNDLED_SDK_SRC),
    };
    if options.check {
        return check(&src_dir, &generation, &options);
    }

    let started = Instant::now();
    if let Some(out) = &options.out {
        standalone::write_crate(&root, out, &label)?;
    }
    write::write(&src_dir, &generation.files)?;
    let write_time = started.elapsed();
    report(&generation, write_time, &src_dir);
    Ok(())
}

fn parse(arguments: &[String]) -> Result<Options, String> {
    let mut options = Options {
        spec: None,
        out: None,
        check: false,
    };
    let mut arguments = arguments.iter();
    while let Some(argument) = arguments.next() {
        match argument.as_str() {
            "--check" => options.check = true,
            "--spec" => options.spec = Some(PathBuf::from(value_of("--spec", arguments.next())?)),
            "--out" => options.out = Some(PathBuf::from(value_of("--out", arguments.next())?)),
            other => {
                return Err(format!(
                    "unknown argument `{other}`; usage: cargo xtask regen [--spec PATH] [--out DIR] [--check]"
                ));
            }
        }
    }
    if options.spec.is_some() && options.out.is_none() {
        return Err(
            "`--spec` needs `--out DIR`: sdk/ is generated from the bundled spec only \
                    (to move it to a new spec, replace the file in spec/)"
                .to_string(),
        );
    }
    Ok(options)
}

fn value_of(flag: &str, value: Option<&String>) -> Result<String, String> {
    value
        .cloned()
        .ok_or_else(|| format!("`{flag}` needs a value"))
}

fn check(src_dir: &Path, generation: &Generation, options: &Options) -> Result<(), String> {
    let drifts: Vec<Drift> = write::check(src_dir, &generation.files)?;
    if drifts.is_empty() {
        println!(
            "regen --check: {} generated files are up to date",
            generation.files.len()
        );
        return Ok(());
    }
    for drift in &drifts {
        eprintln!("{drift}");
    }
    let mut command = String::from("cargo xtask regen");
    if let Some(spec) = &options.spec {
        command.push_str(&format!(" --spec {}", spec.display()));
    }
    if let Some(out) = &options.out {
        command.push_str(&format!(" --out {}", out.display()));
    }
    Err(format!(
        "{} generated files differ from the spec; run `{command}`",
        drifts.len()
    ))
}

fn print_warnings(warnings: &[String]) {
    for warning in warnings {
        eprintln!("warning: {warning}");
    }
}

fn report(generation: &Generation, write_time: Duration, src_dir: &Path) {
    let timings = generation.timings;
    let total = timings.load + timings.lower + timings.render + timings.format + write_time;
    let api = &generation.api;
    let methods: usize = api
        .services
        .iter()
        .map(|service| service.methods.len())
        .sum();
    println!(
        "regen: {} services ({methods} methods), {} models, {} enums -> {} files in {}",
        api.services.len(),
        api.models.len(),
        api.enums.len(),
        generation.files.len(),
        src_dir.display()
    );
    println!(
        "regen: load {} | lower {} | render {} | format {} | write {} | total {}",
        millis(timings.load),
        millis(timings.lower),
        millis(timings.render),
        millis(timings.format),
        millis(write_time),
        millis(total)
    );
}

fn millis(duration: Duration) -> String {
    format!("{:.1} ms", duration.as_secs_f64() * 1000.0)
}
