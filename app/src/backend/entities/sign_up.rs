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
    pub hold_expires_at: Option<DateTime>,
    pub email_confirmed_at: Option<DateTime>,
    pub cancelled_at: Option<DateTime>,
    pub reminder_sent_at: Option<DateTime>,
    pub anonymised_at: Option<DateTime>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
