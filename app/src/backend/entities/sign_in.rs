//! `sign_in` table: one emailed sign-in code and link. Kept in the shape
//! sea-orm-cli generates; behaviour lives in `backend/staff/sign_in.rs`.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_in")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub account_id: i32,
    /// SHA-256 of the code, written when the email is.
    pub code_hash: Option<String>,
    /// SHA-256 of the link's token, written when the email is.
    pub token_hash: Option<String>,
    /// Wrong codes typed against this row.
    pub attempts: i32,
    pub expires_at: DateTime,
    pub used_at: Option<DateTime>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
