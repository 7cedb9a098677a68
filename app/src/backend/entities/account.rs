//! `account` table: a member of staff. Kept in the shape sea-orm-cli
//! generates; behaviour lives in `backend/staff/`.

use sea_orm::entity::prelude::*;

use crate::domain::staff::Role;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "account")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// Lower-cased, so one mailbox is one account.
    #[sea_orm(unique)]
    pub email: String,
    pub name: String,
    pub role: Role,
    pub active: bool,
    pub created_at: DateTime,
    pub last_sign_in_at: Option<DateTime>,
    /// An Argon2id hash in PHC form, when the person added a password.
    pub password_hash: Option<String>,
    /// Wrong passwords since the last right one or pause.
    pub password_failures: i32,
    /// Until when passwords do not work for this account (UTC).
    pub password_paused_until: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
