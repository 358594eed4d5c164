//! The copy of the bundled spec that Prism reads.
//!
//! Prism validates every request and response against the spec it is given, so the
//! spec's known quirks would make it reject valid calls or answer with its own 500. The
//! bundled spec stays as it is; this module derives a copy that says what Appwrite means:
//!
//! - one security requirement listing `Project` with `Session` and `JWT` becomes the
//!   alternatives `{Project}`, `{Project, Session}` and `{Project, JWT}`;
//! - operations whose URL a browser opens (`webAuth`, `location`) also accept the project
//!   as the `project` query parameter, as the SDK's URLs carry it;
//! - a JSON response declared as `multipart/form-data` is declared as `application/json`;
//! - `graphql` operations, declared without a body, declare the JSON body Appwrite reads
//!   (`{"query": {"query": ..., "variables": ...}}`, as the SDK sends it);
//! - a property of `type: object` with `items` becomes the schema of its items, the model
//!   the SDK decodes it into;
//! - every model `x-example` that does not fit its own schema is replaced with one built
//!   from the schema (see `prism_examples`).

use crate::prism_examples;
use serde_json::{Map, Value, json};

/// The security scheme that carries the project in the query string.
const PROJECT_QUERY_SCHEME: &str = "ProjectQuery";

/// What the derivation changed, for the log of `cargo xtask test`.
#[derive(Debug, Default)]
pub struct Changes {
    /// Security requirements split into alternatives.
    pub security: usize,
    /// Operations that also accept the project in the query string.
    pub project_query: usize,
    /// Response media types corrected to `application/json`.
    pub media_types: usize,
    /// GraphQL operations given the body Appwrite reads.
    pub graphql_bodies: usize,
    /// `type: object` properties replaced with the schema of their `items`.
    pub object_items: usize,
    /// Model examples replaced because they did not fit their schema.
    pub examples: Vec<String>,
}

/// Derives Prism's copy of `spec` (an OpenAPI 3.0 document as JSON).
pub fn derive(mut spec: Value) -> Result<(Value, Changes), String> {
    let mut changes = Changes::default();
    add_project_query_scheme(&mut spec)?;

    let paths = spec
        .get_mut("paths")
        .and_then(Value::as_object_mut)
        .ok_or("spec has no `paths` object")?;
    for operation in paths.values_mut().filter_map(Value::as_object_mut) {
        for operation in operation.values_mut().filter_map(Value::as_object_mut) {
            split_security(operation, &mut changes);
            correct_response_media_types(operation, &mut changes);
            declare_graphql_body(operation, &mut changes);
        }
    }

    let schemas = spec
        .pointer_mut("/components/schemas")
        .and_then(Value::as_object_mut)
        .ok_or("spec has no `components.schemas` object")?;
    for schema in schemas.values_mut() {
        replace_object_items(schema, &mut changes);
    }
    changes.examples = prism_examples::fix_model_examples(schemas);
    Ok((spec, changes))
}

/// Adds the `project` query parameter as a security scheme.
fn add_project_query_scheme(spec: &mut Value) -> Result<(), String> {
    let schemes = spec
        .pointer_mut("/components/securitySchemes")
        .and_then(Value::as_object_mut)
        .ok_or("spec has no `components.securitySchemes` object")?;
    let scheme = json!({
        "type": "apiKey",
        "name": "project",
        "in": "query",
        "description": "The project ID in the query string of a URL a browser opens",
    });
    schemes.insert(PROJECT_QUERY_SCHEME.to_string(), scheme);
    Ok(())
}

/// Rewrites `{Project, A, B}` as the alternatives `{Project}`, `{Project, A}`,
/// `{Project, B}`, and adds `{ProjectQuery}` to operations a browser opens.
fn split_security(operation: &mut Map<String, Value>, changes: &mut Changes) {
    let opened_by_browser = matches!(
        operation
            .get("x-appwrite")
            .and_then(|extension| extension.get("type"))
            .and_then(Value::as_str),
        Some("webAuth" | "location")
    );
    let Some(requirements) = operation.get_mut("security").and_then(Value::as_array_mut) else {
        return;
    };

    let mut alternatives = Vec::new();
    for requirement in requirements.iter() {
        let Some(schemes) = requirement.as_object() else {
            alternatives.push(requirement.clone());
            continue;
        };
        if schemes.len() > 1 && schemes.contains_key("Project") {
            changes.security += 1;
            alternatives.push(json!({ "Project": [] }));
            for name in schemes.keys().filter(|name| *name != "Project") {
                alternatives.push(json!({ "Project": [], name.clone(): [] }));
            }
        } else {
            alternatives.push(requirement.clone());
        }
    }
    if opened_by_browser {
        changes.project_query += 1;
        alternatives.push(json!({ PROJECT_QUERY_SCHEME: [] }));
    }
    *requirements = alternatives;
}

/// Declares `multipart/form-data` response content as `application/json`: Appwrite
/// answers those operations with JSON, and no response is ever a form.
fn correct_response_media_types(operation: &mut Map<String, Value>, changes: &mut Changes) {
    let Some(responses) = operation
        .get_mut("responses")
        .and_then(Value::as_object_mut)
    else {
        return;
    };
    for response in responses.values_mut() {
        let Some(content) = response.get_mut("content").and_then(Value::as_object_mut) else {
            continue;
        };
        if content.contains_key("application/json") {
            continue;
        }
        if let Some(media) = content.remove("multipart/form-data") {
            content.insert("application/json".to_string(), media);
            changes.media_types += 1;
        }
    }
}

/// Declares the JSON body of a `graphql` operation that declares none: one required
/// `query` object holding the GraphQL `query` string (and optional `variables`).
fn declare_graphql_body(operation: &mut Map<String, Value>, changes: &mut Changes) {
    let is_graphql = operation
        .get("x-appwrite")
        .and_then(|extension| extension.get("type"))
        .and_then(Value::as_str)
        == Some("graphql");
    if !is_graphql || operation.contains_key("requestBody") {
        return;
    }
    let graphql_request = json!({
        "type": "object",
        "required": ["query"],
        "properties": {
            "query": { "type": "string" },
            "variables": { "type": "object" },
            "operationName": { "type": "string" },
        },
    });
    let schema = json!({
        "type": "object",
        "required": ["query"],
        "properties": { "query": graphql_request },
    });
    let body = json!({ "required": true, "content": { "application/json": { "schema": schema } } });
    operation.insert("requestBody".to_string(), body);
    changes.graphql_bodies += 1;
}

/// Replaces each `type: object` property that has `items` with the items' schema,
/// keeping its description, example and nullability.
fn replace_object_items(schema: &mut Value, changes: &mut Changes) {
    let Some(properties) = schema.get_mut("properties").and_then(Value::as_object_mut) else {
        return;
    };
    for property in properties.values_mut() {
        let is_object = property.get("type").and_then(Value::as_str) == Some("object");
        let Some(items) = property.get("items").filter(|_| is_object).cloned() else {
            continue;
        };
        let mut replacement = Map::new();
        if items.get("$ref").is_some() {
            replacement.insert("allOf".to_string(), json!([items]));
        } else if let Some(items) = items.as_object() {
            replacement.extend(items.clone());
        }
        for key in ["description", "x-example", "nullable"] {
            if let Some(value) = property.get(key) {
                replacement.insert(key.to_string(), value.clone());
            }
        }
        *property = Value::Object(replacement);
        changes.object_items += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled spec, derived.
    fn derived_bundled_spec() -> (Value, Changes) {
        let path = concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/appwrite-1.6.2-client.yaml"
        );
        let text = std::fs::read_to_string(path).expect("the bundled spec is readable");
        let spec: Value = serde_yaml::from_str(&text).expect("the bundled spec is YAML");
        derive(spec).expect("the bundled spec derives")
    }

    #[test]
    fn the_bundled_spec_has_no_quirk_left_for_prism() {
        let (spec, changes) = derived_bundled_spec();
        assert_eq!((changes.security, changes.media_types), (82, 1));
        assert_eq!(changes.graphql_bodies, 2);

        let schemas = spec["components"]["schemas"].as_object().unwrap();
        for (model, schema) in schemas {
            let properties = schema["properties"].as_object().into_iter().flatten();
            for (name, property) in properties {
                let example = property.get("x-example").unwrap_or(&Value::Null);
                let fits = prism_examples::fits(example, property, schemas, 0);
                assert!(fits || example.is_null(), "{model}.{name}: {example}");
            }
        }
        for item in spec["paths"].as_object().unwrap().values() {
            for operation in item.as_object().unwrap().values() {
                for requirement in operation["security"].as_array().unwrap() {
                    let schemes = requirement.as_object().unwrap();
                    assert!(schemes.len() <= 2, "{requirement}");
                }
                let text = operation["responses"].to_string();
                assert!(!text.contains("multipart"), "{text}");
            }
        }
    }

    #[test]
    fn the_bundled_spec_has_twenty_examples_replaced() {
        let (_, changes) = derived_bundled_spec();
        let lists = [
            "continentList.continents",
            "countryList.countries",
            "currencyList.currencies",
            "documentList.documents",
        ];
        assert_eq!(changes.examples.len(), 20);
        assert_eq!(changes.examples[..4], lists);
        let others = [
            "execution.requestHeaders",
            "mfaType.secret",
            "user.hashOptions",
        ];
        for name in others.into_iter().chain(["subscriber.target"]) {
            assert!(
                changes.examples.iter().any(|replaced| replaced == name),
                "{name}"
            );
        }
    }

    #[test]
    fn one_requirement_with_three_schemes_becomes_three_alternatives() {
        let mut operation = json!({ "security": [{ "Project": [], "Session": [], "JWT": [] }] });
        let operation = operation.as_object_mut().unwrap();
        split_security(operation, &mut Changes::default());
        let expected = json!([
            { "Project": [] },
            { "Project": [], "JWT": [] },
            { "Project": [], "Session": [] },
        ]);
        assert_eq!(operation["security"], expected);
    }

    #[test]
    fn multipart_response_is_declared_as_json() {
        let mut operation = json!({ "responses": { "201": { "content": {
            "multipart/form-data": { "schema": { "$ref": "#/components/schemas/execution" } }
        } } } });
        let operation = operation.as_object_mut().unwrap();
        correct_response_media_types(operation, &mut Changes::default());
        let content = &operation["responses"]["201"]["content"];
        assert!(content.get("application/json").is_some());
        assert!(content.get("multipart/form-data").is_none());
    }

    #[test]
    fn object_with_items_becomes_its_model() {
        let mut schema = json!({ "properties": { "target": {
            "type": "object", "description": "Target.", "nullable": true,
            "items": { "$ref": "#/components/schemas/target" }
        } } });
        replace_object_items(&mut schema, &mut Changes::default());
        let expected = json!({
            "allOf": [{ "$ref": "#/components/schemas/target" }],
            "description": "Target.", "nullable": true,
        });
        assert_eq!(schema["properties"]["target"], expected);
    }
}
