//! One operation to its SDK methods: one, or one per `x-appwrite.methods` entry.

use openapiv3::{Operation, ReferenceOr, StatusCode};

use super::enums::EnumRegistry;
use super::extensions::{XAppwrite, XMethod};
use super::operation_parameters::{self, Collected};
use super::references;
use crate::diagnostics::{Diagnostics, child};
use crate::load::Spec;
use crate::model::{Location, Method, MethodKind, Model, Parameter, PathSegment, UploadFields};
use crate::naming;

/// Where an operation sits in the spec.
pub struct Context<'a> {
    /// The loaded spec.
    pub spec: &'a Spec,
    /// The lowered models, to tell which responses carry user data.
    pub models: &'a [Model],
    /// The path, such as `/account/sessions/{sessionId}`.
    pub path: &'a str,
    /// The lowercase HTTP method.
    pub http_method: &'static str,
    /// The JSON pointer of the operation.
    pub pointer: &'a str,
    /// The operation's first tag.
    pub tag: &'a str,
}

/// What an operation's `x-appwrite.type` and body say, shared by all its methods.
struct Shared {
    extension: XAppwrite,
    kind: MethodKind,
    body_kind: &'static str,
    parameters: Vec<Parameter>,
    upload: Option<UploadFields>,
}

/// Lowers one operation; problems are recorded in `diagnostics`.
pub fn lower_operation(
    context: &Context,
    operation: &Operation,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> Vec<Method> {
    let Some(shared) = shared(context, operation, enums, diagnostics) else {
        return Vec::new();
    };
    match &shared.extension.methods {
        Some(entries) if !entries.is_empty() => entries
            .iter()
            .enumerate()
            .filter_map(|(index, entry)| {
                let pointer = format!("{}/x-appwrite/methods/{index}", context.pointer);
                method_from_entry(context, operation, &shared, entry, &pointer, diagnostics)
            })
            .collect(),
        _ => {
            let name = method_name(context, operation, &shared.extension, diagnostics);
            let response = response_of_operation(context, operation, diagnostics);
            name.map(|name| {
                build(
                    context,
                    operation,
                    &shared,
                    name,
                    shared.parameters.clone(),
                    response,
                    None,
                )
            })
            .into_iter()
            .collect()
        }
    }
}

fn shared(
    context: &Context,
    operation: &Operation,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> Option<Shared> {
    let extension = extension(operation, context.pointer, diagnostics)?;
    let declared = extension.kind.as_deref().unwrap_or_default();
    let kind = match declared {
        "" => MethodKind::Json,
        "location" => MethodKind::Location,
        "webAuth" => MethodKind::WebAuth,
        "upload" => MethodKind::Upload,
        "graphql" => MethodKind::Graphql,
        unknown => {
            let pointer = format!("{}/x-appwrite/type", context.pointer);
            diagnostics.warning(
                &pointer,
                format!("unknown x-appwrite.type `{unknown}`: generated as a plain JSON call"),
            );
            MethodKind::Json
        }
    };
    let collected = operation_parameters::collect(context, operation, kind, enums, diagnostics);
    let upload = if kind == MethodKind::Upload {
        Some(upload_fields(&collected, context.pointer, diagnostics)?)
    } else {
        None
    };
    Some(Shared {
        extension,
        kind,
        body_kind: collected.body_kind,
        parameters: collected.parameters,
        upload,
    })
}

fn extension(
    operation: &Operation,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<XAppwrite> {
    let Some(raw) = operation.extensions.get("x-appwrite") else {
        return Some(XAppwrite::default());
    };
    match serde_json::from_value(raw.clone()) {
        Ok(extension) => Some(extension),
        Err(error) => {
            diagnostics.error(
                &format!("{pointer}/x-appwrite"),
                format!("malformed x-appwrite: {error}"),
            );
            None
        }
    }
}

fn upload_fields(
    collected: &Collected,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<UploadFields> {
    let file = collected
        .parameters
        .iter()
        .find(|parameter| parameter.location == Location::File);
    match file {
        Some(file) => Some(UploadFields {
            file: file.wire_name.clone(),
            id: collected.upload_id.clone().unwrap_or_default(),
        }),
        None => {
            diagnostics.error(
                &format!("{pointer}/requestBody"),
                "upload operation has no file field (a multipart string with `format: binary`)",
            );
            None
        }
    }
}

fn method_name(
    context: &Context,
    operation: &Operation,
    extension: &XAppwrite,
    diagnostics: &mut Diagnostics,
) -> Option<String> {
    if let Some(method) = extension
        .method
        .as_deref()
        .filter(|method| !method.is_empty())
    {
        return Some(naming::snake(method));
    }
    match operation.operation_id.as_deref() {
        Some(operation_id) => Some(naming::method_from_operation_id(operation_id, context.tag)),
        None => {
            diagnostics.error(
                context.pointer,
                "operation has neither x-appwrite.method nor an operationId to name its method",
            );
            None
        }
    }
}

fn method_from_entry(
    context: &Context,
    operation: &Operation,
    shared: &Shared,
    entry: &XMethod,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<Method> {
    let mut parameters = Vec::new();
    for (index, wire_name) in entry.parameters.iter().enumerate() {
        match shared
            .parameters
            .iter()
            .find(|parameter| &parameter.wire_name == wire_name)
        {
            Some(parameter) => {
                let mut parameter = parameter.clone();
                parameter.required =
                    entry.required.contains(wire_name) || parameter.location == Location::Path;
                parameters.push(parameter);
            }
            None => diagnostics.error(
                &format!("{pointer}/parameters/{index}"),
                format!("parameter `{wire_name}` is not a parameter of the operation"),
            ),
        }
    }
    parameters.sort_by_key(|parameter| !parameter.required);
    let response = entry
        .responses
        .iter()
        .find_map(|response| response.model.as_deref())
        .map(|model| {
            model_response(
                context,
                model,
                &format!("{pointer}/responses/0/model"),
                diagnostics,
            )
        })
        .unwrap_or(Response::Empty);
    let name = naming::snake(&entry.name);
    Some(build(
        context,
        operation,
        shared,
        name,
        parameters,
        response,
        entry.description.as_deref(),
    ))
}

/// What a method returns, before the method kind has its say.
enum Response {
    Empty,
    Value,
    Model { rust: String, generic: bool },
}

fn response_of_operation(
    context: &Context,
    operation: &Operation,
    diagnostics: &mut Diagnostics,
) -> Response {
    let success = operation
        .responses
        .responses
        .iter()
        .find(|(code, _)| match code {
            StatusCode::Code(code) => (200..300).contains(code),
            StatusCode::Range(range) => *range == 2,
        });
    let Some((code, response)) = success else {
        return Response::Empty;
    };
    let pointer = child(&format!("{}/responses", context.pointer), &code.to_string());
    let ReferenceOr::Item(response) = response else {
        diagnostics.warning(
            &pointer,
            "response references are not supported: typed as serde_json::Value",
        );
        return Response::Value;
    };
    let Some((media_type, content)) = response.content.iter().next() else {
        return Response::Empty;
    };
    let schema_pointer = format!("{}/schema", child(&child(&pointer, "content"), media_type));
    match &content.schema {
        Some(ReferenceOr::Reference { reference }) => {
            model_response(context, reference, &schema_pointer, diagnostics)
        }
        Some(ReferenceOr::Item(_)) | None => Response::Value,
    }
}

fn model_response(
    context: &Context,
    reference: &str,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Response {
    let Some(name) = references::schema_name(context.spec, reference, pointer, diagnostics) else {
        return Response::Value;
    };
    let type_name = references::model_type(name);
    let generic = context
        .models
        .iter()
        .any(|model| model.type_name == type_name && model.generic);
    let rust = if generic {
        format!("crate::models::{type_name}<T>")
    } else {
        format!("crate::models::{type_name}")
    };
    Response::Model { rust, generic }
}

fn build(
    context: &Context,
    operation: &Operation,
    shared: &Shared,
    name: String,
    parameters: Vec<Parameter>,
    response: Response,
    description: Option<&str>,
) -> Method {
    let (kind, response, generic) = match (shared.kind, response) {
        (MethodKind::Json | MethodKind::Upload, Response::Model { rust, generic }) => {
            (shared.kind, rust, generic)
        }
        (MethodKind::Json, Response::Empty) => (MethodKind::Empty, "()".to_string(), false),
        (MethodKind::Json | MethodKind::Upload | MethodKind::Graphql, _) => {
            (shared.kind, "serde_json::Value".to_string(), false)
        }
        (MethodKind::Location, _) => (MethodKind::Location, "bytes::Bytes".to_string(), false),
        (MethodKind::WebAuth, _) => (MethodKind::WebAuth, "url::Url".to_string(), false),
        (MethodKind::Empty, _) => (MethodKind::Empty, "()".to_string(), false),
    };
    let (path_format, path_segments) = path_template(context.path, &parameters);
    let deprecation = shared.extension.deprecation();
    Method {
        builder: naming::builder(&name),
        docs: super::method_docs::docs(
            context,
            operation,
            description,
            &parameters,
            deprecation.as_deref(),
            kind,
            generic,
        ),
        http_method: context.http_method.to_uppercase(),
        path: context.path.to_string(),
        path_format,
        path_segments,
        body_kind: shared.body_kind.to_string(),
        kind,
        response,
        generic,
        deprecated: deprecation.is_some(),
        parameters,
        upload: shared.upload.clone(),
        name,
    }
}

/// `/a/{x}/b` → (`/a/{x_segment}/b`, [the local `x_segment`]).
fn path_template(path: &str, parameters: &[Parameter]) -> (String, Vec<PathSegment>) {
    let mut format = String::new();
    let mut segments = Vec::new();
    let mut rest = path;
    while let Some(open) = rest.find('{') {
        let Some(close) = rest[open..].find('}').map(|close| close + open) else {
            break;
        };
        format.push_str(&rest[..open].replace('}', "}}"));
        let wire_name = &rest[open + 1..close];
        match parameters.iter().find(|parameter| {
            parameter.location == Location::Path && parameter.wire_name == wire_name
        }) {
            Some(parameter) => {
                let local = format!("{}_segment", parameter.name.trim_start_matches("r#"));
                format.push_str(&format!("{{{local}}}"));
                segments.push(PathSegment {
                    local,
                    value: parameter.shape.as_segment.clone(),
                });
            }
            None => format.push_str(&format!("{{{{{wire_name}}}}}")),
        }
        rest = &rest[close + 1..];
    }
    format.push_str(&rest.replace('{', "{{").replace('}', "}}"));
    (format, segments)
}
