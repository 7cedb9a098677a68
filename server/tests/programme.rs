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
        let id = app::backend::testing::offering(&site.db, "sterk-og-stodig")
            .await
            .id;
        let ola = coordinator(&site.db).await;
        cancel::cancel_date(
            &site.db,
            &ola,
            id,
            tuesday,
            "Instruktøren er syk",
            Now::real(),
        )
        .await
        .unwrap();
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
