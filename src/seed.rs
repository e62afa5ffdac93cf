//! `kith seed`: fills a database with a realistic network fast, for
//! benchmarks. Rows go in with multi-row inserts inside large transactions;
//! derived fields and balances are computed in memory on the way. The change
//! feed is not filled (a bulk load is not a history of edits).

use std::collections::HashSet;

use diesel::prelude::*;

use crate::auth::{password, service as users};
use crate::contacts::model::{ContactChanges, ContactRow, Email};
use crate::contacts::{derived, service as contacts};
use crate::db::schema::{
    contact_tags, interaction_contacts, interactions, ledger_balances, ledger_entries,
    relationships, tags,
};
use crate::db::{DbConn, DbTarget};
use crate::interactions::model::InteractionRow;
use crate::ledger::balances::{sums, Contribution};
use crate::ledger::model::EntryRow;
use crate::relationships::model::KINDS;
use crate::relationships::model::{pair_key, RelationshipRow};
use crate::search::words::{self, Words};
use crate::time::{self, DAY};

#[derive(Debug, Clone)]
pub struct SeedOptions {
    pub email: String,
    pub password: String,
    pub contacts: usize,
    pub interactions: usize,
    pub ledger: usize,
    pub relationships: usize,
    /// Open asks and offers (half each), of contacts and a few of the user.
    pub needs: usize,
    /// A second, small user (isolation under load).
    pub second_user: bool,
    pub seed: u64,
}

impl Default for SeedOptions {
    fn default() -> Self {
        SeedOptions {
            email: "bench@example.com".into(),
            password: "bench-password-123".into(),
            contacts: 100_000,
            interactions: 1_000_000,
            ledger: 1_000_000,
            relationships: 300_000,
            needs: 0,
            second_user: true,
            seed: 42,
        }
    }
}

/// A small fast deterministic generator (PCG-style LCG).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self
            .0
            .wrapping_mul(6364136223846793005)
            .wrapping_add(1442695040888963407);
        self.0 >> 17
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n.max(1)
    }
    fn chance(&mut self, percent: u64) -> bool {
        self.below(100) < percent
    }
}

const FIRST: &[&str] = &[
    "Ana", "Ben", "Cleo", "Dara", "Eli", "Fran", "Gus", "Hana", "Ivo", "Jun", "Kai", "Lea", "Mia",
    "Noor", "Omar", "Pia", "Quin", "Rui", "Sara", "Tom",
];
const LAST: &[&str] = &[
    "Lima", "Okafor", "Park", "Silva", "Novak", "Haddad", "Kim", "Moreau", "Rossi", "Tanaka",
    "Costa", "Berg", "Ivanova", "Nair", "Adeyemi", "Kowalski",
];
pub const COMPANIES: usize = 2_000;
const TAG_COUNT: usize = 20;
const BATCH: usize = 400;

/// What seeded interactions and favors are about: summaries and
/// descriptions vary as real ones do, so that a search finds a few of them.
const TOPICS: &[&str] = &[
    "the Berlin offsite",
    "hiring a designer",
    "Series A fundraising",
    "the pricing page",
    "a conference talk",
    "moving to Lisbon",
    "the robotics demo",
    "quarterly planning",
    "a mentor for Priya",
    "the open-source release",
    "café recommendations",
    "the Zürich office",
    "a podcast interview",
    "board meeting prep",
    "customer research",
    "the mobile app launch",
];
const OPENERS: &[&str] = &[
    "Coffee about",
    "Call about",
    "Lunch to discuss",
    "Emails on",
    "Catch-up on",
    "Advice on",
];

fn about(rng: &mut Rng) -> String {
    let opener = OPENERS[rng.below(OPENERS.len() as u64) as usize];
    let topic = TOPICS[rng.below(TOPICS.len() as u64) as usize];
    format!("{opener} {topic} #{}", rng.below(1000))
}

pub fn company_name(n: usize) -> String {
    format!("Company {n:04}")
}

#[derive(Insertable)]
#[diesel(table_name = interaction_contacts, treat_none_as_default_value = false)]
struct IcRow {
    user_id: String,
    interaction_id: String,
    contact_id: String,
    occurred_at: i64,
    counts_as_touch: bool,
    follow_up_on: Option<String>,
}

#[derive(Insertable)]
#[diesel(table_name = crate::db::schema::need_tags, treat_none_as_default_value = false)]
struct NeedTagRow {
    user_id: String,
    need_id: String,
    tag: String,
}

/// What seeded needs are about: a role in a field.
const FIELDS: &[&str] = &[
    "fintech",
    "healthcare",
    "climate",
    "edtech",
    "logistics",
    "gaming",
    "robotics",
    "biotech",
    "security",
    "retail",
    "media",
    "travel",
    "insurance",
    "agritech",
    "energy",
    "legal",
    "devtools",
    "mobility",
    "space",
    "fashion",
    "food",
    "music",
    "sports",
    "govtech",
    "nonprofit",
    "telecom",
    "aviation",
    "pharma",
    "construction",
    "publishing",
];
const ROLES: &[&str] = &[
    "engineer",
    "designer",
    "product manager",
    "data scientist",
    "marketer",
    "recruiter",
    "lawyer",
    "accountant",
    "investor",
    "advisor",
    "cofounder",
    "sales lead",
    "copywriter",
    "researcher",
    "architect",
    "analyst",
    "translator",
    "photographer",
    "coach",
    "speaker",
    "editor",
    "developer",
    "consultant",
    "operator",
    "economist",
];
const ASKS: &[&str] = &[
    "Looking for a {role} in {field}",
    "A {role} for a {field} project",
    "Introductions to {field} {role}s",
    "Advice on {field} from a {role}",
];
const OFFERS: &[&str] = &[
    "{role} available for {field} work",
    "Can advise {field} teams as a {role}",
    "Happy to mentor a {field} {role}",
];

#[derive(Insertable)]
#[diesel(table_name = contact_tags, treat_none_as_default_value = false)]
struct TagRow {
    user_id: String,
    contact_id: String,
    tag: String,
}

#[derive(Insertable)]
#[diesel(table_name = crate::db::schema::contact_handles, treat_none_as_default_value = false)]
struct HandleRow {
    user_id: String,
    contact_id: String,
    kind: &'static str,
    value: String,
}

#[derive(Insertable)]
#[diesel(table_name = crate::db::schema::contact_names, treat_none_as_default_value = false)]
struct NameRow {
    user_id: String,
    contact_id: String,
    kind: &'static str,
    name: String,
    name_key: String,
}

#[derive(Insertable)]
#[diesel(table_name = ledger_balances, treat_none_as_default_value = false)]
struct BalanceRow {
    user_id: String,
    contact_id: String,
    given: i32,
    received: i32,
    balance: i32,
    open_promises: i32,
    open_asks: i32,
    last_given_on: Option<String>,
    last_received_on: Option<String>,
}

/// Inserts `rows` in batches on whichever backend `conn` is.
macro_rules! insert_all {
    ($conn:expr, $table:expr, $rows:expr) => {{
        for chunk in $rows.chunks(BATCH) {
            match $conn {
                DbConn::Sqlite(c) => diesel::insert_into($table).values(chunk).execute(c),
                DbConn::Postgresql(c) => diesel::insert_into($table).values(chunk).execute(c),
            }
            .map_err(|e| format!("insert: {e}"))?;
        }
    }};
}

fn tag_cadence(t: usize) -> Option<i32> {
    [Some(14), Some(30), Some(60), Some(90), Some(180)]
        .get(t)
        .copied()
        .flatten()
}

pub fn run(target: &DbTarget, o: &SeedOptions) -> Result<String, String> {
    let mut conn = target.connect()?;
    crate::db::migrate(&mut conn)?;
    if let DbConn::Sqlite(c) = &mut conn {
        diesel::connection::SimpleConnection::batch_execute(c, "PRAGMA synchronous = OFF")
            .map_err(|e| e.to_string())?;
    }
    // Rows already there get their search words first, as a server's
    // start-up would write them; the seeded rows come with theirs.
    for (_, step) in crate::search::service::WORD_FILLS {
        while step(&mut conn, 500).map_err(|e| format!("search words: {e}"))? {}
    }
    let mut summary = seed_user(&mut conn, o)?;
    if o.second_user {
        let small = SeedOptions {
            email: format!("second-{}", o.email),
            contacts: (o.contacts / 100).max(10),
            interactions: (o.interactions / 100).max(10),
            ledger: (o.ledger / 100).max(10),
            relationships: (o.relationships / 100).max(10),
            needs: o.needs / 100,
            second_user: false,
            seed: o.seed + 1,
            ..o.clone()
        };
        summary.push_str(&seed_user(&mut conn, &small)?);
    }
    // Its rows went in in bulk, past `search_index::add`.
    crate::db::search_index::rebuild(&mut conn).map_err(|e| format!("search index: {e}"))?;
    Ok(summary)
}

fn seed_user(conn: &mut DbConn, o: &SeedOptions) -> Result<String, String> {
    let started = std::time::Instant::now();
    let mut rng = Rng(o.seed);
    let now = time::now();
    let hash = password::hash(&o.password)?;
    let user = users::register(conn, &o.email, "Bench User", hash).map_err(|e| e.to_string())?;
    let uid = user.id.clone();
    let tx = |conn: &mut DbConn,
              f: &mut dyn FnMut(&mut DbConn) -> Result<(), String>|
     -> Result<(), String> {
        conn.transaction::<_, diesel::result::Error, _>(|c| {
            f(c).map_err(|e| {
                eprintln!("seed: {e}");
                diesel::result::Error::RollbackTransaction
            })
        })
        .map_err(|e| e.to_string())
    };

    // Tags with cadences.
    let tag_names: Vec<String> = (0..TAG_COUNT).map(|t| format!("tag{t:02}")).collect();
    tx(conn, &mut |c| {
        for (t, name) in tag_names.iter().enumerate() {
            diesel::insert_into(tags::table)
                .values((
                    tags::user_id.eq(&uid),
                    tags::name.eq(name),
                    tags::default_cadence_days.eq(tag_cadence(t)),
                ))
                .execute(c)
                .map_err(|e| e.to_string())?;
        }
        Ok(())
    })?;

    // Contacts, in memory first.
    let mut rows: Vec<ContactRow> = Vec::with_capacity(o.contacts);
    let mut tag_rows = Vec::new();
    let mut handle_rows = Vec::new();
    let mut name_rows = Vec::new();
    for n in 0..o.contacts {
        let first = FIRST[rng.below(FIRST.len() as u64) as usize];
        let last = LAST[rng.below(LAST.len() as u64) as usize];
        let display = format!("{first} {last} {n}");
        let company = company_name(rng.below(COMPANIES as u64) as usize);
        let mut my_tags: Vec<String> = (0..rng.below(4))
            .map(|_| tag_names[rng.below(TAG_COUNT as u64) as usize].clone())
            .collect();
        my_tags.sort();
        my_tags.dedup();
        let emails = vec![Email {
            address: format!(
                "{}.{}{n}@example.com",
                first.to_lowercase(),
                last.to_lowercase()
            ),
            label: Some("work".into()),
        }];
        let birthday = if rng.chance(60) {
            let (m, d) = (1 + rng.below(12), 1 + rng.below(28));
            Some(if rng.chance(20) {
                format!("--{m:02}-{d:02}")
            } else {
                format!("{}-{m:02}-{d:02}", 1950 + rng.below(55))
            })
        } else {
            None
        };
        let changes = ContactChanges {
            display_name: Some(display),
            given_name: Some(Some(first.to_string())),
            family_name: Some(Some(last.to_string())),
            emails: Some(emails),
            company: Some(Some(company)),
            title: Some(Some(
                ["Engineer", "Founder", "Designer", "Investor", "Manager"][rng.below(5) as usize]
                    .to_string(),
            )),
            notes: rng
                .chance(30)
                .then(|| Some(format!("Met at conference {}", rng.below(50)))),
            tags: Some(my_tags.clone()),
            birthday: Some(birthday),
            cadence_days: rng
                .chance(50)
                .then(|| Some([14, 30, 60, 90, 180][rng.below(5) as usize])),
            archived: Some(rng.chance(3)),
            closeness: Some(rng.chance(80).then(|| 1 + rng.below(5) as i32)),
            ..ContactChanges::default()
        };
        let mut row = contacts::new_row(&uid, changes);
        row.created_at = now - (400 + rng.below(700) as i64) * DAY - rng.below(DAY as u64) as i64;
        row.updated_at = row.created_at;
        for t in &my_tags {
            tag_rows.push(TagRow {
                user_id: uid.clone(),
                contact_id: row.id.clone(),
                tag: t.clone(),
            });
        }
        rows.push(row);
    }

    // Needs: asks and offers about a role in a field, in the words people
    // use (so that some pairs share words and tags, most do not).
    let mut need_rows = Vec::with_capacity(o.needs);
    let mut need_tag_rows = Vec::new();
    for n in 0..o.needs {
        let field = FIELDS[rng.below(FIELDS.len() as u64) as usize];
        let role = ROLES[rng.below(ROLES.len() as u64) as usize];
        let offer = n % 2 == 1;
        let templates = if offer { OFFERS } else { ASKS };
        let topic = templates[rng.below(templates.len() as u64) as usize]
            .replace("{role}", role)
            .replace("{field}", field);
        let mut need_tags = vec![field.to_string()];
        if rng.chance(30) {
            need_tags.push(tag_names[rng.below(TAG_COUNT as u64) as usize].clone());
        }
        let owner = rng
            .chance(95)
            .then(|| rng.below(rows.len() as u64) as usize);
        let created = now - rng.below((120 * DAY) as u64) as i64;
        let mut need = crate::needs::service::new_row(
            &uid,
            crate::needs::model::NeedCreate {
                contact_id: owner.map(|i| rows[i].id.clone()),
                kind: if offer {
                    crate::needs::model::NeedKind::Offer
                } else {
                    crate::needs::model::NeedKind::Ask
                },
                topic,
                tags: Some(need_tags),
                description: None,
                until: rng.chance(20).then(|| {
                    time::to_datetime(now + (1 + rng.below(60) as i64) * DAY)
                        .date_naive()
                        .to_string()
                }),
            },
        );
        need.created_at = created;
        need.updated_at = created;
        if let Some(i) = owner {
            rows[i].open_needs += 1;
        }
        for tag in need.tags() {
            need_tag_rows.push(NeedTagRow {
                user_id: uid.clone(),
                need_id: need.id.clone(),
                tag,
            });
        }
        need_rows.push(need);
    }

    // Interactions, each contact's last touch and its latest follow-up.
    let mut last_touch: Vec<Option<i64>> = vec![None; rows.len()];
    let mut latest_follow: Vec<Option<(i64, String, String)>> = vec![None; rows.len()];
    let mut interaction_rows = Vec::with_capacity(o.interactions);
    let mut ic_rows = Vec::with_capacity(o.interactions * 2);
    for _ in 0..o.interactions {
        let k = 1 + rng.below(3) as usize;
        let mut who: Vec<usize> = (0..k)
            .map(|_| rng.below(rows.len() as u64) as usize)
            .collect();
        who.sort();
        who.dedup();
        let at = now - rng.below((730 * DAY) as u64) as i64;
        let touch = rng.chance(95);
        let follow = rng.chance(3).then(|| {
            time::to_datetime(at + (rng.below(60) as i64) * DAY)
                .date_naive()
                .to_string()
        });
        let id = crate::ids::new_id();
        for &w in &who {
            if touch {
                last_touch[w] = last_touch[w].max(Some(at));
            }
            if let Some(f) = &follow {
                if latest_follow[w].as_ref().is_none_or(|(t, _, _)| at > *t) {
                    latest_follow[w] = Some((at, f.clone(), id.clone()));
                }
            }
            ic_rows.push(IcRow {
                user_id: uid.clone(),
                interaction_id: id.clone(),
                contact_id: rows[w].id.clone(),
                occurred_at: at,
                counts_as_touch: touch,
                follow_up_on: follow.clone(),
            });
        }
        let ids: Vec<&String> = who.iter().map(|&w| &rows[w].id).collect();
        interaction_rows.push(InteractionRow {
            id,
            user_id: uid.clone(),
            kind: crate::interactions::model::KINDS[rng.below(11) as usize].to_string(),
            direction: crate::interactions::model::DIRECTIONS[rng.below(3) as usize].to_string(),
            occurred_at: at,
            summary: about(&mut rng),
            notes: None,
            follow_up_on: follow,
            counts_as_touch: touch,
            contact_ids: serde_json::to_string(&ids).unwrap_or_default(),
            created_at: at,
            updated_at: at,
            version: 1,
            search_text: String::new(),
            search_key: String::new(),
        });
        if let Some(last) = interaction_rows.last_mut() {
            last.stamp_search();
        }
    }

    // Ledger entries and balances.
    let mut entries = Vec::with_capacity(o.ledger);
    let mut by_contact: Vec<Vec<usize>> = vec![Vec::new(); rows.len()];
    let today = time::today();
    for e in 0..o.ledger {
        let w = rng.below(rows.len() as u64) as usize;
        let mut row = EntryRow::blank(&uid);
        row.contact_id = rows[w].id.clone();
        row.direction = if rng.chance(50) { "given" } else { "received" }.into();
        row.kind = crate::ledger::model::KINDS[rng.below(9) as usize].into();
        row.description = about(&mut rng);
        row.weight = 1 + rng.below(5) as i32;
        let day = today - chrono::Duration::days(rng.below(700) as i64);
        row.occurred_on = Some(day.to_string());
        match rng.below(100) {
            0..=89 => {
                row.status = "done".into();
                row.completed_on = row.occurred_on.clone();
            }
            90..=97 => {
                row.status = "open".into();
                row.due_on =
                    Some((today + chrono::Duration::days(rng.below(60) as i64 - 20)).to_string());
            }
            _ => row.status = "cancelled".into(),
        }
        row.created_at = time::start_of(day) + rng.below(DAY as u64) as i64;
        row.updated_at = row.created_at;
        row.stamp_search();
        by_contact[w].push(e);
        entries.push(row);
    }
    let mut balance_rows = Vec::new();
    for (w, list) in by_contact.iter().enumerate() {
        if list.is_empty() {
            continue;
        }
        let s = sums(list.iter().map(|&e| Contribution {
            direction: &entries[e].direction,
            status: &entries[e].status,
            weight: i64::from(entries[e].weight),
            done_on: entries[e].completed_on.as_deref(),
        }));
        rows[w].balance = s.balance() as i32;
        balance_rows.push(BalanceRow {
            user_id: uid.clone(),
            contact_id: rows[w].id.clone(),
            given: s.given as i32,
            received: s.received as i32,
            balance: s.balance() as i32,
            open_promises: s.open_promises as i32,
            open_asks: s.open_asks as i32,
            last_given_on: s.last_given_on.clone(),
            last_received_on: s.last_received_on.clone(),
        });
    }

    // Derived fields.
    for (w, row) in rows.iter_mut().enumerate() {
        let tags: Vec<String> = serde_json::from_str(&row.tags).unwrap_or_default();
        let tag_min = tags
            .iter()
            .filter_map(|t| t[3..].parse::<usize>().ok().and_then(tag_cadence))
            .min();
        row.cadence_effective = row.cadence_days.or(tag_min);
        row.last_interaction_at = last_touch[w];
        row.next_due_at = derived::next_due(
            row.created_at,
            row.last_interaction_at,
            row.cadence_effective,
            row.snoozed_until.as_deref(),
            row.archived,
        );
        row.birthday_md = derived::birthday_md(row.birthday.as_deref());
        row.follow_up = latest_follow[w]
            .as_ref()
            .filter(|(t, _, _)| row.last_interaction_at.is_none_or(|last| *t >= last))
            .map(|(_, date, id)| format!("{date}|{id}"));
        row.search_text = crate::contacts::search::text_of(row);
        for (kind, value) in crate::contacts::search::handles(row) {
            handle_rows.push(HandleRow {
                user_id: row.user_id.clone(),
                contact_id: row.id.clone(),
                kind,
                value,
            });
        }
        for (kind, name) in crate::contacts::search::names_of(row) {
            name_rows.push(NameRow {
                user_id: row.user_id.clone(),
                contact_id: row.id.clone(),
                kind: kind.as_str(),
                name,
                name_key: row.name_key.clone(),
            });
        }
        row.stamp_json();
    }

    // Relationships between distinct random pairs.
    let mut seen = HashSet::new();
    let mut rel_rows = Vec::with_capacity(o.relationships);
    let mut attempts = 0;
    while rel_rows.len() < o.relationships && attempts < o.relationships * 3 {
        attempts += 1;
        let (a, b) = (
            rng.below(rows.len() as u64) as usize,
            rng.below(rows.len() as u64) as usize,
        );
        if a == b {
            continue;
        }
        let kind = KINDS[rng.below(KINDS.len() as u64) as usize];
        let key = pair_key(&rows[a].id, &rows[b].id, kind);
        if !seen.insert(key.clone()) {
            continue;
        }
        rel_rows.push(RelationshipRow {
            id: crate::ids::new_id(),
            user_id: uid.clone(),
            contact_id: rows[a].id.clone(),
            other_id: rows[b].id.clone(),
            kind: kind.into(),
            strength: 1 + rng.below(5) as i32,
            note: None,
            pair_key: key,
            created_at: now,
            updated_at: now,
            version: 1,
        });
    }

    tx(conn, &mut |c| {
        insert_all!(c, crate::db::schema::contacts::table, rows);
        insert_all!(c, contact_tags::table, tag_rows);
        insert_all!(c, crate::db::schema::contact_handles::table, handle_rows);
        insert_all!(c, crate::db::schema::contact_names::table, name_rows);
        Ok(())
    })?;
    tx(conn, &mut |c| {
        insert_all!(c, interactions::table, interaction_rows);
        insert_all!(c, interaction_contacts::table, ic_rows);
        let words: Vec<_> = interaction_rows
            .iter()
            .map(|r| (&*r.user_id, &*r.id, &*r.search_text, &*r.search_key))
            .collect();
        words::insert_many(c, Words::Interactions, &words).map_err(|e| format!("words: {e}"))?;
        Ok(())
    })?;
    tx(conn, &mut |c| {
        insert_all!(c, ledger_entries::table, entries);
        let words: Vec<_> = entries
            .iter()
            .map(|r| (&*r.user_id, &*r.id, &*r.search_text, &*r.search_key))
            .collect();
        words::insert_many(c, Words::LedgerEntries, &words).map_err(|e| format!("words: {e}"))?;
        insert_all!(c, ledger_balances::table, balance_rows);
        insert_all!(c, relationships::table, rel_rows);
        insert_all!(c, crate::db::schema::needs::table, need_rows);
        insert_all!(c, crate::db::schema::need_tags::table, need_tag_rows);
        Ok(())
    })?;
    if let DbConn::Postgresql(c) = conn {
        diesel::connection::SimpleConnection::batch_execute(c, "ANALYZE")
            .map_err(|e| e.to_string())?;
    } else if let DbConn::Sqlite(c) = conn {
        diesel::connection::SimpleConnection::batch_execute(c, "ANALYZE")
            .map_err(|e| e.to_string())?;
    }
    Ok(format!(
        "seeded {} ({}): {} contacts, {} interactions ({} participations), {} ledger entries, {} relationships, {} needs in {:.1}s\n",
        o.email,
        user.id,
        rows.len(),
        interaction_rows.len(),
        ic_rows.len(),
        entries.len(),
        rel_rows.len(),
        need_rows.len(),
        started.elapsed().as_secs_f64()
    ))
}
