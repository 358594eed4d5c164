//! A large spec made from a deterministic recipe: services of entities, each
//! entity with a model, a list model, a status enum and five operations (list,
//! create, get, update, delete). The default recipe gives 500 operations and
//! 200 models.

use std::path::Path;

use serde_json::{Map, Value, json};

/// How large a spec to make.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Recipe {
    /// Services (tags).
    pub services: usize,
    /// Entities per service; each gives two models and five operations.
    pub entities_per_service: usize,
}

impl Recipe {
    /// The large fixture: 25 services of 4 entities, 500 operations, 200 models.
    pub const LARGE: Recipe = Recipe {
        services: 25,
        entities_per_service: 4,
    };

    /// How many operations the spec has.
    pub fn operations(self) -> usize {
        self.services * self.entities_per_service * 5
    }

    /// How many models the spec has.
    pub fn models(self) -> usize {
        self.services * self.entities_per_service * 2
    }
}

/// Writes the spec of `recipe` as JSON to `path`; the same bytes every time.
pub fn write(recipe: Recipe, path: &Path) -> Result<(), String> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|error| format!("{}: cannot create folder: {error}", parent.display()))?;
    }
    let text = serde_json::to_string_pretty(&spec(recipe))
        .map_err(|error| format!("cannot serialise the fixture spec: {error}"))?;
    std::fs::write(path, text).map_err(|error| format!("{}: cannot write: {error}", path.display()))
}

/// The spec of `recipe` as a JSON value.
pub fn spec(recipe: Recipe) -> Value {
    let mut paths = Map::new();
    let mut schemas = Map::new();
    let mut tags = Vec::new();
    for service in 0..recipe.services {
        let tag = format!("service{service:02}");
        tags.push(json!({ "name": tag, "description": format!("Service number {service}.") }));
        for local in 0..recipe.entities_per_service {
            let index = service * recipe.entities_per_service + local;
            let entity = format!("entity{index:03}");
            let previous = index
                .checked_sub(1)
                .map(|before| format!("entity{before:03}"));
            schemas.insert(entity.clone(), model(&entity, previous.as_deref(), index));
            schemas.insert(format!("{entity}List"), list_model(&entity));
            add_paths(&mut paths, &tag, &entity);
        }
    }
    json!({
        "openapi": "3.0.0",
        "info": { "title": "Bench", "version": "1.0.0", "description": "A generated benchmark spec." },
        "servers": [{ "url": "https://bench.invalid/v1" }],
        "paths": paths,
        "tags": tags,
        "components": {
            "schemas": schemas,
            "securitySchemes": {
                "Project": { "type": "apiKey", "name": "X-Appwrite-Project", "in": "header" }
            }
        }
    })
}

fn model(entity: &str, previous: Option<&str>, index: usize) -> Value {
    let mut properties = Map::new();
    let mut add = |name: &str, schema: Value| properties.insert(name.to_owned(), schema);
    add("$id", text("Entity ID."));
    add("$createdAt", text("Creation date in ISO 8601 format."));
    add("name", text("Entity name."));
    add(
        "count",
        json!({ "type": "integer", "format": "int64", "description": "A count." }),
    );
    add(
        "ratio",
        json!({ "type": "number", "format": "double", "description": "A ratio." }),
    );
    add(
        "active",
        json!({ "type": "boolean", "description": "Whether it is active." }),
    );
    add(
        "tags",
        json!({ "type": "array", "items": { "type": "string" }, "description": "Tags." }),
    );
    add("status", status(entity));
    add(
        "note",
        json!({ "type": "string", "nullable": true, "description": "A note." }),
    );
    if let Some(previous) = previous {
        add(
            "previous",
            json!({ "$ref": format!("#/components/schemas/{previous}") }),
        );
    }
    for extra in 0..index % 6 {
        add(&format!("extra{extra}"), text("An extra field."));
    }
    json!({
        "description": format!("Entity {entity}."),
        "type": "object",
        "properties": properties,
        "required": ["$id", "$createdAt", "name", "count", "ratio", "active", "tags", "status"]
    })
}

fn list_model(entity: &str) -> Value {
    json!({
        "description": format!("A list of {entity}."),
        "type": "object",
        "properties": {
            "total": { "type": "integer", "format": "int32", "description": "How many matched." },
            "items": {
                "type": "array",
                "items": { "$ref": format!("#/components/schemas/{entity}") },
                "description": "The items."
            }
        },
        "required": ["total", "items"]
    })
}

fn text(description: &str) -> Value {
    json!({ "type": "string", "description": description })
}

fn status(entity: &str) -> Value {
    let name = format!("{}Status", capitalised(entity));
    json!({
        "type": "string",
        "description": "Status.",
        "enum": ["draft", "active", "archived"],
        "x-enum-name": name,
        "x-enum-keys": []
    })
}

fn capitalised(word: &str) -> String {
    let mut characters = word.chars();
    characters.next().map_or_else(String::new, |first| {
        first.to_uppercase().chain(characters).collect()
    })
}

fn add_paths(paths: &mut Map<String, Value>, tag: &str, entity: &str) {
    let title = capitalised(entity);
    let reference = |name: &str| json!({ "$ref": format!("#/components/schemas/{name}") });
    let collection = json!({
        "get": operation(tag, &format!("list{title}"), "200", Some(reference(&format!("{entity}List"))),
            vec![query_array("queries"), query_text("search")], None),
        "post": operation(tag, &format!("create{title}"), "201", Some(reference(entity)),
            Vec::new(), Some(create_body(entity))),
    });
    let item = json!({
        "get": operation(tag, &format!("get{title}"), "200", Some(reference(entity)),
            vec![path_id()], None),
        "patch": operation(tag, &format!("update{title}"), "200", Some(reference(entity)),
            vec![path_id()], Some(update_body())),
        "delete": operation(tag, &format!("delete{title}"), "204", None,
            vec![path_id()], None),
    });
    paths.insert(format!("/{tag}/{entity}"), collection);
    paths.insert(format!("/{tag}/{entity}/{{entityId}}"), item);
}

fn operation(
    tag: &str,
    method: &str,
    status: &str,
    model: Option<Value>,
    parameters: Vec<Value>,
    body: Option<Value>,
) -> Value {
    let response = match model {
        Some(schema) => json!({
            "description": "The answer.",
            "content": { "application/json": { "schema": schema } }
        }),
        None => json!({ "description": "No content." }),
    };
    let mut operation = json!({
        "summary": format!("Operation {method}"),
        "operationId": format!("{tag}{}", capitalised(method)),
        "tags": [tag],
        "description": format!("The {method} operation of {tag}."),
        "responses": { status: response },
        "x-appwrite": {
            "method": method, "group": null, "type": "", "deprecated": false,
            "scope": "bench", "platforms": ["client"], "auth": { "Project": [] }
        },
        "security": [{ "Project": [] }],
        "parameters": parameters
    });
    if let Some(schema) = body {
        operation["requestBody"] =
            json!({ "content": { "application/json": { "schema": schema } } });
    }
    operation
}

fn path_id() -> Value {
    json!({ "name": "entityId", "in": "path", "required": true, "description": "Entity ID.",
        "schema": { "type": "string", "x-example": "<ENTITY_ID>" } })
}

fn query_array(name: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": "Queries.",
        "schema": { "type": "array", "items": { "type": "string" }, "default": [] } })
}

fn query_text(name: &str) -> Value {
    json!({ "name": name, "in": "query", "required": false, "description": "Search text.",
        "schema": { "type": "string", "default": "" } })
}

fn create_body(entity: &str) -> Value {
    json!({
        "type": "object",
        "properties": {
            "entityId": text("Entity ID."),
            "name": text("Entity name."),
            "count": { "type": "integer", "description": "A count." },
            "active": { "type": "boolean", "description": "Whether it is active." },
            "tags": { "type": "array", "items": { "type": "string" }, "description": "Tags." },
            "status": status(entity)
        },
        "required": ["entityId", "name"]
    })
}

fn update_body() -> Value {
    json!({
        "type": "object",
        "properties": {
            "name": text("Entity name."),
            "count": { "type": "integer", "description": "A count." }
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_large_recipe_has_500_operations_and_200_models() {
        let spec = spec(Recipe::LARGE);
        let operations: usize = spec["paths"]
            .as_object()
            .map(|paths| {
                paths
                    .values()
                    .filter_map(Value::as_object)
                    .map(Map::len)
                    .sum()
            })
            .unwrap_or(0);
        assert_eq!(operations, 500);
        assert_eq!(
            spec["components"]["schemas"].as_object().map(Map::len),
            Some(200)
        );
        assert_eq!(Recipe::LARGE.operations(), 500);
    }
}
