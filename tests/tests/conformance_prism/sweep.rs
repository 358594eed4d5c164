//! The record of one sweep: which operation was called, and how it went.

use std::collections::{BTreeMap, BTreeSet};
use std::fmt::Write as _;
use std::io::Write as _;

/// The outcome of each operation called in one mode.
pub struct Sweep {
    mode: &'static str,
    outcomes: BTreeMap<&'static str, Result<(), String>>,
}

impl Sweep {
    /// An empty record for `mode` (`static` or `dynamic`).
    pub fn new(mode: &'static str) -> Self {
        Sweep {
            mode,
            outcomes: BTreeMap::new(),
        }
    }

    /// Records the result of calling `operation` (its `operationId`): any `Ok` means
    /// Prism accepted the request and the response decoded into the method's type.
    pub fn record<T>(&mut self, operation: &'static str, result: appwrite::Result<T>) {
        self.record_outcome(
            operation,
            result.map(drop).map_err(|error| describe(&error)),
        );
    }

    /// Records an outcome checked by the test itself.
    pub fn record_outcome(&mut self, operation: &'static str, outcome: Result<(), String>) {
        let outcome = match self.outcomes.contains_key(operation) {
            true => Err("called more than once".to_string()),
            false => outcome,
        };
        self.outcomes.insert(operation, outcome);
    }

    /// Compares the record with the spec's operations, prints the summary line
    /// (`prism: 95/95 operations passed (static)`), and returns the failures.
    pub fn finish(self, spec_operations: &BTreeSet<String>) -> Vec<String> {
        let mut failures = Vec::new();
        for operation in spec_operations {
            match self.outcomes.get(operation.as_str()) {
                Some(Ok(())) => {}
                Some(Err(reason)) => failures.push(format!("{operation}: {reason}")),
                None => failures.push(format!("{operation}: never called")),
            }
        }
        for operation in self.outcomes.keys() {
            if !spec_operations.contains(*operation) {
                failures.push(format!("{operation}: not an operation of the spec"));
            }
        }

        let passed = spec_operations.len().saturating_sub(failures.len());
        let total = spec_operations.len();
        let mut summary = format!("prism: {passed}/{total} operations passed ({})", self.mode);
        for failure in &failures {
            let _ = write!(summary, "\n  failed: {failure}");
        }
        // Written to stderr directly so the line shows even when cargo test captures
        // the test's output.
        let _ = writeln!(std::io::stderr(), "{summary}");
        failures
    }
}

/// The error's status, message and the start of the raw body.
fn describe(error: &appwrite::Error) -> String {
    let mut text = format!("{:?} error: {error}", error.kind());
    if let Some(status) = error.status() {
        let _ = write!(text, " (status {status})");
    }
    if let Some(field) = error.field_path() {
        let _ = write!(text, " at `{field}`");
    }
    if let Some(body) = error.body() {
        let body: String = body.chars().take(600).collect();
        let _ = write!(text, "; body: {body}");
    }
    text
}
