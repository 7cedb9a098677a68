//! The form posts of course sign-up: sign up, confirm and cancel. Each is a
//! plain HTML form post that works without JavaScript; a turned-back
//! sign-up re-renders the page with everything typed and the messages.

use axum::body::to_bytes;
use axum::extract::{Path, Request, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::backend::clock::Now;
use app::backend::sign_up as service;
use app::backend::sign_up::limits::{Origin, mailbox_key};
use app::backend::sign_up::notify;
use app::backend::tokens;
use app::domain::error::AppError;
use app::domain::sign_up::{SignUpForm, Submission};
use app::i18n::request_lang;
use app::paths;

use super::{FORM_LIMIT, within};
use crate::AppState;
use crate::render;

/// `POST /tilbud/<slug>/pamelding`. Every sign-up the service accepts, for
/// a new person, one already signed up, or a course that just filled,
/// gets the same reply; the email says which it was.
pub async fn post_sign_up(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: SignUpForm = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let sent = || Redirect::to(&paths::sign_up_sent(&slug)).into_response();
    if !form.website.is_empty() {
        // A bot filled the hidden field: answer as if all went well.
        return sent();
    }
    let back = |form: SignUpForm, errors, error: Option<AppError>| Submission {
        form,
        errors,
        error,
    };
    if !within(&state.limits.sign_up_per_client, &state, &parts) {
        let submission = back(form, Vec::new(), Some(AppError::RateLimited));
        return render::turned_back(&state, parts, submission).await;
    }
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(errors) => return render::turned_back(&state, parts, back(form, errors, None)).await,
    };
    let recipients = notify::addresses(
        valid.participant_email.as_deref(),
        valid.registrant.as_ref().map(|(_, email)| email.as_str()),
    );
    if recipients.iter().any(|email| {
        state
            .limits
            .sign_up_per_email
            .check_key(&mailbox_key(email))
            .is_err()
    }) {
        let submission = back(form, Vec::new(), Some(AppError::RateLimited));
        return render::turned_back(&state, parts, submission).await;
    }
    let lang = request_lang(&parts.uri, &parts.headers);
    let now = Now::real();
    let origin =
        crate::client::of_request(&parts, &state.settings.http.trusted_proxies).map(Origin::of);
    match service::sign_up(
        &state.db,
        &slug,
        &valid,
        lang,
        now,
        &state.settings.sign_up,
        origin.as_ref(),
    )
    .await
    {
        Ok(_) => {
            state.wake.notify_one();
            sent()
        }
        Err(AppError::NotFound) => render::refused(&state, parts, AppError::NotFound).await,
        Err(e) => {
            e.log();
            render::turned_back(&state, parts, back(form, Vec::new(), Some(e))).await
        }
    }
}

#[derive(Deserialize)]
pub struct TokenForm {
    #[serde(default)]
    token: String,
}

/// What a link's button posts to, then back to the link's page, which
/// shows the outcome. A refused token is shown there too.
async fn use_link(
    state: AppState,
    parts: Parts,
    body: axum::body::Body,
    confirm: bool,
) -> Response {
    if !within(&state.limits.link_per_client, &state, &parts) {
        let lang = request_lang(&parts.uri, &parts.headers);
        return render::short_refusal(&state, lang, &AppError::RateLimited);
    }
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: TokenForm = serde_urlencoded::from_bytes(&bytes).unwrap_or(TokenForm {
        token: String::new(),
    });
    let now = Now::real();
    let result = if confirm {
        service::confirm(&state.db, &form.token, now).await
    } else {
        service::cancel(&state.db, &form.token, now).await
    };
    match result {
        Ok(_) => state.wake.notify_one(),
        Err(e) => {
            e.log();
            if let AppError::Internal(_) = e {
                return render::refused(&state, parts, e).await;
            }
        }
    }
    // Back to the page of the link, which shows what came of it. Only a
    // token of ours goes into the address (no header injection); anything
    // else leads to the page that says the link does not work.
    let token = if tokens::well_formed(form.token.trim()) {
        form.token.trim()
    } else {
        ""
    };
    let page = if confirm {
        paths::confirm_link(token)
    } else {
        paths::cancel_link(token)
    };
    Redirect::to(&page).into_response()
}

/// `POST /pamelding/bekreft`.
pub async fn post_confirm(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    use_link(state, parts, body, true).await
}

/// `POST /pamelding/avmeld`.
pub async fn post_cancel(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    use_link(state, parts, body, false).await
}
