//! `listing` table: the directory's read model. Kept in the shape sea-orm-cli
//! generates; behaviour lives in `directory/read_model.rs`.

use sea_orm::entity::prelude::*;

use crate::domain::offering::{OfferingKind, Referral};

#[derive(Clone, Debug, PartialEq, DeriveEntityModel)]
#[sea_orm(table_name = "listing")]
pub struct Model {
    #[sea_orm(primary_key, auto_increment = false)]
    pub offering_id: i32,
    pub slug: String,
    pub kind: OfferingKind,
    pub district_id: i32,
    pub title_nb: String,
    pub title_nn: Option<String>,
    pub title_en: Option<String>,
    #[sea_orm(column_type = "Text")]
    pub summary_nb: String,
    #[sea_orm(column_type = "Text", nullable)]
    pub summary_nn: Option<String>,
    #[sea_orm(column_type = "Text", nullable)]
    pub summary_en: Option<String>,
    pub venue_name: Option<String>,
    pub price_nok: i32,
    pub sign_up_required: bool,
    pub referral: Referral,
    pub has_venue: bool,
    pub step_free: bool,
    pub hearing_loop: bool,
    pub accessible_toilet: bool,
    pub parking: bool,
    pub audiences: i32,
    pub slots: i32,
    pub next_start: Option<DateTime>,
    pub next_end: Option<DateTime>,
    pub sort_at: Option<DateTime>,
    pub changed_seq: i64,
}

#[derive(Copy, Clone, Debug, EnumIter, DeriveRelation)]
pub enum Relation {}

impl ActiveModelBehavior for ActiveModel {}
