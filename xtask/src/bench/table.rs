//! The rows the benchmark programs print, gathered into one table of medians.

use std::fmt::Write as _;

/// One measure and its samples, as read from a `row` line.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    pub section: String,
    pub measure: String,
    pub unit: String,
    /// `-`, or `lt`, `le`, `ge` followed by a number.
    pub target: String,
    pub samples: Vec<f64>,
}

impl Row {
    /// A row made here rather than read from a program.
    pub fn new(section: &str, measure: &str, unit: &str, target: &str) -> Row {
        Row {
            section: section.to_owned(),
            measure: measure.to_owned(),
            unit: unit.to_owned(),
            target: target.to_owned(),
            samples: Vec::new(),
        }
    }

    /// The middle sample, or `None` when there are none.
    pub fn median(&self) -> Option<f64> {
        let mut sorted = self.samples.clone();
        sorted.sort_by(f64::total_cmp);
        let middle = sorted.len() / 2;
        match sorted.len() {
            0 => None,
            length if length % 2 == 1 => Some(sorted[middle]),
            _ => Some((sorted[middle - 1] + sorted[middle]) / 2.0),
        }
    }
}

/// Reads the `row` lines of a program's output; other lines are ignored.
pub fn parse(output: &str) -> Result<Vec<Row>, String> {
    let mut rows = Vec::new();
    for line in output.lines().filter(|line| line.starts_with("row\t")) {
        let fields: Vec<&str> = line.split('\t').collect();
        let [_, section, measure, unit, target, samples] = fields[..] else {
            return Err(format!("malformed benchmark line `{line}`"));
        };
        let samples = samples
            .split_whitespace()
            .map(|sample| sample.parse::<f64>())
            .collect::<Result<Vec<f64>, _>>()
            .map_err(|error| format!("malformed sample in `{line}`: {error}"))?;
        rows.push(Row {
            section: section.to_owned(),
            measure: measure.to_owned(),
            unit: unit.to_owned(),
            target: target.to_owned(),
            samples,
        });
    }
    Ok(rows)
}

/// Adds `incoming` to `rows`: samples of a measure already present join it, new
/// measures keep their order.
pub fn merge(rows: &mut Vec<Row>, incoming: Vec<Row>) {
    for row in incoming {
        let existing = rows
            .iter_mut()
            .find(|known| known.section == row.section && known.measure == row.measure);
        match existing {
            Some(known) => known.samples.extend(row.samples),
            None => rows.push(row),
        }
    }
}

/// Whether the median meets the target: `None` when there is no target.
fn verdict(row: &Row) -> Option<String> {
    let (kind, value) = row.target.split_once(' ')?;
    let limit: f64 = value.parse().ok()?;
    let median = row.median()?;
    let met = match kind {
        "lt" => median < limit,
        "le" => median <= limit,
        "ge" => median >= limit,
        _ => return None,
    };
    let off = (median / limit - 1.0).abs() * 100.0;
    Some(if met {
        "met".to_owned()
    } else {
        format!("MISSED by {off:.0}%")
    })
}

fn target_text(target: &str) -> String {
    match target.split_once(' ') {
        Some(("lt", value)) => format!("< {value}"),
        Some(("le", value)) => format!("<= {value}"),
        Some(("ge", value)) => format!(">= {value}"),
        _ => "-".to_owned(),
    }
}

/// A number with as many decimals as its size deserves.
fn number(value: f64, unit: &str) -> String {
    let decimals = match value.abs() {
        _ if unit == "x" => 3,
        size if size >= 100.0 => 0,
        size if size >= 10.0 => 1,
        _ => 2,
    };
    format!("{value:.decimals$}")
}

/// The rows with each section's rows together, sections in order of first
/// appearance.
fn grouped(rows: &[Row]) -> Vec<&Row> {
    let mut sections: Vec<&str> = Vec::new();
    for row in rows {
        if !sections.contains(&row.section.as_str()) {
            sections.push(&row.section);
        }
    }
    sections
        .iter()
        .flat_map(|section| rows.iter().filter(move |row| row.section == *section))
        .collect()
}

/// The table: one header, then each section's measures under its name.
pub fn render(rows: &[Row], title: &str) -> String {
    let mut text = String::new();
    let _ = writeln!(text, "{title}");
    let _ = writeln!(
        text,
        "{:<44} {:>6} {:>10} {:>10} {:>10} {:>4} {:>8}  result",
        "benchmark / measure", "unit", "median", "min", "max", "runs", "target"
    );
    let mut section = "";
    for row in grouped(rows) {
        if row.section != section {
            section = &row.section;
            let _ = writeln!(text, "{section}");
        }
        let statistic = |value: Option<f64>| value.map_or("-".to_owned(), |v| number(v, &row.unit));
        let min = row.samples.iter().copied().reduce(f64::min);
        let max = row.samples.iter().copied().reduce(f64::max);
        let _ = writeln!(
            text,
            "  {:<42} {:>6} {:>10} {:>10} {:>10} {:>4} {:>8}  {}",
            row.measure,
            row.unit,
            statistic(row.median()),
            statistic(min),
            statistic(max),
            row.samples.len(),
            target_text(&row.target),
            verdict(row).unwrap_or_default()
        );
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_parse_merge_and_judge() {
        let mut rows = parse("noise\nrow\tcalls\tratio\tx\tle 1.05\t1.1 1.0 1.2\n").unwrap();
        merge(
            &mut rows,
            parse("row\tcalls\tratio\tx\tle 1.05\t1.3\n").unwrap(),
        );
        assert_eq!(rows.len(), 1);
        assert_eq!(rows[0].median(), Some(1.15));
        assert_eq!(verdict(&rows[0]).as_deref(), Some("MISSED by 10%"));
        assert!(parse("row\tonly\ttwo").is_err());
    }

    #[test]
    fn each_section_is_printed_once() {
        let lines = "row\tup\ta\tx\t-\t1\nrow\tdown\tb\tx\t-\t1\nrow\tup\tc\tx\t-\t1\n";
        let text = render(&parse(lines).unwrap(), "title");
        assert_eq!(text.lines().filter(|line| *line == "up").count(), 1);
        assert!(text.find("  c ").unwrap() < text.find("\ndown\n").unwrap());
    }
}
