//! `directory_state` table: one row, the directory's version and that of
//! its last edit. Kept in the shape sea-orm-cli generates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "directory_state")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub id: i32,
    pub version: i64,
    pub last_edit: i64,
    /// For the demo: the day its dates are written for, as last moved.
    pub demo_today: Option<Date>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
