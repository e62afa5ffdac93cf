//! Calendar files (`text/calendar`, RFC 5545) read into the events a
//! capture takes, with the calcard crate: every occurrence of every
//! `VEVENT` within a window, recurring events expanded (exceptions and
//! moved occurrences as the file says), cancelled ones and declined
//! attendees left out. No database here.

use std::collections::{BTreeMap, BTreeSet};

use calcard::common::timezone::Tz;
use calcard::common::PartialDateTime;
use calcard::icalendar::{
    ICalendar, ICalendarComponent, ICalendarComponentType, ICalendarParameterName,
    ICalendarParameterValue, ICalendarParticipationStatus, ICalendarProperty, ICalendarStatus,
    ICalendarValue,
};
use calcard::{Entry, Parser};

use crate::input::is_email;
use crate::time::{self, Micros};

/// One occurrence of an event, as a capture takes it.
#[derive(Debug, Clone, PartialEq)]
pub struct EventIn {
    /// Its `UID`, and for an occurrence of a recurring event its recurrence
    /// id (the start it was scheduled at, UTC): the same occurrence twice
    /// is logged once.
    pub key: String,
    pub starts_at: Micros,
    pub summary: Option<String>,
    /// The organizer's email, lower case as written.
    pub organizer: Option<String>,
    /// The attendees' emails, but those who declined.
    pub attendees: Vec<String>,
    /// Names (`CN`) by email, where the file gives them.
    pub names: BTreeMap<String, String>,
}

/// The most occurrences one file may yield within the window.
pub const MAX_EVENTS: usize = 10_000;

/// The most occurrences one recurring event is expanded to (from its first).
const MAX_OCCURRENCES: usize = 20_000;

/// Every occurrence starting within `from..=to`, earliest first.
pub fn read_calendar(raw: &str, from: Micros, to: Micros) -> Result<Vec<EventIn>, String> {
    let mut parser = Parser::new(raw);
    let mut out = Vec::new();
    let mut calendars = 0;
    loop {
        match parser.entry() {
            Entry::ICalendar(cal) => {
                calendars += 1;
                occurrences(cal, from, to, &mut out)?;
            }
            Entry::Eof => break,
            Entry::VCard(_) => return Err("a vCard, not a calendar".into()),
            Entry::InvalidLine(line) => {
                return Err(format!(
                    "not iCalendar: {}",
                    line.chars().take(80).collect::<String>()
                ))
            }
            Entry::TooManyComponents => return Err("too many components".into()),
            other => return Err(format!("not iCalendar: {other:?}")),
        }
    }
    if calendars == 0 {
        return Err("no VCALENDAR in the file".into());
    }
    out.sort_by_key(|e| e.starts_at);
    Ok(out)
}

/// The events of one calendar: the single ones in one pass, then each
/// recurring one alone, so that none can use up another's expansion.
fn occurrences(
    mut cal: ICalendar,
    from: Micros,
    to: Micros,
    out: &mut Vec<EventIn>,
) -> Result<(), String> {
    let events: Vec<usize> = (0..cal.components.len())
        .filter(|&i| cal.components[i].component_type == ICalendarComponentType::VEvent)
        .collect();
    let recurring: BTreeSet<String> = events
        .iter()
        .map(|&i| &cal.components[i])
        .filter(|c| c.is_recurrent_or_override())
        .filter_map(|c| c.uid().map(str::to_string))
        .collect();
    // Open-ended rules end at the window's end.
    for &i in &events {
        end_rule_by(&mut cal.components[i], to);
    }
    let group_of = |c: &ICalendarComponent| {
        c.uid()
            .filter(|u| recurring.contains(*u))
            .map(str::to_string)
    };
    let groups: Vec<Option<String>> = std::iter::once(None)
        .chain(recurring.iter().cloned().map(Some))
        .collect();
    for group in groups {
        // The events of other groups are hidden from this pass.
        for &i in &events {
            let mine = group_of(&cal.components[i]) == group;
            cal.components[i].component_type = match mine {
                true => ICalendarComponentType::VEvent,
                false => ICalendarComponentType::VAlarm,
            };
        }
        let expanded = cal.expand_dates(Tz::UTC, MAX_OCCURRENCES);
        for event in expanded.events {
            let start = event.start.timestamp_micros();
            if start < from || start > to {
                continue;
            }
            let c = &cal.components[event.comp_id as usize];
            if let Some(e) = occurrence(&cal, c, start, group.is_some()) {
                if out.len() == MAX_EVENTS {
                    return Err(format!(
                        "more than {MAX_EVENTS} occurrences in the window: send a shorter `since`"
                    ));
                }
                out.push(e);
            }
        }
        for &i in &events {
            cal.components[i].component_type = ICalendarComponentType::VEvent;
        }
    }
    Ok(())
}

/// A rule with neither `COUNT` nor an `UNTIL` before `to` ends at `to`.
fn end_rule_by(c: &mut ICalendarComponent, to: Micros) {
    let date_only = c
        .property(&ICalendarProperty::Dtstart)
        .and_then(|e| e.values.first())
        .is_some_and(|v| matches!(v, ICalendarValue::PartialDateTime(d) if !d.has_time()));
    let secs = to.div_euclid(1_000_000);
    let until = match date_only {
        true => PartialDateTime::from_date_timestamp(secs + 86_400),
        false => PartialDateTime::from_utc_timestamp(secs + 1),
    };
    for entry in c.entries.iter_mut() {
        if entry.name != ICalendarProperty::Rrule {
            continue;
        }
        for value in entry.values.iter_mut() {
            if let ICalendarValue::RecurrenceRule(rule) = value {
                let later = rule
                    .until
                    .as_ref()
                    .and_then(|u| u.to_timestamp())
                    .is_none_or(|u| u > secs + 86_400);
                if rule.count.is_none() && later {
                    rule.until = Some(until.clone());
                }
            }
        }
    }
}

fn text(c: &ICalendarComponent, p: &ICalendarProperty) -> Option<String> {
    c.property(p)
        .and_then(|e| e.values.first())
        .and_then(|v| v.as_text())
        .map(|t| t.replace('\0', "").trim().to_string())
        .filter(|t| !t.is_empty())
}

fn occurrence(
    cal: &ICalendar,
    c: &ICalendarComponent,
    start: Micros,
    recurring: bool,
) -> Option<EventIn> {
    if c.status() == Some(&ICalendarStatus::Cancelled) {
        return None;
    }
    let uid = text(c, &ICalendarProperty::Uid)?;
    let key = match recurring {
        // A moved occurrence is known by the start it was scheduled at.
        true => format!(
            "{uid}/{}",
            time::rfc3339(recurrence_id(cal, c).unwrap_or(start))
        ),
        false => uid,
    };
    let mut names = BTreeMap::new();
    let mut person = |e: &calcard::icalendar::ICalendarEntry| {
        let email = e.calendar_address()?.trim().to_lowercase();
        if !is_email(&email) {
            return None;
        }
        if let Some(ICalendarParameterValue::Text(cn)) = e.parameter(&ICalendarParameterName::Cn) {
            if !cn.trim().is_empty() {
                names.insert(email.clone(), cn.trim().chars().take(200).collect());
            }
        }
        Some(email)
    };
    let organizer = c
        .property(&ICalendarProperty::Organizer)
        .and_then(&mut person);
    let attendees = c
        .properties(&ICalendarProperty::Attendee)
        .filter(|e| {
            !matches!(
                e.parameter(&ICalendarParameterName::Partstat),
                Some(ICalendarParameterValue::Partstat(
                    ICalendarParticipationStatus::Declined
                ))
            )
        })
        .filter_map(&mut person)
        .collect();
    Some(EventIn {
        key: key.chars().take(600).collect(),
        starts_at: start,
        summary: text(c, &ICalendarProperty::Summary).map(|s| s.chars().take(500).collect()),
        organizer,
        attendees,
        names,
    })
}

/// An override's `RECURRENCE-ID`, in UTC microseconds.
fn recurrence_id(cal: &ICalendar, c: &ICalendarComponent) -> Option<Micros> {
    let entry = c.property(&ICalendarProperty::RecurrenceId)?;
    let ICalendarValue::PartialDateTime(dt) = entry.values.first()? else {
        return None;
    };
    let tz = cal
        .build_tz_resolver()
        .with_default(Tz::UTC)
        .resolve_or_default(entry.tz_id());
    Some(
        dt.to_date_time()?
            .to_date_time_with_tz(tz)?
            .timestamp_micros(),
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn micros(s: &str) -> Micros {
        crate::input::parse_datetime(s)
            .expect("a date-time")
            .timestamp_micros()
    }

    fn ics(events: &[&str]) -> String {
        let mut out = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//t//EN\r\n");
        for e in events {
            out += &format!("BEGIN:VEVENT\r\nDTSTAMP:20250101T000000Z\r\n{e}\r\nEND:VEVENT\r\n");
        }
        out + "END:VCALENDAR\r\n"
    }

    #[test]
    fn open_ended_rules_stop_at_the_window_and_share_no_budget() {
        let file = ics(&[
            "UID:daily\r\nDTSTART:20000101T090000Z\r\nRRULE:FREQ=DAILY\r\nSUMMARY:Standup\r\nATTENDEE:mailto:a@example.com",
            "UID:weekly\r\nDTSTART:20251229T090000Z\r\nRRULE:FREQ=WEEKLY\r\nSUMMARY:1:1\r\nATTENDEE:mailto:b@example.com",
            "UID:berlin\r\nDTSTART;TZID=Europe/Berlin:20260115T100000\r\nSUMMARY:Lunch\r\nORGANIZER;CN=Cleo:mailto:C@Example.com",
        ]);
        let events = read_calendar(
            &file,
            micros("2026-01-01T00:00:00Z"),
            micros("2026-03-01T00:00:00Z"),
        )
        .expect("a calendar");
        let count = |uid: &str| events.iter().filter(|e| e.key.starts_with(uid)).count();
        assert_eq!(
            (count("daily/"), count("weekly/"), count("berlin")),
            (59, 8, 1)
        );
        let lunch = events.iter().find(|e| e.key == "berlin").expect("lunch");
        assert_eq!(lunch.starts_at, micros("2026-01-15T09:00:00Z"));
        assert_eq!(lunch.organizer.as_deref(), Some("c@example.com"));
        assert_eq!(lunch.names["c@example.com"], "Cleo");
        assert_eq!(events[0].key, "daily/2026-01-01T09:00:00.000000Z");
        assert!(events.windows(2).all(|w| w[0].starts_at <= w[1].starts_at));
    }

    #[test]
    fn what_is_not_a_calendar_is_refused() {
        assert!(read_calendar("BEGIN:VCARD\r\nFN:A\r\nEND:VCARD\r\n", 0, 1).is_err());
        assert!(read_calendar("hello", 0, 1).is_err());
        assert!(read_calendar("", 0, 1).is_err());
    }
}
