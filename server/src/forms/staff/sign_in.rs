//! Signing in and out of the staff area.

use axum::extract::{Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::backend::clock::Now;
use app::backend::entities::account;
use app::backend::staff::{access, audit, passwords, sessions, sign_in};
use app::domain::error::AppError;
use app::domain::staff::{AuditAction, PasswordStep, SignInStep};
use app::i18n::request_lang;
use app::paths;

use super::super::{FORM_LIMIT, within};
use super::{answer, read, signed_in_staff};
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
    #[serde(default)]
    password: String,
    /// The new password typed again.
    #[serde(default)]
    repeated: String,
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

/// Signs in as the account `check` finds for `form`, within the client's
/// limit; otherwise the sign-in page again, showing `step` and why.
async fn sign_in_by<Fut>(
    state: AppState,
    parts: Parts,
    form: &SignInForm,
    mut step: SignInStep,
    check: impl FnOnce(Now) -> Fut,
) -> Response
where
    Fut: std::future::Future<Output = Result<account::Model, AppError>>,
{
    if !within(&state.limits.sign_in_per_client, &state, &parts) {
        step.error = Some(AppError::RateLimited);
        return sign_in_page(&state, parts, step).await;
    }
    let now = Now::real();
    let result = match check(now).await {
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

/// `POST /ansatt/logg-inn/kode`: the emailed code, typed.
pub async fn post_code(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let step = SignInStep {
        email: form.email.trim().to_string(),
        code: form.code.trim().chars().take(12).collect(),
        shared_computer: form.shared_computer(),
        sent: true,
        ..SignInStep::default()
    };
    let db = state.db.clone();
    sign_in_by(state, parts, &form, step, |now| {
        sign_in::verify_code(&db, &form.email, &form.code, now)
    })
    .await
}

/// `POST /ansatt/logg-inn/passord`: the address and a password, for those
/// who added one. A wrong one comes back with the address kept (never the
/// password) and the same message whatever was wrong.
pub async fn post_password_sign_in(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let step = SignInStep {
        email: form.email.trim().to_string(),
        shared_computer: form.shared_computer(),
        by_password: true,
        ..SignInStep::default()
    };
    let db = state.db.clone();
    sign_in_by(state, parts, &form, step, |now| {
        passwords::verify(&db, &form.email, &form.password, now)
    })
    .await
}

/// `POST /ansatt/passord`: adds or changes the signed-in person's password.
pub async fn post_password(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: SignInForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        passwords::set(&state.db, &staff, &form.password, &form.repeated, now).await
    }
    .await;
    match result {
        Err(
            e
            @ (AppError::PasswordTooShort | AppError::PasswordTooLong | AppError::PasswordsDiffer),
        ) => {
            let step = PasswordStep { error: Some(e) };
            render::with_context(&state, parts, move || {
                leptos::prelude::provide_context(step.clone())
            })
            .await
        }
        other => answer(&state, parts, other.map(|()| saved_password_page())).await,
    }
}

/// `POST /ansatt/passord/fjern`: removes the signed-in person's password.
pub async fn post_password_remove(State(state): State<AppState>, request: Request) -> Response {
    let (parts, _) = request.into_parts();
    let now = Now::real();
    let result = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        passwords::remove(&state.db, &staff, now).await
    }
    .await;
    answer(&state, parts, result.map(|()| saved_password_page())).await
}

fn saved_password_page() -> String {
    paths::with_query(&paths::staff_password(), &[(paths::SAVED, "1".to_string())])
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
