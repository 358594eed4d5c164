//! The output of every feature fixture compiles and passes clippy, as a standalone crate.
//!
//! The crates are written under `target/fixture-sdks/` with a workspace of their own and
//! checked by one nested `cargo clippy`, in a target folder of their own.

use std::process::Command;

use appwrite_codegen::{standalone, write};

#[test]
fn fixture_sdks_compile_and_pass_clippy() {
    let root = super::root();
    let workspace = root.join("target/fixture-sdks");
    let mut members = Vec::new();
    for (name, spec) in super::feature_fixtures() {
        let generation = super::generate(&spec);
        let out = workspace.join(&name);
        standalone::write_crate(&root, &out, &name).expect("the crate's core is written");
        let manifest = out.join("Cargo.toml");
        let text = std::fs::read_to_string(&manifest).expect("the manifest is readable");
        let renamed = text
            .replacen(
                "name = \"appwrite\"",
                &format!("name = \"fixture-{name}\""),
                1,
            )
            .replace("\n[workspace]\n", "\n");
        std::fs::write(&manifest, renamed).expect("the manifest is writable");
        write::write(&out.join("src"), &generation.files).expect("the generated files are written");
        members.push(format!("\"{name}\""));
    }
    let manifest = format!(
        "[workspace]\nresolver = \"3\"\nmembers = [{}]\n",
        members.join(", ")
    );
    std::fs::write(workspace.join("Cargo.toml"), manifest)
        .expect("the workspace manifest is written");
    std::fs::copy(root.join("Cargo.lock"), workspace.join("Cargo.lock"))
        .expect("the lock file is copied");

    let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".to_string());
    let output = Command::new(cargo)
        .args([
            "clippy",
            "--workspace",
            "--all-targets",
            "--quiet",
            "--",
            "-D",
            "warnings",
        ])
        .current_dir(&workspace)
        .env("CARGO_TARGET_DIR", workspace.join("target"))
        .env_remove("RUSTFLAGS")
        .output()
        .expect("cargo runs");
    assert!(
        output.status.success(),
        "fixture SDKs do not pass clippy:\n{}",
        String::from_utf8_lossy(&output.stderr)
    );
}
