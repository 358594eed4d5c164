//! Named enums from `x-enum-name` and `x-enum-keys`, collected while lowering parameters.

use std::collections::{BTreeMap, BTreeSet};

use openapiv3::Schema;
use serde_json::Value;

use crate::docs;
use crate::model::{Enum, Variant};
use crate::naming;

/// The name kept free for the variant that holds unknown values.
const UNKNOWN: &str = "Unknown";

/// Every named enum seen so far, by type name.
#[derive(Debug, Default)]
pub struct EnumRegistry {
    entries: BTreeMap<String, Entry>,
}

#[derive(Debug, Default)]
struct Entry {
    spec_name: String,
    values: Vec<String>,
    keys: BTreeMap<String, String>,
    pointers: BTreeSet<String>,
}

impl EnumRegistry {
    /// Registers the enum of a string schema and returns its Rust type name: the name
    /// `x-enum-name` gives, or else one derived from the parameter's `fallback_name`.
    /// The same name seen twice gathers the values of both.
    pub fn register(
        &mut self,
        schema: &Schema,
        values: &[String],
        fallback_name: &str,
        pointer: &str,
    ) -> Option<String> {
        if values.is_empty() {
            return None;
        }
        let spec_name = match schema.schema_data.extensions.get("x-enum-name") {
            Some(Value::String(name)) if !name.is_empty() => name.clone(),
            _ => naming::pascal(fallback_name.trim_start_matches("r#")),
        };
        let type_name = naming::pascal(&spec_name);
        let keys = enum_keys(schema);
        let entry = self.entries.entry(type_name.clone()).or_default();
        entry.spec_name = spec_name;
        entry.pointers.insert(pointer.to_string());
        for (index, value) in values.iter().enumerate() {
            if !entry.values.contains(value) {
                entry.values.push(value.clone());
            }
            if let Some(key) = keys.get(index).filter(|key| !key.trim().is_empty()) {
                entry
                    .keys
                    .entry(value.clone())
                    .or_insert_with(|| key.clone());
            }
        }
        Some(type_name)
    }

    /// The collected enums, in type-name order.
    pub fn into_enums(self) -> Vec<Enum> {
        let mut enums: Vec<Enum> = self
            .entries
            .into_iter()
            .map(|(type_name, entry)| lower_enum(type_name, entry))
            .collect();
        enums.sort_by(|left, right| left.module.cmp(&right.module));
        enums
    }
}

fn enum_keys(schema: &Schema) -> Vec<String> {
    match schema.schema_data.extensions.get("x-enum-keys") {
        Some(Value::Array(keys)) => keys
            .iter()
            .map(|key| key.as_str().unwrap_or_default().to_string())
            .collect(),
        _ => Vec::new(),
    }
}

fn lower_enum(type_name: String, entry: Entry) -> Enum {
    let mut taken = BTreeSet::from([UNKNOWN.to_string()]);
    let variants = entry
        .values
        .iter()
        .map(|value| {
            let key = entry.keys.get(value).unwrap_or(value);
            let mut name = naming::pascal(key);
            while !taken.insert(name.clone()) {
                name.push_str("Value");
            }
            Variant {
                name,
                value: value.clone(),
            }
        })
        .collect();
    let used_at = entry
        .pointers
        .iter()
        .cloned()
        .collect::<Vec<_>>()
        .join(", ");
    Enum {
        module: naming::module(&type_name),
        docs: docs::join(vec![
            docs::lines(&format!(
                "The values of `{}` that this SDK knows.",
                entry.spec_name
            )),
            docs::lines(&format!(
                "A value added by a newer server is kept in `Unknown`. Used at {used_at}."
            )),
        ]),
        type_name,
        variants,
    }
}
