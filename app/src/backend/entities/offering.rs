//! `offering` table. Kept in the shape sea-orm-cli generates; behaviour lives in
//! the services beside this folder.

use sea_orm::entity::prelude::*;

use crate::domain::offering::{OfferingKind, OfferingStatus, Referral};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "offering")]
pub struct Model {
    #[sea_orm(primary_key)]
    pub id: i32,
    #[sea_orm(unique)]
    pub slug: String,
    pub kind: OfferingKind,
    pub status: OfferingStatus,
    pub district_id: i32,
    pub venue_id: Option<i32>,
    pub organisation_id: i32,
    pub price_nok: i32,
    pub sign_up_required: bool,
    pub referral: Referral,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    pub capacity: Option<i32>,
    pub sign_up_opens: Option<Date>,
    pub sign_up_closes: Option<Date>,
    pub waiting_list: bool,
    #[sea_orm(column_type = "Text")]
    pub search_text: String,
    /// Local start of a course's first session, kept with its sessions.
    pub first_session_at: Option<DateTime>,
    /// Local end of a course's last session.
    pub last_session_end_at: Option<DateTime>,
    pub created_at: DateTime,
    pub updated_at: DateTime,
    /// An editor's word to the organisation, when a submission went back.
    #[sea_orm(column_type = "Text", nullable)]
    pub review_comment: Option<String>,
    /// When someone last said the listing is right; an edit says so too.
    pub confirmed_at: Option<DateTime>,
    /// When its organisation was last reminded to confirm it.
    pub stale_reminded_at: Option<DateTime>,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
