//! Administrators add staff and change their roles and organisations.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::backend::clock::Now;
use app::backend::staff::accounts;
use app::domain::error::AppError;
use app::domain::staff::{AccountForm, AccountSubmission};
use app::paths;

use super::super::FORM_LIMIT;
use super::{answer, number, read, signed_in_staff};
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
