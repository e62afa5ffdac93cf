//! Contacts' photos: `PUT`, `GET` (with thumbnails, `ETag` and
//! `Cache-Control`) and `DELETE /v1/contacts/{id}/photo`.

use actix_web::http::Method;
use image::ImageFormat;
use serde_json::json;

use crate::helpers::{image_bytes, Resp, Session, TestApp};

async fn put(app: &TestApp, s: &Session, id: &str, content_type: &str, body: Vec<u8>) -> Resp {
    app.req(Method::PUT, &format!("/v1/contacts/{id}/photo"))
        .auth(s)
        .raw(content_type, body)
        .send()
        .await
}

#[actix_web::test]
async fn a_photo_is_kept_with_square_thumbnails_and_read_with_etags() {
    let app = TestApp::spawn().await;
    let s = app.user("photo@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    assert_eq!(ana["photo_url"], serde_json::Value::Null);
    let id = ana["id"].as_str().unwrap();
    let jpeg = image_bytes(800, 600, ImageFormat::Jpeg);

    let res = put(&app, &s, id, "image/jpeg", jpeg.clone()).await;
    assert_eq!(res.status, 200, "{}", res.text());
    let with = res.json();
    assert_eq!(with["version"], ana["version"].as_i64().unwrap() + 1);
    let url = with["photo_url"].as_str().unwrap().to_string();
    let (path, v) = url.split_once("?v=").unwrap();
    assert_eq!(path, format!("/v1/contacts/{id}/photo"));
    assert_eq!(v.len(), 16);
    let read = app
        .get(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(read["photo_url"], url.as_str());

    // The photo as it was put; cached for good at its versioned URL.
    let res = app.get(path).auth(&s).send().await;
    assert_eq!(res.status, 200);
    assert_eq!(res.header("content-type").unwrap(), "image/jpeg");
    assert_eq!(res.body, jpeg);
    assert_eq!(res.header("cache-control").unwrap(), "private, no-cache");
    let etag = res.header("etag").unwrap();
    let res = app.get(&url).auth(&s).send().await;
    assert_eq!(
        res.header("cache-control").unwrap(),
        "private, max-age=31536000, immutable"
    );
    let again = app
        .get(path)
        .auth(&s)
        .header("If-None-Match", &etag)
        .send()
        .await;
    assert_eq!(again.status, 304);
    assert!(again.body.is_empty());

    // Thumbnails: square, of each size.
    for size in [64, 128, 256] {
        let res = app
            .get(&format!("{path}?size={size}"))
            .auth(&s)
            .send()
            .await;
        assert_eq!(res.status, 200, "{}", res.text());
        let thumb = image::load_from_memory(&res.body).expect("an image");
        assert_eq!((thumb.width(), thumb.height()), (size, size));
        assert_ne!(res.header("etag").unwrap(), etag, "each size its own tag");
    }
    let odd = app.get(&format!("{path}?size=100")).auth(&s).send().await;
    assert_eq!(odd.invalid_fields(), ["size"]);

    // Another photo replaces it; a PNG's thumbnails are PNG.
    let png = image_bytes(50, 90, ImageFormat::Png);
    let res = put(&app, &s, id, "image/png", png.clone()).await;
    assert_eq!(res.status, 200, "{}", res.text());
    assert_ne!(res.json()["photo_url"], url.as_str());
    let thumb = app.get(&format!("{path}?size=64")).auth(&s).send().await;
    assert_eq!(thumb.header("content-type").unwrap(), "image/png");
    let stale = app
        .get(path)
        .auth(&s)
        .header("If-None-Match", &etag)
        .send()
        .await;
    assert_eq!(stale.status, 200);
    assert_eq!(stale.body, png);

    // Removed: the contact has none, and the photo is gone.
    let res = app.delete(path).auth(&s).send().await;
    assert_eq!(res.status, 204);
    let read = app
        .get(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(read["photo_url"], serde_json::Value::Null);
    app.get(path)
        .auth(&s)
        .send()
        .await
        .problem(404, "not_found");
    let changes = app.get("/v1/changes?since=0").auth(&s).send().await.json();
    let urls: Vec<&serde_json::Value> = changes["changes"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| &c["data"]["photo_url"])
        .collect();
    assert!(urls.contains(&&json!(url)), "the feed shows the photo");
}

#[actix_web::test]
async fn bytes_that_are_no_photo_are_refused_and_change_nothing() {
    let app = TestApp::spawn().await;
    let s = app.user("no-photo@example.com").await;
    let ana = app.contact(&s, json!({"display_name": "Ana"})).await;
    let id = ana["id"].as_str().unwrap();
    let png = image_bytes(20, 20, ImageFormat::Png);

    let res = put(&app, &s, id, "image/gif", png.clone()).await;
    res.problem(415, "unsupported_media_type");
    let res = put(&app, &s, id, "image/jpeg", png.clone()).await;
    res.problem(422, "validation_failed");
    assert_eq!(res.invalid_fields(), ["body"]);
    let mut cut = image_bytes(300, 300, ImageFormat::Jpeg);
    cut.truncate(cut.len() / 3);
    let res = put(&app, &s, id, "image/jpeg", cut).await;
    assert_eq!(res.invalid_fields(), ["body"], "{}", res.text());
    let mut huge = image_bytes(8, 8, ImageFormat::Png);
    huge.resize(3 << 20, 0);
    let res = put(&app, &s, id, "image/png", huge).await;
    let p = res.problem(413, "payload_too_large");
    assert!(p["detail"].as_str().unwrap().contains("2 MiB"), "{p}");
    let now = app
        .get(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await
        .json();
    assert_eq!(now, ana, "unchanged");

    // Another user's contact is not found; a trashed one is refused.
    let eve = app.user("photo-eve@example.com").await;
    put(&app, &eve, id, "image/png", png.clone())
        .await
        .problem(404, "not_found");
    app.get(&format!("/v1/contacts/{id}/photo"))
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.delete(&format!("/v1/contacts/{id}/photo"))
        .auth(&eve)
        .send()
        .await
        .problem(404, "not_found");
    app.req(Method::PUT, &format!("/v1/contacts/{id}/photo"))
        .auth(&s)
        .header("If-Match", "\"99\"")
        .raw("image/png", png.clone())
        .send()
        .await
        .problem(412, "precondition_failed");
    app.delete(&format!("/v1/contacts/{id}"))
        .auth(&s)
        .send()
        .await;
    put(&app, &s, id, "image/png", png)
        .await
        .problem(409, "contact_trashed");
}

#[actix_web::test]
async fn a_card_s_photo_comes_in_with_it_and_goes_out_with_the_export() {
    use base64::Engine;
    let app = TestApp::spawn().await;
    let s = app.user("card-photo@example.com").await;
    let jpeg = image_bytes(120, 80, ImageFormat::Jpeg);
    let b64 = base64::engine::general_purpose::STANDARD.encode(&jpeg);
    let card = format!(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Dev Rao\r\nPHOTO;ENCODING=b;TYPE=JPEG:{b64}\r\nEND:VCARD\r\n\
         BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Bad Photo\r\nPHOTO;ENCODING=b;TYPE=JPEG:{}\r\nEND:VCARD\r\n",
        base64::engine::general_purpose::STANDARD.encode(&jpeg[..jpeg.len() / 2])
    );
    let res = app
        .post("/v1/imports")
        .auth(&s)
        .raw("text/vcard", card.into_bytes())
        .send()
        .await;
    assert_eq!(res.status, 201, "{}", res.text());
    let report = res.json();
    assert_eq!(
        (report["created"].as_i64(), report["failed"].as_i64()),
        (Some(1), Some(1))
    );
    assert!(
        report["items"][1]["error"]
            .as_str()
            .unwrap()
            .starts_with("PHOTO:"),
        "{report}"
    );
    assert!(report["items"][0]["changed_fields"]
        .as_array()
        .unwrap()
        .contains(&json!("photo")));
    let id = report["items"][0]["contact_id"].as_str().unwrap();
    let photo = app
        .get(&format!("/v1/contacts/{id}/photo"))
        .auth(&s)
        .send()
        .await;
    assert_eq!(photo.body, jpeg);

    let vcard = app
        .get(&format!("/v1/contacts/{id}/vcard"))
        .auth(&s)
        .send()
        .await
        .text();
    assert!(vcard.contains("PHOTO:data:image/jpeg;base64\\,"), "{vcard}");
}
