//! Every naming rule of the generator: case conversion, keywords, `$`-prefixed names.

use heck::{ToSnakeCase, ToUpperCamelCase};

/// Words Rust reserves (strict and reserved keywords of edition 2024).
const KEYWORDS: &[&str] = &[
    "abstract", "as", "async", "await", "become", "box", "break", "const", "continue", "crate",
    "do", "dyn", "else", "enum", "extern", "false", "final", "fn", "for", "gen", "if", "impl",
    "in", "let", "loop", "macro", "match", "mod", "move", "mut", "override", "priv", "pub", "ref",
    "return", "self", "Self", "static", "struct", "super", "trait", "true", "try", "type",
    "typeof", "unsafe", "unsized", "use", "virtual", "where", "while", "yield",
];

/// Keywords that cannot be raw identifiers; they get a trailing underscore instead.
const NOT_RAW: &[&str] = &["crate", "self", "Self", "super"];

/// Names the generated code uses itself, which a parameter must not shadow.
const TAKEN_BY_BUILDERS: &[&str] = &["client", "send", "url", "stream"];

/// A field, parameter, method or module name: `snake_case`, never a keyword.
pub fn snake(name: &str) -> String {
    let cleaned = strip_sigils(name);
    let snake = cleaned.to_snake_case();
    let snake = if snake.is_empty() {
        "value".to_string()
    } else {
        snake
    };
    let snake = if starts_with_digit(&snake) {
        format!("n{snake}")
    } else {
        snake
    };
    escape_keyword(snake)
}

/// A parameter name: `snake`, also clear of the names builders use for themselves.
pub fn parameter(name: &str) -> String {
    let snake = snake(name);
    if TAKEN_BY_BUILDERS.contains(&snake.as_str()) {
        format!("{snake}_value")
    } else {
        snake
    }
}

/// A module name: `snake`, with no raw identifiers (file names cannot hold `r#`).
pub fn module(name: &str) -> String {
    let snake = strip_sigils(name).to_snake_case();
    if KEYWORDS.contains(&snake.as_str()) || snake.is_empty() || starts_with_digit(&snake) {
        format!("{snake}_")
    } else {
        snake
    }
}

/// A type or variant name: `UpperCamelCase`, never a keyword, never starting with a digit.
pub fn pascal(name: &str) -> String {
    let camel = strip_sigils(name).to_upper_camel_case();
    if camel.is_empty() {
        "Value".to_string()
    } else if starts_with_digit(&camel) {
        format!("V{camel}")
    } else if camel == "Self" {
        "SelfValue".to_string()
    } else {
        camel
    }
}

/// The request builder type of a method, such as `CreateSessionRequest`.
pub fn builder(method_name: &str) -> String {
    format!("{}Request", pascal(method_name))
}

/// A method name from an operationId when `x-appwrite.method` is missing: the tag prefix
/// (`accountCreateSession` under `account`) is dropped.
pub fn method_from_operation_id(operation_id: &str, tag: &str) -> String {
    let lower_tag = tag.to_lowercase();
    let stripped = match operation_id.get(..lower_tag.len()) {
        Some(prefix) if prefix.to_lowercase() == lower_tag && operation_id.len() > tag.len() => {
            &operation_id[lower_tag.len()..]
        }
        _ => operation_id,
    };
    snake(stripped)
}

/// The last segment of a `#/components/schemas/...` reference.
pub fn reference_name(reference: &str) -> &str {
    reference.rsplit('/').next().unwrap_or(reference)
}

fn strip_sigils(name: &str) -> String {
    name.chars()
        .map(|character| {
            if character.is_ascii_alphanumeric() {
                character
            } else {
                ' '
            }
        })
        .collect::<String>()
        .trim()
        .to_string()
}

fn starts_with_digit(name: &str) -> bool {
    name.chars()
        .next()
        .is_some_and(|first| first.is_ascii_digit())
}

fn escape_keyword(name: String) -> String {
    if NOT_RAW.contains(&name.as_str()) {
        format!("{name}_")
    } else if KEYWORDS.contains(&name.as_str()) {
        format!("r#{name}")
    } else {
        name
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dollar_names_lose_their_sigil() {
        assert_eq!(snake("$createdAt"), "created_at");
        assert_eq!(snake("$id"), "id");
    }

    #[test]
    fn keywords_are_escaped() {
        assert_eq!(snake("type"), "r#type");
        assert_eq!(snake("self"), "self_");
        assert_eq!(module("type"), "type_");
        assert_eq!(parameter("url"), "url_value");
    }

    #[test]
    fn types_never_start_with_a_digit() {
        assert_eq!(pascal("3d"), "V3d");
        assert_eq!(pascal("image/jpeg"), "ImageJpeg");
        assert_eq!(pascal("paypalSandbox"), "PaypalSandbox");
        assert_eq!(pascal("Aland Islands"), "AlandIslands");
    }

    #[test]
    fn operation_ids_lose_their_tag() {
        assert_eq!(
            method_from_operation_id("accountCreate", "account"),
            "create"
        );
        assert_eq!(
            method_from_operation_id("listThings", "account"),
            "list_things"
        );
    }
}
