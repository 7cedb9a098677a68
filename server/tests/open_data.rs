//! What other programs read, on every test database: the listings'
//! calendars, a district's feed of changes and the sitemap, each parsed
//! by a reader of its format, kept with the pages and up to date with them.

mod support;

use app::backend::db::Db;
use app::backend::directory::read_model::{self, Why};
use app::backend::entities::{offering, offering_text};
use app::domain::lang::Lang;
use http::{StatusCode, header};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};
use support::*;

const SITE: &str = "https://treffpunkt.example";

/// The calendar's events, parsed as a calendar program would: each
/// event's properties by name, values unescaped no further than the
/// parser does.
fn events(ics: &str) -> Vec<Vec<(String, String)>> {
    let unfolded = icalendar::parser::unfold(ics);
    let calendar = icalendar::parser::read_calendar(&unfolded)
        .unwrap_or_else(|e| panic!("not iCalendar: {e}\n{ics}"));
    let root = calendar
        .components
        .iter()
        .find(|c| c.name == "VCALENDAR")
        .map_or(&calendar.components, |c| &c.components);
    root.iter()
        .filter(|c| c.name == "VEVENT")
        .map(|c| {
            c.properties
                .iter()
                .map(|p| (p.name.to_string(), p.val.to_string()))
                .collect()
        })
        .collect()
}

fn property<'a>(event: &'a [(String, String)], name: &str) -> Option<&'a str> {
    event
        .iter()
        .find(|(n, _)| n == name)
        .map(|(_, v)| v.as_str())
}

/// The offering pages a calendar's events link to.
fn linked(events: &[Vec<(String, String)>]) -> std::collections::BTreeSet<String> {
    events
        .iter()
        .map(|e| property(e, "URL").expect("every event links its page"))
        .map(|url| {
            url.strip_prefix(&format!("{SITE}/tilbud/"))
                .expect("an offering page")
                .to_string()
        })
        .collect()
}

/// Gives the offering at `slug` a new Bokmål title and marks it changed
/// now, as a coordinator's edit does, with its read-model row.
async fn edit(db: &Db, slug: &str, title: &str) {
    let row = offering::Entity::find()
        .filter(offering::Column::Slug.eq(slug))
        .one(db.read())
        .await
        .unwrap()
        .unwrap();
    let txn = db.begin().await.unwrap();
    let text = offering_text::Entity::find()
        .filter(offering_text::Column::OfferingId.eq(row.id))
        .filter(offering_text::Column::Lang.eq(Lang::Nb))
        .one(&txn)
        .await
        .unwrap()
        .unwrap();
    let mut text: offering_text::ActiveModel = text.into();
    text.title = Set(title.into());
    text.update(&txn).await.unwrap();
    let id = row.id;
    let mut row: offering::ActiveModel = row.into();
    row.updated_at = Set(chrono::Utc::now().naive_utc());
    row.update(&txn).await.unwrap();
    read_model::refresh(&txn, &[id], app::backend::clock::oslo_now(), Why::Edited)
        .await
        .unwrap();
    txn.commit().await.unwrap();
}

#[tokio::test]
async fn a_listing_s_calendar_holds_what_the_listing_shows_and_can_be_subscribed_to() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let ics = get(app, "/bydel/ostbyen/kalender.ics", &[]).await;
        assert_eq!(ics.status, StatusCode::OK, "{b}");
        assert_eq!(
            ics.header(header::CONTENT_TYPE),
            "text/calendar; charset=utf-8",
            "{b}"
        );
        assert!(!ics.header(header::ETAG).is_empty(), "{b}");
        assert!(ics.body.contains("X-WR-CALNAME:Treffpunkt: Østbyen"), "{b}");
        let all = events(&ics.body);
        let offerings = linked(&all);
        // Every offering the district's page lists, and only those.
        let page = get(app, "/bydel/ostbyen", &[]).await;
        for slug in &offerings {
            assert!(
                page.body.contains(&format!("href=\"/tilbud/{slug}\"")),
                "{b}: {slug} is in the calendar, not on the page"
            );
        }
        assert!(offerings.contains("sterk-og-stodig"), "{b}: {offerings:?}");
        assert!(!offerings.contains("seniorkor"), "{b}: another district");
        // A weekly group is one series in the reader's time zone.
        let weekly = all
            .iter()
            .find(|e| property(e, "URL") == Some(&format!("{SITE}/tilbud/sterk-og-stodig")))
            .unwrap();
        assert!(
            property(weekly, "RRULE").is_some_and(|r| r.starts_with("FREQ=WEEKLY;BYDAY=TU")),
            "{b}"
        );
        assert!(
            property(weekly, "UID").is_some_and(|u| u.starts_with("sterk-og-stodig-weekly-")),
            "{b}: the same UID as the offering's own file"
        );

        // The page offers it to subscribe to, with the page's filters.
        assert!(
            page.body
                .contains("href=\"webcal://treffpunkt.example/bydel/ostbyen/kalender.ics\""),
            "{b}"
        );
        let filtered = get(app, "/tilbud?kind=course&district=nordre-asen", &[]).await;
        let wanted =
            "webcal://treffpunkt.example/tilbud/kalender.ics?district=nordre-asen&amp;kind=course";
        assert!(filtered.body.contains(wanted), "{b}: {wanted}");
        let courses = get(
            app,
            "/tilbud/kalender.ics?district=nordre-asen&kind=course",
            &[],
        )
        .await;
        let courses = linked(&events(&courses.body));
        assert_eq!(
            courses.into_iter().collect::<Vec<_>>(),
            ["leve-med-kols"],
            "{b}: only the district's coming courses"
        );
        // A search is a filter too.
        let found = get(app, "/tilbud/kalender.ics?q=ST%C3%98DIG", &[]).await;
        assert_eq!(found.status, StatusCode::OK, "{b}");
        assert_eq!(
            linked(&events(&found.body)).into_iter().collect::<Vec<_>>(),
            ["sterk-og-stodig"],
            "{b}"
        );

        // In the reader's language.
        let en = get(app, "/bydel/ostbyen/kalender.ics?lang=en", &[]).await;
        assert!(en.body.contains("X-WR-CALNAME:Treffpunkt: Østbyen"), "{b}");
        let missing = get(app, "/bydel/finnes-ikke/kalender.ics", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{b}");
    }
}

#[tokio::test]
async fn a_coordinator_s_change_reaches_the_calendar_and_the_feed() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        // Both are kept, as the pages are.
        let before = get(app, "/bydel/ostbyen/kalender.ics", &[]).await;
        let tag = before.header(header::ETAG).to_string();
        let again = get(
            app,
            "/bydel/ostbyen/kalender.ics",
            &[("if-none-match", &tag)],
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{b}");
        get(app, "/bydel/ostbyen/nytt.atom", &[]).await;

        edit(&site.db, "apent-treffsted", "Kaffekroken på hjørnet").await;
        until_shown(
            app,
            "/bydel/ostbyen/kalender.ics",
            "SUMMARY:Kaffekroken på hjørnet",
            b,
        )
        .await;
        until_shown(app, "/bydel/ostbyen/nytt.atom", "Kaffekroken på hjørnet", b).await;
        let feed = get(app, "/bydel/ostbyen/nytt.atom", &[]).await;
        let feed: atom_syndication::Feed = feed.body.parse().unwrap();
        assert_eq!(
            feed.entries[0].title.value, "Kaffekroken på hjørnet",
            "{b}: the newest change first"
        );
    }
}

#[tokio::test]
async fn a_district_s_feed_lists_its_offerings_newest_change_first() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let reply = get(app, "/bydel/ostbyen/nytt.atom?lang=nn", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{b}");
        assert_eq!(
            reply.header(header::CONTENT_TYPE),
            "application/atom+xml; charset=utf-8",
            "{b}"
        );
        let feed: atom_syndication::Feed = reply
            .body
            .parse()
            .unwrap_or_else(|e| panic!("{b}: not Atom: {e}\n{}", reply.body));
        assert_eq!(feed.id, format!("{SITE}/bydel/ostbyen/nytt.atom"), "{b}");
        assert_eq!(feed.lang.as_deref(), Some("nn"), "{b}");
        assert!(
            feed.title.value.starts_with("Nytt og endra i "),
            "{b}: in the asked language: {}",
            feed.title.value
        );
        assert!(
            feed.links
                .iter()
                .any(|l| l.rel == "self" && l.href == format!("{SITE}/bydel/ostbyen/nytt.atom")),
            "{b}"
        );
        assert!(!feed.entries.is_empty(), "{b}");
        let slugs: Vec<&str> = feed
            .entries
            .iter()
            .map(|e| e.id.strip_prefix(&format!("{SITE}/tilbud/")).unwrap())
            .collect();
        assert!(slugs.contains(&"sterk-og-stodig"), "{b}: {slugs:?}");
        assert!(!slugs.contains(&"seniorkor"), "{b}: another district");
        for pair in feed.entries.windows(2) {
            assert!(pair[0].updated >= pair[1].updated, "{b}: newest first");
        }
        for entry in &feed.entries {
            assert!(entry.summary.is_some(), "{b}");
            assert!(
                entry.links[0].href.ends_with("?lang=nn"),
                "{b}: the page in the feed's language"
            );
            assert!(entry.updated >= entry.published.unwrap(), "{b}");
        }
        // The district's page names its feed for readers to find.
        let page = get(app, "/bydel/ostbyen", &[]).await;
        assert!(
            page.body.contains(r#"type="application/atom+xml""#)
                && page.body.contains(r#"href="/bydel/ostbyen/nytt.atom""#),
            "{b}"
        );
        let missing = get(app, "/bydel/finnes-ikke/nytt.atom", &[]).await;
        assert_eq!(missing.status, StatusCode::NOT_FOUND, "{b}");
    }
}

/// The `<loc>`s of a sitemap or its index, and each URL's alternates.
fn locations(xml: &str) -> Vec<(String, Vec<(String, String)>)> {
    let doc = roxmltree::Document::parse(xml).unwrap_or_else(|e| panic!("not XML: {e}\n{xml}"));
    doc.descendants()
        .filter(|n| n.has_tag_name("url") || n.has_tag_name("sitemap"))
        .map(|entry| {
            let loc = entry
                .children()
                .find(|c| c.has_tag_name("loc"))
                .and_then(|c| c.text())
                .expect("every entry has its loc")
                .to_string();
            let alternates = entry
                .children()
                .filter(|c| c.has_tag_name(("http://www.w3.org/1999/xhtml", "link")))
                .map(|c| {
                    (
                        c.attribute("hreflang").unwrap().to_string(),
                        c.attribute("href").unwrap().to_string(),
                    )
                })
                .collect();
            (loc, alternates)
        })
        .collect()
}

#[tokio::test]
async fn the_sitemap_names_every_public_page_in_every_language() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let robots = get(app, "/robots.txt", &[]).await;
        assert!(
            robots
                .body
                .lines()
                .any(|l| l == format!("Sitemap: {SITE}/sitemap.xml")),
            "{b}"
        );
        let index = get(app, "/sitemap.xml", &[]).await;
        assert_eq!(index.status, StatusCode::OK, "{b}");
        assert!(
            index
                .header(header::CONTENT_TYPE)
                .starts_with("application/xml"),
            "{b}"
        );
        let parts: Vec<String> = locations(&index.body)
            .into_iter()
            .map(|(loc, _)| loc)
            .collect();
        assert_eq!(
            parts,
            [
                format!("{SITE}/sitemap/sider.xml"),
                format!("{SITE}/sitemap/tilbud-1.xml")
            ],
            "{b}"
        );
        let mut pages = Vec::new();
        for part in &parts {
            let path = part.strip_prefix(SITE).unwrap();
            let reply = get(app, path, &[]).await;
            assert_eq!(reply.status, StatusCode::OK, "{b}: {path}");
            pages.extend(locations(&reply.body));
        }
        let published: Vec<String> = offering::Entity::find()
            .filter(offering::Column::Status.eq(app::domain::offering::OfferingStatus::Published))
            .all(site.db.read())
            .await
            .unwrap()
            .into_iter()
            .map(|o| o.slug)
            .collect();
        assert!(published.len() >= 5, "{b}");
        let locs: Vec<&str> = pages.iter().map(|(loc, _)| loc.as_str()).collect();
        for path in std::iter::once("/".to_string())
            .chain(["/bydel/ostbyen".into(), "/tilbud".into()])
            .chain(published.iter().map(|s| format!("/tilbud/{s}")))
        {
            for lang in ["nb", "nn", "en"] {
                let join = if path.contains('?') { '&' } else { '?' };
                let want = format!("{SITE}{path}{join}lang={lang}");
                assert!(locs.contains(&want.as_str()), "{b}: {want}");
            }
        }
        for (loc, alternates) in &pages {
            assert!(
                !loc.contains("/ansatt") && !loc.contains("/pamelding"),
                "{b}: {loc}"
            );
            let langs: Vec<&str> = alternates.iter().map(|(l, _)| l.as_str()).collect();
            assert_eq!(langs, ["nb", "nn", "en", "x-default"], "{b}: {loc}");
            assert!(
                alternates.iter().any(|(_, href)| href == loc),
                "{b}: {loc} is among its own alternates"
            );
        }
        // And each page's head says the same.
        let page = get(app, "/tilbud/sterk-og-stodig?lang=nn", &[]).await;
        let (_, alternates) = pages
            .iter()
            .find(|(loc, _)| loc == &format!("{SITE}/tilbud/sterk-og-stodig?lang=nn"))
            .unwrap();
        for (lang, href) in alternates {
            let link = format!(r#"<link rel="alternate" hreflang="{lang}" href="{href}">"#);
            assert!(page.body.contains(&link), "{b}: {link}");
        }
        for missing in [
            "/sitemap/tilbud-0.xml",
            "/sitemap/tilbud-2.xml",
            "/sitemap/annet.xml",
        ] {
            assert_eq!(
                get(app, missing, &[]).await.status,
                StatusCode::NOT_FOUND,
                "{b}: {missing}"
            );
        }
    }
}
