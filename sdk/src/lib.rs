//! Rust SDK for the Appwrite client API.
//!
//! # Organisation
//!
//! The crate has a hand-written core and three generated folders:
//!
//! - [`Client`] and [`ClientBuilder`]: endpoint, project, credentials,
//!   timeouts, TLS and extra headers; cheap to clone. A client keeps the
//!   session the server hands out (cookie or `X-Fallback-Cookies`) and sends it
//!   on later calls.
//! - [`services`] (generated): one module per API tag. Reach a service from a
//!   client (`client.account()`, `client.databases()`, ...). Each operation is
//!   one method taking the required parameters; optional ones are set on the
//!   returned request builder, which sends when awaited.
//! - [`models`] (generated): the response types, with documents and
//!   preferences generic over the caller's own data.
//! - [`enums`] (generated): the API's named enums, each with an `Unknown`
//!   variant so a value added by a newer server never breaks a response.
//! - [`Error`]: the one error type, with [`ErrorKind`] telling apart server
//!   errors, timeouts, connection failures, undecodable responses and invalid
//!   input.
//! - Helpers: [`Query`], [`Permission`], [`Role`] and [`ID`] build the
//!   strings the server expects; [`InputFile`] and [`UploadProgress`] serve
//!   uploads; [`ByteStream`] streams downloads.
//!
//! # Example
//!
//! ```no_run
//! # async fn run() -> appwrite::Result<()> {
//! use appwrite::{Client, Query};
//!
//! let client = Client::builder()
//!     .endpoint("https://appwrite.example.com/v1")
//!     .project("my-project")
//!     .build()?;
//! let queries = [Query::equal("status", "open"), Query::limit(10)];
//! # let _ = (client, queries);
//! # Ok(())
//! # }
//! ```
#![deny(missing_docs)]

mod client;
mod download;
mod error;
mod id;
#[doc(hidden)]
pub mod open_object;
mod permission;
mod query;
#[doc(hidden)]
pub mod request;
mod response;
mod role;
#[doc(hidden)]
pub mod serde_helpers;
mod session;
#[doc(hidden)]
pub mod upload;

#[rustfmt::skip]
pub mod enums;
#[rustfmt::skip]
pub mod models;
#[rustfmt::skip]
pub mod services;

pub use bytes::Bytes;

/// A JSON object: the default type of the user's own data in documents and preferences.
/// Name it where a document call wants the data's type and plain JSON will do:
/// `databases.get_document::<appwrite::JsonMap>(db, collection, id)`.
pub type JsonMap = serde_json::Map<String, serde_json::Value>;
pub use client::{Client, ClientBuilder};
pub use download::ByteStream;
pub use error::{Error, ErrorKind, Result};
pub use id::ID;
pub use permission::Permission;
pub use query::{Query, QueryValue, QueryValues};
pub use reqwest;
pub use role::Role;
pub use upload::{InputFile, ProgressCallback, UploadProgress};
pub use url::Url;
