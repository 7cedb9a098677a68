//! `course_message` table: what an organiser wrote to everyone signed up
//! for a course, kept only until the emails carrying it are purged. Kept
//! in the shape sea-orm-cli generates.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "course_message")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offering_id: i32,
    /// Who wrote it.
    pub account_id: Option<i32>,
    #[sea_orm(column_type = "Text")]
    pub body: String,
    pub created_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
