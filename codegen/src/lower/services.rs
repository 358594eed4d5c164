//! Operations grouped by tag into services, with one check that method names are unique.

use std::collections::BTreeMap;

use openapiv3::{Operation, ReferenceOr};

use super::enums::EnumRegistry;
use super::operations;
use crate::diagnostics::{Diagnostics, child};
use crate::docs;
use crate::load::Spec;
use crate::model::{Method, Model, Service};
use crate::naming;

/// The HTTP methods of a path item, in a fixed order.
const HTTP_METHODS: [&str; 8] = [
    "get", "put", "post", "delete", "options", "head", "patch", "trace",
];

/// Lowers every operation and groups the methods by tag, services in name order.
pub fn lower_services(
    spec: &Spec,
    models: &[Model],
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> Vec<Service> {
    let mut grouped: BTreeMap<String, (String, Vec<(Method, String)>)> = BTreeMap::new();
    for (path, http_method, operation, pointer) in operations_of(spec, diagnostics) {
        let Some(tag) = operation.tags.first() else {
            diagnostics.error(
                &pointer,
                "operation has no tag: cannot tell which service it belongs to",
            );
            continue;
        };
        let context = operations::Context {
            spec,
            models,
            path,
            http_method,
            pointer: &pointer,
            tag,
        };
        let methods = operations::lower_operation(&context, operation, enums, diagnostics);
        let entry = grouped
            .entry(naming::module(tag))
            .or_insert_with(|| (tag.clone(), Vec::new()));
        entry
            .1
            .extend(methods.into_iter().map(|method| (method, pointer.clone())));
    }
    grouped
        .into_iter()
        .map(|(module, (tag, methods))| service(spec, module, &tag, methods, diagnostics))
        .collect()
}

fn operations_of<'a>(
    spec: &'a Spec,
    diagnostics: &mut Diagnostics,
) -> Vec<(&'a str, &'static str, &'a Operation, String)> {
    let mut found = Vec::new();
    for (path, item) in spec.document.paths.paths.iter() {
        let path_pointer = child("#/paths", path);
        let ReferenceOr::Item(item) = item else {
            diagnostics.error(&path_pointer, "path item references are not supported");
            continue;
        };
        let operations = [
            &item.get,
            &item.put,
            &item.post,
            &item.delete,
            &item.options,
            &item.head,
            &item.patch,
            &item.trace,
        ];
        for (http_method, operation) in HTTP_METHODS.into_iter().zip(operations) {
            if let Some(operation) = operation {
                found.push((
                    path.as_str(),
                    http_method,
                    operation,
                    child(&path_pointer, http_method),
                ));
            }
        }
    }
    found
}

fn service(
    spec: &Spec,
    module: String,
    tag: &str,
    methods: Vec<(Method, String)>,
    diagnostics: &mut Diagnostics,
) -> Service {
    let mut seen: BTreeMap<String, String> = BTreeMap::new();
    let mut unique = Vec::new();
    for (method, pointer) in methods {
        if let Some(first) = seen.get(&method.name) {
            diagnostics.error(
                &pointer,
                format!(
                    "method `{}` of service `{module}` is already generated from {first}",
                    method.name
                ),
            );
            continue;
        }
        seen.insert(method.name.clone(), pointer);
        unique.push(method);
    }
    let description = spec
        .document
        .tags
        .iter()
        .find(|known| known.name == tag)
        .and_then(|known| known.description.as_deref());
    Service {
        type_name: naming::pascal(tag),
        docs: docs::described(description, "service"),
        module,
        methods: unique,
    }
}
