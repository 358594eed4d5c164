//! Stage two: lower the spec to the project's own model (`crate::model`).
//!
//! Models come first, so that operations can tell which responses carry user data; enums
//! are collected while parameters are lowered.

mod enums;
mod extensions;
mod fields;
mod method_docs;
mod models;
mod operation_parameters;
mod operations;
mod parameters;
mod references;
mod services;

use crate::diagnostics::Diagnostics;
use crate::load::Spec;
use crate::model::Api;

pub use enums::EnumRegistry;

/// Lowers a loaded spec; problems are recorded in `diagnostics`.
pub fn lower(spec: &Spec, diagnostics: &mut Diagnostics) -> Api {
    let models = models::lower_models(spec, diagnostics);
    let mut enums = EnumRegistry::default();
    let services = services::lower_services(spec, &models, &mut enums, diagnostics);

    Api {
        title: spec.document.info.title.clone(),
        version: spec.document.info.version.clone(),
        services,
        models,
        enums: enums.into_enums(),
    }
}
