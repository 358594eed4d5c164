//! Building clients: endpoint checks, parked errors, secrets kept out of
//! `Debug`, and derived clients that leave the original alone.

use std::time::Duration;

use appwrite::{Client, ErrorKind};

fn builder() -> appwrite::ClientBuilder {
    Client::builder()
        .endpoint("http://127.0.0.1:9/v1")
        .project("p1")
}

#[test]
fn endpoint_must_be_http_or_https() {
    for endpoint in [
        "ftp://127.0.0.1/v1",
        "127.0.0.1/v1",
        "file:///tmp",
        "",
        "http://",
    ] {
        let error = Client::builder()
            .endpoint(endpoint)
            .project("p1")
            .build()
            .unwrap_err();
        assert_eq!(error.kind(), ErrorKind::Config, "{endpoint}: {error}");
        assert!(error.is_config());
    }
    let client = Client::builder()
        .endpoint("https://127.0.0.1/v1/")
        .project("p1")
        .build()
        .unwrap();
    assert_eq!(client.endpoint().as_str(), "https://127.0.0.1/v1");
    assert_eq!(client.project(), "p1");
}

#[test]
fn endpoint_and_project_are_required() {
    let error = Client::builder().project("p1").build().unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid client configuration: the endpoint is not set"
    );
    let error = Client::builder()
        .endpoint("http://127.0.0.1/v1")
        .build()
        .unwrap_err();
    assert_eq!(
        error.to_string(),
        "invalid client configuration: the project is not set"
    );
}

#[test]
fn unsendable_header_values_fail_at_build_without_showing_them() {
    let error = builder().key("secret\nkey").build().unwrap_err();
    assert!(error.is_config());
    assert_eq!(
        error.to_string(),
        "invalid client configuration: the key cannot be sent as a header"
    );
    assert!(!format!("{error:?}").contains("secret"));

    let error = builder().header("x-custom", "a\r\nb").build().unwrap_err();
    assert!(error.is_config(), "{error}");
    let error = builder().header("bad header", "v").build().unwrap_err();
    assert!(error.is_config(), "{error}");
}

#[test]
fn derived_client_with_bad_value_is_invalid_input() {
    let client = builder().build().unwrap();
    let error = client.with_jwt("bad\u{0}jwt").unwrap_err();
    assert!(error.is_invalid_input());
    assert!(!error.to_string().contains("bad"));
}

#[test]
fn debug_hides_credentials() {
    let builder = builder()
        .session("SESSION-SECRET")
        .jwt("JWT-SECRET")
        .key("KEY-SECRET")
        .header("x-extra", "EXTRA-SECRET")
        .locale("fr-FR");
    let builder_debug = format!("{builder:?}");
    let client = builder.build().unwrap();
    let client_debug = format!("{client:?} {:?}", client.with_key("OTHER-KEY").unwrap());
    for debug in [builder_debug, client_debug] {
        for secret in [
            "SESSION-SECRET",
            "JWT-SECRET",
            "KEY-SECRET",
            "EXTRA-SECRET",
            "OTHER-KEY",
        ] {
            assert!(!debug.contains(secret), "{secret} in {debug}");
        }
        assert!(debug.contains("fr-FR"), "{debug}");
        assert!(debug.contains("<redacted>"), "{debug}");
    }
}

#[test]
fn custom_http_client_conflicts_with_connection_settings() {
    let http = reqwest::Client::new();
    assert!(builder().http_client(http.clone()).build().is_ok());
    let error = builder()
        .http_client(http.clone())
        .self_signed(true)
        .build()
        .unwrap_err();
    assert!(error.is_config());
    let error = builder()
        .http_client(http)
        .connect_timeout(Duration::from_secs(1))
        .build()
        .unwrap_err();
    assert!(error.is_config());
}
