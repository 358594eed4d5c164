//! [`Query`]: the filters, orders and pages that list methods accept, in
//! Appwrite's JSON query format (`{"method":...,"attribute":...,"values":[...]}`).

use std::fmt;

use serde::Serialize;
use serde_json::Value;

/// One query, such as `Query::equal("status", "open")` or
/// `Query::limit(25)`.
///
/// Methods taking `queries` accept a `Query` directly (it converts into the
/// `String` the server expects):
///
/// ```
/// use appwrite::Query;
///
/// let query = Query::or([Query::equal("a", 1), Query::less_than("b", 2.5)]);
/// assert_eq!(
///     query.to_string(),
///     r#"{"method":"or","values":[{"method":"equal","attribute":"a","values":[1]},{"method":"lessThan","attribute":"b","values":[2.5]}]}"#
/// );
/// ```
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Query {
    method: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    attribute: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    values: Option<Vec<Item>>,
}

/// One entry of `values`: a plain value, or a nested query written as an
/// object with its keys in the server's order.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(untagged)]
enum Item {
    Value(Value),
    Query(Query),
}

/// One value compared by a query: a string, an integer, a float or a
/// boolean.
#[derive(Debug, Clone, PartialEq)]
pub struct QueryValue(Value);

macro_rules! query_value_from {
    ($($source:ty),*) => {$(
        impl From<$source> for QueryValue {
            fn from(value: $source) -> Self {
                QueryValue(Value::from(value))
            }
        }
    )*};
}

query_value_from!(
    &str, String, bool, i8, i16, i32, i64, u8, u16, u32, u64, f32, f64
);

impl From<&String> for QueryValue {
    fn from(value: &String) -> Self {
        QueryValue(Value::String(value.clone()))
    }
}

/// One value or a list of values a query compares against: a single value
/// (`"a"`, `1`, `true`) or a `Vec`, array or slice of them.
pub trait QueryValues {
    /// The values as JSON.
    fn into_values(self) -> Vec<Value>;
}

impl<T: Into<QueryValue>> QueryValues for T {
    fn into_values(self) -> Vec<Value> {
        vec![self.into().0]
    }
}

impl<T: Into<QueryValue>> QueryValues for Vec<T> {
    fn into_values(self) -> Vec<Value> {
        self.into_iter().map(|value| value.into().0).collect()
    }
}

impl<T: Into<QueryValue>, const N: usize> QueryValues for [T; N] {
    fn into_values(self) -> Vec<Value> {
        self.into_iter().map(|value| value.into().0).collect()
    }
}

impl<T: Into<QueryValue> + Clone> QueryValues for &[T] {
    fn into_values(self) -> Vec<Value> {
        self.iter().cloned().map(|value| value.into().0).collect()
    }
}

impl Query {
    fn new(method: &'static str, attribute: Option<String>, values: Option<Vec<Value>>) -> Self {
        Query {
            method,
            attribute,
            values: values.map(|values| values.into_iter().map(Item::Value).collect()),
        }
    }

    fn compare(method: &'static str, attribute: impl Into<String>, values: Vec<Value>) -> Self {
        Query::new(method, Some(attribute.into()), Some(values))
    }

    /// Attribute equals the value (or any of the values).
    pub fn equal(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("equal", attribute, value.into_values())
    }

    /// Attribute differs from the value.
    pub fn not_equal(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("notEqual", attribute, value.into_values())
    }

    /// Attribute is less than the value.
    pub fn less_than(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("lessThan", attribute, value.into_values())
    }

    /// Attribute is less than or equal to the value.
    pub fn less_than_equal(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("lessThanEqual", attribute, value.into_values())
    }

    /// Attribute is greater than the value.
    pub fn greater_than(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("greaterThan", attribute, value.into_values())
    }

    /// Attribute is greater than or equal to the value.
    pub fn greater_than_equal(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("greaterThanEqual", attribute, value.into_values())
    }

    /// Attribute is null.
    pub fn is_null(attribute: impl Into<String>) -> Self {
        Query::new("isNull", Some(attribute.into()), None)
    }

    /// Attribute is not null.
    pub fn is_not_null(attribute: impl Into<String>) -> Self {
        Query::new("isNotNull", Some(attribute.into()), None)
    }

    /// Attribute lies between `start` and `end`, both included.
    pub fn between(
        attribute: impl Into<String>,
        start: impl Into<QueryValue>,
        end: impl Into<QueryValue>,
    ) -> Self {
        let values = vec![start.into().0, end.into().0];
        Query::compare("between", attribute, values)
    }

    /// Attribute starts with the text.
    pub fn starts_with(attribute: impl Into<String>, value: impl Into<String>) -> Self {
        Query::compare("startsWith", attribute, vec![Value::String(value.into())])
    }

    /// Attribute ends with the text.
    pub fn ends_with(attribute: impl Into<String>, value: impl Into<String>) -> Self {
        Query::compare("endsWith", attribute, vec![Value::String(value.into())])
    }

    /// Full-text search of the attribute (needs a full-text index).
    pub fn search(attribute: impl Into<String>, value: impl Into<String>) -> Self {
        Query::compare("search", attribute, vec![Value::String(value.into())])
    }

    /// Attribute (an array or a string) contains the value or any of the values.
    pub fn contains(attribute: impl Into<String>, value: impl QueryValues) -> Self {
        Query::compare("contains", attribute, value.into_values())
    }

    /// Returns only these attributes.
    pub fn select<I, S>(attributes: I) -> Self
    where
        I: IntoIterator<Item = S>,
        S: Into<String>,
    {
        let values = attributes
            .into_iter()
            .map(|attribute| Value::String(attribute.into()))
            .collect();
        Query::new("select", None, Some(values))
    }

    /// Sorts by the attribute, ascending.
    pub fn order_asc(attribute: impl Into<String>) -> Self {
        Query::new("orderAsc", Some(attribute.into()), None)
    }

    /// Sorts by the attribute, descending.
    pub fn order_desc(attribute: impl Into<String>) -> Self {
        Query::new("orderDesc", Some(attribute.into()), None)
    }

    /// Returns the results before the document with this ID.
    pub fn cursor_before(document_id: impl Into<String>) -> Self {
        Query::new(
            "cursorBefore",
            None,
            Some(vec![Value::String(document_id.into())]),
        )
    }

    /// Returns the results after the document with this ID.
    pub fn cursor_after(document_id: impl Into<String>) -> Self {
        Query::new(
            "cursorAfter",
            None,
            Some(vec![Value::String(document_id.into())]),
        )
    }

    /// Returns at most this many results.
    pub fn limit(limit: u64) -> Self {
        Query::new("limit", None, Some(vec![Value::from(limit)]))
    }

    /// Skips this many results.
    pub fn offset(offset: u64) -> Self {
        Query::new("offset", None, Some(vec![Value::from(offset)]))
    }

    /// Any of the queries matches.
    pub fn or(queries: impl IntoIterator<Item = Query>) -> Self {
        Query::nested("or", queries)
    }

    /// Every one of the queries matches.
    pub fn and(queries: impl IntoIterator<Item = Query>) -> Self {
        Query::nested("and", queries)
    }

    fn nested(method: &'static str, queries: impl IntoIterator<Item = Query>) -> Self {
        Query {
            method,
            attribute: None,
            values: Some(queries.into_iter().map(Item::Query).collect()),
        }
    }

    /// The query as JSON.
    pub fn to_json(&self) -> Value {
        serde_json::to_value(self).unwrap_or(Value::Null)
    }
}

impl fmt::Display for Query {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = serde_json::to_string(self).map_err(|_| fmt::Error)?;
        f.write_str(&text)
    }
}

impl From<Query> for String {
    fn from(query: Query) -> Self {
        query.to_string()
    }
}

impl From<&Query> for String {
    fn from(query: &Query) -> Self {
        query.to_string()
    }
}
