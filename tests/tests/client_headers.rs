//! Headers on every kind of call, credentials byte for byte, and derived
//! clients that never change the client they came from.

mod client_support;

use appwrite::Client;
use client_support::{Recorded, Reply, Server};

const USER: &str = r#"{"$id":"u1","$createdAt":"","$updatedAt":"","name":"Ann","registration":"",
"status":true,"labels":[],"passwordUpdate":"","email":"a@b.c","phone":"","emailVerification":false,
"phoneVerification":false,"mfa":false,"prefs":{},"targets":[],"accessedAt":""}"#;

async fn user_server() -> Server {
    Server::start(|request| {
        if request.path().starts_with("/v1/avatars") {
            Reply::new(200)
                .header("content-type", "image/png")
                .body("PNG")
        } else {
            Reply::json(200, USER)
        }
    })
    .await
}

fn assert_common_headers(request: &Recorded) {
    let expected = [
        ("x-appwrite-project", "p1"),
        ("x-appwrite-response-format", "1.6.0"),
        ("x-sdk-name", "Rust"),
        ("x-sdk-platform", "client"),
        ("x-sdk-language", "rust"),
    ];
    for (name, value) in expected {
        assert_eq!(request.header(name).as_deref(), Some(value), "{name}");
    }
    assert!(
        request
            .header("x-sdk-version")
            .is_some_and(|v| !v.is_empty())
    );
    let agent = request.header("user-agent").unwrap_or_default();
    assert!(agent.starts_with("AppwriteRustSDK/"), "{agent}");
}

#[tokio::test]
async fn every_kind_of_call_carries_client_headers_and_credentials() {
    let server = user_server().await;
    let jwt = "eyJ.h€llo+/=";
    let client = Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .key("k+/=ey")
        .locale("fr-FR")
        .header("x-extra", "extra value")
        .build()
        .unwrap()
        .with_jwt(jwt)
        .unwrap();

    client.account().get().await.unwrap();
    client.avatars().get_initials().send().await.unwrap();
    let stream = client.avatars().get_initials().stream().await.unwrap();
    assert_eq!(stream.into_bytes().await.unwrap(), "PNG");
    client.account().delete_sessions().await.unwrap();

    let requests = server.requests();
    assert_eq!(requests.len(), 4);
    for request in &requests {
        assert_common_headers(request);
        assert_eq!(request.header_bytes("x-appwrite-jwt"), Some(jwt.as_bytes()));
        assert_eq!(request.header_bytes("x-appwrite-key"), Some(&b"k+/=ey"[..]));
        assert_eq!(
            request.header("x-appwrite-locale").as_deref(),
            Some("fr-FR")
        );
        assert_eq!(request.header("x-extra").as_deref(), Some("extra value"));
        assert!(request.header("x-appwrite-session").is_none());
    }
    // A value that cannot be a header is refused, never altered.
    assert!(client.with_jwt("line\nbreak").is_err());
}

#[tokio::test]
async fn derived_clients_leave_the_original_alone() {
    let server = user_server().await;
    let original = Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .session("original-session")
        .build()
        .unwrap();
    let clone = original.clone();
    let derived = original.with_session("derived-session").unwrap();
    let with_jwt = derived.with_jwt("jwt-1").unwrap();

    original.account().get().await.unwrap();
    clone.account().get().await.unwrap();
    derived.account().get().await.unwrap();
    with_jwt.account().get().await.unwrap();

    let sessions: Vec<_> = server
        .requests()
        .iter()
        .map(|request| {
            (
                request.header("x-appwrite-session"),
                request.header("x-appwrite-jwt"),
            )
        })
        .collect();
    let owned =
        |session: &str, jwt: Option<&str>| (Some(session.to_owned()), jwt.map(str::to_owned));
    assert_eq!(
        sessions,
        [
            owned("original-session", None),
            owned("original-session", None),
            owned("derived-session", None),
            owned("derived-session", Some("jwt-1")),
        ]
    );
}
