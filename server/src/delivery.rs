//! How responses leave the server. Every page is finished once (Leptos's
//! empty inline data dropped, the islands' loader only where there are
//! islands), tagged so that a repeat visit costs a `304`, and compressed
//! as the browser accepts. The listing pages, which every visitor sees
//! alike, are kept per directory version and day: the busiest pages are
//! sent without being rendered.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;

use app::AssetUrls;
use app::domain::Code;
use app::i18n::request_lang;
use app::paths::segment;

use crate::AppState;
use crate::compress::{Effort, Encoding, Variants};

/// The largest body finished and compressed here; pages are tens of
/// kilobytes.
const BODY_LIMIT: usize = 8 * 1024 * 1024;
/// When cached pages are still true: the directory's version and the day
/// ("today", "tomorrow" on the cards).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Stamp {
    version: i64,
    date: NaiveDate,
}

#[derive(Debug)]
struct Page {
    content_type: HeaderValue,
    /// What the handler said beside the body, for a cached copy to say
    /// again; never a cookie, which belongs to one visitor.
    headers: HeaderMap,
    variants: Variants,
}

#[derive(Debug, Default)]
struct Shelf {
    stamp: Option<Stamp>,
    pages: HashMap<String, Arc<Page>>,
    bytes: usize,
}

/// The listing pages as last rendered, for one stamp.
#[derive(Clone, Debug, Default)]
pub struct PageCache {
    shelf: Arc<Mutex<Shelf>>,
    /// What it may hold, compressed forms included.
    capacity: usize,
}

impl PageCache {
    pub fn new(capacity: usize) -> Self {
        PageCache {
            shelf: Arc::default(),
            capacity,
        }
    }

    fn get(&self, key: &str, stamp: Stamp) -> Option<Arc<Page>> {
        let shelf = self.shelf.lock().expect("page cache");
        (shelf.stamp == Some(stamp))
            .then(|| shelf.pages.get(key).cloned())
            .flatten()
    }

    fn put(&self, key: String, stamp: Stamp, page: Arc<Page>) {
        let mut shelf = self.shelf.lock().expect("page cache");
        if shelf.stamp != Some(stamp) {
            *shelf = Shelf {
                stamp: Some(stamp),
                ..Shelf::default()
            };
        }
        // Full: keep what is there until the next version rather than let
        // a stream of odd addresses push the busy pages out.
        let weight = page.variants.weight() * 2;
        if shelf.bytes + weight <= self.capacity {
            shelf.bytes += weight;
            shelf.pages.insert(key, page);
        }
    }
}

/// Whether the page at `path` is the same for everyone with the same
/// language: the front page and the listings. An offering's page is not
/// (a course shows its places left), nor is any page with a link token.
fn is_listing(path: &str) -> bool {
    let mut segments = path.trim_start_matches('/').split('/');
    match (segments.next(), segments.next(), segments.next()) {
        (Some(""), None, None) => true,
        (Some(s), None, None) => s == segment::OFFERINGS,
        (Some(s), Some(slug), None) => s == segment::DISTRICT && !slug.is_empty(),
        _ => false,
    }
}

fn is_compressible(content_type: &str) -> bool {
    content_type.starts_with("text/")
        || content_type.starts_with("application/json")
        || content_type.starts_with("application/javascript")
}

/// The middleware.
pub async fn deliver(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let encoding = Encoding::negotiate(request.headers());
    let if_none_match = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let get = request.method() == Method::GET;
    let cached = if get && state.pages.capacity > 0 && is_listing(request.uri().path()) {
        match state.directory.version().await {
            Ok(version) => {
                let lang = request_lang(request.uri(), request.headers());
                let key = format!("{}|{}", lang.code(), request.uri());
                let stamp = Stamp {
                    version,
                    date: app::backend::clock::oslo_now().date(),
                };
                if let Some(page) = state.pages.get(&key, stamp) {
                    return respond(
                        &page,
                        StatusCode::OK,
                        &page.headers,
                        encoding,
                        if_none_match.as_deref(),
                    );
                }
                Some((key, stamp))
            }
            // The page will say what is wrong; nothing to cache.
            Err(_) => None,
        }
    } else {
        None
    };

    let response = next.run(request).await;
    let content_type = response.headers().get(header::CONTENT_TYPE).cloned();
    let Some(content_type) = content_type.filter(|v| v.to_str().is_ok_and(is_compressible)) else {
        return response;
    };
    // Already finished by its handler: a static file carries its own
    // validator, compressed or (under 512 bytes) deliberately not.
    if response.headers().contains_key(header::CONTENT_ENCODING)
        || response.headers().contains_key(header::ETAG)
    {
        return response;
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        tracing::error!("a response too large to finish");
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    let is_html = content_type
        .to_str()
        .is_ok_and(|v| v.starts_with("text/html"));
    let bytes = if is_html {
        Bytes::from(finish_page(
            &String::from_utf8_lossy(&bytes),
            state.assets.urls(),
        ))
    } else {
        bytes
    };
    let mut shared = parts.headers.clone();
    for private in [header::SET_COOKIE, header::CONTENT_LENGTH] {
        shared.remove(private);
    }
    let page = Arc::new(Page {
        content_type,
        headers: shared,
        variants: Variants::new(bytes, Effort::Page),
    });
    if let Some((key, stamp)) = cached
        && parts.status == StatusCode::OK
        && !parts.headers.contains_key(header::SET_COOKIE)
    {
        state.pages.put(key, stamp, page.clone());
    }
    let validated = get && parts.status == StatusCode::OK;
    respond(
        &page,
        parts.status,
        &parts.headers,
        encoding,
        if validated {
            if_none_match.as_deref()
        } else {
            None
        },
    )
}

/// `page` as the answer, with the handler's `headers`.
fn respond(
    page: &Page,
    status: StatusCode,
    headers: &HeaderMap,
    encoding: Encoding,
    if_none_match: Option<&str>,
) -> Response {
    let v = &page.variants;
    let mut response = if status == StatusCode::OK && v.matches(if_none_match) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (body, used) = v.body(encoding);
        let mut r = Response::new(Body::from(body));
        *r.status_mut() = status;
        if let Some(e) = used.header() {
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        r
    };
    let h = response.headers_mut();
    for (name, value) in headers {
        if name != header::CONTENT_LENGTH {
            h.append(name, value.clone());
        }
    }
    h.insert(header::CONTENT_TYPE, page.content_type.clone());
    h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
    if status == StatusCode::OK {
        h.insert(
            header::ETAG,
            HeaderValue::from_str(v.etag()).expect("hex is a header value"),
        );
        // Stored, but checked with the server before each use.
        h.entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
    }
    response
}

/// A page as it leaves: without the inline scripts Leptos appends to every
/// server render, and, when it has no islands, without the islands'
/// loader, so that it loads no script at all.
///
/// The inline scripts hand resources and errors over to hydration, and
/// Treffpunkt's pages hand nothing over (every page renders on the
/// server; islands get their data as props), so they are always the same
/// empty declarations. The loader declares them instead, and the policy
/// can forbid inline script altogether. A script that does carry data is
/// left in place and logged: the policy would block it, which is a bug to
/// fix, not to hide.
fn finish_page(html: &str, assets: &AssetUrls) -> String {
    let page = strip_empty_hydration_data(html);
    if page.contains("<leptos-island") {
        return page;
    }
    let loader = format!(
        r#"<script type="module" src="{}"></script>"#,
        assets.islands
    );
    page.replacen(&loader, "", 1)
}

/// What Leptos writes when there is no data to hand over.
const EMPTY_DATA: [&str; 2] = [
    "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];",
    "__INCOMPLETE_CHUNKS=[];",
];

fn strip_empty_hydration_data(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script nonce=\"") {
        out.push_str(&rest[..start]);
        let script = &rest[start..];
        let Some(open_end) = script.find('>') else {
            rest = script;
            break;
        };
        let Some(close) = script.find("</script>") else {
            rest = script;
            break;
        };
        let content = &script[open_end + 1..close];
        let end = close + "</script>".len();
        let open_tag = &script[..open_end];
        if open_tag.contains(" src=") {
            // A file the policy allows as the site's own: the nonce Leptos
            // adds would only make every copy of the page differ, and its
            // validator with it.
            let nonce_end = "<script nonce=\"".len()
                + open_tag["<script nonce=\"".len()..]
                    .find('"')
                    .unwrap_or_default();
            out.push_str("<script");
            out.push_str(&script[nonce_end + 1..end]);
            rest = &script[end..];
            continue;
        }
        if !EMPTY_DATA.contains(&content) {
            // Its length only: what it carries could be anything.
            tracing::error!(bytes = content.len(), "an inline script the policy blocks");
            out.push_str(&script[..end]);
        }
        rest = &script[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls() -> AssetUrls {
        AssetUrls {
            css: "/pkg/t.1.css".into(),
            script: "/pkg/t.2.js".into(),
            islands: "/pkg/islands.3.js".into(),
            print: "/pkg/print.4.js".into(),
        }
    }

    #[test]
    fn only_empty_hydration_data_is_removed() {
        let page = concat!(
            "<main>x</main>",
            r#"<script nonce="abc">__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];</script>"#,
            r#"<script nonce="abc">__INCOMPLETE_CHUNKS=[];</script>"#,
            r#"<script type="module" src="/pkg/islands.js"></script>"#,
            "</body>"
        );
        assert_eq!(
            strip_empty_hydration_data(page),
            r#"<main>x</main><script type="module" src="/pkg/islands.js"></script></body>"#
        );
        let with_data = r#"<script nonce="a">__RESOLVED_RESOURCES=["1"];</script>"#;
        assert_eq!(strip_empty_hydration_data(with_data), with_data);
        let file =
            r#"<head><script nonce="xyz" src="/pkg/print.1.js" type="module"></script></head>"#;
        assert_eq!(
            strip_empty_hydration_data(file),
            r#"<head><script src="/pkg/print.1.js" type="module"></script></head>"#
        );
    }

    #[test]
    fn a_page_without_islands_loads_no_script() {
        let head = r#"<head><script type="module" src="/pkg/islands.3.js"></script></head>"#;
        let plain = format!("{head}<main>x</main>");
        assert_eq!(finish_page(&plain, &urls()), "<head></head><main>x</main>");
        let with_island = format!(r#"{head}<leptos-island data-component="X"></leptos-island>"#);
        assert_eq!(finish_page(&with_island, &urls()), with_island);
    }

    #[test]
    fn listing_pages_are_the_shared_ones() {
        for path in ["/", "/tilbud", "/bydel/sentrum"] {
            assert!(is_listing(path), "{path}");
        }
        for path in [
            "/tilbud/sterk-og-stodig",
            "/bydel/",
            "/pamelding/bekreft",
            "/tilbud/x/pamelding",
            "/personvern",
        ] {
            assert!(!is_listing(path), "{path}");
        }
    }
}
