//! The sitemap (sitemaps.org 0.9): an index of parts, one with the pages
//! that are not offerings and one per 250 offering ids, every page in
//! each language with its alternates (`xhtml:link hreflang`), as each
//! page's head names them.

use std::fmt::Write;

use axum::extract::{Path, State};
use axum::http::{HeaderMap, Uri};
use axum::response::Response;
use strum::IntoEnumIterator;

use app::backend::directory::feeds::Listed;
use app::domain::Code;
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::i18n::request_lang;
use app::paths;

use super::{failed, file};
use crate::AppState;

const XML: &str = "application/xml; charset=utf-8";
const URLSET: &str = r#"<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9" xmlns:xhtml="http://www.w3.org/1999/xhtml">"#;

/// Text for XML: a URL's `&` among the rest.
fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// `/sitemap.xml`: where the parts are.
pub async fn index(State(state): State<AppState>, uri: Uri, headers: HeaderMap) -> Response {
    let parts = match state.directory.sitemap_parts().await {
        Ok(n) => n,
        Err(e) => return failed(&e, request_lang(&uri, &headers)),
    };
    let site = &state.settings.site.public_url;
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<sitemapindex xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n",
    );
    let locations =
        std::iter::once(paths::sitemap_pages()).chain((1..=parts).map(paths::sitemap_offerings));
    for path in locations {
        let _ = writeln!(
            out,
            "<sitemap><loc>{}</loc></sitemap>",
            escape(&paths::absolute(site, &path))
        );
    }
    out.push_str("</sitemapindex>\n");
    file(XML, out)
}

/// `/sitemap/sider.xml` or `/sitemap/tilbud-<n>.xml`: one part.
pub async fn part(
    State(state): State<AppState>,
    Path(name): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&uri, &headers);
    let site = &state.settings.site.public_url;
    let found = if name == paths::SITEMAP_PAGES {
        pages(&state).await
    } else {
        match name
            .strip_prefix(paths::SITEMAP_OFFERINGS)
            .and_then(|rest| rest.strip_suffix(".xml"))
            .and_then(|n| n.parse::<u64>().ok())
        {
            Some(n) => state.directory.sitemap_part(n).await.map(|listed| {
                listed
                    .into_iter()
                    .map(|Listed { slug, updated }| {
                        (
                            paths::offering(&slug),
                            Some(updated.format("%Y-%m-%d").to_string()),
                        )
                    })
                    .collect()
            }),
            None => Err(AppError::NotFound),
        }
    };
    match found {
        Ok(found) => file(XML, urlset(site, &found)),
        Err(e) => failed(&e, lang),
    }
}

/// The pages that are not offerings: the front page, the whole listing,
/// each district, the privacy page.
async fn pages(state: &AppState) -> Result<Vec<(String, Option<String>)>, AppError> {
    let districts = state.directory.districts(Lang::default()).await?;
    Ok([paths::home(), paths::offerings(), paths::privacy()]
        .into_iter()
        .chain(districts.iter().map(|d| paths::district(&d.slug)))
        .map(|path| (path, None))
        .collect())
}

/// Each page (a path, and the day it last changed if known) once per
/// language, naming the others.
fn urlset(site: &str, pages: &[(String, Option<String>)]) -> String {
    let url = |path: &str| escape(&paths::absolute(site, path));
    let mut out = format!("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n{URLSET}\n");
    for (page, changed) in pages {
        let mut alternates = String::new();
        for lang in Lang::iter() {
            let _ = write!(
                alternates,
                r#"<xhtml:link rel="alternate" hreflang="{}" href="{}"/>"#,
                lang.code(),
                url(&paths::in_lang(page, lang))
            );
        }
        let _ = write!(
            alternates,
            r#"<xhtml:link rel="alternate" hreflang="x-default" href="{}"/>"#,
            url(page)
        );
        let lastmod = changed
            .as_deref()
            .map(|day| format!("<lastmod>{day}</lastmod>"))
            .unwrap_or_default();
        for lang in Lang::iter() {
            let _ = writeln!(
                out,
                "<url><loc>{}</loc>{lastmod}{alternates}</url>",
                url(&paths::in_lang(page, lang))
            );
        }
    }
    out.push_str("</urlset>\n");
    out
}
