//! What a need matches by: its tags, and the words of its topic folded
//! (lower case, no accents) and stemmed, so that `Mentors` meets
//! `mentoring` and `Investidores` meets `investidor`. Written beside each
//! need (`match_keys`) when it is saved.

use crate::search::text::fold;

/// A tag key starts with this mark; a word key does not.
const TAG: char = '#';

/// Words too common to say what a need is about.
const STOP_WORDS: &[&str] = &[
    "a", "an", "and", "any", "are", "as", "at", "be", "by", "can", "do", "for", "from", "get",
    "go", "has", "have", "help", "i", "in", "into", "is", "it", "its", "look", "me", "my", "need",
    "new", "of", "on", "one", "or", "our", "out", "seek", "some", "someone", "that", "the",
    "their", "them", "this", "to", "up", "us", "want", "we", "who", "will", "with", "would", "you",
    "your", "de", "da", "e", "em", "para", "um", "uma", "o", "os", "la", "le", "les", "el", "y",
    "und", "der", "die", "das",
];

/// A word reduced to its stem: plurals (`-ies`, `-es`, `-s`), `-ing` and
/// `-ed`, a doubled last consonant and a final `e` go (`hiring`, `hired`
/// and `hires` are all `hir`). Light, English-first, and the same on both
/// sides of a match, which is all it has to be.
pub fn stem(word: &str) -> String {
    let mut w = word.to_string();
    let len = |w: &str| w.chars().count();
    if w.ends_with("ies") && len(&w) > 4 {
        w.truncate(w.len() - 3);
        w.push('y');
    } else if ["sses", "xes", "zes", "ches", "shes"]
        .iter()
        .any(|s| w.ends_with(s))
    {
        w.truncate(w.len() - 2);
    } else if w.ends_with('s') && !["ss", "us", "is"].iter().any(|s| w.ends_with(s)) && len(&w) > 3
    {
        w.pop();
    }
    for suffix in ["ing", "ed"] {
        if w.ends_with(suffix) && len(&w) >= suffix.len() + 3 {
            w.truncate(w.len() - suffix.len());
            let b = w.as_bytes();
            if b.len() >= 2
                && b[b.len() - 1] == b[b.len() - 2]
                && !b"aeiousl".contains(&b[b.len() - 1])
            {
                w.pop();
            }
            break;
        }
    }
    if w.ends_with('e') && len(&w) > 3 {
        w.pop();
    }
    w
}

/// The stems of a text's words (each once, in order), leaving out short
/// and common words.
pub fn words(text: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for word in fold(text).split(|c: char| !c.is_alphanumeric()) {
        if word.chars().count() < 2 || STOP_WORDS.contains(&word) {
            continue;
        }
        let s = stem(word);
        if STOP_WORDS.contains(&s.as_str()) {
            continue;
        }
        if !out.contains(&s) {
            out.push(s);
        }
    }
    out
}

/// The keys of a need with this topic and these (stored, lower-case) tags:
/// `#tag` for each tag, then the topic's stems; space-separated.
pub fn of(topic: &str, tags: &[String]) -> String {
    let mut keys: Vec<String> = tags
        .iter()
        .map(|t| format!("{TAG}{}", fold(t).replace(' ', "-")))
        .collect();
    keys.extend(words(topic));
    keys.join(" ")
}

/// The keys two needs share: (tags without their mark, words).
pub fn shared<'a>(a: &'a str, b: &'a str) -> (Vec<&'a str>, Vec<&'a str>) {
    let theirs: Vec<&str> = b.split(' ').collect();
    let (mut tags, mut words) = (Vec::new(), Vec::new());
    for key in a.split(' ').filter(|k| !k.is_empty()) {
        if theirs.contains(&key) {
            match key.strip_prefix(TAG) {
                Some(tag) => tags.push(tag),
                None => words.push(key),
            }
        }
    }
    (tags, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn plurals_and_endings_share_a_stem() {
        for (a, b) in [
            ("mentors", "mentoring"),
            ("hiring", "hires"),
            ("hired", "hire"),
            ("companies", "company"),
            ("boxes", "box"),
            ("designers", "designer"),
            ("running", "run"),
            ("investidores", "investidore"),
        ] {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("business"), stem("bus"));
        assert_eq!(stem("status"), "status");
    }

    #[test]
    fn keys_fold_accents_and_leave_common_words_out() {
        assert_eq!(
            of("A mentor for Product Managers", &["rust".into()]),
            "#rust mentor product manager"
        );
        assert_eq!(
            words("Investidores em São Paulo"),
            ["investidor", "sao", "paulo"]
        );
        let ask = of(
            "Looking for angel investors",
            &["fintech".into(), "seed".into()],
        );
        let offer = of("Angel investors in fintech", &["Fintech".into()]);
        let (tags, words) = shared(&ask, &offer);
        assert_eq!((tags, words), (vec!["fintech"], vec!["angel", "investor"]));
    }
}
