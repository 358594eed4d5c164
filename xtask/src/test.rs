//! `cargo xtask test`: every test of the workspace, with Prism running for the
//! conformance tests.
//!
//! Installs Prism from `tests/prism` (`npm ci`) when needed, derives Prism's copy of the
//! bundled spec into `target/prism/`, starts one static and one dynamic Prism on free
//! ports of 127.0.0.1, and runs `cargo test --workspace --no-fail-fast` with
//! `APPWRITE_PRISM_URL`, `APPWRITE_PRISM_DYNAMIC_URL`, `APPWRITE_PRISM_SPEC` (Prism's
//! copy of the spec) and `APPWRITE_REQUIRE_PRISM=1` (so the conformance tests fail
//! rather than skip without Prism). Then it checks that both servers are still alive
//! and stops them. Extra arguments go to `cargo test`; `--serve` instead only starts
//! the servers.

use crate::prism::{Mode, Prism};
use crate::prism_spec;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

/// The bundled spec, relative to the workspace root.
const BUNDLED_SPEC: &str = "spec/appwrite-1.6.2-client.yaml";

/// Runs `cargo xtask test` with the given extra `cargo test` arguments, or with
/// `--serve` only starts both Prism servers and keeps them running until interrupted.
pub fn run(arguments: &[String]) -> Result<(), String> {
    let started = Instant::now();
    let root = workspace_root();
    let mut servers = start_servers(&root)?;
    if arguments
        .first()
        .is_some_and(|argument| argument == "--serve")
    {
        serve(&root, &servers);
    }

    let urls = [servers[0].url(), servers[1].url()];
    let tests_passed = run_cargo_test(&root, &urls, arguments)?;
    let mut alive = Ok(());
    for prism in &mut servers {
        alive = alive.and(prism.check_alive());
    }
    drop(servers);

    eprintln!("xtask: test took {:.1} s", started.elapsed().as_secs_f64());
    alive?;
    if tests_passed {
        Ok(())
    } else {
        Err("cargo test failed".to_string())
    }
}

/// Prints how to point the conformance tests at `servers` and waits forever (until
/// ctrl-c, which stops the servers too).
fn serve(root: &Path, servers: &[Prism]) -> ! {
    eprintln!("xtask: serving until interrupted (ctrl-c); for the conformance tests:");
    eprintln!(
        "APPWRITE_PRISM_URL={} APPWRITE_PRISM_DYNAMIC_URL={} APPWRITE_PRISM_SPEC={} \\\n  \
         cargo test -p appwrite-tests --test conformance_prism",
        servers[0].url(),
        servers[1].url(),
        prism_spec_path(root).display()
    );
    loop {
        std::thread::park();
    }
}

/// Installs Prism if needed, derives its spec, and starts a static and a dynamic
/// server, in that order.
fn start_servers(root: &Path) -> Result<Vec<Prism>, String> {
    let prism_dir = root.join("tests/prism");
    let work_dir = target_dir(root).join("prism");
    std::fs::create_dir_all(&work_dir)
        .map_err(|error| format!("cannot create {}: {error}", work_dir.display()))?;

    install_prism(&prism_dir)?;
    let spec = prism_spec_path(root);
    write_prism_spec(&root.join(BUNDLED_SPEC), &spec)?;

    let log = |mode: Mode| work_dir.join(format!("prism-{}.log", mode.name()));
    let mut starting = Vec::new();
    for mode in [Mode::Static, Mode::Dynamic] {
        starting.push(Prism::start(&prism_dir, &spec, mode, &log(mode))?);
    }

    let mut servers = Vec::new();
    for mut prism in starting {
        if let Err(error) = prism.wait_until_ready() {
            // Another process may have taken the free port in between: try once more.
            let mode = prism.mode();
            eprintln!(
                "xtask: {error}\nxtask: starting prism ({}) again",
                mode.name()
            );
            drop(prism);
            prism = Prism::start(&prism_dir, &spec, mode, &log(mode))?;
            prism.wait_until_ready()?;
        }
        eprintln!("xtask: prism ({}) at {}", prism.mode().name(), prism.url());
        servers.push(prism);
    }
    Ok(servers)
}

/// The workspace root (the parent of the `xtask` crate).
fn workspace_root() -> PathBuf {
    let manifest = Path::new(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().unwrap_or(manifest).to_path_buf()
}

/// `CARGO_TARGET_DIR`, or the workspace's `target/`.
fn target_dir(root: &Path) -> PathBuf {
    match std::env::var_os("CARGO_TARGET_DIR") {
        Some(dir) => PathBuf::from(dir),
        None => root.join("target"),
    }
}

/// Runs `npm ci` in `prism_dir` unless its `node_modules` matches the lockfile.
fn install_prism(prism_dir: &Path) -> Result<(), String> {
    let lockfile = prism_dir.join("package-lock.json");
    let stamp = prism_dir.join("node_modules/.xtask-package-lock.json");
    let entry = prism_dir.join("node_modules/@stoplight/prism-cli/dist/index.js");
    let locked = std::fs::read(&lockfile)
        .map_err(|error| format!("cannot read {}: {error}", lockfile.display()))?;
    if entry.is_file() && std::fs::read(&stamp).ok().as_ref() == Some(&locked) {
        return Ok(());
    }

    eprintln!(
        "xtask: installing prism with `npm ci` in {}",
        prism_dir.display()
    );
    let status = Command::new("npm")
        .args(["ci", "--no-audit", "--no-fund"])
        .current_dir(prism_dir)
        .status()
        .map_err(|error| format!("cannot run npm (is Node 20 with npm installed?): {error}"))?;
    if !status.success() {
        return Err(format!(
            "npm ci in {} failed ({status})",
            prism_dir.display()
        ));
    }
    std::fs::write(&stamp, locked)
        .map_err(|error| format!("cannot write {}: {error}", stamp.display()))
}

/// Where Prism's copy of the bundled spec is written.
fn prism_spec_path(root: &Path) -> PathBuf {
    target_dir(root).join("prism/appwrite-prism.json")
}

/// Writes Prism's copy of `spec` to `path`.
fn write_prism_spec(spec: &Path, path: &Path) -> Result<(), String> {
    let text = std::fs::read_to_string(spec)
        .map_err(|error| format!("cannot read {}: {error}", spec.display()))?;
    let document: serde_json::Value = serde_yaml::from_str(&text)
        .map_err(|error| format!("cannot parse {}: {error}", spec.display()))?;
    let (derived, changes) = prism_spec::derive(document)?;

    let counts = [
        (
            changes.security,
            "security requirements split into alternatives",
        ),
        (
            changes.project_query,
            "operations also take `project` in the query",
        ),
        (
            changes.media_types,
            "response media types corrected to JSON",
        ),
        (changes.graphql_bodies, "graphql bodies declared"),
        (
            changes.object_items,
            "object properties typed by their items",
        ),
        (changes.examples.len(), "model examples replaced"),
    ];
    for (count, what) in counts {
        eprintln!("xtask: prism spec: {count} {what}");
    }
    eprintln!("xtask: replaced examples: {}", changes.examples.join(", "));
    let text = serde_json::to_string_pretty(&derived)
        .map_err(|error| format!("cannot serialise the prism spec: {error}"))?;
    std::fs::write(path, text).map_err(|error| format!("cannot write {}: {error}", path.display()))
}

/// Runs `cargo test --workspace` with the static and dynamic Prism URLs and Prism's
/// spec; returns whether it passed.
fn run_cargo_test(root: &Path, urls: &[String; 2], arguments: &[String]) -> Result<bool, String> {
    let spec = prism_spec_path(root);
    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let status = Command::new(cargo)
        .args(["test", "--workspace", "--no-fail-fast"])
        .args(arguments)
        .current_dir(root)
        .env("APPWRITE_PRISM_URL", &urls[0])
        .env("APPWRITE_PRISM_DYNAMIC_URL", &urls[1])
        .env("APPWRITE_PRISM_SPEC", spec)
        .env("APPWRITE_REQUIRE_PRISM", "1")
        .status()
        .map_err(|error| format!("cannot run cargo test: {error}"))?;
    Ok(status.success())
}
