use chrono::{Datelike, Duration, Utc};
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

fn ago(days: i64) -> String {
    (Utc::now() - Duration::days(days)).to_rfc3339()
}

async fn touch(app: &TestApp, s: &Session, c: &Value, days_ago: i64, extra: Value) -> Value {
    let mut body = json!({"kind": "coffee", "direction": "mutual", "summary": "Coffee",
                          "occurred_at": ago(days_ago), "contact_ids": [c["id"]]});
    for (k, v) in extra.as_object().unwrap() {
        body[k] = v.clone();
    }
    let res = app.post("/v1/interactions").auth(s).json(body).send().await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

async fn agenda(app: &TestApp, s: &Session, days: i64) -> Vec<Value> {
    let res = app
        .get(&format!("/v1/agenda?days={days}"))
        .auth(s)
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    res.json()["items"].as_array().unwrap().clone()
}

fn summary(items: &[Value]) -> Vec<(String, String)> {
    items
        .iter()
        .map(|i| {
            (
                i["type"].as_str().unwrap().to_string(),
                i["display_name"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[actix_web::test]
async fn overdue_contacts_come_first_ranked_by_their_cadence() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    // Ratios (days since touch / cadence): Ana 45/30 = 1.5, Ben 20/10 = 2.0, Cleo 100/90 ≈ 1.1.
    let ana = app
        .contact(&s, json!({"display_name": "Ana", "cadence_days": 30}))
        .await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 10}))
        .await;
    let cleo = app
        .contact(&s, json!({"display_name": "Cleo", "cadence_days": 90}))
        .await;
    let dara = app
        .contact(&s, json!({"display_name": "Dara", "cadence_days": 30}))
        .await;
    let _quiet = app.contact(&s, json!({"display_name": "Eli"})).await;
    touch(&app, &s, &ana, 45, json!({})).await;
    touch(&app, &s, &ben, 20, json!({})).await;
    touch(&app, &s, &cleo, 100, json!({})).await;
    touch(&app, &s, &dara, 27, json!({})).await; // due in 3 days

    let items = agenda(&app, &s, 7).await;
    assert_eq!(
        summary(&items),
        [
            ("overdue".into(), "Ben".into()),
            ("overdue".into(), "Ana".into()),
            ("overdue".into(), "Cleo".into()),
            ("due".into(), "Dara".into()),
        ]
    );
    assert_eq!(
        items[1]["reason"],
        "last talked 45 days ago; you aim for every 30 days"
    );
    assert_eq!(items[1]["days_overdue"], 15);
    assert_eq!(items[0]["contact_id"], ben["id"]);
    assert_eq!(items[3]["days_until"], 2, "whole days, rounded down");
    assert!(items[3].get("days_overdue").is_none());
    // A shorter window leaves the due contact out.
    assert_eq!(agenda(&app, &s, 2).await.len(), 3);
}

#[actix_web::test]
async fn a_follow_up_stays_until_a_later_touch() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app.contact(&s, json!({"display_name": "Ben"})).await;
    let past = (Utc::now() - Duration::days(2)).date_naive().to_string();
    let i = touch(
        &app,
        &s,
        &ben,
        10,
        json!({"follow_up_on": past, "summary": "Pitch deck"}),
    )
    .await;
    // A second, older interaction with a follow-up: still one item per contact.
    touch(&app, &s, &ben, 12, json!({"follow_up_on": past})).await;
    let items = agenda(&app, &s, 7).await;
    assert_eq!(summary(&items), [("follow_up".into(), "Ben".into())]);
    assert_eq!(items[0]["interaction_id"], i["id"]);
    assert_eq!(items[0]["days_overdue"], 2);
    assert!(items[0]["reason"].as_str().unwrap().contains("Pitch deck"));

    // A follow-up beyond the window is not shown yet.
    let cleo = app.contact(&s, json!({"display_name": "Cleo"})).await;
    let later = (Utc::now() + Duration::days(20)).date_naive().to_string();
    touch(&app, &s, &cleo, 1, json!({"follow_up_on": later})).await;
    assert_eq!(agenda(&app, &s, 7).await.len(), 1);
    assert_eq!(agenda(&app, &s, 30).await.len(), 2);

    // Touching Ben afterwards settles his follow-up.
    let settled = touch(&app, &s, &ben, 1, json!({})).await;
    assert_eq!(
        summary(&agenda(&app, &s, 30).await),
        [("follow_up".into(), "Cleo".into())]
    );

    // Deleting that touch opens it again, the latest of his two.
    let path = format!("/v1/interactions/{}", settled["id"].as_str().unwrap());
    let res = app.delete(&path).auth(&s).send().await;
    assert_eq!(res.status, 204, "{}", res.text());
    let items = agenda(&app, &s, 30).await;
    assert_eq!(
        summary(&items),
        [
            ("follow_up".into(), "Ben".into()),
            ("follow_up".into(), "Cleo".into())
        ]
    );
    assert_eq!(items[0]["interaction_id"], i["id"]);

    // A later note that is no touch brings its own follow-up: the latest.
    let note = touch(
        &app,
        &s,
        &ben,
        5,
        json!({"follow_up_on": past, "counts_as_touch": false}),
    )
    .await;
    let items = agenda(&app, &s, 30).await;
    assert_eq!(items[0]["interaction_id"], note["id"]);
}

#[actix_web::test]
async fn birthdays_in_the_window_with_or_without_a_year() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let today = Utc::now().date_naive();
    let in3 = today + Duration::days(3);
    let in20 = today + Duration::days(20);
    // Avoid 29 February as a test date (it has its own unit test).
    if in3.month() == 2 && in3.day() == 29 || in20.month() == 2 && in20.day() == 29 {
        return;
    }
    let born = format!("{}-{}", in3.year() - 30, in3.format("%m-%d"));
    app.contact(&s, json!({"display_name": "Ana", "birthday": born}))
        .await;
    app.contact(
        &s,
        json!({"display_name": "Ben", "birthday": format!("--{}", in20.format("%m-%d"))}),
    )
    .await;
    app.contact(&s, json!({"display_name": "Arch", "birthday": format!("--{}", in3.format("%m-%d")), "archived": true})).await;

    let week = agenda(&app, &s, 7).await;
    assert_eq!(summary(&week), [("birthday".into(), "Ana".into())]);
    assert_eq!(week[0]["date"], in3.to_string());
    assert_eq!(week[0]["days_until"], 3);
    assert!(
        week[0]["reason"]
            .as_str()
            .unwrap()
            .starts_with("turns 30 on "),
        "{}",
        week[0]["reason"]
    );
    let month = agenda(&app, &s, 30).await;
    assert_eq!(
        summary(&month),
        [
            ("birthday".into(), "Ana".into()),
            ("birthday".into(), "Ben".into())
        ]
    );
    assert!(month[1]["reason"]
        .as_str()
        .unwrap()
        .starts_with("birthday on "));
}

#[actix_web::test]
async fn the_agenda_checks_its_window_and_belongs_to_its_user() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let eve = app.user("eve@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 1}))
        .await;
    touch(&app, &s, &ben, 5, json!({})).await;
    assert!(agenda(&app, &s, 7).await.len() == 1);
    assert!(agenda(&app, &eve, 7).await.is_empty());
    for bad in ["0", "91", "x"] {
        let res = app
            .get(&format!("/v1/agenda?days={bad}"))
            .auth(&s)
            .send()
            .await;
        assert_eq!(res.invalid_fields(), ["days"]);
    }
    let res = app.get("/v1/agenda").auth(&s).send().await.json();
    assert!(res["generated_at"].as_str().unwrap().ends_with('Z'));
}

#[actix_web::test]
async fn the_calendar_feed_serves_the_agenda_until_revoked() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "cadence_days": 3}))
        .await;
    touch(&app, &s, &ben, 10, json!({})).await;

    let created = app.post("/v1/agenda/feed").auth(&s).send().await;
    assert_eq!(created.status, 201);
    let url = created.json()["url"].as_str().unwrap().to_string();
    assert!(url.starts_with("http://") && url.ends_with(".ics"), "{url}");
    let path = &url[url.find("/v1/").unwrap()..];

    let cal = app.get(path).send().await;
    assert_eq!(cal.status, 200);
    assert!(cal
        .header("content-type")
        .unwrap()
        .starts_with("text/calendar"));
    let text = cal.text();
    assert!(text.starts_with("BEGIN:VCALENDAR"));
    assert!(text.contains("BEGIN:VEVENT"));
    assert!(text.contains("SUMMARY:Ben: overdue"));
    let today = Utc::now().date_naive().format("%Y%m%d").to_string();
    assert!(
        text.contains(&format!("DTSTART;VALUE=DATE:{today}")),
        "overdue is shown today"
    );

    // A new URL replaces the old one.
    let second = app.post("/v1/agenda/feed").auth(&s).send().await.json();
    let path2 = {
        let u = second["url"].as_str().unwrap();
        u[u.find("/v1/").unwrap()..].to_string()
    };
    app.get(path).send().await.problem(404, "not_found");
    assert_eq!(app.get(&path2).send().await.status, 200);
    // Revoked, it is gone.
    assert_eq!(
        app.delete("/v1/agenda/feed").auth(&s).send().await.status,
        204
    );
    app.get(&path2).send().await.problem(404, "not_found");
    app.get("/v1/agenda/feed/guess.ics")
        .send()
        .await
        .problem(404, "not_found");
}

#[actix_web::test]
async fn contacts_sort_and_filter_by_due_date() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    let mut names = Vec::new();
    for (name, cadence, touched) in [
        ("A", 10, 12),
        ("B", 10, 5),
        ("C", 30, 1),
        ("D", 0, 0),
        ("E", 0, 3),
    ] {
        let body = if cadence > 0 {
            json!({"display_name": name, "cadence_days": cadence})
        } else {
            json!({"display_name": name})
        };
        let c = app.contact(&s, body).await;
        if touched > 0 {
            touch(&app, &s, &c, touched, json!({})).await;
        }
        names.push(name);
    }
    async fn walk(app: &TestApp, s: &Session, query: &str) -> Vec<String> {
        let mut out = Vec::new();
        let mut cursor = String::new();
        loop {
            let page = app
                .get(&format!("/v1/contacts?limit=2{query}{cursor}"))
                .auth(s)
                .send()
                .await
                .json();
            out.extend(
                page["items"]
                    .as_array()
                    .unwrap()
                    .iter()
                    .map(|c| c["display_name"].as_str().unwrap().to_string()),
            );
            match page["next_cursor"].as_str() {
                Some(c) => cursor = format!("&cursor={c}"),
                None => return out,
            }
        }
    }
    // Due: A (−2 days), B (+5), C (+29); D and E have no cadence: nulls last.
    assert_eq!(
        walk(&app, &s, "&sort=next_due_at").await,
        ["A", "B", "C", "D", "E"]
    );
    assert_eq!(
        walk(&app, &s, "&sort=-next_due_at").await,
        ["C", "B", "A", "E", "D"]
    );
    // Last touch: C (1 day ago), E (3), B (5), A (12); D never.
    assert_eq!(
        walk(&app, &s, "&sort=-last_interaction_at").await,
        ["C", "E", "B", "A", "D"]
    );
    assert_eq!(
        walk(&app, &s, "&sort=last_interaction_at").await,
        ["A", "B", "E", "C", "D"]
    );
    assert_eq!(walk(&app, &s, "&due=true").await, ["A"]);
    let in7 = (Utc::now() + Duration::days(7)).date_naive();
    assert_eq!(
        walk(&app, &s, &format!("&due_before={in7}&sort=next_due_at")).await,
        ["A", "B"]
    );
    let bad = app
        .get("/v1/contacts?due_before=next-week&due=often")
        .auth(&s)
        .send()
        .await;
    let mut fields = bad.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["due", "due_before"]);
}

/// More overdue contacts of one cadence than the agenda reads of it at
/// first (it walks each cadence in batches and reads again the one that
/// leads): the page is still the most overdue, in order, on both databases.
#[actix_web::test]
async fn many_overdue_contacts_over_several_cadences_come_in_order() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    // No two ratios (days since touch / cadence) are equal.
    let mut people: Vec<(String, f64)> = Vec::new();
    let plan = [
        (7, (8..=37).collect::<Vec<i64>>()),
        (11, (12..=41).step_by(3).collect()),
        (30, (31..=59).step_by(4).collect()),
    ];
    for (cadence, days) in plan {
        for d in days {
            let name = format!("C{cadence:02}-{d:02}");
            let c = app
                .contact(&s, json!({"display_name": name, "cadence_days": cadence}))
                .await;
            touch(&app, &s, &c, d, json!({})).await;
            people.push((name, d as f64 / cadence as f64));
        }
    }
    people.sort_by(|a, b| b.1.total_cmp(&a.1));
    let expected: Vec<String> = people.into_iter().map(|p| p.0).collect();
    let names = |v: &Value| -> Vec<String> {
        v["items"]
            .as_array()
            .unwrap()
            .iter()
            .map(|i| {
                assert_eq!(i["type"], "overdue");
                i["display_name"].as_str().unwrap().to_string()
            })
            .collect()
    };
    let cut = app.get("/v1/agenda?limit=40").auth(&s).send().await.json();
    assert_eq!(names(&cut), expected[..40]);
    assert_eq!(cut["truncated"], true);
    let all = app.get("/v1/agenda?limit=100").auth(&s).send().await.json();
    assert_eq!(names(&all), expected);
    assert_eq!(all["truncated"], false);
}

/// An agenda cut at `limit` says so; one that fits does not.
#[actix_web::test]
async fn an_agenda_cut_at_its_limit_says_it_was_truncated() {
    let app = TestApp::spawn().await;
    let s = app.user("ana@example.com").await;
    for name in ["Ben", "Cleo", "Dan"] {
        let c = app
            .contact(&s, json!({"display_name": name, "cadence_days": 7}))
            .await;
        touch(&app, &s, &c, 10, json!({})).await;
    }
    let cut = app.get("/v1/agenda?limit=2").auth(&s).send().await.json();
    assert_eq!(cut["items"].as_array().unwrap().len(), 2);
    assert_eq!(cut["truncated"], true);
    let whole = app.get("/v1/agenda?limit=3").auth(&s).send().await.json();
    assert_eq!(whole["items"].as_array().unwrap().len(), 3);
    assert_eq!(whole["truncated"], false);
}
