//! The read model: the `listing` table, one row per offering with what a
//! card and the listing filters need, computed from the source tables.
//!
//! Whatever changes an offering (the importer today, the staff area next)
//! calls [`refresh`] in its transaction. Time passing changes rows too: the
//! worker calls [`sync`], which refreshes every row whose next meeting has
//! ended, and writes rows for offerings that have none (a database from
//! before the read model, or rows written by another tool). Each refresh
//! raises the directory's version, which tells every server that its
//! caches and its search index are behind.

use std::collections::{BTreeSet, HashMap};

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use sea_orm::sea_query::{Expr, ExprTrait, OnConflict, Query};
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, QuerySelect, Set};
use strum::IntoEnumIterator;

use super::facts::Facts;
use crate::backend::db::Db;
use crate::backend::entities::{directory_state, district, listing, offering};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::{Audience, OfferingStatus};
use crate::domain::schedule::TimeOfDay;

/// Offerings refreshed in one go.
const CHUNK: usize = 500;

/// Where an offering without times sorts: after everything dated.
pub fn far_future() -> NaiveDateTime {
    NaiveDate::from_ymd_opt(9999, 12, 31)
        .and_then(|d| d.and_hms_opt(0, 0, 0))
        .expect("a valid date")
}

/// The bit of `audience` in `listing.audiences`.
pub fn audience_bit(audience: Audience) -> i32 {
    let index = Audience::iter().position(|a| a == audience).unwrap_or(0);
    1 << index
}

fn slot_bit(weekday: u8, time: TimeOfDay) -> i32 {
    let part = TimeOfDay::iter().position(|t| t == time).unwrap_or(0);
    1 << ((i32::from(weekday.clamp(1, 7)) - 1) * 3 + part as i32)
}

/// The bits of `listing.slots` that a weekday and a part of the day ask
/// for together: a time still to come must fit both.
pub fn slot_mask(weekday: Option<u8>, time: Option<TimeOfDay>) -> i32 {
    let days: Vec<u8> = weekday.map_or_else(|| (1..=7).collect(), |d| vec![d]);
    let times: Vec<TimeOfDay> = time.map_or_else(|| TimeOfDay::iter().collect(), |t| vec![t]);
    days.iter()
        .flat_map(|d| times.iter().map(move |t| slot_bit(*d, *t)))
        .fold(0, |mask, bit| mask | bit)
}

/// The row of `o` at local time `now`.
fn row(o: &offering::Model, facts: &Facts, now: NaiveDateTime) -> listing::ActiveModel {
    let text = |lang: Lang| facts.texts.get(&(o.id, lang));
    let nb = text(Lang::Nb);
    let schedule = facts.schedule(o.id);
    let next = schedule.next(now);
    let has_times = !schedule.weekly.is_empty() || !schedule.sessions.is_empty();
    let shown = o.status == OfferingStatus::Published && (next.is_some() || !has_times);
    let today = now.date();
    let slots = schedule
        .weekly
        .iter()
        .filter(|s| s.valid_to.is_none_or(|end| end >= today))
        .map(|s| slot_bit(s.weekday, TimeOfDay::of(s.start)))
        .chain(
            schedule
                .sessions
                .iter()
                .filter(|s| s.ends_at() > now)
                .map(|s| {
                    slot_bit(
                        s.date.weekday().number_from_monday() as u8,
                        TimeOfDay::of(s.start),
                    )
                }),
        )
        .fold(0, |mask, bit| mask | bit);
    let audiences = facts
        .audiences
        .get(&o.id)
        .into_iter()
        .flatten()
        .fold(0, |mask, a| mask | audience_bit(*a));
    let venue = o.venue_id.and_then(|id| facts.venues.get(&id));
    listing::ActiveModel {
        offering_id: Set(o.id),
        slug: Set(o.slug.clone()),
        kind: Set(o.kind),
        district_id: Set(o.district_id),
        title_nb: Set(nb.map_or_else(|| o.slug.clone(), |t| t.title.clone())),
        title_nn: Set(text(Lang::Nn).map(|t| t.title.clone())),
        title_en: Set(text(Lang::En).map(|t| t.title.clone())),
        summary_nb: Set(nb.map(|t| t.summary.clone()).unwrap_or_default()),
        summary_nn: Set(text(Lang::Nn).map(|t| t.summary.clone())),
        summary_en: Set(text(Lang::En).map(|t| t.summary.clone())),
        venue_name: Set(venue.map(|v| v.name.clone())),
        price_nok: Set(o.price_nok),
        sign_up_required: Set(o.sign_up_required),
        referral: Set(o.referral),
        has_venue: Set(venue.is_some()),
        step_free: Set(venue.is_some_and(|v| v.step_free)),
        hearing_loop: Set(venue.is_some_and(|v| v.hearing_loop)),
        accessible_toilet: Set(venue.is_some_and(|v| v.accessible_toilet)),
        parking: Set(venue.is_some_and(|v| v.parking)),
        audiences: Set(audiences),
        slots: Set(slots),
        next_start: Set(next.map(|n| n.starts_at())),
        next_end: Set(next.map(|n| n.ends_at())),
        sort_at: Set(shown.then(|| next.map_or_else(far_future, |n| n.starts_at()))),
        changed_seq: Set(0),
    }
}

/// Why rows are recomputed.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Why {
    /// Something about the offerings changed: search must read them again.
    Edited,
    /// Time passed: the next meeting moved on. Search hears of it only if
    /// what it ranks or filters by changed (the next time, the slots).
    TimePassed,
}

/// Raises the directory's version and returns it, in the caller's
/// transaction; an edit also becomes the last edit.
async fn bump(db: &impl ConnectionTrait, why: Why) -> Result<i64, DbErr> {
    let mut update = directory_state::Entity::update_many().col_expr(
        directory_state::Column::Version,
        Expr::col(directory_state::Column::Version).add(1),
    );
    if why == Why::Edited {
        // Every assignment reads the row as it was: this is the new version.
        update = update.col_expr(
            directory_state::Column::LastEdit,
            Expr::col(directory_state::Column::Version).add(1),
        );
    }
    update
        .filter(directory_state::Column::Id.eq(1))
        .exec(db)
        .await?;
    Ok(version(db).await?.current)
}

/// Where the directory stands: what its pages and search index are as of.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Version {
    /// Goes up with every change to what lists show.
    pub current: i64,
    /// The version of the last edit. The versions after it were only time
    /// passing (meetings that ended), which a page can be a moment behind.
    pub last_edit: i64,
}

/// The directory's version now.
pub async fn version(db: &impl ConnectionTrait) -> Result<Version, DbErr> {
    Ok(directory_state::Entity::find_by_id(1)
        .one(db)
        .await?
        .map_or_else(Version::default, |s| Version {
            current: s.version,
            last_edit: s.last_edit,
        }))
}

/// The directory's version and each district's, read together: a page of
/// one district is current while its district has not changed since it was
/// rendered, whatever happened elsewhere.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Versions {
    pub directory: Version,
    /// By district slug: the versions that last changed and last edited
    /// the district's listings.
    pub districts: HashMap<String, Version>,
}

impl Versions {
    /// What a page of the district `slug` is as of; the whole directory's
    /// version for a district nobody knows (the page will say so).
    pub fn of_district(&self, slug: &str) -> Version {
        self.districts.get(slug).copied().unwrap_or(self.directory)
    }
}

/// The directory's and the districts' versions now. The districts are
/// read before the directory: a version raised between the two reads is
/// then never newer in a district than in the directory.
pub async fn versions(db: &impl ConnectionTrait) -> Result<Versions, DbErr> {
    let districts: Vec<(String, i64, i64)> = district::Entity::find()
        .select_only()
        .column(district::Column::Slug)
        .column(district::Column::ChangedSeq)
        .column(district::Column::EditSeq)
        .into_tuple()
        .all(db)
        .await?;
    Ok(Versions {
        directory: version(db).await?,
        districts: districts
            .into_iter()
            .map(|(slug, current, last_edit)| (slug, Version { current, last_edit }))
            .collect(),
    })
}

/// Marks the districts whose listings changed at version `seq`.
async fn touch_districts(
    db: &impl ConnectionTrait,
    districts: &BTreeSet<i32>,
    seq: i64,
    why: Why,
) -> Result<(), DbErr> {
    if districts.is_empty() {
        return Ok(());
    }
    let mut update =
        district::Entity::update_many().col_expr(district::Column::ChangedSeq, Expr::val(seq));
    if why == Why::Edited {
        update = update.col_expr(district::Column::EditSeq, Expr::val(seq));
    }
    update
        .filter(district::Column::Id.is_in(districts.iter().copied()))
        .exec(db)
        .await?;
    Ok(())
}

/// Recomputes the rows of these offerings from the source tables, in the
/// caller's transaction. Offerings that no longer exist lose their rows.
pub async fn refresh(
    db: &impl ConnectionTrait,
    ids: &[i32],
    now: NaiveDateTime,
    why: Why,
) -> Result<(), DbErr> {
    for chunk in ids.chunks(CHUNK) {
        let offerings = offering::Entity::find()
            .filter(offering::Column::Id.is_in(chunk.iter().copied()))
            .all(db)
            .await?;
        let facts = Facts::load(db, &offerings).await?;
        let old: HashMap<i32, listing::Model> = listing::Entity::find()
            .filter(listing::Column::OfferingId.is_in(chunk.iter().copied()))
            .all(db)
            .await?
            .into_iter()
            .map(|r| (r.offering_id, r))
            .collect();
        let seq = bump(db, why).await?;
        let rows: Vec<listing::ActiveModel> = offerings
            .iter()
            .map(|o| {
                let mut new = row(o, &facts, now);
                // Search ranks by the next time and filters by the slots,
                // so it must hear of those changes too: a few rows a
                // minute, as meetings end.
                let changed = why == Why::Edited
                    || old.get(&o.id).is_none_or(|old| {
                        Some(&old.sort_at) != new.sort_at.try_as_ref()
                            || Some(&old.slots) != new.slots.try_as_ref()
                    });
                new.changed_seq = Set(if changed { seq } else { old[&o.id].changed_seq });
                new
            })
            .collect();
        // The districts an offering was listed in and is listed in now:
        // a move shows in both.
        let districts: BTreeSet<i32> = old
            .values()
            .map(|r| r.district_id)
            .chain(offerings.iter().map(|o| o.district_id))
            .collect();
        touch_districts(db, &districts, seq, why).await?;
        if !rows.is_empty() {
            listing::Entity::insert_many(rows)
                .on_conflict(
                    OnConflict::column(listing::Column::OfferingId)
                        .update_columns(
                            listing::Column::iter()
                                .filter(|c| !matches!(c, listing::Column::OfferingId)),
                        )
                        .to_owned(),
                )
                .exec_without_returning(db)
                .await?;
        }
        let gone: Vec<i32> = chunk
            .iter()
            .copied()
            .filter(|id| !offerings.iter().any(|o| o.id == *id))
            .collect();
        if !gone.is_empty() {
            listing::Entity::delete_many()
                .filter(listing::Column::OfferingId.is_in(gone))
                .exec(db)
                .await?;
        }
    }
    Ok(())
}

/// Recomputes every row at local time `now`, in batches.
pub async fn refresh_all(db: &Db, now: NaiveDateTime) -> Result<(), AppError> {
    let ids: Vec<i32> = offering::Entity::find()
        .select_only()
        .column(offering::Column::Id)
        .into_tuple()
        .all(db.read())
        .await?;
    for chunk in ids.chunks(CHUNK) {
        let txn = db.begin().await?;
        refresh(&txn, chunk, now, Why::Edited).await?;
        txn.commit().await?;
    }
    Ok(())
}

/// Brings the read model up to date at local time `now`: rows whose next
/// meeting has ended move on to the next, and offerings without a row get
/// one. Returns how many rows it refreshed.
pub async fn sync(db: &Db, now: NaiveDateTime) -> Result<u32, AppError> {
    let mut refreshed = 0;
    loop {
        let missing: Vec<i32> = offering::Entity::find()
            .select_only()
            .column(offering::Column::Id)
            .filter(
                offering::Column::Id.not_in_subquery(
                    Query::select()
                        .column(listing::Column::OfferingId)
                        .from(listing::Entity)
                        .to_owned(),
                ),
            )
            .limit(CHUNK as u64)
            .into_tuple()
            .all(db.read())
            .await?;
        let due: Vec<i32> = listing::Entity::find()
            .select_only()
            .column(listing::Column::OfferingId)
            .filter(listing::Column::NextEnd.lte(now))
            .limit(CHUNK as u64)
            .into_tuple()
            .all(db.read())
            .await?;
        if missing.is_empty() && due.is_empty() {
            return Ok(refreshed);
        }
        refreshed += u32::try_from(missing.len() + due.len()).unwrap_or(u32::MAX);
        let txn = db.begin().await?;
        refresh(&txn, &missing, now, Why::Edited).await?;
        refresh(&txn, &due, now, Why::TimePassed).await?;
        txn.commit().await?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slot_masks_ask_for_the_weekday_and_the_part_of_day_together() {
        let tuesday_morning = slot_bit(2, TimeOfDay::Morning);
        assert_eq!(
            slot_mask(Some(2), Some(TimeOfDay::Morning)),
            tuesday_morning
        );
        assert_ne!(slot_mask(Some(2), None) & tuesday_morning, 0);
        assert_ne!(
            slot_mask(None, Some(TimeOfDay::Morning)) & tuesday_morning,
            0
        );
        assert_eq!(slot_mask(Some(3), None) & tuesday_morning, 0);
        assert_eq!(
            slot_mask(None, Some(TimeOfDay::Evening)) & tuesday_morning,
            0
        );
        assert_eq!(slot_mask(None, None), (1 << 21) - 1);
        assert!(slot_bit(7, TimeOfDay::Evening) < 1 << 21);
    }
}
