//! The public directory: districts, listings with filters, search and the
//! offering page.
//!
//! Lists read the read model (`read_model.rs`): one indexed query for a
//! page of cards and one for the count, whatever the size of the country.
//! What nearly every page asks for (the districts and how many offerings
//! each lists) is kept per directory version, which every server reads at
//! most once a second, so a change made through one server shows on the
//! others within a second.

mod facts;
pub mod feeds;
pub mod json_ld;
pub mod open_data;
pub mod programme;
pub mod read_model;
pub mod search;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::sea_query::{Expr, ExprTrait, Query};
use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use self::facts::{Facts, venue_dto};
use self::read_model::{Version, Versions};
use self::search::{Scope, Search};
use super::course;
use super::db::Db;
use super::entities::{category, district, listing, offering, offering_category, organisation};
use crate::domain::error::AppError;
use crate::domain::filter::{ListingFilter, PAGE_SIZE};
use crate::domain::lang::Lang;
use crate::domain::offering::{
    Accessibility, CategoryDto, Contact, CourseInfo, DistrictSummary, LocalizedText, OfferingCard,
    OfferingDetail, OfferingKind, OfferingStatus, Referral,
};
use crate::domain::schedule::{Occurrence, upcoming};
use crate::domain::slug::is_slug;

/// How many upcoming times the offering page lists.
const UPCOMING_ON_PAGE: usize = 8;
/// How many of a volunteer centre's offerings its page lists.
const RUNS_ON_PAGE: u64 = 20;
/// How long a server trusts the directory version it last read.
const VERSION_TTL: Duration = Duration::from_secs(1);
/// How many offering pages a server keeps per day, in all languages: a few
/// megabytes. Past that it lets go of those an edit has made wrong, and if
/// that is not enough, of all: which only costs the queries.
const DETAILS_KEPT: usize = 4096;

fn pick<'a>(lang: Lang, nb: &'a str, nn: &'a str, en: &'a str) -> &'a str {
    match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    }
}

fn district_name(d: &district::Model, lang: Lang) -> String {
    pick(lang, &d.name_nb, &d.name_nn, &d.name_en).to_string()
}

/// One page of a listing, and how many offerings the listing has in all.
#[derive(Clone, Debug, PartialEq)]
pub struct ListingPage {
    pub cards: Vec<OfferingCard>,
    pub total: u32,
    /// A search that would find something, when this one found nothing.
    pub suggestion: Option<String>,
}

impl ListingPage {
    fn empty() -> Self {
        ListingPage {
            cards: Vec::new(),
            total: 0,
            suggestion: None,
        }
    }
}

/// What a server keeps of the directory between requests, per version.
#[derive(Default)]
struct Cache {
    /// The versions last read, and when.
    versions: Option<(Arc<Versions>, Instant)>,
    /// The small tables every page reads, as of `of`.
    reference: Option<Reference>,
    /// Offering pages asked for since the version changed.
    details: Option<Details>,
    /// How many offerings are published, as of the last edit (`.0`): every
    /// page of the open data API says it, and counting a country's 100 000
    /// rows was a third of the cost of such a page.
    published: Option<(i64, u64)>,
}

/// Offering pages as of one date, by slug and language, each with the
/// offering's id and the directory version it was built at. What an
/// offering page shows changes only when its district changes (an edit,
/// or a meeting that ended) and with the date, except a course's places
/// left, which are counted for every request; a volunteer centre's page
/// lists what it runs in any district, so it changes with the directory.
struct Details {
    of: NaiveDate,
    pages: HashMap<(String, Lang), KeptDetail>,
}

struct KeptDetail {
    built_at: i64,
    page: Arc<(i32, OfferingDetail)>,
}

impl KeptDetail {
    fn is_current(&self, versions: &Versions) -> bool {
        let detail = &self.page.1;
        let of = if detail.card.kind == OfferingKind::VolunteerCentre {
            versions.directory
        } else {
            versions.of_district(&detail.district_slug)
        };
        self.built_at >= of.current
    }
}

/// The districts, how many offerings each lists, and the categories (the
/// listing filters offer them), read once per version.
struct Reference {
    of: i64,
    districts: Arc<Vec<district::Model>>,
    counts: Arc<HashMap<i32, u32>>,
    categories: Arc<Vec<category::Model>>,
}

/// The directory as the pages read it.
#[derive(Clone)]
pub struct Directory {
    db: Db,
    cache: Arc<Mutex<Cache>>,
    reading_reference: Arc<tokio::sync::Mutex<()>>,
    search: Search,
    /// Searches run on the blocking pool, as many at once as there are
    /// cores: a costly one then holds neither an async worker (where the
    /// request timeout could not stop it) nor more than its core.
    searching: Arc<tokio::sync::Semaphore>,
}

/// How long a search waits for a core before it is turned away.
const SEARCH_QUEUE: Duration = Duration::from_secs(2);

impl Directory {
    pub fn new(db: Db) -> Self {
        Directory {
            db,
            cache: Arc::default(),
            reading_reference: Arc::default(),
            // An index in memory with a fixed schema: nothing to fail but
            // allocation.
            search: Search::new().expect("an empty search index opens"),
            searching: Arc::new(tokio::sync::Semaphore::new(
                std::thread::available_parallelism().map_or(1, usize::from),
            )),
        }
    }

    /// Runs a search, and its suggestion when it finds nothing, on the
    /// blocking pool once a core is free; turned away as busy after
    /// [`SEARCH_QUEUE`].
    async fn search_off_workers(
        &self,
        words: Vec<String>,
        filter: &ListingFilter,
        district: Option<i32>,
        category: Option<i32>,
        offset: u64,
    ) -> Result<(search::Found, Option<String>), AppError> {
        let permit = tokio::time::timeout(SEARCH_QUEUE, self.searching.clone().acquire_owned())
            .await
            .map_err(|_| AppError::Busy)?
            .map_err(AppError::internal)?;
        let (search, filter) = (self.search.clone(), filter.clone());
        tokio::task::spawn_blocking(move || {
            let _permit = permit;
            let scope = Scope {
                filter: &filter,
                district,
                category,
            };
            let offset = usize::try_from(offset).unwrap_or(usize::MAX);
            let found = search.find(&words, &scope, offset, PAGE_SIZE as usize)?;
            let suggestion = (found.total == 0).then(|| search.suggest(&words)).flatten();
            Ok::<_, AppError>((found, suggestion))
        })
        .await
        .map_err(AppError::internal)?
    }

    /// Brings this server's search index up to date with the read model,
    /// whichever server changed it. The server calls this every second,
    /// and a search first, so a search never reads an index older than the
    /// version it sees.
    pub async fn catch_up(&self) -> Result<u32, AppError> {
        let version = self.version().await?;
        self.search.catch_up(&self.db, version.current).await
    }

    pub fn db(&self) -> &Db {
        &self.db
    }

    /// The directory's version as of at most a second ago.
    pub async fn version(&self) -> Result<Version, AppError> {
        Ok(self.versions().await?.directory)
    }

    /// Forgets the versions last read, so the next request reads them:
    /// after a change made through this server, which its author expects
    /// to see on the next page.
    pub fn reread_versions(&self) {
        self.cache.lock().expect("cache").versions = None;
    }

    /// The directory's and every district's version, as of at most a
    /// second ago.
    pub async fn versions(&self) -> Result<Arc<Versions>, AppError> {
        if let Some((versions, read)) = &self.cache.lock().expect("cache").versions
            && read.elapsed() < VERSION_TTL
        {
            return Ok(versions.clone());
        }
        let versions = Arc::new(read_model::versions(self.db.read()).await?);
        self.cache.lock().expect("cache").versions = Some((versions.clone(), Instant::now()));
        Ok(versions)
    }

    /// How many offerings are published, counted once per edit (time
    /// passing publishes and withdraws nothing).
    pub async fn published_count(&self) -> Result<u64, AppError> {
        let as_of = self.version().await?.last_edit;
        if let Some((of, n)) = self.cache.lock().expect("cache").published
            && of == as_of
        {
            return Ok(n);
        }
        let n = published().count(self.db.read()).await?;
        self.cache.lock().expect("cache").published = Some((as_of, n));
        Ok(n)
    }

    /// The districts and their counts, read once per version.
    async fn district_rows(
        &self,
    ) -> Result<(Arc<Vec<district::Model>>, Arc<HashMap<i32, u32>>), AppError> {
        self.reference(|r| (r.districts.clone(), r.counts.clone()))
            .await
    }

    /// `pick` from the reference tables as of the current version, which
    /// are read once per version.
    async fn reference<T>(&self, pick: impl Fn(&Reference) -> T) -> Result<T, AppError> {
        let version = self.version().await?.current;
        let kept = |cache: &Mutex<Cache>| {
            cache
                .lock()
                .expect("cache")
                .reference
                .as_ref()
                .filter(|r| r.of >= version)
                .map(&pick)
        };
        if let Some(picked) = kept(&self.cache) {
            return Ok(picked);
        }
        // One reader at a time: after an edit every page rendered asks for
        // these at once, and the count reads the whole listing.
        let _reading = self.reading_reference.lock().await;
        if let Some(picked) = kept(&self.cache) {
            return Ok(picked);
        }
        let db = self.db.read();
        let districts = district::Entity::find()
            .order_by_asc(district::Column::SortOrder)
            .all(db)
            .await?;
        let counts: Vec<(i32, i64)> = listing::Entity::find()
            .select_only()
            .column(listing::Column::DistrictId)
            .column_as(listing::Column::OfferingId.count(), "n")
            .filter(listing::Column::SortAt.is_not_null())
            .group_by(listing::Column::DistrictId)
            .into_tuple()
            .all(db)
            .await?;
        let categories = category::Entity::find().all(db).await?;
        let reference = Reference {
            of: version,
            districts: Arc::new(districts),
            counts: Arc::new(
                counts
                    .into_iter()
                    .map(|(d, n)| (d, u32::try_from(n).unwrap_or(u32::MAX)))
                    .collect(),
            ),
            categories: Arc::new(categories),
        };
        let picked = pick(&reference);
        self.cache.lock().expect("cache").reference = Some(reference);
        Ok(picked)
    }

    /// All districts in their configured order, with how many offerings
    /// each lists now (the same count its page shows).
    pub async fn districts(&self, lang: Lang) -> Result<Vec<DistrictSummary>, AppError> {
        let (rows, counts) = self.district_rows().await?;
        Ok(rows
            .iter()
            .map(|d| DistrictSummary {
                slug: d.slug.clone(),
                name: district_name(d, lang),
                offering_count: counts.get(&d.id).copied().unwrap_or_default(),
            })
            .collect())
    }

    /// One district by its slug.
    pub async fn district(&self, slug: &str, lang: Lang) -> Result<DistrictSummary, AppError> {
        if !is_slug(slug) {
            return Err(AppError::NotFound);
        }
        self.districts(lang)
            .await?
            .into_iter()
            .find(|d| d.slug == slug)
            .ok_or(AppError::NotFound)
    }

    /// Categories, sorted by name in the reader's language; read once per
    /// version, since every listing page offers them as filters.
    pub async fn categories(&self, lang: Lang) -> Result<Vec<CategoryDto>, AppError> {
        let rows = self.reference(|r| r.categories.clone()).await?;
        let mut all: Vec<CategoryDto> = rows
            .iter()
            .map(|c| CategoryDto {
                name: pick(lang, &c.name_nb, &c.name_nn, &c.name_en).to_string(),
                slug: c.slug.clone(),
            })
            .collect();
        all.sort_by(|a, b| a.name.cmp(&b.name));
        Ok(all)
    }

    /// Everything about one published offering, for its page and its
    /// calendar file: built from about ten queries the first time it is
    /// asked for in a version, then kept (see [`Details`]); a course's
    /// places left are counted each time.
    pub async fn offering(
        &self,
        slug: &str,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<OfferingDetail, AppError> {
        Ok(self.offering_with_id(slug, lang, now).await?.1)
    }

    /// [`Directory::offering`], with the offering's id.
    pub async fn offering_with_id(
        &self,
        slug: &str,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<(i32, OfferingDetail), AppError> {
        let versions = self.versions().await?;
        let today = now.date();
        let key = (slug.to_owned(), lang);
        let kept = self
            .cache
            .lock()
            .expect("cache")
            .details
            .as_ref()
            .filter(|d| d.of == today)
            .and_then(|d| d.pages.get(&key))
            .filter(|k| k.is_current(&versions))
            .map(|k| k.page.clone());
        let Some(kept) = kept else {
            // Just built: its places are as fresh as a count would be.
            let built = Arc::new(offering_with_id(self.db.read(), slug, lang, now).await?);
            let mut cache = self.cache.lock().expect("cache");
            let details = cache.details.get_or_insert_with(|| Details {
                of: today,
                pages: HashMap::new(),
            });
            if details.of != today {
                details.of = today;
                details.pages.clear();
            }
            if details.pages.len() >= DETAILS_KEPT {
                details.pages.retain(|_, k| k.is_current(&versions));
                if details.pages.len() >= DETAILS_KEPT {
                    details.pages.clear();
                }
            }
            details.pages.insert(
                key,
                KeptDetail {
                    built_at: versions.directory.current,
                    page: built.clone(),
                },
            );
            return Ok((built.0, built.1.clone()));
        };
        let (id, detail) = &*kept;
        let mut detail = detail.clone();
        if let Some(course) = detail.course.as_mut() {
            course.places_left =
                course::places_left_of(self.db.read(), *id, course.capacity).await?;
        }
        Ok((*id, detail))
    }

    /// Published offerings by slug, in full and in the order given (any no
    /// longer published left out), built together (see [`details_of`]) and
    /// not kept: what reads many at once, so that a program paging through
    /// the country neither costs ten queries an offering nor pushes out
    /// the offering pages residents open.
    pub async fn offerings_by_slug(
        &self,
        slugs: &[String],
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<Vec<(i32, OfferingDetail)>, AppError> {
        let db = self.db.read();
        let mut rows: HashMap<String, offering::Model> = published()
            .filter(offering::Column::Slug.is_in(slugs.iter().cloned()))
            .all(db)
            .await?
            .into_iter()
            .map(|o| (o.slug.clone(), o))
            .collect();
        let ordered = slugs.iter().filter_map(|s| rows.remove(s)).collect();
        details_of(db, ordered, lang, now).await
    }

    /// Page `page` of the published offerings matching `filter`, in
    /// `district` when given, soonest first; offerings whose every time has
    /// passed are left out, offerings without times come last.
    pub async fn listing(
        &self,
        district_slug: Option<&str>,
        filter: &ListingFilter,
        lang: Lang,
        page: u32,
    ) -> Result<ListingPage, AppError> {
        let db = self.db.read();
        let (districts, counts) = self.district_rows().await?;
        let district = match district_slug.or(filter.district.as_deref()) {
            Some(slug) => Some(
                districts
                    .iter()
                    .find(|d| d.slug == slug)
                    .ok_or(AppError::NotFound)?
                    .id,
            ),
            None => None,
        };
        let category = match &filter.category {
            Some(slug) => match category::Entity::find()
                .filter(category::Column::Slug.eq(slug.as_str()))
                .one(db)
                .await?
            {
                Some(c) => Some(c.id),
                None => return Ok(ListingPage::empty()),
            },
            None => None,
        };
        let offset = u64::from(page.saturating_sub(1)) * u64::from(PAGE_SIZE);
        let words = filter.search_words();
        if !words.is_empty() {
            self.catch_up().await?;
            let (found, suggestion) = self
                .search_off_workers(words, filter, district, category, offset)
                .await?;
            let mut rows: HashMap<i32, listing::Model> = listing::Entity::find()
                .filter(listing::Column::OfferingId.is_in(found.ids.iter().copied()))
                .all(db)
                .await?
                .into_iter()
                .map(|r| (r.offering_id, r))
                .collect();
            return Ok(ListingPage {
                cards: found
                    .ids
                    .iter()
                    .filter_map(|id| rows.remove(id))
                    .map(|r| card(&r, lang, &districts))
                    .collect(),
                total: found.total,
                suggestion,
            });
        }
        let mut query = listing::Entity::find().filter(listing::Column::SortAt.is_not_null());
        if let Some(id) = district {
            query = query.filter(listing::Column::DistrictId.eq(id));
        }
        if let Some(kind) = filter.kind {
            query = query.filter(listing::Column::Kind.eq(kind));
        }
        if filter.free_only {
            query = query.filter(listing::Column::PriceNok.eq(0));
        }
        if filter.no_sign_up {
            query = query.filter(listing::Column::SignUpRequired.eq(false));
        }
        if filter.step_free {
            query = query.filter(listing::Column::StepFree.eq(true));
        }
        if filter.no_referral {
            query = query.filter(listing::Column::Referral.ne(Referral::Required));
        }
        if let Some(audience) = filter.audience {
            query = query.filter(
                Expr::col(listing::Column::Audiences)
                    .bit_and(read_model::audience_bit(audience))
                    .ne(0),
            );
        }
        if filter.weekday.is_some() || filter.time_of_day.is_some() {
            query = query.filter(
                Expr::col(listing::Column::Slots)
                    .bit_and(read_model::slot_mask(filter.weekday, filter.time_of_day))
                    .ne(0),
            );
        }
        if let Some(id) = category {
            query = query.filter(
                listing::Column::OfferingId.in_subquery(
                    Query::select()
                        .column(offering_category::Column::OfferingId)
                        .from(offering_category::Entity)
                        .and_where(offering_category::Column::CategoryId.eq(id))
                        .to_owned(),
                ),
            );
        }
        // Without filters a list counts what its district lists (or all
        // districts together), which is kept per version: the whole
        // country's count read 100 000 index entries for every page.
        let unfiltered = ListingFilter {
            district: None,
            ..filter.clone()
        } == ListingFilter::default();
        let total = match (unfiltered, district) {
            (true, Some(id)) => u64::from(counts.get(&id).copied().unwrap_or_default()),
            (true, None) => counts.values().copied().map(u64::from).sum(),
            (false, _) => query.clone().count(db).await?,
        };
        let rows = in_list_order(query)
            .offset(offset)
            .limit(u64::from(PAGE_SIZE))
            .all(db)
            .await?;
        Ok(ListingPage {
            cards: rows.iter().map(|r| card(r, lang, &districts)).collect(),
            total: u32::try_from(total).unwrap_or(u32::MAX),
            suggestion: None,
        })
    }

    /// What happens in the seven days from `now`, across all districts,
    /// soonest first: the front page's "this week".
    pub async fn this_week(
        &self,
        lang: Lang,
        now: NaiveDateTime,
        limit: u64,
    ) -> Result<Vec<OfferingCard>, AppError> {
        let (districts, _) = self.district_rows().await?;
        let rows = in_list_order(
            listing::Entity::find()
                .filter(listing::Column::SortAt.is_not_null())
                .filter(listing::Column::SortAt.lt(now + chrono::Duration::days(7))),
        )
        .limit(limit)
        .all(self.db.read())
        .await?;
        Ok(rows.iter().map(|r| card(r, lang, &districts)).collect())
    }
}

/// Soonest first, then by title: the order of every list, and of the
/// indexes that let a page read its rows in order and stop.
fn in_list_order(query: sea_orm::Select<listing::Entity>) -> sea_orm::Select<listing::Entity> {
    query
        .order_by_asc(listing::Column::SortAt)
        .order_by_asc(listing::Column::TitleNb)
        .order_by_asc(listing::Column::OfferingId)
}

/// A card from a read-model row, in `lang` or, untranslated, in Bokmål.
fn card(row: &listing::Model, lang: Lang, districts: &[district::Model]) -> OfferingCard {
    let translated = match lang {
        Lang::Nb => None,
        Lang::Nn => row.title_nn.clone().zip(row.summary_nn.clone()),
        Lang::En => row.title_en.clone().zip(row.summary_en.clone()),
    };
    let text = match translated {
        Some((title, summary)) => LocalizedText {
            lang,
            title,
            summary,
        },
        None => LocalizedText {
            lang: Lang::Nb,
            title: row.title_nb.clone(),
            summary: row.summary_nb.clone(),
        },
    };
    OfferingCard {
        slug: row.slug.clone(),
        kind: row.kind,
        text,
        district_name: districts
            .iter()
            .find(|d| d.id == row.district_id)
            .map(|d| district_name(d, lang))
            .unwrap_or_default(),
        venue_name: row.venue_name.clone(),
        next: row
            .next_start
            .zip(row.next_end)
            .map(|(start, end)| Occurrence {
                date: start.date(),
                start: start.time(),
                end: end.time(),
            }),
        price_nok: row.price_nok,
        sign_up_required: row.sign_up_required,
        referral: row.referral,
        access: row.has_venue.then_some(Accessibility {
            step_free: row.step_free,
            accessible_toilet: row.accessible_toilet,
            hearing_loop: row.hearing_loop,
            parking: row.parking,
        }),
    }
}

fn published() -> sea_orm::Select<offering::Entity> {
    offering::Entity::find().filter(offering::Column::Status.eq(OfferingStatus::Published))
}

/// Everything about one published offering, read from the database (the
/// pages read it through [`Directory::offering`]).
pub async fn offering(
    db: &impl ConnectionTrait,
    slug: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<OfferingDetail, AppError> {
    Ok(offering_with_id(db, slug, lang, now).await?.1)
}

async fn offering_with_id(
    db: &impl ConnectionTrait,
    slug: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<(i32, OfferingDetail), AppError> {
    if !is_slug(slug) {
        return Err(AppError::NotFound);
    }
    let o = published()
        .filter(offering::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    Ok((o.id, detail(db, o, lang, now).await?))
}

/// Everything about an offering, whatever its publication state: what an
/// email about a course describes, even after the course is archived.
pub async fn detail_by_id(
    db: &impl ConnectionTrait,
    id: i32,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<OfferingDetail, AppError> {
    detail(db, by_id(db, id).await?, lang, now).await
}

/// The slug and title of an offering, whatever its state, and whether the
/// public can see its page: what a confirm or cancel page names.
pub async fn name_of(
    db: &impl ConnectionTrait,
    id: i32,
    lang: Lang,
) -> Result<(String, String, bool), AppError> {
    let o = by_id(db, id).await?;
    let published = o.status == OfferingStatus::Published;
    let d = detail(db, o, lang, crate::backend::clock::oslo_now()).await?;
    Ok((d.card.slug, d.card.text.title, published))
}

async fn by_id(db: &impl ConnectionTrait, id: i32) -> Result<offering::Model, AppError> {
    offering::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)
}

async fn detail(
    db: &impl ConnectionTrait,
    o: offering::Model,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<OfferingDetail, AppError> {
    let facts = Facts::load(db, std::slice::from_ref(&o)).await?;
    let org = organisation::Entity::find_by_id(o.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let runs = if o.kind == OfferingKind::VolunteerCentre {
        let others = in_list_order(
            listing::Entity::find()
                .filter(listing::Column::SortAt.is_not_null())
                .filter(listing::Column::OfferingId.ne(o.id))
                .filter(
                    listing::Column::OfferingId.in_subquery(
                        Query::select()
                            .column(offering::Column::Id)
                            .from(offering::Entity)
                            .and_where(offering::Column::OrganisationId.eq(o.organisation_id))
                            .to_owned(),
                    ),
                ),
        )
        .limit(RUNS_ON_PAGE)
        .all(db)
        .await?;
        let districts: Vec<district::Model> = facts.districts.values().cloned().collect();
        others.iter().map(|r| card(r, lang, &districts)).collect()
    } else {
        Vec::new()
    };

    let description = facts
        .text(o.id, lang)
        .map(|t| t.row.description.clone())
        .unwrap_or_default();
    let places = course::places_left_of_many(db, &courses_of(std::slice::from_ref(&o))).await?;
    let mut detail = assemble(&facts, &places, o, org, runs, lang, now)?;
    detail.description_html = super::markdown::to_html(&description);
    Ok(detail)
}

/// Many offerings in full, as [`detail`] builds one but with one query a
/// table for all of them (their courses' places too): what
/// reads many at once (feeds, the weekly programme, the open data API).
/// A volunteer centre's `runs` are left empty, and so is the description's
/// HTML: none of those show them (a feed or a programme shows the summary),
/// and making Markdown safe costs more than the rest of a detail together.
pub(super) async fn details_of(
    db: &impl ConnectionTrait,
    rows: Vec<offering::Model>,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<Vec<(i32, OfferingDetail)>, AppError> {
    let facts = Facts::load(db, &rows).await?;
    let orgs: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(rows.iter().map(|o| o.organisation_id)))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let places = course::places_left_of_many(db, &courses_of(&rows)).await?;
    let mut out = Vec::with_capacity(rows.len());
    for o in rows {
        let Some(org) = orgs.get(&o.organisation_id).cloned() else {
            continue;
        };
        let id = o.id;
        out.push((
            id,
            assemble(&facts, &places, o, org, Vec::new(), lang, now)?,
        ));
    }
    Ok(out)
}

/// The courses among `rows`, with their capacities.
fn courses_of(rows: &[offering::Model]) -> Vec<(i32, i32)> {
    rows.iter()
        .filter_map(|o| o.capacity.map(|capacity| (o.id, capacity)))
        .collect()
}

/// An offering's detail from what was loaded about it: its facts, and
/// its places left if it is a course.
fn assemble(
    facts: &Facts,
    places: &HashMap<i32, u32>,
    o: offering::Model,
    org: organisation::Model,
    runs: Vec<OfferingCard>,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<OfferingDetail, AppError> {
    let district = facts
        .districts
        .get(&o.district_id)
        .ok_or(AppError::NotFound)?;
    let cost_note = facts.text(o.id, lang).and_then(|t| t.row.cost_note.clone());
    let schedule = facts.schedule(o.id);

    let mut categories: Vec<CategoryDto> = facts
        .categories
        .get(&o.id)
        .into_iter()
        .flatten()
        .map(|c| CategoryDto {
            slug: c.slug.clone(),
            name: pick(lang, &c.name_nb, &c.name_nn, &c.name_en).to_string(),
        })
        .collect();
    categories.sort_by(|a, b| a.name.cmp(&b.name));

    Ok(OfferingDetail {
        card: facts.card(&o, lang, now),
        district_slug: district.slug.clone(),
        // Made by [`detail`], the offering's page, alone.
        description_html: String::new(),
        cost_note,
        audiences: facts.audiences.get(&o.id).cloned().unwrap_or_default(),
        categories,
        venue: o
            .venue_id
            .and_then(|id| facts.venues.get(&id))
            .map(|v| venue_dto(v, lang)),
        contact: Contact {
            organiser_id: org.id,
            organiser: org.name,
            organiser_website: org.website,
            name: o.contact_name.clone(),
            email: o.contact_email.clone(),
            phone: o.contact_phone.clone(),
        },
        upcoming: upcoming(&schedule.weekly, &schedule.sessions, now, UPCOMING_ON_PAGE),
        cancelled: schedule.cancelled.clone(),
        confirmed_on: Some(
            crate::backend::clock::oslo(o.confirmed_at.unwrap_or(o.updated_at)).date(),
        ),
        course: match o.capacity {
            Some(capacity) => Some(CourseInfo {
                capacity,
                sign_up_opens: o.sign_up_opens,
                sign_up_closes: o.sign_up_closes,
                waiting_list: o.waiting_list,
                sessions: schedule.sessions.clone(),
                places_left: places.get(&o.id).copied().unwrap_or(0),
            }),
            None => None,
        },
        weekly: schedule.weekly,
        runs,
    })
}
