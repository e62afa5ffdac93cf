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
    Timestamp(micros).to_string()
}

/// A stored time as the API writes it: RFC 3339 in UTC with microseconds
/// (`2023-11-14T22:13:20.123456Z`), formatted on the stack. Pages of
/// contacts write five of these per contact.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Timestamp(pub Micros);

impl Timestamp {
    fn with_str<R>(self, f: impl FnOnce(&str) -> R) -> R {
        let (year, month, day) = civil_from_days(self.0.div_euclid(DAY));
        if !(0..=9999).contains(&year) {
            // Outside four-digit years chrono decides the form.
            return f(&to_datetime(self.0).to_rfc3339_opts(SecondsFormat::Micros, true));
        }
        let of_day = self.0.rem_euclid(DAY);
        let secs = of_day / 1_000_000;
        let mut b = *b"0000-00-00T00:00:00.000000Z";
        put_digits(&mut b[0..4], year);
        put_digits(&mut b[5..7], month);
        put_digits(&mut b[8..10], day);
        put_digits(&mut b[11..13], secs / 3600);
        put_digits(&mut b[14..16], secs / 60 % 60);
        put_digits(&mut b[17..19], secs % 60);
        put_digits(&mut b[20..26], of_day % 1_000_000);
        f(std::str::from_utf8(&b).unwrap_or_default())
    }
}

impl Timestamp {
    /// As a JSON string, the same bytes serde_json writes (RFC 3339 needs no
    /// escaping).
    pub fn write_json(self, out: &mut Vec<u8>) {
        self.with_str(|s| {
            out.push(b'"');
            out.extend_from_slice(s.as_bytes());
            out.push(b'"');
        });
    }
}

impl std::fmt::Display for Timestamp {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.with_str(|s| f.write_str(s))
    }
}

impl serde::Serialize for Timestamp {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        self.with_str(|v| s.serialize_str(v))
    }
}

/// Writes `v` as decimal digits filling `dst`, zero-padded on the left.
fn put_digits(dst: &mut [u8], mut v: i64) {
    for d in dst.iter_mut().rev() {
        *d = b'0' + (v % 10) as u8;
        v /= 10;
    }
}

/// The proleptic Gregorian (year, month, day) of a day count from
/// 1970-01-01 (Howard Hinnant's `civil_from_days`).
fn civil_from_days(days: i64) -> (i64, i64, i64) {
    let z = days + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = doy - (153 * mp + 2) / 5 + 1;
    let month = if mp < 10 { mp + 3 } else { mp - 9 };
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
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
    use serde::{Serialize, Serializer};

    pub fn serialize<S: Serializer>(v: &i64, s: S) -> Result<S::Ok, S::Error> {
        super::Timestamp(*v).serialize(s)
    }

    pub mod option {
        use serde::{Serialize, Serializer};

        pub fn serialize<S: Serializer>(v: &Option<i64>, s: S) -> Result<S::Ok, S::Error> {
            match v {
                Some(m) => super::super::Timestamp(*m).serialize(s),
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
    fn timestamps_are_written_as_chrono_writes_them() {
        let chrono = |m: Micros| to_datetime(m).to_rfc3339_opts(SecondsFormat::Micros, true);
        let mut m: Micros = -62_167_219_200_000_000 - 3 * DAY; // before year 0
        let step = 7 * DAY + 3_600_000_123 + 987_654; // crosses every month and hour
        while m < 253_402_300_800_000_000 + 3 * DAY {
            // after 9999-12-31
            assert_eq!(rfc3339(m), chrono(m), "at {m}");
            m += step;
        }
        for m in [
            0,
            -1,
            1,
            DAY - 1,
            -DAY,
            951_782_400_000_000,
            i64::MAX,
            i64::MIN,
        ] {
            assert_eq!(rfc3339(m), chrono(m), "at {m}");
        }
    }

    #[test]
    fn start_of_a_day_is_midnight_utc() {
        let d = NaiveDate::from_ymd_opt(1970, 1, 2).unwrap_or_default();
        assert_eq!(start_of(d), DAY);
    }
}
