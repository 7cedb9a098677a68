//! What the site offers beyond its pages, for other programs to read:
//! calendar files and subscriptions, a feed of new and changed offerings,
//! an open data API shaped after HSDS, the sitemap and `robots.txt`. Each reads the directory the pages read,
//! so a coordinator's change reaches it as fast as it reaches the pages;
//! the page cache keeps the listings' feeds as it keeps their pages.

pub mod calendar;
pub mod changes;
pub mod hsds;
pub mod programme;
pub mod sitemap;

use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::paths;

/// A file of `content_type` for a program to read.
fn file(content_type: &'static str, body: String) -> Response {
    (
        [(header::CONTENT_TYPE, HeaderValue::from_static(content_type))],
        body,
    )
        .into_response()
}

/// `response` with the name a browser saves it under, and whether it
/// offers to save it (`attachment`) or shows it (`inline`). `name` is made
/// of a checked slug (a-z, 0-9, -) and fixed words.
fn named(mut response: Response, disposition: &str, name: &str) -> Response {
    if let Ok(v) = HeaderValue::from_str(&format!("{disposition}; filename=\"{name}\"")) {
        response
            .headers_mut()
            .insert(header::CONTENT_DISPOSITION, v);
    }
    response
}

/// A feed that could not be made: the error's status, its message in
/// `lang` as plain text (the reader is a program, or a person who opened
/// the address by hand).
fn failed(e: &AppError, lang: Lang) -> Response {
    e.log();
    (status_of(e), app::i18n::Tr::new(lang).t(e.key())).into_response()
}

/// The HTTP status of `e`: what the error says, or 500.
fn status_of(e: &AppError) -> StatusCode {
    StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR)
}

/// What crawlers may read: the public pages, not the staff area, the
/// sign-up forms and links, or searches (each costs a core; the listings
/// and offering pages hold the same); and where the sitemap is.
pub async fn robots(
    axum::extract::State(state): axum::extract::State<crate::AppState>,
) -> Response {
    let body = format!(
        "User-agent: *\nDisallow: /{staff}/\nDisallow: /{sign_up}/\nDisallow: /*/{sign_up}\nDisallow: /*q=\n\nSitemap: {sitemap}\n",
        staff = paths::segment::STAFF,
        sign_up = paths::segment::SIGN_UP,
        sitemap = paths::absolute(&state.settings.site.public_url, &paths::sitemap()),
    );
    file("text/plain; charset=utf-8", body)
}
