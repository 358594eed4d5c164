//! Conformance: every operation of the bundled spec, called once through the generated
//! SDK against Stoplight Prism, a mock server that rejects any request the spec does not
//! allow and answers with responses built from the spec.
//!
//! `cargo xtask test` starts Prism twice, static (answers from the spec's examples) and
//! dynamic (answers generated from the schemas with a fixed seed, with `null` in nullable
//! fields and unknown properties added), and passes their URLs in `APPWRITE_PRISM_URL`
//! and `APPWRITE_PRISM_DYNAMIC_URL`, with Prism's copy of the spec in
//! `APPWRITE_PRISM_SPEC`. It also sets `APPWRITE_REQUIRE_PRISM=1`, which turns a missing
//! variable into a failure; a plain `cargo test` skips these tests and says why.
//!
//! Counting: an operation passes when its one call returns `Ok`, which means Prism
//! accepted the request and the SDK decoded the response into the method's type (a
//! model, `()`, bytes or a JSON value). The two `webAuth` operations send nothing: they
//! pass when the SDK builds the URL and Prism accepts a plain GET of exactly that URL
//! (without any client header) with the spec's `301`.

#[path = "conformance_prism/account.rs"]
mod account;
#[path = "conformance_prism/others.rs"]
mod others;
#[path = "conformance_prism/sweep.rs"]
mod sweep;

use appwrite::Client;
use appwrite::reqwest::{self, StatusCode};
use std::collections::BTreeSet;
use std::io::Write as _;
use sweep::Sweep;

/// The user data of documents and preferences, decoded as the SDK does by default.
type Data = serde_json::Map<String, serde_json::Value>;

/// Runs the sweep against the static Prism.
#[tokio::test]
async fn every_operation_passes_with_static_responses() {
    if let Some(url) = prism_url("APPWRITE_PRISM_URL") {
        run_sweep("static", &url).await;
    }
}

/// Runs the sweep against the dynamic Prism.
#[tokio::test]
async fn every_operation_passes_with_dynamic_responses() {
    if let Some(url) = prism_url("APPWRITE_PRISM_DYNAMIC_URL") {
        run_sweep("dynamic", &url).await;
    }
}

/// Static answers carry the spec's examples (and the derived spec's fixed ones), so the
/// decoded fields must hold them: the sweep's `Ok`s are real decodes, not empty shells.
#[tokio::test]
async fn static_answers_decode_to_the_spec_examples() {
    let Some(url) = prism_url("APPWRITE_PRISM_URL") else {
        return;
    };
    let client = client(&url);
    let user = client.account().get().await.expect("account.get decodes");
    assert_eq!(
        (user.email.as_str(), user.labels),
        ("john@appwrite.io", vec!["vip".into()])
    );

    let countries = client
        .locale()
        .list_countries()
        .await
        .expect("countries decode");
    let codes: Vec<&str> = countries
        .countries
        .iter()
        .map(|country| country.code.as_str())
        .collect();
    assert_eq!(codes, ["US"]);

    let execution = client
        .functions()
        .get_execution("<FUNCTION_ID>", "<EXECUTION_ID>");
    let execution = execution.await.expect("the execution decodes");
    let header = execution
        .request_headers
        .first()
        .map(|header| header.name.as_str());
    assert_eq!(header, Some("Content-Type"));
}

/// Prism must answer 401 to a request without the project header.
#[tokio::test]
async fn prism_rejects_a_request_without_the_project() {
    let Some(url) = prism_url("APPWRITE_PRISM_URL") else {
        return;
    };
    let response = reqwest::get(format!("{url}/account")).await;
    let status = response.map(|response| response.status());
    assert_eq!(status.ok(), Some(StatusCode::UNAUTHORIZED));
}

/// Prism must answer 422, naming the field, to a body with a wrongly typed field.
#[tokio::test]
async fn prism_rejects_a_wrongly_typed_field() {
    let Some(url) = prism_url("APPWRITE_PRISM_URL") else {
        return;
    };
    let body = serde_json::json!({ "userId": 7, "email": "email@example.com", "password": "p" });
    let response = reqwest::Client::new()
        .post(format!("{url}/account"))
        .header("x-appwrite-project", "conformance")
        .json(&body)
        .send()
        .await
        .expect("prism answers");
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    let text = response.text().await.unwrap_or_default();
    assert!(
        text.contains("userId"),
        "the answer names the field: {text}"
    );
}

/// A value outside an enum, sent through the SDK, comes back as the SDK's error with
/// Prism's 422: the sweep's checks can fail.
#[tokio::test]
async fn prism_rejects_an_unknown_enum_value_sent_through_the_sdk() {
    let Some(url) = prism_url("APPWRITE_PRISM_URL") else {
        return;
    };
    let browser = appwrite::enums::Browser::Unknown("not-a-browser".to_string());
    let result = client(&url).avatars().get_browser(browser).await;
    let error = result.expect_err("prism must reject an unknown browser code");
    assert_eq!(
        error.status(),
        Some(StatusCode::UNPROCESSABLE_ENTITY),
        "{error}"
    );
}

/// The URL in `variable`, or `None` (after saying why) when it is not set and Prism is
/// not required.
fn prism_url(variable: &str) -> Option<String> {
    match std::env::var(variable) {
        Ok(url) if !url.is_empty() => Some(url.trim_end_matches('/').to_string()),
        _ if std::env::var_os("APPWRITE_REQUIRE_PRISM").is_some() => {
            panic!("{variable} is not set but APPWRITE_REQUIRE_PRISM is: prism did not start")
        }
        _ => {
            // Written to stderr directly so the reason shows even when output is captured.
            let reason = format!("skipped: {variable} is not set; `cargo xtask test` starts prism");
            let _ = writeln!(std::io::stderr(), "{reason}");
            None
        }
    }
}

/// A client for Prism with a project and no other credential.
fn client(url: &str) -> Client {
    Client::builder()
        .endpoint(url)
        .project("conformance")
        .build()
        .expect("a client for prism")
}

/// Calls every operation against the Prism at `url` and fails unless all pass.
async fn run_sweep(mode: &'static str, url: &str) {
    let client = client(url);
    let mut sweep = Sweep::new(mode);
    account::sweep(&client, &mut sweep).await;
    others::sweep(&client, &mut sweep).await;

    let failures = sweep.finish(&spec_operations());
    assert!(
        failures.is_empty(),
        "{} operations failed ({mode})",
        failures.len()
    );
}

/// The `operationId` of every operation in Prism's copy of the spec.
fn spec_operations() -> BTreeSet<String> {
    let path = std::env::var("APPWRITE_PRISM_SPEC").expect("APPWRITE_PRISM_SPEC is set");
    let text = std::fs::read_to_string(&path).expect("prism's spec is readable");
    let spec: serde_json::Value = serde_json::from_str(&text).expect("prism's spec is JSON");
    let paths = spec["paths"].as_object().expect("the spec has paths");
    let operations = paths.values().filter_map(serde_json::Value::as_object);
    let ids = operations.flat_map(|item| item.values().map(|operation| &operation["operationId"]));
    ids.filter_map(|id| id.as_str().map(str::to_string))
        .collect()
}

/// Checks a `webAuth` URL: Prism must accept a plain GET of it with the spec's 301.
async fn check_web_auth(url: appwrite::Result<appwrite::reqwest::Url>) -> Result<(), String> {
    let url = url.map_err(|error| format!("the url was not built: {error}"))?;
    let http = reqwest::Client::builder()
        .redirect(reqwest::redirect::Policy::none())
        .build()
        .map_err(|error| format!("no http client: {error}"))?;
    let response = http.get(url.clone()).send().await;
    let status = response
        .map_err(|error| format!("GET {url} failed: {error}"))?
        .status();
    match status {
        StatusCode::MOVED_PERMANENTLY => Ok(()),
        other => Err(format!("GET {url} answered {other}, not 301")),
    }
}
