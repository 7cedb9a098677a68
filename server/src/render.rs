//! Rendering the Leptos app from a handler outside it: a form that is
//! turned back with everything typed, or a request refused with a
//! translated error page; and the short page of a refusal that must cost
//! next to nothing (too many tries, a post from another site), written
//! without the app.

use axum::body::Body;
use axum::extract::Request;
use axum::http::Method;
use axum::http::request::Parts;
use axum::response::Response;
use leptos::prelude::*;

use app::api::sign_up::PublicSettings;
use app::domain::error::AppError;
use app::domain::sign_up::Submission;
use app::{Refused, shell};

use crate::AppState;

/// What every render of the app finds in its context.
pub fn provide_state(state: &AppState) {
    provide_context(state.db.clone());
    provide_context(state.directory.clone());
    provide_context(state.settings.clone());
    provide_context(state.assets.urls().clone());
    provide_context(PublicSettings {
        anonymise_after_days: state.settings.jobs.anonymise_after_days,
        mail_kept_minutes: state.settings.mail.keep_sent.num_minutes(),
        stale_after_days: state.settings.jobs.stale_after_days,
    });
}

/// Renders the page at `parts`'s path, as a GET, with `extra` in context.
pub async fn with_context(
    state: &AppState,
    parts: Parts,
    extra: impl Fn() + Clone + Send + Sync + 'static,
) -> Response {
    let base = state.clone();
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_state(&base);
            extra();
        },
        move || shell(options.clone()),
    );
    let mut request = Request::from_parts(parts, Body::empty());
    *request.method_mut() = Method::GET;
    handler(request).await
}

/// The form page again, with what was typed and what is wrong with it.
pub async fn turned_back(state: &AppState, parts: Parts, submission: Submission) -> Response {
    with_context(state, parts, move || provide_context(submission.clone())).await
}

/// The translated page for `error`, with its status.
pub async fn refused(state: &AppState, parts: Parts, error: AppError) -> Response {
    with_context(state, parts, move || {
        provide_context(Refused(error.clone()))
    })
    .await
}

/// The short translated page for a refusal that must stay cheap however
/// often it is asked for: a few lines from Fluent and the stylesheet, no
/// render of the app and no database. `429`s say when to try again.
pub fn short_refusal(
    state: &AppState,
    lang: app::domain::lang::Lang,
    error: &AppError,
) -> Response {
    use app::components::escape::text;
    use app::domain::Code;
    use axum::http::{HeaderValue, StatusCode, header};
    use axum::response::IntoResponse;

    let tr = app::i18n::Tr::new(lang);
    let key = error.key();
    let title = text(&tr.t(&format!("{key}-title")));
    let html = format!(
        "<!DOCTYPE html><html lang=\"{lang}\"><head><meta charset=\"utf-8\">\
         <meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\
         <meta name=\"robots\" content=\"noindex\"><title>{title}</title>\
         <link rel=\"stylesheet\" href=\"{css}\"></head><body><main id=\"main\" class=\"container\">\
         <h1>{title}</h1><p class=\"lead\">{message}</p><p><a href=\"{home}\">{go_home}</a></p>\
         </main></body></html>",
        lang = lang.code(),
        css = state.assets.urls().css,
        message = text(&tr.t(key)),
        home = app::paths::home(),
        go_home = text(&tr.t("error-go-home")),
    );
    let status = StatusCode::from_u16(error.status()).unwrap_or(StatusCode::BAD_REQUEST);
    let mut response = (status, html).into_response();
    let headers = response.headers_mut();
    headers.insert(
        header::CONTENT_TYPE,
        HeaderValue::from_static("text/html; charset=utf-8"),
    );
    headers.insert(header::CACHE_CONTROL, HeaderValue::from_static("no-store"));
    if status == StatusCode::TOO_MANY_REQUESTS {
        headers.insert(header::RETRY_AFTER, HeaderValue::from_static("30"));
    }
    response
}
