//! What every response says about itself to the browser, and the
//! same-origin check on form posts.

use axum::extract::{Request, State};
use axum::http::header::{self, HeaderName, HeaderValue};
use axum::http::{Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};

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
    // Server functions answer with data for one page of one visitor,
    // staff data among them.
    let staff_page =
        paths::is_staff(request.uri().path()) || request.uri().path().starts_with("/api/");
    let posted = request.method() == Method::POST;
    let mut response = next.run(request).await;
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
    if staff_page {
        // One person's pages, with other people's names: kept by nobody.
        set(header::CACHE_CONTROL, "private, no-store");
    } else if token_page || posted {
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
        let lang = app::i18n::request_lang(request.uri(), request.headers());
        return crate::render::short_refusal(&state, lang, &AppError::CrossSite);
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

/// Gives a server function's error the status its [`AppError`] says:
/// server_fn answers every error 500, so input that does not decode (a
/// `BadRequest`) would look like a fault of ours. The body is the error as
/// JSON, a few bytes.
pub async fn server_fn_status(request: Request, next: Next) -> Response {
    let response = next.run(request).await;
    if !response
        .headers()
        .contains_key(leptos::server_fn::error::SERVER_FN_ERROR_HEADER)
    {
        return response;
    }
    let (mut parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, 64 * 1024).await else {
        return (StatusCode::INTERNAL_SERVER_ERROR, "").into_response();
    };
    if let Ok(error) = serde_json::from_slice::<AppError>(&bytes)
        && let Ok(status) = StatusCode::from_u16(error.status())
    {
        parts.status = status;
    }
    Response::from_parts(parts, axum::body::Body::from(bytes))
}
