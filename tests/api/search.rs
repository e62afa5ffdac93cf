//! What `q` finds in the contact list: folded text (no case, no accents)
//! over every field a person would look in, phone numbers by their digits,
//! metacharacters as themselves, never someone else's contacts.

use serde_json::{json, Value};

use crate::helpers::{Scratch, Session, TestApp};

async fn names(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let url = format!("/v1/contacts?q={}", urlencode(query));
    let res = app.get(&url).auth(s).send().await;
    assert_eq!(res.status, 200, "{query}: {}", res.text());
    let mut out: Vec<String> = res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

fn urlencode(s: &str) -> String {
    serde_urlencoded::to_string([("q", s)]).unwrap()[2..].to_string()
}

/// Moves the contact `id` to the trash; it must succeed.
async fn trash(app: &TestApp, s: &Session, id: &str) {
    let res = app
        .delete(&format!("/v1/contacts/{id}"))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 204, "{id}: {}", res.text());
}

/// Creates the contacts of `items` (batch items: `{"contact": …}`), 500
/// a request.
async fn create_in_batches(app: &TestApp, s: &Session, items: &[Value]) {
    for chunk in items.chunks(500) {
        let res = app
            .post("/v1/contacts/batch")
            .auth(s)
            .json(json!({ "items": chunk }))
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
    }
}

/// Sends `patch` to `url` as a merge patch; it must succeed.
async fn merge_patch(app: &TestApp, s: &Session, url: &str, patch: Value) {
    let res = app
        .patch(url)
        .auth(s)
        .raw(
            "application/merge-patch+json",
            patch.to_string().into_bytes(),
        )
        .send()
        .await;
    assert_eq!(res.status, 200, "{url}: {}", res.text());
}

#[actix_web::test]
async fn q_ignores_case_and_accents_and_finds_every_field() {
    let app = TestApp::spawn().await;
    let s = app.user("search@example.com").await;
    let people: [Value; 4] = [
        json!({"display_name": "José Álvarez", "company": "Façade Labs"}),
        json!({"display_name": "Anna Müller", "title": "Staff Engineer", "location": "Zürich",
               "tags": ["Investors"], "how_we_met": "Strange Loop"}),
        json!({"display_name": "Ben Ode", "phones": [{"number": "+1-555-0103"}],
               "emails": [{"address": "Ben.Ode@Example.com"}], "notes": "owes 50%_off\\coupon"}),
        json!({"display_name": "Cleo Park"}),
    ];
    for p in people {
        app.contact(&s, p).await;
    }
    assert_eq!(names(&app, &s, "jose").await, ["José Álvarez"]);
    assert_eq!(names(&app, &s, "ÁLVAREZ").await, ["José Álvarez"]);
    assert_eq!(names(&app, &s, "facade").await, ["José Álvarez"]);
    assert_eq!(names(&app, &s, "MULLER").await, ["Anna Müller"]);
    for field in ["staff eng", "zurich", "investors", "strange loop"] {
        assert_eq!(names(&app, &s, field).await, ["Anna Müller"], "{field}");
    }
    for phone in ["555 0103", "(555) 0103", "15550103", "+1 555-0103"] {
        assert_eq!(names(&app, &s, phone).await, ["Ben Ode"], "{phone}");
    }
    assert_eq!(names(&app, &s, "ben.ode@example").await, ["Ben Ode"]);
    // `%`, `_` and `\` are themselves, not wildcards.
    assert_eq!(names(&app, &s, "50%_off\\c").await, ["Ben Ode"]);
    assert_eq!(names(&app, &s, "50%").await, ["Ben Ode"]);
    assert_eq!(names(&app, &s, "%_o").await, ["Ben Ode"]);
    assert!(names(&app, &s, "jo%z").await.is_empty());
    assert!(names(&app, &s, "o_e").await.is_empty());

    // Shorter than three characters: the start of a name's word only.
    assert_eq!(names(&app, &s, "an").await, ["Anna Müller"]);
    assert_eq!(names(&app, &s, "ÁL").await, ["José Álvarez"]);
    assert_eq!(names(&app, &s, "od").await, ["Ben Ode"]);
    assert!(
        names(&app, &s, "de").await.is_empty(),
        "Façade and Ode hold it, not at a word's start"
    );
    assert!(names(&app, &s, "%").await.is_empty());

    // Another user finds none of it.
    let eve = app.user("eve@example.com").await;
    assert!(names(&app, &eve, "jose").await.is_empty());
    assert!(names(&app, &eve, "5550103").await.is_empty());
}

async fn found(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
    let res = app
        .get(&format!("/v1/contacts?{query}"))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{query}: {}", res.text());
    let mut out: Vec<String> = res.json()["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["display_name"].as_str().unwrap().to_string())
        .collect();
    out.sort();
    out
}

#[actix_web::test]
async fn email_and_phone_find_a_contact_exactly() {
    let app = TestApp::spawn().await;
    let s = app.user("lookup@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "Ana@Work.example"}, {"address": "ana@home.example"}],
                   "phones": [{"number": "+1 (555) 010-3"}]}),
        )
        .await;
    app.contact(
        &s,
        json!({"display_name": "Anabel", "emails": [{"address": "anabel@work.example"}],
                            "phones": [{"number": "555 0103 9"}]}),
    )
    .await;
    assert_eq!(found(&app, &s, "email=ana%40work.example").await, ["Ana"]);
    assert_eq!(found(&app, &s, "email=ANA%40HOME.EXAMPLE").await, ["Ana"]);
    // Exact, not a substring.
    assert!(found(&app, &s, "email=na%40work.example").await.is_empty());
    assert_eq!(found(&app, &s, "phone=15550103").await, ["Ana"]);
    assert_eq!(found(&app, &s, "phone=%2B1-555-010-3").await, ["Ana"]);
    assert!(found(&app, &s, "phone=5550103").await.is_empty());
    app.get("/v1/contacts?phone=call-me")
        .auth(&s)
        .send()
        .await
        .problem(422, "validation_failed");

    // A changed email is found by the new one only.
    let url = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());
    let patch = json!({"emails": [{"address": "ana@new.example"}]});
    merge_patch(&app, &s, &url, patch).await;
    assert!(found(&app, &s, "email=ana%40work.example").await.is_empty());
    assert_eq!(found(&app, &s, "email=ana%40new.example").await, ["Ana"]);

    // A trashed contact only with trashed=true; another user never.
    let id = ana["id"].as_str().unwrap();
    app.delete(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await;
    assert!(found(&app, &s, "email=ana%40new.example").await.is_empty());
    assert_eq!(
        found(&app, &s, "email=ana%40new.example&trashed=true").await,
        ["Ana"]
    );
    let eve = app.user("eve-lookup@example.com").await;
    assert!(found(&app, &eve, "phone=15550103&trashed=true")
        .await
        .is_empty());
}

/// Contacts written by an earlier version (an unfolded search text, no
/// lookup rows) are found like new ones once a server has started on the
/// database: the migration marks them, the start-up backfill rewrites them.
#[actix_web::test]
async fn contacts_from_before_are_found_after_the_backfill() {
    use crate::contact_json::{restarted_after_backfill, sql};
    let app = TestApp::spawn().await;
    let s = app.user("before@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "José", "phones": [{"number": "+1 555 0103"}]}),
    )
    .await;
    sql(&app, "DELETE FROM contact_handles");
    sql(&app, "DELETE FROM contact_names");
    sql(
        &app,
        "UPDATE contacts SET search_text = 'josé', api_json = NULL",
    );
    assert!(names(&app, &s, "jose").await.is_empty());
    assert!(found(&app, &s, "phone=15550103").await.is_empty());

    let app = restarted_after_backfill(app).await;
    assert_eq!(names(&app, &s, "jose").await, ["José"]);
    assert_eq!(names(&app, &s, "555 0103").await, ["José"]);
    assert_eq!(found(&app, &s, "phone=15550103").await, ["José"]);
}

/// Contacts whose tag was renamed before the search text followed tag
/// edits (their tags say the new name, their search text and rows the old
/// one) are found by what they carry once a server has started after
/// migration 000035 (whose statement this runs): the backfill rewrites
/// them.
#[actix_web::test]
async fn contacts_renamed_by_a_tag_before_are_found_by_it_after_the_backfill() {
    use crate::contact_json::{restarted_after_backfill, sql};
    let app = TestApp::spawn().await;
    let s = app.user("tag-before@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "Ben Cole", "tags": ["seedfund"]}),
    )
    .await;
    app.contact(&s, json!({"display_name": "Ada Xu"})).await;
    // What a rename did before: the tags, not what search reads.
    sql(
        &app,
        "UPDATE contacts SET tags = '[\"angels\"]' WHERE tags <> '[]'",
    );
    sql(&app, "UPDATE contact_tags SET tag = 'angels'");
    assert_eq!(names(&app, &s, "seedfund").await, ["Ben Cole"]);
    assert!(names(&app, &s, "angels").await.is_empty());
    sql(
        &app,
        include_str!(
            "../../migrations/sqlite/2026-12-06-000035_search_text_after_tag_edits/up.sql"
        ),
    );
    let app = restarted_after_backfill(app).await;
    assert_eq!(names(&app, &s, "angels").await, ["Ben Cole"]);
    assert_eq!(names(&app, &s, "angel").await, ["Ben Cole"]);
    assert!(names(&app, &s, "seedfund").await.is_empty());
    assert_eq!(names(&app, &s, "ada").await, ["Ada Xu"]);
}

/// While the start-up backfill of migration 000034 has not written every
/// contact's heads and tails (its mark in `search_words_backlog`), a search
/// finds and ranks as it did before them; once it has, through them.
#[actix_web::test]
async fn contacts_are_found_while_their_search_rows_are_written() {
    use crate::contact_json::{count, sql, unrendered};
    let app = TestApp::spawn().await;
    let s = app.user("rows@example.com").await;
    for p in [
        json!({"display_name": "Noor Park", "notes": "Met at conference 17"}),
        json!({"display_name": "Ana Conference"}),
        json!({"display_name": "Zed Brown", "company": "The Conference 17 Club"}),
        json!({"display_name": "Ivo Novak", "title": "CTO, Xconference 17"}),
    ] {
        app.contact(&s, p).await;
    }
    let ranked = ["Noor Park", "Zed Brown", "Ivo Novak"];
    // As a database from before the migration reads, its backfill to come.
    for statement in [
        "DELETE FROM contact_names WHERE kind = 'tail'",
        "INSERT INTO search_words_backlog (table_name, after_id) VALUES ('contacts', '')",
        "UPDATE contacts SET api_json = NULL",
    ] {
        sql(&app, statement);
    }
    let url = "/v1/contacts?q=conference%2017";
    assert_eq!(in_order(&app, &s, url, 1).await, ranked);
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=no", 1).await,
        ["Noor Park", "Ivo Novak"]
    );

    let settings = app.settings.clone();
    let TestApp { dir, .. } = app;
    let app = TestApp::start(settings, dir).await;
    let backlog = "SELECT COUNT(*) AS n FROM search_words_backlog WHERE table_name = 'contacts'";
    for _ in 0..200 {
        if unrendered(&app) == 0 && count(&app, backlog) == 0 {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(count(&app, backlog), 0, "the backfill finished");
    let tails = "SELECT COUNT(*) AS n FROM contact_names WHERE kind = 'tail'";
    assert!(count(&app, tails) > 0, "the tails are written");
    assert_eq!(in_order(&app, &s, url, 1).await, ranked);
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=no", 1).await,
        ["Noor Park", "Ivo Novak"]
    );
}

/// A contact is found by what its fields say now: an edit of a field that
/// is not a name moves it in and out of a query's word rank.
#[actix_web::test]
async fn an_edited_field_is_found_by_its_new_words() {
    let app = TestApp::spawn().await;
    let s = app.user("field-edits@example.com").await;
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben Cole", "notes": "analytics lead"}),
        )
        .await;
    app.contact(&s, json!({"display_name": "Ada Banalytics"}))
        .await;
    let url = "/v1/contacts?q=analytics";
    assert_eq!(
        in_order(&app, &s, url, 1).await,
        ["Ben Cole", "Ada Banalytics"]
    );
    let ben_url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    let patch = json!({"notes": "data lead", "company": "Analytics Co"});
    merge_patch(&app, &s, &ben_url, patch).await;
    assert_eq!(
        in_order(&app, &s, url, 1).await,
        ["Ben Cole", "Ada Banalytics"]
    );
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=data%20lead", 1).await,
        ["Ben Cole"]
    );
    merge_patch(&app, &s, &ben_url, json!({"company": null})).await;
    assert_eq!(in_order(&app, &s, url, 1).await, ["Ada Banalytics"]);
}

/// An edit of one line of a note moves only that line in and out of a
/// query's word rank: the other lines keep ranking by their words (the
/// contact's rows are written again only where they differ), a new name
/// (every row holds its key) keeps every rank, and no note leaves none.
/// Each query's order tells the ranks apart: Ben holds the words, Ada
/// only the same letters inside hers, and ranks below him though her name
/// sorts first.
#[actix_web::test]
async fn an_edited_line_of_a_note_is_found_by_its_new_words_and_the_others_still_rank() {
    let app = TestApp::spawn().await;
    let s = app.user("note-lines@example.com").await;
    let lines = |middle: &str| format!("pricing review\n{middle} offsite\nhiring plan");
    let ben = app
        .contact(
            &s,
            json!({"display_name": "Ben Cole", "notes": lines("berlin")}),
        )
        .await;
    app.contact(
        &s,
        json!({"display_name": "Ada Xu", "notes": "repricing reviews, xberlin offsites, rehiring plans, xlisbon offsites"}),
    )
    .await;
    // Each query of `queries` lists `expected`, in order.
    let each = |queries: Vec<&'static str>, expected: Vec<&'static str>| {
        let (app, s) = (&app, &s);
        async move {
            for q in queries {
                let url = format!("/v1/contacts?q={}", urlencode(q));
                assert_eq!(in_order(app, s, &url, 1).await, expected, "{q}");
            }
        }
    };
    let kept = || vec!["pricing review", "hiring plan"];
    each(kept(), vec!["Ben Cole", "Ada Xu"]).await;
    each(vec!["berlin offsite"], vec!["Ben Cole", "Ada Xu"]).await;
    each(vec!["lisbon offsite"], vec!["Ada Xu"]).await;
    let ben_url = format!("/v1/contacts/{}", ben["id"].as_str().unwrap());
    merge_patch(&app, &s, &ben_url, json!({"notes": lines("lisbon")})).await;
    each(kept(), vec!["Ben Cole", "Ada Xu"]).await;
    each(vec!["lisbon offsite"], vec!["Ben Cole", "Ada Xu"]).await;
    each(vec!["berlin offsite"], vec!["Ada Xu"]).await;
    merge_patch(&app, &s, &ben_url, json!({"display_name": "Zed Cole"})).await;
    each(kept(), vec!["Zed Cole", "Ada Xu"]).await;
    each(vec!["lisbon offsite"], vec!["Zed Cole", "Ada Xu"]).await;
    each(vec!["ben"], vec![]).await;
    each(vec!["zed"], vec!["Zed Cole"]).await;
    merge_patch(&app, &s, &ben_url, json!({"notes": null})).await;
    each(kept(), vec!["Ada Xu"]).await;
    each(vec!["lisbon offsite"], vec!["Ada Xu"]).await;
}

/// A tag renamed or deleted (`/v1/tags/{name}`) changes what its
/// contacts are found by, as an edit of their tags does.
#[actix_web::test]
async fn a_renamed_or_deleted_tag_finds_its_contacts_by_what_they_carry_now() {
    let app = TestApp::spawn().await;
    let s = app.user("tag-search@example.com").await;
    app.contact(
        &s,
        json!({"display_name": "Ben Cole", "tags": ["seedfund"]}),
    )
    .await;
    app.contact(
        &s,
        json!({"display_name": "Cleo Park", "tags": ["seedfund", "climate"]}),
    )
    .await;
    assert_eq!(names(&app, &s, "seedfund").await, ["Ben Cole", "Cleo Park"]);
    let res = app
        .patch("/v1/tags/seedfund")
        .auth(&s)
        .json(json!({"name": "angels"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(names(&app, &s, "seedfund").await, Vec::<String>::new());
    assert_eq!(names(&app, &s, "angels").await, ["Ben Cole", "Cleo Park"]);
    assert_eq!(names(&app, &s, "angel").await, ["Ben Cole", "Cleo Park"]);
    let res = app.delete("/v1/tags/climate").auth(&s).send().await;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(names(&app, &s, "climate").await, Vec::<String>::new());
    assert_eq!(names(&app, &s, "clim").await, Vec::<String>::new());
}

/// Every result list, page by page, for one user's data loaded alike.
async fn every_result(app: &TestApp, s: &Session, queries: &[&str]) -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    for query in queries {
        let seen = every_item(app, s, &format!("/v1/contacts?{query}"), 3)
            .await
            .iter()
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect();
        out.push((query.to_string(), seen));
    }
    out
}

/// Every item of the list at `url`, `limit` a page, following its cursors
/// (each page at most `limit` long).
async fn every_item(app: &TestApp, s: &Session, url: &str, limit: usize) -> Vec<Value> {
    every_page(app, s, url, limit).await.concat()
}

/// Each page of the list at `url`, `limit` a page, following its cursors
/// (each page at most `limit` long).
async fn every_page(app: &TestApp, s: &Session, url: &str, limit: usize) -> Vec<Vec<Value>> {
    let mut pages: Vec<Vec<Value>> = Vec::new();
    let mut cursor: Option<String> = None;
    loop {
        let mut page_url = format!("{url}&limit={limit}");
        if let Some(c) = &cursor {
            page_url.push_str(&format!("&cursor={c}"));
        }
        let res = app.get(&page_url).auth(s).send().await;
        assert_eq!(res.status, 200, "{page_url}: {}", res.text());
        let page = res.json();
        let items = page["items"].as_array().unwrap();
        assert!(items.len() <= limit, "{page_url}");
        pages.push(items.clone());
        match page["next_cursor"].as_str() {
            Some(c) => cursor = Some(c.to_string()),
            None => break,
        }
        assert!(pages.len() < 1000, "{url} never ends");
    }
    pages
}

/// Without `sort`, a search answers the best matches first: a name equal
/// to the query, then a name that begins with it, then a word (of any
/// field) that begins with it, then the query anywhere; ties by name. The
/// ranking pages with its cursor; `sort` overrides it.
#[actix_web::test]
async fn search_ranks_exact_then_prefix_then_word_then_substring() {
    let app = TestApp::spawn().await;
    let s = app.user("rank@example.com").await;
    let people = [
        json!({"display_name": "Zed Brown", "company": "Banana Republic"}),
        json!({"display_name": "Maria Ána López"}),
        json!({"display_name": "Anabel Ortiz"}),
        json!({"display_name": "Ben Cole", "notes": "analytics lead"}),
        json!({"display_name": "ANA"}),
        json!({"display_name": "Carla Diaz", "title": "Ruthana's editor"}),
        json!({"display_name": "Dov Tal"}),
    ];
    let mut ids = Vec::new();
    for p in people {
        ids.push(app.contact(&s, p).await["id"].as_str().unwrap().to_string());
    }
    // Someone else's contact that matches better than all of them.
    let other = app.user("rank-other@example.com").await;
    app.contact(&other, json!({"display_name": "Ana"})).await;

    let ranked = [
        "ANA",
        "Anabel Ortiz",
        "Ben Cole",
        "Maria Ána López",
        "Carla Diaz",
        "Zed Brown",
    ];
    assert_eq!(in_order(&app, &s, "/v1/contacts?q=ana", 100).await, ranked);
    // Page by page, the same order: nothing repeated, nothing skipped.
    for limit in [1, 2, 4] {
        assert_eq!(
            in_order(&app, &s, "/v1/contacts?q=ana", limit).await,
            ranked,
            "limit {limit}"
        );
    }
    // A short query finds the start of a name's word, ranked the same way.
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=an", 2).await,
        ["ANA", "Anabel Ortiz", "Maria Ána López"]
    );
    // `sort` overrides the ranking.
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=ana&sort=name", 2).await,
        [
            "ANA",
            "Anabel Ortiz",
            "Ben Cole",
            "Carla Diaz",
            "Maria Ána López",
            "Zed Brown"
        ]
    );
    // A trashed contact is found only with `trashed=true`.
    trash(&app, &s, &ids[2]).await;
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=ana", 2).await,
        [
            "ANA",
            "Ben Cole",
            "Maria Ána López",
            "Carla Diaz",
            "Zed Brown"
        ]
    );
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=ana&trashed=true", 2).await,
        ["Anabel Ortiz"]
    );
    // A renamed contact ranks by its new name, and other filters still
    // narrow a ranked list.
    for (i, patch) in [
        (6, json!({"display_name": "Ana Dov", "tags": ["vip"]})),
        (4, json!({"display_name": "Anya"})),
    ] {
        merge_patch(&app, &s, &format!("/v1/contacts/{}", ids[i]), patch).await;
    }
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=ana", 2).await,
        [
            "Ana Dov",
            "Ben Cole",
            "Maria Ána López",
            "Carla Diaz",
            "Zed Brown"
        ]
    );
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=an&tag=vip", 1).await,
        ["Ana Dov"]
    );
    assert!(in_order(&app, &s, "/v1/contacts?q=dov&tag=nobody", 1)
        .await
        .is_empty());
    // A cursor of a ranked list is refused by another sort.
    let res = app.get("/v1/contacts?q=ana&limit=1").auth(&s).send().await;
    let cursor = res.json()["next_cursor"].as_str().unwrap().to_string();
    let res = app
        .get(&format!("/v1/contacts?q=ana&sort=name&cursor={cursor}"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
}

/// A query with a space is found inside a word among the contacts whose
/// rows begin with what follows the space, after those it begins a word
/// of, on every page size: the ones a page already holds are not read
/// again, the others still come.
#[actix_web::test]
async fn a_query_with_a_space_is_found_inside_a_word_after_its_word_matches() {
    let app = TestApp::spawn().await;
    let s = app.user("space@example.com").await;
    for p in [
        json!({"display_name": "Pia Berg", "notes": "met at megacompany 0408 offsite"}),
        json!({"display_name": "Ola Dahl", "company": "Company 0408"}),
        json!({"display_name": "Bo Ek", "company": "company 04081"}),
        json!({"display_name": "Ulf Ahl", "company": "Company 0409"}),
        json!({"display_name": "Kim Lund", "notes": "0408 only"}),
    ] {
        app.contact(&s, p).await;
    }
    for limit in [1, 2, 100] {
        assert_eq!(
            in_order(&app, &s, "/v1/contacts?q=company%200408", limit).await,
            ["Bo Ek", "Ola Dahl", "Pia Berg"],
            "limit {limit}"
        );
    }
}

/// A short query sorted by name pages the contacts a name or a name's
/// word begins with in name order, whether a name or only a word finds
/// them, each once, on every page size, also when the trash holds every
/// contact one read of names found; the other filters still apply.
#[actix_web::test]
async fn a_short_query_sorted_by_name_pages_its_contacts_in_name_order() {
    let app = TestApp::spawn().await;
    let s = app.user("short-sort@example.com").await;
    let mut expected = Vec::new();
    let mut ids = std::collections::HashMap::new();
    // Twelve found by a word of their name, close together in name order,
    // and twelve by a name (the family name) spread after them: more than
    // a page of one reads of each at a time.
    for (i, c) in ('a'..='l').enumerate() {
        let upper = ((b'B' + i as u8) as char).to_string();
        for (display, body) in [
            (
                format!("A{c} Nord"),
                json!({"display_name": format!("A{c} Nord")}),
            ),
            (
                format!("{upper}a Noble"),
                json!({"display_name": format!("{upper}a Noble"), "family_name": "Noble"}),
            ),
        ] {
            let id = app.contact(&s, body).await["id"]
                .as_str()
                .unwrap()
                .to_string();
            ids.insert(display.clone(), id);
            expected.push(display);
        }
        // Holds `no` inside a word only: not found by a short query.
        app.contact(&s, json!({"display_name": format!("A{c} Snow")}))
            .await;
    }
    // Found by its name and by its words.
    app.contact(&s, json!({"display_name": "Nora Nobel"})).await;
    expected.push("Nora Nobel".to_string());
    expected.sort_by_key(|n| n.to_lowercase());
    for limit in [1, 2, 3, 100] {
        assert_eq!(
            in_order(&app, &s, "/v1/contacts?q=no&sort=name", limit).await,
            expected,
            "limit {limit}"
        );
    }
    // The first ten found by a word go to the trash: a page reads past
    // them, and past the names read with them, in order.
    let trashed: Vec<String> = ('a'..='j').map(|c| format!("A{c} Nord")).collect();
    for name in &trashed {
        trash(&app, &s, &ids[name]).await;
    }
    let live: Vec<String> = expected
        .iter()
        .filter(|n| !trashed.contains(n))
        .cloned()
        .collect();
    for limit in [1, 2] {
        assert_eq!(
            in_order(&app, &s, "/v1/contacts?q=no&sort=name", limit).await,
            live,
            "limit {limit}"
        );
    }
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=no&sort=name&trashed=true", 2).await,
        trashed
    );
    // A tag narrows the list.
    for name in ["Ak Nord", "Ba Noble"] {
        let url = format!("/v1/contacts/{}", ids[name]);
        merge_patch(&app, &s, &url, json!({"tags": ["vip"]})).await;
    }
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=no&sort=name&tag=vip", 1).await,
        ["Ak Nord", "Ba Noble"]
    );
}

/// Contacts the other filters leave out (in the trash, archived) take no
/// place on a ranked page: each page is as long as asked, in order, until
/// the last, and none is skipped.
#[actix_web::test]
async fn a_ranked_page_is_full_when_filters_leave_names_out() {
    let app = TestApp::spawn().await;
    let s = app.user("filtered-ranks@example.com").await;
    let mut ids = Vec::new();
    for i in 1..=9 {
        let archived = i == 3 || i == 4;
        let body = json!({"display_name": format!("Kim {i:02}"), "archived": archived});
        ids.push(
            app.contact(&s, body).await["id"]
                .as_str()
                .unwrap()
                .to_string(),
        );
    }
    trash(&app, &s, &ids[1]).await;
    let live = ["Kim 01", "Kim 05", "Kim 06", "Kim 07", "Kim 08", "Kim 09"];
    for limit in [1, 2, 3, 100] {
        let pages = every_page(&app, &s, "/v1/contacts?q=kim", limit).await;
        let pages: Vec<Vec<&str>> = pages
            .iter()
            .map(|p| {
                p.iter()
                    .map(|c| c["display_name"].as_str().unwrap())
                    .collect()
            })
            .collect();
        assert_eq!(pages.concat(), live, "limit {limit}");
        let (last, full) = pages.split_last().unwrap();
        assert!(
            full.iter().all(|p| p.len() == limit),
            "limit {limit}: {pages:?}"
        );
        assert!(!last.is_empty(), "limit {limit}: {pages:?}");
    }
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=kim&archived=true", 1).await,
        ["Kim 03", "Kim 04"]
    );
    assert_eq!(
        in_order(&app, &s, "/v1/contacts?q=kim&trashed=true", 1).await,
        ["Kim 02"]
    );
}

/// Every display name `url` lists, following its cursors, in order.
async fn in_order(app: &TestApp, s: &Session, url: &str, limit: usize) -> Vec<String> {
    every_item(app, s, url, limit)
        .await
        .iter()
        .map(|c| c["display_name"].as_str().unwrap().to_string())
        .collect()
}

/// The same data finds the same contacts in the same order on SQLite and
/// on PostgreSQL: the search text and the lookup rows are written by kith,
/// not by either database. (In the PostgreSQL run of the suite this
/// compares the two; on SQLite alone it compares two SQLite databases.)
#[actix_web::test]
async fn both_databases_find_the_same_contacts() {
    let sqlite = TestApp::spawn_with(|s| {
        let dir = s.data_dir.clone().unwrap();
        s.database_url = format!("sqlite://{}", dir.join("same.db").display());
    })
    .await;
    let other = TestApp::spawn().await;
    let first = [
        "Zoë", "José", "Ana", "Anaïs", "Ben", "Çelik", "Dara", "Eli", "Łukasz", "Ørsted",
    ];
    let last = [
        "Ávila",
        "Müller",
        "O'Neil",
        "Park",
        "Smith_Jones",
        "50% Off",
        "Lee",
    ];
    let queries = [
        "q=an",
        "q=AN",
        "q=jo",
        "q=z",
        "q=%C3%B6",
        "q=ana",
        "q=muller",
        "q=M%C3%9CLLER",
        "q=avila",
        "q=o%27neil",
        "q=smith_",
        "q=50%25",
        "q=_",
        "q=%25",
        "q=5550",
        "q=555%200",
        "q=%2B1%20555",
        "q=initech",
        "q=rust",
        "q=lisbon",
        "q=l",
        "q=%C3%B8rsted",
        "q=orsted",
        "q=lukasz",
        "email=c9%40example.com",
        "email=C12%40EXAMPLE.COM",
        "phone=15550109",
        "phone=%2B1%20(555)%20011-1",
        "q=ben&sort=-created_at",
        "q=a&sort=name",
        "tag=rust&q=e",
    ];
    let mut lists = Vec::new();
    let mut searches = Vec::new();
    for app in [&sqlite, &other] {
        let s = app.user("same@example.com").await;
        let mut n = 0;
        for f in first {
            for l in last {
                n += 1;
                if n % 3 != 0 {
                    continue;
                }
                app.contact(
                    &s,
                    json!({
                        "display_name": format!("{f} {l}"),
                        "emails": [{"address": format!("C{n}@Example.com")}],
                        "phones": [{"number": format!("+1 555 01{:02}", n % 100)}],
                        "company": if n % 2 == 0 { "Initech" } else { "Globex" },
                        "location": if n % 4 == 0 { "Lisbon" } else { "Porto" },
                        "tags": if n % 5 == 0 { json!(["rust"]) } else { json!([]) },
                        "notes": format!("note {n}: 100% rust_fan"),
                    }),
                )
                .await;
            }
        }
        lists.push(every_result(app, &s, &queries).await);
        // Interactions and favors with the first contacts, for /v1/search.
        let page = app
            .get("/v1/contacts?limit=12")
            .auth(&s)
            .send()
            .await
            .json();
        for (n, c) in page["items"].as_array().unwrap().iter().enumerate() {
            let name = c["display_name"].as_str().unwrap();
            let body = json!({"kind": "coffee", "direction": "mutual",
                "summary": format!("Café with {name}"), "notes": format!("{n}0% off_line"),
                "contact_ids": [c["id"]], "occurred_at": "2026-03-01T09:00:00Z"});
            let res = app
                .post("/v1/interactions")
                .auth(&s)
                .json(body)
                .send()
                .await;
            assert_eq!(res.status, 201, "{}", res.text());
            let body = json!({"contact_id": c["id"], "direction": "given", "kind": "advice",
                "description": format!("Advice for {name}")});
            let res = app.post("/v1/ledger").auth(&s).json(body).send().await;
            assert_eq!(res.status, 201, "{}", res.text());
        }
        let mut everything = Vec::new();
        for query in [
            "q=cafe",
            "q=ana",
            "q=an",
            "q=0%25",
            "q=off_",
            "q=advice%20for",
            "q=m%C3%BCller",
        ] {
            everything.push((query, hits(app, &s, query, 4).await));
        }
        searches.push(everything);
    }
    assert_eq!(searches[0], searches[1]);
    let found: usize = searches[0].iter().map(|(_, h)| h.len()).sum();
    assert!(
        found > 50,
        "the searches find something to compare ({found})"
    );
    let found: usize = lists[0].iter().map(|(_, l)| l.len()).sum();
    assert!(
        found > 100,
        "the queries find something to compare ({found})"
    );
    for (a, b) in lists[0].iter().zip(&lists[1]) {
        assert_eq!(a, b, "{}", a.0);
    }
}

/// Every hit of `GET /v1/search?{query}`, following its cursors, as
/// `(type, title, field, snippet)`.
async fn hits(
    app: &TestApp,
    s: &Session,
    query: &str,
    limit: usize,
) -> Vec<(String, String, String, String)> {
    let text = |h: &Value, k: &str| h[k].as_str().unwrap().to_string();
    every_item(app, s, &format!("/v1/search?{query}"), limit)
        .await
        .iter()
        .map(|h| {
            (
                text(h, "type"),
                text(h, "title"),
                text(h, "field"),
                text(h, "snippet"),
            )
        })
        .collect()
}

/// One search across contacts, interactions, ledger entries and
/// introductions: ranked as the contact list is, each hit with its field
/// and passage, paged, narrowed by `types`, never another user's.
#[actix_web::test]
async fn search_finds_everything_ranked_and_paged() {
    let app = TestApp::spawn().await;
    let s = app.user("everything@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "notes": "Met in Lisbon at a meetup"}),
        )
        .await;
    let dara = app.contact(&s, json!({"display_name": "Dara"})).await;
    app.contact(&s, json!({"display_name": "Lisbon"})).await;
    app.contact(
        &s,
        json!({"display_name": "Zoë", "company": "Lisbonite Ltd"}),
    )
    .await;
    app.contact(&s, json!({"display_name": "Yara", "location": "AltLisbon"}))
        .await;
    let gone = app
        .contact(&s, json!({"display_name": "Lisbon Gone"}))
        .await;
    let res = app
        .delete(&format!("/v1/contacts/{}", gone["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204);
    let posts = [
        (
            "/v1/interactions",
            json!({"kind": "coffee", "direction": "mutual", "summary": "Coffee in Lisbon",
                   "notes": "talked about Lisboa", "contact_ids": [ana["id"]],
                   "occurred_at": "2026-03-01T09:00:00Z"}),
        ),
        (
            "/v1/ledger",
            json!({"contact_id": ana["id"], "direction": "received", "kind": "advice",
                   "description": "Lisbon apartment tip"}),
        ),
        (
            "/v1/introductions",
            json!({"introducer_id": ana["id"], "person_b_id": dara["id"],
                   "note": "Both moving to Lisbon in spring"}),
        ),
    ];
    for (url, body) in posts {
        let res = app.post(url).auth(&s).json(body).send().await;
        assert_eq!(res.status, 201, "{url}: {}", res.text());
    }
    // Another user's data, matching better than any of it.
    let other = app.user("everything-other@example.com").await;
    app.contact(&other, json!({"display_name": "Lisbon"})).await;

    let hit = |t: &str, title: &str, field: &str, snippet: &str| {
        (
            t.to_string(),
            title.to_string(),
            field.to_string(),
            snippet.to_string(),
        )
    };
    let expected = vec![
        hit("contact", "Lisbon", "display_name", "Lisbon"),
        hit(
            "ledger_entry",
            "Lisbon apartment tip",
            "description",
            "Lisbon apartment tip",
        ),
        hit("contact", "Ana", "notes", "Met in Lisbon at a meetup"),
        hit(
            "introduction",
            "you and Dara",
            "note",
            "Both moving to Lisbon in spring",
        ),
        hit(
            "interaction",
            "Coffee in Lisbon",
            "summary",
            "Coffee in Lisbon",
        ),
        hit("contact", "Zoë", "company", "Lisbonite Ltd"),
        hit("contact", "Yara", "location", "AltLisbon"),
    ];
    assert_eq!(hits(&app, &s, "q=LISBON", 100).await, expected);
    for limit in [1, 2, 3] {
        assert_eq!(
            hits(&app, &s, "q=lisbon", limit).await,
            expected,
            "limit {limit}"
        );
    }
    // Accents and letter case; the field the passage is from.
    assert_eq!(
        hits(&app, &s, "q=lisb%C3%B6a&types=interaction", 5).await,
        [hit(
            "interaction",
            "Coffee in Lisbon",
            "notes",
            "talked about Lisboa"
        )]
    );
    // `types` narrows, in any order.
    let narrowed = hits(&app, &s, "q=lisbon&types=interaction,ledger_entry", 1).await;
    assert_eq!(narrowed, [expected[1].clone(), expected[4].clone()]);
    // The other user finds only their own.
    assert_eq!(
        hits(&app, &other, "q=lisbon", 10).await,
        [hit("contact", "Lisbon", "display_name", "Lisbon")]
    );
    // Bad input is a 422 naming the parameter.
    for (query, field) in [
        ("", "q"),
        ("q=%20%20", "q"),
        ("q=lisbon&types=contact,people", "types"),
        ("q=lisbon&types=", "types"),
        ("q=lisbon&limit=0", "limit"),
        ("q=lisbon&limit=101", "limit"),
        ("q=lisbon&cursor=nonsense", "cursor"),
    ] {
        let res = app
            .get(&format!("/v1/search?{query}"))
            .auth(&s)
            .send()
            .await;
        assert_eq!(res.status, 422, "{query}: {}", res.text());
        assert_eq!(res.json()["errors"][0]["field"], field, "{query}");
    }
    // A query of nothing but an accent looks for nothing, and finds it.
    assert!(hits(&app, &s, "q=%CC%81", 5).await.is_empty());
    // A cursor answers only the query it was made for.
    let res = app.get("/v1/search?q=lisbon&limit=1").auth(&s).send().await;
    let cursor = res.json()["next_cursor"].as_str().unwrap().to_string();
    let res = app
        .get(&format!("/v1/search?q=lisbo&limit=1&cursor={cursor}"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 422, "{}", res.text());
    let res = app.get("/v1/search?q=lisbon").send().await;
    assert_eq!(res.status, 401);
}

/// Interactions and favors written before they had a search text (an
/// upgrade past migration 000014) or search words (past 000032) are found
/// by `/v1/search` once a server has started on the database: its
/// backfill writes their text, then their words.
#[actix_web::test]
async fn rows_from_before_are_found_by_search_after_the_backfill() {
    use crate::contact_json::sql;
    let app = TestApp::spawn().await;
    let s = app.user("before-search@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let body = json!({"kind": "coffee", "direction": "mutual", "summary": "Coffee in Lisbon",
        "contact_ids": [ana["id"]], "occurred_at": "2026-03-01T09:00:00Z"});
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(body)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let body = json!({"contact_id": ana["id"], "direction": "given", "kind": "advice",
        "description": "Lisbon flats"});
    let res = app.post("/v1/ledger").auth(&s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    // As a database from before both migrations reads.
    for statement in [
        "UPDATE interactions SET search_text = '', search_key = ''",
        "UPDATE ledger_entries SET search_text = '', search_key = ''",
        "DELETE FROM interaction_words",
        "DELETE FROM ledger_entry_words",
        "INSERT INTO search_words_backlog (table_name, after_id) \
         VALUES ('interactions', ''), ('ledger_entries', '')",
    ] {
        sql(&app, statement);
    }
    assert!(hits(&app, &s, "q=lisbon", 10).await.is_empty());

    let app = restarted_after_words_backfill(app).await;
    // Found through the words written (the backlog is done), and through
    // the search text written on the way (several words).
    for q in ["q=lisbon", "q=lisbon+", "q=coffee", "q=flat", "q=in+lisbon"] {
        let found = hits(&app, &s, q, 10).await;
        let titles: Vec<&str> = found.iter().map(|h| h.1.as_str()).collect();
        let expected: &[&str] = match q {
            "q=coffee" | "q=in+lisbon" => &["Coffee in Lisbon"],
            "q=flat" => &["Lisbon flats"],
            _ => &["Lisbon flats", "Coffee in Lisbon"],
        };
        assert_eq!(titles, expected, "{q}");
    }
}

/// A server started again on `app`'s database, once its start-up backfill
/// has written the words (and pairs) of every interaction and favor that
/// `search_words_backlog` marks (asserted, within 10 s).
async fn restarted_after_words_backfill(app: TestApp) -> TestApp {
    use crate::contact_json::count;
    let settings = app.settings.clone();
    let TestApp { dir, .. } = app;
    let app = TestApp::start(settings, dir).await;
    let backlog = "SELECT COUNT(*) AS n FROM search_words_backlog";
    for _ in 0..200 {
        if count(&app, backlog) == 0 {
            break;
        }
        actix_web::rt::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    assert_eq!(count(&app, backlog), 0, "the backfill finished");
    app
}

/// Interactions and favors written before their words had pairs (an
/// upgrade past migration 000037) are found by a phrase while the start-up
/// backfill has not written the pairs (by their words alone), and after it
/// has, when the pairs are there; paged by the rules either way.
#[actix_web::test]
async fn rows_from_before_word_pairs_are_found_by_a_phrase_before_and_after_the_backfill() {
    use crate::contact_json::{count, sql};
    let app = TestApp::spawn().await;
    let s = app.user("before-pairs@example.com").await;
    let other = app.user("before-pairs-other@example.com").await;
    let rows: Vec<(String, String)> = vec![
        ("Coffee about the robotics demo".into(), String::new()),
        (
            "Call about the open-source release".into(),
            "and the roadmap".into(),
        ),
        ("Lunch about the rota".into(), "the rest".into()),
        ("The robots".into(), String::new()),
        ("Notes".into(), "the lathe robots".into()),
    ];
    phrase_rows(&app, [&s, &other], &rows).await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let body = json!({"contact_id": ana["id"], "direction": "given", "kind": "advice",
        "description": "Advice on the roadmap"});
    let res = app.post("/v1/ledger").auth(&s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    let pairs = "SELECT COUNT(*) AS n FROM interaction_words WHERE word LIKE '\u{1}%'";
    let favor_pairs = "SELECT COUNT(*) AS n FROM ledger_entry_words WHERE word LIKE '\u{1}%'";
    assert!(count(&app, pairs) > 0 && count(&app, favor_pairs) > 0);
    // As a database from before the migration reads (a pair's row begins
    // with a word mark).
    for statement in [
        "DELETE FROM interaction_words WHERE word LIKE '\u{1}%'",
        "DELETE FROM ledger_entry_words WHERE word LIKE '\u{1}%'",
        "INSERT INTO search_words_backlog (table_name, after_id) \
         VALUES ('interaction_pairs', ''), ('ledger_entry_pairs', '')",
    ] {
        sql(&app, statement);
    }
    let expected: &[(&str, &[&str])] = &[
        (
            "q=the+r&types=interaction,ledger_entry",
            &[
                "The robots",
                "Advice on the roadmap",
                "Call about the open-source release",
                "Coffee about the robotics demo",
                "Lunch about the rota",
                "Notes",
            ],
        ),
        (
            "q=about+the+ro&types=interaction",
            &["Coffee about the robotics demo", "Lunch about the rota"],
        ),
    ];
    for (q, titles) in expected {
        let found: Vec<String> = hits(&app, &s, q, 3)
            .await
            .into_iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(found, *titles, "{q}, before the backfill");
    }

    let app = restarted_after_words_backfill(app).await;
    assert!(count(&app, pairs) > 0 && count(&app, favor_pairs) > 0);
    for (q, titles) in expected {
        let found: Vec<String> = hits(&app, &s, q, 3)
            .await
            .into_iter()
            .map(|h| h.1)
            .collect();
        assert_eq!(found, *titles, "{q}, after the backfill");
    }
}

/// An interaction or favor is found by what it says now: an edit of its
/// title or notes finds it by the new words and no longer by the old, in
/// every rank, and a deleted one is not found.
#[actix_web::test]
async fn an_edited_row_is_found_by_its_new_words_and_a_deleted_one_not_at_all() {
    let app = TestApp::spawn().await;
    let s = app.user("edits@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let body = json!({"kind": "coffee", "direction": "mutual", "summary": "Lisbon",
        "notes": "harbour walk", "contact_ids": [ana["id"]],
        "occurred_at": "2026-03-01T09:00:00Z"});
    let res = app
        .post("/v1/interactions")
        .auth(&s)
        .json(body)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let coffee = format!("/v1/interactions/{}", res.json()["id"].as_str().unwrap());
    let body = json!({"contact_id": ana["id"], "direction": "given", "kind": "advice",
        "description": "Lisbon flats"});
    let res = app.post("/v1/ledger").auth(&s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    let favor = format!("/v1/ledger/{}", res.json()["id"].as_str().unwrap());
    let titles = |found: Vec<(String, String, String, String)>| {
        found.into_iter().map(|h| h.1).collect::<Vec<String>>()
    };
    assert_eq!(
        titles(hits(&app, &s, "q=lisbon", 10).await),
        ["Lisbon", "Lisbon flats"]
    );
    assert_eq!(titles(hits(&app, &s, "q=harbour", 10).await), ["Lisbon"]);
    for (url, patch) in [
        (
            &coffee,
            json!({"summary": "Porto trip", "notes": "river walk"}),
        ),
        (&favor, json!({"description": "Flats in Porto"})),
    ] {
        merge_patch(&app, &s, url, patch).await;
    }
    assert!(hits(&app, &s, "q=lisbon", 10).await.is_empty());
    assert!(hits(&app, &s, "q=harbour", 10).await.is_empty());
    assert_eq!(
        titles(hits(&app, &s, "q=porto", 10).await),
        ["Porto trip", "Flats in Porto"]
    );
    assert_eq!(titles(hits(&app, &s, "q=river", 10).await), ["Porto trip"]);
    for url in [&coffee, &favor] {
        let res = app.delete(url).auth(&s).send().await;
        assert_eq!(res.status, 204, "{url}: {}", res.text());
    }
    assert!(hits(&app, &s, "q=porto", 10).await.is_empty());
}

/// On a PostgreSQL database where kith may not create `pg_trgm` (its role
/// lacks `CREATE` on the database), kith still starts and finds by
/// scanning. (PostgreSQL only: on SQLite the FTS5 tables come with the
/// migrations.)
#[actix_web::test]
async fn without_pg_trgm_kith_starts_and_still_finds() {
    use diesel::{Connection, RunQueryDsl};
    let admin = match std::env::var("KITH_TEST_DATABASE_URL") {
        Ok(url) if !url.is_empty() => url,
        _ => return,
    };
    let id = uuid::Uuid::new_v4().simple().to_string();
    let (role, db) = (format!("kith_limited_{id}"), format!("kith_limited_{id}"));
    let mut conn = diesel::PgConnection::establish(&admin).unwrap();
    for statement in [
        format!("CREATE ROLE {role} LOGIN"),
        format!("CREATE DATABASE {db}"),
        format!("GRANT CONNECT ON DATABASE {db} TO {role}"),
    ] {
        diesel::sql_query(statement).execute(&mut conn).unwrap();
    }
    let base = admin.rsplit_once('/').unwrap().0;
    let mut db_conn = diesel::PgConnection::establish(&format!("{base}/{db}")).unwrap();
    diesel::sql_query(format!("GRANT USAGE, CREATE ON SCHEMA public TO {role}"))
        .execute(&mut db_conn)
        .unwrap();
    let limited = base.replacen("postgres@", &format!("{role}@"), 1);
    assert_ne!(limited, base, "the admin URL names its user: {admin}");
    let url = format!("{limited}/{db}");

    let app = TestApp::spawn_with(|s| s.database_url = url.clone()).await;
    let s = app.user("no-trgm@example.com").await;
    app.contact(&s, json!({"display_name": "José Álvarez"}))
        .await;
    assert_eq!(names(&app, &s, "alvarez").await, ["José Álvarez"]);
    assert_eq!(hits(&app, &s, "q=jose", 5).await.len(), 1);
    #[derive(diesel::QueryableByName)]
    struct Count {
        #[diesel(sql_type = diesel::sql_types::BigInt)]
        n: i64,
    }
    let indexes: Vec<Count> =
        diesel::sql_query("SELECT COUNT(*) AS n FROM pg_indexes WHERE indexname LIKE '%_search'")
            .load(&mut db_conn)
            .unwrap();
    assert_eq!(
        indexes[0].n, 0,
        "the refused extension left no index behind"
    );
    drop(db_conn);
    for statement in [
        format!("DROP DATABASE {db} WITH (FORCE)"),
        format!("DROP ROLE {role}"),
    ] {
        diesel::sql_query(statement).execute(&mut conn).unwrap();
    }
}

/// How the rules rank a title for a query (both in plain lower-case
/// ASCII here): equal to it, beginning with it, a word beginning with it,
/// it anywhere.
fn rank_of(title: &str, q: &str) -> Option<u8> {
    let t = title.to_lowercase();
    if t == q {
        Some(0)
    } else if t.starts_with(q) {
        Some(1)
    } else if t.split(' ').any(|w| w.starts_with(q)) {
        Some(2)
    } else if t.contains(q) {
        Some(3)
    } else {
        None
    }
}

/// `/v1/search` pages through hundreds of hits by the rules, on any page
/// size: 628 interactions, written out of title order (a word in half of
/// them, early in title order; another only at the end; another every 40
/// rows, and each word also equal to a title, beginning one and inside a
/// word; a prefix of twenty words), against the order the rules give,
/// computed here. Another user with the same interactions adds nothing.
#[actix_web::test]
async fn search_pages_broad_and_sparse_words_by_the_rules() {
    let app = TestApp::spawn().await;
    let s = app.user("walk@example.com").await;
    let other = app.user("walk-other@example.com").await;
    let mut titles: Vec<String> = Vec::new();
    // Written out of title order, so that ids do not follow titles.
    for i in (0..300).map(|k| k * 113 % 300) {
        let pick = if i % 40 == 0 { " pick" } else { "" };
        titles.push(format!("aa{i:03} berlin trip{pick}"));
    }
    for i in (0..300).map(|k| k * 7 % 300) {
        let pick = if i % 40 == 7 { " pick" } else { "" };
        titles.push(format!("mm{i:03} filler{pick}"));
    }
    for t in [
        "zz1 lisbon",
        "zz2 lisbon harbour",
        "Berlin",
        "Berlin offsite",
        "xxberlin party",
        "qqpick",
        "Pick up the keys",
        "pick",
    ] {
        titles.push(t.to_string());
    }
    // Twenty words that begin with one prefix: more than are read one by
    // one, so the page is one sort of them all.
    for i in (0..20).map(|k| k * 7 % 20) {
        titles.push(format!("note zqa{i:02}x"));
    }
    for (who, email) in [(&s, "ana@example.com"), (&other, "ben@example.com")] {
        app.contact(
            who,
            json!({"display_name": "Ana", "emails": [{"address": email}]}),
        )
        .await;
        for (part, chunk) in titles.chunks(500).enumerate() {
            let messages: Vec<Value> = chunk
                .iter()
                .enumerate()
                .map(|(n, t)| {
                    json!({"source_id": format!("{part}-{n}"), "from": email,
                           "date": "2026-11-30T09:15:00Z", "subject": t})
                })
                .collect();
            let res = app
                .post("/v1/captures/messages")
                .auth(who)
                .json(json!({ "messages": messages }))
                .send()
                .await;
            assert_eq!(res.status, 201, "{}", res.text());
            assert_eq!(res.json()["logged"], chunk.len());
        }
    }
    for (q, limit) in [
        ("berlin", 7),
        ("berlin", 50),
        ("lisbon", 2),
        ("pick", 20),
        ("pick", 3),
        ("aa0", 7),
        ("zqa", 3),
        ("zqa0", 4),
    ] {
        let mut expected: Vec<(u8, String)> = titles
            .iter()
            .filter_map(|t| Some((rank_of(t, q)?, t.clone())))
            .collect();
        expected.sort_by_key(|(rank, t)| (*rank, t.to_lowercase()));
        let expected: Vec<String> = expected.into_iter().map(|(_, t)| t).collect();
        let got: Vec<String> = every_item(
            &app,
            &s,
            &format!("/v1/search?q={q}&types=interaction"),
            limit,
        )
        .await
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
        assert_eq!(got, expected, "q={q}, limit={limit}");
    }
}

/// Contacts and interactions written at once (the SQLite writer commits
/// them in groups, each request in a savepoint of its own, their search
/// index entries held back to the group's end) are each found, a contact
/// renamed meanwhile by its new name only, and each index matches its
/// table.
#[actix_web::test]
async fn rows_written_at_once_are_each_found() {
    let app = TestApp::spawn().await;
    let s = app.user("burst@example.com").await;
    let mut old = Vec::new();
    for n in 0..6 {
        let c = app
            .contact(&s, json!({"display_name": format!("Oldname Qv{n:02}x")}))
            .await;
        old.push(c["id"].as_str().unwrap().to_string());
    }
    let mut sends: Vec<_> = (0..24)
        .map(|n| {
            Box::pin(
                app.post("/v1/contacts")
                    .auth(&s)
                    .json(json!({"display_name": format!("Burst Zq{n:02}x"),
                                 "notes": format!("met at burst {n}")}))
                    .send(),
            )
        })
        .collect();
    for (n, id) in old.iter().enumerate() {
        sends.push(Box::pin(
            app.patch(&format!("/v1/contacts/{id}"))
                .auth(&s)
                .json(json!({"display_name": format!("Renamed Zr{n:02}x")}))
                .send(),
        ));
    }
    for n in 0..8 {
        sends.push(Box::pin(
            app.post("/v1/interactions")
                .auth(&s)
                .json(json!({"kind": "call", "direction": "outbound",
                             "summary": format!("Burst call Zi{n:02}x"),
                             "contact_ids": [old[n % 6]]}))
                .send(),
        ));
    }
    for r in futures_util::future::join_all(sends).await {
        r.written();
    }
    for n in 0..24 {
        let q = format!("zq{n:02}x");
        assert_eq!(
            names(&app, &s, &q).await,
            [format!("Burst Zq{n:02}x")],
            "{q}"
        );
    }
    for n in 0..6 {
        let q = format!("zr{n:02}x");
        assert_eq!(
            names(&app, &s, &q).await,
            [format!("Renamed Zr{n:02}x")],
            "{q}"
        );
        assert!(names(&app, &s, &format!("qv{n:02}x")).await.is_empty());
    }
    for n in 0..8 {
        let res = app
            .get(&format!("/v1/search?q=zi{n:02}x&types=interaction"))
            .auth(&s)
            .send()
            .await;
        let hits = res.json()["items"].as_array().unwrap().clone();
        assert_eq!(hits.len(), 1, "zi{n:02}x: {}", res.text());
        assert_eq!(hits[0]["title"], format!("Burst call Zi{n:02}x"));
    }
    crate::helpers::search_indexes_match_their_tables(&app);
}

/// The items of `GET url` as `s`, twice (a search's page is kept, and the
/// second answer may be the kept one): both must be the same.
async fn asked_twice(app: &TestApp, s: &Session, url: &str) -> Vec<Value> {
    let mut answers = Vec::new();
    for _ in 0..2 {
        let res = app.get(url).auth(s).send().await;
        assert_eq!(res.status, 200, "{url}: {}", res.text());
        answers.push(res.json());
    }
    assert_eq!(answers[0], answers[1], "{url}");
    answers[0]["items"].as_array().unwrap().clone()
}

fn display_names(items: &[Value]) -> Vec<&str> {
    items
        .iter()
        .map(|c| c["display_name"].as_str().unwrap())
        .collect()
}

/// A search asked again answers what the database holds now, after every
/// kind of write that changes its page, whichever server on the database
/// made it: a new contact, an edit, an interaction (which moves the
/// contact's last touch), a photo, the trash and back, an edit's fields
/// page; never another user's page for the same query; and `401` once the
/// account is gone.
#[actix_web::test]
async fn a_search_asked_again_follows_every_write_through_any_server() {
    let app = TestApp::spawn().await;
    let other = TestApp::start(app.settings.clone(), Scratch::folder()).await;
    let s = app.user("kept@example.com").await;
    let t = app.user("kept-too@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana Lima"})).await;
    let bea = app.contact(&s, json!({"display_name": "Bea Lima"})).await;
    app.contact(&t, json!({"display_name": "Tom Lima"})).await;
    let (url, sparse) = (
        "/v1/contacts?q=lima",
        "/v1/contacts?q=lima&fields=display_name",
    );
    assert_eq!(
        display_names(&asked_twice(&app, &s, url).await),
        ["Ana Lima", "Bea Lima"]
    );
    assert_eq!(
        display_names(&asked_twice(&app, &t, url).await),
        ["Tom Lima"]
    );
    assert_eq!(
        display_names(&asked_twice(&app, &s, sparse).await),
        ["Ana Lima", "Bea Lima"]
    );

    // A new contact, through the other server.
    let caio = other
        .contact(&s, json!({"display_name": "Caio Lima"}))
        .await;
    let names = ["Ana Lima", "Bea Lima", "Caio Lima"];
    assert_eq!(display_names(&asked_twice(&app, &s, url).await), names);
    assert_eq!(display_names(&asked_twice(&app, &s, sparse).await), names);

    // An edit: Bea is no longer a Lima.
    let bea_url = format!("/v1/contacts/{}", bea["id"].as_str().unwrap());
    merge_patch(&other, &s, &bea_url, json!({"display_name": "Bea Souza"})).await;
    assert_eq!(
        display_names(&asked_twice(&app, &s, url).await),
        ["Ana Lima", "Caio Lima"]
    );

    // An interaction with Ana moves her last touch, shown in her JSON.
    let res = other
        .post("/v1/interactions")
        .auth(&s)
        .json(json!({"kind": "call", "direction": "outbound", "summary": "Catch-up", "contact_ids": [ana["id"]]}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let items = asked_twice(&app, &s, url).await;
    assert!(items[0]["last_interaction_at"].is_string(), "{items:?}");

    // A photo of Caio.
    let caio_url = format!("/v1/contacts/{}", caio["id"].as_str().unwrap());
    let png = crate::helpers::image_bytes(64, 64, image::ImageFormat::Png);
    let res = other
        .req(actix_web::http::Method::PUT, &format!("{caio_url}/photo"))
        .auth(&s)
        .raw("image/png", png)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let items = asked_twice(&app, &s, url).await;
    assert!(items[1]["photo_url"].is_string(), "{items:?}");

    // Caio to the trash and back.
    trash(&other, &s, caio["id"].as_str().unwrap()).await;
    assert_eq!(
        display_names(&asked_twice(&app, &s, url).await),
        ["Ana Lima"]
    );
    let trashed = "/v1/contacts?q=lima&trashed=true";
    assert_eq!(
        display_names(&asked_twice(&app, &s, trashed).await),
        ["Caio Lima"]
    );
    let res = other
        .post(&format!("{caio_url}/restore"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        display_names(&asked_twice(&app, &s, url).await),
        ["Ana Lima", "Caio Lima"]
    );
    assert!(asked_twice(&app, &s, trashed).await.is_empty());

    // The other user's page is theirs alone, before and after.
    assert_eq!(
        display_names(&asked_twice(&app, &t, url).await),
        ["Tom Lima"]
    );

    // The account gone, its search is refused, as every read of it.
    other.delete_account(&s).await;
    let res = app.get(url).auth(&s).send().await;
    assert_eq!(res.status, 401, "{}", res.text());
}

/// A search sorted by a key (not by relevance) that a thousand contacts
/// and more match pages them in that key's order, every one once and no
/// other: the same contacts, in the same order, as the whole list in that
/// order keeps of those that match; without the archived, the trashed and
/// another user's contacts that match as well, and past many that do not
/// match. For a word, two letters and a piece inside a word, each sort,
/// pages of 100 and of 7, and pages of some fields only.
#[actix_web::test]
async fn a_search_many_contacts_match_pages_them_in_its_sort_order() {
    let app = TestApp::spawn().await;
    let s = app.user("many-sorted@example.com").await;
    let other = app.user("many-sorted-other@example.com").await;
    let firsts = ["Ana", "Bo", "Cy", "Dag", "Eva", "Finn", "Gus", "Hal"];
    let mut items = Vec::new();
    // The last 900 made match nothing and come first by name and by
    // `-created_at`: a page reads past them.
    for i in 0..2200 {
        let display = match (i % 13, i >= 1300) {
            // No word begins with `li`, none holds `lima` or `ima`.
            (_, true) => format!("Aaron Berg {i:04}"),
            (0, _) => format!("Ola Berg {i:04}"),
            _ => format!("{} Lima {i:04}", firsts[i % firsts.len()]),
        };
        items.push(json!({"contact": {
            "display_name": display,
            "archived": i % 17 == 1,
            "cadence_days": if i % 3 == 0 { Some(10 + (i % 40) as i32) } else { None },
        }}));
    }
    let others: Vec<Value> = (0..40)
        .map(|i| json!({"contact": {"display_name": format!("Ida Lima {i:04}")}}))
        .collect();
    for (session, items) in [(&s, &items), (&other, &others)] {
        create_in_batches(&app, session, items).await;
    }
    // Some in the trash; some with an interaction, for the nullable sorts'
    // two runs (instants, then the contacts without one).
    let all = every_item(&app, &s, "/v1/contacts?sort=created_at", 200).await;
    for (n, c) in all.iter().skip(5).step_by(61).enumerate() {
        let body = json!({"kind": "call", "direction": "mutual", "summary": "catch-up",
            "contact_ids": [c["id"]], "occurred_at": format!("2026-0{}-1{}T09:00:00Z", 1 + n % 9, n % 10)});
        let res = app
            .post("/v1/interactions")
            .auth(&s)
            .json(body)
            .send()
            .await;
        assert_eq!(res.status, 201, "{}", res.text());
    }
    for c in all.iter().step_by(97) {
        trash(&app, &s, c["id"].as_str().unwrap()).await;
    }
    let names = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect()
    };
    for sort in [
        "-created_at",
        "name",
        "-name",
        "updated_at",
        "last_interaction_at",
        "-last_interaction_at",
        "-next_due_at",
    ] {
        let listed = names(&every_item(&app, &s, &format!("/v1/contacts?sort={sort}"), 200).await);
        // Each query matches the contacts named `… Lima …` and no other.
        let expected: Vec<String> = listed
            .into_iter()
            .filter(|n| n.contains(" Lima "))
            .collect();
        assert!(expected.len() > 1000, "{}", expected.len());
        for q in ["lima", "li", "ima"] {
            let url = format!("/v1/contacts?q={q}&sort={sort}");
            let limits: &[usize] = match (q, sort) {
                ("lima", "-next_due_at") => &[100, 7],
                _ => &[100],
            };
            for limit in limits {
                let found = names(&every_item(&app, &s, &url, *limit).await);
                assert_eq!(found, expected, "{url}, limit {limit}");
            }
        }
        // By relevance (no word begins with `ima`): every one by name.
        if sort == "name" {
            let found = names(&every_item(&app, &s, "/v1/contacts?q=ima", 100).await);
            assert_eq!(found, expected, "q=ima");
        }
        // Pages of some fields only: the same.
        let url = format!("/v1/contacts?q=lima&sort={sort}&fields=id,display_name");
        let found = names(&every_item(&app, &s, &url, 100).await);
        assert_eq!(found, expected, "{url}");
    }
}

/// A query one contact in twelve holds inside a word, sorted by a key:
/// every holder in that order, in pages of 20 and 7, each page beyond a
/// first batch of the contacts in that order (on PostgreSQL, a walk reads
/// one more, as many as the share of holders the first met says);
/// neither the trashed nor another user's.
#[actix_web::test]
async fn a_query_one_contact_in_twelve_holds_pages_it_in_a_sort_order() {
    let app = TestApp::spawn().await;
    let s = app.user("sparse-sorted@example.com").await;
    let other = app.user("sparse-sorted-other@example.com").await;
    let contact = |i: usize| {
        let company = (i % 12 == 5).then(|| format!("Aquixa {i}"));
        json!({"contact": {"display_name": format!("Eli Novak {i:04}"), "company": company}})
    };
    let items: Vec<Value> = (0..1500).map(contact).collect();
    create_in_batches(&app, &s, &items).await;
    let theirs: Vec<Value> = (0..30).map(|i| contact(i * 12 + 5)).collect();
    create_in_batches(&app, &other, &theirs).await;
    let all = every_item(&app, &s, "/v1/contacts?sort=created_at", 200).await;
    for c in all.iter().skip(5).step_by(12 * 9) {
        trash(&app, &s, c["id"].as_str().unwrap()).await;
    }
    let holders = |items: Vec<Value>| -> Vec<String> {
        items
            .iter()
            .filter(|c| {
                c["company"]
                    .as_str()
                    .is_some_and(|c| c.starts_with("Aquixa"))
            })
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect()
    };
    for sort in ["-created_at", "created_at", "-name"] {
        let expected =
            holders(every_item(&app, &s, &format!("/v1/contacts?sort={sort}"), 200).await);
        assert_eq!(expected.len(), 125 - 14, "{sort}");
        let url = format!("/v1/contacts?q=quixa&sort={sort}");
        for limit in [20, 7] {
            let found = every_item(&app, &s, &url, limit).await;
            assert_eq!(display_names(&found), expected, "{url}, limit {limit}");
        }
    }
}

/// A query held inside a word, on the contact list and `/v1/search`, by
/// contacts most of which lie beyond the first 4,096 by name (where
/// PostgreSQL stops reading them in name order and reads every match):
/// by relevance, by name and by `-name`, in pages of 100, 7 and 3, with
/// the contacts whose notes hold it in a text too long for the index that
/// holds each one's text (PostgreSQL) in their places; not the trashed,
/// nor another user's; the archived on `/v1/search` alone.
#[actix_web::test]
async fn a_query_held_inside_a_word_far_into_the_names_pages_them_by_name() {
    let app = TestApp::spawn().await;
    let s = app.user("omar@example.com").await;
    let other = app.user("omar-other@example.com").await;
    // 4,300 contacts first by name, every 600th of them holding `mars`
    // inside a word (fewer than a page of 100 in the first 4,096); then
    // those that hold it beyond them by name (more than SQLite's walk in
    // name order reads for as many candidates): some archived, one
    // trashed.
    let mut items: Vec<Value> = (0..4300)
        .map(|i| {
            let company = (i % 600 == 7).then_some("Lamarsh Ltd");
            json!({"contact": {"display_name": format!("Ana Park {i:04}"), "company": company}})
        })
        .collect();
    items.extend((0..1100).map(|i| {
        json!({"contact": {"display_name": format!("Yul Omarsson {i:04}"), "archived": i % 19 == 4}})
    }));
    items.extend((0..3).map(|i| json!({"contact": {"display_name": format!("Bea Amarsk {i}")}})));
    // Long notes (a search text of more than 2,000 bytes): three hold it
    // (one first by name, one in the middle, one beyond the first 4,096),
    // one does not.
    let long = |held: &str| format!("{} {held}", "a long note of many words ".repeat(100));
    for (name, held) in [
        ("Ana Park 0000 long", "the Kamarsa project"),
        ("Ana Park 2000 long", "the Kamarsa project"),
        ("Ana Park 4200 long", "the Kamarsa project"),
        ("Ana Park 1000 long", "the Kamara project"),
    ] {
        items.push(json!({"contact": {"display_name": name, "notes": long(held)}}));
    }
    create_in_batches(&app, &s, &items).await;
    let theirs: Vec<Value> = (0..20)
        .map(|i| json!({"contact": {"display_name": format!("Al Omarsson {i}")}}))
        .collect();
    create_in_batches(&app, &other, &theirs).await;
    let live = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    let gone = live
        .iter()
        .find(|c| c["display_name"] == "Yul Omarsson 0011")
        .unwrap();
    trash(&app, &s, gone["id"].as_str().unwrap()).await;
    let names = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect()
    };
    let holders = |items: &[Value]| -> Vec<String> {
        let held = items.iter().filter(|c| {
            c["display_name"] != "Yul Omarsson 0011"
                && c.to_string().to_lowercase().contains("mars")
        });
        names(&held.cloned().collect::<Vec<Value>>())
    };
    let expected = holders(&live);
    assert_eq!(expected.len(), 8 + 3 + 3 + 1100 - 58 - 1, "{expected:?}");
    assert!(expected[..11].iter().all(|n| n.starts_with("Ana Park")));
    assert_eq!(expected[0], "Ana Park 0000 long");
    for limit in [100, 7, 3] {
        let found = names(&every_item(&app, &s, "/v1/contacts?q=mars", limit).await);
        assert_eq!(found, expected, "limit {limit}");
    }
    // Sorted by name either way: the same holders in that order.
    for sort in ["name", "-name"] {
        let listed = every_item(&app, &s, &format!("/v1/contacts?sort={sort}"), 200).await;
        let expected = holders(&listed);
        assert_eq!(expected.len(), 8 + 3 + 3 + 1100 - 58 - 1, "{sort}");
        let url = format!("/v1/contacts?q=mars&sort={sort}");
        for limit in [100, 7, 3] {
            let found = names(&every_item(&app, &s, &url, limit).await);
            assert_eq!(found, expected, "{url}, limit {limit}");
        }
    }
    // `/v1/search`: the archived as well, in the same order.
    let archived = every_item(&app, &s, "/v1/contacts?sort=name&archived=true", 200).await;
    let mut all = live.clone();
    all.extend(archived);
    all.sort_by_key(|c| c["display_name"].as_str().unwrap().to_lowercase());
    let hits = every_item(&app, &s, "/v1/search?q=mars&types=contact", 10).await;
    let titles: Vec<String> = hits
        .iter()
        .map(|h| h["title"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(titles, holders(&all));
}

/// A query thousands of contacts hold inside a word (an email domain)
/// pages them by relevance: the few a word of which begins with it
/// first, then every other holder by name, each once, none that does not
/// hold it, not the archived, the trashed or another user's; pages of 100
/// and of 7; sorted by a key, every holder in its order.
#[actix_web::test]
async fn a_query_thousands_hold_inside_a_word_pages_them_by_name() {
    let app = TestApp::spawn().await;
    let s = app.user("domain@example.com").await;
    let other = app.user("domain-other@example.com").await;
    let firsts = ["Ana", "Bo", "Cy", "Dag", "Eva", "Finn", "Gus", "Hal"];
    let contact = |i: usize, domain: &str| {
        json!({"contact": {
            "display_name": format!("{} Park {i:04}", firsts[i % firsts.len()]),
            "emails": [{"address": format!("p{i}@{domain}")}],
            "archived": i % 29 == 3,
        }})
    };
    // 4,300 hold `acme-mail.org` inside a word (more candidates than the
    // trigram index's are read for); every ninth of 4,800 holds another
    // domain.
    let mut items: Vec<Value> = (0..4800)
        .map(|i| {
            contact(
                i,
                if i % 9 == 0 {
                    "other.net"
                } else {
                    "acme-mail.org"
                },
            )
        })
        .collect();
    // A word of these begins with it: they rank first.
    for i in 0..3 {
        items.push(json!({"contact": {"display_name": format!("Zed Acme-mail.org {i}")}}));
    }
    let others: Vec<Value> = (0..30).map(|i| contact(i, "acme-mail.org")).collect();
    for (session, items) in [(&s, &items), (&other, &others)] {
        create_in_batches(&app, session, items).await;
    }
    let all = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    for c in all.iter().skip(2).step_by(211) {
        trash(&app, &s, c["id"].as_str().unwrap()).await;
    }
    let listed: Vec<Value> = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    let names = |items: &[Value]| -> Vec<String> {
        items
            .iter()
            .map(|c| c["display_name"].as_str().unwrap().to_string())
            .collect()
    };
    let holds = |c: &Value| c.to_string().to_lowercase().contains("acme-mail.org");
    let (first, rest): (Vec<Value>, Vec<Value>) = listed
        .into_iter()
        .filter(holds)
        .partition(|c| c["display_name"].as_str().unwrap().starts_with("Zed"));
    let expected: Vec<String> = names(&first).into_iter().chain(names(&rest)).collect();
    assert_eq!(first.len(), 3);
    assert!(rest.len() > 3500, "{}", rest.len());
    for limit in [100, 7] {
        let found = names(&every_item(&app, &s, "/v1/contacts?q=acme-mail.org", limit).await);
        assert_eq!(found, expected, "limit {limit}");
    }
    // Sorted, every holder in that order.
    for sort in ["-created_at", "name"] {
        let listed = every_item(&app, &s, &format!("/v1/contacts?sort={sort}"), 200).await;
        let holders: Vec<Value> = listed.into_iter().filter(holds).collect();
        let url = format!("/v1/contacts?q=acme-mail.org&sort={sort}");
        assert_eq!(
            names(&every_item(&app, &s, &url, 100).await),
            names(&holders),
            "{url}"
        );
    }
    // `/v1/search` pages the same holders and the archived ones (not the
    // trashed, not another user's), with two interactions among them:
    // one a word of which begins with the query, one that holds it inside
    // a word, between two contacts by title.
    let someone = first[0]["id"].clone();
    for summary in ["Notes on acme-mail.org", "Dag note p1@acme-mail.org"] {
        let body = json!({"kind": "email", "direction": "inbound", "summary": summary,
                          "contact_ids": [someone], "occurred_at": "2026-03-01T09:00:00Z"});
        app.created(&s, "/v1/interactions", body).await;
    }
    let archived = every_item(&app, &s, "/v1/contacts?sort=name&archived=true", 200).await;
    assert!(archived.iter().filter(|c| holds(c)).count() > 100);
    let live = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    let mut expected: Vec<(u8, String, &str)> = live
        .iter()
        .chain(&archived)
        .filter(|c| holds(c))
        .map(|c| {
            let name = c["display_name"].as_str().unwrap().to_string();
            let rank = if name.starts_with("Zed") { 2 } else { 3 };
            (rank, name, "contact")
        })
        .collect();
    expected.push((2, "Notes on acme-mail.org".into(), "interaction"));
    expected.push((3, "Dag note p1@acme-mail.org".into(), "interaction"));
    expected.sort_by_key(|(rank, name, kind)| (*rank, name.to_lowercase(), *kind));
    let expected: Vec<(String, String)> = expected
        .into_iter()
        .map(|(_, name, kind)| (kind.to_string(), name))
        .collect();
    for limit in [100, 7] {
        let found: Vec<(String, String)> =
            every_item(&app, &s, "/v1/search?q=acme-mail.org", limit)
                .await
                .iter()
                .map(|h| {
                    (
                        h["type"].as_str().unwrap().into(),
                        h["title"].as_str().unwrap().into(),
                    )
                })
                .collect();
        assert_eq!(found.len(), expected.len(), "limit {limit}");
        assert_eq!(found, expected, "limit {limit}");
    }
}

/// A short query on `/v1/search` finds the interactions and favors a word
/// of whose title begins with it — the title equal to it first, then
/// those it begins, then the others by title — never a title that holds it
/// inside a word, nor a row whose other fields alone hold such a word
/// (here 6,000 words of notes begin with it, so the titles are walked in
/// order), and finds it after a long title's first 64 characters. Pages
/// of 3, 7 and 50; another user's rows never.
#[actix_web::test]
async fn a_short_query_finds_the_titles_a_word_of_which_begins_with_it() {
    let app = TestApp::spawn().await;
    let s = app.user("short-titles@example.com").await;
    let other = app.user("short-titles-other@example.com").await;
    let long = "a long title that goes on and on past what a key keeps of it";
    let mut titles: Vec<String> = vec!["qa".into(), "Call about zk".into(), "zkx note".into()];
    for i in 0..150 {
        titles.push(match i % 5 {
            0 => format!("Qa{i:03} sync"),
            1 => format!("Weekly qa{i:03} review"),
            2 => format!("Notes only {i:03}"),
            3 => format!("Xqa{i:03} inside"),
            _ if i % 10 == 4 => format!("{long} {i:03} qa{i:03}"),
            _ => format!("{long} {i:03} xqa"),
        });
    }
    let notes: Vec<String> = (0..40).map(|n| format!("qa{n:02}")).collect();
    let notes = notes.join(" ") + " zk";
    for who in [&s, &other] {
        let c = app.contact(who, json!({"display_name": "Ana"})).await;
        for t in &titles {
            let body = json!({"kind": "call", "direction": "outbound", "summary": t,
                              "notes": notes, "contact_ids": [c["id"]],
                              "occurred_at": "2026-03-01T09:00:00Z"});
            app.created(who, "/v1/interactions", body).await;
        }
        for d in ["Qa advice", "Advice on qa", "Advice on xqa"] {
            let body = json!({"contact_id": c["id"], "direction": "given", "kind": "advice",
                              "description": d});
            app.created(who, "/v1/ledger", body).await;
        }
    }
    let expected = |titles: &[String], q: &str| -> Vec<String> {
        let mut found: Vec<(u8, String)> = titles
            .iter()
            .filter_map(|t| Some((rank_of(t, q).filter(|r| *r < 3)?, t.clone())))
            .collect();
        found.sort_by_key(|(rank, t)| (*rank, t.to_lowercase()));
        found.into_iter().map(|(_, t)| t).collect()
    };
    let titles_of = |hits: Vec<Value>| -> Vec<String> {
        hits.iter()
            .map(|h| h["title"].as_str().unwrap().to_string())
            .collect()
    };
    for (q, limit) in [("qa", 7), ("qa", 50), ("qa", 3), ("zk", 2), ("w", 7)] {
        let url = format!("/v1/search?q={q}&types=interaction");
        let want = expected(&titles, q);
        assert!(want.len() >= 2, "{q}");
        assert_eq!(
            titles_of(every_item(&app, &s, &url, limit).await),
            want,
            "q={q}, limit={limit}"
        );
    }
    let favors: Vec<String> = ["Qa advice", "Advice on qa", "Advice on xqa"]
        .map(String::from)
        .to_vec();
    assert_eq!(
        titles_of(every_item(&app, &s, "/v1/search?q=qa&types=ledger_entry", 1).await),
        expected(&favors, "qa")
    );
}

/// A word of a field that more than a thousand contacts' fields begin
/// with (`acme`: their company) ranks them by relevance in name order
/// after the names that begin with it, and before the contacts that hold
/// it inside a word; the contacts of no rank before them by name are
/// passed over. The list leaves out the archived, `/v1/search` takes
/// them; neither the trashed nor another user's. Pages of 100 and 7.
#[actix_web::test]
async fn a_word_a_thousand_contacts_begin_ranks_them_by_name() {
    let app = TestApp::spawn().await;
    let s = app.user("acme@example.com").await;
    let other = app.user("acme-other@example.com").await;
    let mut items: Vec<Value> = Vec::new();
    let mut add = |name: String, company: &str, notes: &str, archived: bool| {
        items.push(json!({"contact": {"display_name": name, "company": company,
                                      "notes": notes, "archived": archived}}));
    };
    for i in 0..600 {
        add(format!("Aaron {i:04}"), "Other Ltd", "", false);
    }
    for i in 0..1200 {
        add(format!("Dana {i:04}"), "Acme Corp", "", i % 13 == 5);
        if i % 4 == 0 {
            add(format!("Dana {i:04}b"), "Other Ltd", "", false);
        }
    }
    for i in 0..50 {
        add(format!("Acmeson {i:02}"), "", "", false);
    }
    for i in 0..40 {
        add(format!("Zed {i:02}"), "", "met at xacme labs", i % 5 == 0);
    }
    create_in_batches(&app, &s, &items).await;
    let others: Vec<Value> = (0..30)
        .map(|i| json!({"contact": {"display_name": format!("Dana {i:04}"), "company": "Acme Corp"}}))
        .collect();
    create_in_batches(&app, &other, &others).await;
    let live = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    for c in live
        .iter()
        .filter(|c| c["company"] == "Acme Corp")
        .step_by(97)
    {
        trash(&app, &s, c["id"].as_str().unwrap()).await;
    }
    let live = every_item(&app, &s, "/v1/contacts?sort=name", 200).await;
    let archived = every_item(&app, &s, "/v1/contacts?sort=name&archived=true", 200).await;
    let rank = |c: &Value| -> Option<u8> {
        let name = c["display_name"].as_str().unwrap();
        if name.starts_with("Acme") {
            Some(1)
        } else if c["company"] == "Acme Corp" {
            Some(2)
        } else if c["notes"].as_str().is_some_and(|n| n.contains("xacme")) {
            Some(3)
        } else {
            None
        }
    };
    let expected = |contacts: &[&Value]| -> Vec<String> {
        let mut found: Vec<(u8, String)> = contacts
            .iter()
            .filter_map(|c| Some((rank(c)?, c["display_name"].as_str()?.to_lowercase())))
            .collect();
        found.sort();
        found.into_iter().map(|(_, name)| name).collect()
    };
    let lower = |items: Vec<Value>, field: &str| -> Vec<String> {
        items
            .iter()
            .map(|c| c[field].as_str().unwrap().to_lowercase())
            .collect()
    };
    let listed = expected(&live.iter().collect::<Vec<_>>());
    assert!(listed.len() > 1100, "{}", listed.len());
    let everywhere = expected(&live.iter().chain(&archived).collect::<Vec<_>>());
    assert!(everywhere.len() > listed.len() + 80);
    for limit in [100, 7] {
        let found = every_item(&app, &s, "/v1/contacts?q=acme", limit).await;
        assert_eq!(lower(found, "display_name"), listed, "limit {limit}");
        let hits = every_item(&app, &s, "/v1/search?q=acme&types=contact", limit).await;
        assert_eq!(lower(hits, "title"), everywhere, "limit {limit}");
    }
    // By name either way: every holder in that order (PostgreSQL walks the
    // names until the page is full, so many begin with it).
    for sort in ["name", "-name"] {
        let listed = every_item(&app, &s, &format!("/v1/contacts?sort={sort}"), 200).await;
        let holders: Vec<String> = listed
            .iter()
            .filter(|c| rank(c).is_some())
            .map(|c| c["display_name"].as_str().unwrap().to_lowercase())
            .collect();
        assert!(holders.len() > 1100, "{sort}: {}", holders.len());
        let url = format!("/v1/contacts?q=acme&sort={sort}");
        for limit in [100, 7] {
            let found = every_item(&app, &s, &url, limit).await;
            assert_eq!(
                lower(found, "display_name"),
                holders,
                "{url}, limit {limit}"
            );
        }
    }
}

/// A query of two words on `/v1/search` ranks the interactions by the
/// rules: the title equal to it, those it begins, then those with a word
/// (of the title or the notes) that it begins, then those that hold it
/// inside a word; each rank by title. Hundreds of titles have its first
/// word without it, before the others by title; another user's rows never.
/// Pages of 2, 7 and 50.
#[actix_web::test]
async fn a_query_of_two_words_ranks_titles_and_notes_by_the_rules() {
    let app = TestApp::spawn().await;
    let s = app.user("phrase@example.com").await;
    let other = app.user("phrase-other@example.com").await;
    let mut rows: Vec<(String, String)> = vec![
        ("Pricing page".into(), String::new()),
        ("Pricing page review".into(), String::new()),
        (
            "Call about pricing 1".into(),
            "looked at the pricing page".into(),
        ),
        (
            "Call about pricing 2".into(),
            "pricing pages and more".into(),
        ),
        ("Pricing call".into(), "nothing of it".into()),
        ("Repricing page".into(), String::new()),
        ("Zed notes".into(), "an xpricing page".into()),
        ("Pricing notes".into(), "the xpricing page".into()),
    ];
    for i in 0..200 {
        rows.push((format!("About pricing {i:03}"), "and a page".into()));
    }
    for i in 0..60 {
        rows.push((format!("Emails on the pricing page #{i:02}"), String::new()));
    }
    // `on` in more rows than `the`, which sorts after `on the pricing`.
    for i in 0..100 {
        rows.push((format!("On hold {i:03}"), String::new()));
    }
    phrase_rows(&app, [&s, &other], &rows).await;
    let cases = [
        ("pricing page", 2, 67),
        ("pricing page", 7, 67),
        ("pricing page", 50, 67),
        ("on the pricing", 7, 60),
    ];
    assert_phrases_ranked(&app, &s, &rows, &cases).await;
}

/// A phrase whose rows lie far into the rows of each of its words, by
/// title: hundreds of titles have both of its whole words (some with the
/// beginning of its last word elsewhere in their notes), before those
/// that hold it; several share one title; one holds it in its notes and
/// comes first; more have its whole words after the last that holds it.
/// `/v1/search` pages them by the rules on any page size; another user's
/// rows never.
#[actix_web::test]
async fn a_phrase_whose_rows_lie_far_into_its_words_rows_is_paged_by_the_rules() {
    let app = TestApp::spawn().await;
    let s = app.user("far-phrase@example.com").await;
    let other = app.user("far-phrase-other@example.com").await;
    let mut rows: Vec<(String, String)> = vec![
        ("Aardvark".into(), "see the pricing page #123".into()),
        ("Pricing page #1 itself".into(), String::new()),
        ("Pricing page #1".into(), String::new()),
        ("Zed".into(), "an xpricing page #1".into()),
    ];
    for i in 0..150 {
        rows.push((format!("About pricing {i:03}"), format!("a page #1{i}")));
        rows.push((format!("Another pricing {i:03}"), "a page".into()));
    }
    for i in 0..40 {
        rows.push((
            format!("Emails on the pricing page #1{i:02}"),
            String::new(),
        ));
        rows.push((
            format!("Emails on the pricing page #2{i:02}"),
            String::new(),
        ));
    }
    for i in 0..5 {
        rows.push((
            "Emails on the pricing page #150".into(),
            format!("copy {i}"),
        ));
    }
    phrase_rows(&app, [&s, &other], &rows).await;
    let cases = [
        ("pricing page #1", 3, 49),
        ("pricing page #1", 7, 49),
        ("pricing page #1", 50, 49),
        ("pricing page #15", 2, 5),
        ("the pricing page #1", 7, 46),
        ("pricing page #3", 5, 0),
    ];
    assert_phrases_ranked(&app, &s, &rows, &cases).await;
}

/// A phrase whose words many rows hold apart, its last word short (`the
/// r`): hundreds of titles hold `the` and a word that begins with `r`, not
/// together, before the first that holds them together by title; some
/// hold the phrase in their notes (one first by title), at a line's start
/// or across a line break or two spaces (which do not hold it), inside a
/// word, or begin with it; twenty words begin with `r` after `the`.
/// `/v1/search` pages them by the rules on any page size, for the phrase
/// and longer ones, and for phrases held only inside a word (or nowhere);
/// another user's rows never.
#[actix_web::test]
async fn a_phrase_whose_words_many_rows_hold_apart_is_paged_by_the_rules() {
    let app = TestApp::spawn().await;
    let s = app.user("apart-phrase@example.com").await;
    let other = app.user("apart-phrase-other@example.com").await;
    let mut rows: Vec<(String, String)> = vec![
        ("Aardvark".into(), "we saw the robots".into()),
        ("The robots".into(), String::new()),
        ("Lathe repairs".into(), "the lathe robots".into()),
        ("Broken lines".into(), "the\nrobots and the  robots".into()),
        ("Line start".into(), "first\nthe robots again".into()),
        ("Zed".into(), "to discuss the rota".into()),
    ];
    for i in 0..300 {
        rows.push((
            format!("Call about the open-source release {i:03}"),
            "with the team".into(),
        ));
    }
    for i in 0..30 {
        rows.push((
            format!("Call about the robotics demo {i:02}"),
            String::new(),
        ));
        rows.push((
            format!("Lunch to discuss the roadmap {i:02}"),
            "and the open-source release".into(),
        ));
    }
    for word in [
        "rabbit", "radio", "raft", "rain", "ramp", "ranch", "range", "rate", "raven", "reach",
        "realm", "rebus", "recap", "reef", "relay", "remit", "rhyme", "rider", "rink", "rust",
    ] {
        rows.push((format!("Notes {word}"), format!("fixing the {word} today")));
    }
    phrase_rows(&app, [&s, &other], &rows).await;
    let cases = [
        ("the r", 3, 85),
        ("the r", 7, 85),
        ("the r", 50, 85),
        ("the ro", 7, 65),
        ("the robots", 2, 4),
        ("discuss the r", 7, 31),
        ("to discuss the ro", 4, 31),
        ("the open-source r", 50, 330),
        ("the ra", 3, 9),
        ("athe r", 7, 1),
        ("t the rob", 7, 30),
        ("t the rox", 7, 0),
    ];
    assert_phrases_ranked(&app, &s, &rows, &cases).await;
}

/// Writes interactions of the given (title, notes) for each user, each
/// with a contact of theirs.
async fn phrase_rows(app: &TestApp, users: [&Session; 2], rows: &[(String, String)]) {
    for who in users {
        let c = app.contact(who, json!({"display_name": "Ana"})).await;
        for (title, notes) in rows {
            let mut body = json!({"kind": "call", "direction": "outbound", "summary": title,
                                  "contact_ids": [c["id"]], "occurred_at": "2026-03-01T09:00:00Z"});
            if !notes.is_empty() {
                body["notes"] = json!(notes);
            }
            app.created(who, "/v1/interactions", body).await;
        }
    }
}

/// The rank of an interaction of the title and notes for the query `q`
/// by the rules, if it matches: the title equal to it, one it begins,
/// one with a word (of the title or the notes) that it begins, one that
/// holds it inside a word.
fn phrase_rank(q: &str, title: &str, notes: &str) -> Option<u8> {
    let (t, n) = (title.to_lowercase(), notes.to_lowercase());
    let word = format!(" {q}");
    if t == q {
        Some(0)
    } else if t.starts_with(q) {
        Some(1)
    } else if t.contains(&word) || n.split('\n').any(|l| l.starts_with(q)) || n.contains(&word) {
        Some(2)
    } else if t.contains(q) || n.contains(q) {
        Some(3)
    } else {
        None
    }
}

/// For each (query, page size, hits) of `cases`: `/v1/search` of the
/// interactions pages the `rows` that match (as many as `hits`) by
/// `phrase_rank`, then title.
async fn assert_phrases_ranked(
    app: &TestApp,
    s: &Session,
    rows: &[(String, String)],
    cases: &[(&str, usize, usize)],
) {
    for &(q, limit, found) in cases {
        let mut expected: Vec<(u8, String)> = rows
            .iter()
            .filter_map(|(t, n)| Some((phrase_rank(q, t, n)?, t.to_lowercase())))
            .collect();
        expected.sort();
        let expected: Vec<String> = expected.into_iter().map(|(_, t)| t).collect();
        assert_eq!(expected.len(), found, "{q}");
        let url = format!("/v1/search?q={}&types=interaction", urlencode(q));
        let titles: Vec<String> = every_item(app, s, &url, limit)
            .await
            .iter()
            .map(|h| h["title"].as_str().unwrap().to_lowercase())
            .collect();
        assert_eq!(titles, expected, "q={q}, limit {limit}");
    }
}

/// A contact whose every text field is at its longest (names of 200
/// characters of three bytes each, notes of 10,000, 20 emails, 50 tags: a
/// search text of more than 20,000 bytes) is written, and found by a
/// query inside a word of its notes by relevance and by name either way,
/// among others that hold it with short texts; again after its notes are
/// cut short and after a rename (PostgreSQL keeps a short text in an
/// index entry beside its name, a long one apart); never by another user.
#[actix_web::test]
async fn a_contact_at_every_field_s_longest_is_found_by_name_in_its_place() {
    let app = TestApp::spawn().await;
    let s = app.user("longest@example.com").await;
    let other = app.user("longest-other@example.com").await;
    let wide = |c: char| c.to_string().repeat(200);
    let longest = json!({
        "display_name": format!("M{}", wide('漢').chars().skip(1).collect::<String>()),
        "given_name": wide('語'), "family_name": wide('字'),
        "company": wide('c'), "title": wide('t'), "location": wide('l'),
        "notes": format!("{} the Kamarsa note", "n".repeat(9_982)),
        "how_we_met": "h".repeat(2000),
        "emails": (0..20).map(|i| json!({"address": format!("{}{i:02}@example.com", "e".repeat(40))})).collect::<Vec<_>>(),
        "tags": (0..50).map(|i| format!("tag{i:02}")).collect::<Vec<_>>(),
    });
    let created = app.contact(&s, longest.clone()).await;
    let id = created["id"].as_str().unwrap().to_string();
    let mut items: Vec<Value> = (0..30)
        .map(|i| {
            let company = (i % 3 == 0).then(|| format!("Lamarsh {i}"));
            json!({"contact": {"display_name": format!("{} Park {i:02}", ["Al", "Zo"][i % 2]), "company": company}})
        })
        .collect();
    items.push(json!({"contact": {"display_name": "Mo Amarsk"}}));
    create_in_batches(&app, &s, &items).await;
    app.contact(&other, longest).await;
    let every = |sort: &'static str| {
        let (app, s) = (&app, &s);
        async move {
            let listed = every_item(app, s, &format!("/v1/contacts?sort={sort}"), 100).await;
            let held: Vec<String> = listed
                .iter()
                .filter(|c| c.to_string().to_lowercase().contains("mars"))
                .map(|c| c["display_name"].as_str().unwrap().to_string())
                .collect();
            held
        }
    };
    let check = |step: &'static str| {
        let (app, s, every) = (&app, &s, &every);
        async move {
            for (sort, url) in [
                ("name", "/v1/contacts?q=mars"),
                ("name", "/v1/contacts?q=mars&sort=name"),
                ("-name", "/v1/contacts?q=mars&sort=-name"),
            ] {
                let expected = every(sort).await;
                assert_eq!(expected.len(), 10 + 1 + 1, "{step}: {expected:?}");
                for limit in [50, 4, 1] {
                    let found = every_item(app, s, url, limit).await;
                    let found: Vec<&str> = display_names(&found);
                    assert_eq!(found, expected, "{step}: {url}, limit {limit}");
                }
            }
        }
    };
    check("created").await;
    let url = format!("/v1/contacts/{id}");
    merge_patch(&app, &s, &url, json!({"notes": "the Kamarsa note"})).await;
    check("notes cut short").await;
    merge_patch(
        &app,
        &s,
        &url,
        json!({"display_name": "Zz Last", "notes": format!("{} Kamarsa", "n".repeat(9_990))}),
    )
    .await;
    check("renamed, notes long again").await;
}
