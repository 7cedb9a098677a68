//! What other programs read, on every test database: the listings'
//! calendars, a district's feed of changes and the sitemap, each parsed
//! by a reader of its format, kept with the pages and up to date with them.

mod support;

use app::backend::db::Db;
use app::backend::directory::read_model::{self, Why};
use app::backend::entities::{offering, offering_text};
use app::domain::lang::Lang;
use app::domain::offering::OfferingStatus;
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
    let row = app::backend::testing::offering(db, slug).await;
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
        // Kept, validated and compressed like a page.
        let tag = reply.header(header::ETAG).to_string();
        assert!(!tag.is_empty(), "{b}");
        let again = get(
            app,
            "/bydel/ostbyen/nytt.atom?lang=nn",
            &[("if-none-match", &tag)],
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{b}");
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
            !index.header(header::ETAG).is_empty(),
            "{b}: kept and validated"
        );
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
            .filter(offering::Column::Status.eq(OfferingStatus::Published))
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

/// Checks `value` against `schema` of the OpenAPI document `doc`: its
/// type (or types), every property declared and every required one
/// there, enums, and down into arrays and `$ref`s.
fn conforms(
    doc: &serde_json::Value,
    schema: &serde_json::Value,
    value: &serde_json::Value,
    at: &str,
) {
    use serde_json::Value;
    if let Some(Value::String(r)) = schema.get("$ref") {
        let name = r.rsplit('/').next().unwrap();
        let target = &doc["components"]["schemas"][name];
        assert!(!target.is_null(), "{at}: no schema {name}");
        return conforms(doc, target, value, at);
    }
    let types: Vec<&str> = match &schema["type"] {
        Value::String(t) => vec![t.as_str()],
        Value::Array(ts) => ts.iter().filter_map(Value::as_str).collect(),
        _ => vec![],
    };
    let kind = match value {
        Value::Null => "null",
        Value::Bool(_) => "boolean",
        Value::Number(n) if n.is_i64() || n.is_u64() => "integer",
        Value::Number(_) => "number",
        Value::String(_) => "string",
        Value::Array(_) => "array",
        Value::Object(_) => "object",
    };
    assert!(
        types.is_empty()
            || types.contains(&kind)
            || (kind == "integer" && types.contains(&"number")),
        "{at}: a {kind}, the document says {types:?}"
    );
    if let Some(Value::Array(allowed)) = schema.get("enum") {
        assert!(
            allowed.contains(value),
            "{at}: {value} is not among {allowed:?}"
        );
    }
    if schema.get("format").and_then(Value::as_str) == Some("uuid") {
        let text = value.as_str().unwrap();
        assert!(
            text.len() == 36 && text.chars().filter(|c| *c == '-').count() == 4,
            "{at}: {text} is not a UUID"
        );
    }
    match value {
        Value::Object(fields) => {
            let properties = schema["properties"].as_object().unwrap();
            for (name, field) in fields {
                let declared = properties
                    .get(name)
                    .unwrap_or_else(|| panic!("{at}.{name} is not in the document"));
                conforms(doc, declared, field, &format!("{at}.{name}"));
            }
            for required in schema["required"].as_array().into_iter().flatten() {
                let name = required.as_str().unwrap();
                assert!(fields.contains_key(name), "{at}: {name} is missing");
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                conforms(doc, &schema["items"], item, &format!("{at}[{i}]"));
            }
        }
        _ => {}
    }
}

/// The API's answer at `path`, checked against the document's `schema`.
async fn api(
    app: &axum::Router,
    doc: &serde_json::Value,
    path: &str,
    schema: &str,
) -> (serde_json::Value, Reply) {
    let reply = get(app, path, &[("origin", "https://kommune.example")]).await;
    assert_eq!(reply.status, StatusCode::OK, "{path}: {}", reply.body);
    assert_eq!(
        reply.header(header::CONTENT_TYPE),
        "application/json",
        "{path}"
    );
    assert_eq!(
        reply.header(header::ACCESS_CONTROL_ALLOW_ORIGIN),
        "*",
        "{path}: any site may read it"
    );
    assert!(!reply.header(header::ETAG).is_empty(), "{path}");
    let value: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
    let reference = serde_json::json!({ "$ref": format!("#/components/schemas/{schema}") });
    conforms(doc, &reference, &value, path);
    (value, reply)
}

#[tokio::test]
async fn the_open_data_api_pages_the_directory_as_its_openapi_document_says() {
    for site in sites().await {
        let (b, app) = (site.backend, &site.app);
        let reply = get(app, "/data/v1/openapi.json", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{b}");
        let doc: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        assert_eq!(doc["openapi"], "3.1.0", "{b}");
        assert_eq!(doc["servers"][0]["url"], format!("{SITE}/data/v1"), "{b}");
        let (index, _) = api(app, &doc, "/data/v1/", "Index").await;
        assert_eq!(
            index["openapi_url"],
            format!("{SITE}/data/v1/openapi.json"),
            "{b}"
        );

        // Every published offering, two to a page, each once.
        // Published ones only: drafts and archived offerings have listing
        // rows too, and are nobody's business.
        let mut old: offering::ActiveModel =
            app::backend::testing::offering(&site.db, "gammelt-kurs")
                .await
                .into();
        old.status = Set(OfferingStatus::Archived);
        old.update(site.db.write()).await.unwrap();
        let published = offering::Entity::find()
            .filter(offering::Column::Status.eq(OfferingStatus::Published))
            .all(site.db.read())
            .await
            .unwrap()
            .len() as u64;
        let all = offering::Entity::find()
            .all(site.db.read())
            .await
            .unwrap()
            .len() as u64;
        assert!(
            published < all,
            "{b}: the fixtures have unpublished offerings"
        );
        let mut services = Vec::new();
        let mut page = 1;
        loop {
            let path = format!("/data/v1/services?per_page=2&page={page}");
            let (found, reply) = api(app, &doc, &path, "ServicePage").await;
            assert_eq!(found["total_items"], published, "{b}");
            assert_eq!(found["total_pages"], published.div_ceil(2), "{b}");
            assert_eq!(found["first_page"], page == 1, "{b}");
            assert!(!reply.header(header::LAST_MODIFIED).is_empty(), "{b}");
            services.extend(found["contents"].as_array().unwrap().iter().cloned());
            if found["last_page"] == true {
                break;
            }
            page += 1;
        }
        assert_eq!(services.len() as u64, published, "{b}");
        assert!(
            !services
                .iter()
                .any(|s| s["url"] == format!("{SITE}/tilbud/gammelt-kurs")),
            "{b}: archived"
        );
        let mut ids: Vec<&str> = services.iter().map(|s| s["id"].as_str().unwrap()).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), services.len(), "{b}: each once");

        let named = |name: &str| {
            services
                .iter()
                .find(|s| s["name"] == name)
                .unwrap_or_else(|| panic!("{b}: no service {name}"))
                .clone()
        };
        let group = named("Sterk og stødig");
        assert_eq!(
            group["url"],
            format!("{SITE}/tilbud/sterk-og-stodig"),
            "{b}"
        );
        let weekly = &group["schedules"][0];
        assert_eq!(
            (
                &weekly["freq"],
                &weekly["byday"],
                &weekly["opens_at"],
                &weekly["closes_at"]
            ),
            (
                &"WEEKLY".into(),
                &"TU".into(),
                &"10:00".into(),
                &"11:00".into()
            ),
            "{b}"
        );
        assert!(
            weekly["except_dates"]
                .as_array()
                .unwrap()
                .contains(&"2026-12-22".into()),
            "{b}: the skipped Tuesday"
        );
        let place = &group["service_at_locations"][0]["location"];
        assert_eq!(place["addresses"][0]["address_1"], "Tøyengata 14", "{b}");
        assert_eq!(group["cost_options"][0]["amount"], 0, "{b}");
        assert_eq!(
            group["application_process"], "Ingen påmelding. Du trenger ingen henvisning.",
            "{b}"
        );
        let course = named("Leve med kols");
        let referral = course["attributes"]
            .as_array()
            .unwrap()
            .iter()
            .find(|a| a["taxonomy_term"]["vocabulary"] == "referral")
            .unwrap();
        assert_eq!(referral["value"], "required", "{b}");
        assert!(
            course["schedules"].as_array().unwrap().len() >= 2,
            "{b}: its sessions"
        );

        // One by its id, the same as in the list; in English when asked.
        let id = group["id"].as_str().unwrap();
        let (one, _) = api(app, &doc, &format!("/data/v1/services/{id}"), "Service").await;
        assert_eq!(one, group, "{b}");
        let (en, _) = api(
            app,
            &doc,
            &format!("/data/v1/services/{id}?lang=en"),
            "Service",
        )
        .await;
        assert_eq!(en["name"], "Strong and steady", "{b}");
        for missing in [
            "/data/v1/services/74726566-0001-8000-8000-0000000fffff",
            "/data/v1/services/sterk-og-stodig",
            "/data/v1/locations/74726566-0001-8000-8000-000000000001",
        ] {
            assert_eq!(
                get(app, missing, &[]).await.status,
                StatusCode::NOT_FOUND,
                "{b}: {missing}"
            );
        }

        // The organisations, with the register's number where known.
        let (orgs, _) = api(
            app,
            &doc,
            "/data/v1/organizations?per_page=100",
            "OrganizationPage",
        )
        .await;
        let centre = orgs["contents"]
            .as_array()
            .unwrap()
            .iter()
            .find(|o| o["name"] == "Østbyen frivilligsentral")
            .unwrap();
        assert_eq!(
            centre["identifiers"][0]["identifier_scheme"], "NO-BRC",
            "{b}"
        );
        assert_eq!(centre["identifiers"][0]["identifier"], "999999999", "{b}");
        assert!(
            centre.get("email").is_none(),
            "{b}: its own address is the staff area's"
        );
        let org_id = centre["id"].as_str().unwrap();
        assert!(
            services.iter().any(|s| s["organization_id"] == org_id),
            "{b}"
        );
        api(
            app,
            &doc,
            &format!("/data/v1/organizations/{org_id}"),
            "Organization",
        )
        .await;

        // The places, each readable by the id a service gives it.
        let (places, _) = api(app, &doc, "/data/v1/locations", "LocationPage").await;
        assert!(places["total_items"].as_u64().unwrap() >= 2, "{b}");
        let location_id = place["id"].as_str().unwrap();
        let (again, _) = api(
            app,
            &doc,
            &format!("/data/v1/locations/{location_id}"),
            "Location",
        )
        .await;
        assert_eq!(&again, place, "{b}");

        // Bounded pages; validators; a preflight for If-None-Match.
        let (big, reply) = api(
            app,
            &doc,
            "/data/v1/services?per_page=100000",
            "ServicePage",
        )
        .await;
        assert_eq!(big["size"], 100, "{b}");
        let tag = reply.header(header::ETAG).to_string();
        let again = get(
            app,
            "/data/v1/services?per_page=100000",
            &[("if-none-match", &tag)],
        )
        .await;
        assert_eq!(again.status, StatusCode::NOT_MODIFIED, "{b}");
        let preflight = send(
            app,
            http::Request::options("/data/v1/services")
                .header("origin", "https://kommune.example")
                .header("access-control-request-method", "GET")
                .header("access-control-request-headers", "if-none-match")
                .body(axum::body::Body::empty())
                .unwrap(),
        )
        .await;
        assert!(preflight.status.is_success(), "{b}: {}", preflight.status);
        assert_eq!(
            preflight.header(header::ACCESS_CONTROL_ALLOW_ORIGIN),
            "*",
            "{b}"
        );
        assert!(
            preflight
                .header(header::ACCESS_CONTROL_ALLOW_HEADERS)
                .contains("if-none-match"),
            "{b}"
        );
    }
}

/// The location's identifier in the API for venue row `id`.
fn location_id(id: i32) -> String {
    format!("74726566-0003-8000-8000-{id:012x}")
}

#[tokio::test]
async fn the_api_lists_only_the_places_where_something_published_meets() {
    for site in sites().await {
        let (b, app, db) = (site.backend, &site.app, &site.db);
        // Every offering at one venue archived, as a coordinator does when
        // a group stops meeting there.
        let venue = app::backend::testing::offering(db, "sterk-og-stodig")
            .await
            .venue_id
            .unwrap();
        let there = offering::Entity::find()
            .filter(offering::Column::VenueId.eq(venue))
            .all(db.read())
            .await
            .unwrap();
        let txn = db.begin().await.unwrap();
        for row in &there {
            let mut row: offering::ActiveModel = row.clone().into();
            row.status = Set(OfferingStatus::Archived);
            row.updated_at = Set(chrono::Utc::now().naive_utc());
            row.update(&txn).await.unwrap();
        }
        let ids: Vec<i32> = there.iter().map(|o| o.id).collect();
        read_model::refresh(&txn, &ids, app::backend::clock::oslo_now(), Why::Edited)
            .await
            .unwrap();
        txn.commit().await.unwrap();

        let published: std::collections::BTreeSet<i32> = offering::Entity::find()
            .filter(offering::Column::Status.eq(OfferingStatus::Published))
            .all(db.read())
            .await
            .unwrap()
            .into_iter()
            .filter_map(|o| o.venue_id)
            .collect();
        assert!(!published.contains(&venue), "{b}");
        let reply = get(app, "/data/v1/locations?per_page=100", &[]).await;
        assert_eq!(reply.status, StatusCode::OK, "{b}");
        let page: serde_json::Value = serde_json::from_str(&reply.body).unwrap();
        let listed: std::collections::BTreeSet<String> = page["contents"]
            .as_array()
            .unwrap()
            .iter()
            .map(|l| l["id"].as_str().unwrap().to_string())
            .collect();
        let expected: std::collections::BTreeSet<String> =
            published.iter().map(|&id| location_id(id)).collect();
        assert_eq!(listed, expected, "{b}");
        assert_eq!(page["total_items"], published.len(), "{b}");
        assert_eq!(
            get(
                app,
                &format!("/data/v1/locations/{}", location_id(venue)),
                &[]
            )
            .await
            .status,
            StatusCode::NOT_FOUND,
            "{b}"
        );
    }
}
