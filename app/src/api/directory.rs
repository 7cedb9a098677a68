use chrono::NaiveDate;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::error::AppError;
use crate::domain::filter::ListingFilter;
use crate::domain::lang::Lang;
use crate::domain::offering::{CategoryDto, DistrictSummary, OfferingCard, OfferingDetail};
use crate::domain::programme::ProgrammeData;

/// How many happenings the front page shows under "this week".
pub const THIS_WEEK_LIMIT: u64 = 8;

/// The front page: districts to choose from and what is on soon.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct FrontPageData {
    pub districts: Vec<DistrictSummary>,
    pub this_week: Vec<OfferingCard>,
    pub today: NaiveDate,
}

/// One page of a listing, for one district or for the whole municipality.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ListingData {
    pub district: Option<DistrictSummary>,
    pub districts: Vec<DistrictSummary>,
    pub categories: Vec<CategoryDto>,
    pub cards: Vec<OfferingCard>,
    /// How many offerings the whole listing has.
    pub total: u32,
    /// Which page this is, 1 = the first.
    pub page: u32,
    /// A search that would find something, when this one found nothing.
    pub suggestion: Option<String>,
    pub today: NaiveDate,
    /// The listing's calendar to subscribe to, with its filters; absolute,
    /// since a calendar program fetches it on its own.
    pub calendar_url: String,
}

/// The page of one offering.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingData {
    pub detail: OfferingDetail,
    pub today: NaiveDate,
    /// Oslo time, for whether sign-up is open.
    pub now: chrono::NaiveDateTime,
    /// schema.org JSON-LD of the offering, safe inside a script element.
    pub json_ld: String,
}

#[server]
pub async fn front_page(lang: Lang) -> Result<FrontPageData, AppError> {
    use crate::backend::{clock, directory};
    let directory = directory()?;
    let now = clock::oslo_now();
    Ok(FrontPageData {
        districts: directory.districts(lang).await?,
        this_week: directory.this_week(lang, now, THIS_WEEK_LIMIT).await?,
        today: now.date(),
    })
}

#[server]
pub async fn listing_page(
    district: Option<String>,
    filter: ListingFilter,
    page: u32,
    lang: Lang,
) -> Result<ListingData, AppError> {
    use crate::backend::{clock, directory, settings};
    use crate::domain::filter::bounded_page;
    use crate::paths;
    let directory = directory()?;
    // Anyone can call a server function: hold what it is sent to the
    // bounds of the form.
    let (filter, page) = (filter.bounded(), bounded_page(page));
    let summary = match &district {
        Some(slug) => Some(directory.district(slug, lang).await?),
        None => None,
    };
    let listing = directory
        .listing(district.as_deref(), &filter, lang, page)
        .await?;
    Ok(ListingData {
        district: summary,
        districts: directory.districts(lang).await?,
        categories: directory.categories(lang).await?,
        cards: listing.cards,
        total: listing.total,
        page,
        suggestion: listing.suggestion,
        today: clock::oslo_now().date(),
        calendar_url: paths::absolute(
            &settings()?.site.public_url,
            &paths::listing_calendar(district.as_deref(), &filter),
        ),
    })
}

#[server]
pub async fn offering_page(slug: String, lang: Lang) -> Result<OfferingData, AppError> {
    use crate::backend::directory::json_ld;
    use crate::backend::{clock, directory, settings};
    let directory = directory()?;
    let now = clock::oslo_now();
    let detail = directory.offering(&slug, lang, now).await?;
    Ok(OfferingData {
        json_ld: json_ld::offering(
            &detail,
            &settings()?.site.public_url,
            now,
            &crate::i18n::Tr::new(lang),
        ),
        detail,
        today: now.date(),
        now,
    })
}

/// The week `week` (`2026-W50`; this week when missing or out of range)
/// in `district`, narrowed by `filter`.
#[server]
pub async fn week_programme(
    district: String,
    filter: ListingFilter,
    week: Option<String>,
    lang: Lang,
) -> Result<ProgrammeData, AppError> {
    use crate::backend::{clock, directory, settings};
    directory()?
        .week_programme(
            &district,
            &filter.bounded(),
            week.as_deref(),
            &settings()?.site.municipality,
            lang,
            clock::oslo_now(),
        )
        .await
}
