//! What `q` finds in the contact list (and in reach): one normalized text
//! per contact, written by kith, so that both databases find the same
//! contacts. Text is folded — lower case, accents removed (`José` is
//! `jose`, `Müller` is `muller`) — and each phone number is kept as it was
//! written and as its digits, so `555 0103` finds `+1-555-0103`. The text
//! begins with the words of the contact's names, each after a mark
//! (`NAME_WORD`), so that a query shorter than three characters finds the
//! contacts a name of which begins with it.

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

use super::model::{ContactRow, Email, Phone};

/// Marks the start of a name's word in the search text (U+0001, which
/// `fold` removes from any text, so it marks nothing else).
const NAME_WORD: char = '\u{1}';

/// How many characters a query needs to be looked for anywhere; a shorter
/// one finds names that begin with it.
const SUBSTRING_FROM: usize = 3;

/// Lower case without accents: the form both the search text and a query
/// are compared in.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c) && *c != NAME_WORD)
        .flat_map(char::to_lowercase)
        .collect()
}

fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The search text of a contact: its names, company, title, location,
/// emails, tags, notes, how you met, and phone numbers (also as digits).
pub fn text_of(row: &ContactRow) -> String {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
    let names = [
        Some(row.display_name.as_str()),
        row.given_name.as_deref(),
        row.family_name.as_deref(),
    ];
    let mut name_words = String::new();
    for word in names.iter().flatten().flat_map(|n| n.split_whitespace()) {
        name_words.push(NAME_WORD);
        name_words.push_str(&fold(word));
    }
    let mut parts: Vec<String> = vec![name_words];
    parts.extend(
        names
            .into_iter()
            .chain([
                row.company.as_deref(),
                row.title.as_deref(),
                row.location.as_deref(),
            ])
            .flatten()
            .chain(emails.iter().map(|e| e.address.as_str()))
            .chain(tags.iter().map(String::as_str))
            .chain(row.notes.as_deref())
            .chain(row.how_we_met.as_deref())
            .map(fold),
    );
    for p in &phones {
        parts.push(fold(&p.number));
        parts.push(digits(&p.number));
    }
    parts.join("\n")
}

/// What `?email=` and `?phone=` find a contact by: each email in lower
/// case (`email`), each phone number as its digits (`phone`), once each.
pub fn handles(row: &ContactRow) -> Vec<(&'static str, String)> {
    let emails: Vec<Email> = serde_json::from_str(&row.emails).unwrap_or_default();
    let phones: Vec<Phone> = serde_json::from_str(&row.phones).unwrap_or_default();
    let mut out: Vec<(&'static str, String)> = Vec::new();
    let found = emails
        .iter()
        .map(|e| ("email", email_key(&e.address)))
        .chain(phones.iter().map(|p| ("phone", phone_key(&p.number))));
    for handle in found {
        if !handle.1.is_empty() && !out.contains(&handle) {
            out.push(handle);
        }
    }
    out
}

/// An email as `?email=` compares it: trimmed, lower case.
pub fn email_key(s: &str) -> String {
    s.trim().to_lowercase()
}

/// A phone number as `?phone=` compares it: its digits.
pub fn phone_key(s: &str) -> String {
    digits(s)
}

/// The two `LIKE … ESCAPE '\\'` patterns a query is looked for by. From
/// three characters on: its folded text anywhere, and its digits when it
/// reads as a phone number (only digits, spaces and `+-().`, three digits
/// at least), else the text twice. Shorter: the start of a name's word.
/// `%`, `_` and `\\` are literal.
pub fn patterns(q: &str) -> (String, String) {
    let folded = fold(q.trim());
    if folded.chars().count() < SUBSTRING_FROM {
        let prefix = like_pattern(&format!("{NAME_WORD}{folded}"));
        return (prefix.clone(), prefix);
    }
    let text = like_pattern(&folded);
    let d = digits(q);
    let phone_like = d.len() >= 3
        && q.trim()
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    let numbers = if phone_like {
        like_pattern(&d)
    } else {
        text.clone()
    };
    (text, numbers)
}

/// `%q%` with `%`, `_` and `\` escaped for `LIKE … ESCAPE '\'`.
fn like_pattern(q: &str) -> String {
    let mut p = String::with_capacity(q.len() + 2);
    p.push('%');
    for ch in q.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
    p.push('%');
    p
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_drops_case_and_accents() {
        assert_eq!(fold("José MÜLLER-Çelik"), "jose muller-celik");
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Straße"), "straße");
    }

    #[test]
    fn a_phone_like_query_is_also_looked_for_by_its_digits() {
        assert_eq!(patterns("555 0103").1, "%5550103%");
        assert_eq!(patterns("+1 (555)").1, "%1555%");
        assert_eq!(patterns("room 101").1, "%room 101%");
        assert_eq!(patterns("12").1, "%\u{1}12%");
    }

    #[test]
    fn a_short_query_looks_for_the_start_of_a_name_word() {
        assert_eq!(patterns(" Jo ").0, "%\u{1}jo%");
        assert_eq!(patterns("jos").0, "%jos%");
    }

    #[test]
    fn metacharacters_are_literal() {
        assert_eq!(patterns(r"50%_a\b").0, r"%50\%\_a\\b%");
    }
}
