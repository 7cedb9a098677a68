//! A district's new and changed offerings as an Atom feed (RFC 4287): for
//! feed readers, and for the municipality's own pages to show.

use atom_syndication::{Category, Entry, Feed, Link, Person, Text};
use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use chrono::{DateTime, FixedOffset, NaiveDateTime};

use app::backend::clock;
use app::domain::Code;
use app::i18n::{Tr, request_lang};
use app::paths;

use super::{failed, file};
use crate::AppState;

fn utc(at: NaiveDateTime) -> DateTime<FixedOffset> {
    at.and_utc().fixed_offset()
}

/// `/bydel/<slug>/nytt.atom`.
pub async fn district(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&uri, &headers);
    let (district, changes) = match tokio::try_join!(
        state.directory.district(&slug, lang),
        state.directory.changes(&slug, lang)
    ) {
        Ok(found) => found,
        Err(e) => return failed(&e, lang),
    };
    let tr = Tr::new(lang);
    let site = &state.settings.site.public_url;
    let url = |path: &str| paths::absolute(site, path);
    let link = |href: String, rel: &str, mime: Option<&str>| Link {
        href,
        rel: rel.to_string(),
        mime_type: mime.map(str::to_string),
        hreflang: Some(lang.code().to_string()),
        ..Link::default()
    };
    let entries: Vec<Entry> = changes
        .iter()
        .map(|c| {
            let page = url(&paths::offering(&c.card.slug));
            Entry {
                title: Text::plain(c.card.text.title.clone()),
                // The page's address in no language: the offering's own,
                // whichever language a reader follows it in.
                id: page.clone(),
                updated: utc(c.updated),
                published: Some(utc(c.added)),
                summary: Some(Text::plain(c.card.text.summary.clone())),
                links: vec![link(
                    paths::in_lang(&page, lang),
                    "alternate",
                    Some("text/html"),
                )],
                categories: vec![Category {
                    term: c.card.kind.code().to_string(),
                    label: Some(tr.t(&format!("kind-{}", c.card.kind.code()))),
                    ..Category::default()
                }],
                ..Entry::default()
            }
        })
        .collect();
    // A feed says when it last changed: its newest entry, or, empty, the
    // start of today (so the same feed says the same all day).
    let updated = changes.iter().map(|c| c.updated).max().unwrap_or_else(|| {
        clock::utc_of_oslo(clock::oslo_now().date().and_time(chrono::NaiveTime::MIN))
    });
    let feed_path = paths::district_changes(&slug);
    let feed = Feed {
        title: Text::plain(tr.t_with(
            "changes-feed-title",
            &[("district", district.name.clone().into())],
        )),
        subtitle: Some(Text::plain(tr.t_with(
            "changes-feed-subtitle",
            &[("district", district.name.into())],
        ))),
        id: url(&feed_path),
        updated: utc(updated),
        authors: vec![Person {
            name: tr.t("site-name"),
            uri: Some(url(&paths::home())),
            ..Person::default()
        }],
        links: vec![
            link(url(&feed_path), "self", Some("application/atom+xml")),
            link(
                url(&paths::in_lang(&paths::district(&slug), lang)),
                "alternate",
                Some("text/html"),
            ),
        ],
        lang: Some(lang.code().to_string()),
        entries,
        ..Feed::default()
    };
    file("application/atom+xml; charset=utf-8", feed.to_string())
}
