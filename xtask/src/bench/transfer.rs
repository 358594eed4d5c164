//! Upload and download of a large file: the SDK through the uploads engineer's
//! `transfer_memory` example, plain reqwest streaming through `appwrite-bench
//! transfer`, against the same kind of local server (the example's `serve` mode).

use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

use super::output;
use super::table::{self, Row};

/// The example of `appwrite-tests` that measures the SDK.
pub const EXAMPLE: &str = "transfer_memory";

/// The directions, as the example names them in its report lines.
const DIRECTIONS: [&str; 2] = ["upload", "download"];

/// Runs each direction several times (once in a smoke run, with 16 MiB instead
/// of 1 GiB); returns throughput, peak memory and the throughput ratio.
pub fn run(release: &Path, scratch: &Path, smoke: bool) -> Result<Vec<Row>, String> {
    let (runs, mebibytes) = if smoke { (1, 16) } else { (3, 1024) };
    let example = release.join("examples").join(EXAMPLE);
    let scratch = scratch.join("transfer");
    std::fs::create_dir_all(&scratch)
        .map_err(|error| format!("{}: cannot create folder: {error}", scratch.display()))?;

    let mut rows = Vec::new();
    for _ in 0..runs {
        let report = output(&example, &[&mebibytes.to_string()])?;
        let sdk = sdk_rows(&report, mebibytes)?;
        let plain = plain_rows(release, &example, &scratch, mebibytes)?;
        let ratios = ratio_rows(&sdk, &plain, mebibytes);
        table::merge(&mut rows, sdk);
        table::merge(&mut rows, plain);
        table::merge(&mut rows, ratios);
    }
    Ok(rows)
}

/// Reads the example's lines such as
/// `upload: 1024 MiB in 2.00 s (512 MiB/s), peak RSS 20480 KiB (20.0 MiB)`.
fn sdk_rows(report: &str, mebibytes: u64) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for direction in DIRECTIONS {
        let line = report
            .lines()
            .find(|line| line.starts_with(&format!("{direction}:")))
            .ok_or_else(|| format!("the {EXAMPLE} example reported no {direction} line"))?;
        let throughput = number_before(line, " MiB/s)")?;
        let peak_kib = number_before(line, " KiB")?;
        let section = format!("{direction} {mebibytes} MiB");
        let mut rate = Row::new(&section, "sdk throughput", "MiB/s", "-");
        rate.samples.push(throughput);
        let mut peak = Row::new(&section, "sdk peak RSS", "MiB", "lt 64");
        peak.samples.push(peak_kib / 1024.0);
        rows.extend([rate, peak]);
    }
    Ok(rows)
}

/// The number written just before `marker` in `line`.
fn number_before(line: &str, marker: &str) -> Result<f64, String> {
    let before = line
        .split_once(marker)
        .map(|(before, _)| before)
        .ok_or_else(|| format!("no `{marker}` in `{line}`"))?;
    let start = before.rfind([' ', '(']).map_or(0, |index| index + 1);
    before[start..]
        .parse()
        .map_err(|_| format!("no number before `{marker}` in `{line}`"))
}

/// Plain reqwest against the example's server, one process per direction.
fn plain_rows(
    release: &Path,
    example: &Path,
    scratch: &Path,
    mebibytes: u64,
) -> Result<Vec<Row>, String> {
    let mut server = Server::start(example)?;
    let program = release.join("appwrite-bench");
    let scratch = scratch.display().to_string();
    let mebibytes = mebibytes.to_string();
    let mut rows = Vec::new();
    for direction in DIRECTIONS {
        let arguments = [
            "transfer",
            direction,
            "--server",
            &server.address,
            "--mib",
            &mebibytes,
            "--scratch",
            &scratch,
        ];
        rows.extend(table::parse(&output(&program, &arguments)?)?);
    }
    server.stop();
    Ok(rows)
}

/// SDK throughput over hand-written throughput, per direction.
fn ratio_rows(sdk: &[Row], plain: &[Row], mebibytes: u64) -> Vec<Row> {
    let mut rows = Vec::new();
    for direction in DIRECTIONS {
        let section = format!("{direction} {mebibytes} MiB");
        let find = |rows: &[Row], measure: &str| {
            rows.iter()
                .find(|row| row.section == section && row.measure == measure)
                .and_then(|row| row.samples.first().copied())
        };
        let sdk_rate = find(sdk, "sdk throughput");
        let plain_rate = find(plain, "hand-written reqwest throughput");
        let mut ratio = Row::new(
            &section,
            "throughput ratio sdk / hand-written",
            "x",
            "ge 0.8",
        );
        if let (Some(sdk_rate), Some(plain_rate)) = (sdk_rate, plain_rate) {
            ratio.samples.push(sdk_rate / plain_rate);
        }
        rows.push(ratio);
    }
    rows
}

/// The example in its `serve` mode, stopped when dropped.
struct Server {
    child: Child,
    address: String,
}

impl Server {
    fn start(example: &Path) -> Result<Server, String> {
        let mut child = Command::new(example)
            .arg("serve")
            .stdout(Stdio::piped())
            .spawn()
            .map_err(|error| format!("cannot start {}: {error}", example.display()))?;
        let mut address = String::new();
        if let Some(stdout) = child.stdout.take() {
            BufReader::new(stdout)
                .read_line(&mut address)
                .map_err(|error| format!("cannot read the server's address: {error}"))?;
        }
        let mut server = Server {
            child,
            address: address.trim().to_owned(),
        };
        if server.address.is_empty() {
            server.stop();
            return Err("the transfer server printed no address".to_owned());
        }
        Ok(server)
    }

    fn stop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        self.stop();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_example_report_is_read() {
        let report = "baseline: VmRSS 5000 KiB\n\
            upload: 16 MiB in 0.10 s (160 MiB/s), peak RSS 20480 KiB (20.0 MiB)\n\
            download: 16 MiB in 0.05 s (320 MiB/s), peak RSS 10240 KiB (10.0 MiB)\n";
        let rows = sdk_rows(report, 16).unwrap();
        assert_eq!(rows[0].samples, vec![160.0]);
        assert_eq!(rows[1].samples, vec![20.0]);
        assert_eq!(rows[3].samples, vec![10.0]);
        assert!(sdk_rows("nothing", 16).is_err());
    }
}
