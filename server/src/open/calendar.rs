//! iCalendar: one offering's file to add once, and a listing's calendar to
//! subscribe to (a district's, or the whole listing's with its filters).

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;

use app::backend::{clock, ics};
use app::domain::filter::ListingFilter;
use app::i18n::{Tr, request_lang};
use app::paths;

use super::{failed, file, named};
use crate::AppState;

const CALENDAR: &str = "text/calendar; charset=utf-8";

/// `/tilbud/<slug>/kalender.ics`: the offering as an iCalendar file.
pub async fn offering(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&uri, &headers);
    match state
        .directory
        .offering(&slug, lang, clock::oslo_now())
        .await
    {
        Ok(detail) => {
            let page = paths::absolute(&state.settings.site.public_url, &paths::offering(&slug));
            let response = file(
                CALENDAR,
                ics::offering_calendar(&detail, &page, chrono::Utc::now()),
            );
            // The slug passed the directory's check: a-z, 0-9, -.
            named(response, "attachment", &format!("{slug}.ics"))
        }
        Err(e) => failed(&e, lang),
    }
}

/// `/bydel/<slug>/kalender.ics?…`: a district's calendar, with the
/// listing's filters.
pub async fn district(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    listing(&state, Some(&slug), &query, &uri, &headers).await
}

/// `/tilbud/kalender.ics?…`: the whole listing's calendar, with its filters.
pub async fn all(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    listing(&state, None, &query, &uri, &headers).await
}

/// The offerings a listing shows first, every meeting of each, under the
/// listing's name; in the reader's language.
async fn listing(
    state: &AppState,
    district: Option<&str>,
    query: &HashMap<String, String>,
    uri: &Uri,
    headers: &HeaderMap,
) -> Response {
    let lang = request_lang(uri, headers);
    let filter = ListingFilter::from_query(|k| query.get(k).cloned());
    let tr = Tr::new(lang);
    let name = match district {
        Some(slug) => match state.directory.district(slug, lang).await {
            Ok(d) => tr.t_with("calendar-feed-district", &[("district", d.name.into())]),
            Err(e) => return failed(&e, lang),
        },
        None => tr.t("calendar-feed-all"),
    };
    let details = match state
        .directory
        .calendar_of(district, &filter, lang, clock::oslo_now())
        .await
    {
        Ok(details) => details,
        Err(e) => return failed(&e, lang),
    };
    let site = &state.settings.site.public_url;
    let offerings: Vec<_> = details
        .into_iter()
        .map(|d| {
            let url = paths::absolute(site, &paths::offering(&d.card.slug));
            (d, url)
        })
        .collect();
    file(
        CALENDAR,
        ics::listing_calendar(&name, &offerings, chrono::Utc::now()),
    )
}
