//! What every response says about itself to the browser, and the
//! same-origin check on form posts.

use axum::extract::{Request, State};
use axum::http::Method;
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;

use app::domain::error::AppError;
use app::paths;

use crate::AppState;

/// Only the site's own files: its script and wasm (which the browser must
/// be allowed to compile), its CSS, its images. No inline script or style,
/// no plugins, no framing, forms post only here. This is the second wall
/// against injected script; escaping everything is the first.
pub const CONTENT_SECURITY_POLICY: &str = "default-src 'self'; \
     script-src 'self' 'wasm-unsafe-eval'; \
     style-src 'self'; \
     img-src 'self' data:; \
     connect-src 'self'; \
     object-src 'none'; \
     base-uri 'none'; \
     form-action 'self'; \
     frame-ancestors 'none'";

/// HSTS for a year, when the site is served over HTTPS.
const HSTS: &str = "max-age=31536000";

/// Adds the security headers to every response. Pages whose address carries
/// a link token send no referrer and are never stored by a cache.
pub async fn headers(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let token_page = paths::carries_token(request.uri().path());
    let posted = request.method() == Method::POST;
    let mut response = without_inline_scripts(next.run(request).await).await;
    let h = response.headers_mut();
    let https = state.settings.site.is_https();
    h.insert(
        header::CONTENT_SECURITY_POLICY,
        if https {
            HeaderValue::from_str(&format!(
                "{CONTENT_SECURITY_POLICY}; upgrade-insecure-requests"
            ))
            .expect("the policy is ASCII")
        } else {
            HeaderValue::from_static(CONTENT_SECURITY_POLICY)
        },
    );
    let mut set = |name: HeaderName, value: &'static str| {
        h.insert(name, HeaderValue::from_static(value));
    };
    set(header::X_CONTENT_TYPE_OPTIONS, "nosniff");
    set(header::X_FRAME_OPTIONS, "DENY");
    set(
        HeaderName::from_static("cross-origin-opener-policy"),
        "same-origin",
    );
    set(
        HeaderName::from_static("permissions-policy"),
        "camera=(), microphone=(), geolocation=(), payment=()",
    );
    if token_page {
        set(header::REFERRER_POLICY, "no-referrer");
    } else {
        set(header::REFERRER_POLICY, "strict-origin-when-cross-origin");
    }
    if token_page || posted {
        // A link's page and a turned-back form show what is personal.
        set(header::CACHE_CONTROL, "no-store");
    }
    if https {
        set(header::STRICT_TRANSPORT_SECURITY, HSTS);
    }
    response
}

/// Refuses form posts from other sites: browsers say where a request comes
/// from in `Sec-Fetch-Site`, older ones in `Origin`.
pub async fn same_origin_posts(
    State(state): State<AppState>,
    request: Request,
    next: Next,
) -> Response {
    if request.method() == Method::POST && is_cross_site(&request, &state.settings.site.public_url)
    {
        let (parts, _) = request.into_parts();
        return crate::render::refused(&state, parts, AppError::CrossSite).await;
    }
    next.run(request).await
}

/// Whether a post comes from another site. Without `Sec-Fetch-Site`, the
/// `Origin` must be the public address, or name the host the request was
/// sent to (a proxy may rewrite `Host`, so either will do).
fn is_cross_site(request: &Request, public_url: &str) -> bool {
    let headers = request.headers();
    match headers.get("sec-fetch-site").and_then(|v| v.to_str().ok()) {
        Some(site) => !matches!(site, "same-origin" | "none"),
        None => match headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()) {
            Some(origin) => {
                let host = headers.get(header::HOST).and_then(|v| v.to_str().ok());
                origin != public_url && origin.split_once("://").map(|(_, h)| h) != host
            }
            None => false,
        },
    }
}

/// The largest page rewritten; pages are tens of kilobytes.
const PAGE_LIMIT: usize = 8 * 1024 * 1024;

/// A page without the inline scripts Leptos appends to every server
/// render. They hand resources and errors over to hydration, and
/// Treffpunkt's pages hand nothing over (every page renders on the
/// server; islands get their data as props), so they are always the same
/// empty declarations. `islands.js` declares them instead, and the policy
/// can forbid inline script altogether. A script that does carry data is
/// left in place and logged: the policy would block it, which is a bug to
/// fix, not to hide.
async fn without_inline_scripts(response: Response) -> Response {
    let is_html = response
        .headers()
        .get(header::CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if !is_html {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, PAGE_LIMIT).await else {
        tracing::error!("a page too large to check for inline script");
        parts.status = axum::http::StatusCode::INTERNAL_SERVER_ERROR;
        return Response::from_parts(parts, axum::body::Body::empty());
    };
    let html = String::from_utf8_lossy(&bytes);
    let cleaned = strip_empty_hydration_data(&html);
    parts.headers.remove(header::CONTENT_LENGTH);
    Response::from_parts(parts, axum::body::Body::from(cleaned))
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
    use super::strip_empty_hydration_data;

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
    }
}
