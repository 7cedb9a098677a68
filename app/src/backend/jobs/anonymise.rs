//! Nothing personal outlives its purpose: a sign-up for a course about an
//! illness can reveal health data, so some days after a course's last
//! session everything about the people who signed up is removed, from
//! every table that holds them; a sign-up that ended early (cancelled, its
//! link run out, or confirmed too late for a place) goes a day after it
//! ended. On SQLite each pass that removed anything ends with a WAL
//! checkpoint, so the removed rows do not linger in the `-wal` file.

use chrono::Duration;
use sea_orm::sea_query::Expr;
use sea_orm::{
    ColumnTrait, Condition, DatabaseTransaction, EntityTrait, QueryFilter, QueryOrder, QuerySelect,
    QueryTrait,
};

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::{offering, outbox, sign_up, sign_up_token};
use crate::backend::mail::OutboxStatus;
use crate::domain::error::AppError;
use crate::domain::sign_up::SignUpStatus;

/// What a pass removed.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Anonymised {
    pub sign_ups: u32,
    /// The emails about them, whose `.eml` files must go too.
    pub message_ids: Vec<String>,
}

/// Anonymises the sign-ups of courses that ended more than `after_days`
/// ago, whatever their publication state, course by course; a course that
/// fails is logged and the others go on.
pub async fn run(db: &Db, now: Now, after_days: i64) -> Result<Anonymised, AppError> {
    let ended_before = now.local - Duration::days(after_days);
    let pending = sign_up::Entity::find()
        .select_only()
        .column(sign_up::Column::OfferingId)
        .filter(sign_up::Column::AnonymisedAt.is_null());
    let courses: Vec<i32> = offering::Entity::find()
        .select_only()
        .column(offering::Column::Id)
        .filter(offering::Column::LastSessionEndAt.lt(ended_before))
        .filter(offering::Column::Id.in_subquery(pending.into_query()))
        .order_by_asc(offering::Column::Id)
        .limit(BATCH)
        .into_tuple()
        .all(db.read())
        .await?;
    let mut done = Anonymised::default();
    for course_id in courses {
        if let Err(e) = anonymise_course(db, course_id, now, &mut done).await {
            super::failed("anonymising sign-ups", Some(course_id), &e);
        }
    }
    anonymise_ended(db, now, &mut done).await?;
    if done.sign_ups > 0 {
        db.checkpoint().await?;
    }
    Ok(done)
}

/// How long a sign-up that ended before its course keeps its data: long
/// enough for the person to read the email that says so.
const ENDED_KEPT: Duration = Duration::days(1);

/// Sign-ups cancelled, expired or turned away more than [`ENDED_KEPT`]
/// ago, whatever their course.
async fn anonymise_ended(db: &Db, now: Now, done: &mut Anonymised) -> Result<(), AppError> {
    loop {
        let txn = db.begin().await?;
        let ids: Vec<i32> = sign_up::Entity::find()
            .select_only()
            .column(sign_up::Column::Id)
            .filter(sign_up::Column::AnonymisedAt.is_null())
            .filter(sign_up::Column::Status.is_in([
                SignUpStatus::Cancelled,
                SignUpStatus::Expired,
                SignUpStatus::Full,
            ]))
            .filter(sign_up::Column::UpdatedAt.lt(now.utc - ENDED_KEPT))
            .order_by_asc(sign_up::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(&txn)
            .await?;
        if ids.is_empty() {
            txn.commit().await?;
            return Ok(());
        }
        let about_them = Condition::all().add(outbox::Column::SignUpId.is_in(ids.clone()));
        anonymise_ids(&txn, ids, about_them, now, done).await?;
        txn.commit().await?;
    }
}

async fn anonymise_course(
    db: &Db,
    course_id: i32,
    now: Now,
    done: &mut Anonymised,
) -> Result<(), AppError> {
    loop {
        let txn = db.begin().await?;
        let ids: Vec<i32> = sign_up::Entity::find()
            .select_only()
            .column(sign_up::Column::Id)
            .filter(sign_up::Column::OfferingId.eq(course_id))
            .filter(sign_up::Column::AnonymisedAt.is_null())
            .order_by_asc(sign_up::Column::Id)
            .limit(BATCH)
            .into_tuple()
            .all(&txn)
            .await?;
        if ids.is_empty() {
            txn.commit().await?;
            return Ok(());
        }
        // Every email about these people, and the emails of the course
        // tied to no sign-up, which name nobody stored but an address.
        let about_them = Condition::any()
            .add(outbox::Column::SignUpId.is_in(ids.clone()))
            .add(
                Condition::all()
                    .add(outbox::Column::OfferingId.eq(course_id))
                    .add(outbox::Column::SignUpId.is_null()),
            );
        anonymise_ids(&txn, ids, about_them, now, done).await?;
        txn.commit().await?;
    }
}

/// Removes everything personal about the sign-ups `ids` and the emails
/// `about_them`, in the caller's transaction.
async fn anonymise_ids(
    txn: &DatabaseTransaction,
    ids: Vec<i32>,
    about_them: Condition,
    now: Now,
    done: &mut Anonymised,
) -> Result<(), AppError> {
    sign_up_token::Entity::delete_many()
        .filter(sign_up_token::Column::SignUpId.is_in(ids.clone()))
        .exec(txn)
        .await?;
    let message_ids: Vec<String> = outbox::Entity::find()
        .select_only()
        .column(outbox::Column::MessageId)
        .filter(about_them.clone())
        .filter(outbox::Column::PurgedAt.is_null())
        .into_tuple()
        .all(txn)
        .await?;
    // Still queued after all this time: no longer worth sending.
    outbox::Entity::update_many()
        .col_expr(outbox::Column::Status, Expr::value(OutboxStatus::Discarded))
        .col_expr(outbox::Column::FinishedAt, Expr::value(now.utc))
        .filter(about_them.clone())
        .filter(outbox::Column::Status.is_in([OutboxStatus::Pending, OutboxStatus::Sending]))
        .exec(txn)
        .await?;
    outbox::Entity::update_many()
        .col_expr(
            outbox::Column::Recipient,
            Expr::value(Option::<String>::None),
        )
        .col_expr(outbox::Column::RecipientMasked, Expr::value("***"))
        .col_expr(
            outbox::Column::LastError,
            Expr::value(Option::<String>::None),
        )
        .col_expr(outbox::Column::PurgedAt, Expr::value(now.utc))
        .filter(about_them)
        .exec(txn)
        .await?;

    // Everything that names, reaches or locates a person.
    let personal = [
        sign_up::Column::ParticipantEmail,
        sign_up::Column::ParticipantPhone,
        sign_up::Column::RegistrantName,
        sign_up::Column::RegistrantEmail,
        sign_up::Column::NeedsNote,
        sign_up::Column::DedupeKey,
        sign_up::Column::ClientKey,
        sign_up::Column::NetworkKey,
        sign_up::Column::RegistrantKey,
    ];
    let result = personal
        .into_iter()
        .fold(sign_up::Entity::update_many(), |update, column| {
            update.col_expr(column, Expr::value(Option::<String>::None))
        })
        .col_expr(sign_up::Column::ParticipantName, Expr::value(""))
        .col_expr(
            sign_up::Column::ConfirmBy,
            Expr::value(Option::<chrono::NaiveDateTime>::None),
        )
        .col_expr(sign_up::Column::AnonymisedAt, Expr::value(now.utc))
        .filter(sign_up::Column::Id.is_in(ids))
        .exec(txn)
        .await?;
    done.sign_ups += u32::try_from(result.rows_affected).unwrap_or(u32::MAX);
    done.message_ids.extend(message_ids);
    Ok(())
}
