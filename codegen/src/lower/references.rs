//! Resolving `$ref`s to component schemas, with an error for dangling ones.

use openapiv3::{ReferenceOr, Schema};

use crate::diagnostics::Diagnostics;
use crate::load::Spec;
use crate::naming;

/// The prefix of every reference the generator can follow.
const SCHEMA_PREFIX: &str = "#/components/schemas/";

/// The component name a reference points to, if it exists; a dangling or foreign
/// reference is an error at `pointer`.
pub fn schema_name<'a>(
    spec: &'a Spec,
    reference: &'a str,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'a str> {
    let Some(name) = reference.strip_prefix(SCHEMA_PREFIX) else {
        diagnostics.error(
            pointer,
            format!("unsupported reference `{reference}`: only {SCHEMA_PREFIX}* is followed"),
        );
        return None;
    };
    let known = spec
        .document
        .components
        .as_ref()
        .is_some_and(|components| components.schemas.contains_key(name));
    if known {
        Some(name)
    } else {
        diagnostics.error(
            pointer,
            format!("dangling reference `{reference}`: no such schema"),
        );
        None
    }
}

/// The schema behind a reference, or the inline schema itself.
pub fn resolve<'a>(
    spec: &'a Spec,
    schema: &'a ReferenceOr<Schema>,
    pointer: &str,
    diagnostics: &mut Diagnostics,
) -> Option<&'a Schema> {
    match schema {
        ReferenceOr::Item(schema) => Some(schema),
        ReferenceOr::Reference { reference } => {
            let name = schema_name(spec, reference, pointer, diagnostics)?;
            let components = spec.document.components.as_ref()?;
            match components.schemas.get(name)? {
                ReferenceOr::Item(schema) => Some(schema),
                ReferenceOr::Reference { .. } => {
                    diagnostics.error(
                        pointer,
                        format!("reference `{reference}` points to another reference"),
                    );
                    None
                }
            }
        }
    }
}

/// The Rust type name of a component schema.
pub fn model_type(name: &str) -> String {
    naming::pascal(naming::reference_name(name))
}
