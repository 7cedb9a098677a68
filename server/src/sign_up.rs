//! The form posts of course sign-up: sign up, confirm and cancel. Each is a
//! plain HTML form post that works without JavaScript; a turned-back
//! sign-up re-renders the page with everything typed and the messages.

use std::net::{IpAddr, SocketAddr};
use std::num::NonZeroU32;
use std::sync::Arc;

use axum::body::{Body, to_bytes};
use axum::extract::{ConnectInfo, Path, Request, State};
use axum::http::{Method, StatusCode, header};
use axum::middleware::Next;
use axum::response::{IntoResponse, Redirect, Response};
use governor::{DefaultKeyedRateLimiter, Quota, RateLimiter};
use leptos::prelude::*;
use serde::Deserialize;

use app::backend::request_lang;
use app::backend::sign_up::{self as service, Now, SignUpError};
use app::domain::sign_up::{SignUpForm, Submission};
use app::shell;

use crate::AppState;

/// Limits on sign-ups, against bots and floods.
pub struct RateLimits {
    per_ip: DefaultKeyedRateLimiter<IpAddr>,
    per_email: DefaultKeyedRateLimiter<String>,
}

impl RateLimits {
    /// `per_ip` sign-ups a minute from one address, `per_email` an hour for
    /// one email address.
    pub fn new(per_ip: NonZeroU32, per_email: NonZeroU32) -> Self {
        RateLimits {
            per_ip: RateLimiter::keyed(Quota::per_minute(per_ip)),
            per_email: RateLimiter::keyed(Quota::per_hour(per_email)),
        }
    }
}

impl Default for RateLimits {
    fn default() -> Self {
        Self::new(
            NonZeroU32::new(20).expect("non-zero"),
            NonZeroU32::new(5).expect("non-zero"),
        )
    }
}

/// Refuses form posts from other sites: browsers say where a request comes
/// from in `Sec-Fetch-Site`, older ones in `Origin`.
pub async fn same_origin_posts(request: Request, next: Next) -> Response {
    if request.method() == Method::POST {
        let headers = request.headers();
        let site = headers.get("sec-fetch-site").and_then(|v| v.to_str().ok());
        let cross = match site {
            Some(site) => !matches!(site, "same-origin" | "none"),
            None => match (
                headers.get(header::ORIGIN).and_then(|v| v.to_str().ok()),
                headers.get(header::HOST).and_then(|v| v.to_str().ok()),
            ) {
                (Some(origin), Some(host)) => {
                    origin.split_once("://").map(|(_, h)| h) != Some(host)
                }
                _ => false,
            },
        };
        if cross {
            let lang = request_lang(request.uri(), request.headers());
            let tr = app::backend::i18n::loader_for(lang);
            return (StatusCode::FORBIDDEN, tr.get("error-cross-site")).into_response();
        }
    }
    next.run(request).await
}

/// Renders the app for `parts` with a turned-back submission in context.
async fn render_with(
    state: &AppState,
    parts: http::request::Parts,
    submission: Submission,
) -> Response {
    let db = state.db.clone();
    let public = state.public;
    let options = state.leptos_options.clone();
    let handler = leptos_axum::render_app_async_with_context(
        move || {
            provide_context(db.clone());
            provide_context(public);
            provide_context(submission.clone());
        },
        move || shell(options.clone()),
    );
    let mut request = Request::from_parts(parts, Body::empty());
    *request.method_mut() = Method::GET;
    handler(request).await
}

fn sent(slug: &str) -> Response {
    Redirect::to(&format!("/tilbud/{slug}/pamelding/sendt")).into_response()
}

/// `POST /tilbud/<slug>/pamelding`.
pub async fn post_sign_up(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, 64 * 1024).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: SignUpForm = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    if !form.website.is_empty() {
        // A bot filled the hidden field: answer as if all went well.
        return sent(&slug);
    }
    let turn_back = |form: SignUpForm, errors, error: Option<&str>| Submission {
        form,
        errors,
        error: error.map(str::to_string),
    };
    let ip = parts
        .extensions
        .get::<ConnectInfo<SocketAddr>>()
        .map(|c| c.0.ip());
    if let Some(ip) = ip
        && state.limits.per_ip.check_key(&ip).is_err()
    {
        return render_with(
            &state,
            parts,
            turn_back(form, Vec::new(), Some("rate-limited")),
        )
        .await;
    }
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return render_with(&state, parts, turn_back(form, errors, None)).await,
    };
    if valid
        .recipients()
        .iter()
        .any(|email| state.limits.per_email.check_key(email).is_err())
    {
        return render_with(
            &state,
            parts,
            turn_back(form, Vec::new(), Some("rate-limited")),
        )
        .await;
    }
    let lang = request_lang(&parts.uri, &parts.headers);
    match service::sign_up(&state.db, &slug, &valid, lang, Now::real(), &state.sign_up).await {
        Ok(_) => {
            state.wake.notify_one();
            sent(&slug)
        }
        Err(SignUpError::NotFound) => render_with(&state, parts, Submission::default()).await,
        Err(e) => {
            let key = e.to_string();
            render_with(&state, parts, turn_back(form, Vec::new(), Some(&key))).await
        }
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
}

/// `POST /pamelding/bekreft`, then back to the link's page, which shows
/// the outcome.
pub async fn post_confirm(
    State(state): State<AppState>,
    axum::Form(form): axum::Form<TokenForm>,
) -> Response {
    if let Err(e) = service::confirm(&state.db, &form.token, Now::real(), &state.sign_up).await {
        tracing::info!(error = %e, "confirmation refused");
    }
    state.wake.notify_one();
    Redirect::to(&format!(
        "/pamelding/bekreft?token={}",
        urlencode(&form.token)
    ))
    .into_response()
}

/// `POST /pamelding/avmeld`, then back to the link's page.
pub async fn post_cancel(
    State(state): State<AppState>,
    axum::Form(form): axum::Form<TokenForm>,
) -> Response {
    if let Err(e) = service::cancel(&state.db, &form.token, Now::real(), &state.sign_up).await {
        tracing::info!(error = %e, "cancellation refused");
    }
    state.wake.notify_one();
    Redirect::to(&format!(
        "/pamelding/avmeld?token={}",
        urlencode(&form.token)
    ))
    .into_response()
}

fn urlencode(token: &str) -> String {
    serde_urlencoded::to_string([("t", token)])
        .map(|s| s.trim_start_matches("t=").to_string())
        .unwrap_or_default()
}

/// Shared with the worker: a sign-up wakes it so the email goes at once.
pub type Wake = Arc<tokio::sync::Notify>;
