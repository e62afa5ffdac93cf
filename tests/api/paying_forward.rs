//! Paying it forward: asks matched with offers, introductions that meet
//! them, who should meet whom, and what the agenda and stats make of it.

use serde_json::{json, Value};

use crate::helpers::{Scratch, Session, TestApp};

fn id(v: &Value) -> &str {
    v["id"].as_str().unwrap()
}

async fn need(app: &TestApp, s: &Session, body: Value) -> Value {
    let res = app.post("/v1/needs").auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn read(app: &TestApp, s: &Session, url: &str) -> Value {
    let res = app.get(url).auth(s).send().await;
    assert_eq!(res.status, 200, "{url}: {}", res.text());
    res.json()
}

async fn post(app: &TestApp, s: &Session, url: &str, body: Value) -> Value {
    let res = app.post(url).auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{url}: {}", res.text());
    res.json()
}

/// The (ask id, offer id) pairs of a matches answer, in order.
fn pairs(matches: &Value) -> Vec<(String, String)> {
    matches["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            (
                m["ask"]["id"].as_str().unwrap().to_string(),
                m["offer"]["id"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

fn pair_of(a: &Value, b: &Value) -> (String, String) {
    (id(a).to_string(), id(b).to_string())
}

#[actix_web::test]
async fn asks_meet_offers_by_tags_and_topic_words_closest_first() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let bea = app
        .contact(&s, json!({"display_name": "Bea", "closeness": 4}))
        .await;
    let caio = app
        .contact(&s, json!({"display_name": "Caio", "closeness": 5}))
        .await;
    let dora = app
        .contact(&s, json!({"display_name": "Dora", "closeness": 1}))
        .await;
    let eli = app.contact(&s, json!({"display_name": "Eli"})).await;
    // Accents, letter case and plurals: "São Paulo" is "sao paulo",
    // "Mentors" and "mentoring" are one word.
    let ask = need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "ask", "topic": "Mentors for product managers in São Paulo",
               "tags": ["Product"]}),
    )
    .await;
    let close = need(
        &app,
        &s,
        json!({"contact_id": caio["id"], "kind": "offer", "topic": "Mentoring product people, Sao Paulo",
               "tags": ["product"]}),
    )
    .await;
    let distant = need(
        &app,
        &s,
        json!({"contact_id": dora["id"], "kind": "offer", "topic": "Mentoring product people, Sao Paulo",
               "tags": ["product"]}),
    )
    .await;
    let unrelated = need(
        &app,
        &s,
        json!({"contact_id": eli["id"], "kind": "offer", "topic": "Gardening tips", "tags": ["garden"]}),
    )
    .await;
    // An offer of the same person meets nobody's ask of theirs; a dropped
    // offer meets none.
    need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "offer", "topic": "Product mentoring", "tags": ["product"]}),
    )
    .await;
    let dropped = need(
        &app,
        &s,
        json!({"contact_id": eli["id"], "kind": "offer", "topic": "Product mentoring", "tags": ["product"]}),
    )
    .await;
    let res = app
        .patch(&format!("/v1/needs/{}", id(&dropped)))
        .auth(&s)
        .json(json!({"status": "dropped"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());

    let got = read(&app, &s, "/v1/network/matches").await;
    assert_eq!(
        pairs(&got),
        [pair_of(&ask, &close), pair_of(&ask, &distant)],
        "the closer offerer first; no unrelated, own or dropped offers: {got}"
    );
    let best = &got["items"][0];
    assert_eq!(best["shared_tags"], json!(["product"]));
    assert_eq!(
        best["shared_words"],
        json!(["mentor", "product", "sao", "paulo"])
    );
    assert_eq!(best["asker"]["display_name"], "Bea");
    assert_eq!(best["offerer"]["id"], caio["id"]);
    assert!(
        best["score"].as_f64().unwrap() > got["items"][1]["score"].as_f64().unwrap(),
        "closeness counts in the score: {got}"
    );
    let reasons: Vec<&str> = best["reasons"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r.as_str().unwrap())
        .collect();
    assert!(reasons.contains(&"both tagged product"), "{reasons:?}");
    assert!(
        reasons.contains(&"you know Caio very well (5/5)"),
        "{reasons:?}"
    );
    assert_eq!(got["truncated"], false);

    // One need's matches; a limit cuts and says so.
    let only = read(
        &app,
        &s,
        &format!("/v1/network/matches?need_id={}", id(&distant)),
    )
    .await;
    assert_eq!(pairs(&only), [pair_of(&ask, &distant)]);
    let one = read(&app, &s, "/v1/network/matches?limit=1").await;
    assert_eq!(pairs(&one), [pair_of(&ask, &close)]);
    assert_eq!(one["truncated"], true);
    let none = read(
        &app,
        &s,
        &format!("/v1/network/matches?need_id={}", id(&unrelated)),
    )
    .await;
    assert_eq!(pairs(&none), []);

    // A need past its day, or of a contact in the trash, meets nothing.
    let res = app
        .delete(&format!("/v1/contacts/{}", id(&caio)))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204, "{}", res.text());
    let got = read(&app, &s, "/v1/network/matches").await;
    assert_eq!(pairs(&got), [pair_of(&ask, &distant)]);

    // Bad parameters change nothing and say which.
    for query in ["limit=0", "limit=101", "need_id=nope", "asks_mine=maybe"] {
        let res = app
            .get(&format!("/v1/network/matches?{query}"))
            .auth(&s)
            .send()
            .await;
        assert_eq!(res.status, 422, "{query}: {}", res.text());
    }
}

#[actix_web::test]
async fn pairs_who_know_each_other_are_left_out_and_yours_are_kept() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut people = Vec::new();
    for name in ["Asker", "Friend", "Introduced", "Stranger"] {
        people.push(app.contact(&s, json!({"display_name": name})).await);
    }
    let [asker, friend, introduced, stranger] = &people[..] else {
        unreachable!()
    };
    let ask = need(
        &app,
        &s,
        json!({"contact_id": asker["id"], "kind": "ask", "topic": "An accountant", "tags": ["tax"]}),
    )
    .await;
    let mut offers = Vec::new();
    for p in [friend, introduced, stranger] {
        offers.push(
            need(
                &app,
                &s,
                json!({"contact_id": p["id"], "kind": "offer", "topic": "Accounting help", "tags": ["tax"]}),
            )
            .await,
        );
    }
    // Your own offer, and your own ask with a contact's offer.
    let mine = need(
        &app,
        &s,
        json!({"kind": "offer", "topic": "Tax returns", "tags": ["tax"]}),
    )
    .await;
    post(
        &app,
        &s,
        "/v1/relationships",
        json!({"contact_id": friend["id"], "other_id": asker["id"], "kind": "friend"}),
    )
    .await;
    post(
        &app,
        &s,
        "/v1/introductions",
        json!({"person_a_id": introduced["id"], "person_b_id": asker["id"], "status": "declined"}),
    )
    .await;
    let got = read(&app, &s, "/v1/network/matches").await;
    let mut found = pairs(&got);
    found.sort();
    let mut want = vec![pair_of(&ask, &offers[2]), pair_of(&ask, &mine)];
    want.sort();
    assert_eq!(found, want, "{got}");
    let yours = got["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|m| m["offer"]["id"] == mine["id"])
        .unwrap();
    assert_eq!(yours["offerer"]["id"], Value::Null);
    assert_eq!(
        read(&app, &s, "/v1/network/matches?offers_mine=true").await["items"]
            .as_array()
            .unwrap()
            .len(),
        1
    );
    assert_eq!(
        pairs(&read(&app, &s, "/v1/network/matches?offers_mine=false").await),
        [pair_of(&ask, &offers[2])]
    );

    // Another user's needs are never matched, nor shown.
    let other = app.user("zed@example.com").await;
    let theirs = app.contact(&other, json!({"display_name": "Zoe"})).await;
    let their_offer = need(
        &app,
        &other,
        json!({"contact_id": theirs["id"], "kind": "offer", "topic": "Accountant", "tags": ["tax"]}),
    )
    .await;
    let again = read(&app, &s, "/v1/network/matches").await;
    assert_eq!(again["items"].as_array().unwrap().len(), 2);
    assert!(!again.to_string().contains(id(&their_offer)));
    assert_eq!(
        read(&app, &other, "/v1/network/matches").await["items"],
        json!([])
    );
    let res = app
        .get(&format!("/v1/network/matches?need_id={}", id(&ask)))
        .auth(&other)
        .send()
        .await;
    assert_eq!(res.json()["items"], json!([]));
}

#[actix_web::test]
async fn an_introduction_for_a_match_meets_both_needs_when_made() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let bea = app.contact(&s, json!({"display_name": "Bea"})).await;
    let caio = app.contact(&s, json!({"display_name": "Caio"})).await;
    let ask = need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "ask", "topic": "Seed investors", "tags": ["fundraising"]}),
    )
    .await;
    let offer = need(
        &app,
        &s,
        json!({"contact_id": caio["id"], "kind": "offer", "topic": "Angel investing", "tags": ["fundraising"]}),
    )
    .await;
    assert_eq!(
        read(&app, &s, &format!("/v1/contacts/{}", id(&bea))).await["open_needs"],
        1
    );
    let mine = need(&app, &s, json!({"kind": "ask", "topic": "A lawyer"})).await;
    let other = app.user("zed@example.com").await;
    let zoe = app.contact(&other, json!({"display_name": "Zoe"})).await;
    let theirs = need(
        &app,
        &other,
        json!({"contact_id": zoe["id"], "kind": "offer", "topic": "Investing"}),
    )
    .await;

    // Refusals name the field and change nothing.
    let url = "/v1/network/matches/introduce";
    for (body, field, code) in [
        (
            json!({"ask_id": offer["id"], "offer_id": offer["id"]}),
            "ask_id",
            "wrong_kind",
        ),
        (
            json!({"ask_id": mine["id"], "offer_id": offer["id"]}),
            "ask_id",
            "yours",
        ),
        (
            json!({"ask_id": ask["id"], "offer_id": theirs["id"]}),
            "offer_id",
            "unknown_need",
        ),
    ] {
        let res = app.post(url).auth(&s).json(body.clone()).send().await;
        assert_eq!(res.status, 422, "{body}: {}", res.text());
        let problem = res.json();
        assert_eq!(problem["errors"][0]["field"], field, "{problem}");
        assert_eq!(problem["errors"][0]["code"], code, "{problem}");
    }
    let res = app
        .post(url)
        .auth(&s)
        .json(json!({"ask_id": ask["id"]}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["offer_id"]);
    assert_eq!(
        read(&app, &s, "/v1/introductions").await["items"],
        json!([]),
        "nothing was proposed"
    );

    let intro = post(
        &app,
        &s,
        url,
        json!({"ask_id": ask["id"], "offer_id": offer["id"]}),
    )
    .await;
    assert_eq!(intro["status"], "proposed");
    assert_eq!(intro["introducer_id"], Value::Null);
    assert_eq!(intro["person_a_id"], bea["id"]);
    assert_eq!(intro["person_b_id"], caio["id"]);
    assert_eq!(
        intro["note"],
        "Asks for “Seed investors”; offers “Angel investing”"
    );
    for n in [&ask, &offer] {
        let now = read(&app, &s, &format!("/v1/needs/{}", id(n))).await;
        assert_eq!(now["introduction_id"], intro["id"]);
        assert_eq!(now["status"], "open");
    }
    assert_eq!(
        read(&app, &s, "/v1/network/matches").await["items"],
        json!([]),
        "introduced for it: no longer a match"
    );
    let res = app
        .post(url)
        .auth(&s)
        .json(json!({"ask_id": ask["id"], "offer_id": offer["id"]}))
        .send()
        .await;
    res.problem(409, "already_introduced");

    // Made: both needs are met by it, the asker's count drops, the stats
    // count it.
    let res = app
        .patch(&format!("/v1/introductions/{}", id(&intro)))
        .auth(&s)
        .json(json!({"status": "made"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    for n in [&ask, &offer] {
        let now = read(&app, &s, &format!("/v1/needs/{}", id(n))).await;
        assert_eq!(now["status"], "met", "{now}");
        assert_eq!(
            now["met_by"],
            json!({"type": "introduction", "id": intro["id"]})
        );
        assert!(now["met_at"].is_string());
    }
    assert_eq!(
        read(&app, &s, &format!("/v1/contacts/{}", id(&bea))).await["open_needs"],
        0
    );
    let stats = read(&app, &s, "/v1/network/stats").await;
    assert_eq!(stats["needs_open"], 1, "your own ask: {stats}");
    assert_eq!(stats["needs_met_90d"], 2, "{stats}");
    assert_eq!(stats["introductions_made_90d"], 1, "{stats}");
    assert_eq!(
        stats["paid_forward"], 2,
        "the introduction is a favor to each, and neither gave back: {stats}"
    );
    // Unmade, they are open again.
    let res = app
        .patch(&format!("/v1/introductions/{}", id(&intro)))
        .auth(&s)
        .json(json!({"status": "declined"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let now = read(&app, &s, &format!("/v1/needs/{}", id(&ask))).await;
    assert_eq!(
        (&now["status"], &now["met_by"], &now["met_at"]),
        (&json!("open"), &Value::Null, &Value::Null)
    );
    // Deleted, no need names it.
    let res = app
        .delete(&format!("/v1/introductions/{}", id(&intro)))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204, "{}", res.text());
    let now = read(&app, &s, &format!("/v1/needs/{}", id(&offer))).await;
    assert_eq!(now["introduction_id"], Value::Null);
}

/// Contacts you know well, with what they have in common.
async fn close(app: &TestApp, s: &Session, name: &str, extra: Value) -> Value {
    let mut body = json!({"display_name": name, "closeness": 4});
    body.as_object_mut()
        .unwrap()
        .extend(extra.as_object().unwrap().clone());
    app.contact(s, body).await
}

fn suggested(got: &Value) -> Vec<(String, String)> {
    got["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| {
            (
                p["a"]["display_name"].as_str().unwrap().to_string(),
                p["b"]["display_name"].as_str().unwrap().to_string(),
            )
        })
        .map(|(a, b)| if a <= b { (a, b) } else { (b, a) })
        .collect()
}

fn names(a: &str, b: &str) -> (String, String) {
    (a.to_string(), b.to_string())
}

#[actix_web::test]
async fn who_should_meet_whom_explained_and_dismissed_for_good() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ada = close(
        &app,
        &s,
        "Ada",
        json!({"tags": ["rust"], "location": "Lisbon", "closeness": 5}),
    )
    .await;
    let bo = close(
        &app,
        &s,
        "Bo",
        json!({"tags": ["rust", "ops"], "location": "lisbon"}),
    )
    .await;
    // Close to the same person, and nothing else in common.
    let cy = close(&app, &s, "Cy", json!({})).await;
    let di = close(&app, &s, "Di", json!({})).await;
    let mo = app.contact(&s, json!({"display_name": "Mo"})).await;
    for p in [&cy, &di] {
        post(
            &app,
            &s,
            "/v1/relationships",
            json!({"contact_id": p["id"], "other_id": mo["id"], "kind": "friend", "strength": 4}),
        )
        .await;
    }
    // Related already; introduced already; not known well enough.
    let ed = close(&app, &s, "Ed", json!({"company": "Initech"})).await;
    let fa = close(&app, &s, "Fa", json!({"company": "initech"})).await;
    post(
        &app,
        &s,
        "/v1/relationships",
        json!({"contact_id": ed["id"], "other_id": fa["id"], "kind": "colleague"}),
    )
    .await;
    let gi = close(&app, &s, "Gi", json!({"tags": ["ops"], "company": "Hooli"})).await;
    let hu = close(&app, &s, "Hu", json!({"tags": ["ops"], "company": "Hooli"})).await;
    post(
        &app,
        &s,
        "/v1/introductions",
        json!({"person_a_id": gi["id"], "person_b_id": hu["id"]}),
    )
    .await;
    app.contact(
        &s,
        json!({"display_name": "Io", "tags": ["rust"], "location": "Lisbon", "closeness": 2}),
    )
    .await;

    let got = read(&app, &s, "/v1/network/suggestions").await;
    let found = suggested(&got);
    assert_eq!(
        found[0],
        names("Ada", "Bo"),
        "tag and place, the closest: {got}"
    );
    assert!(found.contains(&names("Cy", "Di")), "{got}");
    for (a, b) in [("Ed", "Fa"), ("Gi", "Hu")] {
        assert!(!found.contains(&names(a, b)), "{a} and {b} know each other");
    }
    assert!(!got.to_string().contains("\"Io\""), "not known well enough");
    let best = &got["items"][0];
    assert_eq!(best["shared_tags"], json!(["rust"]));
    assert_eq!(best["same_location"], "Lisbon");
    assert_eq!(
        best["reasons"],
        json!(["both tagged rust", "both in Lisbon"])
    );
    let cd = got["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|p| p["reasons"] == json!(["both close to Mo"]))
        .unwrap_or_else(|| panic!("{got}"));
    assert_eq!(
        cd["mutual"],
        json!([{"id": mo["id"], "display_name": "Mo"}])
    );
    // Bo with Gi share ops; narrowed to Bo, only pairs with Bo.
    let bo_only = read(
        &app,
        &s,
        &format!("/v1/network/suggestions?contact_id={}", id(&bo)),
    )
    .await;
    for p in suggested(&bo_only) {
        assert!(p.0 == "Bo" || p.1 == "Bo", "{bo_only}");
    }

    // Dismissed for good: not after a reload, not for another read.
    let res = app
        .post("/v1/network/suggestions/dismiss")
        .auth(&s)
        .json(json!({"contact_id": bo["id"], "other_id": ada["id"]}))
        .send()
        .await;
    assert_eq!(res.status, 204, "{}", res.text());
    let res = app
        .post("/v1/network/suggestions/dismiss")
        .auth(&s)
        .json(json!({"contact_id": ada["id"], "other_id": bo["id"]}))
        .send()
        .await;
    assert_eq!(res.status, 204, "dismissing again changes nothing");
    let got = read(&app, &s, "/v1/network/suggestions").await;
    assert!(!suggested(&got).contains(&names("Ada", "Bo")), "{got}");
    assert!(suggested(&got).contains(&names("Cy", "Di")));

    // Another user's contacts: unknown, and their suggestions are theirs.
    let other = app.user("zed@example.com").await;
    let zoe = app.contact(&other, json!({"display_name": "Zoe"})).await;
    let res = app
        .post("/v1/network/suggestions/dismiss")
        .auth(&s)
        .json(json!({"contact_id": ada["id"], "other_id": zoe["id"]}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["other_id"]);
    let res = app
        .post("/v1/network/suggestions/dismiss")
        .auth(&s)
        .json(json!({"contact_id": ada["id"], "other_id": ada["id"]}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["other_id"]);
    assert_eq!(
        read(&app, &other, "/v1/network/suggestions").await["items"],
        json!([])
    );
}

#[actix_web::test]
async fn the_agenda_says_whom_you_can_help_whom_to_introduce_and_what_expires() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let bea = app
        .contact(&s, json!({"display_name": "Bea", "closeness": 3}))
        .await;
    let ask = need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "ask", "topic": "Feedback on a pitch deck",
               "tags": ["fundraising"]}),
    )
    .await;
    need(
        &app,
        &s,
        json!({"kind": "offer", "topic": "Reviewing pitch decks", "tags": ["fundraising"]}),
    )
    .await;
    let soon = (chrono::Utc::now().date_naive() + chrono::Duration::days(3)).to_string();
    let expiring = need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "ask", "topic": "A flat in Porto", "until": soon}),
    )
    .await;
    // Five pairs who should meet: three a week show.
    for n in 0..5 {
        for side in ["a", "b"] {
            close(
                &app,
                &s,
                &format!("P{n}{side}"),
                json!({"tags": [format!("topic{n}")]}),
            )
            .await;
        }
    }
    let agenda = read(&app, &s, "/v1/agenda").await;
    let of = |t: &str| -> Vec<Value> {
        agenda["items"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|i| i["type"] == t)
            .cloned()
            .collect()
    };
    let help = of("can_help");
    assert_eq!(help.len(), 1, "{agenda}");
    assert_eq!(help[0]["contact_id"], bea["id"]);
    assert_eq!(help[0]["need_id"], ask["id"]);
    assert_eq!(
        help[0]["reason"],
        "asks for “Feedback on a pitch deck”; you offer “Reviewing pitch decks” (both tagged fundraising)"
    );
    let expiring_items = of("need_expiring");
    assert_eq!(expiring_items.len(), 1, "{agenda}");
    assert_eq!(expiring_items[0]["need_id"], expiring["id"]);
    assert_eq!(expiring_items[0]["date"], soon);
    assert_eq!(expiring_items[0]["days_until"], 3);
    assert!(expiring_items[0]["reason"]
        .as_str()
        .unwrap()
        .starts_with("asks for “A flat in Porto” until"));
    let intros = of("intro_suggestion");
    assert_eq!(intros.len(), 3, "{agenda}");
    for i in &intros {
        assert!(i["other_contact_id"].is_string());
        assert!(i["reason"].as_str().unwrap().contains("both tagged topic"));
    }
    // A dismissal uses one of the week's three.
    let res = app
        .post("/v1/network/suggestions/dismiss")
        .auth(&s)
        .json(json!({"contact_id": intros[0]["contact_id"], "other_id": intros[0]["other_contact_id"]}))
        .send()
        .await;
    assert_eq!(res.status, 204);
    let agenda = read(&app, &s, "/v1/agenda").await;
    let left = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["type"] == "intro_suggestion")
        .count();
    assert_eq!(left, 2, "{agenda}");

    // The calendar feed carries them too.
    let url = post(&app, &s, "/v1/agenda/feed", json!({})).await["url"]
        .as_str()
        .unwrap()
        .to_string();
    let path = &url[url.find("/v1/").unwrap()..];
    let ics = app.get(path).send().await.text();
    for summary in ["Bea: can help", "Bea: need expiring", "intro suggestion"] {
        assert!(ics.contains(summary), "{summary}: {ics}");
    }
}

/// The suggested pairs, by name.
async fn pairs_suggested(app: &TestApp, s: &Session) -> Vec<(String, String)> {
    let mut got = suggested(&read(app, s, "/v1/network/suggestions").await);
    got.sort();
    got
}

/// Matches and suggestions follow every write at once, whichever server
/// on the database made it: a new offer, a contact's closeness, a contact
/// trashed, a relationship and a need dropped, each read right after.
#[actix_web::test]
async fn matches_and_suggestions_follow_each_write_through_any_server() {
    let app = TestApp::spawn().await;
    let other = TestApp::start(app.settings.clone(), Scratch::folder()).await;
    let s = app.user("ana@example.com").await;
    let bea = close(&app, &s, "Bea", json!({"tags": ["rust"]})).await;
    let caio = close(&app, &s, "Caio", json!({"tags": ["rust"]})).await;
    let dora = close(&app, &s, "Dora", json!({"tags": ["rust"]})).await;
    let ask = need(
        &app,
        &s,
        json!({"contact_id": bea["id"], "kind": "ask", "topic": "A Rust mentor", "tags": ["rust"]}),
    )
    .await;
    let matches = "/v1/network/matches";
    assert_eq!(pairs(&read(&app, &s, matches).await), []);
    let all = [
        names("Bea", "Caio"),
        names("Bea", "Dora"),
        names("Caio", "Dora"),
    ];
    assert_eq!(pairs_suggested(&app, &s).await, all);

    // A new offer, through the other server.
    let offer = need(
        &other,
        &s,
        json!({"contact_id": caio["id"], "kind": "offer", "topic": "Rust mentoring", "tags": ["rust"]}),
    )
    .await;
    let got = read(&app, &s, matches).await;
    assert_eq!(pairs(&got), [pair_of(&ask, &offer)], "{got}");
    assert_eq!(got["items"][0]["offerer"]["closeness"], 4);

    // Caio's closeness changes the score; then Caio goes to the trash.
    let res = other
        .patch(&format!("/v1/contacts/{}", id(&caio)))
        .auth(&s)
        .json(json!({"closeness": 5}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    let got = read(&app, &s, matches).await;
    assert_eq!(got["items"][0]["offerer"]["closeness"], 5, "{got}");
    let res = other
        .delete(&format!("/v1/contacts/{}", id(&caio)))
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204, "{}", res.text());
    assert_eq!(pairs(&read(&app, &s, matches).await), []);
    assert_eq!(pairs_suggested(&app, &s).await, [names("Bea", "Dora")]);

    // An offer of Dora's matches; dropped, it matches no more.
    let offer = need(
        &other,
        &s,
        json!({"contact_id": dora["id"], "kind": "offer", "topic": "Rust reviews", "tags": ["rust"]}),
    )
    .await;
    assert_eq!(
        pairs(&read(&app, &s, matches).await),
        [pair_of(&ask, &offer)]
    );
    let res = other
        .patch(&format!("/v1/needs/{}", id(&offer)))
        .auth(&s)
        .json(json!({"status": "dropped"}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(pairs(&read(&app, &s, matches).await), []);

    // Bea and Dora related: no pair is left to suggest.
    post(
        &other,
        &s,
        "/v1/relationships",
        json!({"contact_id": bea["id"], "other_id": dora["id"], "kind": "friend"}),
    )
    .await;
    assert_eq!(pairs_suggested(&app, &s).await, []);
}
