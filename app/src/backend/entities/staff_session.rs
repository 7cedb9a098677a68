//! `staff_session` table: a signed-in browser. Kept in the shape
//! sea-orm-cli generates; behaviour lives in `backend/staff/sessions.rs`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "staff_session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    /// SHA-256 of the cookie's value.
    #[sea_orm(unique)]
    pub token_hash: String,
    pub account_id: i32,
    pub shared_computer: bool,
    pub created_at: DateTime,
    pub last_seen_at: DateTime,
    /// When it ends unless it is used before: idle time runs from the
    /// last use.
    pub expires_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
