//! Decoding answers: typed documents, no content, bytes whatever the content
//! type, GraphQL values, and errors (never panics) for malformed, truncated
//! and wrongly typed bodies on every kind of call.

mod client_support;

use appwrite::Client;
use client_support::{Reply, Server};
use futures_util::StreamExt;
use serde::Deserialize;

const DOCUMENT: &str = r#"{"$id":"d1","$collectionId":"c","$databaseId":"db","$createdAt":"x",
"$updatedAt":"y","$permissions":["read(\"any\")"],"title":"Hi","data":{"nested":true}}"#;

const USER: &str = r#"{"$id":"u1","$createdAt":"","$updatedAt":"","name":"Ann","registration":"",
"status":true,"labels":[],"passwordUpdate":"","email":"a@b.c","phone":"","emailVerification":false,
"phoneVerification":false,"mfa":false,"prefs":[],"targets":[],"accessedAt":"","brandNew":1}"#;

#[derive(Debug, Deserialize)]
struct Note {
    title: String,
    data: serde_json::Value,
}

fn client(server: &Server) -> Client {
    Client::builder()
        .endpoint(server.endpoint())
        .project("p1")
        .build()
        .unwrap()
}

#[tokio::test]
async fn documents_decode_into_the_callers_type() {
    let server = Server::always(Reply::json(200, DOCUMENT)).await;
    let document = client(&server)
        .databases()
        .get_document::<Note>("db", "c", "d1")
        .await
        .unwrap();
    assert_eq!(document.id, "d1");
    assert_eq!(document.permissions, [r#"read("any")"#]);
    assert_eq!(document.data.title, "Hi");
    assert_eq!(document.data.data, serde_json::json!({"nested": true}));
}

#[tokio::test]
async fn unknown_fields_and_empty_prefs_array_are_accepted() {
    let server = Server::always(Reply::json(200, USER)).await;
    let user = client(&server).account().get().await.unwrap();
    assert_eq!(user.name, "Ann");
}

#[tokio::test]
async fn wrongly_typed_field_names_model_and_path() {
    let body = USER.replace(r#""email":"a@b.c""#, r#""email":42"#);
    let server = Server::always(Reply::json(200, &body)).await;
    let error = client(&server).account().get().await.unwrap_err();
    assert!(error.is_decode(), "{error:?}");
    assert_eq!(error.model(), Some("User"));
    assert_eq!(error.field_path(), Some("email"));
    assert_eq!(error.body(), Some(body.as_str()));
    assert_eq!(
        error.to_string(),
        "could not decode User at `email`: invalid type: integer `42`, expected a string at line 2 column 56"
    );
    assert!(error.message().starts_with("invalid type: integer `42`"));
}

#[tokio::test]
async fn missing_required_field_is_a_decode_error() {
    let body = USER.replace(r#""name":"Ann","#, "");
    let server = Server::always(Reply::json(200, &body)).await;
    let error = client(&server).account().get().await.unwrap_err();
    assert!(error.is_decode(), "{error:?}");
    assert_eq!(error.model(), Some("User"));
}

#[tokio::test]
async fn malformed_and_truncated_bodies_are_errors_on_every_kind_of_call() {
    let replies = [
        Reply::json(200, "{\"$id\":"),
        Reply::json(200, "not json"),
        Reply::json(200, "[1,2,3]"),
        Reply::json(200, "{} trailing"),
        Reply::json(200, "").declare_length(50),
        Reply::json(200, r#"{"$id":"u1""#).declare_length(400),
    ];
    for reply in replies {
        let truncated = reply.declared_length.is_some();
        let server = Server::always(reply).await;
        let client = client(&server);
        let error = client.account().get().await.unwrap_err();
        assert!(error.is_decode() || truncated, "{error:?}");
        assert!(client.account().list_sessions().await.is_err());
        assert!(
            client
                .databases()
                .get_document::<Note>("db", "c", "d")
                .await
                .is_err()
        );
        assert!(
            client
                .graphql()
                .query(serde_json::json!({"query": "{ ping }"}))
                .await
                .is_err()
                || !truncated
        );
        if truncated {
            assert!(client.account().delete_sessions().await.is_err());
            assert!(client.avatars().get_initials().await.is_err());
            let mut stream = client.avatars().get_initials().stream().await.unwrap();
            let mut failed = false;
            while let Some(chunk) = stream.next().await {
                failed |= chunk.is_err();
            }
            assert!(failed);
        }
    }
}

#[tokio::test]
async fn no_content_answers_give_unit() {
    let server = Server::always(Reply::new(204)).await;
    client(&server).account().delete_sessions().await.unwrap();
    let server = Server::always(Reply::new(200)).await;
    client(&server)
        .account()
        .delete_session("current")
        .await
        .unwrap();
}

#[tokio::test]
async fn location_calls_return_bytes_whatever_the_content_type() {
    let body = r#"{"not":"decoded"}"#;
    let server = Server::always(Reply::json(200, body)).await;
    let client = client(&server);
    let bytes = client
        .storage()
        .get_file_download("b", "f.json")
        .await
        .unwrap();
    assert_eq!(bytes, body.as_bytes());

    let mut file = Vec::new();
    let stream = client
        .storage()
        .get_file_view("b", "f")
        .stream()
        .await
        .unwrap();
    assert_eq!(stream.content_type(), Some("application/json"));
    let written = stream.write_to(&mut file).await.unwrap();
    assert_eq!(
        (written, file.as_slice()),
        (body.len() as u64, body.as_bytes())
    );
}

#[tokio::test]
async fn graphql_returns_the_json_value_with_errors() {
    let body = r#"{"data":null,"errors":[{"message":"boom"}]}"#;
    let server = Server::always(Reply::json(200, body)).await;
    let value = client(&server)
        .graphql()
        .query(serde_json::json!({"query": "{ ping }"}))
        .await
        .unwrap();
    assert_eq!(value["errors"][0]["message"], "boom");
    let request = server.single();
    assert_eq!(request.header("x-sdk-graphql").as_deref(), Some("true"));
    assert_eq!(request.body_text(), r#"{"query":{"query":"{ ping }"}}"#);
}

#[tokio::test]
async fn document_lists_decode_and_a_missing_dollar_field_is_named() {
    let list = format!(r#"{{"total":2,"documents":[{DOCUMENT},{DOCUMENT}]}}"#);
    let server = Server::always(Reply::json(200, &list)).await;
    let documents = client(&server)
        .databases()
        .list_documents::<Note>("db", "c")
        .await
        .unwrap();
    assert_eq!(documents.total, 2);
    assert_eq!(documents.documents[1].data.title, "Hi");

    let broken = DOCUMENT.replace(r#""$collectionId":"c","#, "");
    let server = Server::always(Reply::json(200, &broken)).await;
    let error = client(&server)
        .databases()
        .get_document::<Note>("db", "c", "d1")
        .await
        .unwrap_err();
    assert!(error.is_decode(), "{error:?}");
    assert!(
        error.message().contains("missing field `$collectionId`"),
        "{error}"
    );
}

#[tokio::test]
async fn untyped_documents_decode_into_json_maps() {
    let server = Server::always(Reply::json(200, DOCUMENT)).await;
    let document = client(&server)
        .databases()
        .get_document::<appwrite::JsonMap>("db", "c", "d1")
        .await
        .unwrap();
    assert_eq!(document.id, "d1");
    assert_eq!(document.data["title"], "Hi");
    assert!(
        !document.data.contains_key("$id"),
        "declared fields stay out of the data"
    );
}
