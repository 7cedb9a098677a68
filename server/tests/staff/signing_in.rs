//! Signing in and out over HTTP: strangers sent to the sign-in page,
//! one reply for every address, sessions ended, passwords.

use crate::support;
use crate::support::{get, post, sites};
use crate::{PEER, sign_in};
use http::{StatusCode, header};

#[tokio::test]
async fn staff_pages_send_strangers_to_the_sign_in_page() {
    for site in sites().await {
        for path in [
            "/ansatt",
            "/ansatt/kurs/1",
            "/ansatt/kurs/1/deltakere.csv",
            "/ansatt/passord",
        ] {
            let reply = get(&site.app, path, &[]).await;
            assert!(
                reply.status.is_redirection(),
                "{} {path}: {}",
                site.backend,
                reply.status
            );
            assert_eq!(
                reply.header(header::LOCATION),
                "/ansatt/logg-inn",
                "{} {path}",
                site.backend
            );
        }
        let page = get(&site.app, "/ansatt/logg-inn", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        assert_eq!(
            page.header(header::CACHE_CONTROL),
            "private, no-store",
            "{}",
            site.backend
        );
        assert!(page.body.contains("name=\"email\""), "{}", site.backend);
    }
}

#[tokio::test]
async fn known_and_unknown_addresses_get_the_same_reply() {
    for site in sites().await {
        let known = post(
            &site.app,
            "/ansatt/logg-inn",
            "email=redaktor%40fjordvik.kommune.example",
            PEER,
        )
        .await;
        let unknown = post(
            &site.app,
            "/ansatt/logg-inn",
            "email=nobody%40fjordvik.kommune.example",
            PEER,
        )
        .await;
        assert_eq!(known.status, unknown.status, "{}", site.backend);
        assert_eq!(
            known.body.replace("redaktor", "X"),
            unknown.body.replace("nobody", "X"),
            "{}",
            site.backend
        );
        let bad = post(&site.app, "/ansatt/logg-inn", "email=ikke+en+adresse", PEER).await;
        assert_eq!(
            bad.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            site.backend
        );
        assert!(
            bad.body.contains("value=\"ikke en adresse\""),
            "{}: keeps what was typed",
            site.backend
        );
        let wrong = post(
            &site.app,
            "/ansatt/logg-inn/kode",
            "email=redaktor%40fjordvik.kommune.example&code=12+34&shared_computer=1",
            PEER,
        )
        .await;
        assert_eq!(
            wrong.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            site.backend
        );
        assert!(wrong.body.contains("value=\"12 34\""), "{}", site.backend);
        assert!(
            wrong.header(header::SET_COOKIE).is_empty(),
            "{}",
            site.backend
        );
    }
}

#[tokio::test]
async fn signing_out_ends_the_session_and_everywhere_ends_them_all() {
    for site in sites().await {
        let first = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let second = sign_in(&site, "redaktor@fjordvik.kommune.example", true).await;
        assert_ne!(first, second, "{}", site.backend);
        let mut out = support::form_post("/ansatt/logg-ut", "", PEER);
        out.headers_mut().insert("cookie", first.parse().unwrap());
        let out = support::send(&site.app, out).await;
        assert!(out.status.is_redirection(), "{}", site.backend);
        assert!(
            out.header(header::SET_COOKIE).contains("Max-Age=0"),
            "{}",
            site.backend
        );
        let after = get(&site.app, "/ansatt", &[("cookie", first.as_str())]).await;
        assert!(after.status.is_redirection(), "{}", site.backend);
        let still = get(&site.app, "/ansatt", &[("cookie", second.as_str())]).await;
        assert_eq!(still.status, StatusCode::OK, "{}", site.backend);

        let third = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let mut all = support::form_post("/ansatt/logg-ut-overalt", "", PEER);
        all.headers_mut().insert("cookie", third.parse().unwrap());
        support::send(&site.app, all).await;
        for cookie in [&second, &third] {
            let after = get(&site.app, "/ansatt", &[("cookie", cookie.as_str())]).await;
            assert!(after.status.is_redirection(), "{}", site.backend);
        }
    }
}

#[tokio::test]
async fn a_password_added_on_its_page_signs_in_and_a_wrong_one_keeps_the_address() {
    for site in sites().await {
        let b = site.backend;
        let email = "lise@lms.example";
        let cookie = sign_in(&site, email, false).await;
        let page = get(&site.app, "/ansatt/passord", &[("cookie", cookie.as_str())]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert!(
            page.body.contains("Du logger inn med kode på e-post"),
            "{b}"
        );
        let mut set = support::form_post("/ansatt/passord", "password=kort&repeated=kort", PEER);
        set.headers_mut().insert("cookie", cookie.parse().unwrap());
        let short = support::send(&site.app, set).await;
        assert_eq!(short.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(short.body.contains("minst 12 tegn"), "{b}");
        let mut set = support::form_post(
            "/ansatt/passord",
            "password=tre+ord+og+litt+til&repeated=tre+ord+og+litt+til",
            PEER,
        );
        set.headers_mut().insert("cookie", cookie.parse().unwrap());
        let saved = support::send(&site.app, set).await;
        assert_eq!(saved.status, StatusCode::SEE_OTHER, "{b}: {}", saved.body);
        assert_eq!(
            saved.header(header::LOCATION),
            "/ansatt/passord?lagret=1",
            "{b}"
        );

        let wrong = post(
            &site.app,
            "/ansatt/logg-inn/passord",
            "email=lise%40lms.example&password=tre+ord+og+litt+tll",
            PEER,
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(
            wrong.body.contains("Feil e-postadresse eller passord"),
            "{b}"
        );
        assert!(
            wrong.body.contains(r#"value="lise@lms.example""#),
            "{b}: the address is kept"
        );
        assert!(
            !wrong.body.contains("litt+tll") && !wrong.body.contains("litt tll"),
            "{b}: never the password"
        );
        let unknown = post(
            &site.app,
            "/ansatt/logg-inn/passord",
            "email=ingen%40lms.example&password=tre+ord+og+litt+tll",
            PEER,
        )
        .await;
        assert_eq!(
            unknown
                .body
                .replace("ingen@lms.example", "lise@lms.example"),
            wrong.body,
            "{b}: the same reply for an unknown address"
        );
        let right = post(
            &site.app,
            "/ansatt/logg-inn/passord",
            "email=lise%40lms.example&password=tre+ord+og+litt+til",
            PEER,
        )
        .await;
        assert_eq!(right.status, StatusCode::SEE_OTHER, "{b}: {}", right.body);
        assert_eq!(right.header(header::LOCATION), "/ansatt", "{b}");
        assert!(
            right
                .header(header::SET_COOKIE)
                .starts_with("__Host-treffpunkt_staff="),
            "{b}"
        );
    }
}
