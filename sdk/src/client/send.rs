//! The send path: URLs, headers, bodies, and the `execute_*` family that
//! generated code calls.

use std::time::Duration;

use percent_encoding::{AsciiSet, NON_ALPHANUMERIC, utf8_percent_encode};
use reqwest::header::{COOKIE, HeaderMap};
use reqwest::{Method, RequestBuilder, Response};
use serde::de::DeserializeOwned;
use url::Url;

use super::Client;
use crate::download::ByteStream;
use crate::error::{Error, Result};
use crate::request::{ApiRequest, BodyKind, encode_query_value};
use crate::response;
use crate::session::FALLBACK_COOKIES;

/// Characters encoded in a query parameter name: `[` and `]` stay readable.
const NAME_ENCODE: &AsciiSet = &NON_ALPHANUMERIC
    .remove(b'-')
    .remove(b'_')
    .remove(b'.')
    .remove(b'~')
    .remove(b'[')
    .remove(b']');

impl Client {
    /// The endpoint joined with a relative path, plus query pairs.
    pub(crate) fn url_for(&self, request: &ApiRequest) -> Result<Url> {
        request.check()?;
        let base = self.inner.endpoint.as_str().trim_end_matches('/');
        let base_path = self.inner.endpoint.path().trim_end_matches('/');
        let expected_path = format!("{base_path}{}", request.path());
        let mut url = Url::parse(&format!("{base}{}", request.path()))
            .map_err(|error| Error::invalid_input_from("the request path is not valid", error))?;
        if url.path() != expected_path {
            return Err(Error::invalid_input(
                "a path parameter cannot be `.` or `..`",
            ));
        }
        set_query(&mut url, request.query_pairs());
        Ok(url)
    }

    /// The URL of a GET request with every query parameter and `project`, not
    /// sent.
    #[doc(hidden)]
    pub fn request_url(&self, request: &ApiRequest) -> Result<Url> {
        let mut url = self.url_for(request)?;
        let mut pairs = request.query_pairs().to_vec();
        pairs.push(("project".to_owned(), self.inner.project.clone()));
        set_query(&mut url, &pairs);
        Ok(url)
    }

    /// A request with every client header (project, format, sdk, credentials,
    /// session).
    pub(crate) fn prepare(&self, method: Method, url: Url) -> RequestBuilder {
        let http = &self.inner.http;
        let client = if method == Method::GET || method == Method::HEAD {
            &http.follow
        } else {
            &http.direct
        };
        client.request(method, url).headers(self.request_headers())
    }

    fn request_headers(&self) -> HeaderMap {
        let inner = &self.inner;
        let mut headers = inner.headers.clone();
        let credentials = &inner.credentials;
        let named = [
            ("x-appwrite-session", &credentials.session),
            ("x-appwrite-jwt", &credentials.jwt),
            ("x-appwrite-key", &credentials.key),
            ("x-appwrite-locale", &credentials.locale),
        ];
        for (name, value) in named {
            if let Some(value) = value {
                headers.insert(name, value.clone());
            }
        }

        // A session the caller set, or session headers the caller gave,
        // win over what the client captured.
        if credentials.session.is_none() {
            let session = &inner.session;
            if let Some(cookie) = session
                .cookie_header()
                .filter(|_| !headers.contains_key(COOKIE))
            {
                headers.insert(COOKIE, cookie);
            }
            let fallback = session.fallback_header();
            if let Some(fallback) = fallback.filter(|_| !headers.contains_key(FALLBACK_COOKIES)) {
                headers.insert(FALLBACK_COOKIES, fallback);
            }
        }
        headers
    }

    /// Sends, captures session cookies, and turns any non-2xx answer into
    /// `Error`.
    pub(crate) async fn send_prepared(&self, request: RequestBuilder) -> Result<Response> {
        let (client, request) = request.build_split();
        let request = request.map_err(Error::transport)?;
        let method = request.method().clone();
        let path = request.url().path().to_owned();

        let response = client.execute(request).await.map_err(Error::transport)?;
        self.inner
            .session
            .capture(response.headers(), &self.inner.project);
        if !response.status().is_success() {
            return Err(response::error_from_response(response).await);
        }
        if ends_session(&method, &path) {
            self.inner.session.forget();
        }
        Ok(response)
    }

    /// Sends an API request with its headers and body, under `timeout`.
    async fn send_api(&self, request: ApiRequest, timeout: Option<Duration>) -> Result<Response> {
        let url = self.url_for(&request)?;
        let mut builder = self.prepare(request.method().clone(), url);
        for (name, value) in request.headers() {
            builder = builder.header(*name, *value);
        }
        builder = attach_body(builder, &request)?;
        if let Some(timeout) = timeout {
            builder = builder.timeout(timeout);
        }
        self.send_prepared(builder).await
    }

    /// Sends and decodes a JSON answer into `T`.
    #[doc(hidden)]
    pub async fn execute_json<T: DeserializeOwned>(&self, request: ApiRequest) -> Result<T> {
        let response = self.send_api(request, self.inner.request_timeout).await?;
        let body = response.bytes().await.map_err(Error::transport)?;
        response::decode_json(&body)
    }

    /// Sends and expects no content (any body is read and dropped).
    #[doc(hidden)]
    pub async fn execute_empty(&self, request: ApiRequest) -> Result<()> {
        let response = self.send_api(request, self.inner.request_timeout).await?;
        response.bytes().await.map_err(Error::transport)?;
        Ok(())
    }

    /// Sends and returns the body bytes, whatever their content type.
    #[doc(hidden)]
    pub async fn execute_bytes(&self, request: ApiRequest) -> Result<bytes::Bytes> {
        let response = self.send_api(request, self.inner.transfer_timeout).await?;
        response.bytes().await.map_err(Error::transport)
    }

    /// Sends and returns the body as a stream of chunks.
    #[doc(hidden)]
    pub async fn execute_stream(&self, request: ApiRequest) -> Result<ByteStream> {
        let response = self.send_api(request, self.inner.transfer_timeout).await?;
        Ok(ByteStream::from_response(response))
    }
}

/// Adds the body: none for GET and HEAD, none for a DELETE or PATCH without
/// parameters, otherwise JSON or a multipart form.
fn attach_body(builder: RequestBuilder, request: &ApiRequest) -> Result<RequestBuilder> {
    let method = request.method();
    if *method == Method::GET || *method == Method::HEAD {
        return Ok(builder);
    }
    let empty = request.body_fields().is_empty();
    if empty && (*method == Method::DELETE || *method == Method::PATCH) {
        return Ok(builder);
    }
    match request.body_kind() {
        BodyKind::None => Ok(builder),
        BodyKind::Json => Ok(builder.json(request.body_fields())),
        BodyKind::Multipart => Ok(builder.multipart(request.multipart_form()?)),
    }
}

/// Whether a successful call with this method and path ends the current
/// session.
fn ends_session(method: &Method, path: &str) -> bool {
    let path = path.trim_end_matches('/');
    *method == Method::DELETE
        && (path.ends_with("/account/sessions/current") || path.ends_with("/account/sessions"))
}

fn set_query(url: &mut Url, pairs: &[(String, String)]) {
    if pairs.is_empty() {
        url.set_query(None);
        return;
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(name, value)| {
            let name = utf8_percent_encode(name, NAME_ENCODE);
            format!("{name}={}", encode_query_value(value))
        })
        .collect();
    url.set_query(Some(&query.join("&")));
}
