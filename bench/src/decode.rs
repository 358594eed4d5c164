//! Decoding a large document list into the SDK's `DocumentList<T>` against plain
//! serde structs of the same shape, from the same bytes.
//!
//! The SDK's send path decodes with `serde_json::from_slice` too (it tracks field
//! paths only to explain a failure), so the model's figure is the SDK's.

use std::time::{Duration, Instant};

use appwrite::models::DocumentList;
use serde::de::DeserializeOwned;

use crate::documents::{Item, PlainDocumentList, list_json};
use crate::row::{Row, Target};

/// The most the SDK's model may cost, as a ratio to plain structs.
const RATIO_TARGET: f64 = 1.10;

/// One way of decoding bytes into `T`.
type Decoder<T> = fn(&[u8]) -> Result<T, String>;

/// Decodes a list of `documents` documents `repeats` times per sample, each way,
/// for `runs` samples; returns the time per decode of each and the ratios.
pub fn run(documents: usize, repeats: usize, runs: usize) -> Result<Vec<Row>, String> {
    let json = list_json(documents);
    let section = format!("decode {documents} documents");
    let row = |measure: &str, unit, target| Row::new(&section, measure, unit, target);
    let mut plain_row = row("plain serde per decode", "ms", Target::None);
    let mut model_row = row("DocumentList<T> per decode", "ms", Target::None);
    let target = Target::AtMost(RATIO_TARGET);
    let mut model_ratio = row("ratio DocumentList<T> / plain", "x", target);

    let plain: Decoder<PlainDocumentList> = from_slice;
    let model: Decoder<DocumentList<Item>> = from_slice;
    for warm_up in [time(&json, plain)?, time(&json, model)?] {
        std::hint::black_box(warm_up);
    }
    for _ in 0..runs {
        let mut times = [Duration::ZERO; 2];
        // One decode of each way in turn, so that all see the same background load.
        for _ in 0..repeats.max(1) {
            times[0] += time(&json, plain)?;
            times[1] += time(&json, model)?;
        }
        let [plain_time, model_time] = times.map(|total| total / repeats.max(1) as u32);
        plain_row.push_millis(plain_time);
        model_row.push_millis(model_time);
        model_ratio
            .samples
            .push(model_time.as_secs_f64() / plain_time.as_secs_f64());
    }
    Ok(vec![plain_row, model_row, model_ratio])
}

/// The time of one decode.
fn time<T>(json: &[u8], decode: Decoder<T>) -> Result<Duration, String> {
    let started = Instant::now();
    std::hint::black_box(decode(std::hint::black_box(json))?);
    Ok(started.elapsed())
}

fn from_slice<T: DeserializeOwned>(json: &[u8]) -> Result<T, String> {
    serde_json::from_slice(json).map_err(|error| format!("cannot decode the list: {error}"))
}
