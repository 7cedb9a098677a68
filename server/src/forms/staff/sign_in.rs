//! Signing in and out of the staff area.

use axum::extract::{Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::backend::clock::Now;
use app::backend::staff::{access, audit, sessions, sign_in};
use app::domain::error::AppError;
use app::domain::staff::{AuditAction, SignInStep};
use app::i18n::request_lang;
use app::paths;

use super::super::{FORM_LIMIT, within};
use super::read;
use crate::AppState;
use crate::render;

#[derive(Debug, Default, Deserialize)]
struct SignInForm {
    #[serde(default)]
    email: String,
    #[serde(default)]
    code: String,
    #[serde(default)]
    token: String,
    /// A ticked box sends "1"; an unticked one sends nothing.
    #[serde(default)]
    shared_computer: Option<String>,
}

impl SignInForm {
    fn shared_computer(&self) -> bool {
        self.shared_computer.is_some()
    }
}

/// The sign-in page again, at its own address, showing `step`.
async fn sign_in_page(state: &AppState, mut parts: Parts, step: SignInStep) -> Response {
    parts.uri = paths::staff_sign_in().parse().expect("a path");
    render::with_context(state, parts, move || {
        leptos::prelude::provide_context(step.clone())
    })
    .await
}

/// `POST /ansatt/logg-inn`: sends a sign-in email if the address has an
/// account, and shows the code form either way.
pub async fn post_sign_in(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let email = form.email.trim().to_string();
    let mut step = SignInStep {
        email: email.clone(),
        ..SignInStep::default()
    };
    if !within(&state.limits.sign_in_per_client, &state, &parts) {
        step.error = Some(AppError::RateLimited);
        return sign_in_page(&state, parts, step).await;
    }
    let lang = request_lang(&parts.uri, &parts.headers);
    let per_hour = state.settings.limits.sign_in_emails_per_address_hour;
    match sign_in::request(&state.db, &email, lang, Now::real(), per_hour).await {
        Ok(()) => {
            state.wake.notify_one();
            step.sent = true;
        }
        Err(e) => {
            e.log();
            step.error = Some(e);
        }
    }
    sign_in_page(&state, parts, step).await
}

/// Starts a session for the account a code or link belonged to, ending
/// the session the browser came with (a new id at every sign-in), and
/// goes to the staff area's first page.
async fn signed_in(
    state: &AppState,
    parts: &Parts,
    account_id: i32,
    shared_computer: bool,
    now: Now,
) -> Result<Response, AppError> {
    let txn = state.db.begin().await?;
    if let Some(old) = sessions::from_headers(&parts.headers)
        && let Ok(session) = sessions::find(&state.db, &old, now).await
    {
        sessions::end(&txn, session.id).await?;
    }
    let token = sessions::start(&txn, account_id, shared_computer, now).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(account_id),
            action: AuditAction::SignedIn,
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    let cookie = sessions::set_cookie(&token, shared_computer, state.settings.site.is_https());
    Ok((
        [(header::SET_COOKIE, cookie)],
        Redirect::to(&paths::staff_home()),
    )
        .into_response())
}

/// `POST /ansatt/logg-inn/kode`: the emailed code, typed.
pub async fn post_code(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let mut step = SignInStep {
        email: form.email.trim().to_string(),
        code: form.code.trim().chars().take(12).collect(),
        shared_computer: form.shared_computer(),
        sent: true,
        error: None,
    };
    if !within(&state.limits.sign_in_per_client, &state, &parts) {
        step.error = Some(AppError::RateLimited);
        return sign_in_page(&state, parts, step).await;
    }
    let now = Now::real();
    let result = match sign_in::verify_code(&state.db, &form.email, &form.code, now).await {
        Ok(account) => signed_in(&state, &parts, account.id, form.shared_computer(), now).await,
        Err(e) => Err(e),
    };
    match result {
        Ok(response) => response,
        Err(e) => {
            e.log();
            step.error = Some(e);
            sign_in_page(&state, parts, step).await
        }
    }
}

/// `POST /ansatt/logg-inn/lenke`: the emailed link's button.
pub async fn post_link(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let mut step = SignInStep {
        shared_computer: form.shared_computer(),
        ..SignInStep::default()
    };
    if !within(&state.limits.sign_in_per_client, &state, &parts) {
        step.error = Some(AppError::RateLimited);
    } else {
        let now = Now::real();
        let result = match sign_in::use_link(&state.db, &form.token, now).await {
            Ok(account) => signed_in(&state, &parts, account.id, form.shared_computer(), now).await,
            Err(e) => Err(e),
        };
        match result {
            Ok(response) => return response,
            Err(e) => {
                e.log();
                step.error = Some(e);
            }
        }
    }
    // The link's page again, with what went wrong; never its token.
    let mut parts = parts;
    parts.uri = paths::staff_sign_in_link_post().parse().expect("a path");
    render::with_context(&state, parts, move || {
        leptos::prelude::provide_context(step.clone())
    })
    .await
}

/// Signs out of this browser (`everywhere`: of every browser), and goes
/// to the sign-in page. Signing out without a session still clears the
/// cookie: the end is the same.
async fn sign_out(state: AppState, parts: Parts, everywhere: bool) -> Response {
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<(), AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let txn = state.db.begin().await?;
        let action = if everywhere {
            sessions::end_all(&txn, staff.id()).await?;
            AuditAction::SignedOutEverywhere
        } else {
            sessions::end(&txn, staff.session_id).await?;
            AuditAction::SignedOut
        };
        audit::record(
            &txn,
            audit::Event {
                by: Some(staff.id()),
                action,
                ..audit::Event::default()
            },
            now,
        )
        .await?;
        txn.commit().await?;
        Ok(())
    }
    .await;
    if let Err(e) = result {
        e.log();
    }
    (
        [(
            header::SET_COOKIE,
            sessions::clear_cookie(state.settings.site.is_https()),
        )],
        Redirect::to(&paths::staff_sign_in()),
    )
        .into_response()
}

/// `POST /ansatt/logg-ut`.
pub async fn post_sign_out(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    sign_out(state, parts, false).await
}

/// `POST /ansatt/logg-ut-overalt`.
pub async fn post_sign_out_everywhere(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    sign_out(state, parts, true).await
}
