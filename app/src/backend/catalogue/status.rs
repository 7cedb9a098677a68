//! An offering's publication state, and who may move it where. Volunteer
//! organisations submit and an editor publishes or returns the offering
//! with a comment (draft → submitted → published); an organisation trusted
//! to publish directly skips the editor.

use sea_orm::{ActiveModelTrait, EntityTrait, Set};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::organisation;
use crate::backend::staff::{Staff, access, audit};
use crate::domain::Code;
use crate::domain::error::AppError;
use crate::domain::offering::OfferingStatus;
use crate::domain::staff::AuditAction;

/// The longest review comment kept.
pub const COMMENT_MAX: usize = 2000;

/// Whether `staff` may move an offering from `from` to `to`;
/// `publishes_directly` is whether its organisation is trusted to publish
/// without approval.
pub fn allowed(
    staff: &Staff,
    publishes_directly: bool,
    from: OfferingStatus,
    to: OfferingStatus,
) -> bool {
    use OfferingStatus::{Archived, Draft, Published, Submitted};
    if from == to {
        return false;
    }
    if staff.sees_all() {
        return true;
    }
    match (from, to) {
        (Draft, Submitted) | (Submitted, Draft) | (Published, Draft) | (_, Archived) => true,
        (Archived, Draft) => true,
        (Draft | Submitted, Published) => publishes_directly,
        _ => false,
    }
}

/// The states `staff` may move an offering in `from` to, in the order the
/// buttons show them.
pub fn choices(
    staff: &Staff,
    publishes_directly: bool,
    from: OfferingStatus,
) -> Vec<OfferingStatus> {
    use strum::IntoEnumIterator;
    OfferingStatus::iter()
        .filter(|to| allowed(staff, publishes_directly, from, *to))
        .collect()
}

/// Moves offering `id` to `to`, with an editor's comment when a
/// submission goes back; refreshes its listing and the directory's
/// version in the same transaction, and records the change.
pub async fn set(
    db: &Db,
    staff: &Staff,
    id: i32,
    to: OfferingStatus,
    comment: Option<&str>,
    now: Now,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let row = access::offering(&txn, staff, id).await?;
    let trusted = organisation::Entity::find_by_id(row.organisation_id)
        .one(&txn)
        .await?
        .is_some_and(|o| o.publishes_directly);
    let from = row.status;
    if !allowed(staff, trusted, from, to) {
        return Err(AppError::Forbidden);
    }
    let comment = comment
        .map(str::trim)
        .filter(|c| !c.is_empty())
        .map(|c| c.chars().take(COMMENT_MAX).collect::<String>());
    let mut change: crate::backend::entities::offering::ActiveModel = row.into();
    change.status = Set(to);
    change.updated_at = Set(now.utc);
    // A comment goes with a submission sent back; publishing clears it.
    change.review_comment = Set(match (from, to) {
        (OfferingStatus::Submitted, OfferingStatus::Draft) if staff.sees_all() => comment,
        (_, OfferingStatus::Published) => None,
        _ => change.review_comment.clone().unwrap(),
    });
    change.update(&txn).await?;
    read_model::refresh(&txn, &[id], now.local, Why::Edited).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::StatusChanged,
            offering_id: Some(id),
            detail: Some(serde_json::json!({ "from": from.code(), "to": to.code() }).to_string()),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// Says that offering `id` is still right as it is: it stops counting as
/// stale, and its public page says when it was confirmed.
pub async fn confirm(db: &Db, staff: &Staff, id: i32, now: Now) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let row = access::offering(&txn, staff, id).await?;
    let mut change: crate::backend::entities::offering::ActiveModel = row.into();
    change.confirmed_at = Set(Some(now.utc));
    change.stale_reminded_at = Set(None);
    change.update(&txn).await?;
    read_model::refresh(&txn, &[id], now.local, Why::Edited).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::OfferingConfirmed,
            offering_id: Some(id),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
