//! Decoding user-data models (documents): the declared `$`-fields go to the model, every
//! other field goes straight to the user's type `T`, in one pass and without buffering.
//!
//! Used by generated code; hidden from the docs and not meant to be used directly.

use std::fmt;
use std::marker::PhantomData;

use serde::de::value::{BorrowedStrDeserializer, StringDeserializer};
use serde::de::{
    self, Deserialize, DeserializeSeed, Deserializer, IgnoredAny, IntoDeserializer, MapAccess,
    Visitor,
};

/// The declared fields of a user-data model, filled as their keys come by.
pub trait DeclaredFields<'de>: Default {
    /// Reads the value of `key` from `map` when `key` is a declared field, and says
    /// whether it was.
    fn take<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error>;
}

/// Reads one JSON object: declared fields into `F`, the rest into `T`.
pub fn split_object<'de, D, F, T>(deserializer: D) -> Result<(F, T), D::Error>
where
    D: Deserializer<'de>,
    F: DeclaredFields<'de>,
    T: Deserialize<'de>,
{
    deserializer.deserialize_map(SplitVisitor(PhantomData))
}

/// The value of a required declared field, or serde's missing-field error.
pub fn required<T, E: de::Error>(value: Option<T>, name: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(name))
}

struct SplitVisitor<F, T>(PhantomData<(F, T)>);

impl<'de, F: DeclaredFields<'de>, T: Deserialize<'de>> Visitor<'de> for SplitVisitor<F, T> {
    type Value = (F, T);

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("an object")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(F, T), A::Error> {
        let mut fields = F::default();
        let data = T::deserialize(RestOfObject {
            map: &mut map,
            fields: &mut fields,
        })?;

        // The user's type may stop reading early (a unit, say): read what is left.
        while let Some(key) = map.next_key::<String>()? {
            if !fields.take(&key, &mut map)? {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok((fields, data))
    }
}

/// The object as the user's type sees it: without the declared fields.
struct RestOfObject<'a, A, F> {
    map: &'a mut A,
    fields: &'a mut F,
}

impl<'de, A: MapAccess<'de>, F: DeclaredFields<'de>> Deserializer<'de> for RestOfObject<'_, A, F> {
    type Error = A::Error;

    fn deserialize_any<V: Visitor<'de>>(self, visitor: V) -> Result<V::Value, A::Error> {
        visitor.visit_map(self)
    }

    serde::forward_to_deserialize_any! {
        bool i8 i16 i32 i64 i128 u8 u16 u32 u64 u128 f32 f64 char str string bytes byte_buf
        option unit unit_struct newtype_struct seq tuple tuple_struct map struct enum
        identifier ignored_any
    }
}

impl<'de, A: MapAccess<'de>, F: DeclaredFields<'de>> MapAccess<'de> for RestOfObject<'_, A, F> {
    type Error = A::Error;

    fn next_key_seed<K: DeserializeSeed<'de>>(
        &mut self,
        seed: K,
    ) -> Result<Option<K::Value>, A::Error> {
        while let Some(key) = self.map.next_key_seed(KeySeed)? {
            if self.fields.take(key.as_str(), self.map)? {
                continue;
            }
            return match key {
                Key::Borrowed(key) => seed.deserialize(BorrowedStrDeserializer::new(key)),
                Key::Owned(key) => {
                    let key: StringDeserializer<A::Error> = key.into_deserializer();
                    seed.deserialize(key)
                }
            }
            .map(Some);
        }
        Ok(None)
    }

    fn next_value_seed<V: DeserializeSeed<'de>>(&mut self, seed: V) -> Result<V::Value, A::Error> {
        self.map.next_value_seed(seed)
    }
}

/// A key, borrowed from the input when it can be (no escapes), so that most keys cost
/// no allocation.
enum Key<'de> {
    Borrowed(&'de str),
    Owned(String),
}

impl Key<'_> {
    fn as_str(&self) -> &str {
        match self {
            Key::Borrowed(key) => key,
            Key::Owned(key) => key,
        }
    }
}

struct KeySeed;

impl<'de> DeserializeSeed<'de> for KeySeed {
    type Value = Key<'de>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Key<'de>, D::Error> {
        deserializer.deserialize_str(self)
    }
}

impl<'de> Visitor<'de> for KeySeed {
    type Value = Key<'de>;

    fn expecting(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str("a field name")
    }

    fn visit_borrowed_str<E: de::Error>(self, key: &'de str) -> Result<Key<'de>, E> {
        Ok(Key::Borrowed(key))
    }

    fn visit_str<E: de::Error>(self, key: &str) -> Result<Key<'de>, E> {
        Ok(Key::Owned(key.to_owned()))
    }

    fn visit_string<E: de::Error>(self, key: String) -> Result<Key<'de>, E> {
        Ok(Key::Owned(key))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[derive(Default)]
    struct Declared {
        id: Option<String>,
    }

    impl<'de> DeclaredFields<'de> for Declared {
        fn take<A: MapAccess<'de>>(&mut self, key: &str, map: &mut A) -> Result<bool, A::Error> {
            match key {
                "$id" => self.id = Some(map.next_value()?),
                _ => return Ok(false),
            }
            Ok(true)
        }
    }

    #[derive(Debug, PartialEq, serde::Deserialize)]
    struct Note {
        title: String,
    }

    fn split<T: serde::de::DeserializeOwned>(text: &str) -> serde_json::Result<(Declared, T)> {
        split_object(&mut serde_json::Deserializer::from_str(text))
    }

    #[test]
    fn declared_fields_and_user_fields_part_ways() -> serde_json::Result<()> {
        let (declared, note) = split::<Note>(r#"{"title":"a","$id":"d1","extra":1}"#)?;
        assert_eq!(declared.id.as_deref(), Some("d1"));
        assert_eq!(note, Note { title: "a".into() });
        Ok(())
    }

    #[test]
    fn a_user_field_named_data_is_just_data() -> serde_json::Result<()> {
        let (_, map) =
            split::<serde_json::Map<String, serde_json::Value>>(r#"{"$id":"d","data":{"x":1}}"#)?;
        assert_eq!(map["data"]["x"], 1);
        assert!(!map.contains_key("$id"));
        Ok(())
    }

    #[test]
    fn a_unit_user_type_still_reads_the_declared_fields() -> serde_json::Result<()> {
        let (declared, IgnoredAny) = split::<IgnoredAny>(r#"{"a":1,"$id":"d2"}"#)?;
        assert_eq!(declared.id.as_deref(), Some("d2"));
        Ok(())
    }

    #[test]
    fn escaped_keys_are_read_too() -> serde_json::Result<()> {
        let (declared, note) = split::<Note>(r#"{"\u0024id":"d3","t\u0069tle":"b"}"#)?;
        assert_eq!(declared.id.as_deref(), Some("d3"));
        assert_eq!(note.title, "b");
        Ok(())
    }

    #[test]
    fn wrong_shapes_are_errors() {
        assert!(split::<Note>("[]").is_err());
        assert!(split::<Note>(r#"{"$id":1,"title":"a"}"#).is_err());
        assert!(split::<Note>(r#"{"$id":"d"}"#).is_err());
    }
}
