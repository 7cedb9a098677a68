//! What each role is refused, and that every staff form checks who
//! posts it.

use crate::support;
use crate::support::{get, post, sites};
use crate::{PEER, id_of, sign_in};
use http::{StatusCode, header};

#[tokio::test]
async fn a_coordinator_gets_403_on_another_organisations_course_and_export() {
    for site in sites().await {
        let course = id_of(&site, "leve-med-kols").await;
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let headers = [("cookie", ola.as_str())];
        let home = get(&site.app, "/ansatt", &headers).await;
        assert_eq!(home.status, StatusCode::OK, "{}", site.backend);
        assert_eq!(
            home.header(header::CACHE_CONTROL),
            "private, no-store",
            "{}",
            site.backend
        );
        assert!(home.body.contains("Ola Koordinator"), "{}", site.backend);
        assert!(
            !home.body.contains("Leve med KOLS"),
            "{}: another organisation's course listed",
            site.backend
        );
        for path in [
            format!("/ansatt/kurs/{course}"),
            format!("/ansatt/kurs/{course}/deltakere.csv"),
        ] {
            let refused = get(&site.app, &path, &headers).await;
            assert_eq!(
                refused.status,
                StatusCode::FORBIDDEN,
                "{} {path}",
                site.backend
            );
        }

        let lise = sign_in(&site, "lise@lms.example", true).await;
        let headers = [("cookie", lise.as_str())];
        let page = get(&site.app, &format!("/ansatt/kurs/{course}"), &headers).await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        assert!(page.body.contains("deltakere.csv"), "{}", site.backend);
        let csv = get(
            &site.app,
            &format!("/ansatt/kurs/{course}/deltakere.csv"),
            &headers,
        )
        .await;
        assert_eq!(csv.status, StatusCode::OK, "{}", site.backend);
        assert_eq!(
            csv.header(header::CONTENT_TYPE),
            "text/csv; charset=utf-8",
            "{}",
            site.backend
        );
        assert_eq!(
            csv.header(header::CACHE_CONTROL),
            "private, no-store",
            "{}",
            site.backend
        );
        assert!(csv.body.starts_with('\u{feff}'), "{}", site.backend);
        let editor = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let page = get(
            &site.app,
            &format!("/ansatt/kurs/{course}"),
            &[("cookie", editor.as_str())],
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        let missing = get(
            &site.app,
            "/ansatt/kurs/999999",
            &[("cookie", editor.as_str())],
        )
        .await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{}", site.backend);
    }
}

#[tokio::test]
async fn each_role_is_refused_what_is_above_it() {
    for site in sites().await {
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let editor = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let admin = sign_in(&site, "admin@fjordvik.kommune.example", false).await;
        for (cookie, path, want) in [
            (&ola, "/ansatt/utboks", StatusCode::FORBIDDEN),
            (&ola, "/ansatt/logg", StatusCode::FORBIDDEN),
            (&ola, "/ansatt/kontoer", StatusCode::FORBIDDEN),
            (&editor, "/ansatt/utboks", StatusCode::OK),
            (&editor, "/ansatt/logg", StatusCode::OK),
            (&editor, "/ansatt/kontoer", StatusCode::FORBIDDEN),
            (&admin, "/ansatt/kontoer", StatusCode::OK),
        ] {
            let reply = get(&site.app, path, &[("cookie", cookie.as_str())]).await;
            assert_eq!(reply.status, want, "{} {path}", site.backend);
        }
        let mut post = support::form_post(
            "/ansatt/kontoer",
            "email=x%40y.example&name=X&role=admin",
            PEER,
        );
        post.headers_mut().insert("cookie", editor.parse().unwrap());
        let refused = support::send(&site.app, post).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", site.backend);
    }
}

#[tokio::test]
async fn every_staff_form_has_its_door() {
    // Each staff form posts somewhere; a stranger's post to any of them is
    // sent to the sign-in page (not a 404 or 405 of a door never opened).
    for site in sites().await {
        for path in [
            "/ansatt/logg-inn",
            "/ansatt/logg-inn/kode",
            "/ansatt/logg-inn/lenke",
            "/ansatt/logg-inn/passord",
            "/ansatt/passord",
            "/ansatt/passord/fjern",
            "/ansatt/logg-ut",
            "/ansatt/logg-ut-overalt",
            "/ansatt/nytt-tilbud",
            "/ansatt/tilbud/1",
            "/ansatt/tilbud/1/status",
            "/ansatt/tilbud/1/bekreft",
            "/ansatt/tilbud/1/avlys",
            "/ansatt/kurs/1/pamelding/1/avmeld",
            "/ansatt/kurs/1/pamelding/1/plass",
            "/ansatt/kurs/1/telefon",
            "/ansatt/kurs/1/melding",
            "/ansatt/utboks/1/igjen",
            "/ansatt/kontoer",
            "/ansatt/kontoer/1",
            "/ansatt/organisasjoner",
            "/ansatt/organisasjoner/1",
            "/ansatt/steder/1",
        ] {
            let reply = post(&site.app, path, "", PEER).await;
            assert!(
                reply.status.is_success()
                    || reply.status.is_redirection()
                    || reply.status.is_client_error()
                        && reply.status != StatusCode::NOT_FOUND
                        && reply.status != StatusCode::METHOD_NOT_ALLOWED,
                "{} {path}: {}",
                site.backend,
                reply.status
            );
        }
    }
}
