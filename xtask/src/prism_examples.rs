//! Model examples that fit their schema.
//!
//! Prism answers in static mode with the `x-example` values of the models, and with
//! `--errors` it validates that answer against the spec. An example that does not fit
//! its own schema (`""` on a list, `true` on a string, a header example of another
//! shape) makes Prism answer with its own 500, so each such example is replaced with
//! one built from the schema and the examples of the models it refers to.

use serde_json::{Map, Value, json};

/// How deep examples are built or checked before giving up (the models are not
/// recursive, so this only guards against a spec that is).
const MAX_DEPTH: usize = 16;

/// Replaces every property example of `schemas` that does not fit its property's
/// schema, returning the `model.property` name of each one replaced.
pub fn fix_model_examples(schemas: &mut Map<String, Value>) -> Vec<String> {
    let mut replaced = Vec::new();
    let names: Vec<String> = schemas.keys().cloned().collect();
    for model in names {
        let properties = match schemas[&model].get("properties").and_then(Value::as_object) {
            Some(properties) => properties.clone(),
            None => continue,
        };
        for (name, property) in properties {
            let Some(example) = property.get("x-example") else {
                continue;
            };
            if fits(example, &property, schemas, 0) {
                continue;
            }
            let fixed = build(&property, Some(example), schemas, 0);
            let pointer = format!("/{model}/properties/{}/x-example", escape(&name));
            if let Some(slot) = pointer_mut(schemas, &pointer) {
                *slot = fixed;
                replaced.push(format!("{model}.{name}"));
            }
        }
    }
    replaced
}

/// Whether `value` is valid for `schema` (the subset of JSON Schema the spec uses).
pub fn fits(value: &Value, schema: &Value, schemas: &Map<String, Value>, depth: usize) -> bool {
    if depth > MAX_DEPTH {
        return false;
    }
    if value.is_null() && schema.get("nullable") == Some(&Value::Bool(true)) {
        return true;
    }
    if let Some(target) = resolve(schema, schemas) {
        return fits(value, target, schemas, depth + 1);
    }
    if let Some(all) = schema.get("allOf").and_then(Value::as_array) {
        return all.iter().all(|part| fits(value, part, schemas, depth + 1));
    }
    if let Some(any) = schema.get("oneOf").or(schema.get("anyOf")) {
        let choices = any.as_array().map(Vec::as_slice).unwrap_or_default();
        return choices
            .iter()
            .any(|part| fits(value, part, schemas, depth + 1));
    }
    if let Some(allowed) = schema.get("enum").and_then(Value::as_array)
        && !allowed.contains(value)
    {
        return false;
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => value.is_string(),
        Some("integer") => value.is_i64() || value.is_u64(),
        Some("number") => value.is_number(),
        Some("boolean") => value.is_boolean(),
        Some("array") => value.as_array().is_some_and(|items| {
            let item_schema = schema.get("items").unwrap_or(&Value::Null);
            items
                .iter()
                .all(|item| fits(item, item_schema, schemas, depth + 1))
        }),
        Some("object") => object_fits(value, schema, schemas, depth),
        _ => true,
    }
}

/// Whether `value` is an object with every required property, each fitting.
fn object_fits(value: &Value, schema: &Value, schemas: &Map<String, Value>, depth: usize) -> bool {
    let Some(object) = value.as_object() else {
        return false;
    };
    let required = schema.get("required").and_then(Value::as_array);
    let has_required = required
        .into_iter()
        .flatten()
        .filter_map(Value::as_str)
        .all(|name| object.contains_key(name));
    let properties = schema.get("properties").and_then(Value::as_object);
    let fields_fit = object.iter().all(|(name, field)| {
        match properties.and_then(|properties| properties.get(name)) {
            Some(field_schema) => fits(field, field_schema, schemas, depth + 1),
            None => true,
        }
    });
    has_required && fields_fit
}

/// An example for `schema`, made from the examples the spec gives where they fit.
/// `hint` is the example that did not fit; a scalar one is kept as text for strings.
fn build(
    schema: &Value,
    hint: Option<&Value>,
    schemas: &Map<String, Value>,
    depth: usize,
) -> Value {
    if depth > MAX_DEPTH {
        return Value::Null;
    }
    if let Some(example) = schema.get("x-example").filter(|_| depth > 0)
        && fits(example, schema, schemas, 0)
    {
        return example.clone();
    }
    if let Some(target) = resolve(schema, schemas) {
        return build(target, None, schemas, depth + 1);
    }
    for combinator in ["allOf", "oneOf", "anyOf"] {
        if let Some(first) = schema.get(combinator).and_then(|parts| parts.get(0)) {
            return build(first, None, schemas, depth + 1);
        }
    }
    if let Some(first) = schema.get("enum").and_then(|values| values.get(0)) {
        return first.clone();
    }
    match schema.get("type").and_then(Value::as_str) {
        Some("string") => match hint {
            Some(Value::Bool(_) | Value::Number(_)) => json!(hint.map(Value::to_string)),
            _ => json!(""),
        },
        Some("integer") => json!(0),
        Some("number") => json!(0.0),
        Some("boolean") => json!(false),
        Some("array") => {
            let items = schema.get("items").unwrap_or(&Value::Null);
            json!([build(items, None, schemas, depth + 1)])
        }
        _ => build_object(schema, schemas, depth),
    }
}

/// An object holding an example of each of the schema's properties.
fn build_object(schema: &Value, schemas: &Map<String, Value>, depth: usize) -> Value {
    let mut object = Map::new();
    let properties = schema.get("properties").and_then(Value::as_object);
    for (name, property) in properties.into_iter().flatten() {
        object.insert(name.clone(), build(property, None, schemas, depth + 1));
    }
    Value::Object(object)
}

/// The model a `$ref` to `#/components/schemas/...` points at.
fn resolve<'a>(schema: &Value, schemas: &'a Map<String, Value>) -> Option<&'a Value> {
    let reference = schema.get("$ref")?.as_str()?;
    let name = reference.strip_prefix("#/components/schemas/")?;
    schemas.get(name)
}

/// Escapes a property name for use in a JSON pointer.
fn escape(name: &str) -> String {
    name.replace('~', "~0").replace('/', "~1")
}

/// `Value::pointer_mut` for a map.
fn pointer_mut<'a>(schemas: &'a mut Map<String, Value>, pointer: &str) -> Option<&'a mut Value> {
    let (model, rest) = pointer.strip_prefix('/')?.split_once('/')?;
    schemas.get_mut(model)?.pointer_mut(&format!("/{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn schemas() -> Map<String, Value> {
        let schemas = json!({
            "headers": { "type": "object", "required": ["name", "value"], "properties": {
                "name": { "type": "string", "x-example": "Content-Type" },
                "value": { "type": "string", "x-example": "application/json" },
            } },
            "execution": { "type": "object", "properties": {
                "requestHeaders": {
                    "type": "array", "items": { "$ref": "#/components/schemas/headers" },
                    "x-example": [{ "Content-Type": "application/json" }],
                },
                "logs": { "type": "array", "items": { "type": "string" }, "x-example": "" },
                "secret": { "type": "string", "x-example": true },
                "status": { "type": "string", "x-example": "waiting" },
            } },
        });
        schemas.as_object().cloned().unwrap_or_default()
    }

    #[test]
    fn examples_that_do_not_fit_are_rebuilt_from_the_schema() {
        let mut schemas = schemas();
        let replaced = fix_model_examples(&mut schemas);
        assert_eq!(
            replaced,
            [
                "execution.logs",
                "execution.requestHeaders",
                "execution.secret"
            ]
        );
        let properties = &schemas["execution"]["properties"];
        let headers = json!([{ "name": "Content-Type", "value": "application/json" }]);
        assert_eq!(properties["requestHeaders"]["x-example"], headers);
        assert_eq!(properties["logs"]["x-example"], json!([""]));
        assert_eq!(properties["secret"]["x-example"], json!("true"));
        assert_eq!(properties["status"]["x-example"], json!("waiting"));
    }
}
