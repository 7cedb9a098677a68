//! What an organiser does to a course's sign-ups, for a member of staff
//! who may: each checks the course is in reach, makes the change under
//! the course's lock and records it, in one transaction.

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::sign_up::by_staff;
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::staff::{AuditAction, SignUpAction, ValidPhoneSignUp};

use super::{Staff, audit, roster};

fn event(staff: &Staff, action: AuditAction, course: i32, sign_up: i32) -> audit::Event {
    audit::Event {
        by: Some(staff.id()),
        action,
        offering_id: Some(course),
        subject: Some(audit::subject("sign_up", sign_up)),
        detail: None,
    }
}

/// Does `action` to sign-up `sign_up` of course `course`.
pub async fn act(
    db: &Db,
    staff: &Staff,
    course: i32,
    sign_up: i32,
    action: SignUpAction,
    now: Now,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    roster::course(&txn, staff, course).await?;
    let recorded = match action {
        SignUpAction::Cancel => {
            by_staff::cancel(&txn, course, sign_up, now).await?;
            AuditAction::SignUpCancelled
        }
        SignUpAction::GivePlace => {
            by_staff::give_place(&txn, course, sign_up, now).await?;
            AuditAction::SignUpPromoted
        }
    };
    audit::record(&txn, event(staff, recorded, course, sign_up), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds someone who phoned in.
pub async fn add_by_phone(
    db: &Db,
    staff: &Staff,
    course: i32,
    person: &ValidPhoneSignUp,
    lang: Lang,
    now: Now,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    roster::course(&txn, staff, course).await?;
    let row = by_staff::add_by_phone(&txn, course, person, lang, now).await?;
    audit::record(
        &txn,
        event(staff, AuditAction::PhoneSignUpAdded, course, row.id),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Who an organiser's message reached.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct MessageSent {
    /// People emailed (with their registrant, when someone signed them up).
    pub emailed: u32,
    /// People it could not reach by email: signed up by phone, or their
    /// address not confirmed. The page tells the organiser to call them.
    pub not_emailed: u32,
}

/// Sends `text` (checked by `CourseMessageForm::validate`) to everyone
/// with a place on course `course`, and to its waiting list when
/// `waiting_list`, through the outbox. Only confirmed addresses get it:
/// an address a stranger typed and nobody confirmed gets no organiser's
/// words. The audit records how many, never the words.
pub async fn message_all(
    db: &Db,
    staff: &Staff,
    course: i32,
    text: &str,
    waiting_list: bool,
    now: Now,
) -> Result<MessageSent, AppError> {
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

    use crate::backend::entities::{course_message, sign_up};
    use crate::backend::sign_up::notify;
    use crate::domain::sign_up::SignUpStatus;

    let mut statuses = vec![SignUpStatus::Confirmed, SignUpStatus::AwaitingConfirmation];
    if waiting_list {
        statuses.push(SignUpStatus::WaitingList);
    }
    let txn = db.begin().await?;
    roster::course(&txn, staff, course).await?;
    let people = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course))
        .filter(sign_up::Column::Status.is_in(statuses))
        .order_by_asc(sign_up::Column::Id)
        .all(&txn)
        .await?;
    let (reachable, unreachable): (Vec<_>, Vec<_>) = people
        .iter()
        .partition(|p| p.email_confirmed_at.is_some() && p.participant_email.is_some());
    let sent = MessageSent {
        emailed: u32::try_from(reachable.len()).unwrap_or(u32::MAX),
        not_emailed: u32::try_from(unreachable.len()).unwrap_or(u32::MAX),
    };
    if !reachable.is_empty() {
        let message = course_message::Entity::insert(course_message::ActiveModel {
            offering_id: Set(course),
            account_id: Set(Some(staff.id())),
            body: Set(text.to_owned()),
            created_at: Set(now.utc),
            ..Default::default()
        })
        .exec(&txn)
        .await?
        .last_insert_id;
        for person in reachable {
            notify::message(&txn, person, message, now).await?;
        }
    }
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::CourseMessageSent,
            offering_id: Some(course),
            subject: None,
            detail: Some(
                serde_json::json!({
                    "emailed": sent.emailed,
                    "not_emailed": sent.not_emailed,
                    "waiting_list": waiting_list,
                })
                .to_string(),
            ),
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(sent)
}
