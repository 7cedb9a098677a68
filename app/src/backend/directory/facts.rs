//! Everything about a set of offerings that lives in other tables, loaded
//! with one query per table: what the offering page shows and what the
//! read model is computed from.

use std::collections::HashMap;

use chrono::NaiveDateTime;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QueryOrder};
use strum::IntoEnumIterator;

use super::district_name;
use crate::backend::entities::{
    cancelled_date, category, course_session, district, offering, offering_audience,
    offering_category, offering_text, skipped_date, venue, weekly_slot,
};
use crate::domain::lang::Lang;
use crate::domain::offering::{
    Accessibility, Audience, LocalizedText, OfferingCard, VenueDto, WeeklySlotDto,
};
use crate::domain::schedule::{Cancellation, Occurrence, next_held};

pub(super) fn fallback_text(o: &offering::Model) -> LocalizedText {
    LocalizedText {
        lang: Lang::Nb,
        title: o.slug.clone(),
        summary: String::new(),
    }
}

pub(super) fn access(v: &venue::Model) -> Accessibility {
    Accessibility {
        step_free: v.step_free,
        accessible_toilet: v.accessible_toilet,
        hearing_loop: v.hearing_loop,
        parking: v.parking,
    }
}

pub(super) fn venue_dto(v: &venue::Model, lang: Lang) -> VenueDto {
    let note = match lang {
        Lang::Nb => None,
        Lang::Nn => v.access_note_nn.clone(),
        Lang::En => v.access_note_en.clone(),
    }
    .or_else(|| v.access_note_nb.clone());
    VenueDto {
        id: v.id,
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

pub(super) struct TextRef<'a> {
    pub(super) row: &'a offering_text::Model,
    pub(super) lang: Lang,
}

impl TextRef<'_> {
    pub(super) fn localized(&self) -> LocalizedText {
        LocalizedText {
            lang: self.lang,
            title: self.row.title.clone(),
            summary: self.row.summary.clone(),
        }
    }
}

#[derive(Clone, Default)]
pub(super) struct Schedule {
    pub(super) weekly: Vec<WeeklySlotDto>,
    pub(super) sessions: Vec<Occurrence>,
    /// Single dates called off, in date order.
    pub(super) cancelled: Vec<Cancellation>,
}

impl Schedule {
    /// The next meeting that takes place.
    pub(super) fn next(&self, now: NaiveDateTime) -> Option<Occurrence> {
        next_held(&self.weekly, &self.sessions, &self.cancelled, now)
    }
}

/// Everything about a set of offerings that lives in other tables, loaded
/// with one query per table.
pub(super) struct Facts {
    pub(super) texts: HashMap<(i32, Lang), offering_text::Model>,
    pub(super) venues: HashMap<i32, venue::Model>,
    pub(super) districts: HashMap<i32, district::Model>,
    pub(super) schedules: HashMap<i32, Schedule>,
    pub(super) categories: HashMap<i32, Vec<category::Model>>,
    pub(super) audiences: HashMap<i32, Vec<Audience>>,
}

impl Facts {
    pub(super) async fn load(
        db: &impl ConnectionTrait,
        rows: &[offering::Model],
    ) -> Result<Self, DbErr> {
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
        for s in course_session::Entity::find()
            .filter(course_session::Column::OfferingId.is_in(ids.clone()))
            .order_by_asc(course_session::Column::StartsAt)
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

        for c in cancelled_date::Entity::find()
            .filter(cancelled_date::Column::OfferingId.is_in(ids.clone()))
            .order_by_asc(cancelled_date::Column::Date)
            .all(db)
            .await?
        {
            schedules
                .entry(c.offering_id)
                .or_default()
                .cancelled
                .push(Cancellation {
                    date: c.date,
                    reason: c.reason,
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
    pub(super) fn text(&self, id: i32, lang: Lang) -> Option<TextRef<'_>> {
        [lang, Lang::Nb]
            .into_iter()
            .find_map(|l| self.texts.get(&(id, l)).map(|row| TextRef { row, lang: l }))
    }

    pub(super) fn schedule(&self, id: i32) -> Schedule {
        self.schedules.get(&id).cloned().unwrap_or_default()
    }

    pub(super) fn card(&self, o: &offering::Model, lang: Lang, now: NaiveDateTime) -> OfferingCard {
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
            next: schedule.next(now),
            price_nok: o.price_nok,
            sign_up_required: o.sign_up_required,
            referral: o.referral,
            access: venue.map(access),
        }
    }
}
