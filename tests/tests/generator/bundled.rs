//! What the bundled spec must turn into: every operation, model and named enum.

use std::collections::BTreeSet;

use appwrite_codegen::BUNDLED_SPEC;
use appwrite_codegen::model::MethodKind;

fn bundled() -> appwrite_codegen::Generation {
    appwrite_codegen::generate(&super::root().join(BUNDLED_SPEC), BUNDLED_SPEC)
        .unwrap_or_else(|failure| panic!("{failure}"))
}

#[test]
fn nine_services_hold_all_95_operations() {
    let generation = bundled();
    let services: Vec<&str> = generation
        .api
        .services
        .iter()
        .map(|service| service.module.as_str())
        .collect();
    assert_eq!(
        services,
        [
            "account",
            "avatars",
            "databases",
            "functions",
            "graphql",
            "locale",
            "messaging",
            "storage",
            "teams"
        ]
    );
    let paths: BTreeSet<(String, String)> = generation
        .api
        .services
        .iter()
        .flat_map(|service| &service.methods)
        .map(|method| (method.http_method.clone(), method.path.clone()))
        .collect();
    assert_eq!(
        paths.len(),
        95,
        "every operation becomes at least one method"
    );
    let methods: usize = generation
        .api
        .services
        .iter()
        .map(|service| service.methods.len())
        .sum();
    assert_eq!(methods, 95);
    assert!(generation.warnings.is_empty(), "{:?}", generation.warnings);
}

#[test]
fn method_names_come_from_x_appwrite_method() {
    let generation = bundled();
    let account = &generation.api.services[0];
    let names: BTreeSet<&str> = account
        .methods
        .iter()
        .map(|method| method.name.as_str())
        .collect();
    for expected in [
        "create",
        "get",
        "create_email_password_session",
        "create_o_auth2_session",
        "update_prefs",
    ] {
        assert!(
            names.contains(expected),
            "account has no `{expected}`: {names:?}"
        );
    }
    let magic = account
        .methods
        .iter()
        .find(|method| method.name == "update_magic_url_session");
    assert!(
        magic.is_some_and(|method| method.deprecated),
        "deprecated operations are marked"
    );
}

#[test]
fn method_kinds_follow_x_appwrite_type() {
    let generation = bundled();
    let count = |kind: MethodKind| {
        generation
            .api
            .services
            .iter()
            .flat_map(|service| &service.methods)
            .filter(|method| method.kind == kind)
            .count()
    };
    assert_eq!(count(MethodKind::Location), 10);
    assert_eq!(count(MethodKind::WebAuth), 2);
    assert_eq!(count(MethodKind::Upload), 1);
    assert_eq!(count(MethodKind::Graphql), 2);
    assert_eq!(count(MethodKind::Empty), 10);
    assert_eq!(count(MethodKind::Json), 70);
}

#[test]
fn all_49_schemas_become_models_and_every_named_enum_an_enum() {
    let generation = bundled();
    assert_eq!(generation.api.models.len(), 49);
    let enums: Vec<&str> = generation
        .api
        .enums
        .iter()
        .map(|enumeration| enumeration.type_name.as_str())
        .collect();
    assert_eq!(
        enums,
        [
            "AuthenticationFactor",
            "AuthenticatorType",
            "Browser",
            "CreditCard",
            "ExecutionMethod",
            "Flag",
            "ImageFormat",
            "ImageGravity",
            "OAuthProvider"
        ]
    );
    let flag = generation
        .api
        .enums
        .iter()
        .find(|enumeration| enumeration.type_name == "Flag");
    assert_eq!(flag.map(|flag| flag.variants.len()), Some(195));
}

#[test]
fn user_data_models_are_generic() {
    let generation = bundled();
    let generic: Vec<&str> = generation
        .api
        .models
        .iter()
        .filter(|model| model.generic)
        .map(|model| model.type_name.as_str())
        .collect();
    assert_eq!(generic, ["Any", "Document", "DocumentList", "Preferences"]);
}

#[test]
fn every_file_has_the_header_and_output_is_deterministic() {
    let first = bundled();
    let second = bundled();
    assert_eq!(first.files, second.files, "two runs give identical bytes");
    let header = appwrite_codegen::header(BUNDLED_SPEC);
    assert!(
        header.contains("cargo xtask regen")
            && header.contains(BUNDLED_SPEC)
            && header.contains("Do not edit")
    );
    for file in &first.files {
        assert_eq!(
            file.contents.lines().next(),
            Some(header.as_str()),
            "{}",
            file.path
        );
    }
    assert_eq!(first.files.len(), 9 + 49 + 9 + 3);
}
