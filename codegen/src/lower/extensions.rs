//! Appwrite's `x-appwrite` extension on operations.

use serde::Deserialize;
use serde_json::Value;

/// The parts of `x-appwrite` the generator uses.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct XAppwrite {
    /// The SDK method name, such as `createEmailPasswordSession`.
    pub method: Option<String>,
    /// '' for JSON calls, `location`, `webAuth`, `upload` or `graphql`.
    #[serde(rename = "type")]
    pub kind: Option<String>,
    /// `true`, or (in newer specs) an object saying since when and what replaces it.
    pub deprecated: Option<Value>,
    /// One operation exposed as several SDK methods.
    pub methods: Option<Vec<XMethod>>,
}

/// One entry of `x-appwrite.methods`.
#[derive(Debug, Clone, Deserialize)]
pub struct XMethod {
    /// The SDK method name.
    pub name: String,
    /// The wire names of the parameters this method takes.
    #[serde(default)]
    pub parameters: Vec<String>,
    /// The wire names of those that are required.
    #[serde(default)]
    pub required: Vec<String>,
    /// The responses, each with a status code and a model reference.
    #[serde(default)]
    pub responses: Vec<XResponse>,
    /// What this method does, when it differs from the operation.
    pub description: Option<String>,
}

/// One response of an `x-appwrite.methods` entry (its status code is not needed).
#[derive(Debug, Clone, Deserialize)]
pub struct XResponse {
    /// A `#/components/schemas/...` reference, when the response has a body.
    pub model: Option<String>,
}

impl XAppwrite {
    /// Whether the operation is deprecated, and any note about what replaces it.
    pub fn deprecation(&self) -> Option<String> {
        match &self.deprecated {
            Some(Value::Bool(true)) => Some(String::new()),
            Some(Value::Object(details)) => {
                let replacement = details.get("replaceWith").and_then(Value::as_str);
                Some(replacement.map_or_else(String::new, |name| format!("use `{name}` instead")))
            }
            _ => None,
        }
    }
}
