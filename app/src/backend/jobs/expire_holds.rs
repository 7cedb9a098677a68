//! Places held by sign-ups that were never confirmed go back, and on to
//! the waiting list.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::sign_up;
use crate::backend::sign_up::flow;
use crate::domain::error::AppError;
use crate::domain::sign_up::SignUpStatus;

/// Expires the holds that ran out, course by course; a course that fails
/// is logged and the others go on. Returns how many holds expired.
pub async fn run(db: &Db, now: Now) -> Result<u32, AppError> {
    let courses: Vec<i32> = sign_up::Entity::find()
        .select_only()
        .column(sign_up::Column::OfferingId)
        .distinct()
        .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation))
        .filter(sign_up::Column::HoldExpiresAt.lt(now.utc))
        .order_by_asc(sign_up::Column::OfferingId)
        .limit(BATCH)
        .into_tuple()
        .all(db.read())
        .await?;
    let mut expired = 0;
    for course_id in courses {
        match flow::expire_holds(db, course_id, now).await {
            Ok(n) => expired += n,
            Err(e) => super::failed("expiring holds", Some(course_id), &e),
        }
    }
    Ok(expired)
}
