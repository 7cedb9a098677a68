//! A reminder to everyone confirmed, a few days before a course begins.

use chrono::Duration;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::course;
use crate::backend::db::Db;
use crate::backend::entities::{offering, sign_up};
use crate::backend::mail::EmailKind;
use crate::backend::sign_up::notify;
use crate::domain::error::AppError;
use crate::domain::offering::OfferingKind;
use crate::domain::sign_up::SignUpStatus;

/// Reminds confirmed participants of courses whose first session is from
/// `days_before` days ahead (counted in dates) until it starts, once each.
/// Returns how many sign-ups were reminded.
pub async fn run(db: &Db, now: Now, days_before: i64) -> Result<u32, AppError> {
    let window_end = (now.local.date() + Duration::days(days_before + 1))
        .and_hms_opt(0, 0, 0)
        .expect("midnight exists");
    let courses: Vec<i32> = offering::Entity::find()
        .select_only()
        .column(offering::Column::Id)
        .filter(offering::Column::Kind.eq(OfferingKind::Course))
        .filter(offering::Column::FirstSessionAt.gt(now.local))
        .filter(offering::Column::FirstSessionAt.lt(window_end))
        .order_by_asc(offering::Column::FirstSessionAt)
        .limit(BATCH)
        .into_tuple()
        .all(db.read())
        .await?;
    let mut sent = 0;
    for course_id in courses {
        match remind(db, course_id, now).await {
            Ok(n) => sent += n,
            Err(e) => super::failed("sending reminders", Some(course_id), &e),
        }
    }
    Ok(sent)
}

/// The confirmed sign-ups of a course not yet reminded, a batch at a time.
fn due(course_id: i32) -> sea_orm::Select<sign_up::Entity> {
    sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course_id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::Confirmed))
        .filter(sign_up::Column::ReminderSentAt.is_null())
        .order_by_asc(sign_up::Column::Id)
        .limit(BATCH)
}

async fn remind(db: &Db, course_id: i32, now: Now) -> Result<u32, AppError> {
    let mut sent = 0;
    // Most polls find nothing to send: ask the readers before taking the
    // writer.
    while due(course_id).one(db.read()).await?.is_some() {
        let txn = db.begin().await?;
        // With the course locked, two servers never both remind one person.
        course::lock(&txn, course_id).await?;
        for row in due(course_id).all(&txn).await? {
            let mut active: sign_up::ActiveModel = row.clone().into();
            active.reminder_sent_at = Set(Some(now.utc));
            active.update(&txn).await?;
            notify::about(&txn, &row, EmailKind::Reminder, now).await?;
            sent += 1;
        }
        txn.commit().await?;
    }
    Ok(sent)
}
