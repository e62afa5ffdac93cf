//! What `q` finds in the contact list: folded text (no case, no accents)
//! over every field a person would look in, phone numbers by their digits,
//! metacharacters as themselves, never someone else's contacts.

use serde_json::{json, Value};

use crate::helpers::{Session, TestApp};

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
    assert_eq!(names(&app, &s, "%").await, ["Ben Ode"]);
    assert_eq!(names(&app, &s, "_").await, ["Ben Ode"]);
    assert!(names(&app, &s, "jo%z").await.is_empty());

    // Another user finds none of it.
    let eve = app.user("eve@example.com").await;
    assert!(names(&app, &eve, "jose").await.is_empty());
    assert!(names(&app, &eve, "5550103").await.is_empty());
}
