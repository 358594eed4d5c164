//! Deserialisation helpers used by the generated models.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{MapAccessDeserializer, MapDeserializer};
use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

/// Deserialises an object, accepting `[]` as an empty object: Appwrite sends
/// `[]` for empty preferences. Use with
/// `#[serde(deserialize_with = "crate::serde_helpers::object_or_empty_array")]`.
pub fn object_or_empty_array<'de, D, T>(deserializer: D) -> Result<T, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_any(ObjectOrEmptyArray(PhantomData))
}

/// Like [`object_or_empty_array`] for an `Option`: `null` (or an absent
/// field, with `#[serde(default)]`) becomes `None`.
pub fn option_object_or_empty_array<'de, D, T>(deserializer: D) -> Result<Option<T>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_option(OptionalObject(PhantomData))
}

struct ObjectOrEmptyArray<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for ObjectOrEmptyArray<T> {
    type Value = T;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object or an empty array")
    }

    fn visit_map<A: MapAccess<'de>>(self, map: A) -> Result<T, A::Error> {
        T::deserialize(MapAccessDeserializer::new(map))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<T, A::Error> {
        if seq.next_element::<IgnoredAny>()?.is_some() {
            return Err(de::Error::invalid_length(1, &"an object or an empty array"));
        }
        T::deserialize(MapDeserializer::<_, A::Error>::new(std::iter::empty::<(
            (),
            (),
        )>()))
    }
}

struct OptionalObject<T>(PhantomData<T>);

impl<'de, T: Deserialize<'de>> Visitor<'de> for OptionalObject<T> {
    type Value = Option<T>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object, an empty array or null")
    }

    fn visit_none<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_unit<E: de::Error>(self) -> Result<Option<T>, E> {
        Ok(None)
    }

    fn visit_some<D: Deserializer<'de>>(self, deserializer: D) -> Result<Option<T>, D::Error> {
        object_or_empty_array(deserializer).map(Some)
    }
}

#[cfg(test)]
mod tests {
    use std::collections::BTreeMap;

    use serde::Deserialize;

    #[derive(Deserialize)]
    struct Prefs {
        #[serde(deserialize_with = "super::object_or_empty_array")]
        prefs: BTreeMap<String, serde_json::Value>,
    }

    #[test]
    fn empty_array_is_an_empty_object() {
        let decoded: Result<Prefs, _> = serde_json::from_str(r#"{"prefs":[]}"#);
        assert!(decoded.is_ok_and(|decoded| decoded.prefs.is_empty()));
        let decoded: Result<Prefs, _> = serde_json::from_str(r#"{"prefs":{"a":1}}"#);
        assert!(decoded.is_ok_and(|decoded| decoded.prefs.len() == 1));
        let decoded: Result<Prefs, _> = serde_json::from_str(r#"{"prefs":[1]}"#);
        assert!(decoded.is_err());
    }
}
