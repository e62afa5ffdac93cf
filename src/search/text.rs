//! The search text kith writes beside each searchable row, and what a query
//! looks for in it. Both databases compare the same text with the same
//! `LIKE` patterns, so they find the same rows in the same order.
//!
//! Text is folded — lower case, accents removed (`José` is `jose`,
//! `Müller` is `muller`). A row's text is laid out as
//!
//! ```text
//! ␂name␃␂other name␃ ␁word␁word … \n field \n field …
//! ```
//!
//! its names (a contact's display, given and family names; another row's
//! title) each between two marks, then each word of those names (once)
//! after a mark, then one line per field. The marks are control characters that
//! `fold` removes from any text, so a query never contains one: they let a
//! pattern say "a name equal to", "a name that begins with" and "a word
//! that begins with".

use std::collections::HashSet;

use unicode_normalization::char::is_combining_mark;
use unicode_normalization::UnicodeNormalization;

/// Marks the start of a name's word.
const WORD: char = '\u{1}';
/// Marks the start of a name.
const NAME: char = '\u{2}';
/// Marks the end of a name.
const NAME_END: char = '\u{3}';

/// How many characters a query needs to be looked for anywhere; a shorter
/// one finds rows a name word of which begins with it.
const SUBSTRING_FROM: usize = 3;

/// How a row ranks for a query, best first: a name equal to it, a name
/// that begins with it, a word (of any field) that begins with it, or it
/// anywhere.
pub const RANKS: [&str; 4] = ["exact", "name_prefix", "word_prefix", "substring"];

/// Lower case without accents: the form both the search text and a query
/// are compared in.
pub fn fold(s: &str) -> String {
    s.nfd()
        .filter(|c| !is_combining_mark(*c) && !matches!(*c, WORD | NAME | NAME_END))
        .flat_map(char::to_lowercase)
        .collect()
}

pub fn digits(s: &str) -> String {
    s.chars().filter(char::is_ascii_digit).collect()
}

/// The search text of a row with these names and fields (see the module
/// comment). Never empty.
pub fn compose<'a>(
    names: impl IntoIterator<Item = &'a str>,
    fields: impl IntoIterator<Item = &'a str>,
) -> String {
    let (names, words) = names_and_words(names);
    let mut text = String::new();
    for name in &names {
        text.push(NAME);
        text.push_str(name);
        text.push(NAME_END);
    }
    for word in &words {
        text.push(WORD);
        text.push_str(word);
    }
    for field in fields {
        text.push('\n');
        text.push_str(&fold(field));
    }
    if !text.contains('\n') {
        text.push('\n');
    }
    text
}

/// The names of a row as its search text marks them: each folded and
/// trimmed, blank ones left out; and each word of them, once (a display
/// name repeats the given and family names); no name twice. What the
/// first three ranks look for; a store may keep them as rows
/// (`contact_names`).
pub fn names_and_words<'a>(given: impl IntoIterator<Item = &'a str>) -> (Vec<String>, Vec<String>) {
    let mut names: Vec<String> = Vec::new();
    for name in given.into_iter().map(|n| fold(n).trim().to_string()) {
        if !name.is_empty() && !names.contains(&name) {
            names.push(name);
        }
    }
    let mut words: Vec<String> = Vec::new();
    for word in names.iter().flat_map(|n| n.split_whitespace()) {
        if !words.iter().any(|w| w == word) {
            words.push(word.to_string());
        }
    }
    (names, words)
}

/// The search text of a row from its fields as a hit names them (field,
/// value): those named in `names` are its names, the others its fields.
pub fn compose_fields(fields: &[(&str, String)], names: &[&str]) -> String {
    let of = |is_name: bool| {
        fields
            .iter()
            .filter(move |(f, _)| names.contains(f) == is_name)
            .map(|(_, v)| v.as_str())
    };
    compose(of(true), of(false))
}

/// How many characters of a title its sort key keeps, and of a word its
/// row in a words table (`words_of`).
const KEY_CHARS: usize = 64;

/// The sort key of a row's title among search hits: its name as the search
/// text marks it (folded, then trimmed), at most 64 characters. A query
/// shorter than that equals the title exactly when it equals the key, and
/// begins it exactly when it begins the key.
pub fn key_of(title: &str) -> String {
    fold(title).trim().chars().take(KEY_CHARS).collect()
}

/// The rows a words table keeps of a row whose title is its one name (an
/// interaction's summary, a favor's description), from its search text
/// and key: each word the text holds after a space, a line break or a word
/// mark — where a word-prefix pattern of `rank_patterns` looks — up to the
/// next of those or of the name marks, once, at most 64 characters; each
/// such word of fewer characters with the word after the one space that
/// follows it, as a pair (`pair_word`), once; and its key after the name
/// mark when it has one (`NAME` + key), which the name ranks read.
/// `Query::word` says which queries the rows answer, `Query::phrase`'s
/// words those the pairs do: a row that holds `a b c…` after a space or a
/// line break has the pairs `a b` and one that begins with `b c`.
pub fn words_of(text: &str, key: &str) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    if !key.is_empty() {
        out.push(name_word(key));
    }
    let mut seen = HashSet::new();
    let mut word = String::new();
    // The word before this one, when a space alone stands between them
    // and it is one the rows keep, whole.
    let mut before: Option<String> = None;
    let (mut starts, mut chars) = (false, 0);
    // A name mark after the text ends its last word.
    for c in text.chars().chain([NAME]) {
        if matches!(c, ' ' | '\n' | WORD | NAME | NAME_END) {
            let pair = before.take().filter(|_| !word.is_empty());
            if let Some(pair) = pair.map(|b| pair_word(&b, &word)) {
                if seen.insert(pair.clone()) {
                    out.push(pair);
                }
            }
            let kept = starts && !word.is_empty();
            before = (c == ' ' && kept && chars < KEY_CHARS).then(|| word.clone());
            if kept && seen.insert(word.clone()) {
                out.push(std::mem::take(&mut word));
            }
            word.clear();
            (starts, chars) = (matches!(c, ' ' | '\n' | WORD), 0);
        } else if chars < KEY_CHARS {
            word.push(c);
            chars += 1;
        }
    }
    out
}

/// A words table's row of the word `a` and the word `b` after it
/// (`words_of`): a word mark, the two with a space between, at most 64
/// characters after the mark; a phrase's two words (the second whole or
/// its beginning) as its pairs find them.
pub fn pair_word(a: &str, b: &str) -> String {
    std::iter::once(WORD)
        .chain(a.chars().chain([' ']).chain(b.chars()).take(KEY_CHARS))
        .collect()
}

/// A words table's row of a title's key (`words_of`): the ranks a name
/// decides are the rows from `name_word(q)` on that begin with it, in the
/// order of the keys; the one equal to it ranks first.
pub fn name_word(key: &str) -> String {
    format!("{NAME}{key}")
}

/// The strings that begin with `s`, as a range: from `s` to before the
/// second string (`s` and the last character there is).
pub fn beginning_with(s: &str) -> (String, String) {
    (s.to_string(), format!("{s}{}", char::MAX))
}

/// The rows a store keeps of a row's names for `Query::name_ranks`: each
/// name, and each word of them that is not itself one of the names (a
/// query that begins such a word begins that name too, which ranks
/// better, so its word row would never decide a rank). `Ana Lima` with
/// the given name `Ana` and the family name `Lima` is three rows, not five.
pub fn name_rows<'a>(given: impl IntoIterator<Item = &'a str>) -> Vec<(NameKind, String)> {
    let (names, words) = names_and_words(given);
    let words: Vec<String> = words.into_iter().filter(|w| !names.contains(w)).collect();
    names
        .into_iter()
        .map(|n| (NameKind::Name, n))
        .chain(words.into_iter().map(|w| (NameKind::Word, w)))
        .collect()
}

/// The rows a store keeps of a row's search text for the word rank
/// (`Query::name_ranks`), beside its `name_rows`: from each place a word
/// begins after a space or a line break up to the next name mark, word
/// mark or line break, at most 64 characters, once each; none that begins
/// with a space, and none that is one of `name_rows` (a query that begins
/// it begins that row too). With the name rows' words (what follows a word
/// mark), a query of one line and at most 64 characters begins a word of
/// the text — where the word-prefix patterns of `rank_patterns` look —
/// exactly when it begins one of these rows or one of those words.
pub fn tails_of(text: &str, name_rows: &[(NameKind, String)]) -> Vec<String> {
    // A note of many words has as many tails: looked up, not compared, and
    // each a slice of the text until it is kept (a note of 10,000
    // characters has a thousand).
    let names: HashSet<&str> = name_rows.iter().map(|(_, n)| n.as_str()).collect();
    let mut seen: HashSet<&str> = HashSet::new();
    let mut out: Vec<String> = Vec::new();
    for (i, c) in text.char_indices() {
        if !matches!(c, ' ' | '\n') {
            continue;
        }
        let rest = &text[i + 1..];
        // Up to the next mark or line break, at most `KEY_CHARS`.
        let end = rest
            .char_indices()
            .enumerate()
            .find(|(n, (_, c))| *n == KEY_CHARS || matches!(*c, '\n' | WORD | NAME | NAME_END))
            .map_or(rest.len(), |(_, (at, _))| at);
        let tail = &rest[..end];
        let kept = !tail.is_empty() && !tail.starts_with(' ') && !names.contains(tail);
        if kept && seen.insert(tail) {
            out.push(tail.to_string());
        }
    }
    out
}

/// Which of a row's rows `Query::name_ranks` looks at: its whole names,
/// the words of them (`name_rows`), or the tails of its search text
/// (`tails_of`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum NameKind {
    Name,
    Word,
    Tail,
}

impl NameKind {
    /// As a store keeps it.
    pub fn as_str(self) -> &'static str {
        match self {
            NameKind::Name => "name",
            NameKind::Word => "word",
            NameKind::Tail => "tail",
        }
    }
}

/// How many characters of a name or word a store keeps as its head (an
/// index of `HEAD` beside the kind): a query of that many equals the head
/// of each name it begins.
pub const HEAD_CHARS: usize = SUBSTRING_FROM - 1;

/// A rank that a row's rows in a store decide: the row has a row of one of
/// `kinds` in `from..to`, in code point order, and none in the range of a
/// better rank. Equal to a query is `q..q␁` (a name never holds the marks
/// `fold` drops), beginning with it `q..q` + the last character. With
/// `by_head`, the range is read as the rows whose head (`HEAD_CHARS`
/// characters) equals `from`, which it then has as many characters as.
#[derive(Clone, Debug, PartialEq)]
pub struct NameRank {
    pub rank: i32,
    pub kinds: &'static [NameKind],
    pub from: String,
    pub to: String,
    pub by_head: bool,
}

impl NameRank {
    /// The one name the range holds, when it holds one (a name equal to
    /// the query). Read by equality, an index of (name, key) hands its
    /// rows in key order, so a page stops at its own rows; read as a range,
    /// every row in it is sorted first (`lima`, 6,352 names: 1.8 ms against
    /// 0.04 on PostgreSQL). (`by_head` reads a range by equality too, of
    /// the heads.)
    pub fn only(&self) -> Option<&str> {
        let end = self.to.strip_prefix(self.from.as_str())?;
        (end.strip_prefix(WORD)?.is_empty()).then_some(self.from.as_str())
    }

    /// Of `ranks`, those whose rows no other of them holds all of (the
    /// same kinds, a range inside its range): a contact in any of `ranks`
    /// is in one of these.
    pub fn widest<'a>(ranks: impl Iterator<Item = &'a NameRank> + Clone) -> Vec<&'a NameRank> {
        // `a` holds every row of `b` and more.
        let holds = |a: &NameRank, b: &NameRank| {
            let within = a.from <= b.from && b.to <= a.to;
            a.kinds == b.kinds && within && (a.from < b.from || b.to < a.to)
        };
        ranks
            .clone()
            .filter(|r| !ranks.clone().any(|w| holds(w, r)))
            .collect()
    }
}

/// A query, as the strings it looks for.
#[derive(Clone, Debug, PartialEq)]
pub struct Query {
    /// The folded query and, when it reads as a phone number, its digits.
    needles: Vec<String>,
    /// Shorter than `SUBSTRING_FROM`: only the start of a name's word.
    short: bool,
}

impl Query {
    /// The query `q` asks for, unless it is blank.
    pub fn parse(q: &str) -> Option<Query> {
        let folded = fold(q.trim());
        if folded.is_empty() {
            return None;
        }
        let short = folded.chars().count() < SUBSTRING_FROM;
        let mut needles = vec![folded];
        let d = digits(q);
        let phone_like = d.len() >= SUBSTRING_FROM
            && q.trim()
                .chars()
                .all(|c| c.is_ascii_digit() || " +-().".contains(c));
        if phone_like && !short && !needles.contains(&d) {
            needles.push(d);
        }
        Some(Query { needles, short })
    }

    /// What a row's text must contain: the folded query anywhere, or its
    /// digits (phone-like queries); a short query, at the start of a name
    /// word. As `LIKE … ESCAPE '\'` patterns.
    pub fn patterns(&self) -> Vec<String> {
        if self.short {
            return vec![like(WORD, &self.needles[0], "")];
        }
        self.needles.iter().map(|n| like_any(n)).collect()
    }

    /// Whether each string the query looks for anywhere is of one or two
    /// trigrams (three or four characters: `ima`, `omar`), for which a
    /// trigram index names many rows where a longer string's trigrams
    /// together name few (`ima`: 6,400 of 100,000 contacts;
    /// `ben.silva51581`: one).
    pub fn few_trigrams(&self) -> bool {
        !self.short && self.needles.iter().all(|n| n.chars().count() <= 4)
    }

    /// The candidates of `patterns` as an FTS5 query on a trigram index,
    /// when each string it looks for has three characters or more
    /// (otherwise the index cannot help): the rows that hold each trigram
    /// of `trigram_cover` of a string, for any of them. More rows than
    /// match, which the `LIKE` of `patterns` then confirms; as a phrase
    /// (every trigram, at its position) FTS5 reads each trigram's rows,
    /// common ones too, and `pricing page #17` took 17–25 ms over
    /// 1,000,000 interactions against 6 for its cover.
    pub fn fts5(&self) -> Option<String> {
        let strings: Vec<String> = if self.short {
            vec![format!("{WORD}{}", self.needles[0])]
        } else {
            self.needles.clone()
        };
        if strings.iter().any(|s| s.chars().count() < 3) {
            return None;
        }
        let each: Vec<String> = strings
            .iter()
            .map(|s| {
                trigram_cover(s)
                    .iter()
                    .map(|t| format!("\"{}\"", t.replace('"', "\"\"")))
                    .collect::<Vec<_>>()
                    .join(" AND ")
            })
            .collect();
        Some(match each.as_slice() {
            [one] => one.clone(),
            _ => each
                .iter()
                .map(|e| format!("({e})"))
                .collect::<Vec<_>>()
                .join(" OR "),
        })
    }

    /// The patterns of each rank but the last (`RANKS`): a name equal to
    /// the query, a name that begins with it, a word that begins with it.
    pub fn rank_patterns(&self) -> [Vec<String>; 3] {
        let q = &self.needles[0];
        let words = self
            .needles
            .iter()
            .flat_map(|n| [like(WORD, n, ""), like(' ', n, ""), like('\n', n, "")])
            .collect();
        [
            vec![like(NAME, q, &NAME_END.to_string())],
            vec![like(NAME, q, "")],
            words,
        ]
    }

    /// `rank_patterns` for rows known to rank `from` or worse: the
    /// patterns of better ranks left out (each then matches nothing, so a
    /// rank computed from them starts at `from`).
    pub fn rank_patterns_from(&self, from: i32) -> [Vec<String>; 3] {
        let mut ranks = self.rank_patterns();
        for (rank, patterns) in ranks.iter_mut().enumerate() {
            if (rank as i32) < from {
                patterns.clear();
            }
        }
        ranks
    }

    /// The patterns a row of a rank better than `rank` matches one of
    /// (none for rank 0); a name equal to the query begins with it, so
    /// from rank 2 on the prefix pattern stands for both name ranks.
    pub fn better_than(&self, rank: i32) -> Vec<String> {
        let [exact, prefix, words] = self.rank_patterns();
        match rank {
            r if r <= 0 => Vec::new(),
            1 => exact,
            2 => prefix,
            _ => prefix.into_iter().chain(words).collect(),
        }
    }

    /// The ranks a row's rows in a store (`name_rows`, `tails_of`) decide,
    /// best first: a name equal to the query; a name that begins with it;
    /// a word that begins with it: for a short query (which finds nothing
    /// else) a word of a name, for another of one line and at most 64
    /// characters (`tail`) a word of the text — a name's word or a tail.
    /// The rows of the other ranks are `beyond_names`. A query of
    /// `HEAD_CHARS` characters reads the names and words it begins by
    /// their heads.
    ///
    /// Without `tails` (a migration added them and its backfill is still
    /// writing them) a longer query's word rank is beyond these.
    pub fn name_ranks(&self, tails: bool) -> Vec<NameRank> {
        const NAME: &[NameKind] = &[NameKind::Name];
        const WORDS: &[NameKind] = &[NameKind::Word];
        const TEXT_WORDS: &[NameKind] = &[NameKind::Word, NameKind::Tail];
        let q = &self.needles[0];
        let by_head = q.chars().count() == HEAD_CHARS;
        let range = |rank, kinds, end: char, by_head| NameRank {
            rank,
            kinds,
            from: q.clone(),
            to: format!("{q}{end}"),
            by_head,
        };
        let mut ranks = vec![
            range(0, NAME, WORD, false),
            range(1, NAME, char::MAX, by_head),
        ];
        if self.short {
            ranks.push(range(2, WORDS, char::MAX, by_head));
        } else if tails && self.tail().is_some() {
            ranks.push(range(2, TEXT_WORDS, char::MAX, false));
        }
        ranks
    }

    /// The query as the beginning of a tail (`tails_of`): one string to
    /// look for (not a phone number's digits as well), long enough to be
    /// looked for anywhere, of one line and at most 64 characters.
    fn tail(&self) -> Option<&str> {
        let [q] = self.needles.as_slice() else {
            return None;
        };
        let fits = !q.contains('\n') && q.chars().count() <= KEY_CHARS;
        (!self.short && fits).then_some(q.as_str())
    }

    /// What follows the query's first space (and the spaces after it), when
    /// the query is a `tail` with a space in it. Wherever the query is in a
    /// text, that follows a space there: a word of the text begins with
    /// it, so the rows of the text that hold the query are among those
    /// with a tail, a name or a name's word that begins with it
    /// (`tails_of` leaves out a tail that a name row holds).
    pub fn after_first_space(&self) -> Option<&str> {
        let (_, rest) = self.tail()?.split_once(' ')?;
        Some(rest.trim_start_matches(' ')).filter(|r| !r.is_empty())
    }

    /// The query as one word that a words table (`words_of`) answers for
    /// its first three ranks: one string to look for (not a phone number's
    /// digits as well), of three characters or more and fewer than a key
    /// keeps, with no space or line break.
    pub fn word(&self) -> Option<&str> {
        let [q] = self.needles.as_slice() else {
            return None;
        };
        let n = q.chars().count();
        let one_word = !q.contains([' ', '\n']);
        (!self.short && one_word && n < KEY_CHARS).then_some(q.as_str())
    }

    /// The query as one word: a short query, or one of three characters or
    /// more without a space (`word`). The rows of a store that begin with
    /// it (names, words, tails) are some of those that hold it, and as
    /// many as there are at least.
    pub fn one_word(&self) -> Option<&str> {
        match self.short {
            true => Some(&self.needles[0]),
            false => self.word(),
        }
    }

    /// The query as words with a space between (`pricing page`), and its
    /// first word, which a row of its word rank has in its text exactly
    /// (after a space or a line break, up to the space that follows),
    /// when it is one string to look for, of one line and fewer
    /// characters than a key keeps.
    pub fn phrase(&self) -> Option<(&str, &str)> {
        let [q] = self.needles.as_slice() else {
            return None;
        };
        let fits = !self.short && !q.contains('\n') && q.chars().count() < KEY_CHARS;
        let (first, _) = q.split_once(' ').filter(|_| fits)?;
        Some((q.as_str(), first))
    }

    /// Whether a row whose title has the key `key` (`key_of`) is of the
    /// word rank of a short query or a `phrase` — a word of the title
    /// begins with it (a short query's only rank but the title's), or
    /// a word of any field does — and its title does not: `Some` when
    /// the key says so, `None` when the row's text must (a phrase
    /// elsewhere than in the title, a key cut short before the word:
    /// `KEY_CHARS`). `Some(false)` for any other query.
    pub fn title_word(&self, key: &str) -> Option<bool> {
        let q = self.needles[0].as_str();
        if key.starts_with(q) || !(self.short || self.phrase().is_some()) {
            return Some(false);
        }
        let in_title = match self.short {
            true => key.split_whitespace().any(|w| w.starts_with(q)),
            false => key.contains(&format!(" {q}")),
        };
        if in_title {
            return Some(true);
        }
        (self.short && key.chars().count() < KEY_CHARS).then_some(false)
    }

    /// What the text of a row of the word rank holds one of (`title_word`
    /// when its key cannot tell): a short query at a name's word, any
    /// other after a space, a line break or a name's word mark.
    pub fn word_patterns(&self) -> Vec<String> {
        match self.short {
            true => self.patterns(),
            false => self.rank_patterns()[2].clone(),
        }
    }

    /// Whether rows the names do not rank can match: a query long enough
    /// to be looked for anywhere.
    pub fn beyond_names(&self) -> bool {
        !self.short
    }

    /// The rank (index in `RANKS`) of a search text that matches, as the
    /// databases compute it from `rank_patterns`.
    pub fn rank(&self, text: &str) -> i32 {
        let q = &self.needles[0];
        if text.contains(&format!("{NAME}{q}{NAME_END}")) {
            return 0;
        }
        if text.contains(&format!("{NAME}{q}")) {
            return 1;
        }
        let word = self.needles.iter().any(|n| {
            [WORD, ' ', '\n']
                .iter()
                .any(|s| text.contains(&format!("{s}{n}")))
        });
        if word {
            2
        } else {
            3
        }
    }

    /// Where in `value` (a field as written) the query is found, as a
    /// range of characters, if it is.
    pub fn find_in(&self, value: &str) -> Option<(usize, usize)> {
        // Each character folds to zero or more: fold one at a time and
        // remember which character each folded one came from.
        let mut folded = String::new();
        let mut origin = Vec::new();
        for (i, c) in value.chars().enumerate() {
            for f in fold(&c.to_string()).chars() {
                folded.push(f);
                origin.push(i);
            }
        }
        let fchars: Vec<char> = folded.chars().collect();
        let digits_of_value: Option<(String, Vec<usize>)> = (self.needles.len() > 1).then(|| {
            let idx: Vec<usize> = value
                .chars()
                .enumerate()
                .filter(|(_, c)| c.is_ascii_digit())
                .map(|(i, _)| i)
                .collect();
            (digits(value), idx)
        });
        for (n, needle) in self.needles.iter().enumerate() {
            let needle: Vec<char> = needle.chars().collect();
            let (hay, map): (Vec<char>, &[usize]) = match (&digits_of_value, n) {
                (Some((d, idx)), 1) => (d.chars().collect(), idx.as_slice()),
                _ => (fchars.clone(), origin.as_slice()),
            };
            if needle.is_empty() || needle.len() > hay.len() {
                continue;
            }
            for start in 0..=hay.len() - needle.len() {
                let word_start = start == 0 || !hay[start - 1].is_alphanumeric();
                if (!self.short || word_start) && hay[start..start + needle.len()] == needle[..] {
                    let end = map[start + needle.len() - 1] + 1;
                    return Some((map[start], end));
                }
            }
        }
        None
    }
}

/// The trigrams of `s` (three characters or more) that together cover
/// each of its characters: those at 0, 3, 6, … and the last one, each once.
/// A text that holds `s` holds each of them.
fn trigram_cover(s: &str) -> Vec<String> {
    let chars: Vec<char> = s.chars().collect();
    let last = chars.len().saturating_sub(3);
    let mut out: Vec<String> = Vec::new();
    for start in (0..last).step_by(3).chain([last]) {
        let t: String = chars[start..(start + 3).min(chars.len())].iter().collect();
        if !out.contains(&t) {
            out.push(t);
        }
    }
    out
}

/// `%` + `before` + `s` + `after` + `%`, with `%`, `_` and `\` of `s`
/// escaped for `LIKE … ESCAPE '\'`.
fn like(before: char, s: &str, after: &str) -> String {
    let mut p = String::with_capacity(s.len() + 4);
    p.push('%');
    p.push(before);
    push_escaped(&mut p, s);
    p.push_str(after);
    p.push('%');
    p
}

/// `%s%`, escaped as `like` does.
fn like_any(s: &str) -> String {
    let mut p = String::with_capacity(s.len() + 2);
    p.push('%');
    push_escaped(&mut p, s);
    p.push('%');
    p
}

fn push_escaped(p: &mut String, s: &str) {
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(ch);
    }
}

/// A short passage of `value` around the characters `start..end`: at most
/// about 100 characters, on one line, `…` where it was cut.
pub fn snippet(value: &str, (start, end): (usize, usize)) -> String {
    const BEFORE: usize = 30;
    const WIDTH: usize = 100;
    let chars: Vec<char> = value
        .chars()
        .map(|c| if c.is_whitespace() { ' ' } else { c })
        .collect();
    let from = start.saturating_sub(BEFORE);
    let to = chars.len().min(from.max(end).max(from + WIDTH));
    let mut s = String::new();
    if from > 0 {
        s.push('…');
    }
    s.extend(&chars[from..to]);
    if to < chars.len() {
        s.push('…');
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn q(s: &str) -> Query {
        Query::parse(s).expect("a query")
    }

    /// A short query's word rank, from a title's key, agrees with the
    /// patterns on the text of that title, and says when the key is too
    /// short to tell.
    #[test]
    fn a_title_key_says_whether_a_word_of_it_begins_a_short_query() {
        let long = format!("{} abc", "x".repeat(62));
        let cut = key_of(&long);
        for (title, query, expected) in [
            ("Coffee about a job", "ab", Some(true)),
            ("Coffee about a job", "a", Some(true)),
            ("Coffee about a job", "co", Some(false)),
            ("Coffee about a job", "ja", Some(false)),
            ("Café Über", "ub", Some(true)),
            ("Mail from p1@abc.org", "ab", Some(false)),
            (long.as_str(), "ab", None),
            (long.as_str(), "x", Some(false)),
            ("Coffee about a job", "abo", Some(false)),
            ("Coffee about a job", "about a", Some(true)),
            ("Coffee about a job", "coffee about", Some(false)),
            ("Coffee about a jobs fair", "a job", Some(true)),
            ("Coffee about a jobs fair", "bout a", None),
            ("Coffee", "about a", None),
        ] {
            let q = q(query);
            assert_eq!(q.title_word(&key_of(title)), expected, "{title} / {query}");
            // What the key says, the text's patterns say.
            let words = q.short || q.phrase().is_some();
            if let Some(word) = q.title_word(&key_of(title)).filter(|_| words) {
                let text = compose([title], []);
                let found = match q.short {
                    true => text.contains(&format!("{WORD}{}", q.needles[0])),
                    false => text.contains(&q.needles[0]),
                };
                assert_eq!(word, found && q.rank(&text) == 2, "{title} / {query}");
            }
        }
        assert_eq!(cut.chars().count(), KEY_CHARS);
    }

    #[test]
    fn folding_drops_case_accents_and_marks() {
        assert_eq!(fold("José MÜLLER-Çelik"), "jose muller-celik");
        assert_eq!(fold("Ångström"), "angstrom");
        assert_eq!(fold("Straße"), "straße");
        assert_eq!(fold("a\u{1}b\u{2}c\u{3}"), "abc");
    }

    #[test]
    fn the_text_leads_with_marked_names_then_their_words() {
        let t = compose(["José García", "José"], ["Acme", "+1 555"]);
        assert_eq!(
            t,
            "\u{2}jose garcia\u{3}\u{2}jose\u{3}\u{1}jose\u{1}garcia\nacme\n+1 555"
        );
        assert_eq!(compose([], []), "\n");
        let fields = [
            ("notes", "Lisbon".to_string()),
            ("summary", "Café".to_string()),
        ];
        assert_eq!(
            compose_fields(&fields, &["summary"]),
            compose(["Café"], ["Lisbon"])
        );
    }

    #[test]
    fn a_phone_like_query_is_also_looked_for_by_its_digits() {
        assert_eq!(q("555 0103").patterns(), ["%555 0103%", "%5550103%"]);
        assert_eq!(q("+1 (555)").patterns(), ["%+1 (555)%", "%1555%"]);
        assert_eq!(q("room 101").patterns(), ["%room 101%"]);
        assert_eq!(q("12").patterns(), ["%\u{1}12%"]);
    }

    #[test]
    fn a_short_query_looks_for_the_start_of_a_name_word() {
        assert_eq!(q(" Jo ").patterns(), ["%\u{1}jo%"]);
        assert_eq!(q("jos").patterns(), ["%jos%"]);
        assert_eq!(q("Jo").fts5().as_deref(), Some("\"\u{1}jo\""));
        assert_eq!(q("J").fts5(), None);
        assert!(Query::parse("  ").is_none());
    }

    #[test]
    fn the_index_is_asked_for_trigrams_that_cover_the_query() {
        assert_eq!(trigram_cover("abc"), ["abc"]);
        assert_eq!(
            trigram_cover("conference 17"),
            ["con", "fer", "enc", "e 1", " 17"]
        );
        assert_eq!(trigram_cover("aaaaaa"), ["aaa"]);
        assert_eq!(trigram_cover("zürich"), ["zür", "ich"]);
        assert_eq!(trigram_cover("sara.kim"), ["sar", "a.k", "kim"]);
        assert_eq!(
            q("555 0103").fts5().as_deref(),
            Some("(\"555\" AND \" 01\" AND \"103\") OR (\"555\" AND \"010\" AND \"103\")")
        );
        assert_eq!(q("lima").fts5().as_deref(), Some("\"lim\" AND \"ima\""));
    }

    #[test]
    fn metacharacters_are_literal() {
        assert_eq!(q(r"50%_a\b").patterns(), [r"%50\%\_a\\b%"]);
        assert_eq!(
            q("say \"hi\"").fts5().as_deref(),
            Some("\"say\" AND \" \"\"h\" AND \"hi\"\"\"")
        );
    }

    #[test]
    fn ranks_follow_the_rank_patterns() {
        let text = compose(
            ["Anabel Ruiz", "Anabel", "Ruiz"],
            ["Acme Robotics", "likes analog synths"],
        );
        assert_eq!(q("ana").rank(&text), 1);
        assert_eq!(q("ruiz").rank(&text), 0);
        assert_eq!(q("robo").rank(&text), 2);
        assert_eq!(q("alog").rank(&text), 3);
        assert_eq!(q("anabel ruiz").rank(&text), 0);
    }

    #[test]
    fn a_word_that_is_a_name_is_kept_once_as_the_name() {
        let rows = name_rows(["Ana Lima", "Ana", "Lima"]);
        let as_text: Vec<(&str, &str)> =
            rows.iter().map(|(k, n)| (k.as_str(), n.as_str())).collect();
        assert_eq!(
            as_text,
            [("name", "ana lima"), ("name", "ana"), ("name", "lima")]
        );
        let rows = name_rows(["Ana Maria Lima", "Ana"]);
        let as_text: Vec<(&str, &str)> =
            rows.iter().map(|(k, n)| (k.as_str(), n.as_str())).collect();
        assert_eq!(
            as_text,
            [
                ("name", "ana maria lima"),
                ("name", "ana"),
                ("word", "maria"),
                ("word", "lima")
            ]
        );
    }

    #[test]
    fn a_query_of_one_or_two_trigrams_has_few() {
        let few = |q: &str| Query::parse(q).unwrap().few_trigrams();
        for q in ["ima", "Omar", "MÜLL", "a.b"] {
            assert!(few(q), "{q}");
        }
        // Two characters: a name's word begins with it; five or more, or
        // a phone number's digits beside its text: more trigrams.
        for q in [
            "im",
            "lima2",
            "silva",
            "ben.silva51581",
            "555 0103",
            "omar s",
        ] {
            assert!(!few(q), "{q}");
        }
    }

    #[test]
    fn tails_run_from_each_word_to_the_end_of_its_line_or_name() {
        let names = ["Ana Maria Lima", "Ana"];
        let text = compose(
            names,
            ["Company 0007", "Lima", "met at  conference 17\nin Zürich"],
        );
        assert_eq!(
            tails_of(&text, &name_rows(names)),
            [
                "maria lima", // in the name; `lima` is a word row
                "company 0007",
                "0007",
                "met at  conference 17",
                "at  conference 17",
                "conference 17",
                "17",
                "in zurich",
                "zurich"
            ]
        );
        let long = compose(["x"], [&*format!("a {}", "b".repeat(70))]);
        assert_eq!(tails_of(&long, &[])[1], "b".repeat(64));
    }

    #[test]
    fn only_a_name_equal_to_the_query_is_read_as_one_name() {
        let read_as = |query: &str, tails| {
            q(query)
                .name_ranks(tails)
                .iter()
                .map(|r| match (r.only(), r.by_head) {
                    (Some(only), _) => format!("= {only}"),
                    (None, true) => format!("head {}", r.from),
                    (None, false) => format!("{} from {}", r.kinds.len(), r.from),
                })
                .collect::<Vec<_>>()
        };
        assert_eq!(
            read_as("Lima", true),
            ["= lima", "1 from lima", "2 from lima"]
        );
        assert_eq!(read_as("Lima", false), ["= lima", "1 from lima"]);
        assert_eq!(read_as("José Nó", true).len(), 3);
        // A short query's names and words by their heads.
        assert_eq!(read_as("jo", true), ["= jo", "head jo", "head jo"]);
        assert_eq!(read_as("j", true), ["= j", "1 from j", "1 from j"]);
        // A phone number's digits too, or two lines: no tail holds them.
        assert_eq!(read_as("555 0103", true), ["= 555 0103", "1 from 555 0103"]);
        assert_eq!(read_as("a\nb", true).len(), 2);
    }

    #[test]
    fn what_follows_a_first_space_begins_a_row_of_every_text_that_holds_the_query() {
        assert_eq!(q("Ana  Lima 12").after_first_space(), Some("lima 12"));
        assert_eq!(q("lima").after_first_space(), None);
        assert_eq!(q("555 0103").after_first_space(), None); // digits too
        assert_eq!(
            q(&format!("a {}", "b".repeat(70))).after_first_space(),
            None
        );
        let names = ["Hana Lima 12", "Hana", "Lima"];
        let fields = ["Xana lima 7", "ana  lima 9\nbanana lima 12"];
        let text = compose(names, fields);
        let mut rows = name_rows(names);
        let tails = tails_of(&text, &rows);
        rows.extend(tails.into_iter().map(|t| (NameKind::Tail, t)));
        for query in [
            "ana lima 12",
            "ana lima",
            "ana  lima 9",
            "na lima 1",
            "xana lima",
        ] {
            let query = q(query);
            let rest = query.after_first_space().unwrap();
            assert!(text.contains(&query.needles[0]), "{query:?}");
            assert!(rows.iter().any(|(_, r)| r.starts_with(rest)), "{query:?}");
        }
    }

    #[test]
    fn name_ranks_agree_with_the_rank_of_the_text() {
        // Every query, every row: the first name rank a row's names meet is
        // the rank of its text; a row they do not meet ranks beyond them.
        let rows = [
            (vec!["Ana Lima", "Ana", "Lima"], vec!["Lima Labs"]),
            (vec!["Limar Ruiz", "Limar", "Ruiz"], vec!["lima beans"]),
            (vec!["Nora Lima", "", "Lima"], vec![]),
            (vec!["José Nó", "José", "Nó"], vec!["notes"]),
            (vec!["Nó"], vec![]),
            (vec!["Ana Maria", "Ana Maria", ""], vec!["Lima"]),
            (vec!["Zoe"], vec!["met at\nlima  labs", "+1 (555) 0103"]),
        ];
        let queries = [
            "lima",
            "li",
            "ana",
            "ana lima",
            "no",
            "ruiz",
            "beans",
            "jo",
            "l",
            "ma",
            "a l",
            "ima",
            "lima b",
            "labs",
            "lima  labs",
            "at",
            "55",
            "555 0103",
        ];
        for (query, tails) in queries.iter().flat_map(|q| [(q, true), (q, false)]) {
            let q = q(query);
            for (names, fields) in &rows {
                let text = compose(names.iter().copied(), fields.iter().copied());
                let mut rows = name_rows(names.iter().copied());
                let tail_rows = tails_of(&text, &rows);
                rows.extend(tail_rows.into_iter().map(|t| (NameKind::Tail, t)));
                let meets = |r: &NameRank| {
                    rows.iter()
                        .any(|(kind, n)| r.kinds.contains(kind) && *n >= r.from && *n < r.to)
                };
                let n = &q.needles[0];
                let matches = match q.short {
                    true => text.contains(&format!("{WORD}{n}")),
                    false => text.contains(n.as_str()),
                };
                let ranks = q.name_ranks(tails);
                // A row in a better rank is in one of the widest of them.
                for r in &ranks {
                    let better = || ranks.iter().filter(|b| b.rank < r.rank);
                    let widest = NameRank::widest(better());
                    assert!(widest.len() <= 1, "{query}: {widest:?}");
                    let in_widest = widest.iter().any(|b| meets(b));
                    assert_eq!(better().any(meets), in_widest, "{query} in {names:?}");
                }
                match ranks.iter().find(|r| meets(r)) {
                    Some(r) => {
                        assert!(matches, "{query} in {names:?}");
                        assert_eq!(r.rank, q.rank(&text), "{query} in {names:?}");
                    }
                    None => assert!(
                        !matches || (q.beyond_names() && q.rank(&text) >= ranks.len() as i32),
                        "{query} in {names:?}"
                    ),
                }
            }
        }
    }

    #[test]
    fn a_words_table_ranks_a_word_as_the_text_does() {
        // Every query, every row: the first rank whose range of the row's
        // words (and key) holds it is the rank of its text, and a row that
        // does not match is in no range.
        let rows = [
            ("Coffee about the Berlin offsite #417", None),
            ("Berlin", Some("notes")),
            ("  Berlin  ", None),
            ("berliner weisse", Some("in Berlin")),
            ("Xberlin party", Some("tab\tberlin (berlin)")),
            ("", Some("berlin\nlisbon")),
            ("Zürich trip", Some("José: MÜLLER-berlin")),
            ("a\u{1}berlin", None),
            (&*"x".repeat(70), Some("xxxx")),
            ("50%_off sale", Some("sale 50%_off")),
        ];
        let queries = [
            "berlin", "Berlin ", "zurich", "muller", "jose:", "50%_", "off", "xxx", "lis", "tab",
            "weisse",
        ];
        for query in queries {
            let q = q(query);
            let word = q.word().expect("one word");
            for (title, notes) in &rows {
                let mut fields = vec![("summary", title.to_string())];
                fields.extend(notes.map(|n| ("notes", n.to_string())));
                let text = compose_fields(&fields, &["summary"]);
                let key = key_of(title);
                let words = words_of(&text, &key);
                let (names, words_from) = (beginning_with(&name_word(word)), beginning_with(word));
                let within = |w: &String, rank| match rank {
                    0 => *w == names.0,
                    1 => *w > names.0 && *w < names.1,
                    _ => {
                        let (from, to) = &words_from;
                        w >= from && w < to && !(key >= *from && key < *to)
                    }
                };
                let rank = (0..3).find(|&r| words.iter().any(|w| within(w, r)));
                let expected = text.contains(word).then(|| q.rank(&text));
                match rank {
                    Some(r) => assert_eq!(Some(r), expected, "{query} in {title:?} {notes:?}"),
                    None => assert!(matches!(expected, None | Some(3)), "{query} in {title:?}"),
                }
            }
        }
        assert_eq!(q("ana lima").word(), None);
        assert_eq!(q("555 0103").word(), None);
        assert_eq!(q("an").word(), None);
        assert_eq!(q(&"a".repeat(64)).word(), None);
        assert_eq!(q(&"a".repeat(63)).word().map(str::len), Some(63));
        assert_eq!(
            words_of(
                &compose(["Ana  Lima"], ["met at\tCafé", "lima"]),
                &key_of("Ana  Lima")
            ),
            [
                "\u{2}ana  lima",
                "lima",
                "ana",
                "met",
                "\u{1}met at\tcafe",
                "at\tcafe"
            ]
        );
    }

    #[test]
    fn a_row_that_holds_a_phrase_after_a_space_has_its_pairs_of_words() {
        let long = "y".repeat(70);
        let rows = [
            (
                "Lunch to discuss the robotics demo",
                Some("then the open-source release"),
            ),
            (
                "Call about the open-source release",
                Some("the\nrobotics and the  robots"),
            ),
            ("the robotics demo", Some("notes on the roadmap\nthe rest")),
            ("Zürich trip", Some("José: the Robotics\tlab, the r")),
            (
                &*format!("x {long} the robotics"),
                Some("to  discuss the rota"),
            ),
            ("Catch-up", Some("discuss the r\nto discuss the robotics")),
        ];
        let phrases = [
            "the r",
            "the ro",
            "the robotics",
            "discuss the r",
            "to discuss the rob",
            "the robotics demo",
            "the  r",
            "robotics d",
            "the open-source r",
            "jose: the r",
        ];
        for phrase in phrases {
            let q = q(phrase);
            let (p, _) = q.phrase().expect("a phrase");
            let words: Vec<&str> = p.split(' ').collect();
            for (title, notes) in &rows {
                let mut fields = vec![("summary", title.to_string())];
                fields.extend(notes.map(|n| ("notes", n.to_string())));
                let text = compose_fields(&fields, &["summary"]);
                let rows = words_of(&text, &key_of(title));
                let pairs: Vec<String> = words.windows(2).map(|w| pair_word(w[0], w[1])).collect();
                let has = |n: usize| match n + 1 == pairs.len() {
                    true => rows.iter().any(|r| r.starts_with(&pairs[n])),
                    false => rows.contains(&pairs[n]),
                };
                let all = (0..pairs.len()).all(has);
                if q.rank(&text) == 2 && !words.contains(&"") {
                    assert!(all, "{phrase:?} in {title:?} {notes:?}: {rows:?}");
                }
                // Two words together are where the rank looks.
                if pairs.len() == 1 && all {
                    assert!(q.rank(&text) <= 2, "{phrase:?} in {title:?} {notes:?}");
                }
            }
        }
        let text = compose_fields(&[("summary", format!("a {long} b"))], &["summary"]);
        assert!(!words_of(&text, "").iter().any(|w| w.contains(" b")));
        assert_eq!(pair_word("the", &"r".repeat(80)).chars().count(), 65);
    }

    #[test]
    fn a_match_is_found_in_the_field_as_written() {
        assert_eq!(q("muller").find_in("Ms Müller"), Some((3, 9)));
        assert_eq!(q("555 0103").find_in("+1-555-0103"), Some((3, 11)));
        assert_eq!(q("xyz").find_in("Ms Müller"), None);
        let long = "a".repeat(200) + "needle" + &"b".repeat(200);
        let s = snippet(&long, q("needle").find_in(&long).unwrap());
        assert!(s.starts_with('…') && s.ends_with('…') && s.contains("needle"));
        assert_eq!(snippet("Short\nnote", (0, 5)), "Short note");
    }
}
