//! Who is told what about a sign-up: the participant and, when someone
//! signed them up, the registrant, each once, in the sign-up's language.
//! The emails are queued in the caller's transaction.

use sea_orm::{ConnectionTrait, DbErr};

use crate::backend::clock::Now;
use crate::backend::entities::sign_up;
use crate::backend::mail::EmailKind;
use crate::backend::mail::outbox::{self, Queued};
use crate::domain::lang::Lang;
use crate::domain::sign_up::ValidSignUp;

use super::limits::mailbox_key;

/// Every address that gets the emails about `row`, each once.
pub fn recipients(row: &sign_up::Model) -> Vec<String> {
    addresses(
        row.participant_email.as_deref(),
        row.registrant_email.as_deref(),
    )
}

/// The addresses that hear about a sign-up: the participant's and the
/// registrant's, once for one mailbox however each was typed (`Kari@`
/// and `kari+mor@` are one inbox, which gets one email).
pub fn addresses(participant: Option<&str>, registrant: Option<&str>) -> Vec<String> {
    let mut all: Vec<String> = participant
        .into_iter()
        .chain(registrant)
        .map(String::from)
        .collect();
    all.dedup_by(|a, b| mailbox_key(a) == mailbox_key(b));
    all
}

/// The address that confirms a sign-up: the participant's own when they
/// have one (nobody else may take a place in their name), otherwise the
/// registrant's.
pub fn confirmer(row: &sign_up::Model) -> Option<&str> {
    row.participant_email
        .as_deref()
        .or(row.registrant_email.as_deref())
}

/// Asks the confirming address of a new sign-up to confirm it. A
/// registrant who is not that address hears of it by [`received`].
pub async fn confirm_request(
    db: &impl ConnectionTrait,
    row: &sign_up::Model,
    now: Now,
) -> Result<(), DbErr> {
    let Some(to) = confirmer(row) else {
        return Ok(());
    };
    outbox::enqueue(
        db,
        Queued {
            kind: EmailKind::ConfirmRequest,
            offering_id: row.offering_id,
            sign_up_id: Some(row.id),
            lang: row.lang,
            to,
            course_message_id: None,
        },
        now.utc,
    )
    .await?;
    Ok(())
}

/// Tells someone who signed up another person at that person's own
/// address that the participant confirms there. The email is the same
/// whatever the participant's state (new, signed up already, the course
/// full): it is tied to no sign-up and carries nothing anyone typed, so
/// it tells its reader nothing about the participant.
pub async fn received(
    db: &impl ConnectionTrait,
    offering_id: i32,
    form: &ValidSignUp,
    lang: Lang,
    now: Now,
) -> Result<(), DbErr> {
    let (Some(participant), Some((_, registrant))) = (&form.participant_email, &form.registrant)
    else {
        return Ok(());
    };
    if mailbox_key(participant) == mailbox_key(registrant) {
        return Ok(());
    }
    outbox::enqueue(
        db,
        Queued {
            kind: EmailKind::SignUpReceived,
            offering_id,
            sign_up_id: None,
            lang,
            to: registrant,
            course_message_id: None,
        },
        now.utc,
    )
    .await?;
    Ok(())
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

#[cfg(test)]
mod tests {
    use super::addresses;

    #[test]
    fn one_mailbox_gets_one_email_however_it_is_typed() {
        assert_eq!(
            addresses(Some("Kari@example.no"), Some("kari+mor@EXAMPLE.NO")),
            vec!["Kari@example.no"]
        );
        assert_eq!(
            addresses(Some("ola@example.no"), Some("kari@example.no")).len(),
            2
        );
        assert_eq!(
            addresses(None, Some("kari@example.no")),
            vec!["kari@example.no"]
        );
    }
}
