//! Stage three: render the Askama templates in `templates/` over the model.

use askama::Template;

use crate::model::{Api, DataKind, Enum, Location, Method, MethodKind, Model, Service};

/// One rendered file, relative to the SDK's `src/`, before formatting.
#[derive(Debug, Clone)]
pub struct RenderedFile {
    /// Path such as `services/account.rs`.
    pub path: String,
    /// Rust source as the template wrote it.
    pub source: String,
}

#[derive(Template)]
#[template(path = "service.rs", escape = "none")]
struct ServiceTemplate<'a> {
    service: &'a Service,
}

#[derive(Template)]
#[template(path = "model.rs", escape = "none")]
struct ModelTemplate<'a> {
    model: &'a Model,
}

#[derive(Template)]
#[template(path = "enum.rs", escape = "none")]
struct EnumTemplate<'a> {
    enumeration: &'a Enum,
}

/// One `mod name; pub use name::Type;` pair.
struct ModuleEntry {
    module: String,
    type_name: String,
}

#[derive(Template)]
#[template(path = "mod.rs", escape = "none")]
struct ModTemplate<'a> {
    docs: Vec<String>,
    modules: Vec<ModuleEntry>,
    services: &'a [Service],
    response_format: String,
    public_modules: bool,
}

/// Renders every generated file of the SDK, in a fixed order.
pub fn render(api: &Api) -> Result<Vec<RenderedFile>, String> {
    let mut files = Vec::new();
    for service in &api.services {
        let source = ServiceTemplate { service }.render();
        files.push(rendered(format!("services/{}.rs", service.module), source)?);
    }
    for model in &api.models {
        let source = ModelTemplate { model }.render();
        files.push(rendered(format!("models/{}.rs", model.module), source)?);
    }
    for enumeration in &api.enums {
        let source = EnumTemplate { enumeration }.render();
        files.push(rendered(
            format!("enums/{}.rs", enumeration.module),
            source,
        )?);
    }
    files.extend(mod_files(api)?);
    Ok(files)
}

fn mod_files(api: &Api) -> Result<Vec<RenderedFile>, String> {
    let services = ModTemplate {
        docs: vec![
            "The API's services, one per tag of the spec.".to_string(),
            String::new(),
            "Reach them from a client: `client.account()`, `client.storage()`, ...".to_string(),
        ],
        modules: entries(
            api.services
                .iter()
                .map(|service| (&service.module, &service.type_name)),
        ),
        services: &api.services,
        response_format: response_format(&api.version),
        public_modules: true,
    };
    let models = ModTemplate {
        docs: vec!["The API's models: what its responses decode into.".to_string()],
        modules: entries(
            api.models
                .iter()
                .map(|model| (&model.module, &model.type_name)),
        ),
        services: &[],
        response_format: String::new(),
        public_modules: false,
    };
    let enums = ModTemplate {
        docs: vec!["The API's named enums (`x-enum-name`).".to_string()],
        modules: entries(
            api.enums
                .iter()
                .map(|enumeration| (&enumeration.module, &enumeration.type_name)),
        ),
        services: &[],
        response_format: String::new(),
        public_modules: false,
    };
    Ok(vec![
        rendered("services/mod.rs".to_string(), services.render())?,
        rendered("models/mod.rs".to_string(), models.render())?,
        rendered("enums/mod.rs".to_string(), enums.render())?,
    ])
}

fn entries<'a>(pairs: impl Iterator<Item = (&'a String, &'a String)>) -> Vec<ModuleEntry> {
    pairs
        .map(|(module, type_name)| ModuleEntry {
            module: module.clone(),
            type_name: type_name.clone(),
        })
        .collect()
}

fn rendered(path: String, source: askama::Result<String>) -> Result<RenderedFile, String> {
    let source = source.map_err(|error| format!("{path}: template failed: {error}"))?;
    Ok(RenderedFile { path, source })
}

/// `1.6.2` → `1.6.0`: the response format follows the API's minor version.
fn response_format(version: &str) -> String {
    let mut parts = version.split('.');
    match (parts.next(), parts.next()) {
        (Some(major), Some(minor)) => format!("{major}.{minor}.0"),
        _ => version.to_string(),
    }
}

/// One doc line as an outer doc attribute, with the leading space rustdoc expects.
pub fn doc(line: &str) -> String {
    if line.is_empty() {
        "#[doc = \"\"]".to_string()
    } else {
        format!("#[doc = {:?}]", format!(" {line}"))
    }
}

/// One doc line as an inner doc attribute.
pub fn inner_doc(line: &str) -> String {
    doc(line).replacen("#[", "#![", 1)
}

/// The Rust name of an upload method's file parameter.
pub fn file_field(method: &Method) -> &str {
    method
        .parameters
        .iter()
        .find(|parameter| parameter.location == Location::File)
        .map_or("file", |parameter| parameter.name.as_str())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn doc_lines_get_a_leading_space_and_escapes() {
        assert_eq!(doc("a \"b\""), "#[doc = \" a \\\"b\\\"\"]");
        assert_eq!(doc(""), "#[doc = \"\"]");
        assert_eq!(inner_doc("x"), "#![doc = \" x\"]");
    }

    #[test]
    fn response_format_keeps_major_and_minor() {
        assert_eq!(response_format("1.6.2"), "1.6.0");
        assert_eq!(response_format("latest"), "latest");
    }
}
