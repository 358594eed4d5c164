{#- Context: `ModelTemplate` in codegen/src/render.rs. One component schema. -#}
{% for line in model.docs %}{{ crate::render::doc(line) }}
{% endfor %}
{% if model.generic %}
///
/// `T` is the type of the user's own data; it is a JSON map unless you choose one.
{% endif %}
{% if model.data == DataKind::Flattened %}
#[derive(Debug, Clone, PartialEq, serde::Serialize)]
{% else %}
#[derive(Debug, Clone, PartialEq, serde::Serialize, serde::Deserialize)]
{% endif %}
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
{% if model.data == DataKind::Flattened %}

/// The declared fields of [`{{ model.type_name }}`], filled while the user's data is decoded.
#[derive(Default)]
struct {{ model.type_name }}Fields {
{% for field in model.fields %}
{% if field.optional %}
    {{ field.name }}: {{ field.rust_type }},
{% else %}
    {{ field.name }}: Option<{{ field.rust_type }}>,
{% endif %}
{% endfor %}
}

impl<'de> crate::open_object::DeclaredFields<'de> for {{ model.type_name }}Fields {
    fn take<A: serde::de::MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
        match key {
{% for field in model.fields %}
{% if let Some(path) = field.deserialize_with %}
            "{{ field.wire_name }}" => {
                let value: serde_json::Value = map.next_value()?;
                let field = {{ path }}(value).map_err(serde::de::Error::custom)?;
{% if field.optional %}
                self.{{ field.name }} = field;
{% else %}
                self.{{ field.name }} = Some(field);
{% endif %}
            }
{% else if field.optional %}
            "{{ field.wire_name }}" => self.{{ field.name }} = map.next_value()?,
{% else %}
            "{{ field.wire_name }}" => self.{{ field.name }} = Some(map.next_value()?),
{% endif %}
{% endfor %}
            _ => return Ok(false),
        }
        Ok(true)
    }
}

impl<'de, T: serde::Deserialize<'de>> serde::Deserialize<'de> for {{ model.type_name }}<T> {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let (fields, data) = crate::open_object::split_object::<D, {{ model.type_name }}Fields, T>(deserializer)?;
        Ok(Self {
{% for field in model.fields %}
{% if field.optional %}
            {{ field.name }}: fields.{{ field.name }},
{% else %}
            {{ field.name }}: crate::open_object::required(fields.{{ field.name }}, "{{ field.wire_name }}")?,
{% endif %}
{% endfor %}
            data,
        })
    }
}
{% endif %}
