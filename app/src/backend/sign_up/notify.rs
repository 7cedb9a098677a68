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
    for to in recipients(row) {
        outbox::enqueue(
            db,
            Queued {
                kind,
                offering_id: row.offering_id,
                sign_up_id: Some(row.id),
                lang: row.lang,
                to: &to,
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
            },
            now.utc,
        )
        .await?;
    }
    Ok(())
}
