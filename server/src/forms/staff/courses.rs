//! What an organiser does to a course's sign-ups, and the CSV download.

use axum::extract::{Path, Request, State};
use axum::http::header;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};

use app::backend::clock::Now;
use app::backend::staff::{participants, roster};
use app::domain::error::AppError;
use app::domain::staff::{
    CourseMessageForm, MessageSubmission, PhoneSignUpForm, PhoneSubmission, SignUpAction,
};
use app::i18n::request_lang;
use app::paths;

use super::super::FORM_LIMIT;
use super::{answer, number, read, signed_in_staff, staff_and_id, turned_back};
use crate::AppState;
use crate::render;

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
    let result: Result<i32, AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let ids = (course.parse::<i32>(), sign_up.parse::<i32>());
        let (Ok(course), Ok(sign_up), Some(action)) =
            (ids.0, ids.1, SignUpAction::from_segment(&action))
        else {
            return Err(AppError::NotFound);
        };
        participants::act(&state.db, &staff, course, sign_up, action, now).await?;
        Ok(course)
    }
    .await;
    if result.is_ok() {
        state.wake.notify_one();
    }
    answer(&state, parts, result.map(paths::staff_course)).await
}

/// `POST /ansatt/kurs/<id>/telefon`: someone who phoned in. A form with
/// mistakes comes back on the course's page with everything typed.
pub async fn post_phone_sign_up(
    State(state): State<AppState>,
    Path(course): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: PhoneSignUpForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(problems) => {
            return phone_turned_back(&state, parts, &course, form, problems, None).await;
        }
    };
    let lang = request_lang(&parts.uri, &parts.headers);
    let now = Now::real();
    let result: Result<i32, AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
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

/// `POST /ansatt/kurs/<id>/melding`: a message to everyone with a place
/// (and the waiting list, if ticked), through the outbox; then the
/// course's page, saying how many it reached. An empty or too long
/// message comes back with what was typed.
pub async fn post_message(
    State(state): State<AppState>,
    Path(course): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: CourseMessageForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let (staff, id) = match staff_and_id(&state, &parts, &course, now).await {
        Ok(found) => found,
        Err(e) => return answer(&state, parts, Err(e)).await,
    };
    let text = match form.validate() {
        Ok(text) => text,
        Err(problem) => {
            let submission = MessageSubmission {
                form,
                problem: Some(problem),
            };
            return turned_back(&state, parts, &paths::staff_course(id), submission).await;
        }
    };
    let waiting = form.waiting_list.is_some();
    let result = participants::message_all(&state.db, &staff, id, &text, waiting, now).await;
    if result.is_ok() {
        state.wake.notify_one();
    }
    let next = result.map(|sent| {
        paths::with_query(
            &paths::staff_course(id),
            &[
                (paths::MESSAGE_SENT, sent.emailed.to_string()),
                (paths::MESSAGE_NOT_SENT, sent.not_emailed.to_string()),
            ],
        )
    });
    answer(&state, parts, next).await
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
    let result: Result<(String, Vec<u8>), AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let id = number(&id)?;
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
