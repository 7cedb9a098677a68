//! Loads a municipality's directory from a TOML data file: the demo data at
//! first start, or a municipality's own file through the server's `import`
//! command. The file format is documented in `server/demo/municipality.toml`.

use std::collections::HashMap;

mod format;
mod generate;

pub use generate::generate;

use sea_orm::{
    ActiveModelTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait, Set,
};

use self::format::{CourseIn, Municipality, OfferingIn, TextIn};
use super::clock::oslo_now;
use super::db::Db;
use super::directory::read_model;
use super::entities::{
    category, course_session, district, offering, offering_audience, offering_category,
    offering_text, organisation, organisation_district, sign_up, skipped_date, venue, weekly_slot,
};
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingKind, OfferingStatus};
use crate::domain::sign_up::SignUpStatus;
use crate::domain::slug::is_slug;

/// Why a data file could not be imported. Nothing is written when it fails.
#[derive(Debug, thiserror::Error)]
pub enum ImportError {
    #[error("the data file is not valid: {0}")]
    Parse(#[from] toml::de::Error),
    #[error("{owner} refers to unknown {what} '{slug}'")]
    UnknownReference {
        owner: String,
        what: &'static str,
        slug: String,
    },
    #[error("{0}")]
    Invalid(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// What an import wrote.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct ImportSummary {
    pub districts: usize,
    pub venues: usize,
    pub offerings: usize,
}

fn lookup(
    map: &HashMap<String, i32>,
    slug: &str,
    what: &'static str,
    owner: &str,
) -> Result<i32, ImportError> {
    map.get(slug)
        .copied()
        .ok_or_else(|| ImportError::UnknownReference {
            owner: owner.to_string(),
            what,
            slug: slug.to_string(),
        })
}

/// Offerings written per statement; with their widest table that stays
/// well under SQLite's limit of 32 766 bound values.
const OFFERING_CHUNK: usize = 500;

/// An offering's texts, Bokmål first.
fn texts(o: &OfferingIn) -> Vec<(Lang, &TextIn)> {
    [
        (Lang::Nb, Some(&o.text.nb)),
        (Lang::Nn, o.text.nn.as_ref()),
        (Lang::En, o.text.en.as_ref()),
    ]
    .into_iter()
    .filter_map(|(lang, text)| text.map(|t| (lang, t)))
    .collect()
}

/// The made-up people the demo shows signed up for a course: confirmed up
/// to its capacity, the rest waiting. No emails are written.
fn demo_sign_ups(
    offering_id: i32,
    slug: &str,
    course: &CourseIn,
    now: chrono::NaiveDateTime,
) -> Vec<sign_up::ActiveModel> {
    (0..course.demo_sign_ups)
        .map(|n| {
            let status = if n < u32::try_from(course.capacity).unwrap_or(0) {
                SignUpStatus::Confirmed
            } else {
                SignUpStatus::WaitingList
            };
            let email = format!("demo-{slug}-{n}@treffpunkt.example");
            sign_up::ActiveModel {
                offering_id: Set(offering_id),
                status: Set(status),
                participant_name: Set(format!("Demo {}", n + 1)),
                participant_email: Set(Some(email.clone())),
                lang: Set(Lang::Nb),
                dedupe_key: Set(Some(email)),
                email_confirmed_at: Set(Some(now)),
                reminder_sent_at: Set(Some(now)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        })
        .collect()
}

/// Inserts weekly slots and then their skipped dates, a statement each.
async fn insert_slots(
    db: &impl ConnectionTrait,
    slots: Vec<(weekly_slot::ActiveModel, &Vec<chrono::NaiveDate>)>,
) -> Result<(), DbErr> {
    if slots.is_empty() {
        return Ok(());
    }
    type Key = (i32, i16, chrono::NaiveTime, chrono::NaiveDate);
    let key =
        |s: &weekly_slot::Model| -> Key { (s.offering_id, s.weekday, s.start_time, s.valid_from) };
    let skips: Vec<&Vec<chrono::NaiveDate>> = slots.iter().map(|(_, skip)| *skip).collect();
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
    // RETURNING gives no order on SQLite: each slot finds its id by what
    // it is (two identical slots of one offering take theirs in turn).
    let mut ids: HashMap<Key, Vec<i32>> = HashMap::new();
    for row in weekly_slot::Entity::insert_many(slots.into_iter().map(|(a, _)| a))
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
        skipped.extend(skip.iter().map(|date| skipped_date::ActiveModel {
            weekly_slot_id: Set(id),
            date: Set(*date),
        }));
    }
    insert_all(db, skipped).await
}

/// Inserts `rows` in one statement, if there are any.
async fn insert_all<A>(db: &impl ConnectionTrait, rows: Vec<A>) -> Result<(), DbErr>
where
    A: sea_orm::ActiveModelTrait,
{
    if !rows.is_empty() {
        <A::Entity as EntityTrait>::insert_many(rows)
            .exec_without_returning(db)
            .await?;
    }
    Ok(())
}

/// Imports `source` into an empty directory, all or nothing.
pub async fn import(db: &Db, source: &str) -> Result<ImportSummary, ImportError> {
    let data: Municipality = toml::from_str(source)?;
    check(&data)?;
    let txn = db.begin().await?;
    let (summary, ids) = write(&txn, &data).await?;
    if db.backend() == DbBackend::Postgres {
        // Without statistics for what was just written, PostgreSQL takes
        // the tables for huge and plans the read model's lookups (500
        // offerings' texts, times and categories at a time) as scans of
        // the whole tables: 200 scans of 300 000 texts at a country's size.
        txn.execute_unprepared("ANALYZE").await?;
    }
    read_model::refresh(&txn, &ids, oslo_now(), read_model::Why::Edited).await?;
    txn.commit().await?;
    db.refresh_statistics(true).await?;
    Ok(summary)
}

/// Imports `source` when the directory has no districts yet; used at start-up
/// so that a fresh install shows a believable municipality.
pub async fn seed_if_empty(db: &Db, source: &str) -> Result<Option<ImportSummary>, ImportError> {
    if district::Entity::find().count(db.read()).await? > 0 {
        return Ok(None);
    }
    import(db, source).await.map(Some)
}

/// What the schema cannot say: every slug is a slug (it becomes a URL),
/// and every course has sessions (its links and its anonymisation are
/// timed by them).
fn check(data: &Municipality) -> Result<(), ImportError> {
    let slugs = data
        .district
        .iter()
        .map(|d| &d.slug)
        .chain(data.category.iter().map(|c| &c.slug))
        .chain(data.organisation.iter().map(|o| &o.slug))
        .chain(data.venue.iter().map(|v| &v.slug))
        .chain(data.offering.iter().map(|o| &o.slug));
    for slug in slugs {
        if !is_slug(slug) {
            return Err(ImportError::Invalid(format!(
                "'{slug}' is not a slug: use lower-case a-z, digits and hyphens"
            )));
        }
    }
    for o in data
        .offering
        .iter()
        .filter(|o| o.kind == OfferingKind::Course)
    {
        if o.course.is_none() {
            return Err(ImportError::Invalid(format!(
                "course '{}' has no [offering.course] table",
                o.slug
            )));
        }
        if o.session.is_empty() {
            return Err(ImportError::Invalid(format!(
                "course '{}' has no [[offering.session]]",
                o.slug
            )));
        }
    }
    Ok(())
}

/// Writes the data file's rows; returns what it wrote and the offerings'
/// ids, whose read-model rows the caller computes.
async fn write(
    db: &impl ConnectionTrait,
    data: &Municipality,
) -> Result<(ImportSummary, Vec<i32>), ImportError> {
    let mut offering_ids = Vec::with_capacity(data.offering.len());
    let mut districts = HashMap::new();
    let mut district_names = HashMap::new();
    for d in &data.district {
        let row = district::ActiveModel {
            slug: Set(d.slug.clone()),
            name_nb: Set(d.name.nb.clone()),
            name_nn: Set(d.name.nn.clone()),
            name_en: Set(d.name.en.clone()),
            sort_order: Set(d.order),
            ..Default::default()
        }
        .insert(db)
        .await?;
        districts.insert(d.slug.clone(), row.id);
        district_names.insert(row.id, d.name.nb.clone());
    }

    let mut categories = HashMap::new();
    for c in &data.category {
        let row = category::ActiveModel {
            slug: Set(c.slug.clone()),
            name_nb: Set(c.name.nb.clone()),
            name_nn: Set(c.name.nn.clone()),
            name_en: Set(c.name.en.clone()),
            ..Default::default()
        }
        .insert(db)
        .await?;
        categories.insert(c.slug.clone(), row.id);
    }

    let mut organisations = HashMap::new();
    let mut organisation_names = HashMap::new();
    for o in &data.organisation {
        let row = organisation::ActiveModel {
            slug: Set(o.slug.clone()),
            name: Set(o.name.clone()),
            kind: Set(o.kind),
            email: Set(o.email.clone()),
            phone: Set(o.phone.clone()),
            website: Set(o.website.clone()),
            publishes_directly: Set(o.publishes_directly),
            ..Default::default()
        }
        .insert(db)
        .await?;
        for d in &o.districts {
            organisation_district::ActiveModel {
                organisation_id: Set(row.id),
                district_id: Set(lookup(&districts, d, "district", &o.slug)?),
            }
            .insert(db)
            .await?;
        }
        organisations.insert(o.slug.clone(), row.id);
        organisation_names.insert(row.id, o.name.clone());
    }

    for a in &data.account {
        let new = crate::backend::staff::accounts::NewAccount {
            email: &a.email,
            name: &a.name,
            role: a.role,
            organisations: &a.organisations,
        };
        crate::backend::staff::accounts::create(db, &new, None, crate::backend::clock::Now::real())
            .await
            .map_err(|e| ImportError::Invalid(format!("account {}: {e}", a.email)))?;
    }

    let mut venues = HashMap::new();
    let mut venue_names = HashMap::new();
    for v in &data.venue {
        let note = v.access_note.as_ref();
        let row = venue::ActiveModel {
            slug: Set(v.slug.clone()),
            name: Set(v.name.clone()),
            address: Set(v.address.clone()),
            postcode: Set(v.postcode.clone()),
            city: Set(v.city.clone()),
            district_id: Set(lookup(&districts, &v.district, "district", &v.slug)?),
            latitude: Set(v.lat),
            longitude: Set(v.lon),
            step_free: Set(v.step_free),
            accessible_toilet: Set(v.accessible_toilet),
            hearing_loop: Set(v.hearing_loop),
            parking: Set(v.parking),
            bus_stop: Set(v.bus_stop.clone()),
            access_note_nb: Set(note.map(|n| n.nb.clone())),
            access_note_nn: Set(note.and_then(|n| n.nn.clone())),
            access_note_en: Set(note.and_then(|n| n.en.clone())),
            checked_on: Set(v.checked_on),
            ..Default::default()
        }
        .insert(db)
        .await?;
        venues.insert(v.slug.clone(), row.id);
        venue_names.insert(row.id, v.name.clone());
    }

    // A country has a hundred thousand offerings: rows go in a chunk of
    // offerings at a time, one statement per table and chunk.
    let now = chrono::Utc::now().naive_utc();
    for chunk in data.offering.chunks(OFFERING_CHUNK) {
        let mut rows = Vec::with_capacity(chunk.len());
        for o in chunk {
            let district_id = lookup(&districts, &o.district, "district", &o.slug)?;
            let venue_id = o
                .venue
                .as_deref()
                .map(|v| lookup(&venues, v, "venue", &o.slug))
                .transpose()?;
            let organisation_id = lookup(&organisations, &o.organisation, "organisation", &o.slug)?;
            let search_text = search_text(
                texts(o).into_iter().flat_map(|(_, t)| {
                    [t.title.as_str(), t.summary.as_str(), t.description.as_str()]
                }),
                [
                    venue_id
                        .and_then(|id| venue_names.get(&id))
                        .map(String::as_str),
                    organisation_names.get(&organisation_id).map(String::as_str),
                    district_names.get(&district_id).map(String::as_str),
                ]
                .into_iter()
                .flatten(),
            );
            let course = o.course.as_ref();
            rows.push(offering::ActiveModel {
                slug: Set(o.slug.clone()),
                kind: Set(o.kind),
                status: Set(OfferingStatus::Published),
                district_id: Set(district_id),
                venue_id: Set(venue_id),
                organisation_id: Set(organisation_id),
                price_nok: Set(o.price_nok),
                sign_up_required: Set(o.sign_up_required),
                contact_name: Set(o.contact.name.clone()),
                contact_email: Set(o.contact.email.clone()),
                contact_phone: Set(o.contact.phone.clone()),
                capacity: Set(course.map(|c| c.capacity)),
                sign_up_opens: Set(course.and_then(|c| c.sign_up_opens)),
                sign_up_closes: Set(course.and_then(|c| c.sign_up_closes)),
                waiting_list: Set(course.is_some_and(|c| c.waiting_list)),
                search_text: Set(search_text),
                first_session_at: Set(o.session.iter().map(|s| s.starts).min()),
                last_session_end_at: Set(o.session.iter().map(|s| s.ends).max()),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            });
        }
        // RETURNING gives no order on SQLite: the ids go back by slug.
        let ids: HashMap<String, i32> = offering::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await?
            .into_iter()
            .map(|r| (r.slug, r.id))
            .collect();
        let id_of = |o: &OfferingIn| ids[&o.slug];

        let mut text_rows = Vec::new();
        let mut category_rows = Vec::new();
        let mut audience_rows = Vec::new();
        let mut slots = Vec::new();
        let mut session_rows = Vec::new();
        let mut sign_up_rows = Vec::new();
        for o in chunk {
            let id = id_of(o);
            offering_ids.push(id);
            for (lang, t) in texts(o) {
                text_rows.push(offering_text::ActiveModel {
                    offering_id: Set(id),
                    lang: Set(lang),
                    title: Set(t.title.clone()),
                    summary: Set(t.summary.trim().to_string()),
                    description: Set(t.description.trim().to_string()),
                    cost_note: Set(t.cost_note.clone()),
                });
            }
            for c in &o.categories {
                category_rows.push(offering_category::ActiveModel {
                    offering_id: Set(id),
                    category_id: Set(lookup(&categories, c, "category", &o.slug)?),
                });
            }
            for a in &o.audiences {
                audience_rows.push(offering_audience::ActiveModel {
                    offering_id: Set(id),
                    audience: Set(*a),
                });
            }
            for w in &o.weekly {
                slots.push((
                    weekly_slot::ActiveModel {
                        offering_id: Set(id),
                        weekday: Set(w.weekday as i16 + 1),
                        start_time: Set(w.start),
                        end_time: Set(w.end),
                        valid_from: Set(w.valid_from),
                        valid_to: Set(w.valid_to),
                        ..Default::default()
                    },
                    &w.skip,
                ));
            }
            for s in &o.session {
                session_rows.push(course_session::ActiveModel {
                    offering_id: Set(id),
                    starts_at: Set(s.starts),
                    ends_at: Set(s.ends),
                    ..Default::default()
                });
            }
            if let Some(c) = &o.course {
                sign_up_rows.extend(demo_sign_ups(id, &o.slug, c, now));
            }
        }
        insert_all(db, text_rows).await?;
        insert_all(db, category_rows).await?;
        insert_all(db, audience_rows).await?;
        insert_slots(db, slots).await?;
        insert_all(db, session_rows).await?;
        insert_all(db, sign_up_rows).await?;
    }

    Ok((
        ImportSummary {
            districts: data.district.len(),
            venues: data.venue.len(),
            offerings: data.offering.len(),
        },
        offering_ids,
    ))
}

/// The lower-cased text that search matches against. Lower-casing in Rust
/// rather than in SQL makes "Ø" and "ø" equal on SQLite too, whose `lower()`
/// only knows ASCII.
pub fn search_text<'a>(
    texts: impl IntoIterator<Item = &'a str>,
    names: impl IntoIterator<Item = &'a str>,
) -> String {
    texts
        .into_iter()
        .chain(names)
        .map(str::to_lowercase)
        .collect::<Vec<_>>()
        .join("\n")
}
