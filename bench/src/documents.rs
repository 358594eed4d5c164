//! The documents of the list benchmarks: a deterministic JSON list, the user's
//! attribute type for the SDK's `Document<T>`, and the structs a hand-written
//! client would declare for the same JSON.

use serde::Deserialize;
use serde_json::{Value, json};

/// The user's own attributes of one document, as an SDK user declares them.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct Item {
    /// A short text.
    pub title: String,
    /// A counter.
    pub count: i64,
    /// A price.
    pub price: f64,
    /// Labels.
    pub tags: Vec<String>,
    /// Whether the item is done.
    pub done: bool,
}

/// A document list as a hand-written client declares it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlainDocumentList {
    /// How many documents matched.
    pub total: i64,
    /// The documents.
    pub documents: Vec<PlainDocument>,
}

/// One document as a hand-written client declares it: metadata and attributes
/// side by side.
#[derive(Debug, Clone, PartialEq, Deserialize)]
pub struct PlainDocument {
    /// Document ID.
    #[serde(rename = "$id")]
    pub id: String,
    /// Collection ID.
    #[serde(rename = "$collectionId")]
    pub collection_id: String,
    /// Database ID.
    #[serde(rename = "$databaseId")]
    pub database_id: String,
    /// Creation date.
    #[serde(rename = "$createdAt")]
    pub created_at: String,
    /// Update date.
    #[serde(rename = "$updatedAt")]
    pub updated_at: String,
    /// Permissions.
    #[serde(rename = "$permissions")]
    pub permissions: Vec<String>,
    /// A short text.
    pub title: String,
    /// A counter.
    pub count: i64,
    /// A price.
    pub price: f64,
    /// Labels.
    pub tags: Vec<String>,
    /// Whether the item is done.
    pub done: bool,
}

/// The JSON of a list of `count` documents; the same bytes for the same count.
pub fn list_json(count: usize) -> Vec<u8> {
    let documents: Vec<Value> = (0..count).map(document_json).collect();
    let list = json!({ "total": count, "documents": documents });
    list.to_string().into_bytes()
}

fn document_json(index: usize) -> Value {
    json!({
        "$id": format!("document-{index:06}"),
        "$collectionId": "items",
        "$databaseId": "bench",
        "$createdAt": "2024-01-02T03:04:05.678+00:00",
        "$updatedAt": "2024-06-07T08:09:10.111+00:00",
        "$permissions": ["read(\"any\")", format!("update(\"user:{}\")", index % 97)],
        "title": format!("Item number {index} of the benchmark list"),
        "count": index * 7,
        "price": (index % 1000) as f64 * 0.25,
        "tags": ["bench", format!("group-{}", index % 13)],
        "done": matches!(index % 3, 0),
    })
}

/// The JSON of the locale answer.
pub fn locale_json() -> Vec<u8> {
    let locale = json!({
        "ip": "127.0.0.1",
        "countryCode": "DE",
        "country": "Germany",
        "continentCode": "EU",
        "continent": "Europe",
        "eu": true,
        "currency": "EUR",
    });
    locale.to_string().into_bytes()
}

/// The locale as a hand-written client declares it.
#[derive(Debug, Clone, PartialEq, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct PlainLocale {
    /// User IP address.
    pub ip: String,
    /// Country code.
    pub country_code: String,
    /// Country name.
    pub country: String,
    /// Continent code.
    pub continent_code: String,
    /// Continent name.
    pub continent: String,
    /// Whether the country is in the European Union.
    pub eu: bool,
    /// Suggested currency.
    pub currency: String,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn both_shapes_decode_the_same_list() {
        let json = list_json(3);
        let sdk: appwrite::models::DocumentList<Item> = serde_json::from_slice(&json).unwrap();
        let plain: PlainDocumentList = serde_json::from_slice(&json).unwrap();
        assert_eq!(sdk.documents.len(), 3);
        assert_eq!(sdk.documents[2].id, plain.documents[2].id);
        assert_eq!(sdk.documents[2].data.title, plain.documents[2].title);
    }
}
