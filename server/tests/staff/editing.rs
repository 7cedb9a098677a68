//! The staff forms: what was typed is kept and shown as text, drafts,
//! messages, organisations and venues, and the public pages following.

use crate::support;
use crate::support::{get, post, sites};
use crate::{PEER, id_of, sign_in};
use http::{StatusCode, header};
use regex::Regex;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn the_offering_form_keeps_what_was_typed_and_saves_a_draft() {
    let first_option = Regex::new(r#"name="it"[^>]*>(?:<!>)*<option value="(\d+)""#).unwrap();
    for site in sites().await {
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let cookie = [("cookie", ola.as_str())];
        let page = get(
            &site.app,
            "/ansatt/nytt-tilbud?kind=activity_group",
            &cookie,
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{}", site.backend);
        assert!(page.body.contains("name=\"weekly\""), "{}", site.backend);
        let first_choice = |name: &str| {
            first_option
                .captures(
                    &page
                        .body
                        .replace(&format!("name=\"{name}\""), "name=\"it\""),
                )
                .map(|c| c[1].to_string())
        };
        let organisation = first_choice("organisation").unwrap_or_else(|| panic!("{}", page.body));
        let district = first_choice("district").unwrap();
        let typed = format!(
            "kind=activity_group&organisation={organisation}&district={district}&venue=\
             &title_nb=Turgruppe+%C3%98stbyen&audience=seniors&audience=everyone\
             &contact_name=Ola&contact_email=ola%40ostbyen.example&weekly=hver+tirsdag"
        );
        let mut post = support::form_post("/ansatt/nytt-tilbud?kind=activity_group", &typed, PEER);
        post.headers_mut().insert("cookie", ola.parse().unwrap());
        let back = support::send(&site.app, post).await;
        assert_eq!(
            back.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{}",
            site.backend
        );
        assert!(
            back.body.contains("value=\"Turgruppe Østbyen\""),
            "{}: keeps the title",
            site.backend
        );
        assert!(
            back.body.contains("hver tirsdag"),
            "{}: keeps the line",
            site.backend
        );
        assert!(
            back.body.contains("href=\"#field-weekly\""),
            "{}: the summary links the field",
            site.backend
        );
        let fixed = typed.replace("hver+tirsdag", "tirsdag+10.00-11.30");
        let mut post = support::form_post("/ansatt/nytt-tilbud?kind=activity_group", &fixed, PEER);
        post.headers_mut().insert("cookie", ola.parse().unwrap());
        let saved = support::send(&site.app, post).await;
        assert_eq!(
            saved.status,
            StatusCode::SEE_OTHER,
            "{}: {}",
            site.backend,
            saved.body
        );
        let edit = saved.header(header::LOCATION).to_string();
        assert!(
            edit.starts_with("/ansatt/tilbud/") && edit.ends_with("?lagret=1"),
            "{edit}"
        );
        let form = get(&site.app, &edit, &cookie).await;
        assert!(
            form.body.contains("tirsdag 10.00–11.30"),
            "{}",
            site.backend
        );
        assert!(
            form.body.contains("role=\"status\""),
            "{}: says it was saved",
            site.backend
        );
        // Another coordinator cannot open it.
        let lise = sign_in(&site, "lise@lms.example", false).await;
        let refused = get(
            &site.app,
            edit.split('?').next().unwrap(),
            &[("cookie", lise.as_str())],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{}", site.backend);
    }
}

#[tokio::test]
async fn every_staff_page_shows_what_was_typed_as_text() {
    // The hostile fixture's names, texts, venue and contact are as an
    // attacker with a coordinator's account would type them; its accounts'
    // names too. Every staff page that shows them must show them as text.
    for site in sites().await {
        let b = site.backend;
        let course = id_of(&site, "provekurs").await;
        let place = id_of(&site, "kaffe-og-skript").await;
        let group = id_of(&site, "provegruppe-phone").await;
        // A resident whose name is an attack, in the course's list.
        let signed_up = post(
            &site.app,
            "/tilbud/provekurs/pamelding",
            "participant_name=%3Cimg+src%3Dx+onerror%3Dalert(%27participant%27)%3E&participant_email=angriper%40example.com&consent=1&website=",
            PEER,
        )
        .await;
        assert_eq!(
            signed_up.status,
            StatusCode::SEE_OTHER,
            "{b}: {}",
            signed_up.body
        );
        let editor = sign_in(&site, "redaktor-phone@provelag.example", false).await;
        let admin = sign_in(&site, "admin@fjordvik.kommune.example", false).await;
        let coordinator = sign_in(&site, "koordinator-phone@provelag.example", false).await;
        let pages = [
            (&coordinator, "/ansatt".to_string()),
            (&editor, "/ansatt?q=kaffe".to_string()),
            (&editor, "/ansatt?status=submitted".to_string()),
            (&editor, format!("/ansatt/tilbud/{place}")),
            (&editor, format!("/ansatt/tilbud/{place}/kopi")),
            (&coordinator, format!("/ansatt/tilbud/{group}/avlys")),
            (&coordinator, format!("/ansatt/kurs/{course}")),
            (&editor, "/ansatt/utboks".to_string()),
            (&editor, "/ansatt/logg".to_string()),
            (&admin, "/ansatt/kontoer".to_string()),
            (&admin, "/ansatt/organisasjoner".to_string()),
            (&editor, "/ansatt/steder".to_string()),
        ];
        for (cookie, path) in pages {
            let reply = get(&site.app, &path, &[("cookie", cookie.as_str())]).await;
            assert_eq!(reply.status, StatusCode::OK, "{b} {path}: {}", reply.body);
            support::assert_inert(&reply.body, &format!("{b} {path}"));
        }
        // The form gives the description back exactly as typed, to edit.
        let form = get(
            &site.app,
            &format!("/ansatt/tilbud/{place}"),
            &[("cookie", editor.as_str())],
        )
        .await;
        assert!(
            form.body
                .contains("[Klikk her](javascript:alert(&#x27;markdown-link&#x27;))")
                || form
                    .body
                    .contains("[Klikk her](javascript:alert('markdown-link'))"),
            "{b}: the typed Markdown, escaped once"
        );
    }
}

#[tokio::test]
async fn a_draft_is_previewed_by_its_organisers_only() {
    use app::backend::entities::offering;
    use app::domain::offering::OfferingStatus;
    use sea_orm::{ActiveModelTrait, IntoActiveModel, Set};
    for site in sites().await {
        let b = site.backend;
        let id = id_of(&site, "sterk-og-stodig").await;
        let mut row = offering::Entity::find_by_id(id)
            .one(site.db.read())
            .await
            .unwrap()
            .unwrap()
            .into_active_model();
        row.status = Set(OfferingStatus::Draft);
        row.update(site.db.write()).await.unwrap();
        let path = format!("/ansatt/tilbud/{id}/forhandsvis");
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let page = get(&site.app, &path, &[("cookie", ola.as_str())]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}: {}", page.body);
        assert!(page.body.contains("Forhåndsvisning"), "{b}");
        assert!(page.body.contains("Status nå: Utkast"), "{b}");
        assert!(page.body.contains("<h1>Sterk og stødig</h1>"), "{b}");
        assert_eq!(
            page.header(header::CACHE_CONTROL),
            "private, no-store",
            "{b}"
        );
        // Not public, nor another organisation's to see.
        let public = get(&site.app, "/tilbud/sterk-og-stodig", &[]).await;
        assert_eq!(public.status, StatusCode::NOT_FOUND, "{b}");
        let lise = sign_in(&site, "lise@lms.example", false).await;
        let refused = get(&site.app, &path, &[("cookie", lise.as_str())]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{b}");
        let stranger = get(&site.app, &path, &[]).await;
        assert!(stranger.status.is_redirection(), "{b}");
    }
}

#[tokio::test]
async fn a_message_to_a_course_s_people_is_checked_and_says_whom_it_reached() {
    for site in sites().await {
        let b = site.backend;
        let id = id_of(&site, "leve-med-kols").await;
        let lise = sign_in(&site, "lise@lms.example", false).await;
        let path = format!("/ansatt/kurs/{id}/melding");
        let mut empty = support::form_post(&path, "message=+%0D%0A+&waiting_list=1", PEER);
        empty.headers_mut().insert("cookie", lise.parse().unwrap());
        let back = support::send(&site.app, empty).await;
        assert_eq!(back.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(
            back.body.contains("Skriv meldingen før du sender den."),
            "{b}"
        );
        assert!(
            back.body
                .contains(r#"name="waiting_list" value="1" checked"#),
            "{b}: the box kept"
        );
        let mut sent = support::form_post(&path, "message=Rom+2+i+dag.", PEER);
        sent.headers_mut().insert("cookie", lise.parse().unwrap());
        let done = support::send(&site.app, sent).await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{b}: {}", done.body);
        let next = done.header(header::LOCATION).to_string();
        assert!(
            next.starts_with(&format!("/ansatt/kurs/{id}?sendt=")),
            "{b}: {next}"
        );
        let page = get(&site.app, &next, &[("cookie", lise.as_str())]).await;
        assert!(page.body.contains("Meldingen går til"), "{b}");
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let mut foreign = support::form_post(&path, "message=Hei", PEER);
        foreign.headers_mut().insert("cookie", ola.parse().unwrap());
        assert_eq!(
            support::send(&site.app, foreign).await.status,
            StatusCode::FORBIDDEN,
            "{b}"
        );
    }
}

#[tokio::test]
async fn an_administrator_adds_and_renames_an_organisation_and_the_pages_follow() {
    for site in sites().await {
        let b = site.backend;
        let admin = sign_in(&site, "admin@fjordvik.kommune.example", false).await;
        let editor = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let page = get(
            &site.app,
            "/ansatt/organisasjoner",
            &[("cookie", admin.as_str())],
        )
        .await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        let refused = get(
            &site.app,
            "/ansatt/organisasjoner",
            &[("cookie", editor.as_str())],
        )
        .await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{b}");
        let post_as = |cookie: &str, path: &str, body: &str| {
            let mut request = support::form_post(path, body, PEER);
            request
                .headers_mut()
                .insert("cookie", cookie.parse().unwrap());
            request
        };
        // A website that is not a web address comes back with what was typed.
        let bad = support::send(
            &site.app,
            post_as(
                &admin,
                "/ansatt/organisasjoner",
                "name=Seniordans+%C3%98st&kind=association&email=&phone=&website=javascript%3Aalert(1)",
            ),
        )
        .await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(bad.body.contains("https://"), "{b}");
        assert!(
            bad.body.contains(r#"value="Seniordans Øst""#),
            "{b}: the name kept"
        );
        let added = support::send(
            &site.app,
            post_as(
                &admin,
                "/ansatt/organisasjoner",
                "name=Seniordans+%C3%98st&kind=association&email=post%40seniordans.example&phone=&website=https%3A%2F%2Fseniordans.example&org_number=974+760+673&publishes_directly=1",
            ),
        )
        .await;
        assert_eq!(added.status, StatusCode::SEE_OTHER, "{b}: {}", added.body);
        let row = app::backend::entities::organisation::Entity::find()
            .filter(app::backend::entities::organisation::Column::Slug.eq("seniordans-ost"))
            .one(site.db.read())
            .await
            .unwrap()
            .expect("the new organisation");
        assert!(row.publishes_directly, "{b}");
        assert_eq!(row.org_number.as_deref(), Some("974760673"), "{b}");
        // A number whose check digit is wrong comes back, kept as typed.
        let wrong = support::send(
            &site.app,
            post_as(
                &admin,
                &format!("/ansatt/organisasjoner/{}", row.id),
                "name=Seniordans+%C3%98st&kind=association&org_number=974+760+674",
            ),
        )
        .await;
        assert_eq!(wrong.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(wrong.body.contains("ni siffer"), "{b}");
        assert!(wrong.body.contains(r#"value="974 760 674""#), "{b}");
        // An editor may not; a rename shows on the public page of what it runs.
        let foreign = support::send(
            &site.app,
            post_as(&editor, "/ansatt/organisasjoner", "name=X&kind=association"),
        )
        .await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN, "{b}");
        let lms = app::backend::entities::organisation::Entity::find()
            .filter(app::backend::entities::organisation::Column::Slug.eq("lms"))
            .one(site.db.read())
            .await
            .unwrap()
            .unwrap();
        let renamed = support::send(
            &site.app,
            post_as(
                &admin,
                &format!("/ansatt/organisasjoner/{}", lms.id),
                "name=L%C3%A6rings-+og+mestringssenteret+Fjordvik&kind=municipal_unit&email=lms%40fjordvik.example&phone=&website=",
            ),
        )
        .await;
        assert_eq!(
            renamed.status,
            StatusCode::SEE_OTHER,
            "{b}: {}",
            renamed.body
        );
        let public = get(
            &site.app,
            "/tilbud/leve-med-kols",
            &[("cookie", admin.as_str())],
        )
        .await;
        assert!(
            public
                .body
                .contains("Lærings- og mestringssenteret Fjordvik"),
            "{b}: the offering page names the organisation as it is now"
        );
    }
}

#[tokio::test]
async fn an_editor_corrects_a_venue_and_every_offering_there_shows_it() {
    use app::backend::entities::venue;
    for site in sites().await {
        let b = site.backend;
        let id = venue::Entity::find()
            .filter(venue::Column::Slug.eq("bydelshuset"))
            .one(site.db.read())
            .await
            .unwrap()
            .unwrap()
            .id;
        let editor = sign_in(&site, "redaktor@fjordvik.kommune.example", false).await;
        let ola = sign_in(&site, "ola@ostbyen.example", false).await;
        let page = get(&site.app, "/ansatt/steder", &[("cookie", editor.as_str())]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert!(page.body.contains("Østbyen bydelshus"), "{b}");
        let refused = get(&site.app, "/ansatt/steder", &[("cookie", ola.as_str())]).await;
        assert_eq!(refused.status, StatusCode::FORBIDDEN, "{b}");
        let path = format!("/ansatt/steder/{id}");
        let post_as = |cookie: &str, body: &str| {
            let mut request = support::form_post(&path, body, PEER);
            request
                .headers_mut()
                .insert("cookie", cookie.parse().unwrap());
            request
        };
        // The hearing loop broke; a date in the future is refused, with
        // what was typed kept.
        let fields = "name=%C3%98stbyen+bydelshus&address=T%C3%B8yengata+14&postcode=0578&city=Fjordvik&step_free=1&accessible_toilet=1";
        let future = support::send(
            &site.app,
            post_as(&editor, &format!("{fields}&checked_on=1.1.2099")),
        )
        .await;
        assert_eq!(future.status, StatusCode::UNPROCESSABLE_ENTITY, "{b}");
        assert!(
            future.body.contains(r#"value="1.1.2099""#),
            "{b}: the date kept"
        );
        let done = support::send(
            &site.app,
            post_as(&editor, &format!("{fields}&checked_on=")),
        )
        .await;
        assert_eq!(done.status, StatusCode::SEE_OTHER, "{b}: {}", done.body);
        let row = venue::Entity::find_by_id(id)
            .one(site.db.read())
            .await
            .unwrap()
            .unwrap();
        assert!(!row.hearing_loop && row.step_free, "{b}");
        let public = get(
            &site.app,
            "/tilbud/sterk-og-stodig",
            &[("cookie", editor.as_str())],
        )
        .await;
        assert!(
            public.body.contains("Teleslynge: nei") && public.body.contains("Trinnfri inngang: ja"),
            "{b}: the page follows the venue"
        );
        let foreign =
            support::send(&site.app, post_as(&ola, &format!("{fields}&checked_on="))).await;
        assert_eq!(foreign.status, StatusCode::FORBIDDEN, "{b}");
    }
}
