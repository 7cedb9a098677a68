//! What the open data API reads, a page at a time: the published
//! offerings (in the order they were added, so a page holds still while
//! others are added), and the organisations and venues behind them. Only
//! what the public pages show: an organisation or venue none of whose
//! offerings is published is not there.

use chrono::NaiveDateTime;
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Select,
};

use super::facts::venue_dto;
use super::{Directory, published};
use crate::backend::entities::{offering, organisation, venue};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingDetail, OfferingStatus, VenueDto};

/// The most items one page of the API holds.
pub const PER_PAGE_MAX: u64 = 100;

/// Published offerings `offset..offset + limit`, in full, with their ids;
/// how many are published; and when the newest change among this page's
/// was made (UTC).
pub struct PublishedPage {
    pub offerings: Vec<(i32, OfferingDetail)>,
    pub total: u64,
    pub changed: Option<NaiveDateTime>,
}

/// Whether some published offering has the row of `table` in `column`
/// (its organisation's or its venue's): asked of each organisation or
/// venue, by the offerings' index on `column`, rather than reading every
/// offering for the ids in use.
fn in_use(
    column: offering::Column,
    table: impl sea_orm::sea_query::IntoIden,
    id: impl sea_orm::sea_query::IntoIden,
) -> Expr {
    Expr::exists(
        Query::select()
            .expr(Expr::val(1))
            .from(offering::Entity)
            .and_where(Expr::col((offering::Entity, column)).equals((table, id)))
            .and_where(offering::Column::Status.eq(OfferingStatus::Published))
            .to_owned(),
    )
}

fn public_organisations() -> Select<organisation::Entity> {
    organisation::Entity::find().filter(in_use(
        offering::Column::OrganisationId,
        organisation::Entity,
        organisation::Column::Id,
    ))
}

fn public_venues() -> Select<venue::Entity> {
    venue::Entity::find().filter(in_use(
        offering::Column::VenueId,
        venue::Entity,
        venue::Column::Id,
    ))
}

impl Directory {
    /// Published offerings `offset..offset + limit`, by id, each as its
    /// page shows it.
    pub async fn published_page(
        &self,
        offset: u64,
        limit: u64,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<PublishedPage, AppError> {
        let db = self.db.read();
        let total = self.published_count().await?;
        let rows: Vec<(i32, String, NaiveDateTime)> = published()
            .select_only()
            .column(offering::Column::Id)
            .column(offering::Column::Slug)
            .column(offering::Column::UpdatedAt)
            .order_by_asc(offering::Column::Id)
            .offset(offset)
            .limit(limit)
            .into_tuple()
            .all(db)
            .await?;
        let changed = rows.iter().map(|(_, _, at)| *at).max();
        let slugs: Vec<String> = rows.into_iter().map(|(_, slug, _)| slug).collect();
        Ok(PublishedPage {
            offerings: self.offerings_by_slug(&slugs, lang, now).await?,
            total,
            changed,
        })
    }

    /// The published offering `id` in full, and when it last changed (UTC).
    pub async fn published_by_id(
        &self,
        id: i32,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<(i32, OfferingDetail, NaiveDateTime), AppError> {
        let (slug, changed): (String, NaiveDateTime) = published()
            .select_only()
            .column(offering::Column::Slug)
            .column(offering::Column::UpdatedAt)
            .filter(offering::Column::Id.eq(id))
            .into_tuple()
            .one(self.db.read())
            .await?
            .ok_or(AppError::NotFound)?;
        let (id, detail) = self
            .offerings_by_slug(&[slug], lang, now)
            .await?
            .pop()
            .ok_or(AppError::NotFound)?;
        Ok((id, detail, changed))
    }

    /// Organisations with published offerings, `offset..offset + limit`,
    /// by id, and how many.
    pub async fn organisations(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<organisation::Model>, u64), AppError> {
        let db = self.db.read();
        let total = public_organisations().count(db).await?;
        let rows = public_organisations()
            .order_by_asc(organisation::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(db)
            .await?;
        Ok((rows, total))
    }

    pub async fn organisation(&self, id: i32) -> Result<organisation::Model, AppError> {
        public_organisations()
            .filter(organisation::Column::Id.eq(id))
            .one(self.db.read())
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Venues where published offerings meet, `offset..offset + limit`,
    /// by id, in `lang`, and how many.
    pub async fn venues(
        &self,
        offset: u64,
        limit: u64,
        lang: Lang,
    ) -> Result<(Vec<VenueDto>, u64), AppError> {
        let db = self.db.read();
        let total = public_venues().count(db).await?;
        let rows = public_venues()
            .order_by_asc(venue::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(db)
            .await?;
        Ok((rows.iter().map(|v| venue_dto(v, lang)).collect(), total))
    }

    pub async fn venue(&self, id: i32, lang: Lang) -> Result<VenueDto, AppError> {
        public_venues()
            .filter(venue::Column::Id.eq(id))
            .one(self.db.read())
            .await?
            .map(|v| venue_dto(&v, lang))
            .ok_or(AppError::NotFound)
    }
}
