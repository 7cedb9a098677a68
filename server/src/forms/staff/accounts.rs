//! Administrators add staff and change their roles and organisations,
//! and add and change organisations.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::backend::clock::Now;
use app::backend::staff::{accounts, organisations};
use app::domain::error::AppError;
use app::domain::staff::{
    AccountForm, AccountSubmission, OrganisationForm, OrganisationSubmission,
};
use app::paths;

use super::super::FORM_LIMIT;
use super::{answer, number, read, signed_in_staff, staff_and_id, turned_back};
use crate::AppState;
use crate::render;

/// `POST /ansatt/kontoer`: a new account; a wrong or taken address comes
/// back with what was typed.
pub async fn post_new_account(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: AccountForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        accounts::add(&state.db, &staff, &form, now).await
    }
    .await;
    match result {
        Err(e @ (AppError::EmailInvalid | AppError::AccountExists)) => {
            let submission = AccountSubmission {
                form,
                error: Some(e),
            };
            render::with_context(&state, parts, move || {
                leptos::prelude::provide_context(submission.clone())
            })
            .await
        }
        other => answer(&state, parts, other.map(|()| paths::staff_accounts())).await,
    }
}

/// `POST /ansatt/kontoer/<id>`: one account's role, organisations and
/// whether it may sign in.
pub async fn post_account(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: AccountForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let result: Result<(), AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        accounts::change(&state.db, &staff, number(&id)?, &form, now).await
    }
    .await;
    answer(&state, parts, result.map(|()| paths::staff_accounts())).await
}

/// The organisations page again, with `id`'s form (a new one's when
/// none) as typed and what is wrong with it.
async fn organisation_turned_back(
    state: &AppState,
    parts: axum::http::request::Parts,
    id: Option<i32>,
    form: OrganisationForm,
    problem: &'static str,
) -> Response {
    let submission = OrganisationSubmission {
        id,
        form,
        problem: Some(problem),
    };
    turned_back(state, parts, &paths::staff_organisations(), submission).await
}

/// `POST /ansatt/organisasjoner`: a new organisation.
pub async fn post_new_organisation(State(state): State<AppState>, request: Request) -> Response {
    let (parts, body) = request.into_parts();
    let form: OrganisationForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let staff = match signed_in_staff(&state, &parts, now).await {
        Ok(staff) => staff,
        Err(e) => return answer(&state, parts, Err(e)).await,
    };
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(problem) => return organisation_turned_back(&state, parts, None, form, problem).await,
    };
    let result = organisations::add(&state.db, &staff, &valid, now).await;
    answer(&state, parts, result.map(|_| paths::staff_organisations())).await
}

/// `POST /ansatt/organisasjoner/<id>`: one organisation's changes.
pub async fn post_organisation(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, body) = request.into_parts();
    let form: OrganisationForm = match read(body, FORM_LIMIT).await {
        Ok(form) => form,
        Err(response) => return response,
    };
    let now = Now::real();
    let (staff, id) = match staff_and_id(&state, &parts, &id, now).await {
        Ok(found) => found,
        Err(e) => return answer(&state, parts, Err(e)).await,
    };
    let valid = match form.validate() {
        Ok(valid) => valid,
        Err(problem) => {
            return organisation_turned_back(&state, parts, Some(id), form, problem).await;
        }
    };
    let result = organisations::change(&state.db, &staff, id, &valid, now).await;
    answer(&state, parts, result.map(|()| paths::staff_organisations())).await
}
