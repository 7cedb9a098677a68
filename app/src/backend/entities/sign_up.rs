//! `sign_up` table. Kept in the shape sea-orm-cli generates; behaviour lives in
//! the services beside this folder.

use sea_orm::entity::prelude::*;

use crate::domain::lang::Lang;
use crate::domain::sign_up::SignUpStatus;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_up")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offering_id: i32,
    pub status: SignUpStatus,
    pub participant_name: String,
    pub participant_email: Option<String>,
    pub participant_phone: Option<String>,
    pub registrant_name: Option<String>,
    pub registrant_email: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub needs_note: Option<String>,
    pub lang: Lang,
    pub dedupe_key: Option<String>,
    pub confirm_by: Option<DateTime>,
    pub email_confirmed_at: Option<DateTime>,
    pub cancelled_at: Option<DateTime>,
    pub reminder_sent_at: Option<DateTime>,
    pub anonymised_at: Option<DateTime>,
    /// Where it was posted from, for the per-course limits: an IPv4
    /// address or IPv6 /64, and an IPv4 /24 or IPv6 /48.
    pub client_key: Option<String>,
    pub network_key: Option<String>,
    /// The registrant's mailbox, for the per-course limit on them.
    pub registrant_key: Option<String>,
    /// Order on the waiting list, per course: set when joining it.
    pub queue_number: Option<i32>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
