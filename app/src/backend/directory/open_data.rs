//! What the open data API reads, a page at a time: the published
//! offerings (in the order they were added, so a page holds still while
//! others are added), the organisations that run them and the venues
//! where they meet.

use chrono::NaiveDateTime;
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use super::Directory;
use super::facts::venue_dto;
use crate::backend::entities::{listing, offering, organisation, venue};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::VenueDto;

/// The most items one page of the API holds.
pub const PER_PAGE_MAX: u64 = 100;

impl Directory {
    /// The slugs of published offerings `offset..offset + limit`, by id;
    /// how many there are; and when the newest change among them was
    /// made (UTC).
    pub async fn published(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<String>, u64, Option<NaiveDateTime>), AppError> {
        let db = self.db.read();
        let total = listing::Entity::find().count(db).await?;
        let rows: Vec<(i32, String)> = listing::Entity::find()
            .select_only()
            .column(listing::Column::OfferingId)
            .column(listing::Column::Slug)
            .order_by_asc(listing::Column::OfferingId)
            .offset(offset)
            .limit(limit)
            .into_tuple()
            .all(db)
            .await?;
        let changed = last_changed(db, rows.iter().map(|(id, _)| *id)).await?;
        Ok((
            rows.into_iter().map(|(_, slug)| slug).collect(),
            total,
            changed,
        ))
    }

    /// The slug of the published offering `id`, and when it last changed.
    pub async fn published_slug(
        &self,
        id: i32,
    ) -> Result<(String, Option<NaiveDateTime>), AppError> {
        let db = self.db.read();
        let slug = listing::Entity::find_by_id(id)
            .one(db)
            .await?
            .map(|row| row.slug)
            .ok_or(AppError::NotFound)?;
        Ok((slug, last_changed(db, [id]).await?))
    }

    /// Organisations `offset..offset + limit`, by id, and how many.
    pub async fn organisations(
        &self,
        offset: u64,
        limit: u64,
    ) -> Result<(Vec<organisation::Model>, u64), AppError> {
        let db = self.db.read();
        let total = organisation::Entity::find().count(db).await?;
        let rows = organisation::Entity::find()
            .order_by_asc(organisation::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(db)
            .await?;
        Ok((rows, total))
    }

    pub async fn organisation(&self, id: i32) -> Result<organisation::Model, AppError> {
        organisation::Entity::find_by_id(id)
            .one(self.db.read())
            .await?
            .ok_or(AppError::NotFound)
    }

    /// Venues `offset..offset + limit`, by id, in `lang`, and how many.
    pub async fn venues(
        &self,
        offset: u64,
        limit: u64,
        lang: Lang,
    ) -> Result<(Vec<VenueDto>, u64), AppError> {
        let db = self.db.read();
        let total = venue::Entity::find().count(db).await?;
        let rows = venue::Entity::find()
            .order_by_asc(venue::Column::Id)
            .offset(offset)
            .limit(limit)
            .all(db)
            .await?;
        Ok((rows.iter().map(|v| venue_dto(v, lang)).collect(), total))
    }

    pub async fn venue(&self, id: i32, lang: Lang) -> Result<VenueDto, AppError> {
        venue::Entity::find_by_id(id)
            .one(self.db.read())
            .await?
            .map(|v| venue_dto(&v, lang))
            .ok_or(AppError::NotFound)
    }
}

/// The newest `updated_at` (UTC) among the offerings `ids`.
async fn last_changed(
    db: &impl ConnectionTrait,
    ids: impl IntoIterator<Item = i32>,
) -> Result<Option<NaiveDateTime>, AppError> {
    let newest: Option<Option<NaiveDateTime>> = offering::Entity::find()
        .select_only()
        .column_as(offering::Column::UpdatedAt.max(), "newest")
        .filter(offering::Column::Id.is_in(ids))
        .into_tuple()
        .one(db)
        .await?;
    Ok(newest.flatten())
}
