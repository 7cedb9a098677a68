//! The outbox's one action: try a failed email again.

use axum::extract::{Path, Request, State};
use axum::response::Response;

use app::backend::clock::Now;
use app::backend::staff::reports;
use app::domain::error::AppError;
use app::paths;

use super::{answer, number, signed_in_staff};
use crate::AppState;

/// `POST /ansatt/utboks/<id>/igjen`: a failed email goes back in the
/// queue; then the outbox again.
pub async fn post_outbox_retry(
    State(state): State<AppState>,
    Path(id): Path<String>,
    request: Request,
) -> Response {
    let (parts, _) = request.into_parts();
    let now = Now::real();
    let result: Result<(), AppError> = async {
        let staff = signed_in_staff(&state, &parts, now).await?;
        let id = number(&id)?;
        reports::retry(&state.db, &staff, id, now).await
    }
    .await;
    if result.is_ok() {
        state.wake.notify_one();
    }
    answer(&state, parts, result.map(|()| paths::staff_outbox())).await
}
