//! The doc comment of an SDK method, built from the operation's summary and description.

use openapiv3::Operation;

use super::operations::Context;
use crate::docs;
use crate::model::{MethodKind, Parameter};

/// Summary, description, what is sent, the positional arguments and any deprecation.
pub fn docs(
    context: &Context,
    operation: &Operation,
    description: Option<&str>,
    parameters: &[Parameter],
    deprecation: Option<&str>,
    kind: MethodKind,
    generic: bool,
) -> Vec<String> {
    let summary = operation
        .summary
        .as_deref()
        .map(|summary| docs::lines(&format!("{}.", summary.trim_end_matches('.'))))
        .unwrap_or_default();
    let description = description
        .or(operation.description.as_deref())
        .unwrap_or_default();
    let request = format!("`{} {}`", context.http_method.to_uppercase(), context.path);
    let sends = docs::wrap(&match kind {
        MethodKind::WebAuth => format!(
            "Builds the URL of {request} to send the user to; awaiting the request returns \
             it and sends nothing."
        ),
        MethodKind::Location => format!(
            "Sends {request} and returns the body's bytes; `stream()` returns them as a \
             stream and `url()` builds the URL without sending anything."
        ),
        MethodKind::Upload => {
            format!("Sends {request}: in one request up to 5 MiB, in chunks of 5 MiB beyond.")
        }
        _ => format!("Sends {request}."),
    });
    let deprecated = match deprecation {
        Some("") => vec!["Deprecated by the API.".to_string()],
        Some(note) => docs::lines(&format!("Deprecated by the API: {note}.")),
        None => Vec::new(),
    };
    let data_type = if generic {
        docs::lines(
            "`T` is the type of the user's own data, decoded from the response: a struct of \
             yours, or `appwrite::JsonMap` for plain JSON (`method::<JsonMap>(..)`, or \
             annotate the result).",
        )
    } else {
        Vec::new()
    };
    let mut blocks = vec![
        summary,
        docs::lines(description),
        sends,
        data_type,
        arguments(parameters),
        deprecated,
    ];
    if blocks.iter().take(2).all(Vec::is_empty) {
        blocks.insert(
            0,
            vec!["The spec gives no description of this operation.".to_string()],
        );
    }
    docs::join(blocks)
}

fn arguments(parameters: &[Parameter]) -> Vec<String> {
    let required: Vec<&Parameter> = parameters
        .iter()
        .filter(|parameter| parameter.required)
        .collect();
    if required.is_empty() {
        return Vec::new();
    }
    let mut lines = vec!["# Arguments".to_string(), String::new()];
    for parameter in required {
        let text = parameter.docs.join(" ");
        let mut item = docs::wrap(&format!("`{}`: {text}", parameter.name));
        if let Some(first) = item.first_mut() {
            *first = format!("- {first}");
        }
        for line in item.iter_mut().skip(1) {
            *line = format!("  {line}");
        }
        lines.extend(item);
    }
    lines
}
