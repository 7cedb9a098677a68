//! The whole router in-process on every test database, and requests as a
//! browser without JavaScript would send them.

#![allow(dead_code, reason = "each test binary uses a different part")]

use std::net::SocketAddr;
use std::sync::Arc;

use axum::Router;
use axum::body::Body;
use http::{HeaderMap, Request, StatusCode, header};
use http_body_util::BodyExt;
use leptos::config::LeptosOptions;
use tower::ServiceExt;

use app::backend::db::Db;
use app::backend::settings::{Env, Settings};
use app::backend::{import, testing};
use server::limits::RateLimits;
use server::{Shared, router};

pub const MINI: &str = include_str!("../../../app/tests/fixtures/mini.toml");
/// Names and titles written to break out of the page: the stored half of
/// the script-injection tests.
pub const HOSTILE: &str = include_str!("../fixtures/hostile.toml");

/// A site on one database, with the settings it was built with.
pub struct Site {
    pub backend: &'static str,
    pub app: Router,
    pub db: Db,
}

/// The settings a test site runs with, from `env` over the defaults.
pub fn settings(env: &[(&str, &str)]) -> Settings {
    let mut pairs: Vec<(String, String)> = vec![
        ("PUBLIC_URL".into(), "https://treffpunkt.example".into()),
        ("SIGN_UP_LIMIT_PER_IP_MINUTE".into(), "3".into()),
        ("LINK_LIMIT_PER_IP_MINUTE".into(), "5".into()),
    ];
    pairs.extend(env.iter().map(|(k, v)| (k.to_string(), v.to_string())));
    Settings::read(&Env::new(move |name| {
        pairs
            .iter()
            .rev()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.clone())
    }))
    .expect("test settings are valid")
}

/// The site on every test database, each loaded with the mini fixture and
/// the hostile one.
pub async fn sites() -> Vec<Site> {
    sites_with(&[]).await
}

pub async fn sites_with(env: &[(&str, &str)]) -> Vec<Site> {
    // Errors are logged, never shown: let a failing test print them.
    let _ = tracing_subscriber::fmt().with_test_writer().try_init();
    let mut sites = Vec::new();
    for (backend, db) in testing::databases().await {
        import::import(&db, MINI).await.expect("fixture imports");
        import::import(&db, HOSTILE)
            .await
            .expect("hostile fixture imports");
        sites.push(Site {
            backend,
            app: app(db.clone(), settings(env)),
            db,
        });
    }
    sites
}

pub fn app(db: Db, settings: Settings) -> Router {
    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root("target/site")
        .build();
    router(Shared {
        leptos_options,
        directory: app::backend::directory::Directory::new(db.clone()),
        assets: server::assets::Assets::default(),
        pages: server::delivery::PageCache::new(settings.http.page_cache_bytes),
        db,
        limits: Arc::new(RateLimits::new(&settings.limits)),
        settings: Arc::new(settings),
        wake: Arc::new(tokio::sync::Notify::new()),
    })
}

pub struct Reply {
    pub status: StatusCode,
    pub headers: HeaderMap,
    pub body: String,
    /// The body as sent, for what is not text.
    pub bytes: Vec<u8>,
}

impl Reply {
    pub fn header(&self, name: impl header::AsHeaderName) -> &str {
        self.headers
            .get(name)
            .map(|v| v.to_str().unwrap())
            .unwrap_or_default()
    }
}

pub async fn send(app: &Router, request: Request<Body>) -> Reply {
    let response = app.clone().oneshot(request).await.unwrap();
    let status = response.status();
    let headers = response.headers().clone();
    let bytes = response.into_body().collect().await.unwrap().to_bytes();
    Reply {
        status,
        headers,
        body: String::from_utf8_lossy(&bytes).into_owned(),
        bytes: bytes.to_vec(),
    }
}

/// A GET from `peer`, with headers.
pub async fn get(app: &Router, path: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(path);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    let mut request = request.body(Body::empty()).unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(SocketAddr::from((
            [10, 9, 9, 9],
            40000,
        ))));
    send(app, request).await
}

/// Asks for `path` until its page shows `text`, for at most five seconds:
/// a change another server, or a render in the background, brings a
/// moment later. `backend` names the database in the failure.
pub async fn until_shown(app: &Router, path: &str, text: &str, backend: &str) {
    let asked = std::time::Instant::now();
    loop {
        let body = get(app, path, &[]).await.body;
        if body.contains(text) {
            return;
        }
        assert!(
            asked.elapsed() < std::time::Duration::from_secs(5),
            "{backend}: {path} does not show {text:?}: {body}"
        );
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
}

/// A same-site form post from `peer`.
pub fn form_post(path: &str, body: &str, peer: &str) -> Request<Body> {
    let mut request = Request::post(path)
        .header(header::CONTENT_TYPE, "application/x-www-form-urlencoded")
        .header("sec-fetch-site", "same-origin")
        .body(Body::from(body.to_string()))
        .unwrap();
    let peer: std::net::IpAddr = peer.parse().unwrap();
    request
        .extensions_mut()
        .insert(axum::extract::ConnectInfo(SocketAddr::new(peer, 40000)));
    request
}

pub async fn post(app: &Router, path: &str, body: &str, peer: &str) -> Reply {
    send(app, form_post(path, body, peer)).await
}

/// The outbox rows queued for `to`, oldest first.
pub async fn queued_for(db: &Db, to: &str) -> Vec<app::backend::entities::outbox::Model> {
    use app::backend::entities::outbox;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder};
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(to))
        .order_by_asc(outbox::Column::Id)
        .all(db.read())
        .await
        .unwrap()
}

/// Sends what is due through a memory mailer and returns every email sent,
/// as (recipient, text).
pub async fn mail_all(db: &Db) -> Vec<(String, String)> {
    let (mailer, sent) = app::backend::mail::Mailer::memory();
    let outgoing = app::backend::mail::worker::Outgoing {
        public_url: "https://treffpunkt.example".into(),
        ..Default::default()
    };
    app::backend::mail::send_due(db, &mailer, &outgoing, app::backend::clock::Now::real)
        .await
        .unwrap();
    sent.lock()
        .unwrap()
        .iter()
        .map(|d| (d.email.to.clone(), d.email.text.clone()))
        .collect()
}

/// Sends what is due and returns the texts of the emails to `to`; the
/// others sent on the way are dropped.
pub async fn mail_to(db: &Db, to: &str) -> Vec<String> {
    mail_all(db)
        .await
        .into_iter()
        .filter(|(recipient, _)| recipient == to)
        .map(|(_, text)| text)
        .collect()
}

/// The token of the first `path` link in a text.
pub fn link_token(text: &str, path: &str) -> String {
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

/// Asserts that nothing a stranger or a coordinator typed became markup
/// in `body`: no tag of theirs, no event handler, no address that runs.
pub fn assert_inert(body: &str, what: &str) {
    let lower = body.to_lowercase();
    for live in ["<script>alert", "<img src=x", "<svg onload", "<b>kontakt"] {
        if let Some(at) = lower.find(live) {
            let from = at.saturating_sub(300);
            panic!(
                "{what}: live {live:?} in the page: {}",
                &body[body.floor_char_boundary(from)..body.ceil_char_boundary(at + 60)]
            );
        }
    }
    assert_eq!(lower.matches("<title").count(), 1, "{what}: one title");
    // The site's own markup has no inline handlers (the CSP forbids them),
    // and no address that runs.
    let tag = regex::Regex::new(
        r#"<[a-z][a-z0-9-]*((?:\s+[^\s"'<>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)*)\s*/?>"#,
    )
    .unwrap();
    let attribute =
        regex::Regex::new(r#"\s+([^\s"'<>/=]+)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s"'=<>`]+))?"#)
            .unwrap();
    for found in tag.captures_iter(&lower) {
        for a in attribute.captures_iter(&found[1]) {
            let name = &a[1];
            let value = a
                .get(2)
                .map_or("", |v| v.as_str().trim_matches(['"', '\'']).trim());
            assert!(
                !name.starts_with("on"),
                "{what}: an event handler in {}",
                &found[0]
            );
            if ["href", "src", "action", "formaction"].contains(&name) {
                assert!(
                    !["javascript:", "data:", "vbscript:"]
                        .iter()
                        .any(|s| value.starts_with(s)),
                    "{what}: a running address in {}",
                    &found[0]
                );
            }
        }
    }
}
