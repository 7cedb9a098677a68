//! What the open feeds read: a listing's offerings in full for its
//! calendar, a district's newest changes, and every public offering for
//! the sitemap. Each is bounded, whatever the size of the country: a feed
//! that lists is one page of a size a calendar or a feed reader takes in.

use chrono::NaiveDateTime;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use super::{Directory, card, published};
use crate::backend::entities::{listing, offering};
use crate::domain::error::AppError;
use crate::domain::filter::{ListingFilter, PAGE_SIZE};
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingCard, OfferingDetail};

/// Pages of a listing its calendar feed holds: the 60 offerings that come
/// soonest. Past that a calendar is a wall; the filters narrow it.
pub const CALENDAR_PAGES: u32 = 3;
/// Entries in a district's feed of new and changed offerings.
pub const CHANGES_MAX: u64 = 30;
/// Offering ids in one part of the sitemap. With three languages each, and
/// each address naming its alternates, a full part is about 430 KB (a
/// thousand made 1.8 MB: too large to keep beside the API's pages, so
/// rendered on every request); a country of 100 000 offerings has 400
/// parts, far under the 50 000 an index may name.
pub const SITEMAP_PART: u64 = 250;

/// One offering in a feed of changes.
#[derive(Clone, Debug)]
pub struct Change {
    pub card: OfferingCard,
    /// When it was first added (UTC).
    pub added: NaiveDateTime,
    /// When it was last changed (UTC).
    pub updated: NaiveDateTime,
}

/// A published offering's address and when it last changed (UTC).
#[derive(Clone, Debug)]
pub struct Listed {
    pub slug: String,
    pub updated: NaiveDateTime,
}

impl Directory {
    /// The offerings a listing's calendar feed holds, in full, soonest
    /// first: the listing's first [`CALENDAR_PAGES`] pages, read as the
    /// page reads them.
    pub async fn calendar_of(
        &self,
        district_slug: Option<&str>,
        filter: &ListingFilter,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<Vec<OfferingDetail>, AppError> {
        let mut slugs = Vec::new();
        for page in 1..=CALENDAR_PAGES {
            let listing = self.listing(district_slug, filter, lang, page).await?;
            slugs.extend(listing.cards.into_iter().map(|c| c.slug));
            if page * PAGE_SIZE >= listing.total {
                break;
            }
        }
        Ok(self
            .offerings_by_slug(&slugs, lang, now)
            .await?
            .into_iter()
            .map(|(_, detail)| detail)
            .collect())
    }

    /// A district's offerings, most recently changed first: its feed of
    /// what is new and changed.
    pub async fn changes(&self, district_slug: &str, lang: Lang) -> Result<Vec<Change>, AppError> {
        let (districts, _) = self.district_rows().await?;
        let district = districts
            .iter()
            .find(|d| d.slug == district_slug)
            .ok_or(AppError::NotFound)?;
        let db = self.db.read();
        let latest: Vec<(i32, NaiveDateTime, NaiveDateTime)> = published()
            .select_only()
            .column(offering::Column::Id)
            .column(offering::Column::CreatedAt)
            .column(offering::Column::UpdatedAt)
            .filter(offering::Column::DistrictId.eq(district.id))
            .order_by_desc(offering::Column::UpdatedAt)
            .order_by_desc(offering::Column::Id)
            .limit(CHANGES_MAX)
            .into_tuple()
            .all(db)
            .await?;
        let mut rows: std::collections::HashMap<i32, listing::Model> = listing::Entity::find()
            .filter(listing::Column::OfferingId.is_in(latest.iter().map(|(id, ..)| *id)))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.offering_id, r))
            .collect();
        Ok(latest
            .into_iter()
            .filter_map(|(id, added, updated)| {
                rows.remove(&id).map(|row| Change {
                    card: card(&row, lang, &districts),
                    added,
                    updated,
                })
            })
            .collect())
    }

    /// How many parts the sitemap's offerings take, at least one: a part
    /// for every [`SITEMAP_PART`] ids up to the highest published.
    pub async fn sitemap_parts(&self) -> Result<u64, AppError> {
        let highest: Option<i32> = published()
            .select_only()
            .column_as(offering::Column::Id.max(), "highest")
            .into_tuple()
            .one(self.db.read())
            .await?
            .flatten();
        let highest = u64::try_from(highest.unwrap_or(0)).unwrap_or(0);
        Ok(highest.div_ceil(SITEMAP_PART).max(1))
    }

    /// Part `part` (from 1): the published offerings among the part's
    /// [`SITEMAP_PART`] ids. A range of the primary key, not an offset:
    /// reading the last part costs what reading the first does, and an
    /// offering stays in its part when others are added or withdrawn, so
    /// a crawler's `lastmod` of the other parts stays true.
    pub async fn sitemap_part(&self, part: u64) -> Result<Vec<Listed>, AppError> {
        if part == 0 || part > self.sitemap_parts().await? {
            return Err(AppError::NotFound);
        }
        let first = i64::try_from((part - 1) * SITEMAP_PART).unwrap_or(i64::MAX);
        let rows: Vec<(String, NaiveDateTime)> = published()
            .select_only()
            .column(offering::Column::Slug)
            .column(offering::Column::UpdatedAt)
            .filter(offering::Column::Id.gt(first))
            .filter(offering::Column::Id.lte(first.saturating_add(SITEMAP_PART as i64)))
            .order_by_asc(offering::Column::Id)
            .into_tuple()
            .all(self.db.read())
            .await?;
        Ok(rows
            .into_iter()
            .map(|(slug, updated)| Listed { slug, updated })
            .collect())
    }
}
