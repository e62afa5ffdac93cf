//! A JSON body read with the keys an object gives more than once.
//! serde_json keeps the last of them and says nothing, so
//! `{"display_name": "Ana", "display_name": "Ben"}` would mean Ben to kith
//! and perhaps Ana to a proxy or a validator in front of it; `JsonBody`
//! refuses such a body instead (`422`, each repeated key at its path), as a
//! query parameter given twice is refused.

use std::fmt;

use serde::de::{DeserializeSeed, Deserializer, MapAccess, SeqAccess, Visitor};
use serde_json::{Map, Number, Value};

/// A JSON value, and the paths of the keys repeated in it, in the form of
/// field errors (`display_name`, `emails[0].address`).
pub struct Noted {
    pub value: Value,
    pub repeated: Vec<String>,
}

impl<'de> serde::Deserialize<'de> for Noted {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Noted, D::Error> {
        let mut repeated = Vec::new();
        let value = Read {
            at: &Step::Root,
            repeated: &mut repeated,
        }
        .deserialize(d)?;
        Ok(Noted { value, repeated })
    }
}

/// Where a value is, written out only when a key there is repeated.
enum Step<'p> {
    Root,
    Key(&'p Step<'p>, &'p str),
    Index(&'p Step<'p>, usize),
}

impl Step<'_> {
    fn path(&self) -> String {
        match self {
            Step::Root => String::new(),
            Step::Key(Step::Root, key) => key.to_string(),
            Step::Key(parent, key) => format!("{}.{key}", parent.path()),
            Step::Index(parent, n) => format!("{}[{n}]", parent.path()),
        }
    }
}

/// Reads the value at `at` as serde_json's `Value` does, noting repeats.
struct Read<'p, 'r> {
    at: &'p Step<'p>,
    repeated: &'r mut Vec<String>,
}

impl<'de> DeserializeSeed<'de> for Read<'_, '_> {
    type Value = Value;

    fn deserialize<D: Deserializer<'de>>(self, d: D) -> Result<Value, D::Error> {
        d.deserialize_any(self)
    }
}

impl<'de> Visitor<'de> for Read<'_, '_> {
    type Value = Value;

    fn expecting(&self, f: &mut fmt::Formatter) -> fmt::Result {
        f.write_str("a JSON value")
    }

    fn visit_bool<E>(self, v: bool) -> Result<Value, E> {
        Ok(Value::Bool(v))
    }

    fn visit_i64<E>(self, v: i64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_u64<E>(self, v: u64) -> Result<Value, E> {
        Ok(Value::Number(v.into()))
    }

    fn visit_f64<E>(self, v: f64) -> Result<Value, E> {
        Ok(Number::from_f64(v).map_or(Value::Null, Value::Number))
    }

    fn visit_str<E>(self, v: &str) -> Result<Value, E> {
        Ok(Value::String(v.to_owned()))
    }

    fn visit_string<E>(self, v: String) -> Result<Value, E> {
        Ok(Value::String(v))
    }

    fn visit_unit<E>(self) -> Result<Value, E> {
        Ok(Value::Null)
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Value, A::Error> {
        let mut items = Vec::new();
        loop {
            let at = Step::Index(self.at, items.len());
            let read = Read {
                at: &at,
                repeated: &mut *self.repeated,
            };
            match seq.next_element_seed(read)? {
                Some(item) => items.push(item),
                None => return Ok(Value::Array(items)),
            }
        }
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Value, A::Error> {
        let mut out = Map::new();
        while let Some(key) = map.next_key::<String>()? {
            let at = Step::Key(self.at, &key);
            let value = map.next_value_seed(Read {
                at: &at,
                repeated: &mut *self.repeated,
            })?;
            if out.contains_key(&key) {
                let path = at.path();
                if !self.repeated.contains(&path) {
                    self.repeated.push(path);
                }
            }
            out.insert(key, value);
        }
        Ok(Value::Object(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str) -> Noted {
        serde_json::from_str(text).expect("JSON")
    }

    #[test]
    fn reads_what_serde_json_reads_and_notes_each_repeated_key_once() {
        let text = r#"{"a": 1, "b": [{"c": true, "c": null}, {"c": 2.5}], "a": "x", "a": -3,
                       "d": {"e": {"f": [], "f": {}}}, "g": [[{"h": 1, "h": 2}]]}"#;
        let noted = read(text);
        let plain: Value = serde_json::from_str(text).expect("JSON");
        assert_eq!(noted.value, plain);
        assert_eq!(noted.repeated, ["b[0].c", "a", "d.e.f", "g[0][0].h"]);
    }

    #[test]
    fn the_same_key_in_different_objects_is_not_repeated() {
        let noted = read(r#"[{"address": "a@x.io"}, {"address": "b@x.io"}]"#);
        assert!(noted.repeated.is_empty());
        assert_eq!(noted.value[1]["address"], "b@x.io");
    }
}
