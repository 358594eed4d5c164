//! One line of the benchmark table, as raw samples, and its text form.

use std::fmt;
use std::time::Duration;

/// What a measure should stay within, when it has a target.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Target {
    /// No target: the figure is reported for information.
    None,
    /// The median must be below the value.
    Below(f64),
    /// The median must be at most the value.
    AtMost(f64),
    /// The median must be at least the value.
    AtLeast(f64),
}

impl fmt::Display for Target {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Target::None => write!(formatter, "-"),
            Target::Below(value) => write!(formatter, "lt {value}"),
            Target::AtMost(value) => write!(formatter, "le {value}"),
            Target::AtLeast(value) => write!(formatter, "ge {value}"),
        }
    }
}

/// The samples of one measure: a section, a name, a unit, a target.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// The benchmark the measure belongs to, such as `regen bundled`.
    pub section: String,
    /// What is measured, such as `load`.
    pub measure: String,
    /// The unit of the samples, such as `ms`.
    pub unit: &'static str,
    /// The target of the median.
    pub target: Target,
    /// One value per run.
    pub samples: Vec<f64>,
}

impl Row {
    /// A row with no samples yet.
    pub fn new(section: &str, measure: &str, unit: &'static str, target: Target) -> Self {
        Row {
            section: section.to_owned(),
            measure: measure.to_owned(),
            unit,
            target,
            samples: Vec::new(),
        }
    }

    /// Adds a duration sample in milliseconds.
    pub fn push_millis(&mut self, duration: Duration) {
        self.samples.push(duration.as_secs_f64() * 1000.0);
    }

    /// The middle sample (the mean of the two middle ones for an even count).
    pub fn median(&self) -> Option<f64> {
        median(&self.samples)
    }
}

/// The middle value of `samples`, or `None` when there are none.
pub fn median(samples: &[f64]) -> Option<f64> {
    let mut sorted = samples.to_vec();
    sorted.sort_by(f64::total_cmp);
    let middle = sorted.len() / 2;
    match sorted.len() {
        0 => None,
        length if length % 2 == 1 => Some(sorted[middle]),
        _ => Some((sorted[middle - 1] + sorted[middle]) / 2.0),
    }
}

/// The line form read by `cargo xtask bench`:
/// `row<TAB>section<TAB>measure<TAB>unit<TAB>target<TAB>samples separated by spaces`.
impl fmt::Display for Row {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        let samples: Vec<String> = self
            .samples
            .iter()
            .map(|value| format!("{value}"))
            .collect();
        write!(
            formatter,
            "row\t{}\t{}\t{}\t{}\t{}",
            self.section,
            self.measure,
            self.unit,
            self.target,
            samples.join(" ")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn median_of_odd_and_even_counts() {
        assert_eq!(median(&[3.0, 1.0, 2.0]), Some(2.0));
        assert_eq!(median(&[4.0, 1.0, 2.0, 3.0]), Some(2.5));
        assert_eq!(median(&[]), None);
    }

    #[test]
    fn line_form() {
        let mut row = Row::new("calls", "locale.get", "us", Target::AtMost(1.05));
        row.samples = vec![1.5, 2.0];
        assert_eq!(
            row.to_string(),
            "row\tcalls\tlocale.get\tus\tle 1.05\t1.5 2"
        );
    }
}
