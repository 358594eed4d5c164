//! Error answers of every shape, and transport failures, as one `Error`.

mod client_support;

use std::error::Error as _;

use appwrite::{Client, ErrorKind};
use client_support::{Reply, Server};

async fn fail_with(reply: Reply) -> appwrite::Error {
    let server = Server::always(reply).await;
    let client = Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .key("SECRET-KEY")
        .build()
        .unwrap();
    let error = client.account().get().await.unwrap_err();
    assert!(!error.to_string().contains("SECRET-KEY"));
    assert!(!format!("{error:?}").contains("SECRET-KEY"));
    error
}

#[tokio::test]
async fn appwrite_json_error_with_charset() {
    let body = r#"{"message":"User (role: guests) missing scope (account)","code":401,"type":"general_unauthorized_scope","version":"1.6.2"}"#;
    let error = fail_with(
        Reply::new(401)
            .header("content-type", "application/json; charset=utf-8")
            .body(body),
    )
    .await;
    assert_eq!(error.kind(), ErrorKind::Api);
    assert!(error.is_api());
    assert_eq!(error.status().map(|s| s.as_u16()), Some(401));
    assert_eq!(error.code(), Some(401));
    assert_eq!(error.error_type(), Some("general_unauthorized_scope"));
    assert_eq!(
        error.message(),
        "User (role: guests) missing scope (account)"
    );
    assert_eq!(error.body(), Some(body));
    assert_eq!(
        error.to_string(),
        "server answered 401 (general_unauthorized_scope): User (role: guests) missing scope (account)"
    );
}

#[tokio::test]
async fn html_proxy_page() {
    let page = "<html><head><title>502 Bad Gateway</title></head><body><h1>502</h1></body></html>";
    let error = fail_with(
        Reply::new(502)
            .header("content-type", "text/html")
            .body(page),
    )
    .await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(502));
    assert_eq!(error.message(), "502 Bad Gateway");
    assert_eq!(error.code(), None);
    assert_eq!(error.body(), Some(page));
}

#[tokio::test]
async fn plain_text_and_empty_bodies() {
    let error = fail_with(
        Reply::new(503)
            .header("content-type", "text/plain")
            .body("upstream unavailable\nretry later"),
    )
    .await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(503));
    assert_eq!(error.message(), "upstream unavailable");

    let error = fail_with(Reply::new(404)).await;
    assert_eq!(error.status().map(|s| s.as_u16()), Some(404));
    assert_eq!(error.message(), "not found");
    assert_eq!(error.to_string(), "server answered 404: not found");

    let error = fail_with(Reply::json(500, r#"{"code":"500","message":""}"#)).await;
    assert_eq!(error.code(), Some(500));
    assert_eq!(error.message(), "internal server error");
}

#[tokio::test]
async fn refused_connection_is_a_connect_error_with_a_source() {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let address = listener.local_addr().unwrap();
    drop(listener);
    let client = Client::builder()
        .endpoint(format!("http://{address}/v1"))
        .project("p1")
        .build()
        .unwrap();
    let error = client.account().get().await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert_eq!(error.status(), None);
    assert_eq!(error.to_string(), "could not connect to the server");
    assert!(error.source().is_some());
}
