//! Time as the database stores it (microseconds since the epoch) and as the
//! API writes it (RFC 3339, UTC, microsecond precision).

use chrono::{DateTime, NaiveDate, SecondsFormat, Utc};

pub type Micros = i64;

pub fn now() -> Micros {
    Utc::now().timestamp_micros()
}

pub fn to_datetime(micros: Micros) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(micros).unwrap_or_default()
}

pub fn rfc3339(micros: Micros) -> String {
    to_datetime(micros).to_rfc3339_opts(SecondsFormat::Micros, true)
}

pub fn today() -> NaiveDate {
    Utc::now().date_naive()
}

/// 00:00 UTC of `date`, in microseconds.
pub fn start_of(date: NaiveDate) -> Micros {
    date.and_hms_opt(0, 0, 0)
        .map(|t| t.and_utc().timestamp_micros())
        .unwrap_or_default()
}

pub const DAY: Micros = 86_400 * 1_000_000;

/// Serde helpers that write a stored `Micros` as RFC 3339.
pub mod serde_micros {
    use serde::Serializer;

    pub fn serialize<S: Serializer>(v: &i64, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&super::rfc3339(*v))
    }

    pub mod option {
        use serde::Serializer;

        pub fn serialize<S: Serializer>(v: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(m) => s.serialize_str(&super::super::rfc3339(*m)),
                None => s.serialize_none(),
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rfc3339_is_utc_with_microseconds() {
        assert_eq!(
            rfc3339(1_700_000_000_123_456),
            "2023-11-14T22:13:20.123456Z"
        );
    }

    #[test]
    fn start_of_a_day_is_midnight_utc() {
        let d = NaiveDate::from_ymd_opt(1970, 1, 2).unwrap_or_default();
        assert_eq!(start_of(d), DAY);
    }
}
