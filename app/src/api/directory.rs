use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::error::AppError;
use crate::domain::filter::ListingFilter;
use crate::domain::lang::Lang;
use crate::domain::offering::{CategoryDto, DistrictSummary, OfferingCard, OfferingDetail};

/// How many happenings the front page shows under "this week".
pub const THIS_WEEK_LIMIT: usize = 8;

/// The front page: districts to choose from and what is on soon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrontPageData {
    pub districts: Vec<DistrictSummary>,
    pub this_week: Vec<OfferingCard>,
    pub today: NaiveDate,
}

/// A listing, for one district or for the whole municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingData {
    pub district: Option<DistrictSummary>,
    pub districts: Vec<DistrictSummary>,
    pub categories: Vec<CategoryDto>,
    pub cards: Vec<OfferingCard>,
    pub today: NaiveDate,
}

/// The page of one offering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingData {
    pub detail: OfferingDetail,
    pub today: NaiveDate,
    /// Oslo time, for whether sign-up is open.
    pub now: chrono::NaiveDateTime,
}

#[server]
pub async fn front_page(lang: Lang) -> Result<FrontPageData, AppError> {
    use crate::backend::{clock, db, directory};
    let db = db()?;
    let now = clock::oslo_now();
    Ok(FrontPageData {
        districts: directory::districts(db.read(), lang, now).await?,
        this_week: directory::this_week(db.read(), lang, now, THIS_WEEK_LIMIT).await?,
        today: now.date(),
    })
}

#[server]
pub async fn listing_page(
    district: Option<String>,
    filter: ListingFilter,
    lang: Lang,
) -> Result<ListingData, AppError> {
    use crate::backend::{clock, db, directory};
    let db = db()?;
    let db = db.read();
    // Anyone can call a server function: hold what it is sent to the
    // bounds of the form.
    let filter = filter.bounded();
    let now = clock::oslo_now();
    let summary = match &district {
        Some(slug) => Some(directory::district(db, slug, lang, now).await?),
        None => None,
    };
    Ok(ListingData {
        district: summary,
        districts: directory::districts(db, lang, now).await?,
        categories: directory::categories(db, lang).await?,
        cards: directory::listing(db, district.as_deref(), &filter, lang, now).await?,
        today: now.date(),
    })
}

#[server]
pub async fn offering_page(slug: String, lang: Lang) -> Result<OfferingData, AppError> {
    use crate::backend::{clock, db, directory};
    let db = db()?;
    let now = clock::oslo_now();
    Ok(OfferingData {
        detail: directory::offering(db.read(), &slug, lang, now).await?,
        today: now.date(),
        now,
    })
}
