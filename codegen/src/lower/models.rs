//! Component schemas to models: one struct each, user-data models generic in `T`.

use std::collections::BTreeSet;

use openapiv3::{AdditionalProperties, ReferenceOr, Schema, SchemaKind, Type};

use super::fields::FieldContext;
use super::references;
use crate::diagnostics::{Diagnostics, child};
use crate::docs;
use crate::load::Spec;
use crate::model::{DataKind, Field, Model};
use crate::naming;

/// The serde helper that accepts `[]` where an empty object is meant.
const OBJECT_OR_EMPTY_ARRAY: &str = "crate::serde_helpers::object_or_empty_array";

/// The same for an optional field: `null` or absent is `None`.
const OPTION_OBJECT_OR_EMPTY_ARRAY: &str = "crate::serde_helpers::option_object_or_empty_array";

/// Lowers every component schema, in name order.
pub fn lower_models(spec: &Spec, diagnostics: &mut Diagnostics) -> Vec<Model> {
    let Some(components) = spec.document.components.as_ref() else {
        return Vec::new();
    };
    let generic = generic_models(spec);
    let mut models: Vec<Model> = components
        .schemas
        .iter()
        .filter_map(|(name, schema)| {
            let pointer = child("#/components/schemas", name);
            let schema = references::resolve(spec, schema, &pointer, diagnostics)?;
            let context = FieldContext {
                spec,
                generic: &generic,
            };
            Some(lower_model(&context, name, schema, &pointer, diagnostics))
        })
        .collect();
    models.sort_by(|left, right| left.module.cmp(&right.module));
    models
}

/// The names of models that carry user data: open models (`additionalProperties: true`),
/// and models that list them.
pub fn generic_models(spec: &Spec) -> BTreeSet<String> {
    let Some(components) = spec.document.components.as_ref() else {
        return BTreeSet::new();
    };
    let mut generic: BTreeSet<String> = components
        .schemas
        .iter()
        .filter(|(_, schema)| matches!(schema, ReferenceOr::Item(schema) if is_open(schema)))
        .map(|(name, _)| name.clone())
        .collect();
    loop {
        let before = generic.len();
        for (name, schema) in &components.schemas {
            if let ReferenceOr::Item(schema) = schema
                && lists_any_of(schema, &generic)
            {
                generic.insert(name.clone());
            }
        }
        if generic.len() == before {
            return generic;
        }
    }
}

fn lower_model(
    context: &FieldContext,
    name: &str,
    schema: &Schema,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Model {
    let object = object_of(schema);
    let mut taken = BTreeSet::new();
    let data = data_kind(
        name,
        schema,
        context.generic,
        object.is_none_or(|object| object.properties.is_empty()),
    );
    if data == DataKind::Flattened {
        taken.insert("data".to_string());
    }
    let mut fields = Vec::new();
    for (wire_name, property) in object
        .map(|object| &object.properties)
        .into_iter()
        .flatten()
    {
        let property_pointer = child(&child(pointer, "properties"), wire_name);
        let required = object.is_some_and(|object| object.required.contains(wire_name));
        let mut field = lower_field(
            context,
            wire_name,
            property,
            required,
            &property_pointer,
            diagnostics,
        );
        field.name = unique_name(&mut taken, field.name);
        fields.push(field);
    }
    Model {
        module: naming::module(name),
        type_name: references::model_type(name),
        docs: docs::described(schema.schema_data.description.as_deref(), "model"),
        fields,
        generic: data != DataKind::None,
        data,
    }
}

fn data_kind(name: &str, schema: &Schema, generic: &BTreeSet<String>, no_fields: bool) -> DataKind {
    if !generic.contains(name) {
        DataKind::None
    } else if !is_open(schema) {
        DataKind::Nested
    } else if no_fields {
        DataKind::Whole
    } else {
        DataKind::Flattened
    }
}

fn lower_field(
    context: &FieldContext,
    wire_name: &str,
    property: &ReferenceOr<Box<Schema>>,
    required: bool,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Field {
    let typed = super::fields::field_type(context, property, pointer, diagnostics);
    let optional = !required || typed.nullable;
    let description = match property {
        ReferenceOr::Item(schema) => schema.schema_data.description.as_deref(),
        ReferenceOr::Reference { .. } => None,
    };
    Field {
        name: naming::snake(wire_name),
        wire_name: wire_name.to_string(),
        docs: docs::described(description, "field"),
        rust_type: if optional {
            format!("Option<{}>", typed.rust)
        } else {
            typed.rust
        },
        optional,
        deserialize_with: match (typed.accepts_empty_array, optional) {
            (false, _) => None,
            (true, false) => Some(OBJECT_OR_EMPTY_ARRAY.to_string()),
            (true, true) => Some(OPTION_OBJECT_OR_EMPTY_ARRAY.to_string()),
        },
    }
}

fn unique_name(taken: &mut BTreeSet<String>, name: String) -> String {
    let mut candidate = name.clone();
    while !taken.insert(candidate.clone()) {
        candidate.push('_');
    }
    candidate
}

/// The object part of a schema, if it is an object.
pub fn object_of(schema: &Schema) -> Option<&openapiv3::ObjectType> {
    match &schema.schema_kind {
        SchemaKind::Type(Type::Object(object)) => Some(object),
        _ => None,
    }
}

fn is_open(schema: &Schema) -> bool {
    object_of(schema).is_some_and(|object| {
        matches!(
            object.additional_properties,
            Some(AdditionalProperties::Any(true))
        )
    })
}

fn lists_any_of(schema: &Schema, generic: &BTreeSet<String>) -> bool {
    let Some(object) = object_of(schema) else {
        return false;
    };
    object.properties.values().any(|property| match property {
        ReferenceOr::Item(property) => match &property.schema_kind {
            SchemaKind::Type(Type::Array(array)) => matches!(
                &array.items,
                Some(ReferenceOr::Reference { reference })
                    if generic.contains(naming::reference_name(reference))
            ),
            _ => false,
        },
        ReferenceOr::Reference { .. } => false,
    })
}
