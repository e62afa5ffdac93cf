//! The rules of paying it forward: which open asks meet which open offers
//! (shared tags and topic words, weighted by how close both people are to
//! you and how long the ask has waited), which of your contacts should
//! meet (shared tags, company, location and close mutual contacts), and
//! the introductions that act on them. Pairs who already know each other —
//! related, or people of one introduction — are left out, and so are pairs
//! you dismissed.

use std::collections::{HashMap, HashSet};
use std::sync::LazyLock;

use diesel::QueryResult;

use super::model::{IntroductionSuggestion, Match, MatchIntroduce, MatchPerson, Person};
use super::store::{self, pair, Candidate};
use crate::changes::kept::Kept;
use crate::changes::store as changes;
use crate::contacts::model::stored_list;
use crate::db::DbConn;
use crate::domain::{Error, Result};
use crate::error::FieldError;
use crate::introductions::model::{Changes, IntroductionRow};
use crate::needs::keys;
use crate::needs::model::{NeedKind, NeedRow, NeedStatus};
use crate::needs::service as needs;
use crate::needs::store::{self as need_store, OpenNeed};
use crate::search::text::fold;
use crate::time::{self, Micros, DAY};

/// The open needs, as matching reads them.
static OPEN_NEEDS: LazyLock<Kept<Vec<OpenNeed>>> = LazyLock::new(|| Kept::new("open_needs", 16));

/// The close contacts suggestions consider, and the relationships touching
/// them: (contact, other, strength).
type Close = (Vec<Candidate>, Vec<(String, String, i32)>);
static CLOSE: LazyLock<Kept<Close>> = LazyLock::new(|| Kept::new("close_contacts", 16));

/// How close you count yourself, and a contact without a closeness.
const SELF_CLOSENESS: i32 = 5;
const UNSET_CLOSENESS: i32 = 1;

fn closeness_of(contact: &Option<String>, closeness: Option<i32>) -> i32 {
    match contact {
        None => SELF_CLOSENESS,
        Some(_) => closeness.unwrap_or(UNSET_CLOSENESS),
    }
}

/// Two decimals are all a score needs to be read and compared.
fn round(x: f64) -> f64 {
    (x * 100.0).round() / 100.0
}

/// An ask as matching walks it: the best score it could reach, its index,
/// its keys (numbered) and whether each is a tag.
type AskKeys = (f64, usize, Vec<(u32, bool)>);

/// A match before its needs are read in full.
#[derive(Clone, Copy)]
struct Scored {
    score: f64,
    ask: usize,
    offer: usize,
}

/// A scored match in a heap that keeps the worst on top (the best first
/// is `Ordering::Less`, so the greatest is the worst).
struct Worst(Scored);

impl Worst {
    fn order(&self, other: &Self) -> std::cmp::Ordering {
        other
            .0
            .score
            .total_cmp(&self.0.score)
            .then_with(|| self.0.ask.cmp(&other.0.ask))
            .then_with(|| self.0.offer.cmp(&other.0.offer))
    }
}

impl PartialEq for Worst {
    fn eq(&self, other: &Self) -> bool {
        self.order(other).is_eq()
    }
}

impl Eq for Worst {}

impl PartialOrd for Worst {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for Worst {
    fn cmp(&self, other: &Self) -> std::cmp::Ordering {
        self.order(other)
    }
}

/// What `matches` is narrowed to.
#[derive(Default)]
pub struct MatchFilter {
    /// Only matches of this need.
    pub need: Option<String>,
    /// `Some(true)`: only your own asks; `Some(false)`: only contacts'.
    pub asks_mine: Option<bool>,
    /// `Some(true)`: only your own offers; `Some(false)`: only contacts'.
    pub offers_mine: Option<bool>,
}

/// The best `limit` matches of open asks with open offers, best first; and
/// whether more stood.
pub fn matches(
    conn: &mut DbConn,
    user_id: &str,
    now: Micros,
    filter: &MatchFilter,
    limit: usize,
) -> QueryResult<(Vec<Match>, bool)> {
    let today = time::to_datetime(now).date_naive().to_string();
    let at = changes::last_change(conn, user_id)?;
    let open = OPEN_NEEDS.get(user_id, at, || need_store::open_for_matching(conn, user_id))?;
    let of = |kind: &str, mine: Option<bool>| -> Vec<&OpenNeed> {
        open.iter()
            .filter(|n| n.stands(kind, &today, mine))
            .collect()
    };
    let (asks, offers) = (of("ask", filter.asks_mine), of("offer", filter.offers_mine));
    // One need's matches: an ask's offers, or an offer's asks.
    let (only_ask, only_offer) = match &filter.need {
        None => (None, None),
        Some(id) => match (
            asks.iter().position(|a| a.id == *id),
            offers.iter().position(|o| o.id == *id),
        ) {
            (Some(a), _) => (Some(a), None),
            (None, Some(o)) => (None, Some(o)),
            (None, None) => return Ok((Vec::new(), false)),
        },
    };
    // Offers by key (keys numbered once), then for each ask the offers
    // sharing a key with it, counted in two dense arrays.
    let mut key_ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let mut by_key: Vec<Vec<u32>> = Vec::new();
    for (i, o) in offers.iter().enumerate() {
        if only_offer.is_some_and(|only| only != i) {
            continue;
        }
        for key in o.keys.split(' ').filter(|k| !k.is_empty()) {
            let next = by_key.len() as u32;
            let k = *key_ids.entry(key).or_insert(next);
            if k == next {
                by_key.push(Vec::new());
            }
            by_key[k as usize].push(i as u32);
        }
    }
    let closeness = |n: &OpenNeed| closeness_of(&n.contact_id, n.closeness);
    let offer_closeness: Vec<i32> = offers.iter().map(|n| closeness(n)).collect();
    let max_offer_closeness = offer_closeness.iter().copied().max().unwrap_or(0);
    // Each person as a number (0: you), so that "the same person" is a
    // comparison of two numbers.
    let mut people_ids: HashMap<&str, u32, foldhash::fast::RandomState> = HashMap::default();
    let (mut offer_person, mut ask_person) = (Vec::new(), Vec::new());
    for (list, out) in [(&offers, &mut offer_person), (&asks, &mut ask_person)] {
        for n in list.iter() {
            out.push(match &n.contact_id {
                None => 0,
                Some(id) => {
                    let next = people_ids.len() as u32 + 1;
                    *people_ids.entry(id.as_str()).or_insert(next)
                }
            });
        }
    }
    // Each ask's keys that some offer has, and the best score it could
    // reach: asks are scored best-possible first, and once the kept pairs
    // are all better than what an ask could reach, the rest are not.
    let mut order: Vec<AskKeys> = Vec::new();
    for (a, ask) in asks.iter().enumerate() {
        if only_ask.is_some_and(|only| only != a) {
            continue;
        }
        let keys: Vec<(u32, bool)> = ask
            .keys
            .split(' ')
            .filter_map(|key| Some((*key_ids.get(key)?, key.starts_with('#'))))
            .collect();
        if keys.is_empty() {
            continue;
        }
        let base: u32 = keys.iter().map(|(_, tag)| if *tag { 2 } else { 1 }).sum();
        let waited = 1.0 + ((now - ask.created_at).max(0) / DAY).min(90) as f64 / 90.0;
        let reach =
            f64::from(base) * f64::from(closeness(ask) + max_offer_closeness) / 10.0 * waited;
        order.push((reach, a, keys));
    }
    order.sort_unstable_by(|x, y| y.0.total_cmp(&x.0).then_with(|| x.1.cmp(&y.1)));
    // Needs are loaded in id order: comparing indexes compares ids.
    let better = |x: &Scored, y: &Scored| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| x.ask.cmp(&y.ask))
            .then_with(|| x.offer.cmp(&y.offer))
    };
    // The best `keep` pairs, best first, and whether there were more.
    let best = |keep: usize| {
        // Per offer: (shared tags, shared words) with the ask at hand.
        let mut counts = vec![(0u16, 0u16); offers.len()];
        let mut touched: Vec<u32> = Vec::new();
        let mut top = std::collections::BinaryHeap::with_capacity(keep + 1);
        let mut more = false;
        // The worst kept score once `keep` are kept.
        let mut floor = f64::NEG_INFINITY;
        for (reach, a, keys) in &order {
            if *reach < floor {
                more = true;
                break;
            }
            let a = *a;
            let ask = &asks[a];
            for &(k, tag) in keys {
                for &o in &by_key[k as usize] {
                    let c = &mut counts[o as usize];
                    if *c == (0, 0) {
                        touched.push(o);
                    }
                    match tag {
                        true => c.0 += 1,
                        false => c.1 += 1,
                    }
                }
            }
            let ask_closeness = closeness(ask);
            let waited = 1.0 + ((now - ask.created_at).max(0) / DAY).min(90) as f64 / 90.0;
            for o in touched.drain(..) {
                let o = o as usize;
                let (tags, words) = std::mem::take(&mut counts[o]);
                // Someone meeting their own ask is no match.
                if offer_person[o] == ask_person[a] {
                    continue;
                }
                let both = f64::from(ask_closeness + offer_closeness[o]) / 10.0;
                let score = round(f64::from(2 * tags + words) * both * waited);
                if score < floor {
                    more = true;
                    continue;
                }
                let s = Scored {
                    score,
                    ask: a,
                    offer: o,
                };
                // A heap of the best kept so far, the worst on top.
                if top.len() < keep {
                    top.push(Worst(s));
                } else if top.peek().is_some_and(|w: &Worst| better(&s, &w.0).is_lt()) {
                    top.pop();
                    top.push(Worst(s));
                    more = true;
                } else {
                    more = true;
                }
                if top.len() == keep {
                    floor = top.peek().map_or(floor, |w: &Worst| w.0.score);
                }
            }
        }
        let mut v: Vec<Scored> = top.into_iter().map(|w| w.0).collect();
        v.sort_unstable_by(better);
        (v, more)
    };
    // The best first; who already know each other are looked up for those
    // only. Should too many of them know each other, more are scored.
    let mut keep = (limit + 1) * 8;
    let (kept, truncated) = loop {
        let (scored, beyond) = best(keep);
        let people: Vec<&str> = scored
            .iter()
            .flat_map(|s| {
                [
                    asks[s.ask].contact_id.as_deref(),
                    offers[s.offer].contact_id.as_deref(),
                ]
            })
            .flatten()
            .collect();
        let known = store::known_pairs(conn, user_id, &people)?;
        let mut kept: Vec<Scored> = Vec::new();
        let mut more = false;
        for s in &scored {
            if let (Some(a), Some(b)) = (&asks[s.ask].contact_id, &offers[s.offer].contact_id) {
                if known.contains(&pair(a, b)) {
                    continue;
                }
            }
            if kept.len() == limit {
                more = true;
                break;
            }
            kept.push(*s);
        }
        if more || !beyond {
            break (kept, more);
        }
        keep *= 8;
    };
    // The needs in full, and whose they are.
    let ids: Vec<&str> = kept
        .iter()
        .flat_map(|s| [asks[s.ask].id.as_str(), offers[s.offer].id.as_str()])
        .collect();
    let rows: HashMap<String, NeedRow> = need_store::by_ids(conn, user_id, &ids)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let me = crate::auth::store::user_by_id(conn, user_id)?
        .map(|u| u.name)
        .unwrap_or_default();
    let people: Vec<&str> = kept
        .iter()
        .flat_map(|s| {
            [
                asks[s.ask].contact_id.as_deref(),
                offers[s.offer].contact_id.as_deref(),
            ]
        })
        .flatten()
        .collect();
    let names = store::names(conn, user_id, &people)?;
    let person = |n: &OpenNeed| MatchPerson {
        id: n.contact_id.clone(),
        display_name: match &n.contact_id {
            Some(id) => names.get(id).cloned().unwrap_or_default(),
            None => me.clone(),
        },
        closeness: n.closeness.filter(|_| n.contact_id.is_some()),
    };
    let mut items = Vec::with_capacity(kept.len());
    for s in kept {
        let (ask, offer) = (&asks[s.ask], &offers[s.offer]);
        let (Some(ask_row), Some(offer_row)) = (rows.get(&ask.id), rows.get(&offer.id)) else {
            continue;
        };
        let (tags, words) = keys::shared(&ask.keys, &offer.keys);
        let (asker, offerer) = (person(ask), person(offer));
        let mut reasons = Vec::new();
        if !tags.is_empty() {
            reasons.push(format!("both tagged {}", tags.join(", ")));
        }
        if !words.is_empty() {
            reasons.push(format!("both about {}", words.join(", ")));
        }
        for p in [&asker, &offerer] {
            if let Some(c) = p.closeness {
                reasons.push(format!("you know {} {}", p.display_name, how_well(c)));
            }
        }
        let waited = (now - ask.created_at).max(0) / DAY;
        if waited > 0 {
            let who = match ask.contact_id {
                None => "you have".to_string(),
                Some(_) => format!("{} has", asker.display_name),
            };
            reasons.push(format!(
                "{who} waited {waited} day{}",
                if waited == 1 { "" } else { "s" }
            ));
        }
        items.push(Match {
            ask: ask_row.to_api(),
            offer: offer_row.to_api(),
            asker,
            offerer,
            score: s.score,
            shared_tags: tags.iter().map(|t| t.to_string()).collect(),
            shared_words: words.iter().map(|w| w.to_string()).collect(),
            reasons,
        });
    }
    Ok((items, truncated))
}

fn how_well(closeness: i32) -> &'static str {
    match closeness {
        5 => "very well (5/5)",
        4 => "well (4/5)",
        3 => "fairly well (3/5)",
        2 => "a little (2/5)",
        _ => "barely (1/5)",
    }
}

/// A need named by an introduce request: the user's, of this kind, open,
/// a live contact's and not yet linked to an introduction.
fn introducible(
    conn: &mut DbConn,
    user_id: &str,
    id: &str,
    kind: NeedKind,
    field: &str,
) -> Result<NeedRow> {
    let err = |code: &'static str, message: &str| Error::field(field, code, message.to_string());
    let row = need_store::find_for_update(conn, user_id, id)?
        .ok_or_else(|| err("unknown_need", "no need of yours has this id"))?;
    if row.is_offer() != (kind == NeedKind::Offer) {
        return Err(err("wrong_kind", &format!("must be an {}", kind.as_str())));
    }
    if row.status != NeedStatus::Open.as_str() {
        return Err(err("not_open", "this need is no longer open"));
    }
    let Some(contact) = &row.contact_id else {
        return Err(err(
            "yours",
            "this need is yours: talk to them yourself, no introduction needed",
        ));
    };
    match crate::contacts::store::find(conn, user_id, contact)? {
        Some(c) if c.trashed_at.is_none() => {}
        _ => return Err(err("contact_trashed", "its contact is in the trash")),
    }
    if row.introduction_id.is_some() {
        return Err(Error::Conflict(
            "already_introduced",
            "an introduction was already proposed for this need",
        ));
    }
    Ok(row)
}

/// Proposes the introduction of the asker to the offerer, linked to both
/// needs (made, it marks them met).
pub fn introduce(
    conn: &mut DbConn,
    user_id: &str,
    body: MatchIntroduce,
) -> Result<IntroductionRow> {
    let ask = introducible(conn, user_id, &body.ask_id, NeedKind::Ask, "ask_id");
    let offer = introducible(conn, user_id, &body.offer_id, NeedKind::Offer, "offer_id");
    let (mut ask, mut offer) = match (ask, offer) {
        (Ok(a), Ok(o)) => (a, o),
        (Err(Error::Invalid(mut a)), Err(Error::Invalid(o))) => {
            a.extend(o);
            return Err(Error::Invalid(a));
        }
        (Err(e), _) | (_, Err(e)) => return Err(e),
    };
    if ask.contact_id == offer.contact_id {
        return Err(Error::field(
            "offer_id",
            "same_person",
            "the ask and the offer are the same person's",
        ));
    }
    let note = body
        .note
        .unwrap_or_else(|| format!("Asks for “{}”; offers “{}”", ask.topic, offer.topic));
    let row = crate::introductions::service::create(
        conn,
        user_id,
        Changes {
            person_a_id: Some(ask.contact_id.clone()),
            person_b_id: offer.contact_id.clone(),
            note: Some(Some(note)),
            ..Changes::default()
        },
    )?;
    needs::link_introduction(conn, &mut [&mut ask, &mut offer], &row.id)?;
    Ok(row)
}

/// Who you know well enough to suggest introducing.
pub const MIN_CLOSENESS: i32 = 3;
/// The most contacts suggestions consider (the closest).
pub const MAX_CANDIDATES: i64 = 2_000;
/// A tag, company or place more of them share says little about any pair.
const MAX_SHARING: usize = 200;
/// A mutual contact with more close contacts among them is a hub: the
/// first this many count.
const MAX_MUTUAL_FANOUT: usize = 64;

type Fast<K, V> = HashMap<K, V, foldhash::fast::RandomState>;

/// What a pair shares, counted: kept per pair (packed, many are made), the
/// names behind it read again for the few pairs shown.
#[derive(Default, Clone, Copy)]
struct Shared {
    tags: u8,
    company: bool,
    location: bool,
    mutual: u8,
}

/// Adds `add` to what every pair among `members` shares (pairs with
/// `focus`, when one is given), unless so many share it that it says
/// little; true when it counted.
fn add_pairs(
    pairs: &mut Fast<u64, Shared>,
    members: &[u32],
    focus: Option<u32>,
    add: impl Fn(&mut Shared),
) -> bool {
    if members.len() > MAX_SHARING {
        return false;
    }
    for (n, &x) in members.iter().enumerate() {
        for &y in &members[n + 1..] {
            if focus.is_some_and(|f| x != f && y != f) {
                continue;
            }
            let key = (u64::from(x.min(y)) << 32) | u64::from(x.max(y));
            add(pairs.entry(key).or_default());
        }
    }
    true
}

/// A candidate's folded company or place, when it has one.
fn folded(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(|t| fold(t).trim().to_string())
        .filter(|t| !t.is_empty())
}

/// The best `limit` pairs of contacts you know well who do not know each
/// other yet, best first; and whether more stood. `contact`: only pairs
/// with this contact.
pub fn suggestions(
    conn: &mut DbConn,
    user_id: &str,
    contact: Option<&str>,
    limit: usize,
) -> QueryResult<(Vec<IntroductionSuggestion>, bool)> {
    let at = changes::last_change(conn, user_id)?;
    let close = CLOSE.get(user_id, at, || -> QueryResult<Close> {
        let cands = store::close_contacts(conn, user_id, MIN_CLOSENESS, MAX_CANDIDATES)?;
        let ids: Vec<&str> = cands.iter().map(|c| c.0.as_str()).collect();
        let edges = store::edges_touching(conn, user_id, &ids)?;
        Ok((cands, edges))
    })?;
    let (cands, edges) = (&close.0, &close.1);
    let index: Fast<&str, u32> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.as_str(), i as u32))
        .collect();
    let focus = match contact {
        Some(id) => match index.get(id) {
            Some(&i) => Some(i),
            None => return Ok((Vec::new(), false)),
        },
        None => None,
    };
    let tags: Vec<Vec<String>> = cands.iter().map(|c| stored_list(&c.4)).collect();
    let companies: Vec<Option<String>> = cands.iter().map(|c| folded(&c.2)).collect();
    let places: Vec<Option<String>> = cands.iter().map(|c| folded(&c.3)).collect();
    let mut pairs: Fast<u64, Shared> = Fast::default();
    let mut grow = |groups: &Fast<&str, Vec<u32>>| {
        let n: usize = groups
            .values()
            .filter(|m| m.len() <= MAX_SHARING)
            .map(|m| m.len() * (m.len() - 1) / 2)
            .sum();
        pairs.reserve(n);
    };
    // Shared tags, company and place; those too common are remembered, so
    // that the reasons leave them out too.
    let mut by_tag: Fast<&str, Vec<u32>> = Fast::default();
    let mut by_company: Fast<&str, Vec<u32>> = Fast::default();
    let mut by_place: Fast<&str, Vec<u32>> = Fast::default();
    for i in 0..cands.len() {
        for tag in &tags[i] {
            by_tag.entry(tag).or_default().push(i as u32);
        }
        if let Some(c) = &companies[i] {
            by_company.entry(c).or_default().push(i as u32);
        }
        if let Some(p) = &places[i] {
            by_place.entry(p).or_default().push(i as u32);
        }
    }
    if focus.is_none() {
        grow(&by_tag);
    }
    let mut common: HashSet<&str> = HashSet::new();
    for (tag, members) in &by_tag {
        if !add_pairs(&mut pairs, members, focus, |s| s.tags += 1) {
            common.insert(tag);
        }
    }
    for (company, members) in &by_company {
        if !add_pairs(&mut pairs, members, focus, |s| s.company = true) {
            common.insert(company);
        }
    }
    for (place, members) in &by_place {
        if !add_pairs(&mut pairs, members, focus, |s| s.location = true) {
            common.insert(place);
        }
    }
    // Mutual contacts both are close to; and who among them are related.
    let mut related: HashSet<u64, foldhash::fast::RandomState> = HashSet::default();
    let mut close_to: Fast<&str, Vec<u32>> = Fast::default();
    for (a, b, strength) in edges {
        let (x, y) = (index.get(a.as_str()), index.get(b.as_str()));
        if let (Some(&x), Some(&y)) = (x, y) {
            related.insert((u64::from(x.min(y)) << 32) | u64::from(x.max(y)));
        }
        if *strength >= 3 {
            if let Some(&x) = x {
                close_to.entry(b.as_str()).or_default().push(x);
            }
            if let Some(&y) = y {
                close_to.entry(a.as_str()).or_default().push(y);
            }
        }
    }
    let mut mutual_of: Fast<u32, Vec<&str>> = Fast::default();
    for (m, members) in close_to.iter_mut() {
        members.sort_unstable();
        members.dedup();
        if members.len() < 2 {
            continue;
        }
        members.truncate(MAX_MUTUAL_FANOUT);
        add_pairs(&mut pairs, members, focus, |s| {
            s.mutual = s.mutual.saturating_add(1)
        });
        for &x in members.iter() {
            mutual_of.entry(x).or_default().push(m);
        }
    }
    // Score, leave out who already know each other or were dismissed.
    let dismissed = store::dismissed(conn, user_id)?;
    let unpack = |key: u64| ((key >> 32) as usize, (key & 0xffff_ffff) as usize);
    let mut scored: Vec<(u64, f64)> = pairs
        .iter()
        .filter(|(key, _)| !related.contains(*key))
        .map(|(&key, s)| {
            let (x, y) = unpack(key);
            let base = f64::from(s.tags)
                + if s.company { 1.5 } else { 0.0 }
                + if s.location { 1.0 } else { 0.0 }
                + 1.5 * f64::from(s.mutual.min(3));
            let closeness = f64::from(
                cands[x].5.unwrap_or(UNSET_CLOSENESS) + cands[y].5.unwrap_or(UNSET_CLOSENESS),
            ) / 10.0;
            (key, round(base * closeness))
        })
        .collect();
    // Ties by the pair's places among the candidates (closest first): the
    // key's order.
    let better = |a: &(u64, f64), b: &(u64, f64)| b.1.total_cmp(&a.1).then_with(|| a.0.cmp(&b.0));
    // The best first, a window at a time: introductions among them (and
    // dismissals) are looked up for the window only.
    let mut kept: Vec<(u64, f64)> = Vec::new();
    let mut truncated = false;
    let mut start = 0;
    let mut window = (limit + 1) * 2;
    while start < scored.len() && !truncated {
        let end = (start + window).min(scored.len());
        if end < scored.len() {
            scored[start..].select_nth_unstable_by(end - start - 1, better);
        }
        scored[start..end].sort_unstable_by(better);
        let people: Vec<&str> = scored[start..end]
            .iter()
            .flat_map(|(key, _)| {
                let (x, y) = unpack(*key);
                [cands[x].0.as_str(), cands[y].0.as_str()]
            })
            .collect();
        let known = store::known_pairs(conn, user_id, &people)?;
        for &(key, score) in &scored[start..end] {
            let (x, y) = unpack(key);
            let p = pair(&cands[x].0, &cands[y].0);
            if known.contains(&p) || dismissed.contains(&p) {
                continue;
            }
            if kept.len() == limit {
                truncated = true;
                break;
            }
            kept.push((key, score));
        }
        start = end;
        window *= 4;
    }
    // What each shown pair shares, by name.
    let mutual_ids: Vec<&str> = kept
        .iter()
        .flat_map(|(key, _)| {
            let (x, y) = unpack(*key);
            let theirs = mutual_of.get(&(y as u32)).cloned().unwrap_or_default();
            mutual_of
                .get(&(x as u32))
                .into_iter()
                .flatten()
                .filter(move |m| theirs.contains(m))
                .copied()
                .collect::<Vec<_>>()
        })
        .collect();
    let names = store::names(conn, user_id, &mutual_ids)?;
    let person = |i: usize| MatchPerson {
        id: Some(cands[i].0.clone()),
        display_name: cands[i].1.clone(),
        closeness: cands[i].5,
    };
    let items = kept
        .into_iter()
        .map(|(key, score)| {
            let (x, y) = unpack(key);
            let shared_tags: Vec<String> = tags[x]
                .iter()
                .filter(|t| tags[y].contains(t) && !common.contains(t.as_str()))
                .cloned()
                .collect();
            let same = |v: &[Option<String>]| {
                v[x].as_ref()
                    .filter(|c| v[y].as_ref() == Some(*c) && !common.contains(c.as_str()))
                    .is_some()
            };
            let (company, location) = (same(&companies), same(&places));
            let theirs = mutual_of.get(&(y as u32)).cloned().unwrap_or_default();
            let mut mutual: Vec<Person> = mutual_of
                .get(&(x as u32))
                .into_iter()
                .flatten()
                .filter(|m| theirs.contains(m))
                .filter_map(|m| {
                    names.get(*m).map(|n| Person {
                        id: m.to_string(),
                        display_name: n.clone(),
                    })
                })
                .collect();
            mutual.sort_by(|a, b| a.display_name.cmp(&b.display_name));
            let a = &cands[x];
            let mut reasons = Vec::new();
            if !shared_tags.is_empty() {
                reasons.push(format!("both tagged {}", shared_tags.join(", ")));
            }
            if company {
                reasons.push(format!("both at {}", a.2.clone().unwrap_or_default()));
            }
            if location {
                reasons.push(format!("both in {}", a.3.clone().unwrap_or_default()));
            }
            for m in &mutual {
                reasons.push(format!("both close to {}", m.display_name));
            }
            IntroductionSuggestion {
                a: person(x),
                b: person(y),
                score,
                shared_tags,
                same_company: company.then(|| a.2.clone()).flatten(),
                same_location: location.then(|| a.3.clone()).flatten(),
                mutual,
                reasons,
            }
        })
        .collect();
    Ok((items, truncated))
}

/// Hides a pair of the user's contacts from suggestions for good.
pub fn dismiss(conn: &mut DbConn, user_id: &str, contact_id: &str, other_id: &str) -> Result<()> {
    let mut errors = Vec::new();
    for (field, id) in [("contact_id", contact_id), ("other_id", other_id)] {
        if !crate::contacts::store::exists(conn, user_id, id)? {
            errors.push(FieldError::new(
                field,
                "unknown_contact",
                "no contact of yours has this id",
            ));
        }
    }
    if errors.is_empty() && contact_id == other_id {
        errors.push(FieldError::new(
            "other_id",
            "self_reference",
            "name two different contacts",
        ));
    }
    if !errors.is_empty() {
        return Err(Error::Invalid(errors));
    }
    let (a, b) = pair(contact_id, other_id);
    store::dismiss(conn, user_id, &a, &b, time::now())?;
    Ok(())
}
