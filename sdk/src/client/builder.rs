//! [`ClientBuilder`]: setters that never fail, checks in `build`.

use std::fmt;
use std::sync::Arc;
use std::time::Duration;

use reqwest::header::{HeaderMap, HeaderName, HeaderValue, USER_AGENT};
use reqwest::redirect;
use url::Url;

use super::{Client, ClientInner, Credentials, HttpClients, credential_value};
use crate::error::{Error, Result};
use crate::services::RESPONSE_FORMAT;
use crate::session::{FALLBACK_COOKIES, SessionStore};

/// The most redirects a GET or HEAD request follows.
const MAX_REDIRECTS: usize = 10;

const DEFAULT_CONNECT_TIMEOUT: Duration = Duration::from_secs(30);
const DEFAULT_REQUEST_TIMEOUT: Duration = Duration::from_secs(60);

/// Builds a [`Client`]. Setters take `self` and never fail; every problem
/// (a bad endpoint, a header value that cannot be sent) is reported by
/// [`ClientBuilder::build`].
#[must_use]
#[derive(Default)]
pub struct ClientBuilder {
    endpoint: Option<String>,
    project: Option<String>,
    session: Option<String>,
    jwt: Option<String>,
    key: Option<String>,
    locale: Option<String>,
    headers: Vec<(String, String)>,
    connect_timeout: Option<Duration>,
    request_timeout: Option<Option<Duration>>,
    transfer_timeout: Option<Duration>,
    self_signed: bool,
    http_client: Option<reqwest::Client>,
}

impl ClientBuilder {
    /// A builder with no endpoint or project yet.
    pub fn new() -> Self {
        ClientBuilder::default()
    }

    /// The API endpoint, such as `https://cloud.example.com/v1` (required;
    /// `http` or `https` only).
    pub fn endpoint(mut self, endpoint: impl Into<String>) -> Self {
        self.endpoint = Some(endpoint.into());
        self
    }

    /// The project ID (required), sent as `X-Appwrite-Project`.
    pub fn project(mut self, project: impl Into<String>) -> Self {
        self.project = Some(project.into());
        self
    }

    /// A session secret, sent as `X-Appwrite-Session`. It takes precedence
    /// over any session the client captures from the server.
    pub fn session(mut self, session: impl Into<String>) -> Self {
        self.session = Some(session.into());
        self
    }

    /// A JWT, sent as `X-Appwrite-JWT`.
    pub fn jwt(mut self, jwt: impl Into<String>) -> Self {
        self.jwt = Some(jwt.into());
        self
    }

    /// An API key, sent as `X-Appwrite-Key` (for server use).
    pub fn key(mut self, key: impl Into<String>) -> Self {
        self.key = Some(key.into());
        self
    }

    /// A locale such as `en-US`, sent as `X-Appwrite-Locale`.
    pub fn locale(mut self, locale: impl Into<String>) -> Self {
        self.locale = Some(locale.into());
        self
    }

    /// An extra header sent with every request. A `Cookie` or
    /// `X-Fallback-Cookies` header given here replaces the captured session.
    pub fn header(mut self, name: impl Into<String>, value: impl Into<String>) -> Self {
        self.headers.push((name.into(), value.into()));
        self
    }

    /// How long to wait for a connection (30 s by default).
    pub fn connect_timeout(mut self, timeout: Duration) -> Self {
        self.connect_timeout = Some(timeout);
        self
    }

    /// How long a JSON or no-content call may take in total (60 s by
    /// default). Downloads and uploads are not affected.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.request_timeout = Some(Some(timeout));
        self
    }

    /// Lets JSON and no-content calls take as long as they need.
    pub fn no_timeout(mut self) -> Self {
        self.request_timeout = Some(None);
        self
    }

    /// How long a download, or each request of an upload, may take in total
    /// (no limit by default).
    pub fn transfer_timeout(mut self, timeout: Duration) -> Self {
        self.transfer_timeout = Some(timeout);
        self
    }

    /// Accepts self-signed and otherwise invalid TLS certificates, for this
    /// client only. Verification is on unless this is called with `true`.
    pub fn self_signed(mut self, accept: bool) -> Self {
        self.self_signed = accept;
        self
    }

    /// Sends requests through this `reqwest::Client`. Its own redirect policy,
    /// TLS and connect settings then apply; combining it with
    /// [`connect_timeout`](Self::connect_timeout) or
    /// [`self_signed`](Self::self_signed) is a configuration error.
    pub fn http_client(mut self, client: reqwest::Client) -> Self {
        self.http_client = Some(client);
        self
    }

    /// Checks the configuration and builds the client.
    pub fn build(self) -> Result<Client> {
        let endpoint = parse_endpoint(self.endpoint.as_deref())?;
        let project = match self.project.as_deref() {
            Some(project) if !project.is_empty() => project.to_owned(),
            _ => return Err(Error::config("the project is not set")),
        };
        let credentials = Credentials {
            session: optional_credential("session", self.session.as_deref())?,
            jwt: optional_credential("jwt", self.jwt.as_deref())?,
            key: optional_credential("key", self.key.as_deref())?,
            locale: optional_credential("locale", self.locale.as_deref())?,
        };
        let headers = fixed_headers(&project, &self.headers)?;
        let http = self.http_clients()?;

        let inner = ClientInner {
            endpoint,
            project,
            credentials,
            headers,
            request_timeout: self
                .request_timeout
                .unwrap_or(Some(DEFAULT_REQUEST_TIMEOUT)),
            transfer_timeout: self.transfer_timeout,
            http,
            session: SessionStore::default(),
        };
        Ok(Client {
            inner: Arc::new(inner),
        })
    }

    fn http_clients(&self) -> Result<HttpClients> {
        if let Some(client) = &self.http_client {
            if self.self_signed || self.connect_timeout.is_some() {
                let message = "connect timeout and self-signed certificates cannot be set \
                               together with a custom http client";
                return Err(Error::config(message));
            }
            return Ok(HttpClients {
                follow: client.clone(),
                direct: client.clone(),
            });
        }
        Ok(HttpClients {
            follow: self.reqwest_client(follow_safe_redirects())?,
            direct: self.reqwest_client(redirect::Policy::none())?,
        })
    }

    fn reqwest_client(&self, policy: redirect::Policy) -> Result<reqwest::Client> {
        reqwest::Client::builder()
            .connect_timeout(self.connect_timeout.unwrap_or(DEFAULT_CONNECT_TIMEOUT))
            .danger_accept_invalid_certs(self.self_signed)
            .redirect(policy)
            .build()
            .map_err(|error| Error::config(format!("cannot create the http client: {error}")))
    }
}

/// Follows up to ten redirects that stay on the origin (scheme, host and port) of the
/// first request. A redirect elsewhere, https to http included, is not followed: the
/// project's credentials (key, JWT, session) never leave the endpoint, and an answer
/// from another host is never taken for the API's.
fn follow_safe_redirects() -> redirect::Policy {
    redirect::Policy::custom(|attempt| {
        let same_origin = attempt
            .previous()
            .first()
            .is_some_and(|first| first.origin() == attempt.url().origin());
        if !same_origin {
            attempt.stop()
        } else if attempt.previous().len() > MAX_REDIRECTS {
            attempt.error("too many redirects")
        } else {
            attempt.follow()
        }
    })
}

fn parse_endpoint(endpoint: Option<&str>) -> Result<Url> {
    let text = endpoint.ok_or_else(|| Error::config("the endpoint is not set"))?;
    let mut url = Url::parse(text)
        .map_err(|error| Error::config(format!("the endpoint is not a valid url: {error}")))?;
    if !matches!(url.scheme(), "http" | "https") {
        return Err(Error::config("the endpoint must be an http or https url"));
    }
    if url.cannot_be_a_base() || url.host().is_none() {
        return Err(Error::config("the endpoint has no host"));
    }
    url.set_query(None);
    url.set_fragment(None);
    let path = url.path().trim_end_matches('/').to_owned();
    url.set_path(&path);
    Ok(url)
}

fn optional_credential(name: &str, value: Option<&str>) -> Result<Option<HeaderValue>> {
    value
        .map(|value| credential_value(name, value))
        .transpose()
        .map_err(|error| Error::config(error.message().to_owned()))
}

/// The headers every request carries, extra headers last so they win.
fn fixed_headers(project: &str, extra: &[(String, String)]) -> Result<HeaderMap> {
    let user_agent = format!(
        "AppwriteRustSDK/{} ({}; {})",
        env!("CARGO_PKG_VERSION"),
        std::env::consts::OS,
        std::env::consts::ARCH
    );
    let fixed = [
        ("x-appwrite-project", project.to_owned()),
        ("x-appwrite-response-format", RESPONSE_FORMAT.to_owned()),
        ("x-sdk-name", "Rust".to_owned()),
        ("x-sdk-platform", "client".to_owned()),
        ("x-sdk-language", "rust".to_owned()),
        ("x-sdk-version", env!("CARGO_PKG_VERSION").to_owned()),
        (USER_AGENT.as_str(), user_agent),
    ];
    let mut headers = HeaderMap::new();
    for (name, value) in fixed.iter().map(|(name, value)| (*name, value.as_str())) {
        insert_header(&mut headers, name, value)?;
    }
    for (name, value) in extra {
        if name.eq_ignore_ascii_case(FALLBACK_COOKIES) && value.trim().is_empty() {
            continue;
        }
        insert_header(&mut headers, name, value)?;
    }
    Ok(headers)
}

fn insert_header(headers: &mut HeaderMap, name: &str, value: &str) -> Result<()> {
    let header_name = HeaderName::from_bytes(name.as_bytes())
        .map_err(|_| Error::config(format!("`{name}` is not a valid header name")))?;
    let mut header_value = HeaderValue::from_str(value)
        .map_err(|_| Error::config(format!("the value of header `{name}` cannot be sent")))?;
    header_value.set_sensitive(true);
    headers.insert(header_name, header_value);
    Ok(())
}

impl fmt::Debug for ClientBuilder {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let redacted = |value: &Option<String>| value.as_ref().map(|_| "<redacted>");
        let header_names: Vec<&str> = self.headers.iter().map(|(name, _)| name.as_str()).collect();
        f.debug_struct("ClientBuilder")
            .field("endpoint", &self.endpoint)
            .field("project", &self.project)
            .field("session", &redacted(&self.session))
            .field("jwt", &redacted(&self.jwt))
            .field("key", &redacted(&self.key))
            .field("locale", &self.locale)
            .field("headers", &header_names)
            .field("connect_timeout", &self.connect_timeout)
            .field("request_timeout", &self.request_timeout)
            .field("transfer_timeout", &self.transfer_timeout)
            .field("self_signed", &self.self_signed)
            .field("http_client", &self.http_client.is_some())
            .finish()
    }
}
