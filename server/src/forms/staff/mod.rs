//! The staff area's form posts. Each handler asks who is signed in
//! first, calls one service, and answers with a redirect (post/redirect/
//! get), the same page with what was typed, or a refusal.
//!
//! - [`sign_in`]: asking for a code, typing it, the link's button,
//!   signing out here or everywhere.
//! - [`offerings`]: saving an offering, its status, confirming it, calling
//!   off a date.
//! - [`courses`]: a course's sign-ups, and the CSV download.
//! - [`reports`]: trying a failed email again.
//! - [`accounts`]: administrators' accounts page.

pub mod accounts;
pub mod courses;
pub mod offerings;
pub mod reports;
pub mod sign_in;

use axum::body::{Body, to_bytes};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::de::DeserializeOwned;

use app::backend::clock::Now;
use app::backend::staff::{Staff, access, sessions};
use app::domain::error::AppError;
use app::paths;

use crate::AppState;
use crate::render;

/// A form's fields, at most `limit` bytes; an unreadable body is an empty
/// form, which every handler answers with its page and a message.
async fn read<T: DeserializeOwned + Default>(body: Body, limit: usize) -> Result<T, Response> {
    let bytes = to_bytes(body, limit)
        .await
        .map_err(|_| StatusCode::PAYLOAD_TOO_LARGE.into_response())?;
    Ok(serde_html_form::from_bytes(&bytes).unwrap_or_default())
}

/// The member of staff whose session cookie came with the request.
async fn signed_in_staff(state: &AppState, parts: &Parts, now: Now) -> Result<Staff, AppError> {
    let cookie = sessions::from_headers(&parts.headers);
    access::signed_in(&state.db, cookie.as_deref(), now).await
}

/// An id from the path; anything else is not found.
fn number(text: &str) -> Result<i32, AppError> {
    text.parse().map_err(|_| AppError::NotFound)
}

/// A staff page to go back to, when it is one; otherwise the staff list.
fn back_to_list(back: String) -> String {
    if paths::is_staff(&back) && paths::is_local(&back) {
        back
    } else {
        paths::staff_home()
    }
}

/// The answer to a form post: on to `Ok`'s page, to the sign-in page for
/// a stranger, or the translated refusal.
async fn answer(state: &AppState, parts: Parts, result: Result<String, AppError>) -> Response {
    match result {
        Ok(next) => {
            // What a member of staff changed shows on this server's pages
            // at once, not a second later: read the versions anew.
            state.directory.reread_versions();
            Redirect::to(&next).into_response()
        }
        Err(AppError::SignInRequired) => Redirect::to(&paths::staff_sign_in()).into_response(),
        Err(e) => {
            e.log();
            render::refused(state, parts, e).await
        }
    }
}

/// Who is posting, and the id in the path; or the answer that refuses
/// the post (the sign-in page for a stranger, 404 for a bad id).
async fn staff_and_id(
    state: &AppState,
    parts: &Parts,
    id: &str,
    now: Now,
) -> Result<(Staff, i32), AppError> {
    let staff = signed_in_staff(state, parts, now).await?;
    Ok((staff, number(id)?))
}

/// The page at `path` again, with `submission` (what was typed and what
/// is wrong) in its context: a form turned back.
async fn turned_back<T: Clone + Send + Sync + 'static>(
    state: &AppState,
    mut parts: Parts,
    path: &str,
    submission: T,
) -> Response {
    parts.uri = path.parse().expect("a path");
    render::with_context(state, parts, move || {
        leptos::prelude::provide_context(submission.clone())
    })
    .await
}
