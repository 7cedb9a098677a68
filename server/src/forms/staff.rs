//! The staff area's form posts: asking for a sign-in email, the code or
//! the link's button, signing out here or everywhere; and the CSV export
//! of a course's people, which is a download rather than a page.

use axum::body::{Body, to_bytes};
use axum::extract::{Path, Request, State};
use axum::http::request::Parts;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::backend::catalogue::{cancel, offering, status};
use app::backend::clock::Now;
use app::backend::staff::{access, audit, participants, roster, sessions, sign_in};
use app::domain::Code;
use app::domain::catalogue::{CancelSubmission, OfferingForm, OfferingSubmission};
use app::domain::error::AppError;
use app::domain::offering::{OfferingKind, OfferingStatus};
use app::domain::staff::{AuditAction, PhoneSignUpForm, PhoneSubmission, SignInStep, SignUpAction};
use app::i18n::request_lang;
use app::paths;

use super::{FORM_LIMIT, within};
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
    /// A status button: the state to move to.
    #[serde(default)]
    to: String,
    #[serde(default)]
    comment: String,
    /// The staff page to go back to.
    #[serde(default)]
    back: String,
}

impl SignInForm {
    fn shared_computer(&self) -> bool {
        self.shared_computer.is_some()
    }
}

/// The form's fields; an unreadable body is an empty form, which every
/// handler answers with its page and a message.
async fn read(body: Body) -> Result<SignInForm, Response> {
    let bytes = to_bytes(body, FORM_LIMIT)
        .await
        .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
    Ok(serde_urlencoded::from_bytes(&bytes).unwrap_or_default())
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
    let form = match read(body).await {
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
    let form = match read(body).await {
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
    let form = match read(body).await {
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

/// `POST /ansatt/tilbud/<id>/status`: publish, submit, approve, return
/// with a comment, unpublish or archive; then back to the list, which
/// shows the change at once.
pub async fn post_status(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form = match read(body).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<(), AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
        let to = OfferingStatus::from_code(&form.to).ok_or(AppError::Forbidden)?;
        status::set(&state.db, &staff, id, to, Some(&form.comment), now).await
    }
    .await;
    match result {
        Ok(()) => {
            let back = if paths::is_staff(&form.back) && paths::is_local(&form.back) {
                form.back
            } else {
                paths::staff_home()
            };
            Redirect::to(&back).into_response()
        }
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(e) => {
            e.log();
            render::refused(&state, parts, e).await
        }
    }
}

/// `POST /ansatt/kurs/<id>/pamelding/<sign-up>/<action>`: cancel for
/// someone, or give them a place from the waiting list; then back to the
/// course's page, which shows the change.
pub async fn post_sign_up_action(
    State(state): State<AppState>,
    Path((course, sign_up, action)): Path<(String, String, String)>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<i32, AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let ids = (course.parse::<i32>(), sign_up.parse::<i32>());
        let (Ok(course), Ok(sign_up), Some(action)) =
            (ids.0, ids.1, SignUpAction::from_segment(&action))
        else {
            return Err(AppError::NotFound);
        };
        let settings = &state.settings.sign_up;
        participants::act(&state.db, &staff, course, sign_up, action, now, settings).await?;
        Ok(course)
    }
    .await;
    match result {
        Ok(course) => {
            state.wake.notify_one();
            Redirect::to(&paths::staff_course(course)).into_response()
        }
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(e) => {
            e.log();
            render::refused(&state, parts, e).await
        }
    }
}

/// `POST /ansatt/kurs/<id>/telefon`: someone who phoned in. A form with
/// mistakes comes back on the course's page with everything typed.
pub async fn post_phone_sign_up(
    State(state): State<AppState>,
    Path(course): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: PhoneSignUpForm = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(problems) => {
            return phone_turned_back(&state, parts, &course, form, problems, None).await;
        }
    };
    let lang = request_lang(&parts.uri, &parts.headers);
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<i32, AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let id: i32 = course.parse().map_err(|_| AppError::NotFound)?;
        participants::add_by_phone(&state.db, &staff, id, &valid, lang, now).await?;
        Ok(id)
    }
    .await;
    match result {
        Ok(id) => Redirect::to(&paths::staff_course(id)).into_response(),
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(AppError::CourseFull) => {
            phone_turned_back(
                &state,
                parts,
                &course,
                form,
                Vec::new(),
                Some(AppError::CourseFull),
            )
            .await
        }
        Err(e) => {
            e.log();
            render::refused(&state, parts, e).await
        }
    }
}

/// The course's page again, with the phone form as it was typed.
async fn phone_turned_back(
    state: &AppState,
    mut parts: Parts,
    course: &str,
    form: PhoneSignUpForm,
    problems: Vec<(&'static str, &'static str)>,
    error: Option<AppError>,
) -> Response {
    let id: i32 = course.parse().unwrap_or(0);
    parts.uri = paths::staff_course(id).parse().expect("a path");
    let submission = PhoneSubmission {
        form,
        problems,
        error,
    };
    render::with_context(state, parts, move || {
        leptos::prelude::provide_context(submission.clone())
    })
    .await
}

/// The largest offering form read: three languages' descriptions.
const OFFERING_FORM_LIMIT: usize = 60 * 1024;

/// `POST /ansatt/nytt-tilbud`: a new offering (or a copy), saved as a
/// draft; then its form, which says it was saved.
pub async fn post_new_offering(State(state): State<AppState>, request: Request) -> Response {
    save_offering(state, request, None).await
}

/// `POST /ansatt/tilbud/<id>`: an offering's changes.
pub async fn post_offering(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let Ok(id) = id.parse::<i32>() else {
        let (parts, _) = request.into_parts();
        return render::refused(&state, parts, AppError::NotFound).await;
    };
    save_offering(state, request, Some(id)).await
}

async fn save_offering(state: AppState, request: Request, id: Option<i32>) -> Response {
    let (mut parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, OFFERING_FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: OfferingForm = serde_html_form::from_bytes(&bytes).unwrap_or_default();
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let staff = match access::signed_in(&state.db, cookie.as_deref(), now).await {
        Ok(staff) => staff,
        Err(_) => return Redirect::to(&paths::staff_sign_in()).into_response(),
    };
    let turned_back = |problems, error| OfferingSubmission {
        form: form.clone(),
        problems,
        error,
    };
    // A form that comes back shows on its own page, as a GET of it.
    let kind = OfferingKind::from_code(&form.kind).unwrap_or(OfferingKind::ActivityGroup);
    parts.uri = match id {
        Some(id) => paths::staff_offering(id),
        None => paths::staff_new_offering(kind),
    }
    .parse()
    .expect("a path");
    let submission = match form.validate(now.local.date()) {
        Err(problems) => turned_back(problems, None),
        Ok(draft) => {
            let settings = &state.settings.sign_up;
            match offering::save(&state.db, &staff, id, draft, now, settings).await {
                Ok(saved) => {
                    state.wake.notify_one();
                    let page = format!("{}?{}=1", paths::staff_offering(saved), paths::SAVED);
                    return Redirect::to(&page).into_response();
                }
                Err(e @ (AppError::Forbidden | AppError::NotFound)) => {
                    return render::refused(&state, parts, e).await;
                }
                Err(e) => {
                    e.log();
                    turned_back(Vec::new(), Some(e))
                }
            }
        }
    };
    render::with_context(&state, parts, move || {
        leptos::prelude::provide_context(submission.clone())
    })
    .await
}

#[derive(Debug, Default, Deserialize)]
struct CancelForm {
    #[serde(default)]
    date: String,
    #[serde(default)]
    reason: String,
}

/// `POST /ansatt/tilbud/<id>/avlys`: calls off one date; then the page
/// again, which says it is done. A missing or wrong date comes back with
/// the reason as typed.
pub async fn post_cancel_date(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let Ok(bytes) = to_bytes(body, FORM_LIMIT).await else {
        return StatusCode::PAYLOAD_TOO_LARGE.into_response();
    };
    let form: CancelForm = serde_urlencoded::from_bytes(&bytes).unwrap_or_default();
    let now = Now::real();
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<i32, AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
        let date = form.date.parse().map_err(|_| AppError::NotAMeeting)?;
        cancel::cancel_date(&state.db, &staff, id, date, &form.reason, now).await?;
        Ok(id)
    }
    .await;
    match result {
        Ok(id) => {
            state.wake.notify_one();
            let page = format!("{}?{}=1", paths::staff_cancel_date(id), paths::SAVED);
            Redirect::to(&page).into_response()
        }
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(AppError::NotAMeeting) => {
            let submission = CancelSubmission {
                date: form.date,
                reason: form.reason,
                error: Some(AppError::NotAMeeting),
            };
            render::with_context(&state, parts, move || {
                leptos::prelude::provide_context(submission.clone())
            })
            .await
        }
        Err(e) => {
            e.log();
            render::refused(&state, parts, e).await
        }
    }
}

/// `GET /ansatt/kurs/<id>/deltakere.csv`: the course's people for a
/// spreadsheet, recorded in the audit log.
pub async fn course_csv(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let now = Now::real();
    let lang = request_lang(&parts.uri, &parts.headers);
    let cookie = sessions::from_headers(&parts.headers);
    let result: Result<(String, Vec<u8>), AppError> = async {
        let staff = access::signed_in(&state.db, cookie.as_deref(), now).await?;
        let id: i32 = id.parse().map_err(|_| AppError::NotFound)?;
        let txn = state.db.begin().await?;
        let export = roster::export_csv(&txn, &staff, id, lang, now).await?;
        txn.commit().await?;
        Ok(export)
    }
    .await;
    match result {
        Ok((file, body)) => (
            [
                (header::CONTENT_TYPE, "text/csv; charset=utf-8".to_string()),
                (
                    header::CONTENT_DISPOSITION,
                    // The slug passed the directory's check: a-z, 0-9, -.
                    format!("attachment; filename=\"{file}\""),
                ),
            ],
            body,
        )
            .into_response(),
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(e) => {
            e.log();
            render::refused(&state, parts, e).await
        }
    }
}
