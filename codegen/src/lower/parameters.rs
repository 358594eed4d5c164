//! Schemas to Rust types: model fields, and the parameters of SDK methods.

use openapiv3::{ReferenceOr, Schema, SchemaKind, StringFormat, Type, VariantOrUnknownOrEmpty};
use serde_json::Value;

use super::enums::EnumRegistry;
use super::references;
use crate::diagnostics::{Diagnostics, child};
use crate::load::Spec;
use crate::model::ParameterShape;

/// Whether a schema allows `null`.
pub fn is_nullable(schema: &Schema) -> bool {
    schema.schema_data.nullable
        || schema.schema_data.extensions.get("x-nullable") == Some(&Value::Bool(true))
}

/// The Rust shape of a method parameter of this schema, named `name` in Rust.
pub fn parameter_shape(
    spec: &Spec,
    schema: &ReferenceOr<Schema>,
    name: &str,
    pointer: &str,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> ParameterShape {
    let Some(schema) = references::resolve(spec, schema, pointer, diagnostics) else {
        return payload(name);
    };
    match &schema.schema_kind {
        SchemaKind::Type(Type::String(string)) => {
            let values: Vec<String> = string.enumeration.iter().flatten().cloned().collect();
            match enums.register(schema, &values, name, pointer) {
                Some(type_name) => enum_shape(&type_name, name),
                None => string_shape(name),
            }
        }
        SchemaKind::Type(Type::Integer(_)) => copy_shape("i64", name),
        SchemaKind::Type(Type::Number(_)) => copy_shape("f64", name),
        SchemaKind::Type(Type::Boolean(_)) => copy_shape("bool", name),
        SchemaKind::Type(Type::Array(array)) => array_shape(
            spec,
            array,
            name,
            &child(pointer, "items"),
            enums,
            diagnostics,
        ),
        _ => payload(name),
    }
}

fn array_shape(
    spec: &Spec,
    array: &openapiv3::ArrayType,
    name: &str,
    pointer: &str,
    enums: &mut EnumRegistry,
    diagnostics: &mut Diagnostics,
) -> ParameterShape {
    let Some(items) = &array.items else {
        return payload(name);
    };
    let items = items.clone().unbox();
    let item = parameter_shape(spec, &items, name, pointer, enums, diagnostics);
    match item.stored.as_str() {
        "String" => ParameterShape {
            argument: "impl IntoIterator<Item = impl Into<String>>".to_string(),
            stored: "Vec<String>".to_string(),
            convert: format!("{name}.into_iter().map(Into::into).collect()"),
            as_segment: String::new(),
        },
        "crate::request::Payload" => payload(name),
        stored => ParameterShape {
            argument: format!("impl IntoIterator<Item = {stored}>"),
            stored: format!("Vec<{stored}>"),
            convert: format!("{name}.into_iter().collect()"),
            as_segment: String::new(),
        },
    }
}

/// Whether a schema is the file of an upload: `format: binary`, or a string with a
/// `null` example (how Appwrite's specs mark files in multipart bodies).
pub fn is_file(schema: &Schema) -> bool {
    let SchemaKind::Type(Type::String(string)) = &schema.schema_kind else {
        return false;
    };
    let binary = matches!(
        string.format,
        VariantOrUnknownOrEmpty::Item(StringFormat::Binary)
    );
    binary || schema.schema_data.extensions.get("x-example") == Some(&Value::Null)
}

/// The shape of the file of an upload.
pub fn file_shape(name: &str) -> ParameterShape {
    ParameterShape {
        argument: "crate::InputFile".to_string(),
        stored: "crate::InputFile".to_string(),
        convert: name.to_string(),
        as_segment: String::new(),
    }
}

fn string_shape(name: &str) -> ParameterShape {
    ParameterShape {
        argument: "impl Into<String>".to_string(),
        stored: "String".to_string(),
        convert: format!("{name}.into()"),
        as_segment: format!("&self.{name}"),
    }
}

fn enum_shape(type_name: &str, name: &str) -> ParameterShape {
    let path = format!("crate::enums::{type_name}");
    ParameterShape {
        argument: path.clone(),
        stored: path,
        convert: name.to_string(),
        as_segment: format!("self.{name}.as_str()"),
    }
}

fn copy_shape(rust: &str, name: &str) -> ParameterShape {
    ParameterShape {
        argument: rust.to_string(),
        stored: rust.to_string(),
        convert: name.to_string(),
        as_segment: format!("&self.{name}.to_string()"),
    }
}

/// The shape of a parameter taken as any serialisable value.
pub fn payload(name: &str) -> ParameterShape {
    ParameterShape {
        argument: "impl serde::Serialize".to_string(),
        stored: "crate::request::Payload".to_string(),
        convert: format!("crate::request::Payload::new({name})"),
        as_segment: String::new(),
    }
}
