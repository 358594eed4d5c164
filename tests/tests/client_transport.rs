//! TLS verification per client, and timeouts reported as timeouts.

mod client_support;

use std::time::{Duration, Instant};

use appwrite::Client;
use client_support::{Reply, Server};

const USER: &str = r#"{"$id":"u1","$createdAt":"","$updatedAt":"","name":"Ann","registration":"",
"status":true,"labels":[],"passwordUpdate":"","email":"a@b.c","phone":"","emailVerification":false,
"phoneVerification":false,"mfa":false,"prefs":{},"targets":[],"accessedAt":""}"#;

fn builder(server: &Server) -> appwrite::ClientBuilder {
    Client::builder().endpoint(server.endpoint()).project("p1")
}

#[tokio::test]
async fn self_signed_certificates_only_for_the_client_that_asked() {
    let server = Server::start_tls(|_| Reply::json(200, USER)).await;
    let strict = builder(&server).build().unwrap();
    let trusting = builder(&server).self_signed(true).build().unwrap();
    let strict_after = builder(&server).build().unwrap();

    let error = strict.account().get().await.unwrap_err();
    assert!(error.is_connect(), "{error:?}");
    assert_eq!(trusting.account().get().await.unwrap().name, "Ann");
    assert!(strict_after.account().get().await.unwrap_err().is_connect());
    assert!(
        trusting
            .with_jwt("j")
            .unwrap()
            .account()
            .get()
            .await
            .is_ok()
    );
}

#[tokio::test]
async fn a_slow_json_call_times_out() {
    let server = Server::always(Reply::json(200, USER).delay(Duration::from_secs(3))).await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let started = Instant::now();
    let error = client.account().get().await.unwrap_err();
    assert!(error.is_timeout(), "{error:?}");
    assert_eq!(error.to_string(), "request timed out");
    assert!(started.elapsed() < Duration::from_secs(2));
}

#[tokio::test]
async fn downloads_are_not_cut_off_by_the_request_timeout() {
    let server = Server::always(
        Reply::new(200)
            .body("PNG")
            .delay(Duration::from_millis(600)),
    )
    .await;
    let client = builder(&server)
        .timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    let bytes = client.avatars().get_initials().await.unwrap();
    assert_eq!(bytes, "PNG");

    let limited = builder(&server)
        .transfer_timeout(Duration::from_millis(200))
        .build()
        .unwrap();
    assert!(
        limited
            .avatars()
            .get_initials()
            .await
            .unwrap_err()
            .is_timeout()
    );
}
