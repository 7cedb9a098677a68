//! `skipped_date` table. Kept in the shape sea-orm-cli generates; behaviour lives in
//! the services beside this folder.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "skipped_date")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub weekly_slot_id: i32,
    #[sea_orm(primary_key, auto_increment = false)]
    pub date: Date,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
