//! Rendering the Leptos app from a handler outside it: a form that is
//! turned back with everything typed, or a request refused with a
//! translated error page.

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
