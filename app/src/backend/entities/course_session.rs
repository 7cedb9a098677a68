//! `course_session` table: a course's dated meetings. Kept in the shape
//! sea-orm-cli generates; behaviour lives in the services beside this folder.

use sea_orm::entity::prelude::*;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "course_session")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    pub offering_id: i32,
    pub starts_at: DateTime,
    pub ends_at: DateTime,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
