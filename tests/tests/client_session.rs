//! The session cookie round trip and the `X-Fallback-Cookies` header.

mod client_support;

use appwrite::Client;
use client_support::{Reply, Server};

const SESSION: &str = r#"{"$id":"s1","$createdAt":"","$updatedAt":"","userId":"u1","expire":"",
"provider":"email","providerUid":"","providerAccessToken":"","providerAccessTokenExpiry":"",
"providerRefreshToken":"","ip":"","osCode":"","osName":"","osVersion":"","clientType":"",
"clientCode":"","clientName":"","clientVersion":"","clientEngine":"","clientEngineVersion":"",
"deviceName":"","deviceBrand":"","deviceModel":"","countryCode":"","countryName":"","current":true,
"factors":[],"secret":"","mfaUpdatedAt":""}"#;

const USER: &str = r#"{"$id":"u1","$createdAt":"","$updatedAt":"","name":"Ann","registration":"",
"status":true,"labels":[],"passwordUpdate":"","email":"a@b.c","phone":"","emailVerification":false,
"phoneVerification":false,"mfa":false,"prefs":[],"targets":[],"accessedAt":""}"#;

/// Answers like Appwrite: a cookie and fallback header on session creation,
/// expired ones on deletion.
async fn appwrite_like() -> Server {
    Server::start(|request| match (request.method.as_str(), request.path()) {
        ("POST", "/v1/account/sessions/email") => Reply::json(201, SESSION)
            .header(
                "set-cookie",
                "a_session_p1=SECRET; expires=Fri, 01 Jan 2100 00:00:00 GMT; path=/; httponly",
            )
            .header("set-cookie", "a_session_p1_legacy=SECRET; path=/; httponly")
            .header("set-cookie", "unrelated=1; path=/"),
        ("DELETE", _) => Reply::new(204)
            .header(
                "set-cookie",
                "a_session_p1=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/",
            )
            .header("x-fallback-cookies", "[]"),
        _ => Reply::json(200, USER),
    })
    .await
}

fn client(server: &Server) -> Client {
    Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .build()
        .unwrap()
}

#[tokio::test]
async fn session_cookie_round_trip() {
    let server = appwrite_like().await;
    let client = client(&server);

    client
        .account()
        .create_email_password_session("a@b.c", "password")
        .await
        .unwrap();
    client.account().get().await.unwrap();
    client.account().delete_session("current").await.unwrap();
    client.account().get().await.unwrap();

    let cookies: Vec<_> = server
        .requests()
        .iter()
        .map(|request| request.header("cookie"))
        .collect();
    assert_eq!(
        cookies,
        [
            None,
            Some("a_session_p1=SECRET; a_session_p1_legacy=SECRET".to_owned()),
            Some("a_session_p1=SECRET; a_session_p1_legacy=SECRET".to_owned()),
            None,
        ]
    );
    assert!(
        server
            .requests()
            .iter()
            .all(|r| r.header("x-fallback-cookies").is_none())
    );
}

#[tokio::test]
async fn fallback_header_is_kept_and_never_sent_empty() {
    let fallback = r#"{"a_session_p1":"FALLBACK"}"#;
    let server = Server::start(move |request| match request.method.as_str() {
        "POST" => Reply::json(201, SESSION).header("x-fallback-cookies", fallback),
        "DELETE" => Reply::new(204).header("x-fallback-cookies", "[]"),
        _ => Reply::json(200, USER),
    })
    .await;
    let client = client(&server);

    client.account().create_anonymous_session().await.unwrap();
    client.account().get().await.unwrap();
    client.account().delete_sessions().await.unwrap();
    client.account().get().await.unwrap();

    let headers: Vec<_> = server
        .requests()
        .iter()
        .map(|request| request.header("x-fallback-cookies"))
        .collect();
    assert_eq!(
        headers,
        [
            None,
            Some(fallback.to_owned()),
            Some(fallback.to_owned()),
            None
        ]
    );
}

#[tokio::test]
async fn captured_session_is_shared_by_clones_but_not_derived_clients() {
    let server = appwrite_like().await;
    let client = client(&server);
    let clone = client.clone();
    let derived_before = client.with_locale("de").unwrap();

    client
        .account()
        .create_email_password_session("a@b.c", "password")
        .await
        .unwrap();
    let derived_after = client.with_locale("de").unwrap();
    clone.account().get().await.unwrap();
    derived_before.account().get().await.unwrap();
    derived_after
        .account()
        .delete_session("current")
        .await
        .unwrap();
    client.account().get().await.unwrap();

    let cookies: Vec<_> = server
        .requests()
        .iter()
        .map(|request| request.header("cookie").is_some())
        .collect();
    // The derived client's logout forgets only its own copy.
    assert_eq!(cookies, [false, true, false, true, true]);
}

#[tokio::test]
async fn a_session_set_by_the_caller_wins() {
    let server = appwrite_like().await;
    let client = client(&server);
    client
        .account()
        .create_email_password_session("a@b.c", "password")
        .await
        .unwrap();
    let explicit = client.with_session("MINE").unwrap();
    explicit.account().get().await.unwrap();
    let cookie_given = Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .header("x-fallback-cookies", "")
        .header("cookie", "a_session_p1=GIVEN")
        .build()
        .unwrap();
    cookie_given.account().get().await.unwrap();

    let requests = server.requests();
    assert_eq!(
        requests[1].header("x-appwrite-session").as_deref(),
        Some("MINE")
    );
    assert!(requests[1].header("cookie").is_none());
    assert_eq!(
        requests[2].header("cookie").as_deref(),
        Some("a_session_p1=GIVEN")
    );
    assert!(requests[2].header("x-fallback-cookies").is_none());
}
