//! `outbox` table: which email to write, to whom, and how sending it went.
//! Kept in the shape sea-orm-cli generates; behaviour lives in `mail/`.

use sea_orm::entity::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::mail::{EmailKind, OutboxStatus};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "outbox")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub message_id: String,
    pub kind: EmailKind,
    pub offering_id: Option<i32>,
    pub sign_up_id: Option<i32>,
    /// The staff sign-in a sign-in email is for.
    pub sign_in_id: Option<i32>,
    /// The organiser's message an email to a course's people carries.
    pub course_message_id: Option<i32>,
    pub lang: Lang,
    pub recipient: Option<String>,
    pub recipient_masked: String,
    pub status: OutboxStatus,
    pub attempts: i32,
    pub next_attempt_at: DateTime,
    pub claim_token: Option<String>,
    pub claimed_until: Option<DateTime>,
    #[sea_orm(column_type = "Text", nullable)]
    pub last_error: Option<String>,
    pub created_at: DateTime,
    pub finished_at: Option<DateTime>,
    pub purged_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
