//! What editors and administrators look over: the outbox (which emails
//! went, which failed, never their text), and the audit log.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, Set,
};

use crate::backend::clock::{Now, oslo};
use crate::backend::db::Db;
use crate::backend::entities::{account, audit_event, outbox};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::mail::OutboxStatus;
use crate::domain::staff::{AuditAction, AuditEntry, AuditPage, OutboxEntry, OutboxPage, Role};

use super::{Staff, audit, roster};

/// Rows on one page of the outbox or the log.
const PAGE_SIZE: u64 = 50;

/// The outbox, newest first: failed ones can be tried again.
pub async fn outbox(
    db: &impl ConnectionTrait,
    staff: &Staff,
    page: u32,
) -> Result<OutboxPage, AppError> {
    staff.require(Role::Editor)?;
    let count = |status: OutboxStatus| {
        outbox::Entity::find()
            .filter(outbox::Column::Status.eq(status))
            .count(db)
    };
    let queued = count(OutboxStatus::Pending).await? + count(OutboxStatus::Sending).await?;
    let failed = count(OutboxStatus::Failed).await?;
    let rows = outbox::Entity::find()
        .order_by_desc(outbox::Column::Id)
        .offset(u64::from(page.saturating_sub(1)) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    Ok(OutboxPage {
        entries: rows
            .into_iter()
            .map(|r| OutboxEntry {
                id: r.id,
                kind: r.kind,
                status: r.status,
                retry: r.status == OutboxStatus::Failed && r.recipient.is_some(),
                to: r.recipient_masked,
                attempts: r.attempts,
                queued_at: oslo(r.created_at),
                finished_at: r.finished_at.map(oslo),
                error: r.last_error,
            })
            .collect(),
        queued: u32::try_from(queued).unwrap_or(u32::MAX),
        failed: u32::try_from(failed).unwrap_or(u32::MAX),
        page,
    })
}

/// Puts a failed email back in the queue, due now, with its tries
/// counted afresh.
pub async fn retry(db: &Db, staff: &Staff, id: i32, now: Now) -> Result<(), AppError> {
    staff.require(Role::Editor)?;
    let txn = db.begin().await?;
    let done = outbox::Entity::update_many()
        .set(outbox::ActiveModel {
            status: Set(OutboxStatus::Pending),
            attempts: Set(0),
            next_attempt_at: Set(now.utc),
            finished_at: Set(None),
            ..Default::default()
        })
        .filter(outbox::Column::Id.eq(id))
        .filter(outbox::Column::Status.eq(OutboxStatus::Failed))
        .filter(outbox::Column::Recipient.is_not_null())
        .exec(&txn)
        .await?;
    if done.rows_affected == 0 {
        return Err(AppError::NotFound);
    }
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::EmailRetried,
            subject: Some(audit::subject("outbox", id)),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// A page of the audit log, newest first, with who did it and which
/// offering it was about. Sign-ups are named by id only.
pub async fn audit_log(
    db: &impl ConnectionTrait,
    staff: &Staff,
    lang: Lang,
    page: u32,
) -> Result<AuditPage, AppError> {
    staff.require(Role::Editor)?;
    let mut rows = audit_event::Entity::find()
        .order_by_desc(audit_event::Column::Id)
        .offset(u64::from(page.saturating_sub(1)) * PAGE_SIZE)
        .limit(PAGE_SIZE + 1)
        .all(db)
        .await?;
    let more = rows.len() as u64 > PAGE_SIZE;
    rows.truncate(PAGE_SIZE as usize);
    let people: HashMap<i32, String> = account::Entity::find()
        .filter(account::Column::Id.is_in(rows.iter().filter_map(|r| r.account_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|a| (a.id, a.name))
        .collect();
    let offering_ids: Vec<i32> = rows.iter().filter_map(|r| r.offering_id).collect();
    let titles = roster::titles(db, &offering_ids, lang).await?;
    Ok(AuditPage {
        entries: rows
            .into_iter()
            .map(|r| AuditEntry {
                at: oslo(r.at),
                who: r.account_id.and_then(|id| people.get(&id).cloned()),
                action: r.action,
                offering: r
                    .offering_id
                    .map(|id| (id, titles.get(&id).cloned().unwrap_or_default())),
                subject: r.subject,
                detail: r.detail,
            })
            .collect(),
        page,
        more,
    })
}
