//! Schemas to the Rust types of model fields.

use std::collections::BTreeSet;

use openapiv3::{ReferenceOr, Schema, SchemaKind, Type};

use super::references;
use crate::diagnostics::{Diagnostics, child};
use crate::load::Spec;

/// What typing a field needs to know besides its schema.
pub struct FieldContext<'a> {
    /// The loaded spec.
    pub spec: &'a Spec,
    /// The models that carry user data (see `models::generic_models`).
    pub generic: &'a BTreeSet<String>,
}

/// The Rust type of a model field.
#[derive(Debug, Clone)]
pub struct FieldType {
    /// The type, without the `Option` of an optional field.
    pub rust: String,
    /// Whether the schema says `nullable` (or `x-nullable`).
    pub nullable: bool,
    /// Whether the server may send `[]` for an empty value of this object type.
    pub accepts_empty_array: bool,
}

impl FieldType {
    fn plain(rust: &str) -> Self {
        Self {
            rust: rust.to_string(),
            nullable: false,
            accepts_empty_array: false,
        }
    }
}

/// The type of a model property, as seen from inside `crate::models`.
pub fn field_type(
    context: &FieldContext,
    property: &ReferenceOr<Box<Schema>>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> FieldType {
    let schema = match property {
        ReferenceOr::Reference { reference } => {
            return reference_type(context, reference, false, pointer, diagnostics);
        }
        ReferenceOr::Item(schema) => schema,
    };
    let mut typed = match &schema.schema_kind {
        SchemaKind::Type(Type::String(_)) => FieldType::plain("String"),
        SchemaKind::Type(Type::Integer(_)) => FieldType::plain("i64"),
        SchemaKind::Type(Type::Number(_)) => FieldType::plain("f64"),
        SchemaKind::Type(Type::Boolean(_)) => FieldType::plain("bool"),
        SchemaKind::Type(Type::Array(array)) => {
            let item_pointer = child(pointer, "items");
            let item = match &array.items {
                Some(ReferenceOr::Reference { reference }) => {
                    reference_type(context, reference, true, &item_pointer, diagnostics).rust
                }
                Some(ReferenceOr::Item(item)) => {
                    let boxed = ReferenceOr::Item(item.clone());
                    field_type(context, &boxed, &item_pointer, diagnostics).rust
                }
                None => "serde_json::Value".to_string(),
            };
            FieldType::plain(&format!("Vec<{item}>"))
        }
        SchemaKind::Type(Type::Object(_)) => FieldType {
            rust: "serde_json::Map<String, serde_json::Value>".to_string(),
            nullable: false,
            accepts_empty_array: true,
        },
        SchemaKind::Any(any) => any_field(context, any, pointer, diagnostics),
        SchemaKind::OneOf { .. } | SchemaKind::AnyOf { .. } => {
            FieldType::plain("serde_json::Value")
        }
        _ => {
            diagnostics.warning(pointer, "unsupported schema: typed as serde_json::Value");
            FieldType::plain("serde_json::Value")
        }
    };
    typed.nullable = super::parameters::is_nullable(schema);
    typed
}

/// A schema `openapiv3` could not give one type, such as `type: object` beside `items`
/// (a quirk of Appwrite's specs meaning "an object of that model"); an `items` holding a
/// `oneOf` is any JSON.
fn any_field(
    context: &FieldContext,
    any: &openapiv3::AnySchema,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> FieldType {
    let is_object = any.typ.as_deref() == Some("object");
    match &any.items {
        Some(ReferenceOr::Reference { reference }) if is_object => reference_type(
            context,
            reference,
            false,
            &child(pointer, "items"),
            diagnostics,
        ),
        Some(_) if is_object => FieldType::plain("serde_json::Value"),
        _ if any.typ.is_none() => FieldType::plain("serde_json::Value"),
        _ => {
            diagnostics.warning(pointer, "unsupported schema: typed as serde_json::Value");
            FieldType::plain("serde_json::Value")
        }
    }
}

/// A field holding another model; in an array, a user-data model passes `T` on.
fn reference_type(
    context: &FieldContext,
    reference: &str,
    in_array: bool,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> FieldType {
    let Some(name) = references::schema_name(context.spec, reference, pointer, diagnostics) else {
        return FieldType::plain("serde_json::Value");
    };
    let type_name = references::model_type(name);
    let generic = context.generic.contains(name);
    FieldType::plain(&if generic && in_array {
        format!("super::{type_name}<T>")
    } else {
        format!("super::{type_name}")
    })
}
