{#- Context: `ModTemplate` in codegen/src/render.rs. The `mod.rs` of one generated folder. -#}
{% for line in docs %}{{ crate::render::inner_doc(line) }}
{% endfor %}
{% for module in modules %}
{% if public_modules %}pub {% endif %}mod {{ module.module }};
{% endfor %}

{% for module in modules %}
pub use {{ module.module }}::{{ module.type_name }};
{% endfor %}
{% if !services.is_empty() %}

/// What awaiting a request builder gives: a boxed future of the decoded response.
pub(crate) type ResponseFuture<T> =
    std::pin::Pin<Box<dyn std::future::Future<Output = crate::Result<T>> + Send + 'static>>;

/// The `X-Appwrite-Response-Format` this SDK's models follow.
pub(crate) const RESPONSE_FORMAT: &str = "{{ response_format }}";

impl crate::Client {
{% for service in services %}
    /// The {{ service.type_name }} service, sending its requests through this client.
    pub fn {{ service.module }}(&self) -> {{ service.type_name }} {
        {{ service.type_name }}::new(self.clone())
    }
{% endfor %}
}
{% endif %}
