{#- Context: `ModelTemplate` in codegen/src/render.rs. One component schema. -#}
{% for line in model.docs %}{{ crate::render::doc(line) }}
{% endfor %}
{% if model.generic %}
///
/// `T` is the type of the user's own data; it is a JSON map unless you choose one.
{% endif %}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
{% if model.data == DataKind::Whole %}
#[serde(transparent)]
{% endif %}
{% if model.generic %}
#[serde(bound(serialize = "T: serde::Serialize", deserialize = "T: serde::de::DeserializeOwned"))]
pub struct {{ model.type_name }}<T = serde_json::Map<String, serde_json::Value>> {
{% else %}
pub struct {{ model.type_name }} {
{% endif %}
{% for field in model.fields %}
{% for line in field.docs %}    {{ crate::render::doc(line) }}
{% endfor %}
    #[serde(rename = "{{ field.wire_name }}"{% if field.optional %}, default, skip_serializing_if = "Option::is_none"{% endif %}{% if let Some(path) = field.deserialize_with %}, deserialize_with = "{{ path }}"{% endif %})]
    pub {{ field.name }}: {{ field.rust_type }},
{% endfor %}
{% match model.data %}
{% when DataKind::Flattened %}
    /// The user's own attributes: every field not declared above.
    #[serde(flatten)]
    pub data: T,
{% when DataKind::Whole %}
    /// The user's own data: the whole object (`[]` is read as an empty object).
    #[serde(deserialize_with = "crate::serde_helpers::object_or_empty_array")]
    pub data: T,
{% else %}
{% endmatch %}
}
