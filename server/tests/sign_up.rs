//! Course sign-up over HTTP without JavaScript, on every test database:
//! what a resident sees, and what an attacker can learn or spoil.

mod support;

use http::{StatusCode, header};
use support::*;

const FORM: &str = "/tilbud/leve-med-kols/pamelding";

#[tokio::test]
async fn the_course_page_leads_to_the_form() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let course = get(app, "/tilbud/leve-med-kols", &[]).await;
        assert!(course.body.contains("12 plasser igjen"), "{b}");
        assert!(
            course
                .body
                .contains(r#"href="/tilbud/leve-med-kols/pamelding""#),
            "{b}"
        );
        let form = get(app, FORM, &[]).await;
        assert_eq!(form.status, StatusCode::OK, "{b}");
        assert!(form.body.contains(r#"name="participant_email""#), "{b}");
    }
}

#[tokio::test]
async fn a_form_with_mistakes_comes_back_with_everything_typed() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let bad = post(
            app,
            FORM,
            "participant_name=Kari+N%C3%B8rdmann&participant_email=x%3Ckari%40example.no%3E&needs_note=Rullestol",
            "10.0.0.1",
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(bad.body.contains(r#"value="Kari Nørdmann""#), "{b}");
        assert!(
            bad.body.contains(r#"value="x&lt;kari@example.no&gt;""#),
            "{b}: {}",
            bad.body.len()
        );
        assert!(bad.body.contains("Rullestol</textarea>"), "{b}");
        assert!(
            bad.body.contains("Skriv en gyldig e-postadresse"),
            "{b}: a display name is not an address"
        );
        assert!(bad.body.contains("Du må samtykke"), "{b}");
        assert_eq!(
            bad.header(header::CACHE_CONTROL),
            "no-store",
            "{b}: personal data"
        );
        assert!(
            queued_for(&site.db, "kari@example.no").await.is_empty(),
            "{b}"
        );
    }
}

#[tokio::test]
async fn every_sign_up_outcome_gets_the_same_reply() {
    // A full course without a waiting list: an address already signed up
    // and a new one must not be told apart, in either order.
    for known_first in [true, false] {
        for site in sites_with(&[("SIGN_UP_LIMIT_PER_IP_MINUTE", "100")]).await {
            let (b, app, db) = (site.backend, &site.app, &site.db);
            set_course(db, 1, false).await;
            let holder = "participant_name=Kari&participant_email=kari%40example.no&consent=1";
            let first = post(app, FORM, holder, "10.0.0.1").await;
            assert_eq!(first.status, StatusCode::SEE_OTHER, "{b}");
            let newcomer = "participant_name=Ola&participant_email=ola%40example.no&consent=1";
            let (again, new) = if known_first {
                let again = post(app, FORM, holder, "10.0.0.2").await;
                (again, post(app, FORM, newcomer, "10.0.0.3").await)
            } else {
                let new = post(app, FORM, newcomer, "10.0.0.3").await;
                (post(app, FORM, holder, "10.0.0.2").await, new)
            };
            for reply in [&first, &again, &new] {
                assert_eq!(reply.status, StatusCode::SEE_OTHER, "{b}");
                assert_eq!(
                    reply.header(header::LOCATION),
                    "/tilbud/leve-med-kols/pamelding/sendt",
                    "{b}"
                );
                assert_eq!(reply.body, first.body, "{b}");
            }
            // The emails say what happened.
            let sent = mail_all(db).await;
            let to = |who: &str| -> Vec<&String> {
                sent.iter()
                    .filter(|(r, _)| r == who)
                    .map(|(_, t)| t)
                    .collect()
            };
            assert!(
                to("kari@example.no")
                    .iter()
                    .any(|t| t.contains("en gang til")),
                "{b}: {sent:?}"
            );
            // Ola is asked to confirm; a place or word that the course is
            // full comes then.
            assert!(
                to("ola@example.no")
                    .iter()
                    .any(|t| t.contains("/pamelding/bekreft")),
                "{b}: {sent:?}"
            );
        }
    }
}

async fn set_course(db: &app::backend::db::Db, capacity: i32, waiting_list: bool) {
    use app::backend::entities::offering;
    use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
    let course = offering::Entity::find()
        .filter(offering::Column::Slug.eq("leve-med-kols"))
        .one(db.read())
        .await
        .unwrap()
        .unwrap();
    let mut active: offering::ActiveModel = course.into();
    active.capacity = Set(Some(capacity));
    active.waiting_list = Set(waiting_list);
    active.update(db.write()).await.unwrap();
}

#[tokio::test]
async fn a_bot_that_fills_the_hidden_field_is_answered_like_a_person() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let bot = post(
            app,
            FORM,
            "participant_name=Bot&participant_email=bot%40example.no&consent=1&website=spam",
            "10.0.0.2",
        )
        .await;
        assert_eq!(
            bot.status,
            StatusCode::SEE_OTHER,
            "{b}: the bot sees success"
        );
        assert!(
            queued_for(&site.db, "bot@example.no").await.is_empty(),
            "{b}: nothing stored"
        );
    }
}

#[tokio::test]
async fn a_post_from_another_site_is_refused_with_a_translated_page() {
    for site in sites().await {
        let mut cross = form_post(FORM, "participant_name=X", "10.0.0.3");
        cross
            .headers_mut()
            .insert("sec-fetch-site", "cross-site".parse().unwrap());
        let reply = send(&site.app, cross).await;
        assert_eq!(reply.status, StatusCode::FORBIDDEN, "{}", site.backend);
        assert!(
            reply
                .body
                .contains("Skjemaet ble sendt fra en annen nettside"),
            "{}",
            site.backend
        );
        assert!(
            reply.body.contains("<html lang=\"nb\""),
            "{}: a whole page",
            site.backend
        );
    }
}

#[tokio::test]
async fn sign_ups_are_limited_per_client_and_kept_when_refused() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        // Three tries a minute from one client; the fourth is turned back, kept.
        for _ in 0..3 {
            post(app, FORM, "participant_name=Flood", "10.0.0.1").await;
        }
        let flood = post(app, FORM, "participant_name=Flood", "10.0.0.1").await;
        assert_eq!(flood.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
        assert!(flood.body.contains(r#"value="Flood""#), "{b}");
        // IPv6: the same /64 is one client; another /64 is not.
        for n in 0..3 {
            post(
                app,
                FORM,
                "participant_name=V6",
                &format!("2001:db8:1:2::{n}"),
            )
            .await;
        }
        let same = post(app, FORM, "participant_name=V6", "2001:db8:1:2:ffff::9").await;
        assert_eq!(same.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
        let other = post(app, FORM, "participant_name=V6", "2001:db8:1:3::1").await;
        assert_eq!(other.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    }
}

#[tokio::test]
async fn behind_a_trusted_proxy_each_resident_has_a_budget_of_their_own() {
    for site in sites_with(&[("TRUSTED_PROXIES", "10.0.0.0/8")]).await {
        let (b, app) = (site.backend, &site.app);
        let from = |client: &str, forged: &str| {
            let mut r = form_post(FORM, "participant_name=Kari", "10.0.0.5");
            r.headers_mut().insert(
                "x-forwarded-for",
                format!("{forged}, {client}").parse().unwrap(),
            );
            r
        };
        // One bot behind the proxy uses up its own budget…
        for n in 0..4 {
            let reply = send(app, from("198.51.100.66", &format!("1.2.3.{n}"))).await;
            let expected = if n < 3 {
                StatusCode::UNPROCESSABLE_ENTITY
            } else {
                StatusCode::TOO_MANY_REQUESTS
            };
            assert_eq!(
                reply.status, expected,
                "{b}: forging the header changes nothing"
            );
        }
        // …and a resident behind the same proxy is not locked out.
        let resident = send(app, from("203.0.113.7", "")).await;
        assert_eq!(resident.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
    }
}

#[tokio::test]
async fn the_confirm_link_asks_before_it_confirms() {
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        let good = post(
            app,
            FORM,
            "participant_name=Kari&participant_email=kari%40example.no&consent=1",
            "10.0.0.1",
        )
        .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{b}");
        let mails = mail_to(db, "kari@example.no").await;
        assert_eq!(mails.len(), 1, "{b}");
        let token = link_token(&mails[0], "bekreft");
        let ask = get(app, &format!("/pamelding/bekreft?token={token}"), &[]).await;
        assert_eq!(ask.status, StatusCode::OK, "{b}");
        assert!(ask.body.contains("Bekreft påmeldingen</button>"), "{b}");
        let confirm = post(
            app,
            "/pamelding/bekreft",
            &format!("token={token}"),
            "10.0.0.1",
        )
        .await;
        assert_eq!(confirm.status, StatusCode::SEE_OTHER, "{b}");
        assert_eq!(
            confirm.header(header::LOCATION),
            format!("/pamelding/bekreft?token={token}"),
            "{b}"
        );
        let done = get(app, &format!("/pamelding/bekreft?token={token}"), &[]).await;
        assert!(done.body.contains("er bekreftet"), "{b}");
        assert!(
            get(app, "/tilbud/leve-med-kols", &[])
                .await
                .body
                .contains("11 plasser igjen"),
            "{b}"
        );
    }
}

#[tokio::test]
async fn a_link_that_does_not_work_says_so_and_cannot_be_hammered() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let bogus = get(app, "/pamelding/avmeld?token=bogus", &[]).await;
        assert_eq!(bogus.status, StatusCode::NOT_FOUND, "{b}");
        assert!(bogus.body.contains("Lenken virker ikke"), "{b}");
        // Five posts a minute from one client, then a translated 429.
        for _ in 0..5 {
            let reply = post(
                app,
                "/pamelding/avmeld",
                "token=bogus%0D%0ALocation:x",
                "10.0.0.8",
            )
            .await;
            assert_eq!(reply.status, StatusCode::SEE_OTHER, "{b}");
            assert_eq!(
                reply.header(header::LOCATION),
                "/pamelding/avmeld?token=",
                "{b}"
            );
        }
        let limited = post(app, "/pamelding/avmeld", "token=bogus", "10.0.0.8").await;
        assert_eq!(limited.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
        assert!(limited.body.contains("mange forsøk"), "{b}");
    }
}

#[tokio::test]
async fn the_privacy_page_says_how_long_everything_is_kept() {
    for site in sites().await {
        let privacy = get(&site.app, "/personvern", &[]).await;
        assert!(
            privacy.body.contains("30 dager etter siste kursdag"),
            "{}",
            site.backend
        );
        assert!(privacy.body.contains("60 minutter"), "{}", site.backend);
    }
}
