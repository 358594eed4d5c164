{#- Context: `EnumTemplate` in codegen/src/render.rs. One `x-enum-name` enum. -#}
{% for line in enumeration.docs %}{{ crate::render::doc(line) }}
{% endfor %}
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum {{ enumeration.type_name }} {
{% for variant in enumeration.variants %}
    /// `{{ variant.value }}`
    {{ variant.name }},
{% endfor %}
    /// A value this version of the SDK does not know, kept as sent.
    Unknown(String),
}

impl {{ enumeration.type_name }} {
    /// The value as the API spells it.
    pub fn as_str(&self) -> &str {
        match self {
{% for variant in enumeration.variants %}
            Self::{{ variant.name }} => "{{ variant.value }}",
{% endfor %}
            Self::Unknown(value) => value,
        }
    }
}

impl From<&str> for {{ enumeration.type_name }} {
    fn from(value: &str) -> Self {
        match value {
{% for variant in enumeration.variants %}
            "{{ variant.value }}" => Self::{{ variant.name }},
{% endfor %}
            other => Self::Unknown(other.to_string()),
        }
    }
}

impl std::str::FromStr for {{ enumeration.type_name }} {
    type Err = std::convert::Infallible;

    fn from_str(value: &str) -> Result<Self, Self::Err> {
        Ok(Self::from(value))
    }
}

impl std::fmt::Display for {{ enumeration.type_name }} {
    fn fmt(&self, formatter: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        formatter.write_str(self.as_str())
    }
}

impl serde::Serialize for {{ enumeration.type_name }} {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

impl<'de> serde::Deserialize<'de> for {{ enumeration.type_name }} {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = std::borrow::Cow::<'de, str>::deserialize(deserializer)?;
        Ok(Self::from(value.as_ref()))
    }
}
