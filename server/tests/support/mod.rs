//! HTTP checks: the whole router in-process, with requests as a browser
//! without JavaScript would send them. Shared by `http_sqlite` and
//! `http_postgres`.

use axum::Router;
use axum::body::Body;
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use sea_orm::DatabaseConnection;
use tower::ServiceExt;

use app::backend::{import, testing};
use server::{AppState, router};

const MINI: &str = include_str!("../../../app/tests/fixtures/mini.toml");

/// Runs every check against the site on `backend` ("sqlite" or
/// "postgres"), one test binary per backend so a failure names its database.
pub async fn run(backend: &str) {
    let full = apps(backend).await;
    let apps: Vec<(&str, Router)> = full.iter().map(|(b, r, _)| (*b, r.clone())).collect();
    if apps.is_empty() {
        eprintln!("!! SKIPPED: HTTP tests on {backend}: TEST_DATABASE_URL is not set");
        return;
    }
    pages_render_in_the_negotiated_language(&apps).await;
    district_page_filters_by_query_string(&apps).await;
    search_and_offering_page(&apps).await;
    unknown_pages_are_translated_404s(&apps).await;
    calendar_download(&apps).await;
    language_form_remembers_the_choice_and_returns(&apps).await;
    health_check_pings_the_database(&apps).await;
    sign_up_without_javascript(&full).await;
}

async fn apps(only: &str) -> Vec<(&'static str, Router, DatabaseConnection)> {
    // Errors are logged, never shown: let a failing test print them.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let mut apps = Vec::new();
    for (backend, db) in testing::databases()
        .await
        .into_iter()
        .filter(|(b, _)| *b == only)
    {
        import::import(&db, MINI).await.expect("fixture imports");
        apps.push((backend, app(db.clone()), db));
    }
    apps
}

fn app(db: DatabaseConnection) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root("target/site")
        .build();
    router(AppState {
        leptos_options,
        db,
        public_url: "https://treffpunkt.example".into(),
        sign_up: app::backend::sign_up::Settings {
            public_url: "https://treffpunkt.example".into(),
            ..Default::default()
        },
        public: app::api::sign_up::PublicSettings {
            anonymise_after_days: 30,
        },
        limits: std::sync::Arc::new(server::sign_up::RateLimits::new(
            std::num::NonZeroU32::new(3).unwrap(),
            std::num::NonZeroU32::new(5).unwrap(),
        )),
        wake: std::sync::Arc::new(tokio::sync::Notify::new()),
    })
}

struct Reply {
    status: StatusCode,
    headers: HeaderMap,
    body: String,
}

async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get(app: &Router, path: &str, headers: &[(header::HeaderName, &str)]) -> Reply {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(name, *value);
    }
    send(app, request.body(Body::empty()).unwrap()).await
}

async fn pages_render_in_the_negotiated_language(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let nb = get(app, "/", &[]).await;
        assert_eq!(nb.status, StatusCode::OK, "{backend}");
        assert!(nb.body.contains(r#"<html lang="nb""#), "{backend}");
        assert!(nb.body.contains("Østbyen"), "{backend}: districts listed");
        assert!(nb.body.contains("Velg bydel"), "{backend}");

        let en = get(app, "/", &[(header::ACCEPT_LANGUAGE, "en-GB,en;q=0.9")]).await;
        assert!(en.body.contains(r#"<html lang="en""#), "{backend}");
        assert!(
            !en.body.contains("Velg bydel"),
            "{backend}: no Bokmål UI in English"
        );

        let nn = get(
            app,
            "/",
            &[(header::COOKIE, "lang=nn"), (header::ACCEPT_LANGUAGE, "en")],
        )
        .await;
        assert!(
            nn.body.contains(r#"<html lang="nn""#),
            "{backend}: the cookie beats the header"
        );
        assert!(
            nn.body.contains("Austbyen"),
            "{backend}: district names per language"
        );

        let url = get(app, "/?lang=en", &[(header::COOKIE, "lang=nn")]).await;
        assert!(
            url.body.contains(r#"<html lang="en""#),
            "{backend}: the URL beats the cookie"
        );
    }
}

async fn district_page_filters_by_query_string(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let all = get(app, "/bydel/ostbyen", &[]).await;
        assert_eq!(all.status, StatusCode::OK, "{backend}");
        assert!(
            all.body
                .contains("<title>Tilbud i Østbyen – Treffpunkt</title>"),
            "{backend}"
        );
        assert!(all.body.contains("Sterk og stødig"), "{backend}");
        assert!(all.body.contains("Åpent treffsted"), "{backend}");

        let groups = get(app, "/bydel/ostbyen?kind=activity_group&free=1", &[]).await;
        assert!(groups.body.contains("Sterk og stødig"), "{backend}");
        assert!(!groups.body.contains("Åpent treffsted"), "{backend}");
        assert!(
            groups
                .body
                .contains(r#"<option value="activity_group" selected"#),
            "{backend}: the form shows the active filter"
        );
    }
}

async fn search_and_offering_page(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let found = get(app, "/tilbud?q=ST%C3%98DIG", &[]).await;
        assert!(found.body.contains("/tilbud/sterk-og-stodig"), "{backend}");
        assert!(!found.body.contains("/tilbud/seniorkor"), "{backend}");

        let page = get(app, "/tilbud/sterk-og-stodig", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{backend}");
        assert!(page.body.contains("<h1>Sterk og stødig</h1>"), "{backend}");
        assert!(
            page.body.contains("Hver tirsdag kl. 10.00–11.00"),
            "{backend}"
        );
        assert!(
            page.body
                .contains(r#"<meta name="description" content="Styrke og balanse for seniorer.""#),
            "{backend}"
        );
        assert!(
            page.body.contains("/tilbud/sterk-og-stodig/kalender.ics"),
            "{backend}"
        );

        let fallback = get(app, "/tilbud/seniorkor?lang=nn", &[]).await;
        assert!(
            fallback.body.contains(r#"<h1 lang="nb">Seniorkor</h1>"#),
            "{backend}: marked as Bokmål"
        );
        assert!(
            fallback.body.contains("finst ikkje på nynorsk"),
            "{backend}: and says so"
        );
    }
}

async fn unknown_pages_are_translated_404s(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        for path in ["/finnes-ikke", "/bydel/atlantis", "/tilbud/finnes-ikke"] {
            let reply = get(app, path, &[]).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{backend}: {path}");
            assert!(reply.body.contains("Fant ikke siden"), "{backend}: {path}");
        }
        let en = get(app, "/bydel/atlantis", &[(header::COOKIE, "lang=en")]).await;
        assert_eq!(en.status, StatusCode::NOT_FOUND, "{backend}");
        assert!(!en.body.contains("Fant ikke siden"), "{backend}");
    }
}

async fn calendar_download(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let ics = get(app, "/tilbud/sterk-og-stodig/kalender.ics", &[]).await;
        assert_eq!(ics.status, StatusCode::OK, "{backend}");
        assert_eq!(
            ics.headers[header::CONTENT_TYPE],
            "text/calendar; charset=utf-8",
            "{backend}"
        );
        let disposition = ics.headers[header::CONTENT_DISPOSITION].to_str().unwrap();
        assert!(disposition.contains("sterk-og-stodig.ics"), "{backend}");
        assert!(ics.body.contains("RRULE:FREQ=WEEKLY;BYDAY=TU"), "{backend}");
        assert!(
            ics.body
                .contains("URL:https://treffpunkt.example/tilbud/sterk-og-stodig"),
            "{backend}"
        );

        let missing = get(app, "/tilbud/finnes-ikke/kalender.ics", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{backend}");
    }
}

fn language_form(body: &'static str) -> Request<Body> {
    Request::post("/sprak")
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .body(Body::from(body))
        .unwrap()
}

async fn language_form_remembers_the_choice_and_returns(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let reply = send(
            app,
            language_form("back=%2Fbydel%2Fostbyen%3Ffree%3D1&lang=en"),
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{backend}");
        assert_eq!(
            reply.headers[header::LOCATION],
            "/bydel/ostbyen?free=1",
            "{backend}"
        );
        let cookie = reply.headers[header::SET_COOKIE].to_str().unwrap();
        assert!(
            cookie.starts_with("lang=en;") && cookie.contains("Max-Age=31536000"),
            "{backend}: {cookie}"
        );

        let offsite = send(app, language_form("back=%2F%2Fevil.example&lang=nn")).await;
        assert_eq!(offsite.headers[header::LOCATION], "/", "{backend}");
    }
}

async fn health_check_pings_the_database(apps: &[(&str, Router)]) {
    for (backend, app) in apps {
        let reply = get(app, "/healthz", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{backend}");
    }
}

fn form_post(path: &str, body: &str, ip: [u8; 4]) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body.to_string()))
        .unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
            ip, 40000,
        ))));
    request
}

async fn outbox_text(db: &DatabaseConnection, to: &str) -> Vec<String> {
    use app::backend::entities::outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(to))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
        .into_iter()
        .map(|r| r.body_text)
        .collect()
}

fn link_token(text: &str, path: &str) -> String {
    let start = text
        .find(&format!("/pamelding/{path}?token="))
        .expect("a link")
        + path.len()
        + 18;
    text[start..]
        .chars()
        .take_while(|c| c.is_ascii_alphanumeric() || *c == '-' || *c == '_')
        .collect()
}

async fn sign_up_without_javascript(apps: &[(&str, Router, DatabaseConnection)]) {
    for (backend, app, db) in apps {
        let course = get(app, "/tilbud/leve-med-kols", &[]).await;
        assert!(course.body.contains("12 plasser igjen"), "{backend}");
        assert!(
            course
                .body
                .contains(r#"href="/tilbud/leve-med-kols/pamelding""#),
            "{backend}"
        );
        let form = get(app, "/tilbud/leve-med-kols/pamelding", &[]).await;
        assert_eq!(form.status, StatusCode::OK, "{backend}");
        assert!(
            form.body.contains(r#"name="participant_email""#),
            "{backend}"
        );

        // Turned back: 422, everything typed is still there, each message on its field.
        let bad = send(app, form_post("/tilbud/leve-med-kols/pamelding", "participant_name=Kari+N%C3%B8rdmann&participant_email=kari%40example&needs_note=Rullestol", [10, 0, 0, 1])).await;
        assert_eq!(bad.status, StatusCode::UNPROCESSABLE_ENTITY, "{backend}");
        assert!(bad.body.contains(r#"value="Kari Nørdmann""#), "{backend}");
        assert!(bad.body.contains(r#"value="kari@example""#), "{backend}");
        assert!(bad.body.contains("Rullestol</textarea>"), "{backend}");
        assert!(
            bad.body.contains("Skriv en gyldig e-postadresse"),
            "{backend}"
        );
        assert!(bad.body.contains("Du må samtykke"), "{backend}");

        let good = send(
            app,
            form_post(
                "/tilbud/leve-med-kols/pamelding",
                "participant_name=Kari&participant_email=kari%40example.no&consent=1",
                [10, 0, 0, 1],
            ),
        )
        .await;
        assert_eq!(good.status, StatusCode::SEE_OTHER, "{backend}");
        assert_eq!(
            good.headers[header::LOCATION],
            "/tilbud/leve-med-kols/pamelding/sendt",
            "{backend}"
        );
        let mails = outbox_text(db, "kari@example.no").await;
        assert_eq!(mails.len(), 1, "{backend}");

        let bot = send(
            app,
            form_post(
                "/tilbud/leve-med-kols/pamelding",
                "participant_name=Bot&participant_email=bot%40example.no&consent=1&website=spam",
                [10, 0, 0, 2],
            ),
        )
        .await;
        assert_eq!(
            bot.status,
            StatusCode::SEE_OTHER,
            "{backend}: the bot sees success"
        );
        assert!(
            outbox_text(db, "bot@example.no").await.is_empty(),
            "{backend}: and nothing is stored"
        );

        let mut cross = form_post(
            "/tilbud/leve-med-kols/pamelding",
            "participant_name=X",
            [10, 0, 0, 3],
        );
        cross
            .headers_mut()
            .insert("sec-fetch-site", "cross-site".parse().unwrap());
        assert_eq!(
            send(app, cross).await.status,
            StatusCode::FORBIDDEN,
            "{backend}"
        );

        // Three tries a minute from one address; the fourth is turned back, kept.
        for _ in 0..2 {
            send(
                app,
                form_post(
                    "/tilbud/leve-med-kols/pamelding",
                    "participant_name=Flood",
                    [10, 0, 0, 1],
                ),
            )
            .await;
        }
        let flood = send(
            app,
            form_post(
                "/tilbud/leve-med-kols/pamelding",
                "participant_name=Flood",
                [10, 0, 0, 1],
            ),
        )
        .await;
        assert_eq!(flood.status, StatusCode::TOO_MANY_REQUESTS, "{backend}");
        assert!(flood.body.contains(r#"value="Flood""#), "{backend}");

        // The confirmation link: a GET only asks, the POST confirms.
        let token = link_token(&mails[0], "bekreft");
        let ask = get(app, &format!("/pamelding/bekreft?token={token}"), &[]).await;
        assert_eq!(ask.status, StatusCode::OK, "{backend}");
        assert!(
            ask.body.contains("Bekreft påmeldingen</button>"),
            "{backend}"
        );
        let confirm = send(
            app,
            form_post(
                "/pamelding/bekreft",
                &format!("token={token}"),
                [10, 0, 0, 1],
            ),
        )
        .await;
        assert_eq!(confirm.status, StatusCode::SEE_OTHER, "{backend}");
        let done = get(app, &format!("/pamelding/bekreft?token={token}"), &[]).await;
        assert!(done.body.contains("er bekreftet"), "{backend}");
        assert!(
            get(app, "/tilbud/leve-med-kols", &[])
                .await
                .body
                .contains("11 plasser igjen"),
            "{backend}"
        );

        let bogus = get(app, "/pamelding/avmeld?token=bogus", &[]).await;
        assert_eq!(bogus.status, StatusCode::NOT_FOUND, "{backend}");
        assert!(bogus.body.contains("Lenken virker ikke"), "{backend}");

        let privacy = get(app, "/personvern", &[]).await;
        assert!(
            privacy.body.contains("30 dager etter siste kursdag"),
            "{backend}"
        );
    }
}
