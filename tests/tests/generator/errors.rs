//! Bad input gives errors (or warnings with a fallback) that name the file and the place.

use std::path::PathBuf;

fn fixture(name: &str) -> PathBuf {
    super::root().join("tests/fixtures/errors").join(name)
}

fn errors_of(name: &str) -> Vec<String> {
    let path = fixture(name);
    match appwrite_codegen::generate(&path, name) {
        Ok(_) => panic!("{name} should not generate"),
        Err(failure) => failure
            .errors
            .iter()
            .map(|error| error.replace(&path.display().to_string(), name))
            .collect(),
    }
}

#[test]
fn a_missing_file_is_named() {
    let errors = errors_of("missing.yaml");
    assert_eq!(errors.len(), 1);
    assert!(
        errors[0].starts_with("missing.yaml: cannot read the spec: "),
        "{errors:?}"
    );
}

#[test]
fn invalid_yaml_gives_line_and_column() {
    assert_eq!(
        errors_of("invalid_yaml.yaml"),
        [
            "invalid_yaml.yaml: #: invalid YAML: did not find expected ',' or '}' at line 3 column 6, while parsing a flow mapping at line 2 column 7"
        ]
    );
}

#[test]
fn a_document_that_is_not_openapi_names_the_pointer() {
    assert_eq!(
        errors_of("not_openapi.yaml"),
        [
            "not_openapi.yaml: #/paths: not a valid OpenAPI 3.0 document: paths: invalid type: sequence, expected struct Paths at line 5 column 3"
        ]
    );
}

#[test]
fn dangling_references_are_all_reported() {
    assert_eq!(
        errors_of("dangling_ref.yaml"),
        [
            "dangling_ref.yaml: #/components/schemas/session/properties/owner: dangling reference `#/components/schemas/nobody`: no such schema",
            "dangling_ref.yaml: #/paths/~1account/get/responses/200/content/application~1json/schema: dangling reference `#/components/schemas/user`: no such schema",
        ]
    );
}

#[test]
fn an_operation_without_a_tag_is_an_error() {
    assert_eq!(
        errors_of("no_tag.yaml"),
        [
            "no_tag.yaml: #/paths/~1health/get: operation has no tag: cannot tell which service it belongs to"
        ]
    );
}

#[test]
fn two_methods_with_one_rust_name_are_an_error() {
    assert_eq!(
        errors_of("duplicate_method.yaml"),
        [
            "duplicate_method.yaml: #/paths/~1account~1me/get: method `get_account` of service `account` is already generated from #/paths/~1account/get"
        ]
    );
}

#[test]
fn an_unknown_type_is_a_warning_with_a_fallback() {
    let path = fixture("unknown_type.yaml");
    let generation = appwrite_codegen::generate(&path, "unknown_type.yaml")
        .expect("a warning does not stop the run");
    let warnings: Vec<String> = generation
        .warnings
        .iter()
        .map(|warning| warning.replace(&path.display().to_string(), "unknown_type.yaml"))
        .collect();
    assert_eq!(
        warnings,
        [
            "unknown_type.yaml: #/paths/~1account/get/x-appwrite/type: unknown x-appwrite.type `teleport`: generated as a plain JSON call"
        ]
    );
    assert_eq!(generation.api.services[0].methods[0].name, "get");
}
