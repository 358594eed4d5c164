//! A smoke run of every benchmark at tiny sizes, so that `cargo test` notices when
//! the benchmarks stop working. The figures themselves are not checked.

use std::path::PathBuf;

use appwrite_bench::server::Server;
use appwrite_bench::suite::{self, Sizes};
use appwrite_bench::transfer::{self, Direction, MIB};

fn workspace_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map_or(manifest.clone(), PathBuf::from)
}

fn scratch(name: &str) -> PathBuf {
    workspace_root().join("target/bench-smoke").join(name)
}

#[test]
fn the_suite_runs_at_smoke_sizes() {
    let rows = suite::run(Sizes::SMOKE, &workspace_root(), &scratch("suite")).unwrap();
    let sections: Vec<&str> = rows.iter().map(|row| row.section.as_str()).collect();
    assert!(
        sections
            .iter()
            .any(|section| section.starts_with("regen bundled spec (95 methods"))
    );
    assert!(
        sections
            .iter()
            .any(|section| section.starts_with("regen large fixture"))
    );
    assert!(sections.contains(&"calls locale.get"));
    assert!(sections.contains(&"decode 50 documents"));
    assert!(rows.iter().all(|row| !row.samples.is_empty()));
}

#[test]
fn both_transfer_directions_run_against_the_local_server() {
    let server = Server::start().unwrap();
    let address = server.address().to_string();
    let folder = scratch("transfer");
    std::fs::create_dir_all(&folder).unwrap();
    for direction in [Direction::Upload, Direction::Download] {
        let rows = transfer::run(direction, &address, 2 * MIB, &folder).unwrap();
        assert_eq!(rows.len(), 2);
        assert!(rows[0].samples[0] > 0.0);
    }
}
