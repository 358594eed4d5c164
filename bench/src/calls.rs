//! Per-call overhead: sequential calls through the SDK against the same request
//! written by hand with reqwest + serde, both to the canned [`crate::server`].

use std::future::Future;
use std::net::SocketAddr;
use std::time::{Duration, Instant};

use appwrite::Client;

use crate::documents::{Item, PlainDocumentList, PlainLocale};
use crate::row::{Row, Target};
use crate::server::LIST_SIZE;

/// The project sent with every call.
const PROJECT: &str = "bench";

/// How many alternating blocks the calls of one sample are split into.
const BLOCKS: usize = 20;

/// The most the SDK may cost per call, as a ratio to the hand-written call.
const RATIO_TARGET: f64 = 1.05;

/// Runs `runs` rounds of `calls` sequential calls of each operation, both ways,
/// and returns the time per call of each and their ratio.
pub fn run(address: SocketAddr, calls: usize, runs: usize) -> Result<Vec<Row>, String> {
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the runtime: {error}"))?;
    runtime.block_on(measure(address, calls, runs))
}

async fn measure(address: SocketAddr, calls: usize, runs: usize) -> Result<Vec<Row>, String> {
    let base = format!("http://{address}/v1");
    let sdk = Client::builder()
        .endpoint(base.clone())
        .project(PROJECT)
        .build()
        .map_err(|error| format!("cannot build the sdk client: {error}"))?;
    let plain = reqwest::Client::new();

    let locale_sdk = || async { sdk_locale(&sdk).await };
    let locale_plain = || async { plain_locale(&plain, &base).await };
    let mut rows = compare("locale.get", calls, runs, locale_sdk, locale_plain).await?;

    let list_name = format!("list {LIST_SIZE} documents");
    let list_sdk = || async { sdk_list(&sdk).await };
    let list_plain = || async { plain_list(&plain, &base).await };
    rows.extend(compare(&list_name, calls, runs, list_sdk, list_plain).await?);
    Ok(rows)
}

/// Times both ways in alternating blocks, after a short warm-up of each.
async fn compare<S, SF, P, PF>(
    name: &str,
    calls: usize,
    runs: usize,
    mut sdk: S,
    mut plain: P,
) -> Result<Vec<Row>, String>
where
    S: FnMut() -> SF,
    SF: Future<Output = Result<(), String>>,
    P: FnMut() -> PF,
    PF: Future<Output = Result<(), String>>,
{
    let section = format!("calls {name}");
    let mut sdk_row = Row::new(&section, "sdk per call", "us", Target::None);
    let mut plain_row = Row::new(&section, "hand-written per call", "us", Target::None);
    let mut ratio_row = Row::new(
        &section,
        "ratio sdk / hand-written",
        "x",
        Target::AtMost(RATIO_TARGET),
    );

    let warm_up = (calls / 10).max(1);
    batch(warm_up, &mut sdk).await?;
    batch(warm_up, &mut plain).await?;
    for _ in 0..runs {
        let (mut sdk_time, mut plain_time) = (Duration::ZERO, Duration::ZERO);
        // Blocks of both ways alternate so that both see the same background load.
        let block = (calls / BLOCKS).max(1);
        for index in 0..calls.div_ceil(block) {
            let size = block.min(calls - index * block);
            if index % 2 == 0 {
                sdk_time += batch(size, &mut sdk).await?;
                plain_time += batch(size, &mut plain).await?;
            } else {
                plain_time += batch(size, &mut plain).await?;
                sdk_time += batch(size, &mut sdk).await?;
            }
        }
        sdk_row.samples.push(per_call_micros(sdk_time, calls));
        plain_row.samples.push(per_call_micros(plain_time, calls));
        ratio_row
            .samples
            .push(sdk_time.as_secs_f64() / plain_time.as_secs_f64());
    }
    Ok(vec![sdk_row, plain_row, ratio_row])
}

async fn batch<F, Fut>(calls: usize, call: &mut F) -> Result<Duration, String>
where
    F: FnMut() -> Fut,
    Fut: Future<Output = Result<(), String>>,
{
    let started = Instant::now();
    for _ in 0..calls {
        call().await?;
    }
    Ok(started.elapsed())
}

fn per_call_micros(elapsed: Duration, calls: usize) -> f64 {
    elapsed.as_secs_f64() * 1e6 / calls.max(1) as f64
}

async fn sdk_locale(client: &Client) -> Result<(), String> {
    let locale = client
        .locale()
        .get()
        .await
        .map_err(|error| error.to_string())?;
    std::hint::black_box(locale);
    Ok(())
}

async fn sdk_list(client: &Client) -> Result<(), String> {
    let list = client
        .databases()
        .list_documents::<Item>("bench", "items")
        .await
        .map_err(|error| error.to_string())?;
    check_count(list.documents.len())?;
    std::hint::black_box(list);
    Ok(())
}

/// A GET with the headers the SDK sends, written as a reqwest user would.
fn plain_get(http: &reqwest::Client, url: String) -> reqwest::RequestBuilder {
    http.get(url)
        .header("x-appwrite-project", PROJECT)
        .header("x-appwrite-response-format", "1.6.0")
        .header("x-sdk-name", "Rust")
        .header("x-sdk-platform", "client")
        .header("x-sdk-language", "rust")
        .header("x-sdk-version", "0.1.0")
}

async fn plain_locale(http: &reqwest::Client, base: &str) -> Result<(), String> {
    let locale: PlainLocale = plain_get(http, format!("{base}/locale"))
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| error.to_string())?
        .json()
        .await
        .map_err(|error| error.to_string())?;
    std::hint::black_box(locale);
    Ok(())
}

async fn plain_list(http: &reqwest::Client, base: &str) -> Result<(), String> {
    let url = format!("{base}/databases/bench/collections/items/documents");
    let list: PlainDocumentList = plain_get(http, url)
        .send()
        .await
        .and_then(reqwest::Response::error_for_status)
        .map_err(|error| error.to_string())?
        .json()
        .await
        .map_err(|error| error.to_string())?;
    check_count(list.documents.len())?;
    std::hint::black_box(list);
    Ok(())
}

fn check_count(count: usize) -> Result<(), String> {
    if count == LIST_SIZE {
        Ok(())
    } else {
        Err(format!("expected {LIST_SIZE} documents, got {count}"))
    }
}
