//! The public directory: districts, listings with filters, search and the
//! offering page. Read-only; every function takes any connection so it runs
//! the same inside or outside a transaction.
//!
//! A municipality lists hundreds of offerings, not millions: a listing reads
//! the published offerings of a district in a handful of queries and filters
//! schedules in memory, where weekly recurrences are easy to reason about.

use std::collections::HashMap;

use chrono::{Datelike, NaiveDateTime};
use sea_orm::sea_query::LikeExpr;
use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder};

use strum::IntoEnumIterator;

use super::course;
use super::entities::{
    category, district, offering, offering_audience, offering_category, offering_text,
    organisation, session, skipped_date, venue, weekly_slot,
};
use crate::domain::error::AppError;
use crate::domain::filter::ListingFilter;
use crate::domain::lang::Lang;
use crate::domain::offering::{
    Accessibility, Audience, CategoryDto, Contact, CourseInfo, DistrictSummary, LocalizedText,
    OfferingCard, OfferingDetail, OfferingKind, OfferingStatus, VenueDto, WeeklySlotDto,
};
use crate::domain::schedule::{Occurrence, TimeOfDay, upcoming};
use crate::domain::slug::is_slug;

/// How many upcoming times the offering page lists.
const UPCOMING_ON_PAGE: usize = 8;

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

/// All districts in their configured order, with how many offerings each
/// lists now (the same count its page shows).
pub async fn districts(
    db: &impl ConnectionTrait,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<Vec<DistrictSummary>, AppError> {
    let rows = district::Entity::find()
        .order_by_asc(district::Column::SortOrder)
        .all(db)
        .await?;
    let offerings = published().all(db).await?;
    let facts = Facts::load(db, &offerings).await?;
    let mut counts: HashMap<i32, u32> = HashMap::new();
    for o in offerings.iter().filter(|o| facts.is_current(o.id, now)) {
        *counts.entry(o.district_id).or_default() += 1;
    }
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
pub async fn district(
    db: &impl ConnectionTrait,
    slug: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<DistrictSummary, AppError> {
    if !is_slug(slug) {
        return Err(AppError::NotFound);
    }
    districts(db, lang, now)
        .await?
        .into_iter()
        .find(|d| d.slug == slug)
        .ok_or(AppError::NotFound)
}

/// Categories, sorted by name in the reader's language.
pub async fn categories(
    db: &impl ConnectionTrait,
    lang: Lang,
) -> Result<Vec<CategoryDto>, AppError> {
    let mut all: Vec<CategoryDto> = category::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|c| CategoryDto {
            name: pick(lang, &c.name_nb, &c.name_nn, &c.name_en).to_string(),
            slug: c.slug,
        })
        .collect();
    all.sort_by(|a, b| a.name.cmp(&b.name));
    Ok(all)
}

fn published() -> sea_orm::Select<offering::Entity> {
    offering::Entity::find().filter(offering::Column::Status.eq(OfferingStatus::Published))
}

/// Escapes LIKE wildcards so that a search for "50%" means the text "50%".
fn like_contains(word: &str) -> LikeExpr {
    let escaped = word
        .replace('\\', "\\\\")
        .replace('%', "\\%")
        .replace('_', "\\_");
    LikeExpr::new(format!("%{escaped}%")).escape('\\')
}

/// Published offerings matching `filter`, in `district` when given, soonest
/// first. Offerings whose every time has passed (a finished course) are left
/// out.
pub async fn listing(
    db: &impl ConnectionTrait,
    district_slug: Option<&str>,
    filter: &ListingFilter,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<Vec<OfferingCard>, AppError> {
    let mut query = published();
    if let Some(slug) = district_slug.or(filter.district.as_deref()) {
        let d = district::Entity::find()
            .filter(district::Column::Slug.eq(slug))
            .one(db)
            .await?
            .ok_or(AppError::NotFound)?;
        query = query.filter(offering::Column::DistrictId.eq(d.id));
    }
    if let Some(kind) = filter.kind {
        query = query.filter(offering::Column::Kind.eq(kind));
    }
    if filter.free_only {
        query = query.filter(offering::Column::PriceNok.eq(0));
    }
    if filter.no_sign_up {
        query = query.filter(offering::Column::SignUpRequired.eq(false));
    }
    for word in filter.search_words() {
        query = query.filter(offering::Column::SearchText.like(like_contains(&word)));
    }
    let rows = query.all(db).await?;
    let facts = Facts::load(db, &rows).await?;

    let mut cards: Vec<(Option<Occurrence>, OfferingCard)> = rows
        .iter()
        .filter(|o| facts.matches(o, filter, now))
        .filter_map(|o| {
            let schedule = facts.schedule(o.id);
            let next = upcoming(&schedule.weekly, &schedule.sessions, now, 1)
                .first()
                .copied();
            let has_times = !schedule.weekly.is_empty() || !schedule.sessions.is_empty();
            (next.is_some() || !has_times).then(|| (next, facts.card(o, lang, now)))
        })
        .collect();
    cards.sort_by(|(a, ca), (b, cb)| {
        // Soonest first; offerings without times (rare) last.
        a.is_none()
            .cmp(&b.is_none())
            .then(a.cmp(b))
            .then_with(|| ca.text.title.cmp(&cb.text.title))
    });
    Ok(cards.into_iter().map(|(_, c)| c).collect())
}

/// What happens in the seven days from `now`, across all districts, soonest
/// first: the front page's "this week".
pub async fn this_week(
    db: &impl ConnectionTrait,
    lang: Lang,
    now: NaiveDateTime,
    limit: usize,
) -> Result<Vec<OfferingCard>, AppError> {
    let week_end = now + chrono::Duration::days(7);
    let all = listing(db, None, &ListingFilter::default(), lang, now).await?;
    Ok(all
        .into_iter()
        .filter(|c| c.next.is_some_and(|n| n.starts_at() < week_end))
        .take(limit)
        .collect())
}

/// Everything about one published offering.
pub async fn offering(
    db: &impl ConnectionTrait,
    slug: &str,
    lang: Lang,
    now: NaiveDateTime,
) -> Result<OfferingDetail, AppError> {
    if !is_slug(slug) {
        return Err(AppError::NotFound);
    }
    let o = published()
        .filter(offering::Column::Slug.eq(slug))
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    detail(db, o, lang, now).await
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
    let district = facts
        .districts
        .get(&o.district_id)
        .ok_or(AppError::NotFound)?;
    let (description, cost_note) = facts
        .text(o.id, lang)
        .map(|t| (t.row.description.clone(), t.row.cost_note.clone()))
        .unwrap_or_default();
    let schedule = facts.schedule(o.id);

    let runs = if o.kind == OfferingKind::VolunteerCentre {
        let others: Vec<_> = published()
            .filter(offering::Column::OrganisationId.eq(o.organisation_id))
            .filter(offering::Column::Id.ne(o.id))
            .all(db)
            .await?;
        let others_facts = Facts::load(db, &others).await?;
        others
            .iter()
            .map(|r| others_facts.card(r, lang, now))
            .collect()
    } else {
        Vec::new()
    };

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
        description,
        cost_note,
        audiences: facts.audiences.get(&o.id).cloned().unwrap_or_default(),
        categories,
        venue: o
            .venue_id
            .and_then(|id| facts.venues.get(&id))
            .map(|v| venue_dto(v, lang)),
        contact: Contact {
            organiser: org.name,
            organiser_website: org.website,
            name: o.contact_name.clone(),
            email: o.contact_email.clone(),
            phone: o.contact_phone.clone(),
        },
        upcoming: upcoming(&schedule.weekly, &schedule.sessions, now, UPCOMING_ON_PAGE),
        course: match o.capacity {
            Some(capacity) => Some(CourseInfo {
                capacity,
                sign_up_opens: o.sign_up_opens,
                sign_up_closes: o.sign_up_closes,
                waiting_list: o.waiting_list,
                sessions: schedule.sessions.clone(),
                places_left: course::places_left(db, &o).await?,
            }),
            None => None,
        },
        weekly: schedule.weekly,
        runs,
    })
}

fn fallback_text(o: &offering::Model) -> LocalizedText {
    LocalizedText {
        lang: Lang::Nb,
        title: o.slug.clone(),
        summary: String::new(),
    }
}

fn access(v: &venue::Model) -> Accessibility {
    Accessibility {
        step_free: v.step_free,
        accessible_toilet: v.accessible_toilet,
        hearing_loop: v.hearing_loop,
        parking: v.parking,
    }
}

fn venue_dto(v: &venue::Model, lang: Lang) -> VenueDto {
    let note = match lang {
        Lang::Nb => None,
        Lang::Nn => v.access_note_nn.clone(),
        Lang::En => v.access_note_en.clone(),
    }
    .or_else(|| v.access_note_nb.clone());
    VenueDto {
        name: v.name.clone(),
        address: v.address.clone(),
        postcode: v.postcode.clone(),
        city: v.city.clone(),
        coordinates: v.latitude.zip(v.longitude),
        access: access(v),
        bus_stop: v.bus_stop.clone(),
        access_note: note,
        checked_on: v.checked_on,
    }
}

struct TextRef<'a> {
    row: &'a offering_text::Model,
    lang: Lang,
}

impl TextRef<'_> {
    fn localized(&self) -> LocalizedText {
        LocalizedText {
            lang: self.lang,
            title: self.row.title.clone(),
            summary: self.row.summary.clone(),
        }
    }
}

#[derive(Clone, Default)]
struct Schedule {
    weekly: Vec<WeeklySlotDto>,
    sessions: Vec<Occurrence>,
}

/// Everything about a set of offerings that lives in other tables, loaded
/// with one query per table.
struct Facts {
    texts: HashMap<(i32, Lang), offering_text::Model>,
    venues: HashMap<i32, venue::Model>,
    districts: HashMap<i32, district::Model>,
    schedules: HashMap<i32, Schedule>,
    categories: HashMap<i32, Vec<category::Model>>,
    audiences: HashMap<i32, Vec<Audience>>,
}

impl Facts {
    async fn load(db: &impl ConnectionTrait, rows: &[offering::Model]) -> Result<Self, AppError> {
        let ids: Vec<i32> = rows.iter().map(|o| o.id).collect();
        let venue_ids: Vec<i32> = rows.iter().filter_map(|o| o.venue_id).collect();

        let texts = offering_text::Entity::find()
            .filter(offering_text::Column::OfferingId.is_in(ids.clone()))
            .all(db)
            .await?
            .into_iter()
            .map(|t| ((t.offering_id, t.lang), t))
            .collect();
        let venues = venue::Entity::find()
            .filter(venue::Column::Id.is_in(venue_ids))
            .all(db)
            .await?
            .into_iter()
            .map(|v| (v.id, v))
            .collect();
        let districts = district::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|d| (d.id, d))
            .collect();

        let slots = weekly_slot::Entity::find()
            .filter(weekly_slot::Column::OfferingId.is_in(ids.clone()))
            .order_by_asc(weekly_slot::Column::Weekday)
            .order_by_asc(weekly_slot::Column::StartTime)
            .all(db)
            .await?;
        let mut skipped: HashMap<i32, Vec<chrono::NaiveDate>> = HashMap::new();
        for s in skipped_date::Entity::find()
            .filter(skipped_date::Column::WeeklySlotId.is_in(slots.iter().map(|s| s.id)))
            .order_by_asc(skipped_date::Column::Date)
            .all(db)
            .await?
        {
            skipped.entry(s.weekly_slot_id).or_default().push(s.date);
        }
        let mut schedules: HashMap<i32, Schedule> = HashMap::new();
        for s in slots {
            schedules
                .entry(s.offering_id)
                .or_default()
                .weekly
                .push(WeeklySlotDto {
                    weekday: u8::try_from(s.weekday).unwrap_or(1),
                    start: s.start_time,
                    end: s.end_time,
                    valid_from: s.valid_from,
                    valid_to: s.valid_to,
                    skipped: skipped.remove(&s.id).unwrap_or_default(),
                });
        }
        for s in session::Entity::find()
            .filter(session::Column::OfferingId.is_in(ids.clone()))
            .order_by_asc(session::Column::StartsAt)
            .all(db)
            .await?
        {
            schedules
                .entry(s.offering_id)
                .or_default()
                .sessions
                .push(Occurrence {
                    date: s.starts_at.date(),
                    start: s.starts_at.time(),
                    end: s.ends_at.time(),
                });
        }

        let all_categories: HashMap<i32, category::Model> = category::Entity::find()
            .all(db)
            .await?
            .into_iter()
            .map(|c| (c.id, c))
            .collect();
        let mut categories: HashMap<i32, Vec<category::Model>> = HashMap::new();
        for link in offering_category::Entity::find()
            .filter(offering_category::Column::OfferingId.is_in(ids.clone()))
            .all(db)
            .await?
        {
            if let Some(c) = all_categories.get(&link.category_id) {
                categories
                    .entry(link.offering_id)
                    .or_default()
                    .push(c.clone());
            }
        }
        let mut audiences: HashMap<i32, Vec<Audience>> = HashMap::new();
        for a in offering_audience::Entity::find()
            .filter(offering_audience::Column::OfferingId.is_in(ids))
            .all(db)
            .await?
        {
            audiences.entry(a.offering_id).or_default().push(a.audience);
        }
        for list in audiences.values_mut() {
            // In the order the enum lists them.
            list.sort_by_key(|a| Audience::iter().position(|x| x == *a));
        }

        Ok(Facts {
            texts,
            venues,
            districts,
            schedules,
            categories,
            audiences,
        })
    }

    /// The text in `lang`, or in Bokmål when it has not been translated.
    fn text(&self, id: i32, lang: Lang) -> Option<TextRef<'_>> {
        [lang, Lang::Nb]
            .into_iter()
            .find_map(|l| self.texts.get(&(id, l)).map(|row| TextRef { row, lang: l }))
    }

    /// Whether an offering still has times to come, or has no times at all
    /// (rare, but then nothing says it is over).
    fn is_current(&self, id: i32, now: NaiveDateTime) -> bool {
        let s = self.schedule(id);
        (s.weekly.is_empty() && s.sessions.is_empty())
            || !upcoming(&s.weekly, &s.sessions, now, 1).is_empty()
    }

    fn schedule(&self, id: i32) -> Schedule {
        self.schedules.get(&id).cloned().unwrap_or_default()
    }

    fn card(&self, o: &offering::Model, lang: Lang, now: NaiveDateTime) -> OfferingCard {
        let schedule = self.schedule(o.id);
        let venue = o.venue_id.and_then(|id| self.venues.get(&id));
        OfferingCard {
            slug: o.slug.clone(),
            kind: o.kind,
            text: self
                .text(o.id, lang)
                .map_or_else(|| fallback_text(o), |t| t.localized()),
            district_name: self
                .districts
                .get(&o.district_id)
                .map(|d| district_name(d, lang))
                .unwrap_or_default(),
            venue_name: venue.map(|v| v.name.clone()),
            next: upcoming(&schedule.weekly, &schedule.sessions, now, 1)
                .first()
                .copied(),
            price_nok: o.price_nok,
            sign_up_required: o.sign_up_required,
            access: venue.map(access),
        }
    }

    /// The filters that need other tables or the schedule; the rest were
    /// applied in SQL.
    fn matches(&self, o: &offering::Model, f: &ListingFilter, now: NaiveDateTime) -> bool {
        if let Some(slug) = &f.category {
            let has = self
                .categories
                .get(&o.id)
                .is_some_and(|cs| cs.iter().any(|c| &c.slug == slug));
            if !has {
                return false;
            }
        }
        if let Some(audience) = f.audience
            && !self
                .audiences
                .get(&o.id)
                .is_some_and(|a| a.contains(&audience))
        {
            return false;
        }
        if f.step_free
            && !o
                .venue_id
                .and_then(|id| self.venues.get(&id))
                .is_some_and(|v| v.step_free)
        {
            return false;
        }
        if f.weekday.is_none() && f.time_of_day.is_none() {
            return true;
        }
        // A time matches when it is still to come and fits both the weekday
        // and the part of the day asked for.
        let schedule = self.schedule(o.id);
        let today = now.date();
        let fits = |weekday: u8, start| {
            f.weekday.is_none_or(|d| d == weekday)
                && f.time_of_day.is_none_or(|t| t == TimeOfDay::of(start))
        };
        schedule
            .weekly
            .iter()
            .filter(|s| s.valid_to.is_none_or(|end| end >= today))
            .any(|s| fits(s.weekday, s.start))
            || schedule
                .sessions
                .iter()
                .filter(|s| s.ends_at() > now)
                .any(|s| fits(s.date.weekday().number_from_monday() as u8, s.start))
    }
}
