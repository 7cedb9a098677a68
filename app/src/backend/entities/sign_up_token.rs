//! `sign_up_token` table. Kept in the shape sea-orm-cli generates; behaviour
//! lives in the services beside this folder.

use sea_orm::entity::prelude::*;

use crate::domain::sign_up::LinkPurpose;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "sign_up_token")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub sign_up_id: i32,
    pub purpose: LinkPurpose,
    #[sea_orm(unique)]
    pub token_hash: String,
    pub expires_at: DateTime,
    pub used_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
