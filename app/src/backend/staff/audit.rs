//! The audit log: who did what and when. Rows are only ever added, and
//! name people by account id and sign-ups by id, never by name or
//! address, so the log holds nothing that outlives the sign-ups'
//! anonymisation.

use sea_orm::{ConnectionTrait, DbErr, EntityTrait, Set};

use crate::backend::clock::Now;
use crate::backend::entities::audit_event;
use crate::domain::staff::AuditAction;

/// One thing that happened.
#[derive(Clone, Debug)]
pub struct Event {
    /// Who did it; none for the system.
    pub by: Option<i32>,
    pub action: AuditAction,
    pub offering_id: Option<i32>,
    /// What else it was about, from [`subject`].
    pub subject: Option<String>,
    /// Before and after, as JSON.
    pub detail: Option<String>,
}

impl Default for Event {
    fn default() -> Self {
        Event {
            by: None,
            action: AuditAction::SignedIn,
            offering_id: None,
            subject: None,
            detail: None,
        }
    }
}

/// `kind:id`, the one way events name what they are about.
pub fn subject(kind: &str, id: i32) -> String {
    format!("{kind}:{id}")
}

/// Adds `event` in the caller's transaction, so that what happened and
/// its record are written together or not at all.
pub async fn record(db: &impl ConnectionTrait, event: Event, now: Now) -> Result<(), DbErr> {
    audit_event::Entity::insert(audit_event::ActiveModel {
        at: Set(now.utc),
        account_id: Set(event.by),
        action: Set(event.action),
        offering_id: Set(event.offering_id),
        subject: Set(event.subject),
        detail: Set(event.detail),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(())
}
