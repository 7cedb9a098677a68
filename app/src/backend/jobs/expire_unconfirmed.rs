//! Sign-ups whose confirm link ran out end as expired. They held no place
//! (a place is given at confirmation), so nothing moves on the list; the
//! anonymisation then clears them within a day.

use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::sign_up;
use crate::backend::sign_up::flow;
use crate::domain::error::AppError;
use crate::domain::sign_up::SignUpStatus;

/// Ends the unconfirmed sign-ups whose link ran out, course by course; a
/// course that fails is logged and the others go on. Returns how many
/// ended.
pub async fn run(db: &Db, now: Now) -> Result<u32, AppError> {
    let courses: Vec<i32> = sign_up::Entity::find()
        .select_only()
        .column(sign_up::Column::OfferingId)
        .distinct()
        .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation))
        .filter(sign_up::Column::ConfirmBy.lt(now.utc))
        .order_by_asc(sign_up::Column::OfferingId)
        .limit(BATCH)
        .into_tuple()
        .all(db.read())
        .await?;
    let mut expired = 0;
    for course_id in courses {
        match flow::expire_unconfirmed(db, course_id, now).await {
            Ok(n) => expired += n,
            Err(e) => super::failed("expiring unconfirmed sign-ups", Some(course_id), &e),
        }
    }
    Ok(expired)
}
