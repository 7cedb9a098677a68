//! Who is told what about a sign-up: the participant and, when someone
//! signed them up, the registrant, each once, in the sign-up's language.
//! The emails are queued in the caller's transaction.

use sea_orm::{ConnectionTrait, DbErr};

use crate::backend::clock::Now;
use crate::backend::entities::sign_up;
use crate::backend::mail::EmailKind;
use crate::backend::mail::outbox::{self, Queued};
use crate::domain::lang::Lang;

/// Every address that gets the emails about `row`, each once.
pub fn recipients(row: &sign_up::Model) -> Vec<String> {
    crate::domain::sign_up::recipients(
        row.participant_email.as_deref(),
        row.registrant_email.as_deref(),
    )
}

/// Queues `kind` about `row` to everyone concerned.
pub async fn about(
    db: &impl ConnectionTrait,
    row: &sign_up::Model,
    kind: EmailKind,
    now: Now,
) -> Result<(), DbErr> {
    queue(db, row, kind, None, now).await
}

/// Queues `kind` about `row`, carrying the organiser's message
/// `course_message_id` if any, to everyone concerned.
async fn queue(
    db: &impl ConnectionTrait,
    row: &sign_up::Model,
    kind: EmailKind,
    course_message_id: Option<i32>,
    now: Now,
) -> Result<(), DbErr> {
    for to in recipients(row) {
        outbox::enqueue(
            db,
            Queued {
                kind,
                offering_id: row.offering_id,
                sign_up_id: Some(row.id),
                lang: row.lang,
                to: &to,
                course_message_id,
            },
            now.utc,
        )
        .await?;
    }
    Ok(())
}

/// Tells the addresses of a sign-up that was not stored that the course is
/// full.
pub async fn course_full(
    db: &impl ConnectionTrait,
    offering_id: i32,
    addresses: &[String],
    lang: Lang,
    now: Now,
) -> Result<(), DbErr> {
    for to in addresses {
        outbox::enqueue(
            db,
            Queued {
                kind: EmailKind::CourseFull,
                offering_id,
                sign_up_id: None,
                lang,
                to,
                course_message_id: None,
            },
            now.utc,
        )
        .await?;
    }
    Ok(())
}

/// Queues the organiser's message `course_message_id` to everyone
/// concerned with `row`.
pub async fn message(
    db: &impl ConnectionTrait,
    row: &sign_up::Model,
    course_message_id: i32,
    now: Now,
) -> Result<(), DbErr> {
    queue(
        db,
        row,
        EmailKind::CourseMessage,
        Some(course_message_id),
        now,
    )
    .await
}
