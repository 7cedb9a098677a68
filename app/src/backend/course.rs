//! A course's places and its lock, shared by the directory (places left on
//! the page) and the sign-up flow (who gets them). The course is read here
//! whatever its publication state: a cancel link still works, and a job
//! still runs, after a course is archived.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, DbBackend, DbErr, EntityTrait,
    FromQueryResult, PaginatorTrait, QueryFilter, QuerySelect, Select, Set,
};

use super::entities::{course_session, offering, sign_up};
use crate::domain::error::AppError;
use crate::domain::offering::{OfferingKind, OfferingStatus};
use crate::domain::sign_up::SignUpStatus;

/// Locks the course row for the rest of `txn` (on PostgreSQL; a SQLite
/// write transaction already holds the database's one write lock) and
/// reads it. Everything that counts places and then changes them runs
/// after this in the same transaction.
pub async fn lock(txn: &DatabaseTransaction, id: i32) -> Result<offering::Model, AppError> {
    lock_where(txn, Condition::all().add(offering::Column::Id.eq(id))).await
}

/// [`lock`] for the published course `slug`, the one the public signs up for.
pub async fn lock_published(
    txn: &DatabaseTransaction,
    slug: &str,
) -> Result<offering::Model, AppError> {
    lock_where(
        txn,
        Condition::all()
            .add(offering::Column::Slug.eq(slug))
            .add(offering::Column::Status.eq(OfferingStatus::Published)),
    )
    .await
}

async fn lock_where(
    txn: &DatabaseTransaction,
    which: Condition,
) -> Result<offering::Model, AppError> {
    let mut query = offering::Entity::find()
        .filter(which)
        .filter(offering::Column::Kind.eq(OfferingKind::Course));
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query.one(txn).await?.ok_or(AppError::NotFound)
}

/// Whether a course's first session has begun at local time `now`: from
/// then on nobody signs up and no place is handed on.
pub fn has_started(course: &offering::Model, now: NaiveDateTime) -> bool {
    course.first_session_at.is_some_and(|s| s <= now)
}

/// The sign-ups that hold a place: only confirmed ones. An unconfirmed
/// one moves neither the figure on the page nor who gets in.
fn holding_places() -> Select<sign_up::Entity> {
    sign_up::Entity::find().filter(sign_up::Column::Status.eq(SignUpStatus::Confirmed))
}

/// Places of a course that nobody holds, for a course of `capacity`: one
/// count over the course's confirmed sign-ups (an index covers it).
pub async fn free(
    db: &impl ConnectionTrait,
    offering_id: i32,
    capacity: Option<i32>,
) -> Result<u64, DbErr> {
    let holding = holding_places()
        .filter(sign_up::Column::OfferingId.eq(offering_id))
        .count(db)
        .await?;
    Ok(u64::try_from(capacity.unwrap_or(0))
        .unwrap_or(0)
        .saturating_sub(holding))
}

/// How many places each of `courses` (offering id, capacity) has left
/// now, counted by one query for all of them: a page of the open data
/// API or a district's programme holds dozens of courses.
pub async fn places_left_of_many(
    db: &impl ConnectionTrait,
    courses: &[(i32, i32)],
) -> Result<HashMap<i32, u32>, DbErr> {
    if courses.is_empty() {
        return Ok(HashMap::new());
    }
    let confirmed: HashMap<i32, i64> = holding_places()
        .select_only()
        .column(sign_up::Column::OfferingId)
        .column_as(sign_up::Column::Id.count(), "confirmed")
        .filter(sign_up::Column::OfferingId.is_in(courses.iter().map(|(id, _)| *id)))
        .group_by(sign_up::Column::OfferingId)
        .into_tuple::<(i32, i64)>()
        .all(db)
        .await?
        .into_iter()
        .collect();
    Ok(courses
        .iter()
        .map(|&(id, capacity)| {
            let taken = confirmed.get(&id).copied().unwrap_or(0);
            let left = i64::from(capacity).saturating_sub(taken).max(0);
            (id, u32::try_from(left).unwrap_or(u32::MAX))
        })
        .collect())
}

/// How many places the course `offering_id` of `capacity` places has
/// left now.
pub async fn places_left_of(
    db: &impl ConnectionTrait,
    offering_id: i32,
    capacity: i32,
) -> Result<u32, DbErr> {
    let left = free(db, offering_id, Some(capacity)).await?;
    Ok(u32::try_from(left).unwrap_or(u32::MAX))
}

/// How many are on a course's waiting list.
pub async fn waiting(db: &impl ConnectionTrait, offering_id: i32) -> Result<u64, DbErr> {
    sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(offering_id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::WaitingList))
        .count(db)
        .await
}

/// The longest a course's waiting list grows: as many as it has places,
/// and at least ten. Past that a place is unlikely to come, and an
/// endless list is one more thing to hoard.
pub fn waiting_list_room(capacity: Option<i32>) -> u64 {
    u64::try_from(capacity.unwrap_or(0)).unwrap_or(0).max(10)
}

/// The number the next to join a course's waiting list gets: after
/// everyone who ever joined it. Call it in the course's locked
/// transaction.
pub async fn next_in_line(db: &impl ConnectionTrait, offering_id: i32) -> Result<i32, DbErr> {
    let last: Option<Option<i32>> = sign_up::Entity::find()
        .select_only()
        .column_as(sign_up::Column::QueueNumber.max(), "last")
        .filter(sign_up::Column::OfferingId.eq(offering_id))
        .into_tuple()
        .one(db)
        .await?;
    Ok(last.flatten().unwrap_or(0) + 1)
}

/// Place on the waiting list of a sign-up with `queue_number`, 1 = next.
pub async fn waiting_position(
    db: &impl ConnectionTrait,
    offering_id: i32,
    queue_number: Option<i32>,
) -> Result<u32, DbErr> {
    let ahead = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(offering_id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::WaitingList))
        .filter(sign_up::Column::QueueNumber.lte(queue_number.unwrap_or(i32::MAX)))
        .count(db)
        .await?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX))
}

/// Stores when a course's sessions begin and end on the course itself, so
/// jobs find due courses through an index. Call it whenever sessions
/// change.
pub async fn refresh_span(db: &impl ConnectionTrait, offering_id: i32) -> Result<(), DbErr> {
    #[derive(FromQueryResult)]
    struct Span {
        first: Option<NaiveDateTime>,
        last: Option<NaiveDateTime>,
    }
    let span = course_session::Entity::find()
        .select_only()
        .column_as(course_session::Column::StartsAt.min(), "first")
        .column_as(course_session::Column::EndsAt.max(), "last")
        .filter(course_session::Column::OfferingId.eq(offering_id))
        .into_model::<Span>()
        .one(db)
        .await?;
    let (first, last) = span.map_or((None, None), |s| (s.first, s.last));
    offering::Entity::update_many()
        .set(offering::ActiveModel {
            first_session_at: Set(first),
            last_session_end_at: Set(last),
            ..Default::default()
        })
        .filter(offering::Column::Id.eq(offering_id))
        .exec(db)
        .await?;
    Ok(())
}
