//! The [`Client`]: configuration shared by every call, and the send path the
//! generated services use.
//!
//! A `Client` is an `Arc` around its configuration, so cloning it is cheap;
//! services and request builders hold clones. Clones share the session the
//! client captured from the server (see [`crate::session`]); the `with_*`
//! methods derive a new client with its own configuration and its own copy of
//! the captured session, leaving the original and its clones untouched.

mod builder;
mod send;

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderValue};
use url::Url;

pub use builder::ClientBuilder;

use crate::error::{Error, Result};
use crate::session::SessionStore;

/// An Appwrite client: an endpoint, a project and the credentials to send.
///
/// Build one with [`Client::builder`]. The service accessors
/// (`client.account()`, `client.databases()`, ...) borrow nothing and return
/// values that hold a clone of the client.
///
/// Timeouts: a connection attempt gives up after the connect timeout (30 s by
/// default); JSON and no-content calls give up after the request timeout (60 s
/// by default); downloads and uploads are not cut off unless a transfer
/// timeout is set with [`ClientBuilder::transfer_timeout`].
#[derive(Clone)]
pub struct Client {
    inner: Arc<ClientInner>,
}

#[derive(Clone)]
pub(crate) struct ClientInner {
    endpoint: Url,
    project: String,
    credentials: Credentials,
    headers: HeaderMap,
    request_timeout: Option<Duration>,
    transfer_timeout: Option<Duration>,
    http: HttpClients,
    session: SessionStore,
}

/// Credentials sent as headers, each marked sensitive.
#[derive(Clone, Default)]
pub(crate) struct Credentials {
    session: Option<HeaderValue>,
    jwt: Option<HeaderValue>,
    key: Option<HeaderValue>,
    locale: Option<HeaderValue>,
}

/// One HTTP client that follows safe redirects (for GET and HEAD) and one that
/// follows none (for every other method).
#[derive(Clone)]
pub(crate) struct HttpClients {
    follow: reqwest::Client,
    direct: reqwest::Client,
}

impl Client {
    /// A builder for a new client.
    pub fn builder() -> ClientBuilder {
        ClientBuilder::new()
    }

    /// The endpoint, ending in `/v1` (or whatever path was given).
    pub fn endpoint(&self) -> &Url {
        &self.inner.endpoint
    }

    /// The project ID sent with every request.
    pub fn project(&self) -> &str {
        &self.inner.project
    }

    /// A new client that sends this session secret as `X-Appwrite-Session`.
    ///
    /// Fails with an invalid-input error when the value cannot be a header.
    pub fn with_session(&self, session: impl AsRef<str>) -> Result<Client> {
        let value = credential_value("session", session.as_ref())?;
        Ok(self.derive(|inner| inner.credentials.session = Some(value)))
    }

    /// A new client that sends this JWT as `X-Appwrite-JWT`.
    pub fn with_jwt(&self, jwt: impl AsRef<str>) -> Result<Client> {
        let value = credential_value("jwt", jwt.as_ref())?;
        Ok(self.derive(|inner| inner.credentials.jwt = Some(value)))
    }

    /// A new client that sends this API key as `X-Appwrite-Key` (server use).
    pub fn with_key(&self, key: impl AsRef<str>) -> Result<Client> {
        let value = credential_value("key", key.as_ref())?;
        Ok(self.derive(|inner| inner.credentials.key = Some(value)))
    }

    /// A new client that sends this locale as `X-Appwrite-Locale`.
    pub fn with_locale(&self, locale: impl AsRef<str>) -> Result<Client> {
        let value = credential_value("locale", locale.as_ref())?;
        Ok(self.derive(|inner| inner.credentials.locale = Some(value)))
    }

    /// A new client with no session, JWT or key, and no captured session.
    pub fn without_credentials(&self) -> Client {
        let client = self.derive(|inner| {
            let locale = inner.credentials.locale.take();
            inner.credentials = Credentials {
                locale,
                ..Credentials::default()
            };
        });
        client.inner.session.forget();
        client
    }

    fn derive(&self, change: impl FnOnce(&mut ClientInner)) -> Client {
        let mut inner = ClientInner::clone(&self.inner);
        inner.session = self.inner.session.snapshot();
        change(&mut inner);
        Client {
            inner: Arc::new(inner),
        }
    }

    /// The timeout of JSON and no-content calls, if any.
    pub(crate) fn request_timeout(&self) -> Option<Duration> {
        self.inner.request_timeout
    }

    /// The timeout of downloads and of each upload request, if any.
    pub(crate) fn transfer_timeout(&self) -> Option<Duration> {
        self.inner.transfer_timeout
    }
}

/// A credential as a sensitive header value, or an invalid-input error that
/// names the credential but never shows its value.
pub(crate) fn credential_value(name: &str, value: &str) -> Result<HeaderValue> {
    let mut header = HeaderValue::from_str(value).map_err(|error| {
        Error::invalid_input_from(format!("the {name} cannot be sent as a header"), error)
    })?;
    header.set_sensitive(true);
    Ok(header)
}

impl fmt::Debug for Client {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let credentials = &inner.credentials;
        f.debug_struct("Client")
            .field("endpoint", &inner.endpoint.as_str())
            .field("project", &inner.project)
            .field(
                "session",
                &credentials.session.as_ref().map(|_| "<redacted>"),
            )
            .field("jwt", &credentials.jwt.as_ref().map(|_| "<redacted>"))
            .field("key", &credentials.key.as_ref().map(|_| "<redacted>"))
            .field(
                "locale",
                &credentials
                    .locale
                    .as_ref()
                    .and_then(|value| value.to_str().ok()),
            )
            .field("request_timeout", &inner.request_timeout)
            .field("transfer_timeout", &inner.transfer_timeout)
            .finish_non_exhaustive()
    }
}
