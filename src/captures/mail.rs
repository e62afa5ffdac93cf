//! Raw mail read into messages as the JSON form takes them: one message
//! (`message/rfc822`) or a mailbox (`application/mbox`), with the
//! mail-parser crate. Only headers are read; bodies are neither parsed nor
//! kept. No database here.

use std::collections::BTreeMap;
use std::io::Cursor;

use mail_parser::mailbox::mbox::MessageIterator;
use mail_parser::{Address, MessageParser};

use super::model::{CaptureFailure, EmailAddress, MessageIn, MAX_NAME, MAX_NAMES};
use crate::input::is_email;

/// The longest source id, subject and thread id kept (as the JSON form's).
const MAX_TEXT: usize = 500;

/// One message (`message/rfc822`).
pub fn read_message(raw: &[u8]) -> Result<MessageIn, String> {
    let parsed = MessageParser::new()
        .parse_headers(raw)
        .ok_or("not a readable message")?;
    of(&parsed, raw)
}

/// The most messages one mailbox may hold (its 20 MiB hold fewer with
/// bodies): a night's cron job sends its mailbox in one request.
pub const MAX_MBOX_MESSAGES: usize = 10_000;

/// Every message of a mailbox (`application/mbox`), at most 10,000: those
/// read, and those that could not be, each by its place (from 0) and why.
pub fn read_mbox(raw: &[u8]) -> Result<(Vec<MessageIn>, Vec<CaptureFailure>), String> {
    let (mut read, mut failed) = (Vec::new(), Vec::new());
    for (n, message) in MessageIterator::new(Cursor::new(raw)).enumerate() {
        if n == MAX_MBOX_MESSAGES {
            return Err(format!(
                "a mailbox holds at most {MAX_MBOX_MESSAGES} messages"
            ));
        }
        let message = message
            .map_err(|_| "not a message".to_string())
            .and_then(|m| read_message(m.contents()));
        match message {
            Ok(m) => read.push(m),
            Err(error) => failed.push(CaptureFailure { index: n, error }),
        }
    }
    if read.is_empty() && failed.is_empty() {
        return Err("no message in the mailbox (each begins with a `From ` line)".into());
    }
    Ok((read, failed))
}

/// The addresses of a header, and the names it gives them.
fn addresses(a: Option<&Address<'_>>, names: &mut BTreeMap<String, String>) -> Vec<EmailAddress> {
    let mut out = Vec::new();
    for a in a.into_iter().flat_map(|a| a.iter()) {
        let Some(address) = a.address().filter(|e| is_email(e)) else {
            continue;
        };
        let name = a.name().map(str::trim).unwrap_or_default();
        if !name.is_empty() && names.len() < MAX_NAMES {
            names.insert(address.to_string(), name.chars().take(MAX_NAME).collect());
        }
        out.push(EmailAddress(address.to_string()));
    }
    out
}

fn short(s: &str) -> Option<String> {
    // PostgreSQL cannot store U+0000.
    let s = s.replace('\0', "");
    let s = s.trim();
    (!s.is_empty() && s.chars().count() <= MAX_TEXT).then(|| s.to_string())
}

fn of(m: &mail_parser::Message<'_>, raw: &[u8]) -> Result<MessageIn, String> {
    let mut names = BTreeMap::new();
    let from = addresses(m.from(), &mut names)
        .into_iter()
        .next()
        .ok_or("no From address")?;
    let date = m.date().filter(|d| d.is_valid()).ok_or("no Date")?;
    if date.to_timestamp() * 1_000_000 > crate::time::now() + crate::time::DAY {
        return Err("dated more than 24 hours ahead".into());
    }
    let id = m.message_id().and_then(short);
    // The conversation: the first message it refers to, else its own id.
    let thread = m
        .references()
        .as_text_list()
        .and_then(|refs| refs.first().map(|r| r.to_string()))
        .or_else(|| m.in_reply_to().as_text().map(str::to_string))
        .and_then(|t| short(&t))
        .or_else(|| id.clone());
    Ok(MessageIn {
        // A message without an id is known by its headers' hash.
        source_id: id.unwrap_or_else(|| format!("sha256:{}", crate::ids::sha256_hex(raw))),
        from,
        to: addresses(m.to(), &mut names),
        cc: addresses(m.cc(), &mut names),
        date: date.to_rfc3339(),
        subject: m.subject().and_then(short),
        thread_id: thread,
        names,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const MESSAGE: &str = "From: Ana Lima <ana@example.com>\r\nTo: Me <me@example.com>, \"Ben, Ode\" <ben@example.com>\r\nCc: =?UTF-8?Q?J=C3=BCrgen?= <jurgen@example.com>\r\nSubject: =?UTF-8?Q?Caf=C3=A9?= next week\r\nDate: Mon, 30 Nov 2026 09:15:00 +0100\r\nMessage-ID: <m1@example.com>\r\nReferences: <root@example.com> <m0@example.com>\r\n\r\nThe body is never read.\r\n";

    #[test]
    fn a_message_is_read_from_its_headers() {
        let m = read_message(MESSAGE.as_bytes()).expect("a message");
        assert_eq!(m.source_id, "m1@example.com");
        assert_eq!(m.from.0, "ana@example.com");
        let to: Vec<&str> = m.to.iter().map(|a| a.0.as_str()).collect();
        assert_eq!(to, ["me@example.com", "ben@example.com"]);
        assert_eq!(m.cc[0].0, "jurgen@example.com");
        assert_eq!(m.names["jurgen@example.com"], "Jürgen");
        assert_eq!(m.names["ben@example.com"], "Ben, Ode");
        assert_eq!(m.subject.as_deref(), Some("Café next week"));
        assert_eq!(m.thread_id.as_deref(), Some("root@example.com"));
        let at = crate::input::parse_datetime(&m.date).expect("a date-time");
        assert_eq!(at.timestamp(), 1_796_026_500);
    }

    #[test]
    fn a_mailbox_is_read_message_by_message_and_a_bad_one_is_named() {
        let mbox = format!(
            "From ana@example.com Mon Nov 30 09:15:00 2026\n{}\nFrom x Mon Nov 30 10:00:00 2026\nSubject: no sender\n\nbody\n",
            MESSAGE.replace("\r\n", "\n")
        );
        let (read, failed) = read_mbox(mbox.as_bytes()).expect("a mailbox");
        assert_eq!(read[0].source_id, "m1@example.com");
        assert_eq!(
            failed,
            [CaptureFailure {
                index: 1,
                error: "no From address".into()
            }]
        );
        assert!(read_mbox(b"not a mailbox").is_err());
    }
}
