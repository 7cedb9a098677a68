//! The outbox's rows. A row is queued in the transaction of the change it
//! reports, so a crash can neither lose nor invent an email. A worker
//! claims one row at a time with a token of its own, renews the claim for
//! a whole send once the email is written, and finishes the row only while
//! that claim still holds: two servers never both send a row unless a
//! send outlasts its timeout, and a late failure never overwrites a
//! success.

use chrono::{Duration, NaiveDateTime};
use sea_orm::sea_query::Query;
use sea_orm::{
    ColumnTrait, Condition, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use super::{EmailKind, OutboxStatus, mask, mask_addresses};
use crate::backend::db::Db;
use crate::backend::entities::{course_message, outbox};
use crate::backend::tokens;
use crate::domain::lang::Lang;

/// An email to queue.
#[derive(Clone, Debug)]
pub struct Queued<'a> {
    pub kind: EmailKind,
    pub offering_id: i32,
    pub sign_up_id: Option<i32>,
    pub lang: Lang,
    pub to: &'a str,
    /// The organiser's message it carries.
    pub course_message_id: Option<i32>,
}

/// Queues an email, due now, in the caller's transaction.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    email: Queued<'_>,
    now: NaiveDateTime,
) -> Result<(), DbErr> {
    let row = outbox::ActiveModel {
        offering_id: Set(Some(email.offering_id)),
        sign_up_id: Set(email.sign_up_id),
        course_message_id: Set(email.course_message_id),
        ..pending(email.kind, email.lang, email.to, now)
    };
    outbox::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// A row of `kind` to `to`, due now; what it is about is the caller's.
fn pending(kind: EmailKind, lang: Lang, to: &str, now: NaiveDateTime) -> outbox::ActiveModel {
    outbox::ActiveModel {
        message_id: Set(tokens::random_id()),
        kind: Set(kind),
        lang: Set(lang),
        recipient: Set(Some(to.to_string())),
        recipient_masked: Set(mask(to)),
        status: Set(OutboxStatus::Pending),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
}

/// Queues a staff sign-in email, due now, in the caller's transaction.
/// Its code and link are made when it is written, never stored here.
pub async fn enqueue_sign_in(
    db: &impl ConnectionTrait,
    sign_in_id: i32,
    lang: Lang,
    to: &str,
    now: NaiveDateTime,
) -> Result<(), DbErr> {
    let row = outbox::ActiveModel {
        sign_in_id: Set(Some(sign_in_id)),
        ..pending(EmailKind::SignInCode, lang, to, now)
    };
    outbox::Entity::insert(row)
        .exec_without_returning(db)
        .await?;
    Ok(())
}

/// Rows that may be claimed at `now`: due and pending, or claimed by a
/// worker whose claim has run out (it crashed or hangs).
fn due(now: NaiveDateTime) -> Condition {
    Condition::any()
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(OutboxStatus::Pending))
                .add(outbox::Column::NextAttemptAt.lte(now)),
        )
        .add(
            Condition::all()
                .add(outbox::Column::Status.eq(OutboxStatus::Sending))
                .add(outbox::Column::ClaimedUntil.lt(now)),
        )
}

/// A row this worker holds until `claimed_until`.
#[derive(Clone, Debug)]
pub struct Claim {
    pub row: outbox::Model,
    pub token: String,
}

/// Claims the oldest due row, if any, until `now + claim`. `now` must be
/// the real time of the claim, not of the start of a pass: the claim covers
/// one send.
pub async fn claim_next(
    db: &Db,
    now: NaiveDateTime,
    claim: Duration,
) -> Result<Option<Claim>, DbErr> {
    // A few candidates: another server may take the first meanwhile.
    let ids: Vec<i32> = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Id)
        .filter(due(now))
        .order_by_asc(outbox::Column::Id)
        .limit(4)
        .into_tuple()
        .all(db.write())
        .await?;
    for id in ids {
        let token = tokens::random_id();
        // Only while the row is still due: of two workers racing for it,
        // one update matches and the other finds nothing.
        let claimed = outbox::Entity::update_many()
            .set(outbox::ActiveModel {
                status: Set(OutboxStatus::Sending),
                claim_token: Set(Some(token.clone())),
                claimed_until: Set(Some(now + claim)),
                ..Default::default()
            })
            .filter(outbox::Column::Id.eq(id))
            .filter(due(now))
            .exec_with_returning(db.write())
            .await?;
        if let Some(row) = claimed.into_iter().next() {
            return Ok(Some(Claim { row, token }));
        }
    }
    Ok(None)
}

/// How a claimed row ends.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Outcome {
    Sent,
    /// Try again at the given time.
    Retry {
        at: NaiveDateTime,
        error: String,
    },
    /// Give up: too many attempts, or nothing left to write.
    Failed {
        error: String,
    },
    /// Not worth sending any more.
    Discarded,
}

/// Records how `claim` ended, if the claim still holds; returns whether it
/// did. A worker whose claim ran out and was taken over changes nothing.
pub async fn finish(
    db: &Db,
    claim: &Claim,
    outcome: Outcome,
    now: NaiveDateTime,
) -> Result<bool, DbErr> {
    let mut change = outbox::ActiveModel {
        attempts: Set(claim.row.attempts + 1),
        claim_token: Set(None),
        claimed_until: Set(None),
        ..Default::default()
    };
    match outcome {
        Outcome::Sent => {
            change.status = Set(OutboxStatus::Sent);
            change.finished_at = Set(Some(now));
            change.last_error = Set(None);
        }
        Outcome::Retry { at, error } => {
            change.status = Set(OutboxStatus::Pending);
            change.next_attempt_at = Set(at);
            change.last_error = Set(Some(mask_addresses(&error)));
        }
        Outcome::Failed { error } => {
            change.status = Set(OutboxStatus::Failed);
            change.finished_at = Set(Some(now));
            change.last_error = Set(Some(mask_addresses(&error)));
        }
        Outcome::Discarded => {
            change.status = Set(OutboxStatus::Discarded);
            change.finished_at = Set(Some(now));
            change.attempts = Set(claim.row.attempts);
        }
    }
    let done = outbox::Entity::update_many()
        .set(change)
        .filter(still_ours(claim))
        .exec(db.write())
        .await?;
    Ok(done.rows_affected == 1)
}

/// The row, as long as this worker's claim on it holds: claimed with its
/// token and still being sent (anonymisation may have discarded it).
fn still_ours(claim: &Claim) -> Condition {
    Condition::all()
        .add(outbox::Column::Id.eq(claim.row.id))
        .add(outbox::Column::ClaimToken.eq(claim.token.as_str()))
        .add(outbox::Column::Status.eq(OutboxStatus::Sending))
}

/// Extends the claim to a whole send from `now`, if it still holds: the
/// email has been written, and writing it must not eat into the time the
/// send is given. Returns whether the claim held.
pub async fn renew(
    db: &Db,
    claim: &Claim,
    now: NaiveDateTime,
    duration: Duration,
) -> Result<bool, DbErr> {
    let renewed = outbox::Entity::update_many()
        .set(outbox::ActiveModel {
            claimed_until: Set(Some(now + duration)),
            ..Default::default()
        })
        .filter(still_ours(claim))
        .exec(db.write())
        .await?;
    Ok(renewed.rows_affected == 1)
}

/// Removes the recipients of emails that left the queue more than `keep`
/// ago (sent, failed or discarded), leaving the masked address. Returns the
/// Message-IDs of the rows purged, whose `.eml` files go too.
pub async fn purge(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
    keep: Duration,
    batch: u64,
) -> Result<Vec<String>, DbErr> {
    let rows: Vec<(i32, String)> = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::Id)
        .column(outbox::Column::MessageId)
        .filter(outbox::Column::PurgedAt.is_null())
        .filter(outbox::Column::FinishedAt.lte(now - keep))
        .order_by_asc(outbox::Column::FinishedAt)
        .limit(batch)
        .into_tuple()
        .all(db)
        .await?;
    if rows.is_empty() {
        return Ok(Vec::new());
    }
    outbox::Entity::update_many()
        .set(outbox::ActiveModel {
            recipient: Set(None),
            purged_at: Set(Some(now)),
            ..Default::default()
        })
        .filter(outbox::Column::Id.is_in(rows.iter().map(|(id, _)| *id)))
        .exec(db)
        .await?;
    Ok(rows.into_iter().map(|(_, message_id)| message_id).collect())
}

/// Deletes the organisers' messages older than `keep` whose emails have
/// all been purged (or were never queued): their words outlive no email.
pub async fn purge_messages(
    db: &impl ConnectionTrait,
    now: NaiveDateTime,
    keep: Duration,
) -> Result<u64, DbErr> {
    let deleted = course_message::Entity::delete_many()
        .filter(course_message::Column::CreatedAt.lte(now - keep))
        .filter(
            course_message::Column::Id.not_in_subquery(
                Query::select()
                    .column(outbox::Column::CourseMessageId)
                    .from(outbox::Entity)
                    .and_where(outbox::Column::CourseMessageId.is_not_null())
                    .and_where(outbox::Column::PurgedAt.is_null())
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?;
    Ok(deleted.rows_affected)
}
