//! JSON written by hand for the hottest responses (contacts, in pages and
//! by id). serde's derived `Serialize` escapes every key byte by byte and
//! checks every byte of every value; here keys are literals and a string
//! with nothing to escape is copied whole. Each writer writes exactly the
//! bytes serde_json writes for the same value (tests below, and the
//! contact's own test in `contacts::model`).

use crate::time::Timestamp;

/// A JSON string. Only `"`, `\` and control characters need escaping, as
/// serde_json escapes them; the rare string that has one is written by
/// serde_json itself.
pub fn str(out: &mut Vec<u8>, s: &str) {
    // A scan without early exit compiles to vector code.
    let plain = s.bytes().fold(true, |plain, b| {
        plain & (b >= 0x20) & (b != b'"') & (b != b'\\')
    });
    if plain {
        out.reserve(s.len() + 2);
        out.push(b'"');
        out.extend_from_slice(s.as_bytes());
        out.push(b'"');
    } else {
        // Writing a string into a Vec cannot fail.
        let _ = serde_json::to_writer(&mut *out, s);
    }
}

pub fn opt_str(out: &mut Vec<u8>, s: Option<&str>) {
    match s {
        Some(s) => str(out, s),
        None => out.extend_from_slice(b"null"),
    }
}

pub fn int(out: &mut Vec<u8>, v: i32) {
    out.extend_from_slice(itoa::Buffer::new().format(v).as_bytes());
}

pub fn opt_int(out: &mut Vec<u8>, v: Option<i32>) {
    match v {
        Some(v) => int(out, v),
        None => out.extend_from_slice(b"null"),
    }
}

pub fn bool(out: &mut Vec<u8>, v: bool) {
    out.extend_from_slice(if v { b"true" } else { b"false" });
}

/// JSON that is already written (a stored list, checked when it was read).
pub fn raw(out: &mut Vec<u8>, v: &serde_json::value::RawValue) {
    out.extend_from_slice(v.get().as_bytes());
}

pub fn time(out: &mut Vec<u8>, t: Timestamp) {
    t.write_json(out);
}

pub fn opt_time(out: &mut Vec<u8>, t: Option<Timestamp>) {
    match t {
        Some(t) => time(out, t),
        None => out.extend_from_slice(b"null"),
    }
}

/// Writes `$value`'s fields as a JSON object, in the order given, each
/// with its writer from this module: `json_object!(out, value; id: str,
/// name: opt_str)`. The keys are the field names, as serde's derive writes
/// them.
#[macro_export]
macro_rules! json_object {
    ($out:expr, $value:expr; $first:ident: $first_writer:ident $(, $field:ident: $writer:ident)* $(,)?) => {{
        let (out, value): (&mut Vec<u8>, _) = ($out, $value);
        out.extend_from_slice(concat!("{\"", stringify!($first), "\":").as_bytes());
        $crate::json::$first_writer(out, value.$first);
        $(
            out.extend_from_slice(concat!(",\"", stringify!($field), "\":").as_bytes());
            $crate::json::$writer(out, value.$field);
        )*
        out.push(b'}');
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    fn written(f: impl FnOnce(&mut Vec<u8>)) -> String {
        let mut out = Vec::new();
        f(&mut out);
        String::from_utf8(out).unwrap()
    }

    #[test]
    fn strings_are_written_as_serde_json_writes_them() {
        let mut samples: Vec<String> = [
            "",
            "Ana Lima",
            "quote \" and backslash \\ and slash /",
            "tab\tnewline\nreturn\r",
            "nul \u{0} unit separator \u{1f} delete \u{7f}",
            "émoji 🦀 and ünïcödé",
            "\"",
            "\\",
            "a long plain string that is longer than any vector register, twice over",
        ]
        .iter()
        .map(|s| s.to_string())
        .collect();
        // Every single byte value below 0x80, alone and inside longer text.
        for b in 0u8..0x80 {
            let c = char::from(b);
            samples.push(c.to_string());
            samples.push(format!("abcdefghijklmnopqrstuvwxyz{c}0123456789"));
        }
        for s in &samples {
            assert_eq!(
                written(|o| super::str(o, s)),
                serde_json::to_string(s).unwrap(),
                "{s:?}"
            );
        }
    }

    #[test]
    fn numbers_booleans_nulls_and_times_are_written_as_serde_json_writes_them() {
        for v in [0, 1, -1, 42, i32::MAX, i32::MIN] {
            assert_eq!(written(|o| int(o, v)), serde_json::to_string(&v).unwrap());
        }
        assert_eq!(written(|o| opt_int(o, None)), "null");
        assert_eq!(written(|o| opt_str(o, None)), "null");
        assert_eq!(written(|o| bool(o, true)), "true");
        assert_eq!(written(|o| bool(o, false)), "false");
        for micros in [0, 1_700_000_000_123_456, -1, i64::MAX, i64::MIN] {
            let t = Timestamp(micros);
            assert_eq!(written(|o| time(o, t)), serde_json::to_string(&t).unwrap());
        }
        assert_eq!(written(|o| opt_time(o, None)), "null");
    }
}
