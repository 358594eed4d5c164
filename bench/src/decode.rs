//! Decoding a large document list into the SDK's `DocumentList<T>` against plain
//! serde structs of the same shape, from the same bytes.

use std::time::{Duration, Instant};

use appwrite::models::DocumentList;
use serde::de::DeserializeOwned;

use crate::documents::{Item, PlainDocumentList, list_json};
use crate::row::{Row, Target};

/// The most the SDK's model may cost, as a ratio to plain structs.
const RATIO_TARGET: f64 = 1.10;

/// Decodes a list of `documents` documents `repeats` times per sample, both ways,
/// for `runs` samples; returns the time per decode of each and their ratio.
pub fn run(documents: usize, repeats: usize, runs: usize) -> Result<Vec<Row>, String> {
    let json = list_json(documents);
    let section = format!("decode {documents} documents");
    let mut sdk_row = Row::new(&section, "DocumentList<T> per decode", "ms", Target::None);
    let mut plain_row = Row::new(&section, "plain serde per decode", "ms", Target::None);
    let mut ratio_row = Row::new(
        &section,
        "ratio sdk / plain",
        "x",
        Target::AtMost(RATIO_TARGET),
    );

    time::<DocumentList<Item>>(&json, 1)?;
    time::<PlainDocumentList>(&json, 1)?;
    for _ in 0..runs {
        let sdk = time::<DocumentList<Item>>(&json, repeats)?;
        let plain = time::<PlainDocumentList>(&json, repeats)?;
        sdk_row.push_millis(sdk);
        plain_row.push_millis(plain);
        ratio_row
            .samples
            .push(sdk.as_secs_f64() / plain.as_secs_f64());
    }
    Ok(vec![sdk_row, plain_row, ratio_row])
}

/// The mean time of one decode over `repeats` decodes.
fn time<T: DeserializeOwned>(json: &[u8], repeats: usize) -> Result<Duration, String> {
    let repeats = repeats.max(1);
    let started = Instant::now();
    for _ in 0..repeats {
        let value: T = serde_json::from_slice(std::hint::black_box(json))
            .map_err(|error| format!("cannot decode the document list: {error}"))?;
        std::hint::black_box(value);
    }
    Ok(started.elapsed() / repeats as u32)
}
