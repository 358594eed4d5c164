//! What goes on the wire: path segments, query values, arrays, booleans,
//! integers, bodies only where they belong, and redirects.

mod client_support;

use appwrite::{Client, Query};
use client_support::{Reply, Server};

const DOCUMENT: &str = r#"{"$id":"d1","$collectionId":"c","$databaseId":"db","$createdAt":"",
"$updatedAt":"","$permissions":[]}"#;
const DOCUMENTS: &str = r#"{"total":0,"documents":[]}"#;

fn client(server: &Server) -> Client {
    Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .build()
        .unwrap()
}

#[tokio::test]
async fn path_parameters_are_one_encoded_segment_each() {
    let server = Server::always(Reply::json(200, DOCUMENT)).await;
    client(&server)
        .databases()
        .get_document::<serde_json::Value>("db 1", "c", "a/b?c#d%e+f")
        .await
        .unwrap();
    let request = server.single();
    assert_eq!(
        request.path(),
        "/v1/databases/db%201/collections/c/documents/a%2Fb%3Fc%23d%25e%2Bf"
    );
}

#[tokio::test]
async fn dot_segments_are_refused() {
    let server = Server::always(Reply::json(200, DOCUMENT)).await;
    let error = client(&server)
        .databases()
        .get_document::<serde_json::Value>("db", "c", "..")
        .await
        .unwrap_err();
    assert!(error.is_invalid_input(), "{error}");
    assert!(server.requests().is_empty());
}

#[tokio::test]
async fn query_arrays_repeat_the_name_and_encode_values() {
    let server = Server::always(Reply::json(200, DOCUMENTS)).await;
    let client = client(&server);
    client
        .databases()
        .list_documents::<serde_json::Value>("db", "c")
        .queries([
            Query::equal("name", "a+b c&d"),
            Query::limit(9_007_199_254_740_993),
        ])
        .await
        .unwrap();
    client
        .databases()
        .list_documents::<serde_json::Value>("db", "c")
        .queries(Vec::<String>::new())
        .await
        .unwrap();

    let requests = server.requests();
    let query = requests[0].query().unwrap();
    let pairs: Vec<&str> = query.split('&').collect();
    assert_eq!(pairs.len(), 2, "{query}");
    assert!(
        pairs.iter().all(|pair| pair.starts_with("queries[]=")),
        "{query}"
    );
    assert!(pairs[0].contains("a%2Bb%20c%26d"), "{query}");
    assert!(pairs[1].contains("9007199254740993"), "{query}");
    assert_eq!(requests[1].query(), None);
}

#[tokio::test]
async fn get_requests_have_no_body_or_content_type() {
    let server = Server::always(Reply::json(200, DOCUMENTS)).await;
    client(&server)
        .databases()
        .list_documents::<serde_json::Value>("db", "c")
        .await
        .unwrap();
    let request = server.single();
    assert_eq!(request.method, "GET");
    assert!(request.body.is_empty());
    assert!(request.header("content-type").is_none());
    assert!(
        request
            .header("content-length")
            .is_none_or(|length| length == "0")
    );
}

#[tokio::test]
async fn delete_and_patch_without_parameters_send_no_body() {
    let server = Server::start(|request| match request.method.as_str() {
        "DELETE" => Reply::new(204),
        _ => Reply::json(200, r#"{"recoveryCodes":[]}"#),
    })
    .await;
    let client = client(&server);
    client.account().delete_session("current").await.unwrap();
    client.account().update_mfa_recovery_codes().await.unwrap();
    for request in server.requests() {
        assert!(
            request.body.is_empty(),
            "{} {}",
            request.method,
            request.body_text()
        );
        assert!(
            request.header("content-type").is_none(),
            "{}",
            request.method
        );
    }
}

#[tokio::test]
async fn json_bodies_keep_types_and_skip_unset_options() {
    let server = Server::always(Reply::json(201, DOCUMENT)).await;
    client(&server)
        .databases()
        .create_document::<serde_json::Value>(
            "db",
            "c",
            "d1",
            serde_json::json!({"big": 9_007_199_254_740_993_i64, "flag": true}),
        )
        .await
        .unwrap();
    let request = server.single();
    assert_eq!(
        request.header("content-type").as_deref(),
        Some("application/json")
    );
    let body: serde_json::Value = serde_json::from_slice(&request.body).unwrap();
    assert_eq!(
        body,
        serde_json::json!({"documentId": "d1", "data": {"big": 9_007_199_254_740_993_i64, "flag": true}})
    );
    assert!(request.body_text().contains("9007199254740993"));
}

#[tokio::test]
async fn booleans_in_queries_are_words() {
    let server = Server::always(Reply::new(200).body("PNG")).await;
    client(&server)
        .avatars()
        .get_qr("hello world")
        .download(true)
        .await
        .unwrap();
    assert_eq!(
        server.single().query(),
        Some("text=hello%20world&download=true")
    );
}

#[tokio::test]
async fn redirects_are_not_followed_for_post() {
    let target = Server::always(Reply::json(200, DOCUMENTS)).await;
    let location = format!("{}/databases/db/collections/c/documents", target.endpoint());
    let server = Server::always(Reply::new(301).header("location", &location)).await;
    let error = client(&server)
        .databases()
        .create_document::<serde_json::Value>("db", "c", "d1", serde_json::json!({}))
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(301));
    assert!(error.message().contains("not followed"), "{error}");
    assert_eq!(server.requests().len(), 1);
    assert!(target.requests().is_empty());
}

#[tokio::test]
async fn get_follows_redirects_on_the_same_origin_only() {
    let same_origin = Server::start(|request| {
        if request.path().contains("/collections/old/") {
            Reply::new(302).header("location", "/v1/databases/db/collections/c/documents")
        } else {
            Reply::json(200, DOCUMENTS)
        }
    })
    .await;
    let list = client(&same_origin)
        .databases()
        .list_documents::<serde_json::Value>("db", "old")
        .await;
    assert!(list.is_ok(), "{list:?}");
    assert_eq!(
        same_origin.requests().len(),
        2,
        "the same-origin redirect was followed"
    );
}

#[tokio::test]
async fn get_never_takes_credentials_to_another_origin() {
    let elsewhere = Server::always(Reply::json(200, DOCUMENTS)).await;
    let location = format!(
        "{}/databases/db/collections/c/documents",
        elsewhere.endpoint()
    );
    let redirecting = Server::always(Reply::new(302).header("location", &location)).await;
    let client = Client::builder()
        .endpoint(redirecting.endpoint())
        .project("p1")
        .key("secret-key")
        .jwt("secret-jwt")
        .build()
        .unwrap();
    let error = client
        .databases()
        .list_documents::<serde_json::Value>("db", "c")
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(302));
    assert!(error.message().contains("not followed"), "{error}");
    assert!(
        elsewhere.requests().is_empty(),
        "the key went to another host"
    );
}

#[tokio::test]
async fn get_never_follows_https_to_http() {
    let plain = Server::always(Reply::json(200, DOCUMENTS)).await;
    let location = format!("{}/databases/db/collections/c/documents", plain.endpoint());
    let secure = Server::start_tls(move |_| Reply::new(302).header("location", &location)).await;
    let client = Client::builder()
        .endpoint(secure.endpoint())
        .project("p1")
        .self_signed(true)
        .build()
        .unwrap();
    let error = client
        .databases()
        .list_documents::<serde_json::Value>("db", "c")
        .await
        .unwrap_err();
    assert_eq!(error.status().map(|status| status.as_u16()), Some(302));
    assert!(plain.requests().is_empty(), "the downgrade was followed");
}

#[tokio::test]
async fn location_urls_carry_project_and_parameters_without_a_request() {
    let server = Server::always(Reply::new(500)).await;
    let url = client(&server)
        .avatars()
        .get_initials()
        .name("A+B C")
        .width(100)
        .url()
        .unwrap();
    assert_eq!(
        url.as_str(),
        format!(
            "{}/avatars/initials?name=A%2BB%20C&width=100&project=p1",
            server.endpoint()
        )
    );
    assert!(server.requests().is_empty());
}
