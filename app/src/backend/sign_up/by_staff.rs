//! What a course's organiser does to its sign-ups: cancel one for someone
//! (they are emailed), give someone on the waiting list a place, and add a
//! person who phoned in (no email needed). Each runs under the course's
//! lock, like the public flow, so places are never given twice. Who may
//! do it is checked before, in `staff::roster`.

use sea_orm::{ActiveModelTrait, ColumnTrait, DatabaseTransaction, EntityTrait, QueryFilter, Set};

use super::flow::{call_up, cancel_active, promote};
use crate::backend::clock::Now;
use crate::backend::course;
use crate::backend::entities::{offering, sign_up};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::sign_up::SignUpStatus;
use crate::domain::staff::ValidPhoneSignUp;

/// The course locked, and its sign-up `id` read under the lock.
async fn locked(
    txn: &DatabaseTransaction,
    course_id: i32,
    id: i32,
) -> Result<(offering::Model, sign_up::Model), AppError> {
    let course = course::lock(txn, course_id).await?;
    let row = sign_up::Entity::find_by_id(id)
        .filter(sign_up::Column::OfferingId.eq(course_id))
        .one(txn)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((course, row))
}

/// Cancels sign-up `id` of course `course_id` for its participant, tells
/// them by email, and gives a freed place to the first on the waiting
/// list. Cancelling what is no longer active changes nothing.
pub async fn cancel(
    txn: &DatabaseTransaction,
    course_id: i32,
    id: i32,
    now: Now,
) -> Result<(), AppError> {
    let (course, row) = locked(txn, course_id, id).await?;
    if row.status.is_active() {
        cancel_active(txn, &row, &course, now).await?;
    }
    Ok(())
}

/// Gives someone on the waiting list a place now, ahead of the queue and
/// even when the course is full: the organiser knows when a chair can be
/// added. They are called up as anyone next in line is.
pub async fn give_place(
    txn: &DatabaseTransaction,
    course_id: i32,
    id: i32,
    now: Now,
) -> Result<(), AppError> {
    let (_, row) = locked(txn, course_id, id).await?;
    if row.status == SignUpStatus::WaitingList {
        call_up(txn, &row, now).await?;
    }
    Ok(())
}

/// Adds someone who phoned in: confirmed when a place is free, otherwise
/// on the waiting list; refused when the course is full and has none.
/// Nobody is emailed: there is no address.
pub async fn add_by_phone(
    txn: &DatabaseTransaction,
    course_id: i32,
    person: &ValidPhoneSignUp,
    lang: Lang,
    now: Now,
) -> Result<sign_up::Model, AppError> {
    let course = course::lock(txn, course_id).await?;
    let status = if course::free(txn, course.id, course.capacity).await? > 0 {
        SignUpStatus::Confirmed
    } else if course.waiting_list {
        SignUpStatus::WaitingList
    } else {
        return Err(AppError::CourseFull);
    };
    let queue_number = match status {
        SignUpStatus::WaitingList => Some(course::next_in_line(txn, course.id).await?),
        _ => None,
    };
    let row = sign_up::ActiveModel {
        offering_id: Set(course.id),
        status: Set(status),
        queue_number: Set(queue_number),
        participant_name: Set(person.name.clone()),
        participant_phone: Set(Some(person.phone.clone())),
        needs_note: Set(person.needs_note.clone()),
        lang: Set(lang),
        created_at: Set(now.utc),
        updated_at: Set(now.utc),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(row)
}

/// Gives free places to the waiting list, first in line first: after an
/// organiser added places to a course.
pub async fn fill_places(
    txn: &DatabaseTransaction,
    course_id: i32,
    now: Now,
) -> Result<(), AppError> {
    let course = course::lock(txn, course_id).await?;
    promote(txn, &course, now).await?;
    Ok(())
}
