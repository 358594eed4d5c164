//! The in-process benchmarks in table order, at full or smoke sizes.

use std::path::Path;

use crate::fixture::{self, Recipe};
use crate::row::Row;
use crate::server::Server;
use crate::{calls, decode, regen};

/// How much work each benchmark does.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sizes {
    /// Measured generation runs per spec.
    pub regen_runs: usize,
    /// The recipe of the large spec.
    pub recipe: Recipe,
    /// Sequential calls per sample.
    pub calls: usize,
    /// Samples of the call benchmarks.
    pub call_runs: usize,
    /// Documents in the decoded list.
    pub documents: usize,
    /// Decodes per sample.
    pub decode_repeats: usize,
    /// Samples of the decode benchmark.
    pub decode_runs: usize,
}

impl Sizes {
    /// The sizes of the issue: 10,000 calls, 5,000 documents, 500 operations.
    pub const FULL: Sizes = Sizes {
        regen_runs: 7,
        recipe: Recipe::LARGE,
        calls: 10_000,
        call_runs: 5,
        documents: 5_000,
        decode_repeats: 20,
        decode_runs: 7,
    };

    /// Tiny sizes that only show every benchmark still runs.
    pub const SMOKE: Sizes = Sizes {
        regen_runs: 1,
        recipe: Recipe {
            services: 2,
            entities_per_service: 2,
        },
        calls: 20,
        call_runs: 1,
        documents: 50,
        decode_repeats: 2,
        decode_runs: 2,
    };
}

/// Runs regeneration (bundled and large spec), calls and decode. `root` is the
/// workspace root; `scratch` a folder under `target/` that may be emptied.
pub fn run(sizes: Sizes, root: &Path, scratch: &Path) -> Result<Vec<Row>, String> {
    let bundled = root.join(appwrite_codegen::BUNDLED_SPEC);
    let mut rows = regen::run(
        &bundled,
        "bundled spec",
        &scratch.join("bundled"),
        sizes.regen_runs,
        100.0,
    )?;

    let large = scratch.join("large-spec.json");
    fixture::write(sizes.recipe, &large)?;
    let out = scratch.join("large");
    rows.extend(regen::run(
        &large,
        "large fixture",
        &out,
        sizes.regen_runs,
        1000.0,
    )?);

    let server = Server::start().map_err(|error| format!("cannot start the server: {error}"))?;
    rows.extend(calls::run(server.address(), sizes.calls, sizes.call_runs)?);
    drop(server);

    rows.extend(decode::run(
        sizes.documents,
        sizes.decode_repeats,
        sizes.decode_runs,
    )?);
    Ok(rows)
}
