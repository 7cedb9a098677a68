//! `audit_event` table: who did what, when. Rows are only ever added.
//! Kept in the shape sea-orm-cli generates; behaviour lives in
//! `backend/staff/audit.rs`.

use sea_orm::entity::prelude::*;

use crate::domain::staff::AuditAction;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "audit_event")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub at: DateTime,
    /// Who; none for the system itself.
    pub account_id: Option<i32>,
    pub action: AuditAction,
    pub offering_id: Option<i32>,
    /// What else it was about, as `kind:id` (`sign_up:12`, `account:3`):
    /// ids, never names or addresses.
    pub subject: Option<String>,
    /// Before and after, as JSON, for edits.
    #[sea_orm(column_type = "Text", nullable)]
    pub detail: Option<String>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
