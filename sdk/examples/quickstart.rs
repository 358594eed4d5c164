//! The README's example: a call, an optional parameter, a typed document, a file URL and
//! an error being matched. It is compiled by `cargo test`; run it against your own
//! Appwrite server with `APPWRITE_ENDPOINT=... APPWRITE_PROJECT=... cargo run -p appwrite
//! --example quickstart`.

use appwrite::models::Document;
use appwrite::{Client, ErrorKind, ID, Query};
use serde::{Deserialize, Serialize};

/// The attributes of a document in the `notes` collection.
#[derive(Debug, Serialize, Deserialize)]
struct Note {
    title: String,
    done: bool,
}

#[tokio::main]
async fn main() -> appwrite::Result<()> {
    let endpoint =
        std::env::var("APPWRITE_ENDPOINT").unwrap_or_else(|_| "http://127.0.0.1/v1".into());
    let project = std::env::var("APPWRITE_PROJECT").unwrap_or_else(|_| "my-project".into());
    let client = Client::builder()
        .endpoint(endpoint)
        .project(project)
        .build()?;

    // A call with required arguments, and an optional one set on the request builder.
    let user = client
        .account()
        .create(ID::unique(), "ann@example.com", "a long password")
        .name("Ann")
        .await?;
    println!("created {}", user.id);

    // Documents decode the user's own attributes into a type of yours.
    let databases = client.databases();
    let note = Note {
        title: "Buy milk".into(),
        done: false,
    };
    let created: Document<Note> = databases
        .create_document("main", "notes", ID::unique(), &note)
        .await?;
    println!("{} is {:?}", created.id, created.data);
    let open = databases
        .list_documents::<Note>("main", "notes")
        .queries([Query::equal("done", false), Query::limit(10)])
        .await?;
    println!("{} open notes", open.total);

    // A file URL is built without sending anything.
    let preview = client
        .storage()
        .get_file_preview("photos", "cat")
        .width(300)
        .url()?;
    println!("preview at {preview}");

    // Errors tell their kinds apart.
    match client.account().get().await {
        Ok(user) => println!("signed in as {}", user.email),
        Err(error)
            if error.kind() == ErrorKind::Api
                && error.status().map(|s| s.as_u16()) == Some(401) =>
        {
            println!("not signed in: {}", error.message());
        }
        Err(error) if error.is_timeout() => println!("the server is slow: {error}"),
        Err(error) => return Err(error),
    }
    Ok(())
}
