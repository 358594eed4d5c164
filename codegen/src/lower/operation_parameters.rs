//! The parameters of one operation: path, query and body, with their Rust shapes.

use openapiv3::{Operation, ParameterSchemaOrContent, ReferenceOr, Schema};

use super::enums::EnumRegistry;
use super::operations::Context;
use super::parameters;
use super::references;
use crate::diagnostics::{Diagnostics, child};
use crate::docs;
use crate::model::{Location, MethodKind, Parameter};
use crate::naming;

/// Everything an operation takes.
pub struct Collected {
    /// Every parameter, required ones first.
    pub parameters: Vec<Parameter>,
    /// `None`, `Json` or `Multipart`.
    pub body_kind: &'static str,
    /// The wire name of the body field marked `x-upload-id`.
    pub upload_id: Option<String>,
}

/// Collects the parameters of `operation`, checking every path placeholder is declared.
pub fn collect(
    context: &Context,
    operation: &Operation,
    kind: MethodKind,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> Collected {
    let mut collected = Collected {
        parameters: Vec::new(),
        body_kind: "None",
        upload_id: None,
    };
    declared_parameters(context, operation, enums, diagnostics, &mut collected);
    body_parameters(context, operation, kind, enums, diagnostics, &mut collected);
    if kind == MethodKind::Graphql && collected.body_kind == "None" {
        collected.parameters.push(graphql_query());
        collected.body_kind = "Json";
    }
    check_path(context, &collected.parameters, diagnostics);
    collected
        .parameters
        .sort_by_key(|parameter| !parameter.required);
    collected
}

fn declared_parameters(
    context: &Context,
    operation: &Operation,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
    collected: &mut Collected,
) {
    for (index, parameter) in operation.parameters.iter().enumerate() {
        let pointer = format!("{}/parameters/{index}", context.pointer);
        let ReferenceOr::Item(parameter) = parameter else {
            diagnostics.error(&pointer, "parameter references are not supported");
            continue;
        };
        let (location, data) = match parameter {
            openapiv3::Parameter::Path { parameter_data, .. } => (Location::Path, parameter_data),
            openapiv3::Parameter::Query { parameter_data, .. } => (Location::Query, parameter_data),
            openapiv3::Parameter::Header { parameter_data, .. }
            | openapiv3::Parameter::Cookie { parameter_data, .. } => {
                diagnostics.warning(
                    &pointer,
                    format!(
                        "header and cookie parameters are not supported: `{}` is left out",
                        parameter_data.name
                    ),
                );
                continue;
            }
        };
        let ParameterSchemaOrContent::Schema(schema) = &data.format else {
            diagnostics.error(&pointer, "parameter has `content` instead of `schema`");
            continue;
        };
        let name = naming::parameter(&data.name);
        let shape = parameters::parameter_shape(
            context.spec,
            schema,
            &name,
            &format!("{pointer}/schema"),
            enums,
            diagnostics,
        );
        if location == Location::Path && shape.as_segment.is_empty() {
            diagnostics.error(
                &pointer,
                format!(
                    "path parameter `{}` is not a string, number or enum",
                    data.name
                ),
            );
            continue;
        }
        collected.parameters.push(Parameter {
            name,
            wire_name: data.name.clone(),
            docs: docs::described(data.description.as_deref(), "parameter"),
            location,
            required: data.required || location == Location::Path,
            shape,
        });
    }
}

fn body_parameters(
    context: &Context,
    operation: &Operation,
    kind: MethodKind,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
    collected: &mut Collected,
) {
    let Some(body) = &operation.request_body else {
        return;
    };
    let pointer = format!("{}/requestBody", context.pointer);
    let ReferenceOr::Item(body) = body else {
        diagnostics.error(&pointer, "request body references are not supported");
        return;
    };
    let Some((media_type, content)) = body.content.iter().next() else {
        return;
    };
    collected.body_kind = if media_type.starts_with("multipart/") {
        "Multipart"
    } else {
        "Json"
    };
    let schema_pointer = format!("{}/schema", child(&child(&pointer, "content"), media_type));
    let Some(schema) = content.schema.as_ref() else {
        return;
    };
    let Some(schema) = references::resolve(context.spec, schema, &schema_pointer, diagnostics)
    else {
        return;
    };
    let Some(object) = super::models::object_of(schema) else {
        diagnostics.error(
            &schema_pointer,
            "request body is not an object: its fields cannot become parameters",
        );
        return;
    };
    for (wire_name, property) in &object.properties {
        let property_pointer = child(&child(&schema_pointer, "properties"), wire_name);
        let property = property.clone().unbox();
        let resolved =
            references::resolve(context.spec, &property, &property_pointer, diagnostics).cloned();
        let parameter = body_parameter(
            context,
            wire_name,
            &property,
            resolved.as_ref(),
            kind,
            &property_pointer,
            enums,
            diagnostics,
        );
        if resolved.as_ref().is_some_and(|schema| {
            schema.schema_data.extensions.get("x-upload-id") == Some(&serde_json::Value::Bool(true))
        }) {
            collected.upload_id = Some(wire_name.clone());
        }
        collected.parameters.push(Parameter {
            required: object.required.contains(wire_name) || parameter.location == Location::File,
            ..parameter
        });
    }
}

#[allow(clippy::too_many_arguments)]
fn body_parameter(
    context: &Context,
    wire_name: &str,
    property: &ReferenceOr<Schema>,
    resolved: Option<&Schema>,
    kind: MethodKind,
    pointer: &str,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> Parameter {
    let name = naming::parameter(wire_name);
    let is_file = kind == MethodKind::Upload && resolved.is_some_and(parameters::is_file);
    let (location, shape) = if is_file {
        (Location::File, parameters::file_shape(&name))
    } else {
        let shape =
            parameters::parameter_shape(context.spec, property, &name, pointer, enums, diagnostics);
        (Location::Body, shape)
    };
    let description = resolved.and_then(|schema| schema.schema_data.description.as_deref());
    Parameter {
        name,
        wire_name: wire_name.to_string(),
        docs: docs::described(description, "parameter"),
        location,
        required: false,
        shape,
    }
}

/// GraphQL operations of Appwrite's specs declare no body, but the server reads the
/// request from a `query` field: an object with `query`, and optionally `variables` and
/// `operationName`.
fn graphql_query() -> Parameter {
    Parameter {
        name: "query".to_string(),
        wire_name: "query".to_string(),
        docs: docs::lines(
            "The GraphQL request: an object with `query`, and optionally `variables` and \
             `operationName` (the spec declares no body; Appwrite reads this field).",
        ),
        location: Location::Body,
        required: true,
        shape: parameters::payload("query"),
    }
}

fn check_path(context: &Context, parameters: &[Parameter], diagnostics: &mut Diagnostics) {
    let mut rest = context.path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|close| close + open) else {
            break;
        };
        let wire_name = &rest[open + 1..close];
        let declared = parameters.iter().any(|parameter| {
            parameter.location == Location::Path && parameter.wire_name == wire_name
        });
        if !declared {
            diagnostics.error(
                &format!("{}/parameters", context.pointer),
                format!("path placeholder `{{{wire_name}}}` has no path parameter"),
            );
        }
        rest = &rest[close + 1..];
    }
}
