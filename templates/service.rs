{#- Context: `ServiceTemplate` in codegen/src/render.rs. One service (a tag of the spec). -#}
{# Method names and argument lists come from the spec, not from Rust's conventions. #}
{% for line in service.docs %}{{ crate::render::inner_doc(line) }}
{% endfor %}
//!
//! [`{{ service.type_name }}`] holds one method per operation; each returns a request
//! builder of this module, whose setters take the optional parameters.
#![allow(clippy::too_many_arguments, clippy::wrong_self_convention)]

use super::ResponseFuture;
use crate::Client;
use crate::request::{ApiRequest, BodyKind};

{% for line in service.docs %}{{ crate::render::doc(line) }}
{% endfor %}
#[derive(Debug, Clone)]
pub struct {{ service.type_name }} {
    client: Client,
}

impl {{ service.type_name }} {
    /// The service, sending its requests through `client`.
    pub fn new(client: Client) -> Self {
        Self { client }
    }
{% for method in service.methods %}

{% for line in method.docs %}{{ crate::render::doc(line) }}
{% endfor %}
{% if method.deprecated %}#[deprecated]
{% endif %}
    pub fn {{ method.name }}{% if method.generic %}<T: serde::de::DeserializeOwned>{% endif %}(&self{% for parameter in method.required() %}, {{ parameter.name }}: {{ parameter.shape.argument }}{% endfor %}) -> {{ method.builder }}{% if method.generic %}<T>{% endif %} {
        {{ method.builder }} {
            client: self.client.clone(),
{% for parameter in method.parameters %}
{% if parameter.required && parameter.shape.convert == parameter.name %}
            {{ parameter.name }},
{% else if parameter.required %}
            {{ parameter.name }}: {{ parameter.shape.convert }},
{% else %}
            {{ parameter.name }}: None,
{% endif %}
{% endfor %}
{% if method.kind == MethodKind::Upload %}
            progress: None,
            resume: false,
{% endif %}
{% if method.generic %}
            response_type: std::marker::PhantomData,
{% endif %}
        }
    }
{% endfor %}
}
{% for method in service.methods %}

/// The request of [`{{ service.type_name }}::{{ method.name }}`]: set optional parameters, then `.await` it.
#[must_use = "a request does nothing until it is awaited"]
pub struct {{ method.builder }}{% if method.generic %}<T = serde_json::Map<String, serde_json::Value>>{% endif %} {
    client: Client,
{% for parameter in method.parameters %}
{% if parameter.required %}
    {{ parameter.name }}: {{ parameter.shape.stored }},
{% else %}
    {{ parameter.name }}: Option<{{ parameter.shape.stored }}>,
{% endif %}
{% endfor %}
{% if method.kind == MethodKind::Upload %}
    progress: Option<crate::upload::ProgressCallback>,
    resume: bool,
{% endif %}
{% if method.generic %}
    response_type: std::marker::PhantomData<fn() -> T>,
{% endif %}
}

impl{% if method.generic %}<T: serde::de::DeserializeOwned + Send + 'static>{% endif %} {{ method.builder }}{% if method.generic %}<T>{% endif %} {
{% for parameter in method.optional() %}
{% for line in parameter.docs %}    {{ crate::render::doc(line) }}
{% endfor %}
    pub fn {{ parameter.name }}(mut self, {{ parameter.name }}: {{ parameter.shape.argument }}) -> Self {
        self.{{ parameter.name }} = Some({{ parameter.shape.convert }});
        self
    }

{% endfor %}
{% if method.kind == MethodKind::Upload %}
    /// Calls `callback` after each chunk is sent (once for a file sent in one request).
    pub fn on_progress(mut self, callback: impl FnMut(crate::UploadProgress) + Send + 'static) -> Self {
        self.progress = Some(Box::new(callback));
        self
    }

    /// Resumes an interrupted upload of the same file id: asks the server which chunks it
    /// holds and sends only the rest.
    pub fn resume(mut self) -> Self {
        self.resume = true;
        self
    }

{% endif %}
    fn request(&self) -> ApiRequest {
{% for segment in method.path_segments %}
        let {{ segment.local }} = crate::request::encode_segment({{ segment.value }});
{% endfor %}
{% if method.path_segments.is_empty() %}
        let path = "{{ method.path_format }}".to_string();
{% else %}
        let path = format!("{{ method.path_format }}");
{% endif %}
        ApiRequest::new(reqwest::Method::{{ method.http_method }}, path, BodyKind::{{ method.body_kind }})
{% for parameter in method.parameters %}
{% if parameter.location == Location::Query %}
            .query("{{ parameter.wire_name }}", &self.{{ parameter.name }})
{% else if parameter.location == Location::Body %}
            .body("{{ parameter.wire_name }}", &self.{{ parameter.name }})
{% endif %}
{% endfor %}
{% if method.kind == MethodKind::Graphql %}
            .header("x-sdk-graphql", "true")
{% endif %}
    }

{% match method.kind %}
{% when MethodKind::Json | MethodKind::Graphql %}
    /// Sends the request and decodes the response.
    pub async fn send(self) -> crate::Result<{{ method.response }}> {
        self.client.execute_json(self.request()).await
    }
{% when MethodKind::Empty %}
    /// Sends the request; the response has no content.
    pub async fn send(self) -> crate::Result<()> {
        self.client.execute_empty(self.request()).await
    }
{% when MethodKind::Location %}
    /// Sends the request and returns the whole body, whatever its content type.
    pub async fn send(self) -> crate::Result<bytes::Bytes> {
        self.client.execute_bytes(self.request()).await
    }

    /// Sends the request and returns the body as a stream of chunks.
    pub async fn stream(self) -> crate::Result<crate::ByteStream> {
        self.client.execute_stream(self.request()).await
    }

    /// The URL of this request, with the project and every parameter; nothing is sent.
    pub fn url(&self) -> crate::Result<url::Url> {
        self.client.request_url(&self.request())
    }
{% when MethodKind::WebAuth %}
    /// The URL to send the user to, with the project and every parameter; nothing is sent.
    pub fn url(&self) -> crate::Result<url::Url> {
        self.client.request_url(&self.request())
    }

    /// Builds the URL, like [`Self::url`]; nothing is sent.
    pub async fn send(self) -> crate::Result<url::Url> {
        self.url()
    }
{% when MethodKind::Upload %}
{% if let Some(upload) = method.upload %}
    /// Uploads the file, in chunks when it is larger than one, and decodes the response.
    pub async fn send(mut self) -> crate::Result<{{ method.response }}> {
        let request = self.request();
        let upload = crate::upload::Upload::new(self.{{ crate::render::file_field(method) }}, "{{ upload.file }}", "{{ upload.id }}")
            .progress(self.progress.take())
            .resume(self.resume);
        self.client.execute_upload(request, upload).await
    }
{% endif %}
{% endmatch %}
}

impl{% if method.generic %}<T: serde::de::DeserializeOwned + Send + 'static>{% endif %} std::future::IntoFuture for {{ method.builder }}{% if method.generic %}<T>{% endif %} {
    type Output = crate::Result<{{ method.response }}>;
    type IntoFuture = ResponseFuture<{{ method.response }}>;

    fn into_future(self) -> Self::IntoFuture {
        Box::pin(self.send())
    }
}
{% endfor %}
