//! `district` table. Kept in the shape sea-orm-cli generates; behaviour lives in
//! the services beside this folder.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "district")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name_nb: String,
    pub name_nn: String,
    pub name_en: String,
    pub sort_order: i32,
    /// The directory version that last changed this district's listings.
    pub changed_seq: i64,
    /// The directory version that last edited them.
    pub edit_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
