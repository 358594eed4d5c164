//! The committed SDK must be exactly what the generator makes from the committed spec.

#[test]
fn committed_sdk_matches_the_bundled_spec() {
    let drifts = appwrite_codegen::check_bundled(&super::root()).expect("the check runs");
    let listed: Vec<String> = drifts.iter().map(ToString::to_string).collect();
    assert!(
        listed.is_empty(),
        "the generated SDK is out of date; run `cargo xtask regen`:\n{}",
        listed.join("\n")
    );
}
