//! `organisation` table. Kept in the shape sea-orm-cli generates; behaviour lives in
//! the services beside this folder.

use sea_orm::entity::prelude::*;

use crate::domain::offering::OrganisationKind;

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "organisation")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub name: String,
    pub kind: OrganisationKind,
    pub email: String,
    pub phone: String,
    pub website: Option<String>,
    /// Its number in Enhetsregisteret, nine digits, where known.
    pub org_number: Option<String>,
    /// Trusted to publish without an editor's approval.
    pub publishes_directly: bool,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
