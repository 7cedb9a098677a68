//! The printed weekly programme, on every test database: a district's
//! week day by day with what a noticeboard needs, narrowed like the
//! listing, with a called-off meeting marked.

mod support;

use app::backend::catalogue::cancel;
use app::backend::clock::Now;
use app::backend::entities::account;
use app::backend::staff::{access, sessions};
use app::domain::programme::week_code;
use chrono::{Datelike, Days, NaiveDate, Weekday};
use http::StatusCode;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::*;

/// The first week from next week on whose Tuesday "Sterk og stødig" is
/// not skipped (the fixture skips one Tuesday before Christmas).
fn a_week_with_a_tuesday_meeting() -> NaiveDate {
    let today = app::backend::clock::oslo_now().date();
    let mut monday = today.week(Weekday::Mon).first_day() + Days::new(7);
    while monday + Days::new(1) == "2026-12-22".parse::<NaiveDate>().unwrap() {
        monday = monday + Days::new(7);
    }
    monday
}

/// "tirsdag 8. desember" as the page heads the day, in Bokmål.
fn heading(date: NaiveDate) -> String {
    let weekday = [
        "Mandag", "Tirsdag", "Onsdag", "Torsdag", "Fredag", "Lørdag", "Søndag",
    ][date.weekday().num_days_from_monday() as usize];
    let month = [
        "januar",
        "februar",
        "mars",
        "april",
        "mai",
        "juni",
        "juli",
        "august",
        "september",
        "oktober",
        "november",
        "desember",
    ][date.month0() as usize];
    format!("{weekday} {}. {month}", date.day())
}

/// The coordinator of Østbyen frivilligsentral, signed in.
async fn coordinator(db: &app::backend::db::Db) -> access::Staff {
    let ola = account::Entity::find()
        .filter(account::Column::Email.eq("ola@ostbyen.example"))
        .one(db.read())
        .await
        .unwrap()
        .unwrap();
    let cookie = sessions::start(db.write(), ola.id, false, Now::real())
        .await
        .unwrap();
    access::signed_in(db, Some(&cookie), Now::real())
        .await
        .unwrap()
}

/// "Sterk og stødig" called off on `date` by its coordinator, because
/// "Instruktøren er syk".
async fn call_off(db: &app::backend::db::Db, date: NaiveDate) {
    let id = app::backend::testing::offering(db, "sterk-og-stodig")
        .await
        .id;
    let ola = coordinator(db).await;
    cancel::cancel_date(db, &ola, id, date, "Instruktøren er syk", Now::real())
        .await
        .unwrap();
}

#[tokio::test]
async fn a_district_s_week_prints_day_by_day_with_what_a_noticeboard_needs() {
    let monday = a_week_with_a_tuesday_meeting();
    let tuesday = monday + Days::new(1);
    let week = week_code(monday);
    for site in sites_with(&[("MUNICIPALITY", "Fjordvik kommune")]).await {
        let (b, app) = (site.backend, &site.app);
        let path = format!("/bydel/ostbyen/ukeprogram?uke={week}");
        let page = get(app, &path, &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        let body = &page.body;
        assert!(body.contains("<h1>Ukeprogram for Østbyen</h1>"), "{b}");
        assert!(body.contains("Fjordvik kommune"), "{b}: whose programme");
        assert!(
            body.contains(&format!("Uke {}:", monday.iso_week().week())),
            "{b}"
        );
        assert!(body.contains("Skrevet ut "), "{b}: the day it was printed");
        // Tuesday: the weekly group, with its time, place, phone and price.
        let day = body
            .split(&format!("<h2>{}</h2>", heading(tuesday)))
            .nth(1)
            .unwrap_or_else(|| panic!("{b}: no {} in\n{body}", heading(tuesday)));
        let day = day.split("<h2>").next().unwrap();
        for fact in [
            "10.00–11.00",
            "Sterk og stødig",
            "Østbyen bydelshus, Tøyengata 14, 0578 Fjordvik",
            "Telefon: 912 34 567",
            "Gratis · Ingen påmelding",
        ] {
            assert!(day.contains(fact), "{b}: {fact} on Tuesday:\n{day}");
        }
        // Monday: the drop-in café; another district's choir is not here.
        let monday_part = body
            .split(&format!("<h2>{}</h2>", heading(monday)))
            .nth(1)
            .unwrap();
        assert!(monday_part.contains("Åpent treffsted"), "{b}");
        assert!(!body.contains("Seniorkor"), "{b}: another district");
        // A page to read and print: no island, so no wasm.
        assert!(!body.contains("<leptos-island"), "{b}");
        assert!(!body.contains("islands.js"), "{b}");

        // Narrowed like the listing.
        let places = get(
            app,
            &format!("/bydel/ostbyen/ukeprogram?kind=meeting_place&uke={week}"),
            &[],
        )
        .await;
        assert!(places.body.contains("Åpent treffsted"), "{b}");
        assert!(!places.body.contains("Sterk og stødig"), "{b}");

        // A meeting called off is printed as called off, with the reason.
        call_off(&site.db, tuesday).await;
        until_shown(app, &path, "Instruktøren er syk", b).await;
        let page = get(app, &path, &[]).await;
        let day = page
            .body
            .split(&format!("<h2>{}</h2>", heading(tuesday)))
            .nth(1)
            .unwrap();
        assert!(
            day.contains("is-cancelled") && day.contains("Avlyst"),
            "{b}: {day}"
        );

        // A week too far ahead, or one that makes no sense, is this week.
        for odd in ["2031-W01", "neste"] {
            let page = get(app, &format!("/bydel/ostbyen/ukeprogram?uke={odd}"), &[]).await;
            assert_eq!(page.status, StatusCode::OK, "{b}: {odd}");
            let this = app::backend::clock::oslo_now().date().iso_week().week();
            assert!(page.body.contains(&format!("Uke {this}:")), "{b}: {odd}");
        }
        let missing = get(app, "/bydel/finnes-ikke/ukeprogram", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{b}");

        // The district's page links it, with its filters.
        let district = get(app, "/bydel/ostbyen?free=1", &[]).await;
        assert!(
            district
                .body
                .contains(r#"href="/bydel/ostbyen/ukeprogram?free=1""#),
            "{b}"
        );
    }
}

/// The text of the PDF at `path`, as a reader extracts it, with its
/// spaces and line breaks as single spaces; and the reply.
async fn pdf_text(app: &axum::Router, path: &str, headers: &[(&str, &str)]) -> (String, Reply) {
    let reply = get(app, path, headers).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    assert!(reply.bytes.starts_with(b"%PDF-"), "{path}");
    let document = lopdf::Document::load_mem(&reply.bytes).expect("a PDF");
    let pages: Vec<u32> = document.get_pages().into_keys().collect();
    let text = document.extract_text(&pages).expect("its text");
    (text.split_whitespace().collect::<Vec<_>>().join(" "), reply)
}

#[tokio::test]
async fn the_week_comes_as_a_pdf_in_large_type_with_every_letter() {
    let monday = a_week_with_a_tuesday_meeting();
    let tuesday = monday + Days::new(1);
    let week = week_code(monday);
    // A municipality with the Sámi letters the typeface must carry.
    for site in sites_with(&[("MUNICIPALITY", "Kárášjoga gielda – Karasjok kommune")]).await {
        let (b, app) = (site.backend, &site.app);
        let path = format!("/bydel/ostbyen/ukeprogram.pdf?uke={week}");
        let (text, reply) = pdf_text(app, &path, &[]).await;
        assert_eq!(reply.header("content-type"), "application/pdf", "{b}");
        assert!(
            reply
                .header("content-disposition")
                .contains(&format!("filename=\"ukeprogram-ostbyen-{week}.pdf\"")),
            "{b}"
        );
        // Kept and validated like the page; sent as it is, since its
        // streams are compressed already.
        let etag = reply.header("etag").to_owned();
        assert!(etag.starts_with('"'), "{b}: validated");
        let packed = get(app, &path, &[("accept-encoding", "br, gzip")]).await;
        assert_eq!(packed.header("content-encoding"), "", "{b}");
        assert_eq!(packed.bytes, reply.bytes, "{b}: the same file");
        let again = get(app, &path, &[("if-none-match", &etag)]).await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{b}");
        for words in [
            "Kárášjoga gielda – Karasjok kommune",
            "Ukeprogram for Østbyen",
            &format!("Uke {}:", monday.iso_week().week()),
            "Skrevet ut ",
            "Side 1 av ",
        ] {
            assert!(text.contains(words), "{b}: {words} in\n{text}");
        }
        // Tuesday's heading, then the weekly group with what a
        // noticeboard needs, in that order.
        let day = text
            .split(&heading(tuesday))
            .nth(1)
            .unwrap_or_else(|| panic!("{b}: no {} in\n{text}", heading(tuesday)));
        let mut at = 0;
        for fact in [
            "10.00–11.00",
            "Sterk og stødig",
            "Østbyen bydelshus, Tøyengata 14, 0578 Fjordvik",
            "Telefon: 912 34 567",
            "Gratis · Ingen påmelding",
        ] {
            let found = day[at..]
                .find(fact)
                .unwrap_or_else(|| panic!("{b}: {fact} after {at} on Tuesday:\n{day}"));
            at += found + fact.len();
        }
        assert!(!text.contains("Seniorkor"), "{b}: another district");

        // Filtered like the page.
        let (places, _) = pdf_text(
            app,
            &format!("/bydel/ostbyen/ukeprogram.pdf?kind=meeting_place&uke={week}"),
            &[],
        )
        .await;
        assert!(places.contains("Åpent treffsted"), "{b}");
        assert!(!places.contains("Sterk og stødig"), "{b}");

        // In the reader's language.
        let (english, _) = pdf_text(app, &path, &[("accept-language", "en")]).await;
        assert!(english.contains("Page 1 of "), "{b}: {english}");
        let (nynorsk, _) = pdf_text(app, &path, &[("accept-language", "nn")]).await;
        assert!(
            nynorsk.contains("Vekeprogram for Austbyen"),
            "{b}: {nynorsk}"
        );

        // A meeting called off says so, with the reason.
        call_off(&site.db, tuesday).await;
        let deadline = std::time::Instant::now() + std::time::Duration::from_secs(5);
        loop {
            let (text, _) = pdf_text(app, &path, &[]).await;
            if text.contains("Avlyst: Instruktøren er syk") {
                break;
            }
            assert!(
                std::time::Instant::now() < deadline,
                "{b}: not called off in\n{text}"
            );
            tokio::time::sleep(std::time::Duration::from_millis(100)).await;
        }

        // The page links it, for the same week and filters.
        let page = get(
            app,
            &format!("/bydel/ostbyen/ukeprogram?free=1&uke={week}"),
            &[],
        )
        .await;
        assert!(
            page.body.contains(&format!(
                r#"href="/bydel/ostbyen/ukeprogram.pdf?free=1&amp;uke={week}""#
            )),
            "{b}: {}",
            page.body
        );
        let missing = get(app, "/bydel/finnes-ikke/ukeprogram.pdf", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{b}");
    }
}
