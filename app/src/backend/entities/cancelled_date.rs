//! `cancelled_date` table: one meeting or session called off, with the
//! reason residents are told. Kept in the shape sea-orm-cli generates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "cancelled_date")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offering_id: i32,
    pub date: Date,
    pub reason: String,
    /// Who called it off.
    pub account_id: Option<i32>,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
