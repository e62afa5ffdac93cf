//! Captures: message headers logged as interactions (`POST
//! /v1/captures/messages`), your own addresses, undo, suggestions.

use actix_web::http::Method;
use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

async fn capture(app: &TestApp, s: &Session, query: &str, messages: Value) -> Value {
    let res = app
        .post(&format!("/v1/captures/messages{query}"))
        .auth(s)
        .json(json!({ "messages": messages }))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

/// A contact of `s` with one email (and a cadence, if given).
async fn contact_at(
    app: &TestApp,
    s: &Session,
    name: &str,
    email: &str,
    cadence: Option<i32>,
) -> Value {
    app.contact(
        s,
        json!({"display_name": name, "emails": [{"address": email}], "cadence_days": cadence}),
    )
    .await
}

#[actix_web::test]
async fn messages_with_contacts_become_email_interactions_once() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "Ana@Example.com"}]}),
        )
        .await;
    let ben = app
        .contact(&s, json!({"display_name": "Ben", "emails": [{"address": "ben@example.com"}], "cadence_days": 30}))
        .await;
    // My login email is mine until I name others.
    let mine = app.get("/v1/me/addresses").auth(&s).send().await.json();
    assert_eq!(mine, json!({"addresses": ["me@example.com"]}));
    let res = app
        .req(Method::PUT, "/v1/me/addresses")
        .auth(&s)
        .json(json!({"addresses": ["ME@example.com", "me@work.example"]}))
        .send()
        .await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_eq!(
        res.json(),
        json!({"addresses": ["me@example.com", "me@work.example"]})
    );

    let first = capture(
        &app,
        &s,
        "",
        json!([
            {"source_id": "m1", "from": "me@work.example", "to": ["ana@example.com"], "cc": ["ben@example.com", "stranger@example.com"],
             "date": "2026-11-30T09:15:00Z", "subject": "Lunch next week?"},
            {"source_id": "m2", "from": "ANA@example.com", "to": ["me@example.com"],
             "date": "2026-11-30T10:00:00Z", "subject": "Re: Lunch next week?"},
            {"source_id": "m3", "from": "stranger@example.com", "to": ["me@example.com"], "date": "2026-11-29T10:00:00Z"},
        ]),
    )
    .await;
    assert_eq!(
        (
            &first["received"],
            &first["logged"],
            &first["duplicates"],
            &first["unmatched"]
        ),
        (&json!(3), &json!(2), &json!(0), &json!(1))
    );
    let logged = first["interactions"].as_array().unwrap();
    assert_eq!(logged[0]["kind"], "email");
    assert_eq!(logged[0]["direction"], "outbound");
    assert_eq!(logged[0]["summary"], "Lunch next week?");
    assert_eq!(logged[0]["contact_ids"], json!([ana["id"], ben["id"]]));
    assert_eq!(logged[1]["direction"], "inbound");
    assert_eq!(logged[1]["contact_ids"], json!([ana["id"]]));
    let ben_now = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(ben_now["last_interaction_at"], logged[0]["occurred_at"]);
    assert!(
        ben_now["next_due_at"].is_string(),
        "the cadence clock moved"
    );

    // The same messages again: nothing new. Without subjects, and a
    // thread's day collapsed into one interaction.
    let again = capture(
        &app,
        &s,
        "?store_subject=false&collapse=thread_day",
        json!([
            {"source_id": "m1", "from": "me@work.example", "to": ["ana@example.com"], "date": "2026-11-30T09:15:00Z"},
            {"source_id": "t1", "thread_id": "T", "from": "ben@example.com", "to": ["me@example.com"], "date": "2026-11-28T08:00:00Z", "subject": "Secret"},
            {"source_id": "t2", "thread_id": "T", "from": "me@example.com", "to": ["ben@example.com"], "date": "2026-11-28T18:00:00Z"},
            {"source_id": "m4", "from": "stranger@example.com", "to": ["me@example.com"], "date": "2026-11-27T10:00:00Z"},
            {"source_id": "m5", "from": "ana@example.com", "to": ["me@example.com"], "date": "2026-11-26T10:00:00Z"},
            {"source_id": "m5", "from": "ana@example.com", "to": ["me@example.com"], "date": "2026-11-26T10:00:00Z"},
        ]),
    )
    .await;
    // m1 captured before, t2 in t1's thread and day, m5 twice in one batch.
    assert_eq!(
        (&again["logged"], &again["duplicates"], &again["unmatched"]),
        (&json!(2), &json!(3), &json!(1))
    );
    assert_eq!(again["interactions"][0]["summary"], "Email");

    // What was captured is found by search at once, its subject and all.
    let found = app
        .get("/v1/search?q=next%20week&types=interaction")
        .auth(&s)
        .send()
        .await
        .json();
    let titles: Vec<&str> = found["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["title"].as_str().unwrap())
        .collect();
    assert_eq!(
        titles,
        ["Lunch next week?", "Re: Lunch next week?"],
        "{found}"
    );
    crate::helpers::search_indexes_match_their_tables(&app);

    // The stranger was in three messages: a suggestion, until dismissed.
    let sug = app
        .get("/v1/captures/suggestions")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"].as_array().unwrap().len(), 1, "{sug}");
    assert_eq!(sug["items"][0]["email"], "stranger@example.com");
    assert_eq!(sug["items"][0]["count"], 3);
    assert_eq!(sug["items"][0]["first_seen"], "2026-11-27T10:00:00.000000Z");
    // Seen last in m1, though m4 (older) was captured after it.
    assert_eq!(sug["items"][0]["last_seen"], "2026-11-30T09:15:00.000000Z");
    let res = app
        .post("/v1/captures/suggestions/stranger@example.com/dismiss")
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 204);
    let sug = app
        .get("/v1/captures/suggestions?min_count=1")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"], json!([]));

    // Undo: the first capture's interactions are gone, Ben's clock with them.
    let url = format!("/v1/captures/{}", first["id"].as_str().unwrap());
    let res = app.delete(&url).auth(&s).send().await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert!(res.json()["undone_at"].is_string());
    app.delete(&url)
        .auth(&s)
        .send()
        .await
        .problem(409, "capture_undone");
    let id = logged[0]["id"].as_str().unwrap();
    app.get(&format!("/v1/interactions/{id}"))
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
    let ben_now = app
        .get(&format!("/v1/contacts/{}", ben["id"].as_str().unwrap()))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        ben_now["last_interaction_at"],
        again["interactions"][0]["occurred_at"]
    );
    let list = app.get("/v1/captures?limit=1").auth(&s).send().await.json();
    assert_eq!(list["items"][0]["id"], again["id"]);
    assert!(list["next_cursor"].is_string());

    // Another user sees none of it and matches none of my contacts.
    let eve = app.user("eve@example.com").await;
    app.get(&url)
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.delete(&url)
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    let theirs = capture(
        &app,
        &eve,
        "",
        json!([{"source_id": "m1", "from": "ana@example.com", "to": ["eve@example.com"], "date": "2026-11-30T09:15:00Z"}]),
    )
    .await;
    assert_eq!(
        (&theirs["logged"], &theirs["unmatched"]),
        (&json!(0), &json!(1))
    );
}

#[actix_web::test]
async fn bad_messages_are_refused_whole() {
    let app = TestApp::spawn().await;
    let s = app.user("bad-capture@example.com").await;
    let res = app
        .post("/v1/captures/messages")
        .auth(&s)
        .json(json!({"messages": [
            {"source_id": "a", "from": "not-an-email", "date": "2026-11-30T09:15:00Z"},
            {"source_id": "b", "from": "a@example.com", "date": "2999-01-01T00:00:00Z"},
        ]}))
        .send()
        .await;
    let mut fields = res.invalid_fields();
    fields.sort();
    assert_eq!(fields, ["messages[0].from", "messages[1].date"]);
    let list = app.get("/v1/captures").auth(&s).send().await.json();
    assert_eq!(list["items"], json!([]));
    let res = app
        .req(Method::PUT, "/v1/me/addresses")
        .auth(&s)
        .json(json!({"addresses": []}))
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["addresses"]);
}

#[actix_web::test]
async fn raw_mail_is_read_from_its_headers() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "ana@example.com"}]}),
        )
        .await;
    let message = "From: Ana Lima <ana@example.com>\r\nTo: Me <me@example.com>\r\nSubject: =?UTF-8?Q?Caf=C3=A9?=\r\nDate: Mon, 30 Nov 2026 09:15:00 +0100\r\nMessage-ID: <m1@example.com>\r\n\r\nNever read.\r\n";
    let res = app
        .post("/v1/captures/messages")
        .auth(&s)
        .raw("message/rfc822", message.as_bytes().to_vec())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let one = res.json();
    assert_eq!(one["logged"], 1);
    let i = &one["interactions"][0];
    assert_eq!(
        (&i["direction"], &i["summary"], &i["occurred_at"]),
        (
            &json!("inbound"),
            &json!("Café"),
            &json!("2026-11-30T08:15:00.000000Z")
        )
    );
    assert_eq!(i["contact_ids"], json!([ana["id"]]));

    // A mailbox: the message already captured is a duplicate, and one
    // without a sender fails alone.
    let mbox = format!(
        "From ana@example.com Mon Nov 30 09:15:00 2026\n{}\nFrom x Mon Nov 30 11:00:00 2026\nSubject: who sent me?\nDate: Mon, 30 Nov 2026 11:00:00 +0000\n\nbody\n\nFrom me@example.com Tue Dec 1 10:00:00 2026\nFrom: me@example.com\nTo: ana@example.com\nDate: Tue, 1 Dec 2026 10:00:00 +0000\nMessage-ID: <m2@example.com>\nSubject: Re: Cafe\n\nbody\n",
        message.replace("\r\n", "\n")
    );
    let res = app
        .post("/v1/captures/messages")
        .auth(&s)
        .raw("application/mbox", mbox.into_bytes())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let both = res.json();
    assert_eq!(
        (
            &both["received"],
            &both["logged"],
            &both["duplicates"],
            &both["failed"]
        ),
        (&json!(3), &json!(1), &json!(1), &json!(1))
    );
    assert_eq!(
        both["failures"],
        json!([{"index": 1, "error": "no From address"}])
    );
    assert_eq!(both["interactions"][0]["direction"], "outbound");

    // A message without a sender refuses the body, naming why.
    let res = app
        .post("/v1/captures/messages")
        .auth(&s)
        .raw(
            "message/rfc822",
            b"Subject: who?\r\nDate: Mon, 30 Nov 2026 09:15:00 +0100\r\n\r\n".to_vec(),
        )
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["body"], "{}", res.text());
}

/// A calendar event line's date-time, `days` from today at `hour` UTC.
fn at(days: i64, hour: u32) -> String {
    let day = chrono::Utc::now().date_naive() + chrono::Duration::days(days);
    format!("{}T{hour:02}0000Z", day.format("%Y%m%d"))
}

fn calendar() -> String {
    let events = [
        // Weekly, organized by me, with Ana: six from 29 days ago, one
        // excluded, one cancelled, one moved a day and an hour later.
        format!(
            "UID:sync@example.com\r\nDTSTART:{}\r\nDURATION:PT30M\r\nRRULE:FREQ=WEEKLY;COUNT=6\r\nEXDATE:{}\r\nSUMMARY:Weekly sync\r\nORGANIZER;CN=Me:mailto:me@example.com\r\nATTENDEE;CN=Ana Lima;PARTSTAT=ACCEPTED:mailto:ANA@example.com",
            at(-29, 9),
            at(-22, 9)
        ),
        format!(
            "UID:sync@example.com\r\nRECURRENCE-ID:{}\r\nDTSTART:{}\r\nSTATUS:CANCELLED\r\nSUMMARY:Weekly sync\r\nORGANIZER:mailto:me@example.com\r\nATTENDEE:mailto:ana@example.com",
            at(-15, 9),
            at(-15, 9)
        ),
        format!(
            "UID:sync@example.com\r\nRECURRENCE-ID:{}\r\nDTSTART:{}\r\nSUMMARY:Moved sync\r\nORGANIZER:mailto:me@example.com\r\nATTENDEE:mailto:ana@example.com",
            at(-8, 9),
            at(-7, 10)
        ),
        // Ben's lunch, which Cy declined.
        format!(
            "UID:lunch@example.com\r\nDTSTART:{}\r\nSUMMARY:Lunch\r\nORGANIZER;CN=Ben:mailto:ben@example.com\r\nATTENDEE:mailto:me@example.com\r\nATTENDEE;PARTSTAT=DECLINED:mailto:cy@example.com",
            at(-3, 12)
        ),
        // Cancelled, with Cy.
        format!(
            "UID:gone@example.com\r\nDTSTART:{}\r\nSTATUS:CANCELLED\r\nSUMMARY:Gone\r\nATTENDEE:mailto:cy@example.com",
            at(-2, 12)
        ),
        // No contact on it; and one before the window.
        format!(
            "UID:stranger@example.com\r\nDTSTART:{}\r\nSUMMARY:Intro call\r\nORGANIZER;CN=Sam Stranger:mailto:sam@example.com",
            at(-4, 15)
        ),
        format!(
            "UID:old@example.com\r\nDTSTART:{}\r\nSUMMARY:Long ago\r\nATTENDEE:mailto:cy@example.com",
            at(-400, 15)
        ),
    ];
    let mut ics = String::from("BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//kith tests//EN\r\n");
    for e in events {
        ics += &format!("BEGIN:VEVENT\r\nDTSTAMP:20260101T000000Z\r\n{e}\r\nEND:VEVENT\r\n");
    }
    ics + "END:VCALENDAR\r\n"
}

async fn post_calendar(app: &TestApp, s: &Session, query: &str) -> Value {
    let res = app
        .post(&format!("/v1/captures/calendar{query}"))
        .auth(s)
        .raw("text/calendar; charset=utf-8", calendar().into_bytes())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    res.json()
}

#[actix_web::test]
async fn a_calendar_logs_past_meetings_and_puts_coming_ones_on_the_agenda() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = contact_at(&app, &s, "Ana", "ana@example.com", Some(30)).await;
    let ben = contact_at(&app, &s, "Ben", "ben@example.com", None).await;
    contact_at(&app, &s, "Cy", "cy@example.com", None).await;
    let ana_url = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());

    let first = post_calendar(&app, &s, "").await;
    // In the window: the sync at -29, -8 (moved to -7), -1 and +6; the
    // lunch; the call with no contact.
    assert_eq!(
        (
            &first["kind"],
            &first["received"],
            &first["logged"],
            &first["upcoming"],
            &first["unmatched"]
        ),
        (
            &json!("calendar"),
            &json!(6),
            &json!(4),
            &json!(1),
            &json!(1)
        ),
        "{first}"
    );
    let logged = first["interactions"].as_array().unwrap();
    let summaries: Vec<&str> = logged
        .iter()
        .map(|i| i["summary"].as_str().unwrap())
        .collect();
    assert_eq!(
        summaries,
        ["Weekly sync", "Moved sync", "Lunch", "Weekly sync"]
    );
    assert!(logged.iter().all(|i| i["kind"] == "meeting"));
    assert_eq!(logged[0]["direction"], "outbound");
    assert_eq!(logged[0]["contact_ids"], json!([ana["id"]]));
    assert_eq!(logged[1]["occurred_at"].as_str().unwrap()[11..13], *"10");
    // The lunch is Ben's alone: Cy declined.
    assert_eq!(logged[2]["direction"], "inbound");
    assert_eq!(logged[2]["contact_ids"], json!([ben["id"]]));
    let ana_now = app.get(&ana_url).auth(&s).send().await.json();
    assert_eq!(ana_now["last_interaction_at"], logged[3]["occurred_at"]);

    // The coming sync is on the agenda, with Ana.
    let agenda = app.get("/v1/agenda?days=7").auth(&s).send().await.json();
    let meetings: Vec<&Value> = agenda["items"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|i| i["type"] == "meeting_upcoming")
        .collect();
    assert_eq!(meetings.len(), 1, "{agenda}");
    assert_eq!(meetings[0]["contact_id"], ana["id"]);
    assert_eq!(meetings[0]["days_until"], 6);
    assert!(meetings[0]["reason"]
        .as_str()
        .unwrap()
        .contains("Weekly sync"));

    // Sam was on one event: a suggestion at min_count=1, with the name.
    let sug = app
        .get("/v1/captures/suggestions?min_count=1")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"][0]["email"], "sam@example.com", "{sug}");
    assert_eq!(sug["items"][0]["name"], "Sam Stranger");

    // Undo: the meetings and the agenda item go, Ana's clock with them.
    let url = format!("/v1/captures/{}", first["id"].as_str().unwrap());
    assert_eq!(app.delete(&url).auth(&s).send().await.status, 200);
    let ana_now = app.get(&ana_url).auth(&s).send().await.json();
    assert_eq!(ana_now["last_interaction_at"], Value::Null);
    let agenda = app.get("/v1/agenda?days=7").auth(&s).send().await.json();
    assert!(
        agenda["items"]
            .as_array()
            .unwrap()
            .iter()
            .all(|i| i["type"] != "meeting_upcoming"),
        "{agenda}"
    );

    // Sent again, twice: logged once, then all duplicates; without
    // summaries when asked, and only since a day.
    let again = post_calendar(&app, &s, "?store_subject=false").await;
    assert_eq!(again["logged"], 4);
    assert_eq!(again["interactions"][0]["summary"], "Meeting");
    let third = post_calendar(&app, &s, "").await;
    assert_eq!(
        (&third["logged"], &third["duplicates"]),
        (&json!(0), &json!(4))
    );
    let since = (chrono::Utc::now().date_naive() - chrono::Duration::days(5)).to_string();
    let recent = post_calendar(&app, &s, &format!("?since={since}")).await;
    assert_eq!(
        (&recent["received"], &recent["duplicates"]),
        (&json!(4), &json!(2))
    );

    // Bad input changes nothing.
    let before = app.get("/v1/captures").auth(&s).send().await.json();
    let res = app
        .post("/v1/captures/calendar")
        .auth(&s)
        .raw("text/plain", calendar().into_bytes())
        .send()
        .await;
    res.problem(415, "unsupported_media_type");
    let res = app
        .post("/v1/captures/calendar")
        .auth(&s)
        .raw(
            "text/calendar",
            b"BEGIN:VCARD\r\nFN:Not a calendar\r\nEND:VCARD\r\n".to_vec(),
        )
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["body"], "{}", res.text());
    let res = app
        .post("/v1/captures/calendar?since=2999-01-01")
        .auth(&s)
        .raw("text/calendar", calendar().into_bytes())
        .send()
        .await;
    assert_eq!(res.invalid_fields(), ["since"]);
    let after = app.get("/v1/captures").auth(&s).send().await.json();
    assert_eq!(before, after);
}

#[actix_web::test]
async fn a_suggestion_accepted_is_a_contact_with_what_was_captured() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "ana@example.com"}]}),
        )
        .await;
    let first = capture(
        &app,
        &s,
        "",
        json!([
            {"source_id": "d1", "from": "dev@example.com", "to": ["me@example.com"], "date": "2026-11-20T09:00:00Z",
             "subject": "Hello", "names": {"DEV@example.com": "Dev R."}},
            {"source_id": "d2", "from": "me@example.com", "to": ["ana@example.com", "dev@example.com"], "date": "2026-11-21T09:00:00Z",
             "subject": "Meet Ana"},
            {"source_id": "d3", "from": "dev@example.com", "to": ["me@example.com"], "date": "2026-11-22T09:00:00Z",
             "subject": "Thanks", "names": {"dev@example.com": "Dev Rao"}},
        ]),
    )
    .await;
    assert_eq!(
        (&first["logged"], &first["unmatched"]),
        (&json!(1), &json!(2))
    );
    // Sent again: Dev is not counted twice.
    capture(
        &app,
        &s,
        "",
        json!([{"source_id": "d1", "from": "dev@example.com", "to": ["me@example.com"], "date": "2026-11-20T09:00:00Z"}]),
    )
    .await;
    let sug = app
        .get("/v1/captures/suggestions")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(
        (
            &sug["items"][0]["email"],
            &sug["items"][0]["name"],
            &sug["items"][0]["count"]
        ),
        (&json!("dev@example.com"), &json!("Dev Rao"), &json!(3)),
        "{sug}"
    );

    // Another user cannot accept it; a stranger's address is a 404.
    let eve = app.user("eve@example.com").await;
    app.post("/v1/captures/suggestions/dev@example.com/accept")
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.post("/v1/captures/suggestions/nobody@example.com/accept")
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
    // What is no address (a control character, as a fuzzer once sent) is a
    // 422 for both, and dismisses nothing.
    for act in ["accept", "dismiss"] {
        app.post(&format!(
            "/v1/captures/suggestions/%17%7C%40e17e1.info/{act}"
        ))
        .auth(&s)
        .send()
        .await
        .problem(422, "validation_failed");
    }

    let res = app
        .post("/v1/captures/suggestions/Dev@Example.com/accept")
        .auth(&s)
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let accepted = res.json();
    let dev = &accepted["contact"];
    assert_eq!(
        res.header("location").unwrap(),
        format!("/v1/contacts/{}", dev["id"].as_str().unwrap())
    );
    assert_eq!(dev["display_name"], "Dev Rao");
    assert_eq!(dev["emails"][0]["address"], "dev@example.com");
    assert_eq!(dev["last_interaction_at"], "2026-11-22T09:00:00.000000Z");
    let capture_made = &accepted["capture"];
    assert_eq!(
        (
            &capture_made["kind"],
            &capture_made["logged"],
            &capture_made["duplicates"]
        ),
        (&json!("suggestion"), &json!(2), &json!(1))
    );
    // The message logged with Ana now has Dev too.
    let with_ana = &first["interactions"][0];
    let now = app
        .get(&format!(
            "/v1/interactions/{}",
            with_ana["id"].as_str().unwrap()
        ))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(now["contact_ids"], json!([ana["id"], dev["id"]]));
    let sug = app
        .get("/v1/captures/suggestions?min_count=1")
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(sug["items"], json!([]));
    app.post("/v1/captures/suggestions/dev@example.com/accept")
        .auth(&s)
        .send()
        .await
        .problem(409, "already_a_contact");

    // Undone, the interactions it logged go; the contact stays.
    let url = format!("/v1/captures/{}", capture_made["id"].as_str().unwrap());
    assert_eq!(app.delete(&url).auth(&s).send().await.status, 200);
    let dev_url = format!("/v1/contacts/{}", dev["id"].as_str().unwrap());
    let dev_now = app.get(&dev_url).auth(&s).send().await.json();
    assert_eq!(
        dev_now["last_interaction_at"],
        "2026-11-21T09:00:00.000000Z"
    );
}

#[actix_web::test]
async fn a_capture_token_posts_captures_and_nothing_else() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = app
        .contact(
            &s,
            json!({"display_name": "Ana", "emails": [{"address": "ana@example.com"}]}),
        )
        .await;
    let res = app
        .post("/v1/tokens")
        .auth(&s)
        .json(json!({"name": "mail rule", "scope": "capture"}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    assert_eq!(res.json()["scope"], "capture");
    let token = res.json()["token"].as_str().unwrap().to_string();

    let res = app
        .post("/v1/captures/messages")
        .bearer(&token)
        .json(json!({"messages": [{"source_id": "t1", "from": "ana@example.com", "to": ["me@example.com"], "date": "2026-11-30T09:15:00Z"}]}))
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let captured = res.json();
    let res = app
        .post("/v1/captures/calendar")
        .bearer(&token)
        .raw("text/calendar", calendar().into_bytes())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());

    let capture_url = format!("/v1/captures/{}", captured["id"].as_str().unwrap());
    let ana_url = format!("/v1/contacts/{}", ana["id"].as_str().unwrap());
    for (method, url, body) in [
        (Method::GET, "/v1/contacts", None),
        (Method::GET, ana_url.as_str(), None),
        (Method::GET, capture_url.as_str(), None),
        (Method::DELETE, capture_url.as_str(), None),
        (Method::GET, "/v1/captures", None),
        (Method::GET, "/v1/captures/suggestions", None),
        (
            Method::POST,
            "/v1/contacts",
            Some(json!({"display_name": "Mallory"})),
        ),
        (Method::GET, "/v1/me", None),
        (
            Method::PUT,
            "/v1/me/addresses",
            Some(json!({"addresses": ["x@example.com"]})),
        ),
        (Method::GET, "/v1/export", None),
    ] {
        let mut req = app.req(method.clone(), url).bearer(&token);
        if let Some(body) = body {
            req = req.json(body);
        }
        req.send().await.problem(403, "insufficient_scope");
    }
    // What it posted is the user's, as a login sees it.
    let list = app.get("/v1/captures").auth(&s).send().await.json();
    assert_eq!(list["items"].as_array().unwrap().len(), 2);
}

/// Mail sent again later, older than what a contact last had: the contact
/// is left as it is (same version, nothing in the feed), while a contact
/// the same capture touches later, or for the first time, moves.
#[actix_web::test]
async fn an_older_message_leaves_a_later_touch_as_it_is() {
    let app = TestApp::spawn().await;
    let s = app.user("me@example.com").await;
    let ana = contact_at(&app, &s, "Ana", "ana@example.com", Some(30)).await;
    let ben = contact_at(&app, &s, "Ben", "ben@example.com", Some(30)).await;
    let cleo = contact_at(&app, &s, "Cleo", "cleo@example.com", None).await;
    capture(
        &app,
        &s,
        "",
        json!([
            {"source_id": "new-ana", "from": "ana@example.com", "to": ["me@example.com"], "date": "2026-11-20T09:00:00Z"},
            {"source_id": "old-ben", "from": "ben@example.com", "to": ["me@example.com"], "date": "2026-11-01T09:00:00Z"},
        ]),
    )
    .await;
    let get = |c: &Value| {
        let path = format!("/v1/contacts/{}", c["id"].as_str().unwrap());
        let app = &app;
        let s = &s;
        async move { app.get(&path).auth(s).send().await.json() }
    };
    let (ana_before, ben_before) = (get(&ana).await, get(&ben).await);
    let feed_before = app.get("/v1/changes?since=0").auth(&s).send().await.json();
    assert_eq!(feed_before["has_more"], false);

    // Older for Ana, later for Ben, the first for Cleo.
    let res = capture(
        &app,
        &s,
        "",
        json!([
            {"source_id": "old-ana", "from": "me@example.com", "to": ["ana@example.com", "ben@example.com"], "date": "2026-11-10T09:00:00Z"},
            {"source_id": "cleo", "from": "cleo@example.com", "to": ["me@example.com"], "date": "2026-10-01T09:00:00Z"},
        ]),
    )
    .await;
    assert_eq!(res["logged"], 2, "{res}");
    let (ana_now, ben_now, cleo_now) = (get(&ana).await, get(&ben).await, get(&cleo).await);
    assert_eq!(ana_now, ana_before, "Ana's later touch stands");
    assert_eq!(
        (
            &ben_now["last_interaction_at"],
            &ben_now["next_due_at"],
            ben_now["version"].as_i64() > ben_before["version"].as_i64()
        ),
        (
            &json!("2026-11-10T09:00:00.000000Z"),
            &json!("2026-12-10T09:00:00.000000Z"),
            true
        )
    );
    assert_eq!(
        cleo_now["last_interaction_at"],
        "2026-10-01T09:00:00.000000Z"
    );
    let feed = app
        .get(&format!("/v1/changes?since={}", feed_before["next_since"]))
        .auth(&s)
        .send()
        .await
        .json();
    let contacts_changed: Vec<&Value> = feed["changes"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["type"] == "contact")
        .map(|c| &c["id"])
        .collect();
    assert!(
        !contacts_changed.contains(&&ana["id"]) && contacts_changed.contains(&&ben["id"]),
        "{feed}"
    );
}
