//! Writing an offering with its texts, audiences, categories, weekly
//! times and sessions. The staff forms save one offering here; the
//! importer builds its rows with the same [`offering_row`] and
//! [`children`], a chunk of offerings per statement.

use std::collections::HashMap;

use chrono::NaiveDate;
use sea_orm::sea_query::Query;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, QueryOrder, Set,
};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::{
    category, course_session, district, offering, offering_audience, offering_category,
    offering_text, organisation, skipped_date, venue, weekly_slot,
};
use crate::backend::import::search_text;
use crate::backend::sign_up::by_staff;
use crate::backend::staff::{Staff, access, audit};
use crate::domain::catalogue::{
    CourseDraft, NewVenue, OfferingDraft, TextDraft, VenueChoice, WeeklyDraft,
};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingKind, OfferingStatus};
use crate::domain::slug::{SLUG_MAX, slugify};
use crate::domain::staff::AuditAction;

/// The offering's own row. `search_text` is what search reads.
pub fn offering_row(
    slug: String,
    status: OfferingStatus,
    draft: &OfferingDraft,
    venue_id: Option<i32>,
    search_text: String,
    now: chrono::NaiveDateTime,
) -> offering::ActiveModel {
    let course = draft.course.as_ref();
    offering::ActiveModel {
        slug: Set(slug),
        kind: Set(draft.kind),
        status: Set(status),
        district_id: Set(draft.district_id),
        venue_id: Set(venue_id),
        organisation_id: Set(draft.organisation_id),
        price_nok: Set(draft.price_nok),
        sign_up_required: Set(draft.sign_up_required),
        referral: Set(draft.referral),
        contact_name: Set(draft.contact_name.clone()),
        contact_email: Set(draft.contact_email.clone()),
        contact_phone: Set(draft.contact_phone.clone()),
        capacity: Set(course.map(|c| c.capacity)),
        sign_up_opens: Set(course.and_then(|c| c.sign_up_opens)),
        sign_up_closes: Set(course.and_then(|c| c.sign_up_closes)),
        waiting_list: Set(course.is_some_and(|c| c.waiting_list)),
        search_text: Set(search_text),
        first_session_at: Set(draft.sessions.iter().map(|s| s.0).min()),
        last_session_end_at: Set(draft.sessions.iter().map(|s| s.1).max()),
        created_at: Set(now),
        updated_at: Set(now),
        confirmed_at: Set(Some(now)),
        stale_reminded_at: Set(None),
        ..Default::default()
    }
}

/// What search reads of an offering: its texts in every language, and the
/// names of its venue, organiser and district.
pub fn searchable(draft: &OfferingDraft, names: [Option<&str>; 3]) -> String {
    search_text(
        draft
            .texts
            .iter()
            .flat_map(|t| [t.title.as_str(), t.summary.as_str(), t.description.as_str()]),
        names.into_iter().flatten(),
    )
}

/// The rows that belong to an offering besides its own.
#[derive(Default)]
pub struct Children {
    pub texts: Vec<offering_text::ActiveModel>,
    pub categories: Vec<offering_category::ActiveModel>,
    pub audiences: Vec<offering_audience::ActiveModel>,
    /// Each weekly time with the dates it skips (their rows need its id).
    pub slots: Vec<(weekly_slot::ActiveModel, Vec<NaiveDate>)>,
    pub sessions: Vec<course_session::ActiveModel>,
}

impl Children {
    /// Adds the rows of offering `id`, as `draft` has them.
    pub fn add(&mut self, id: i32, draft: &OfferingDraft) {
        for t in &draft.texts {
            self.texts.push(offering_text::ActiveModel {
                offering_id: Set(id),
                lang: Set(t.lang),
                title: Set(t.title.clone()),
                summary: Set(t.summary.trim().to_string()),
                description: Set(t.description.trim().to_string()),
                cost_note: Set(t.cost_note.clone()),
            });
        }
        for c in &draft.category_ids {
            self.categories.push(offering_category::ActiveModel {
                offering_id: Set(id),
                category_id: Set(*c),
            });
        }
        for a in &draft.audiences {
            self.audiences.push(offering_audience::ActiveModel {
                offering_id: Set(id),
                audience: Set(*a),
            });
        }
        for w in &draft.weekly {
            self.slots.push((
                weekly_slot::ActiveModel {
                    offering_id: Set(id),
                    weekday: Set(i16::from(w.weekday)),
                    start_time: Set(w.start),
                    end_time: Set(w.end),
                    valid_from: Set(w.valid_from),
                    valid_to: Set(w.valid_to),
                    ..Default::default()
                },
                w.skip.clone(),
            ));
        }
        for (starts, ends) in &draft.sessions {
            self.sessions.push(course_session::ActiveModel {
                offering_id: Set(id),
                starts_at: Set(*starts),
                ends_at: Set(*ends),
                ..Default::default()
            });
        }
    }

    /// Writes them, a statement per table.
    pub async fn insert(self, db: &impl ConnectionTrait) -> Result<(), DbErr> {
        insert_all(db, self.texts).await?;
        insert_all(db, self.categories).await?;
        insert_all(db, self.audiences).await?;
        insert_all(db, self.sessions).await?;
        insert_slots(db, self.slots).await
    }
}

/// Inserts weekly times and then their skipped dates, a statement each.
async fn insert_slots(
    db: &impl ConnectionTrait,
    slots: Vec<(weekly_slot::ActiveModel, Vec<NaiveDate>)>,
) -> Result<(), DbErr> {
    if slots.is_empty() {
        return Ok(());
    }
    type Key = (i32, i16, chrono::NaiveTime, NaiveDate);
    let key =
        |s: &weekly_slot::Model| -> Key { (s.offering_id, s.weekday, s.start_time, s.valid_from) };
    let wanted: Vec<Key> = slots
        .iter()
        .map(|(a, _)| {
            (
                *a.offering_id.as_ref(),
                *a.weekday.as_ref(),
                *a.start_time.as_ref(),
                *a.valid_from.as_ref(),
            )
        })
        .collect();
    let (rows, skips): (Vec<_>, Vec<_>) = slots.into_iter().unzip();
    // RETURNING gives no order on SQLite: each slot finds its id by what
    // it is (two identical slots of one offering take theirs in turn).
    let mut ids: HashMap<Key, Vec<i32>> = HashMap::new();
    for row in weekly_slot::Entity::insert_many(rows)
        .exec_with_returning(db)
        .await?
    {
        ids.entry(key(&row)).or_default().push(row.id);
    }
    let mut skipped = Vec::new();
    for (k, skip) in wanted.iter().zip(skips) {
        let id = ids
            .get_mut(k)
            .and_then(Vec::pop)
            .ok_or(DbErr::RecordNotInserted)?;
        skipped.extend(skip.into_iter().map(|date| skipped_date::ActiveModel {
            weekly_slot_id: Set(id),
            date: Set(date),
        }));
    }
    insert_all(db, skipped).await
}

/// Inserts `rows` in one statement, if there are any.
pub async fn insert_all<A>(db: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), DbErr>
where
    A: ActiveModelTrait,
{
    if !rows.is_empty() {
        <A::Entity as EntityTrait>::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Removes the rows [`Children::add`] makes, before they are made anew.
async fn remove_children(db: &impl ConnectionTrait, id: i32) -> Result<(), DbErr> {
    skipped_date::Entity::delete_many()
        .filter(
            skipped_date::Column::WeeklySlotId.in_subquery(
                Query::select()
                    .column(weekly_slot::Column::Id)
                    .from(weekly_slot::Entity)
                    .and_where(weekly_slot::Column::OfferingId.eq(id))
                    .to_owned(),
            ),
        )
        .exec(db)
        .await?;
    weekly_slot::Entity::delete_many()
        .filter(weekly_slot::Column::OfferingId.eq(id))
        .exec(db)
        .await?;
    course_session::Entity::delete_many()
        .filter(course_session::Column::OfferingId.eq(id))
        .exec(db)
        .await?;
    offering_text::Entity::delete_many()
        .filter(offering_text::Column::OfferingId.eq(id))
        .exec(db)
        .await?;
    offering_category::Entity::delete_many()
        .filter(offering_category::Column::OfferingId.eq(id))
        .exec(db)
        .await?;
    offering_audience::Entity::delete_many()
        .filter(offering_audience::Column::OfferingId.eq(id))
        .exec(db)
        .await?;
    Ok(())
}

/// A slug made from `text` that no row `with_slug` finds has: the
/// text's, with `-2`, `-3`… when taken, or `fallback`'s when the text has
/// no letters. Offerings, venues and organisations each have their own.
pub async fn free_slug<E: EntityTrait>(
    db: &impl ConnectionTrait,
    text: &str,
    fallback: &str,
    with_slug: impl Fn(&str) -> sea_orm::Select<E>,
) -> Result<String, DbErr>
where
    E::Model: Sync,
{
    let base = match slugify(text) {
        s if s.is_empty() => fallback.to_string(),
        s => s.chars().take(SLUG_MAX - 4).collect::<String>(),
    };
    let base = base.trim_end_matches('-').to_string();
    for n in 1..1000 {
        let slug = if n == 1 {
            base.clone()
        } else {
            format!("{base}-{n}")
        };
        if with_slug(&slug).count(db).await? == 0 {
            return Ok(slug);
        }
    }
    Ok(format!("{base}-{}", crate::backend::tokens::random_id()))
}

/// The venue a draft names, made when it is new (its district is the
/// offering's); with its name for search.
async fn venue_of(
    db: &impl ConnectionTrait,
    draft: &OfferingDraft,
) -> Result<Option<(i32, String)>, AppError> {
    Ok(match &draft.venue {
        VenueChoice::None => None,
        VenueChoice::Existing(id) => {
            let row = venue::Entity::find_by_id(*id)
                .one(db)
                .await?
                .ok_or(AppError::NotFound)?;
            Some((row.id, row.name))
        }
        VenueChoice::New(v) => Some((new_venue(db, v, draft.district_id).await?, v.name.clone())),
    })
}

async fn new_venue(
    db: &impl ConnectionTrait,
    v: &NewVenue,
    district_id: i32,
) -> Result<i32, AppError> {
    let slug = free_slug(db, &v.name, "sted", |slug| {
        venue::Entity::find().filter(venue::Column::Slug.eq(slug))
    })
    .await?;
    let row = venue::ActiveModel {
        slug: Set(slug),
        name: Set(v.name.clone()),
        address: Set(v.address.clone()),
        postcode: Set(v.postcode.clone()),
        city: Set(v.city.clone()),
        district_id: Set(district_id),
        step_free: Set(v.step_free),
        accessible_toilet: Set(v.accessible_toilet),
        hearing_loop: Set(v.hearing_loop),
        parking: Set(v.parking),
        checked_on: Set(v.checked_on),
        ..Default::default()
    }
    .insert(db)
    .await?;
    Ok(row.id)
}

/// Refuses a draft whose references do not exist or are out of reach:
/// the form offers only what is, so anything else was typed by hand.
async fn check_references(
    db: &impl ConnectionTrait,
    staff: &Staff,
    draft: &OfferingDraft,
) -> Result<(String, String), AppError> {
    if !staff.may_manage(draft.organisation_id) {
        return Err(AppError::Forbidden);
    }
    let organiser = organisation::Entity::find_by_id(draft.organisation_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let place = district::Entity::find_by_id(draft.district_id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let known = category::Entity::find()
        .filter(category::Column::Id.is_in(draft.category_ids.clone()))
        .count(db)
        .await?;
    if known != draft.category_ids.len() as u64 {
        return Err(AppError::NotFound);
    }
    Ok((organiser.name, place.name_nb))
}

/// Saves `draft` as a new offering (a draft until it is published or
/// submitted) or over offering `id`, with everything that belongs to it,
/// in one transaction that also refreshes its listing row and the
/// directory's version, gives a course's new places to its waiting list,
/// and records the change with what it was before. Returns the id.
pub async fn save(
    db: &Db,
    staff: &Staff,
    id: Option<i32>,
    mut draft: OfferingDraft,
    now: Now,
) -> Result<i32, AppError> {
    let txn = db.begin().await?;
    let before = match id {
        Some(id) => {
            let row = access::offering(&txn, staff, id).await?;
            // What an offering is does not change: a course's sign-ups
            // stay a course's.
            draft.kind = row.kind;
            Some((row, load(&txn, id).await?))
        }
        None => None,
    };
    let (organiser, place) = check_references(&txn, staff, &draft).await?;
    let venue = venue_of(&txn, &draft).await?;
    let search = searchable(
        &draft,
        [
            venue.as_ref().map(|(_, name)| name.as_str()),
            Some(&organiser),
            Some(&place),
        ],
    );
    let venue_id = venue.map(|(id, _)| id);
    let (id, action) = match &before {
        Some((row, _)) => {
            let mut change = offering_row(
                row.slug.clone(),
                row.status,
                &draft,
                venue_id,
                search,
                now.utc,
            );
            change.id = Set(row.id);
            change.created_at = Set(row.created_at);
            change.review_comment = Set(row.review_comment.clone());
            change.update(&txn).await?;
            remove_children(&txn, row.id).await?;
            (row.id, AuditAction::OfferingEdited)
        }
        None => {
            let title = draft.texts.first().map_or("", |t| t.title.as_str());
            let slug = free_slug(&txn, title, "tilbud", |slug| {
                offering::Entity::find().filter(offering::Column::Slug.eq(slug))
            })
            .await?;
            let row = offering_row(
                slug,
                OfferingStatus::Draft,
                &draft,
                venue_id,
                search,
                now.utc,
            )
            .insert(&txn)
            .await?;
            (row.id, AuditAction::OfferingCreated)
        }
    };
    let mut children = Children::default();
    children.add(id, &draft);
    children.insert(&txn).await?;
    if draft.kind == OfferingKind::Course {
        by_staff::fill_places(&txn, id, now).await?;
    }
    read_model::refresh(&txn, &[id], now.local, Why::Edited).await?;
    let detail = serde_json::json!({
        "before": before.as_ref().map(|(_, d)| d),
        "after": &draft,
    });
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action,
            offering_id: Some(id),
            detail: Some(detail.to_string()),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(id)
}

/// Offering `id` as a draft, for its edit form and for the audit log's
/// "before". Every weekly time carries its own period and skipped dates.
pub async fn load(db: &impl ConnectionTrait, id: i32) -> Result<OfferingDraft, AppError> {
    let row = offering::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut texts: Vec<TextDraft> = offering_text::Entity::find()
        .filter(offering_text::Column::OfferingId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|t| TextDraft {
            lang: t.lang,
            title: t.title,
            summary: t.summary,
            description: t.description,
            cost_note: t.cost_note,
        })
        .collect();
    let order = |l: Lang| [Lang::Nb, Lang::Nn, Lang::En].iter().position(|x| *x == l);
    texts.sort_by_key(|t| order(t.lang));
    let slots = weekly_slot::Entity::find()
        .filter(weekly_slot::Column::OfferingId.eq(id))
        .order_by_asc(weekly_slot::Column::Id)
        .all(db)
        .await?;
    let mut skips: HashMap<i32, Vec<NaiveDate>> = HashMap::new();
    for s in skipped_date::Entity::find()
        .filter(skipped_date::Column::WeeklySlotId.is_in(slots.iter().map(|s| s.id)))
        .order_by_asc(skipped_date::Column::Date)
        .all(db)
        .await?
    {
        skips.entry(s.weekly_slot_id).or_default().push(s.date);
    }
    let weekly = slots
        .into_iter()
        .map(|s| WeeklyDraft {
            weekday: u8::try_from(s.weekday).unwrap_or(1),
            start: s.start_time,
            end: s.end_time,
            valid_from: s.valid_from,
            valid_to: s.valid_to,
            skip: skips.remove(&s.id).unwrap_or_default(),
        })
        .collect();
    let sessions = course_session::Entity::find()
        .filter(course_session::Column::OfferingId.eq(id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db)
        .await?
        .into_iter()
        .map(|s| (s.starts_at, s.ends_at))
        .collect();
    let audiences = offering_audience::Entity::find()
        .filter(offering_audience::Column::OfferingId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|a| a.audience)
        .collect();
    let category_ids = offering_category::Entity::find()
        .filter(offering_category::Column::OfferingId.eq(id))
        .all(db)
        .await?
        .into_iter()
        .map(|c| c.category_id)
        .collect();
    Ok(OfferingDraft {
        kind: row.kind,
        district_id: row.district_id,
        organisation_id: row.organisation_id,
        venue: row
            .venue_id
            .map_or(VenueChoice::None, VenueChoice::Existing),
        price_nok: row.price_nok,
        sign_up_required: row.sign_up_required,
        referral: row.referral,
        contact_name: row.contact_name,
        contact_email: row.contact_email,
        contact_phone: row.contact_phone,
        texts,
        audiences,
        category_ids,
        weekly,
        sessions,
        course: (row.kind == OfferingKind::Course).then(|| CourseDraft {
            capacity: row.capacity.unwrap_or(1),
            sign_up_opens: row.sign_up_opens,
            sign_up_closes: row.sign_up_closes,
            waiting_list: row.waiting_list,
        }),
    })
}
