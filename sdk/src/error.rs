//! The one error type of the SDK.
//!
//! [`Error`] is opaque: ask it what happened with [`Error::kind`] and the
//! accessors (`status`, `code`, `error_type`, `message`, `body`, ...). Its
//! `Display` text is short, lowercase and never contains a key, a session or a
//! JWT; the underlying cause, when there is one, is reachable through
//! [`std::error::Error::source`].

use std::fmt;

use reqwest::StatusCode;

/// A result whose error is the SDK's [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

type BoxError = Box<dyn std::error::Error + Send + Sync + 'static>;

/// What kind of failure an [`Error`] is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The server answered with a non-success status (an Appwrite error, a
    /// proxy's error page, or a redirect that was not followed).
    Api,
    /// The request or the reading of its response took too long.
    Timeout,
    /// No connection could be made to the server (including TLS failures).
    Connect,
    /// Another transport failure while sending or receiving.
    Transport,
    /// The response could not be decoded into the expected type.
    Decode,
    /// Something the caller gave cannot be sent (a bad header value, a value
    /// that does not serialise, a file that cannot be read).
    InvalidInput,
    /// The client configuration is invalid (reported by `ClientBuilder::build`).
    Config,
    /// A local input/output failure, such as writing a download to a file.
    Io,
}

/// An error returned by the Appwrite SDK.
pub struct Error {
    inner: Box<Inner>,
}

struct Inner {
    kind: ErrorKind,
    message: String,
    status: Option<StatusCode>,
    details: Details,
    source: Option<BoxError>,
    /// What the SDK was doing when the error happened, such as which upload chunk.
    context: Option<String>,
}

#[derive(Default)]
struct Details {
    code: Option<i64>,
    error_type: Option<String>,
    body: Option<String>,
    model: Option<String>,
    path: Option<String>,
}

/// The parts of an Appwrite error answer, as read from the response.
#[derive(Debug, Default)]
pub(crate) struct ApiErrorParts {
    pub(crate) status: StatusCode,
    pub(crate) code: Option<i64>,
    pub(crate) error_type: Option<String>,
    pub(crate) message: String,
    pub(crate) body: String,
}

impl Error {
    fn new(kind: ErrorKind, message: impl Into<String>) -> Self {
        Error {
            inner: Box::new(Inner {
                kind,
                message: message.into(),
                status: None,
                details: Details::default(),
                source: None,
                context: None,
            }),
        }
    }

    fn with_source(mut self, source: impl Into<BoxError>) -> Self {
        self.inner.source = Some(source.into());
        self
    }

    /// The same error, kind and details kept, with `context` (what the SDK was doing)
    /// put before its message.
    pub(crate) fn context(mut self, context: impl Into<String>) -> Self {
        let context = context.into();
        self.inner.context = Some(match self.inner.context.take() {
            Some(inner) => format!("{context}: {inner}"),
            None => context,
        });
        self
    }

    /// What the SDK was doing when the error happened, when it says so (for example
    /// which upload chunk failed and how to resume).
    pub fn context_message(&self) -> Option<&str> {
        self.inner.context.as_deref()
    }

    /// An error answer from the server.
    pub(crate) fn api(parts: ApiErrorParts) -> Self {
        let mut error = Error::new(ErrorKind::Api, parts.message);
        error.inner.status = Some(parts.status);
        error.inner.details.code = parts.code;
        error.inner.details.error_type = parts.error_type;
        error.inner.details.body = Some(parts.body);
        error
    }

    /// A body that could not be decoded into `model` at `path`.
    pub(crate) fn decode(
        model: String,
        path: String,
        body: String,
        source: impl Into<BoxError>,
    ) -> Self {
        let source: BoxError = source.into();
        let mut error = Error::new(ErrorKind::Decode, source.to_string());
        error.inner.source = Some(source);
        error.inner.details.model = Some(model);
        // serde_path_to_error writes `?` where it knows no segment: the document's root.
        error.inner.details.path = Some(if path == "?" { ".".to_owned() } else { path });
        error.inner.details.body = Some(body);
        error
    }

    /// Invalid input given by the caller.
    pub(crate) fn invalid_input(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::InvalidInput, message)
    }

    /// Invalid input given by the caller, with its cause.
    pub(crate) fn invalid_input_from(
        message: impl Into<String>,
        source: impl Into<BoxError>,
    ) -> Self {
        Error::invalid_input(message).with_source(source)
    }

    /// An invalid client configuration.
    pub(crate) fn config(message: impl Into<String>) -> Self {
        Error::new(ErrorKind::Config, message)
    }

    /// A local input/output failure.
    pub(crate) fn io(message: impl Into<String>, source: std::io::Error) -> Self {
        Error::new(ErrorKind::Io, message).with_source(source)
    }

    /// A transport failure reported by reqwest, sorted into timeout, connect
    /// and other transport failures.
    pub(crate) fn transport(source: reqwest::Error) -> Self {
        let (kind, message) = if source.is_timeout() {
            (ErrorKind::Timeout, "request timed out")
        } else if source.is_connect() {
            (ErrorKind::Connect, "could not connect to the server")
        } else if source.is_body() || source.is_decode() {
            (ErrorKind::Transport, "could not read the response body")
        } else if source.is_builder() {
            (ErrorKind::InvalidInput, "could not build the request")
        } else {
            (ErrorKind::Transport, "the request failed")
        };
        let status = source.status();
        let mut error = Error::new(kind, message).with_source(source);
        error.inner.status = status;
        error
    }

    /// What kind of failure this is.
    pub fn kind(&self) -> ErrorKind {
        self.inner.kind
    }

    /// The HTTP status of an error answer from the server.
    pub fn status(&self) -> Option<StatusCode> {
        self.inner.status
    }

    /// The `code` field of an Appwrite error body (usually the HTTP status).
    pub fn code(&self) -> Option<i64> {
        self.inner.details.code
    }

    /// The `type` field of an Appwrite error body, such as
    /// `document_not_found`.
    pub fn error_type(&self) -> Option<&str> {
        self.inner.details.error_type.as_deref()
    }

    /// A human-readable message: the server's message for an error answer,
    /// or a short description of what failed.
    pub fn message(&self) -> &str {
        &self.inner.message
    }

    /// The raw response body of an error answer or of an undecodable response.
    pub fn body(&self) -> Option<&str> {
        self.inner.details.body.as_deref()
    }

    /// The name of the type a response could not be decoded into.
    pub fn model(&self) -> Option<&str> {
        self.inner.details.model.as_deref()
    }

    /// The path of the field that could not be decoded (`.` for the root).
    pub fn field_path(&self) -> Option<&str> {
        self.inner.details.path.as_deref()
    }

    /// Whether the server answered with an error status.
    pub fn is_api(&self) -> bool {
        self.kind() == ErrorKind::Api
    }

    /// Whether the request timed out.
    pub fn is_timeout(&self) -> bool {
        self.kind() == ErrorKind::Timeout
    }

    /// Whether no connection could be made.
    pub fn is_connect(&self) -> bool {
        self.kind() == ErrorKind::Connect
    }

    /// Whether the response could not be decoded.
    pub fn is_decode(&self) -> bool {
        self.kind() == ErrorKind::Decode
    }

    /// Whether the caller gave input that cannot be sent.
    pub fn is_invalid_input(&self) -> bool {
        self.kind() == ErrorKind::InvalidInput
    }

    /// Whether the client configuration is invalid.
    pub fn is_config(&self) -> bool {
        self.kind() == ErrorKind::Config
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        if let Some(context) = &inner.context {
            write!(f, "{context}: ")?;
        }
        match inner.kind {
            ErrorKind::Api => {
                let status = inner.status.map_or(0, |status| status.as_u16());
                write!(f, "server answered {status}")?;
                if let Some(error_type) = &inner.details.error_type {
                    write!(f, " ({error_type})")?;
                }
                write!(f, ": {}", inner.message)
            }
            ErrorKind::Decode => {
                let model = inner.details.model.as_deref().unwrap_or("the response");
                let path = inner.details.path.as_deref().unwrap_or(".");
                write!(f, "could not decode {model} at `{path}`: {}", inner.message)
            }
            ErrorKind::InvalidInput => write!(f, "invalid input: {}", inner.message),
            ErrorKind::Config => write!(f, "invalid client configuration: {}", inner.message),
            _ => f.write_str(&inner.message),
        }
    }
}

impl fmt::Debug for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let inner = &self.inner;
        let mut debug = f.debug_struct("Error");
        debug.field("kind", &inner.kind);
        debug.field("message", &inner.message);
        if let Some(context) = &inner.context {
            debug.field("context", context);
        }
        if let Some(status) = inner.status {
            debug.field("status", &status);
        }
        let details = &inner.details;
        if let Some(code) = details.code {
            debug.field("code", &code);
        }
        if let Some(error_type) = &details.error_type {
            debug.field("type", error_type);
        }
        if let Some(model) = &details.model {
            debug.field("model", model);
        }
        if let Some(path) = &details.path {
            debug.field("path", path);
        }
        if let Some(source) = &inner.source {
            debug.field("source", source);
        }
        debug.finish()
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.inner
            .source
            .as_deref()
            .map(|source| source as &(dyn std::error::Error + 'static))
    }
}
