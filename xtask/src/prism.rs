//! Starting, checking and stopping the Prism mock server.

use std::fs::File;
use std::io::{Read, Write};
use std::net::{Ipv4Addr, SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

/// How long Prism may take to load the spec and start listening.
const START_TIMEOUT: Duration = Duration::from_secs(60);

/// How Prism builds its answers.
#[derive(Clone, Copy, Debug)]
pub enum Mode {
    /// From the spec's examples.
    Static,
    /// Generated from the schemas with a fixed seed (nullable fields may be `null`,
    /// unknown properties are added).
    Dynamic,
}

impl Mode {
    /// A short name for logs and file names.
    pub fn name(self) -> &'static str {
        match self {
            Mode::Static => "static",
            Mode::Dynamic => "dynamic",
        }
    }
}

/// A running Prism process, stopped when dropped.
pub struct Prism {
    mode: Mode,
    child: Child,
    address: SocketAddr,
    log: PathBuf,
}

impl Prism {
    /// Starts Prism (from `prism_dir/node_modules`) on a free port of 127.0.0.1 with
    /// `spec`, logging to `log`; call `wait_until_ready` before using it.
    pub fn start(prism_dir: &Path, spec: &Path, mode: Mode, log: &Path) -> Result<Self, String> {
        let port = free_port()?;
        let address = SocketAddr::from((Ipv4Addr::LOCALHOST, port));
        let log_file = File::create(log)
            .map_err(|error| format!("cannot create prism log {}: {error}", log.display()))?;
        let log_err = log_file
            .try_clone()
            .map_err(|error| format!("cannot share prism log {}: {error}", log.display()))?;

        let mut command = Command::new("node");
        command
            .arg(prism_dir.join("node_modules/@stoplight/prism-cli/dist/index.js"))
            .args(["mock", "--host", "127.0.0.1", "--port", &port.to_string()])
            .args(["--errors", "--verboseLevel", "info"])
            .arg(spec)
            .stdin(Stdio::null())
            .stdout(log_file)
            .stderr(log_err);
        // Seed 1 makes Prism fill the lists of this spec with items (some seeds leave
        // every list empty), so the items' models are decoded too.
        if let Mode::Dynamic = mode {
            command.args(["--dynamic", "--seed", "1"]);
        }
        let child = command.spawn().map_err(|error| {
            format!(
                "cannot start prism ({} mode) with node: {error}",
                mode.name()
            )
        })?;

        Ok(Prism {
            mode,
            child,
            address,
            log: log.to_path_buf(),
        })
    }

    /// How this server builds its answers.
    pub fn mode(&self) -> Mode {
        self.mode
    }

    /// The base URL the tests use (Prism serves the paths without `/v1`).
    pub fn url(&self) -> String {
        format!("http://{}", self.address)
    }

    /// Fails unless the process is still running and answers HTTP.
    pub fn check_alive(&mut self) -> Result<(), String> {
        if let Ok(Some(status)) = self.child.try_wait() {
            return Err(self.failure(&format!("exited during the tests ({status})")));
        }
        if !answers_http(self.address) {
            return Err(self.failure("stopped answering HTTP during the tests"));
        }
        Ok(())
    }

    /// Polls until Prism answers, failing if it exits or takes too long.
    pub fn wait_until_ready(&mut self) -> Result<(), String> {
        let started = Instant::now();
        loop {
            if let Ok(Some(status)) = self.child.try_wait() {
                return Err(self.failure(&format!("exited while starting ({status})")));
            }
            if answers_http(self.address) {
                return Ok(());
            }
            if started.elapsed() > START_TIMEOUT {
                return Err(self.failure("did not answer within 60 seconds"));
            }
            std::thread::sleep(Duration::from_millis(200));
        }
    }

    /// An error message naming the mode, the log, and the log's last lines.
    fn failure(&self, what: &str) -> String {
        let log = std::fs::read_to_string(&self.log).unwrap_or_default();
        let lines: Vec<&str> = log.lines().collect();
        let tail = lines[lines.len().saturating_sub(20)..].join("\n");
        format!(
            "prism ({} mode, {}) {what}; log {}:\n{tail}",
            self.mode.name(),
            self.url(),
            self.log.display()
        )
    }
}

impl Drop for Prism {
    fn drop(&mut self) {
        // The process may already be gone; there is nothing more to do then.
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// A port of 127.0.0.1 that was free a moment ago.
fn free_port() -> Result<u16, String> {
    let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .map_err(|error| format!("cannot find a free port on 127.0.0.1: {error}"))?;
    listener
        .local_addr()
        .map(|address| address.port())
        .map_err(|error| format!("cannot read the free port: {error}"))
}

/// Whether an HTTP request to `address` gets any HTTP answer.
fn answers_http(address: SocketAddr) -> bool {
    let Ok(mut stream) = TcpStream::connect_timeout(&address, Duration::from_millis(500)) else {
        return false;
    };
    let timeout = Some(Duration::from_secs(5));
    if stream.set_read_timeout(timeout).is_err() || stream.set_write_timeout(timeout).is_err() {
        return false;
    }
    let request = "GET /locale HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n";
    if stream.write_all(request.as_bytes()).is_err() {
        return false;
    }
    let mut start = [0u8; 8];
    stream.read_exact(&mut start).is_ok() && start.starts_with(b"HTTP/1.")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_server_that_answers_http_is_ready() {
        let listener = TcpListener::bind((Ipv4Addr::LOCALHOST, 0)).unwrap();
        let address = listener.local_addr().unwrap();
        let server = std::thread::spawn(move || {
            let (mut stream, _) = listener.accept().unwrap();
            let mut request = [0u8; 64];
            let _ = stream.read(&mut request);
            stream
                .write_all(b"HTTP/1.1 401 Unauthorized\r\n\r\n")
                .unwrap();
        });
        assert!(answers_http(address));
        server.join().unwrap();
    }

    #[test]
    fn a_closed_port_is_not_ready() {
        let port = free_port().unwrap();
        assert!(!answers_http(SocketAddr::from((Ipv4Addr::LOCALHOST, port))));
    }
}
