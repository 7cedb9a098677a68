//! Saving an offering, moving its status, confirming it, and calling off
//! one of its dates.

use axum::extract::{Path, Request, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use app::backend::catalogue::{cancel, offering, status};
use app::backend::clock::Now;
use app::domain::Code;
use app::domain::catalogue::{CancelSubmission, OfferingForm, OfferingSubmission};
use app::domain::error::AppError;
use app::domain::offering::{OfferingKind, OfferingStatus};
use app::paths;

use super::super::FORM_LIMIT;
use super::{answer, back_to_list, number, read, signed_in_staff, staff_and_id, turned_back};
use crate::AppState;
use crate::render;

/// A staff list's button: the state to move to, an editor's comment, and
/// the list to go back to.
#[derive(Debug, Default, Deserialize)]
struct ListForm {
    #[serde(default)]
    to: String,
    #[serde(default)]
    comment: String,
    #[serde(default)]
    back: String,
}

/// `POST /ansatt/tilbud/<id>/bekreft`: the listing is still right; then
/// back to the list.
pub async fn post_confirm_offering(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: ListForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result: Result<(), AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let id = number(&id)?;
        status::confirm(&state.db, &staff, id, now).await
    }
    .await;
    answer(&state, parts, result.map(|()| back_to_list(form.back))).await
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
    let form: ListForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result: Result<(), AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let id = number(&id)?;
        let to = OfferingStatus::from_code(&form.to).ok_or(AppError::Forbidden)?;
        status::set(&state.db, &staff, id, to, Some(&form.comment), now).await
    }
    .await;
    answer(&state, parts, result.map(|()| back_to_list(form.back))).await
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
    let form: OfferingForm = match read(body, OFFERING_FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let staff = match signed_in_staff(&state, &parts, now).await {
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
        Ok(draft) => match offering::save(&state.db, &staff, id, draft, now).await {
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
        },
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
    let form: CancelForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result: Result<i32, AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let id = number(&id)?;
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

/// `POST /ansatt/steder/<id>`: one venue's facts, for editors; a form with
/// a mistake comes back on the venues page with what was typed.
pub async fn post_venue(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    use app::backend::staff::venues;
    use app::domain::catalogue::{VenueForm, VenueSubmission};
    let (parts, body) = request.into_parts();
    let form: VenueForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let (staff, id) = match staff_and_id(&state, &parts, &id, now).await {
        Ok(found) => found,
        Err(e) => return answer(&state, parts, Err(e)).await,
    };
    let valid = match form.validate(now.local.date()) {
        Ok(valid) => valid,
        Err(problem) => {
            let submission = VenueSubmission {
                id,
                form,
                problem: Some(problem),
            };
            return turned_back(&state, parts, &paths::staff_venues(), submission).await;
        }
    };
    let result = venues::change(&state.db, &staff, id, &valid, now).await;
    answer(&state, parts, result.map(|()| paths::staff_venues())).await
}
