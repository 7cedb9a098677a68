//! A read-only JSON API shaped after Open Referral's Human Services Data
//! Specification (HSDS) 3.0: services (the offerings), the organisations
//! that run them and the locations where they meet, with their schedules,
//! a page at a time, described by the OpenAPI document beside it. Any
//! site may read it (CORS for GET); answers carry an `ETag` (the page
//! finisher's) and services a `Last-Modified`.

mod ids;
mod shapes;

use std::collections::HashMap;

use axum::Json;
use axum::Router;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Method, Uri, header};
use axum::response::{IntoResponse, Response};
use axum::routing::get;
use chrono::NaiveDateTime;
use serde::Serialize;
use tower_http::cors::{Any, CorsLayer};

use app::backend::clock;
use app::backend::directory::open_data::PER_PAGE_MAX;
use app::domain::error::AppError;
use app::i18n::{Tr, request_lang};
use app::paths;

use self::ids::{Kind, row_of};
use self::shapes::{Page, location_of, organization_of, service_of};
use crate::AppState;

/// Where the API lives.
pub const BASE: &str = "/data/v1";
/// The HSDS version the shapes follow.
const HSDS_VERSION: &str = "3.0";
const ONE_PAGE: u64 = 50;

/// The API's routes, readable from any site.
pub fn router() -> Router<AppState> {
    let cors = CorsLayer::new()
        .allow_origin(Any)
        .allow_methods([Method::GET, Method::HEAD])
        .allow_headers([header::IF_NONE_MATCH, header::IF_MODIFIED_SINCE])
        .expose_headers([header::ETAG, header::LAST_MODIFIED]);
    Router::new()
        .route(&format!("{BASE}/"), get(index))
        .route(&format!("{BASE}/openapi.json"), get(openapi))
        .route(&format!("{BASE}/services"), get(services))
        .route(&format!("{BASE}/services/{{id}}"), get(service))
        .route(&format!("{BASE}/organizations"), get(organizations))
        .route(
            &format!("{BASE}/organizations/{{id}}"),
            get(one_organization),
        )
        .route(&format!("{BASE}/locations"), get(locations))
        .route(&format!("{BASE}/locations/{{id}}"), get(location))
        .layer(cors)
}

/// `?page=&per_page=`: the page (from 1) and its size, within bounds.
fn paging(query: &HashMap<String, String>) -> (u64, u64) {
    let number = |key: &str| query.get(key).and_then(|v| v.trim().parse::<u64>().ok());
    let per_page = number("per_page")
        .unwrap_or(ONE_PAGE)
        .clamp(1, PER_PAGE_MAX);
    // A page past the end is empty; one past any list this size could have
    // is refused as the first, so the offset stays sane.
    let page = number("page").unwrap_or(1).clamp(1, 1_000_000);
    (page, per_page)
}

fn page_of<T>(contents: Vec<T>, total: u64, page: u64, per_page: u64) -> Page<T> {
    let total_pages = total.div_ceil(per_page);
    Page {
        total_items: total,
        total_pages,
        page_number: page,
        size: per_page,
        first_page: page == 1,
        last_page: page >= total_pages,
        empty: contents.is_empty(),
        contents,
    }
}

/// An error as the API's JSON: its status, and `{"error": "…"}` with
/// the message in the asked language.
fn error(e: &AppError, tr: &Tr) -> Response {
    e.log();
    (
        super::status_of(e),
        Json(serde_json::json!({ "error": tr.t(e.key()) })),
    )
        .into_response()
}

/// `body` as the API's JSON, with `Last-Modified` when known.
fn answer(body: impl Serialize, changed: Option<NaiveDateTime>) -> Response {
    let mut response = Json(body).into_response();
    if let Some(at) = changed
        && let Ok(v) =
            HeaderValue::from_str(&at.and_utc().format("%a, %d %b %Y %H:%M:%S GMT").to_string())
    {
        response.headers_mut().insert(header::LAST_MODIFIED, v);
    }
    response
}

/// The translator in the language the request asks for.
fn request(uri: &Uri, headers: &HeaderMap) -> Tr {
    Tr::new(request_lang(uri, headers))
}

/// `/data/v1/`: which HSDS and where its description is.
async fn index(State(state): State<AppState>) -> Response {
    let site = &state.settings.site.public_url;
    answer(
        serde_json::json!({
            "version": HSDS_VERSION,
            "profile": "https://docs.openreferral.org/en/v3.0/hsds/",
            "openapi_url": paths::absolute(site, &format!("{BASE}/openapi.json")),
        }),
        None,
    )
}

/// `/data/v1/openapi.json`: the API as OpenAPI 3.1 describes it.
async fn openapi(State(state): State<AppState>) -> Response {
    let document = include_str!("../openapi.json").replace(
        "{PUBLIC_URL}",
        &paths::absolute(&state.settings.site.public_url, BASE),
    );
    ([(header::CONTENT_TYPE, "application/json")], document).into_response()
}

async fn services(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let (page, per_page) = paging(&query);
    let found = state
        .directory
        .published_page(
            (page - 1) * per_page,
            per_page,
            tr.lang(),
            clock::oslo_now(),
        )
        .await;
    match found {
        Ok(found) => {
            let site = &state.settings.site.public_url;
            let contents = found
                .offerings
                .iter()
                .map(|(id, detail)| service_of(detail, *id, &tr, site))
                .collect();
            answer(
                page_of(contents, found.total, page, per_page),
                found.changed,
            )
        }
        Err(e) => error(&e, &tr),
    }
}

async fn service(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let found = match row_of(Kind::Service, &id) {
        Some(row) => {
            state
                .directory
                .published_by_id(row, tr.lang(), clock::oslo_now())
                .await
        }
        None => Err(AppError::NotFound),
    };
    match found {
        Ok((id, detail, changed)) => answer(
            service_of(&detail, id, &tr, &state.settings.site.public_url),
            Some(changed),
        ),
        Err(e) => error(&e, &tr),
    }
}

async fn organizations(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let read = |offset, limit| state.directory.organisations(offset, limit);
    list(&query, &tr, read, |o| organization_of(o, &tr)).await
}

async fn one_organization(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let read = |row| state.directory.organisation(row);
    one(Kind::Organization, &id, &tr, read, |o| {
        organization_of(o, &tr)
    })
    .await
}

async fn locations(
    State(state): State<AppState>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let read = |offset, limit| state.directory.venues(offset, limit, tr.lang());
    list(&query, &tr, read, |v| location_of(v, &tr)).await
}

async fn location(
    State(state): State<AppState>,
    Path(id): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let tr = request(&uri, &headers);
    let read = |row| state.directory.venue(row, tr.lang());
    one(Kind::Location, &id, &tr, read, |v| location_of(v, &tr)).await
}

/// The page `query` asks for of a list `read` gives, each item as `shape`
/// makes it.
async fn list<T, S: Serialize, F: Future<Output = Result<(Vec<T>, u64), AppError>>>(
    query: &HashMap<String, String>,
    tr: &Tr,
    read: impl FnOnce(u64, u64) -> F,
    shape: impl Fn(&T) -> S,
) -> Response {
    let (page, per_page) = paging(query);
    match read((page - 1) * per_page, per_page).await {
        Ok((rows, total)) => answer(
            page_of(rows.iter().map(shape).collect(), total, page, per_page),
            None,
        ),
        Err(e) => error(&e, tr),
    }
}

/// The item `read` gives for the row `id` names, if it names one of `kind`.
async fn one<T, S: Serialize, F: Future<Output = Result<T, AppError>>>(
    kind: Kind,
    id: &str,
    tr: &Tr,
    read: impl FnOnce(i32) -> F,
    shape: impl Fn(&T) -> S,
) -> Response {
    let found = match row_of(kind, id) {
        Some(row) => read(row).await,
        None => Err(AppError::NotFound),
    };
    match found {
        Ok(item) => answer(shape(&item), None),
        Err(e) => error(&e, tr),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pages_stay_within_bounds() {
        let q = |pairs: &[(&str, &str)]| {
            pairs
                .iter()
                .map(|(k, v)| (k.to_string(), v.to_string()))
                .collect::<HashMap<_, _>>()
        };
        assert_eq!(paging(&q(&[])), (1, ONE_PAGE));
        assert_eq!(paging(&q(&[("page", "3"), ("per_page", "10")])), (3, 10));
        assert_eq!(
            paging(&q(&[("page", "0"), ("per_page", "100000")])),
            (1, PER_PAGE_MAX)
        );
        assert_eq!(
            paging(&q(&[("page", "x"), ("per_page", "-1")])),
            (1, ONE_PAGE)
        );
    }
}
