//! Loads a municipality's directory from a TOML data file: the demo data at
//! first start, or a municipality's own file through the server's `import`
//! command. The file format is documented in `server/demo/municipality.toml`.

use std::collections::HashMap;

mod format;
mod generate;

pub use generate::generate;

use chrono::NaiveDateTime;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbBackend, DbErr, EntityTrait, PaginatorTrait,
    QueryFilter, Set,
};

use self::format::{CourseIn, Municipality, OfferingIn, TextIn};
use super::catalogue::offering;
use super::clock::oslo_now;
use super::db::Db;
use super::directory::read_model;
use super::entities::{
    category, directory_state, district, offering as offering_entity, organisation,
    organisation_district, sign_up, venue,
};
use crate::domain::catalogue::{CourseDraft, OfferingDraft, TextDraft, VenueChoice, WeeklyDraft};
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingKind, OfferingStatus, is_org_number};
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
            let email = format!("{DEMO_SIGN_UP_PREFIX}{slug}-{n}@{DEMO_SIGN_UP_DOMAIN}");
            sign_up::ActiveModel {
                offering_id: Set(offering_id),
                status: Set(status),
                participant_name: Set(format!("Demo {}", n + 1)),
                participant_email: Set(Some(email.clone())),
                lang: Set(Lang::Nb),
                dedupe_key: Set(Some(email)),
                queue_number: Set((status == SignUpStatus::WaitingList)
                    .then(|| i32::try_from(n).unwrap_or(i32::MAX))),
                email_confirmed_at: Set(Some(now)),
                reminder_sent_at: Set(Some(now)),
                created_at: Set(now),
                updated_at: Set(now),
                ..Default::default()
            }
        })
        .collect()
}

/// The demo's own sign-ups are `demo-<course>-<n>@treffpunkt.example`:
/// nobody's, so the demo's dates may move on under them.
pub const DEMO_SIGN_UP_PREFIX: &str = "demo-";
pub const DEMO_SIGN_UP_DOMAIN: &str = "treffpunkt.example";

/// An offering of the data file as the catalogue's write path takes it,
/// its references looked up by slug.
fn draft_of(
    o: &OfferingIn,
    districts: &HashMap<String, i32>,
    venues: &HashMap<String, i32>,
    organisations: &HashMap<String, i32>,
    categories: &HashMap<String, i32>,
) -> Result<OfferingDraft, ImportError> {
    let text = |lang: Lang, t: &TextIn| TextDraft {
        lang,
        title: t.title.clone(),
        summary: t.summary.trim().to_string(),
        description: t.description.trim().to_string(),
        cost_note: t.cost_note.clone(),
    };
    let texts = [
        Some(text(Lang::Nb, &o.text.nb)),
        o.text.nn.as_ref().map(|t| text(Lang::Nn, t)),
        o.text.en.as_ref().map(|t| text(Lang::En, t)),
    ]
    .into_iter()
    .flatten()
    .collect();
    Ok(OfferingDraft {
        kind: o.kind,
        district_id: lookup(districts, &o.district, "district", &o.slug)?,
        organisation_id: lookup(organisations, &o.organisation, "organisation", &o.slug)?,
        venue: match &o.venue {
            Some(v) => VenueChoice::Existing(lookup(venues, v, "venue", &o.slug)?),
            None => VenueChoice::None,
        },
        price_nok: o.price_nok,
        sign_up_required: o.sign_up_required,
        referral: o.referral,
        contact_name: o.contact.name.clone(),
        contact_email: o.contact.email.clone(),
        contact_phone: o.contact.phone.clone(),
        texts,
        audiences: o.audiences.clone(),
        category_ids: o
            .categories
            .iter()
            .map(|c| lookup(categories, c, "category", &o.slug))
            .collect::<Result<_, _>>()?,
        weekly: o
            .weekly
            .iter()
            .map(|w| WeeklyDraft {
                weekday: w.weekday as u8 + 1,
                start: w.start,
                end: w.end,
                valid_from: w.valid_from,
                valid_to: w.valid_to,
                skip: w.skip.clone(),
            })
            .collect(),
        sessions: o.session.iter().map(|s| (s.starts, s.ends)).collect(),
        course: o.course.as_ref().map(|c| CourseDraft {
            capacity: c.capacity,
            sign_up_opens: c.sign_up_opens,
            sign_up_closes: c.sign_up_closes,
            waiting_list: c.waiting_list,
        }),
    })
}

/// Imports `source` into an empty directory, all or nothing; the demo
/// moved to this week.
pub async fn import(db: &Db, source: &str) -> Result<ImportSummary, ImportError> {
    import_as_of(db, source, oslo_now()).await
}

/// [`import`] as if it were `now` (Oslo time): a file that names its
/// `today` (the demo) moved to that week, and the lists as they stand
/// then.
pub async fn import_as_of(
    db: &Db,
    source: &str,
    now: NaiveDateTime,
) -> Result<ImportSummary, ImportError> {
    // Each step's time goes to the log: at a country's size an import
    // takes half a minute, and which step grew is the first question.
    let started = std::time::Instant::now();
    let step = |name: &str, since: &mut std::time::Instant| {
        tracing::info!("import: {name} in {:.1} s", since.elapsed().as_secs_f64());
        *since = std::time::Instant::now();
    };
    let mut since = started;
    let mut data: Municipality = toml::from_str(source)?;
    data.move_to(now.date());
    check(&data)?;
    step("read the file", &mut since);
    let txn = db.begin().await?;
    let (summary, ids) = write(&txn, &data).await?;
    step("wrote the offerings", &mut since);
    if let Some(today) = data.today {
        // The demo: its dates move on with the calendar (jobs::demo).
        directory_state::Entity::update_many()
            .col_expr(
                directory_state::Column::DemoToday,
                sea_orm::sea_query::Expr::value(today),
            )
            .filter(directory_state::Column::Id.eq(1))
            .exec(&txn)
            .await?;
    }
    if db.backend() == DbBackend::Postgres {
        // Without statistics for what was just written, PostgreSQL takes
        // the tables for huge and plans the read model's lookups (500
        // offerings' texts, times and categories at a time) as scans of
        // the whole tables: 200 scans of 300 000 texts at a country's size.
        txn.execute_unprepared("ANALYZE").await?;
        step("analysed the tables", &mut since);
    }
    read_model::refresh(&txn, &ids, now, read_model::Why::Edited).await?;
    step("built the lists", &mut since);
    txn.commit().await?;
    step("committed", &mut since);
    db.refresh_statistics(true).await?;
    step("refreshed the statistics", &mut since);
    tracing::info!(
        "import: {} offerings in {:.1} s",
        summary.offerings,
        started.elapsed().as_secs_f64()
    );
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
    for o in &data.organisation {
        if let Some(number) = o.org_number.as_deref().filter(|n| !is_org_number(n)) {
            return Err(ImportError::Invalid(format!(
                "organisation '{}': '{number}' is not an organisation number (nine digits, the last a check digit)",
                o.slug
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
            org_number: Set(o.org_number.clone()),
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
    // offerings at a time, one statement per table and chunk, built by the
    // same code that saves a staff member's edit.
    let now = chrono::Utc::now().naive_utc();
    for chunk in data.offering.chunks(OFFERING_CHUNK) {
        let mut drafts = Vec::with_capacity(chunk.len());
        let mut rows = Vec::with_capacity(chunk.len());
        for o in chunk {
            let draft = draft_of(o, &districts, &venues, &organisations, &categories)?;
            let venue_id = match draft.venue {
                VenueChoice::Existing(id) => Some(id),
                _ => None,
            };
            let search_text = offering::searchable(
                &draft,
                [
                    venue_id
                        .and_then(|id| venue_names.get(&id))
                        .map(String::as_str),
                    organisation_names
                        .get(&draft.organisation_id)
                        .map(String::as_str),
                    district_names.get(&draft.district_id).map(String::as_str),
                ],
            );
            rows.push(offering::offering_row(
                o.slug.clone(),
                OfferingStatus::Published,
                &draft,
                venue_id,
                search_text,
                now,
            ));
            drafts.push(draft);
        }
        // RETURNING gives no order on SQLite: the ids go back by slug.
        let ids: HashMap<String, i32> = offering_entity::Entity::insert_many(rows)
            .exec_with_returning(db)
            .await?
            .into_iter()
            .map(|r| (r.slug, r.id))
            .collect();
        let mut children = offering::Children::default();
        let mut sign_up_rows = Vec::new();
        for (o, draft) in chunk.iter().zip(&drafts) {
            let id = ids[&o.slug];
            offering_ids.push(id);
            children.add(id, draft);
            if let Some(c) = &o.course {
                sign_up_rows.extend(demo_sign_ups(id, &o.slug, c, now));
            }
        }
        children.insert(db).await?;
        offering::insert_all(db, sign_up_rows).await?;
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
