//! Listings go stale in every directory: once a published offering has
//! not been confirmed or edited for `STALE_AFTER_DAYS`, the coordinators
//! of its organisation are emailed to confirm or update it, once until
//! someone does.

use chrono::Duration;
use sea_orm::{
    ColumnTrait, Condition, EntityTrait, QueryFilter, QueryOrder, QuerySelect, sea_query::Expr,
};

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::{account, account_organisation, offering};
use crate::backend::mail::EmailKind;
use crate::backend::mail::outbox::{self, Queued};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingStatus;
use crate::domain::staff::Role;

/// Offerings last confirmed (or, never confirmed, last changed) before
/// `cutoff`, UTC.
pub fn stale_before(cutoff: chrono::NaiveDateTime) -> Condition {
    Condition::any()
        .add(offering::Column::ConfirmedAt.lt(cutoff))
        .add(
            Condition::all()
                .add(offering::Column::ConfirmedAt.is_null())
                .add(offering::Column::UpdatedAt.lt(cutoff)),
        )
}

/// Queues the reminders that are due; returns how many offerings were
/// reminded about.
pub async fn run(db: &Db, now: Now, after_days: i64) -> Result<u32, AppError> {
    let cutoff = now.utc - Duration::days(after_days);
    let due = offering::Entity::find()
        .filter(offering::Column::Status.eq(OfferingStatus::Published))
        .filter(offering::Column::StaleRemindedAt.is_null())
        .filter(stale_before(cutoff))
        .order_by_asc(offering::Column::Id)
        .limit(BATCH)
        .all(db.read())
        .await?;
    let mut reminded = 0;
    for o in due {
        let txn = db.begin().await?;
        let coordinators: Vec<String> = account::Entity::find()
            .filter(account::Column::Active.eq(true))
            .filter(account::Column::Role.eq(Role::Coordinator))
            .filter(
                account::Column::Id.in_subquery(
                    sea_orm::sea_query::Query::select()
                        .column(account_organisation::Column::AccountId)
                        .from(account_organisation::Entity)
                        .and_where(
                            account_organisation::Column::OrganisationId.eq(o.organisation_id),
                        )
                        .to_owned(),
                ),
            )
            .all(&txn)
            .await?
            .into_iter()
            .map(|a| a.email)
            .collect();
        for to in &coordinators {
            outbox::enqueue(
                &txn,
                Queued {
                    kind: EmailKind::StaleReminder,
                    offering_id: o.id,
                    sign_up_id: None,
                    lang: Lang::Nb,
                    to,
                    course_message_id: None,
                },
                now.utc,
            )
            .await?;
        }
        // Only while still unreminded: another server may be on it.
        offering::Entity::update_many()
            .col_expr(offering::Column::StaleRemindedAt, Expr::value(now.utc))
            .filter(offering::Column::Id.eq(o.id))
            .filter(offering::Column::StaleRemindedAt.is_null())
            .exec(&txn)
            .await?;
        txn.commit().await?;
        reminded += 1;
    }
    Ok(reminded)
}
