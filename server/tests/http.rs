//! The site over HTTP, in-process, on every test database: one test per
//! behaviour, each run as a browser without JavaScript would ask.

mod support;

use std::time::Duration;

use app::backend::db::Db;
use app::backend::directory::read_model::{self, Why};
use app::backend::entities::{offering, offering_text};
use app::domain::lang::Lang;
use http::{StatusCode, header};
use leptos::server_fn::ServerFn;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use support::*;

#[tokio::test]
async fn pages_render_in_the_negotiated_language() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let nb = get(app, "/", &[]).await;
        assert_eq!(nb.status, StatusCode::OK, "{b}");
        assert!(nb.body.contains(r#"<html lang="nb""#), "{b}");
        assert!(nb.body.contains("Østbyen"), "{b}: districts listed");
        assert!(nb.body.contains("Velg bydel"), "{b}");

        let en = get(app, "/", &[("accept-language", "en-GB,en;q=0.9")]).await;
        assert!(en.body.contains(r#"<html lang="en""#), "{b}");
        assert!(
            !en.body.contains("Velg bydel"),
            "{b}: no Bokmål UI in English"
        );

        let nn = get(
            app,
            "/",
            &[("cookie", "lang=nn"), ("accept-language", "en")],
        )
        .await;
        assert!(
            nn.body.contains(r#"<html lang="nn""#),
            "{b}: the cookie beats the header"
        );
        assert!(
            nn.body.contains("Austbyen"),
            "{b}: district names per language"
        );

        let url = get(app, "/?lang=en", &[("cookie", "lang=nn")]).await;
        assert!(
            url.body.contains(r#"<html lang="en""#),
            "{b}: the URL beats the cookie"
        );
    }
}

#[tokio::test]
async fn the_district_page_filters_by_its_query_string() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let all = get(app, "/bydel/ostbyen", &[]).await;
        assert_eq!(all.status, StatusCode::OK, "{b}");
        assert!(
            all.body
                .contains("<title>Tilbud i Østbyen – Treffpunkt</title>"),
            "{b}"
        );
        assert!(all.body.contains("Sterk og stødig"), "{b}");
        assert!(all.body.contains("Åpent treffsted"), "{b}");

        let groups = get(app, "/bydel/ostbyen?kind=activity_group&free=1", &[]).await;
        assert!(groups.body.contains("Sterk og stødig"), "{b}");
        assert!(!groups.body.contains("Åpent treffsted"), "{b}");
        assert!(
            groups
                .body
                .contains(r#"<option value="activity_group" selected"#),
            "{b}: the form shows the active filter"
        );
    }
}

/// The PostgreSQL connections serving this test's database, by process id.
async fn connections(db: &Db) -> Vec<i32> {
    use sea_orm::{ConnectionTrait, DbBackend, Statement};
    let rows = db
        .read()
        .query_all_raw(Statement::from_string(
            DbBackend::Postgres,
            "SELECT pid FROM pg_stat_activity \
             WHERE datname = current_database() AND backend_type = 'client backend'",
        ))
        .await
        .unwrap();
    rows.iter()
        .map(|r| r.try_get::<i32>("", "pid").unwrap())
        .collect()
}

/// A page's load runs to its end once, however often Leptos walks the
/// page before it renders it. Suspense walked each page twice before
/// rendering it, starting its load each time and dropping it in the middle
/// of taking a connection from the pool; the pool lost that connection and
/// opened another, and on PostgreSQL that is a forked process for nearly
/// every page. PostgreSQL shows its connections, so the check runs there;
/// SQLite lost its connections the same way, through the same code.
#[tokio::test]
async fn rendering_pages_keeps_the_database_connections() {
    for site in sites_with(&[("PAGE_CACHE_MB", "0")]).await {
        let (b, app) = (site.backend, &site.app);
        let ok = StatusCode::OK;
        let pages = [
            ("/", ok),
            ("/bydel/ostbyen", ok),
            ("/bydel/ostbyen?kind=activity_group&free=1", ok),
            ("/tilbud?q=trim", ok),
            ("/tilbud/sterk-og-stodig", ok),
            ("/tilbud/leve-med-kols/pamelding", ok),
            // Pages whose load fails: an unknown district, a link token
            // that was never issued.
            ("/bydel/finnes-ikke", StatusCode::NOT_FOUND),
            (
                "/pamelding/bekreft?token=aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
                StatusCode::NOT_FOUND,
            ),
        ];
        let ask_all = |round: usize| async move {
            for (path, status) in pages {
                let reply = get(app, path, &[]).await;
                assert_eq!(reply.status, status, "{b}: {path}, round {round}");
            }
        };
        // The pool's connections, once each page has been asked for.
        ask_all(0).await;
        if b != "postgres" {
            continue;
        }
        let before = connections(&site.db).await;
        for round in 1..=5 {
            ask_all(round).await;
        }
        let after = connections(&site.db).await;
        let closed: Vec<&i32> = before.iter().filter(|pid| !after.contains(pid)).collect();
        assert!(
            closed.is_empty(),
            "{b}: 40 pages closed the connections {closed:?} (before {before:?}, after {after:?})"
        );
    }
}

#[tokio::test]
async fn search_finds_offerings_and_the_offering_page_shows_one() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let found = get(app, "/tilbud?q=ST%C3%98DIG", &[]).await;
        assert!(found.body.contains("/tilbud/sterk-og-stodig"), "{b}");
        assert!(!found.body.contains("/tilbud/seniorkor"), "{b}");

        let page = get(app, "/tilbud/sterk-og-stodig", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert!(page.body.contains("<h1>Sterk og stødig</h1>"), "{b}");
        assert!(page.body.contains("Hver tirsdag kl. 10.00–11.00"), "{b}");
        assert!(
            page.body
                .contains(r#"<meta name="description" content="Styrke og balanse for seniorer.""#),
            "{b}"
        );
        assert!(
            page.body.contains("/tilbud/sterk-og-stodig/kalender.ics"),
            "{b}"
        );

        let fallback = get(app, "/tilbud/seniorkor?lang=nn", &[]).await;
        assert!(
            fallback.body.contains(r#"<h1 lang="nb">Seniorkor</h1>"#),
            "{b}: marked as Bokmål"
        );
        assert!(
            fallback.body.contains("finst ikkje på nynorsk"),
            "{b}: and says so"
        );
    }
}

#[tokio::test]
async fn unknown_pages_are_translated_404s() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        for path in [
            "/finnes-ikke",
            "/bydel/atlantis",
            "/tilbud/finnes-ikke",
            "/tilbud/%C3%98",
        ] {
            let reply = get(app, path, &[]).await;
            assert_eq!(reply.status, StatusCode::NOT_FOUND, "{b}: {path}");
            assert!(reply.body.contains("Fant ikke siden"), "{b}: {path}");
        }
        let en = get(app, "/bydel/atlantis", &[("cookie", "lang=en")]).await;
        assert_eq!(en.status, StatusCode::NOT_FOUND, "{b}");
        assert!(!en.body.contains("Fant ikke siden"), "{b}");
    }
}

#[tokio::test]
async fn the_calendar_file_links_to_the_page_absolutely() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let ics = get(app, "/tilbud/sterk-og-stodig/kalender.ics", &[]).await;
        assert_eq!(ics.status, StatusCode::OK, "{b}");
        assert_eq!(
            ics.header(header::CONTENT_TYPE),
            "text/calendar; charset=utf-8",
            "{b}"
        );
        assert!(
            ics.header(header::CONTENT_DISPOSITION)
                .contains("sterk-og-stodig.ics"),
            "{b}"
        );
        assert!(ics.body.contains("RRULE:FREQ=WEEKLY;BYDAY=TU"), "{b}");
        assert!(
            ics.body
                .contains("URL:https://treffpunkt.example/tilbud/sterk-og-stodig"),
            "{b}"
        );
        let missing = get(app, "/tilbud/finnes-ikke/kalender.ics", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{b}");
    }
}

#[tokio::test]
async fn the_language_form_remembers_the_choice_and_returns_only_within_the_site() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let reply = post(
            app,
            "/sprak",
            "back=%2Fbydel%2Fostbyen%3Ffree%3D1&lang=en",
            "10.0.0.1",
        )
        .await;
        assert_eq!(reply.status, StatusCode::SEE_OTHER, "{b}");
        assert_eq!(
            reply.header(header::LOCATION),
            "/bydel/ostbyen?free=1",
            "{b}"
        );
        let cookie = reply.header(header::SET_COOKIE);
        assert!(
            cookie.starts_with("lang=en;") && cookie.contains("Max-Age=31536000"),
            "{b}: {cookie}"
        );
        assert!(
            cookie.ends_with("; Secure"),
            "{b}: the site is https: {cookie}"
        );
        for elsewhere in [
            "%2F%2Fevil.example",
            "%2F%5Cevil.example",
            "%2F%09%2Fevil.example",
            "https%3A%2F%2Fevil.example",
        ] {
            let offsite = post(
                app,
                "/sprak",
                &format!("back={elsewhere}&lang=nn"),
                "10.0.0.1",
            )
            .await;
            assert_eq!(offsite.header(header::LOCATION), "/", "{b}: {elsewhere}");
        }
    }
    // Over plain HTTP the cookie cannot be Secure, or it would not come back.
    let site = sites_with(&[("PUBLIC_URL", "http://127.0.0.1:3000")])
        .await
        .remove(0);
    let reply = post(&site.app, "/sprak", "back=%2F&lang=nn", "10.0.0.1").await;
    assert!(!reply.header(header::SET_COOKIE).contains("Secure"));
}

#[tokio::test]
async fn larger_text_is_chosen_without_script_and_holds_on_every_page() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let plain = get(app, "/bydel/ostbyen?free=1", &[]).await;
        let html_tag = &plain.body[plain.body.find("<html").unwrap()..][..60];
        assert!(
            plain.body.contains(r#"<html lang="nb">"#),
            "{b}: {html_tag}"
        );
        assert!(
            plain.body.contains(r#"name="size" value="large""#),
            "{b}: the header offers it"
        );

        let on = post(
            app,
            "/tekststorrelse",
            "back=%2Fbydel%2Fostbyen%3Ffree%3D1&size=large",
            "10.0.0.1",
        )
        .await;
        assert_eq!(on.status, StatusCode::SEE_OTHER, "{b}");
        assert_eq!(on.header(header::LOCATION), "/bydel/ostbyen?free=1", "{b}");
        let cookie = on.header(header::SET_COOKIE);
        assert!(cookie.starts_with("text=large;"), "{b}: {cookie}");
        assert!(
            cookie.contains("Max-Age=31536000") && cookie.contains("HttpOnly"),
            "{b}"
        );

        for path in [
            "/",
            "/bydel/ostbyen?free=1",
            "/tilbud/sterk-og-stodig",
            "/tilbud?q=kor",
        ] {
            let large = get(app, path, &[("cookie", "lang=nn; text=large")]).await;
            assert!(
                large
                    .body
                    .contains(r#"<html lang="nn" class="large-text">"#),
                "{b}: {path}"
            );
            assert!(
                large.body.contains(r#"name="size" value="normal""#),
                "{b}: {path} offers to turn it off"
            );
        }
        // The page cache keeps the two apart.
        let again = get(app, "/bydel/ostbyen?free=1", &[]).await;
        assert!(!again.body.contains("large-text"), "{b}");

        let off = post(app, "/tekststorrelse", "back=%2F&size=normal", "10.0.0.1").await;
        let cookie = off.header(header::SET_COOKIE);
        assert!(
            cookie.starts_with("text=;") && cookie.contains("Max-Age=0"),
            "{b}: {cookie}"
        );
        let elsewhere = post(
            app,
            "/tekststorrelse",
            "back=https%3A%2F%2Fevil.example%2F&size=large",
            "10.0.0.1",
        )
        .await;
        assert_eq!(elsewhere.header(header::LOCATION), "/", "{b}");
    }
}

#[tokio::test]
async fn search_engines_see_each_page_once_per_language_and_no_staff_pages() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let page = get(app, "/bydel/ostbyen?free=1&lang=nn", &[]).await;
        let at = |path: &str| format!("https://treffpunkt.example{path}");
        for link in [
            format!(
                r#"<link rel="canonical" href="{}">"#,
                at("/bydel/ostbyen?free=1&amp;lang=nn")
            ),
            format!(
                r#"<link rel="alternate" hreflang="nb" href="{}">"#,
                at("/bydel/ostbyen?free=1&amp;lang=nb")
            ),
            format!(
                r#"<link rel="alternate" hreflang="en" href="{}">"#,
                at("/bydel/ostbyen?free=1&amp;lang=en")
            ),
            format!(
                r#"<link rel="alternate" hreflang="x-default" href="{}">"#,
                at("/bydel/ostbyen?free=1")
            ),
        ] {
            assert!(page.body.contains(&link), "{b}: {link}");
        }
        let staff = get(app, "/ansatt/logg-inn", &[]).await;
        assert!(!staff.body.contains(r#"rel="canonical""#), "{b}");

        let robots = get(app, "/robots.txt", &[]).await;
        assert_eq!(robots.status, StatusCode::OK, "{b}");
        assert!(
            robots
                .header(header::CONTENT_TYPE)
                .starts_with("text/plain"),
            "{b}"
        );
        for line in [
            "User-agent: *",
            "Disallow: /ansatt/",
            "Disallow: /*/pamelding",
            "Disallow: /*q=",
        ] {
            assert!(robots.body.lines().any(|l| l == line), "{b}: {line}");
        }
    }
}

#[tokio::test]
async fn the_health_check_pings_the_database() {
    for site in sites().await {
        assert_eq!(
            get(&site.app, "/healthz", &[]).await.status,
            StatusCode::OK,
            "{}",
            site.backend
        );
    }
}

#[tokio::test]
async fn every_response_carries_the_security_headers() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        for path in [
            "/",
            "/tilbud/leve-med-kols",
            "/finnes-ikke",
            "/pkg/treffpunkt.css",
            "/healthz",
        ] {
            let reply = get(app, path, &[]).await;
            let csp = reply.header(header::CONTENT_SECURITY_POLICY);
            assert!(
                csp.contains("script-src 'self' 'wasm-unsafe-eval';"),
                "{b}: {path}: {csp}"
            );
            assert!(!csp.contains("unsafe-inline"), "{b}: {path}: {csp}");
            assert!(csp.contains("frame-ancestors 'none'"), "{b}: {path}");
            assert!(
                csp.contains("upgrade-insecure-requests"),
                "{b}: {path}: https site"
            );
            assert_eq!(
                reply.header(header::X_CONTENT_TYPE_OPTIONS),
                "nosniff",
                "{b}: {path}"
            );
            assert_eq!(
                reply.header(header::STRICT_TRANSPORT_SECURITY),
                "max-age=31536000",
                "{b}: {path}"
            );
            assert_eq!(
                reply.header(header::REFERRER_POLICY),
                "strict-origin-when-cross-origin",
                "{b}: {path}"
            );
        }
        // A page without islands loads no script; the sign-up form loads
        // the islands' loader, and no page has inline script.
        let front = get(app, "/", &[]).await;
        assert!(!front.body.contains("<script"), "{b}: {}", front.body);
        assert!(!front.body.contains("modulepreload"), "{b}");
        let page = get(app, "/tilbud/leve-med-kols/pamelding", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        for script in page
            .body
            .match_indices("<script")
            .map(|(i, _)| &page.body[i..])
        {
            let tag = &script[..script.find('>').unwrap() + 1];
            assert!(
                tag.contains(" src="),
                "{b}: an inline script the policy would block: {}",
                &script[..script.len().min(300)]
            );
        }
        assert!(
            page.body
                .contains(r#"<script type="module" src="/pkg/islands.js"></script>"#),
            "{b}"
        );
        let link = get(app, "/pamelding/avmeld?token=abc", &[]).await;
        assert_eq!(
            link.header(header::REFERRER_POLICY),
            "no-referrer",
            "{b}: a token in the address"
        );
        assert_eq!(link.header(header::CACHE_CONTROL), "no-store", "{b}");
    }
    let plain = sites_with(&[("PUBLIC_URL", "http://127.0.0.1:3000")])
        .await
        .remove(0);
    let reply = get(&plain.app, "/", &[]).await;
    assert_eq!(
        reply.header(header::STRICT_TRANSPORT_SECURITY),
        "",
        "no HSTS over HTTP"
    );
    assert!(
        !reply
            .header(header::CONTENT_SECURITY_POLICY)
            .contains("upgrade-insecure")
    );
}

/// Search words and stored names that try to end the title and run
/// script; each must come back as text.
const XSS: [&str; 6] = [
    "</title><script>alert(1)</script>",
    "\"><img src=x onerror=alert(2)>",
    "<svg onload=alert(3)>",
    "'--><script>alert(4)</script>",
    "</TITLE ><ScRiPt>alert(5)</ScRiPt>",
    "<!--<script>alert(6)</script>-->",
];

fn title_of(body: &str) -> &str {
    let start = body.find("<title>").expect("a title") + "<title>".len();
    let end = body[start..].find("</title>").expect("an end to the title") + start;
    &body[start..end]
}

/// No markup an attacker typed survives as markup anywhere in the page.
#[tokio::test]
async fn titles_and_pages_show_script_as_text_from_search_and_from_data() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        for attack in XSS {
            let q: String = url_encode(attack);
            let reply = get(app, &format!("/tilbud?q={q}"), &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{b}: {attack}");
            assert_inert(&reply.body, attack);
            let title = title_of(&reply.body);
            assert!(!title.contains('<') && !title.contains('>'), "{b}: {title}");
        }
        let once = get(app, "/tilbud?q=Kaffe+%26+kake", &[]).await;
        assert_eq!(
            title_of(&once.body),
            "Søk: «Kaffe &amp; kake» – Treffpunkt",
            "{b}: escaped once, not twice"
        );

        for path in [
            "/",
            "/bydel/provebydel",
            "/tilbud",
            "/tilbud/kaffe-og-skript",
            "/tilbud/kaffe-og-skript?lang=nn",
            "/tilbud?q=kaffe",
        ] {
            let reply = get(app, path, &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{b}: {path}");
            assert_inert(&reply.body, path);
        }
        let page = get(app, "/tilbud/kaffe-og-skript", &[]).await;
        assert_eq!(
            title_of(&page.body),
            "Kaffe &lt;/title&gt;&lt;script&gt;alert('title')&lt;/script&gt;&lt;!-- – Treffpunkt",
            "{b}"
        );
        assert!(
            page.body
                .contains("&amp;lt;script&amp;gt; står her som tekst"),
            "{b}: text that looks escaped stays as typed"
        );
        // The description's Markdown subset works beside the attacks.
        assert!(page.body.contains("<strong>Velkommen</strong>"), "{b}");
        assert!(
            page.body.contains(r#"<a href="https://kart.example/provehuset" rel="nofollow noopener noreferrer">Kart over huset</a>"#),
            "{b}: a web link stays a link"
        );
        assert!(
            page.body.contains(
                "<p>Klikk her, eller her, javascript:alert('autolink'), data og hjem.</p>"
            ),
            "{b}: other links are their words"
        );
        assert!(
            page.body
                .contains("&lt;script&gt;alert('markdown-html')&lt;/script&gt;"),
            "{b}: typed HTML shows as typed"
        );
        let district = get(app, "/bydel/provebydel?lang=nn", &[]).await;
        assert!(title_of(&district.body).contains("&lt;/title&gt;"), "{b}");
    }
}

fn url_encode(text: &str) -> String {
    serde_urlencoded::to_string([("q", text)]).unwrap()["q=".len()..].to_string()
}

#[tokio::test]
async fn server_functions_hold_their_input_to_the_form_s_bounds() {
    use app::api::directory::ListingPage;
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        // Two thousand words: unbounded, one LIKE each, too deep for SQLite.
        let words = "a ".repeat(2000);
        let body = format!(
            "district=ostbyen&filter[query]={}&filter[free_only]=false&filter[no_sign_up]=false&filter[step_free]=false&page=1&lang=nb",
            url_encode(&words)
        );
        let reply = post(app, ListingPage::PATH, &body, "10.0.0.1").await;
        assert_eq!(reply.status, StatusCode::OK, "{b}: {}", reply.body);
        let long_slug = format!(
            "district={}&filter[free_only]=false&filter[no_sign_up]=false&filter[step_free]=false&page=1&lang=nb",
            "x".repeat(10_000)
        );
        let reply = post(app, ListingPage::PATH, &long_slug, "10.0.0.1").await;
        assert!(reply.body.contains("NotFound"), "{b}: {}", reply.body);
    }
}

#[tokio::test]
async fn a_server_function_payload_that_does_not_decode_is_a_400() {
    use app::api::directory::ListingPage;
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let attack = "page=<script>alert(1)</script>&lang=xx&filter[query]=1";
        let reply = post(app, ListingPage::PATH, attack, "10.0.0.1").await;
        assert_eq!(reply.status, StatusCode::BAD_REQUEST, "{b}: {}", reply.body);
        assert!(reply.body.contains("BadRequest"), "{b}: {}", reply.body);
        assert!(!reply.body.contains("script"), "{b}: {}", reply.body);
    }
}

#[tokio::test]
async fn uncached_searches_are_limited_per_client_and_refused_cheaply() {
    for site in sites_with(&[("SEARCH_LIMIT_PER_IP_MINUTE", "3")]).await {
        let (b, app) = (site.backend, &site.app);
        let search = |q: &str| format!("/tilbud?q={q}");
        for n in 0..3 {
            let reply = get(app, &search(&format!("ord{n}")), &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{b}: {n}");
        }
        let refused = get(app, &search("ord3"), &[]).await;
        assert_eq!(refused.status, StatusCode::TOO_MANY_REQUESTS, "{b}");
        assert!(refused.body.contains("Vent litt"), "{b}: {}", refused.body);
        assert!(refused.body.len() < 2_000, "{b}: a short page");
        assert!(!refused.header(header::RETRY_AFTER).is_empty(), "{b}");
        // A search the cache answers costs nothing and is not counted.
        let cached = get(app, &search("ord0"), &[]).await;
        assert_eq!(cached.status, StatusCode::OK, "{b}");
        // Nor are pages without words.
        assert_eq!(get(app, "/tilbud", &[]).await.status, StatusCode::OK);
    }
}

#[tokio::test]
async fn an_organiser_website_is_a_link_only_when_it_is_a_web_address() {
    use app::backend::entities::organisation;
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        for org in organisation::Entity::find().all(db.read()).await.unwrap() {
            let mut active: organisation::ActiveModel = org.into();
            active.website = Set(Some("javascript:alert(document.cookie)".into()));
            active.update(db.write()).await.unwrap();
        }
        let page = get(app, "/tilbud/leve-med-kols", &[]).await;
        assert_eq!(page.status, StatusCode::OK, "{b}");
        assert!(!page.body.contains("javascript:"), "{b}");
    }
}

#[tokio::test]
async fn a_client_that_sends_its_headers_slowly_is_cut_off() {
    use tokio::io::{AsyncReadExt, AsyncWriteExt};
    let site = sites().await.remove(0);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let addr = listener.local_addr().unwrap();
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let server = tokio::spawn(server::serve::serve_on(
        listener,
        site.app.clone(),
        Duration::from_millis(300),
        async {
            let _ = stopped.await;
        },
    ));
    // A whole request in time is answered.
    let mut quick = tokio::net::TcpStream::connect(addr).await.unwrap();
    quick
        .write_all(b"GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")
        .await
        .unwrap();
    let mut answer = String::new();
    quick.read_to_string(&mut answer).await.unwrap();
    assert!(answer.starts_with("HTTP/1.1 200"), "{answer}");
    // Half a head, then nothing: the connection is closed soon after.
    let mut slow = tokio::net::TcpStream::connect(addr).await.unwrap();
    slow.write_all(b"GET / HTTP/1.1\r\nHost: x\r\n")
        .await
        .unwrap();
    let mut rest = Vec::new();
    let read = tokio::time::timeout(Duration::from_secs(5), slow.read_to_end(&mut rest)).await;
    assert!(read.is_ok(), "still open after five seconds");
    let text = String::from_utf8_lossy(&rest);
    assert!(
        text.is_empty() || text.starts_with("HTTP/1.1 408"),
        "{text}"
    );
    let _ = stop.send(());
    server.await.unwrap();
}

#[tokio::test]
async fn an_oversized_body_is_refused_unread() {
    for site in sites().await {
        let huge = format!("participant_name={}", "x".repeat(200 * 1024));
        let reply = post(
            &site.app,
            "/tilbud/leve-med-kols/pamelding",
            &huge,
            "10.0.0.1",
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::PAYLOAD_TOO_LARGE,
            "{}",
            site.backend
        );
    }
}

#[tokio::test]
async fn a_request_slower_than_the_timeout_is_answered_503() {
    for site in sites().await {
        let slow = app(site.db.clone(), settings(&[]));
        let mut s = settings(&[]);
        s.http.request_timeout = Duration::ZERO;
        let impatient = app(site.db.clone(), s);
        assert_eq!(get(&slow, "/", &[]).await.status, StatusCode::OK);
        assert_eq!(
            get(&impatient, "/", &[]).await.status,
            StatusCode::SERVICE_UNAVAILABLE,
            "{}",
            site.backend
        );
    }
}

#[tokio::test]
async fn pages_leave_compressed_and_validated_and_stay_cached_until_the_directory_changes() {
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        let plain = get(app, "/bydel/ostbyen", &[]).await;
        assert_eq!(plain.status, StatusCode::OK, "{b}");
        assert_eq!(plain.header(header::CONTENT_ENCODING), "", "{b}");
        assert_eq!(
            plain.header(header::VARY),
            "accept-encoding, accept-language, cookie",
            "{b}: a cache in front keeps each language apart"
        );
        for (accepted, used) in [
            ("gzip, deflate, br, zstd", "br"),
            ("gzip, deflate", "gzip"),
            ("br;q=0, gzip", "gzip"),
            ("identity", ""),
        ] {
            let reply = get(app, "/bydel/ostbyen", &[("accept-encoding", accepted)]).await;
            assert_eq!(
                reply.header(header::CONTENT_ENCODING),
                used,
                "{b}: {accepted}"
            );
            if !used.is_empty() {
                // Read as text, compressed bytes only grow; still smaller.
                assert!(
                    reply.body.len() < plain.body.len(),
                    "{b}: {used} compresses"
                );
            }
        }
        // A repeat visit is a 304 with no body, for a cached page and for
        // one rendered each time.
        for path in ["/bydel/ostbyen", "/tilbud/sterk-og-stodig"] {
            let first = get(app, path, &[]).await;
            let tag = first.header(header::ETAG).to_string();
            assert!(tag.starts_with('"'), "{b}: {path} has a validator");
            assert_eq!(first.header(header::CACHE_CONTROL), "no-cache", "{b}");
            let again = get(app, path, &[("if-none-match", &tag)]).await;
            assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{b}: {path}");
            assert!(again.body.is_empty(), "{b}");
        }

        // The cached listing shows a change as soon as the directory's
        // version moves, in every language it was cached in.
        let search = "/tilbud?q=vaffelsnekring";
        assert!(
            !get(app, search, &[]).await.body.contains("sterk-og-stodig"),
            "{b}"
        );
        let tag = get(app, "/bydel/ostbyen", &[])
            .await
            .header(header::ETAG)
            .to_string();
        rename(db, "sterk-og-stodig", "Vaffelsnekring", Why::Edited).await;
        // Servers read the version at most a second late, and send the
        // page from before an edit for at most half a second more.
        until_shown(app, search, "sterk-og-stodig", b).await;
        until_shown(app, "/bydel/ostbyen", "Vaffelsnekring", b).await;
        let page = get(app, "/bydel/ostbyen", &[("if-none-match", &tag)]).await;
        assert_eq!(
            page.status,
            StatusCode::OK,
            "{b}: the old tag no longer matches"
        );
        assert!(page.body.contains("Vaffelsnekring"), "{b}");
    }
}

/// Gives the offering at `slug` a new Bokmål title, and its read-model row
/// with it, for the reason `why`.
async fn rename(db: &Db, slug: &str, title: &str, why: Why) {
    let id = offering::Entity::find()
        .filter(offering::Column::Slug.eq(slug))
        .one(db.read())
        .await
        .unwrap()
        .unwrap()
        .id;
    let txn = db.begin().await.unwrap();
    let text = offering_text::Entity::find()
        .filter(offering_text::Column::OfferingId.eq(id))
        .filter(offering_text::Column::Lang.eq(Lang::Nb))
        .one(&txn)
        .await
        .unwrap()
        .unwrap();
    let mut text: offering_text::ActiveModel = text.into();
    text.title = Set(title.into());
    text.update(&txn).await.unwrap();
    read_model::refresh(&txn, &[id], app::backend::clock::oslo_now(), why)
        .await
        .unwrap();
    txn.commit().await.unwrap();
}

#[tokio::test]
async fn a_listing_behind_only_by_time_is_sent_while_it_is_rendered_anew() {
    // Longer than a server trusts the version it read.
    let seen = || tokio::time::sleep(Duration::from_millis(1100));
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        // The district's page, and its feeds, whose handlers take the
        // district from the path.
        let pages = [
            "/bydel/ostbyen",
            "/bydel/ostbyen/kalender.ics",
            "/bydel/ostbyen/nytt.atom",
        ];
        for path in pages {
            assert!(
                get(app, path, &[]).await.body.contains("Sterk og stødig"),
                "{b}: {path}"
            );
        }
        // What the clock changes (a card moving on to its next meeting)
        // comes as a refresh because time passed; the title stands in
        // for it here, since it shows.
        rename(db, "sterk-og-stodig", "Trim med klokka", Why::TimePassed).await;
        seen().await;
        for path in pages {
            let behind = get(app, path, &[]).await;
            assert_eq!(behind.status, StatusCode::OK, "{b}: {path}");
            assert!(
                behind.body.contains("Sterk og stødig"),
                "{b}: {path}: the kept page is sent, not rendered while the visitor waits"
            );
        }
        // Rendered anew in the background (a page only time has left
        // behind is sent for two minutes: nothing else renders it now).
        for path in pages {
            until_shown(app, path, "Trim med klokka", b).await;
        }
        let path = pages[0];
        // An edit leaves a page behind only for the grace: after it, the
        // page is rendered before it is sent, whatever the background
        // renders managed.
        rename(db, "sterk-og-stodig", "Vaffelsnekring", Why::Edited).await;
        seen().await;
        let _ = get(app, path, &[]).await;
        tokio::time::sleep(server::delivery::EDIT_GRACE + Duration::from_millis(50)).await;
        assert!(
            get(app, path, &[]).await.body.contains("Vaffelsnekring"),
            "{b}"
        );
    }
}

#[tokio::test]
async fn an_edit_renders_its_district_s_pages_anew_before_anyone_asks_again() {
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        // The district's page, a feed and the printed week, whose handlers
        // take the district from the path; and the page in large text, as
        // a visitor with other cookies too asked for it.
        let large: &[(&str, &str)] = &[("cookie", "text=large; theirs=1")];
        let pages = [
            ("/bydel/ostbyen", &[][..]),
            ("/bydel/ostbyen", large),
            ("/bydel/ostbyen/kalender.ics", &[]),
            ("/bydel/ostbyen/ukeprogram", &[]),
        ];
        for (path, headers) in pages {
            assert!(
                get(app, path, headers)
                    .await
                    .body
                    .contains("Sterk og stødig"),
                "{b}: {path}"
            );
        }
        rename(db, "sterk-og-stodig", "Vaffelsnekring", Why::Edited).await;
        // Longer than a server trusts the version it read; then any
        // listing, here the front page, lets it learn of the edit.
        tokio::time::sleep(Duration::from_millis(1100)).await;
        let _ = get(app, "/", &[]).await;
        // The district's pages render in the background meanwhile.
        tokio::time::sleep(Duration::from_secs(2)).await;
        for (path, headers) in pages {
            // Without it, the first visitor after an edit is sent the
            // kept page for the grace.
            let page = get(app, path, headers).await;
            assert!(
                page.body.contains("Vaffelsnekring"),
                "{b}: {path} {headers:?}: the first visitor after the edit gets the page as edited"
            );
            if !headers.is_empty() {
                assert!(
                    page.body.contains("class=\"large-text\""),
                    "{b}: still in large text"
                );
            }
        }
    }
}

#[tokio::test]
async fn a_sign_up_sent_back_with_a_mistake_keeps_the_note_as_text() {
    // Textarea content is the one body text Leptos 0.8 does not escape.
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let reply = post(
            app,
            "/tilbud/leve-med-kols/pamelding",
            "participant_name=Kari&participant_email=ikke-en-adresse&needs_note=%3C%2Ftextarea%3E%3Cimg+src%3Dx+onerror%3Dalert(1)%3E&consent=1&website=",
            "10.0.0.7",
        )
        .await;
        assert_eq!(
            reply.status,
            StatusCode::UNPROCESSABLE_ENTITY,
            "{b}: {}",
            reply.body
        );
        assert_inert(&reply.body, b);
        assert!(
            reply
                .body
                .contains("&lt;/textarea&gt;&lt;img src=x onerror=alert(1)&gt;</textarea>"),
            "{b}: the note comes back as typed"
        );
    }
}

/// The JSON-LD of a page, parsed.
fn json_ld(body: &str) -> serde_json::Value {
    let open = r#"<script type="application/ld+json">"#;
    let head = &body[..body.find("</head>").expect("a head")];
    let start = head.find(open).expect("a JSON-LD script in the head") + open.len();
    let end = start + body[start..].find("</script>").expect("the script ends");
    serde_json::from_str(&body[start..end]).expect("JSON-LD parses")
}

/// The schema.org properties each type used here may have (its own and
/// those it inherits, as schema.org lists them): a property misspelt or
/// put on the wrong type fails.
fn schema_org_properties(kind: &str) -> &'static [&'static str] {
    // A CourseInstance is an Event with a mode of its own.
    if kind == "CourseInstance" {
        return &["courseMode"];
    }
    match kind {
        "Event" => &[
            "name",
            "description",
            "url",
            "inLanguage",
            "organizer",
            "offers",
            "isAccessibleForFree",
            "eventAttendanceMode",
            "eventStatus",
            "eventSchedule",
            "startDate",
            "endDate",
            "location",
            "subEvent",
        ],
        "Course" => &[
            "name",
            "description",
            "url",
            "inLanguage",
            "provider",
            "offers",
            "hasCourseInstance",
            "coursePrerequisites",
        ],
        "Schedule" => &[
            "repeatFrequency",
            "byDay",
            "startTime",
            "endTime",
            "scheduleTimezone",
            "startDate",
            "endDate",
            "exceptDate",
        ],
        "Place" => &["name", "address", "amenityFeature", "geo"],
        "PostalAddress" => &[
            "streetAddress",
            "postalCode",
            "addressLocality",
            "addressCountry",
        ],
        "LocationFeatureSpecification" => &["name", "value"],
        "GeoCoordinates" => &["latitude", "longitude"],
        "Organization" => &["name", "url"],
        "Offer" => &["price", "priceCurrency", "url", "availability"],
        _ => &[],
    }
}

/// Every object in `value` has a known `@type` and only that type's
/// properties.
fn check_vocabulary(value: &serde_json::Value, path: &str) {
    match value {
        serde_json::Value::Object(map) => {
            let kind = map["@type"]
                .as_str()
                .unwrap_or_else(|| panic!("{path}: no @type"));
            let mut allowed = schema_org_properties(kind).to_vec();
            if kind == "CourseInstance" {
                allowed.extend(schema_org_properties("Event"));
            }
            assert!(!allowed.is_empty(), "{path}: unknown type {kind}");
            for (key, inner) in map {
                if key.starts_with('@') {
                    continue;
                }
                assert!(
                    allowed.contains(&key.as_str()),
                    "{path}: {kind} has no {key}"
                );
                check_vocabulary(inner, &format!("{path}.{key}"));
            }
        }
        serde_json::Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                check_vocabulary(item, &format!("{path}[{i}]"));
            }
        }
        _ => {}
    }
}

#[tokio::test]
async fn offering_pages_describe_themselves_in_schema_org_terms() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let group = json_ld(&get(app, "/tilbud/sterk-og-stodig", &[]).await.body);
        check_vocabulary(&group, "group");
        assert_eq!(group["@context"], "https://schema.org", "{b}");
        assert_eq!(group["@type"], "Event", "{b}");
        assert_eq!(group["name"], "Sterk og stødig", "{b}");
        assert!(
            group["url"]
                .as_str()
                .unwrap()
                .ends_with("/tilbud/sterk-og-stodig"),
            "{b}"
        );
        assert!(
            group["startDate"].as_str().unwrap().ends_with("+01:00")
                || group["startDate"].as_str().unwrap().ends_with("+02:00"),
            "{b}: {}",
            group["startDate"]
        );
        let schedule = &group["eventSchedule"][0];
        assert_eq!(schedule["byDay"], "https://schema.org/Tuesday", "{b}");
        assert_eq!(schedule["repeatFrequency"], "P1W", "{b}");
        assert_eq!(schedule["startTime"], "10:00:00", "{b}");
        assert_eq!(schedule["endTime"], "11:00:00", "{b}");
        assert_eq!(schedule["scheduleTimezone"], "Europe/Oslo", "{b}");
        assert_eq!(schedule["endDate"], "2027-06-30", "{b}");
        assert!(
            schedule["exceptDate"]
                .as_array()
                .unwrap()
                .contains(&"2026-12-22".into()),
            "{b}"
        );
        assert_eq!(group["offers"]["price"], 0, "{b}");
        assert_eq!(group["offers"]["priceCurrency"], "NOK", "{b}");
        assert_eq!(group["isAccessibleForFree"], true, "{b}");
        let place = &group["location"];
        assert_eq!(place["@type"], "Place", "{b}");
        assert!(
            !place["address"]["streetAddress"]
                .as_str()
                .unwrap()
                .is_empty(),
            "{b}"
        );
        assert_eq!(place["address"]["addressCountry"], "NO", "{b}");

        let course = json_ld(&get(app, "/tilbud/leve-med-kols", &[]).await.body);
        check_vocabulary(&course, "course");
        assert_eq!(course["@type"], "Course", "{b}");
        assert_eq!(course["provider"]["@type"], "Organization", "{b}");
        assert!(!course["description"].as_str().unwrap().is_empty(), "{b}");
        let instance = &course["hasCourseInstance"][0];
        assert_eq!(instance["courseMode"], "onsite", "{b}");
        assert_eq!(instance["startDate"], "2027-01-12T18:00:00+01:00", "{b}");
        assert_eq!(instance["endDate"], "2027-01-19T20:30:00+01:00", "{b}");
        assert_eq!(instance["subEvent"].as_array().unwrap().len(), 2, "{b}");
        assert_eq!(instance["location"]["@type"], "Place", "{b}");
    }
}

#[tokio::test]
async fn offerings_say_whether_a_referral_is_needed_and_the_listing_filters_by_it() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        // The course needs a doctor's referral; the groups need none.
        let courses = get(app, "/tilbud?kind=course", &[]).await;
        assert!(courses.body.contains("/tilbud/leve-med-kols"), "{b}");
        assert!(courses.body.contains("Krever henvisning"), "{b}");
        let district = get(app, "/bydel/ostbyen", &[]).await;
        assert!(district.body.contains("Uten henvisning"), "{b}");
        for without in [
            "/tilbud?kind=course&no_referral=1",
            // Search filters the same way.
            "/tilbud?q=kols&no_referral=1",
        ] {
            let page = get(app, without, &[]).await;
            assert_eq!(page.status, StatusCode::OK, "{b}: {without}");
            assert!(
                !page.body.contains("/tilbud/leve-med-kols\""),
                "{b}: {without}"
            );
        }
        let open = get(app, "/tilbud?no_referral=1", &[]).await;
        assert!(open.body.contains("/tilbud/sterk-og-stodig"), "{b}");
        let input = open
            .body
            .split(r#"id="filter-no-referral""#)
            .nth(1)
            .unwrap();
        assert!(
            input[..input.find('>').unwrap()].contains("checked"),
            "{b}: the filter shows as chosen"
        );

        let page = get(app, "/tilbud/leve-med-kols?lang=nn", &[]).await;
        assert!(
            page.body.contains("Du må ha tilvising frå lege"),
            "{b}: the page says so in full"
        );
        assert!(
            json_ld(&page.body)["coursePrerequisites"]
                .as_str()
                .is_some_and(|p| p.contains("tilvising")),
            "{b}"
        );
        let group = get(app, "/tilbud/sterk-og-stodig", &[]).await;
        assert!(group.body.contains("Du trenger ingen henvisning."), "{b}");
    }
}
