//! The rules of paying it forward: which open asks meet which open offers
//! (shared tags and topic words, weighted by how close both people are to
//! you and how long the ask has waited), which of your contacts should
//! meet (shared tags, company, location and close mutual contacts), and
//! the introductions that act on them. Pairs who already know each other —
//! related, or people of one introduction — are left out, and so are pairs
//! you dismissed.

use std::collections::{HashMap, HashSet};

use diesel::QueryResult;

use super::model::{IntroductionSuggestion, Match, MatchIntroduce, MatchPerson, Person};
use super::store::{self, pair, Candidate};
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

/// A match before its needs are read in full.
#[derive(Clone, Copy)]
struct Scored {
    score: f64,
    ask: usize,
    offer: usize,
}

/// What `matches` is narrowed to.
#[derive(Default)]
pub struct MatchFilter {
    /// Only matches of this need.
    pub need: Option<String>,
    /// Only matches of these people's asks: `Some(None)` yours,
    /// `Some(Some(false))` contacts'.
    pub asks_mine: Option<bool>,
    /// Only matches of these people's offers.
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
    let asks = need_store::open_for_matching(conn, user_id, &today, Some("ask"), filter.asks_mine)?;
    let offers =
        need_store::open_for_matching(conn, user_id, &today, Some("offer"), filter.offers_mine)?;
    let wanted = |n: &OpenNeed| filter.need.as_ref().is_none_or(|id| *id == n.0);
    let only_need = filter.need.is_some();
    // Offers by key, then each ask's offers that share a key with it.
    let mut by_key: HashMap<&str, Vec<usize>> = HashMap::new();
    for (i, o) in offers.iter().enumerate() {
        for key in o.3.split(' ').filter(|k| !k.is_empty()) {
            by_key.entry(key).or_default().push(i);
        }
    }
    let mut scored: Vec<Scored> = Vec::new();
    let mut shared: HashMap<usize, (u32, u32)> = HashMap::new();
    for (a, ask) in asks.iter().enumerate() {
        shared.clear();
        for key in ask.3.split(' ').filter(|k| !k.is_empty()) {
            let tag = key.starts_with('#');
            for &o in by_key.get(key).into_iter().flatten() {
                let e = shared.entry(o).or_default();
                match tag {
                    true => e.0 += 1,
                    false => e.1 += 1,
                }
            }
        }
        for (&o, &(tags, words)) in &shared {
            let offer = &offers[o];
            // Someone meeting their own ask is no match.
            if offer.1 == ask.1 {
                continue;
            }
            if only_need && !wanted(ask) && !wanted(offer) {
                continue;
            }
            let base = f64::from(2 * tags + words);
            let closeness =
                f64::from(closeness_of(&ask.1, ask.6) + closeness_of(&offer.1, offer.6)) / 10.0;
            let waited = ((now - ask.4).max(0) / DAY).min(90) as f64;
            scored.push(Scored {
                score: round(base * closeness * (1.0 + waited / 90.0)),
                ask: a,
                offer: o,
            });
        }
    }
    let better = |x: &Scored, y: &Scored| {
        y.score
            .total_cmp(&x.score)
            .then_with(|| asks[x.ask].0.cmp(&asks[y.ask].0))
            .then_with(|| offers[x.offer].0.cmp(&offers[y.offer].0))
    };
    // The best first, taken in widening windows: most are kept, so the
    // pairs that know each other are looked up for a window at a time.
    let mut kept: Vec<Scored> = Vec::new();
    let mut start = 0;
    let mut window = (limit + 1) * 2;
    let mut truncated = false;
    while start < scored.len() {
        let end = (start + window).min(scored.len());
        if end < scored.len() {
            scored[start..].select_nth_unstable_by(end - start - 1, better);
        }
        scored[start..end].sort_unstable_by(better);
        let people: Vec<&str> = scored[start..end]
            .iter()
            .flat_map(|s| [asks[s.ask].1.as_deref(), offers[s.offer].1.as_deref()])
            .flatten()
            .collect();
        let known = store::known_pairs(conn, user_id, &people)?;
        for s in &scored[start..end] {
            if let (Some(a), Some(b)) = (&asks[s.ask].1, &offers[s.offer].1) {
                if known.contains(&pair(a, b)) {
                    continue;
                }
            }
            if kept.len() == limit {
                truncated = true;
                break;
            }
            kept.push(*s);
        }
        if truncated || kept.len() == limit && end == scored.len() {
            break;
        }
        start = end;
        window *= 4;
    }
    // The needs in full, and whose they are.
    let ids: Vec<&str> = kept
        .iter()
        .flat_map(|s| [asks[s.ask].0.as_str(), offers[s.offer].0.as_str()])
        .collect();
    let rows: HashMap<String, NeedRow> = need_store::by_ids(conn, user_id, &ids)?
        .into_iter()
        .map(|r| (r.id.clone(), r))
        .collect();
    let me = crate::auth::store::user_by_id(conn, user_id)?
        .map(|u| u.name)
        .unwrap_or_default();
    let person = |n: &OpenNeed| MatchPerson {
        id: n.1.clone(),
        display_name: n.5.clone().unwrap_or_else(|| me.clone()),
        closeness: n.6.filter(|_| n.1.is_some()),
    };
    let mut items = Vec::with_capacity(kept.len());
    for s in kept {
        let (ask, offer) = (&asks[s.ask], &offers[s.offer]);
        let (Some(ask_row), Some(offer_row)) = (rows.get(&ask.0), rows.get(&offer.0)) else {
            continue;
        };
        let (tags, words) = keys::shared(&ask.3, &offer.3);
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
        let waited = (now - ask.4).max(0) / DAY;
        if waited > 0 {
            let who = match ask.1 {
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

#[derive(Default)]
struct PairFacts {
    tags: Vec<String>,
    company: bool,
    location: bool,
    mutual: Vec<String>,
}

/// Adds `add` to the facts of every pair among `members` (with `focus`,
/// when one is given), unless so many share it that it says little.
fn add_pairs(
    facts: &mut HashMap<(usize, usize), PairFacts>,
    members: &[usize],
    focus: Option<usize>,
    add: impl Fn(&mut PairFacts),
) {
    if members.len() > MAX_SHARING {
        return;
    }
    for (n, &x) in members.iter().enumerate() {
        for &y in &members[n + 1..] {
            if focus.is_some_and(|f| x != f && y != f) {
                continue;
            }
            add(facts.entry((x.min(y), x.max(y))).or_default());
        }
    }
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
    let cands: Vec<Candidate> =
        store::close_contacts(conn, user_id, MIN_CLOSENESS, MAX_CANDIDATES)?;
    let index: HashMap<&str, usize> = cands
        .iter()
        .enumerate()
        .map(|(i, c)| (c.0.as_str(), i))
        .collect();
    let focus = match contact {
        Some(id) => match index.get(id) {
            Some(&i) => Some(i),
            None => return Ok((Vec::new(), false)),
        },
        None => None,
    };
    let mut facts: HashMap<(usize, usize), PairFacts> = HashMap::new();
    // Shared tags, company and location.
    let mut by_tag: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_company: HashMap<String, Vec<usize>> = HashMap::new();
    let mut by_location: HashMap<String, Vec<usize>> = HashMap::new();
    for (i, c) in cands.iter().enumerate() {
        for tag in stored_list::<String>(&c.4) {
            by_tag.entry(tag).or_default().push(i);
        }
        if let Some(company) = c.2.as_deref().map(fold).filter(|s| !s.trim().is_empty()) {
            by_company
                .entry(company.trim().to_string())
                .or_default()
                .push(i);
        }
        if let Some(place) = c.3.as_deref().map(fold).filter(|s| !s.trim().is_empty()) {
            by_location
                .entry(place.trim().to_string())
                .or_default()
                .push(i);
        }
    }
    let mut tags: Vec<(&String, &Vec<usize>)> = by_tag.iter().collect();
    tags.sort();
    for (tag, members) in tags {
        add_pairs(&mut facts, members, focus, |f| f.tags.push(tag.clone()));
    }
    for members in by_company.values() {
        add_pairs(&mut facts, members, focus, |f| f.company = true);
    }
    for members in by_location.values() {
        add_pairs(&mut facts, members, focus, |f| f.location = true);
    }
    // Mutual contacts both are close to.
    let ids: Vec<&str> = cands.iter().map(|c| c.0.as_str()).collect();
    let edges = store::edges_touching(conn, user_id, &ids)?;
    let mut related: HashSet<(usize, usize)> = HashSet::new();
    let mut close_to: HashMap<&str, Vec<usize>> = HashMap::new();
    for (a, b, strength) in &edges {
        if let (Some(&x), Some(&y)) = (index.get(a.as_str()), index.get(b.as_str())) {
            related.insert((x.min(y), x.max(y)));
        }
        if *strength >= 3 {
            if let Some(&x) = index.get(a.as_str()) {
                close_to.entry(b.as_str()).or_default().push(x);
            }
            if let Some(&y) = index.get(b.as_str()) {
                close_to.entry(a.as_str()).or_default().push(y);
            }
        }
    }
    let mut mutuals: Vec<(&str, Vec<usize>)> = close_to
        .into_iter()
        .filter(|(_, v)| v.len() > 1)
        .map(|(m, mut v)| {
            v.sort_unstable();
            v.dedup();
            v.truncate(MAX_MUTUAL_FANOUT);
            (m, v)
        })
        .collect();
    mutuals.sort();
    for (m, members) in &mutuals {
        add_pairs(&mut facts, members, focus, |f| f.mutual.push(m.to_string()));
    }
    // Score, leave out who already know each other or were dismissed.
    let dismissed = store::dismissed(conn, user_id)?;
    let mut scored: Vec<((usize, usize), f64)> = facts
        .iter()
        .filter(|(p, _)| !related.contains(p))
        .filter(|(p, _)| !dismissed.contains(&pair(&cands[p.0].0, &cands[p.1].0)))
        .map(|(p, f)| {
            let base = f.tags.len() as f64
                + if f.company { 1.5 } else { 0.0 }
                + if f.location { 1.0 } else { 0.0 }
                + 1.5 * f.mutual.len().min(3) as f64;
            let closeness = f64::from(
                cands[p.0].5.unwrap_or(UNSET_CLOSENESS) + cands[p.1].5.unwrap_or(UNSET_CLOSENESS),
            ) / 10.0;
            (*p, round(base * closeness))
        })
        .collect();
    scored.sort_unstable_by(|x, y| {
        y.1.total_cmp(&x.1)
            .then_with(|| cands[x.0 .0].0.cmp(&cands[y.0 .0].0))
            .then_with(|| cands[x.0 .1].0.cmp(&cands[y.0 .1].0))
    });
    // Introductions among them (and relationships with contacts outside
    // the closest) are looked up for the best only.
    let mut kept = Vec::new();
    let mut truncated = false;
    let mut start = 0;
    let mut window = (limit + 1) * 2;
    while start < scored.len() && !truncated {
        let end = (start + window).min(scored.len());
        let people: Vec<&str> = scored[start..end]
            .iter()
            .flat_map(|((x, y), _)| [cands[*x].0.as_str(), cands[*y].0.as_str()])
            .collect();
        let known = store::known_pairs(conn, user_id, &people)?;
        for (p, score) in &scored[start..end] {
            if known.contains(&pair(&cands[p.0].0, &cands[p.1].0)) {
                continue;
            }
            if kept.len() == limit {
                truncated = true;
                break;
            }
            kept.push((*p, *score));
        }
        start = end;
        window *= 4;
    }
    let mutual_ids: Vec<&str> = kept
        .iter()
        .flat_map(|(p, _)| facts[p].mutual.iter().map(String::as_str))
        .collect();
    let names = store::names(conn, user_id, &mutual_ids)?;
    let person = |i: usize| MatchPerson {
        id: Some(cands[i].0.clone()),
        display_name: cands[i].1.clone(),
        closeness: cands[i].5,
    };
    let items = kept
        .into_iter()
        .map(|(p, score)| {
            let f = &facts[&p];
            let mutual: Vec<Person> = f
                .mutual
                .iter()
                .filter_map(|id| {
                    names.get(id).map(|n| Person {
                        id: id.clone(),
                        display_name: n.clone(),
                    })
                })
                .collect();
            let a = &cands[p.0];
            let mut reasons = Vec::new();
            if !f.tags.is_empty() {
                reasons.push(format!("both tagged {}", f.tags.join(", ")));
            }
            if f.company {
                reasons.push(format!("both at {}", a.2.clone().unwrap_or_default()));
            }
            if f.location {
                reasons.push(format!("both in {}", a.3.clone().unwrap_or_default()));
            }
            for m in &mutual {
                reasons.push(format!("both close to {}", m.display_name));
            }
            IntroductionSuggestion {
                a: person(p.0),
                b: person(p.1),
                score,
                shared_tags: f.tags.clone(),
                same_company: f.company.then(|| a.2.clone()).flatten(),
                same_location: f.location.then(|| a.3.clone()).flatten(),
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
