//! What staff read: the offerings in their reach, and a course's people
//! in the lists its organiser works from (confirmed, awaiting
//! confirmation, the waiting list in order), on screen and as CSV.

use std::collections::HashMap;

use sea_orm::{
    ColumnTrait, ConnectionTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect,
};

use chrono::NaiveDateTime;

use crate::backend::catalogue::status;
use crate::backend::clock::{Now, oslo};
use crate::backend::entities::{district, offering, offering_text, organisation, sign_up};
use crate::backend::jobs::stale::stale_before;
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingKind, OfferingStatus};
use crate::domain::sign_up::SignUpStatus;
use crate::domain::slug::slugify;
use crate::domain::staff::{AuditAction, CourseRoster, Participant, StaffFilter, StaffOffering};
use crate::i18n::Tr;

use super::audit;
use super::{Staff, access};

const PAGE_SIZE: u64 = crate::domain::staff::STAFF_PAGE_SIZE as u64;

/// One page of the offerings in `staff`'s reach that `which` asks for,
/// the most recently changed first, and how many there are in all.
pub async fn offerings(
    db: &impl ConnectionTrait,
    staff: &Staff,
    which: &StaffFilter,
    stale_since: NaiveDateTime,
    lang: Lang,
    page: u32,
) -> Result<(Vec<StaffOffering>, u32), AppError> {
    let mut scope = offering::Entity::find().filter(staff.offering_scope());
    if let Some(status) = which.status {
        scope = scope.filter(offering::Column::Status.eq(status));
    }
    if which.stale {
        scope = scope
            .filter(offering::Column::Status.eq(OfferingStatus::Published))
            .filter(stale_before(stale_since));
    }
    // Titles become slugs, so a title's words find it through its slug:
    // one indexed column rather than every text in every language.
    let words = slugify(&which.q);
    if !words.is_empty() {
        scope = scope.filter(offering::Column::Slug.contains(words));
    }
    let total = scope.clone().count(db).await?;
    // The stale oldest first; otherwise the latest change first.
    let scope = if which.stale {
        scope.order_by_asc(offering::Column::UpdatedAt)
    } else {
        scope.order_by_desc(offering::Column::UpdatedAt)
    };
    let rows = scope
        .order_by_desc(offering::Column::Id)
        .offset(u64::from(page.saturating_sub(1)) * PAGE_SIZE)
        .limit(PAGE_SIZE)
        .all(db)
        .await?;
    let titles = titles(db, &rows.iter().map(|o| o.id).collect::<Vec<_>>(), lang).await?;
    let organisation_ids: Vec<i32> = rows.iter().map(|o| o.organisation_id).collect();
    let organisations: HashMap<i32, organisation::Model> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(organisation_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|o| (o.id, o))
        .collect();
    let district_ids: Vec<i32> = rows.iter().map(|o| o.district_id).collect();
    let districts: HashMap<i32, String> = district::Entity::find()
        .filter(district::Column::Id.is_in(district_ids))
        .all(db)
        .await?
        .into_iter()
        .map(|d| {
            let name = match lang {
                Lang::Nb => d.name_nb,
                Lang::Nn => d.name_nn,
                Lang::En => d.name_en,
            };
            (d.id, name)
        })
        .collect();
    let list = rows
        .into_iter()
        .map(|o| {
            let organiser = organisations.get(&o.organisation_id);
            let trusted = organiser.is_some_and(|org| org.publishes_directly);
            StaffOffering {
                id: o.id,
                title: titles.get(&o.id).cloned().unwrap_or_else(|| o.slug.clone()),
                slug: o.slug,
                kind: o.kind,
                status: o.status,
                organisation: organiser.map(|org| org.name.clone()).unwrap_or_default(),
                district: districts.get(&o.district_id).cloned().unwrap_or_default(),
                choices: status::choices(staff, trusted, o.status),
                review_comment: o.review_comment,
                confirmed_on: oslo(o.confirmed_at.unwrap_or(o.updated_at)).date(),
                stale: o.status == OfferingStatus::Published
                    && o.confirmed_at.unwrap_or(o.updated_at) < stale_since,
            }
        })
        .collect();
    Ok((list, u32::try_from(total).unwrap_or(u32::MAX)))
}

/// How many published offerings in reach are stale.
pub async fn stale(
    db: &impl ConnectionTrait,
    staff: &Staff,
    stale_since: NaiveDateTime,
) -> Result<u32, AppError> {
    let count = offering::Entity::find()
        .filter(staff.offering_scope())
        .filter(offering::Column::Status.eq(OfferingStatus::Published))
        .filter(stale_before(stale_since))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// How many offerings in reach wait for an editor's approval.
pub async fn submitted(db: &impl ConnectionTrait, staff: &Staff) -> Result<u32, AppError> {
    let count = offering::Entity::find()
        .filter(staff.offering_scope())
        .filter(offering::Column::Status.eq(OfferingStatus::Submitted))
        .count(db)
        .await?;
    Ok(u32::try_from(count).unwrap_or(u32::MAX))
}

/// Titles of `ids` in `lang`, in Bokmål where there is no translation.
pub(super) async fn titles(
    db: &impl ConnectionTrait,
    ids: &[i32],
    lang: Lang,
) -> Result<HashMap<i32, String>, AppError> {
    let mut titles = HashMap::new();
    for text in offering_text::Entity::find()
        .filter(offering_text::Column::OfferingId.is_in(ids.to_vec()))
        .filter(offering_text::Column::Lang.is_in([Lang::Nb, lang]))
        .all(db)
        .await?
    {
        if text.lang == lang || !titles.contains_key(&text.offering_id) {
            titles.insert(text.offering_id, text.title);
        }
    }
    Ok(titles)
}

/// The course `id` in `staff`'s reach; any other kind is not found.
pub(super) async fn course(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: i32,
) -> Result<offering::Model, AppError> {
    let row = access::offering(db, staff, id).await?;
    if row.kind == OfferingKind::Course {
        Ok(row)
    } else {
        Err(AppError::NotFound)
    }
}

/// A course's people, in its three lists. Cancelled, expired and
/// anonymised sign-ups are not shown: there is nothing to act on.
pub async fn roster(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: i32,
    lang: Lang,
) -> Result<CourseRoster, AppError> {
    let row = course(db, staff, id).await?;
    let people = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(row.id))
        .filter(sign_up::Column::Status.is_in(SignUpStatus::ACTIVE))
        .filter(sign_up::Column::AnonymisedAt.is_null())
        .order_by_asc(sign_up::Column::Id)
        .all(db)
        .await?;
    let title = titles(db, &[row.id], lang)
        .await?
        .remove(&row.id)
        .unwrap_or_else(|| row.slug.clone());
    let mut roster = CourseRoster {
        id: row.id,
        slug: row.slug,
        title,
        capacity: row.capacity,
        confirmed: Vec::new(),
        awaiting: Vec::new(),
        waiting: Vec::new(),
    };
    for person in people {
        let list = match person.status {
            SignUpStatus::Confirmed => &mut roster.confirmed,
            SignUpStatus::AwaitingConfirmation => &mut roster.awaiting,
            _ => &mut roster.waiting,
        };
        list.push(participant(person));
    }
    Ok(roster)
}

fn participant(row: sign_up::Model) -> Participant {
    Participant {
        id: row.id,
        status: row.status,
        name: row.participant_name,
        email: row.participant_email,
        phone: row.participant_phone,
        registrant: match (row.registrant_name, row.registrant_email) {
            (Some(name), Some(email)) => Some(format!("{name} <{email}>")),
            (name, email) => name.or(email),
        },
        needs_note: row.needs_note,
        email_confirmed: row.email_confirmed_at.is_some(),
        signed_up_at: oslo(row.created_at),
    }
}

/// Records that `staff` looked at a course's people.
pub async fn record_viewed(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: i32,
    now: Now,
) -> Result<(), AppError> {
    audit::record(
        db,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::ParticipantsViewed,
            offering_id: Some(id),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    Ok(())
}

/// A course's people as CSV for a spreadsheet: UTF-8 with a byte-order
/// mark (without it Excel reads æøå as two letters each), semicolons
/// between fields (Excel's separator in Norwegian), headings in `lang`.
/// The export is recorded in the audit log in the same transaction.
pub async fn export_csv(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: i32,
    lang: Lang,
    now: Now,
) -> Result<(String, Vec<u8>), AppError> {
    let roster = roster(db, staff, id, lang).await?;
    let tr = Tr::new(lang);
    let mut writer = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::with_capacity(64 * 1024));
    let headings = [
        "staff-csv-list",
        "staff-csv-name",
        "staff-csv-email",
        "staff-csv-phone",
        "staff-csv-registrant",
        "staff-csv-needs",
        "staff-csv-email-confirmed",
        "staff-csv-signed-up-at",
    ]
    .map(|key| tr.t(key));
    writer.write_record(&headings).map_err(AppError::internal)?;
    let yes = tr.t("staff-yes");
    let no = tr.t("staff-no");
    for person in roster
        .confirmed
        .iter()
        .chain(&roster.awaiting)
        .chain(&roster.waiting)
    {
        let status = tr.t(&format!(
            "staff-status-{}",
            crate::domain::Code::code(person.status)
        ));
        let fields = [
            status,
            person.name.clone(),
            person.email.clone().unwrap_or_default(),
            person.phone.clone().unwrap_or_default(),
            person.registrant.clone().unwrap_or_default(),
            person.needs_note.clone().unwrap_or_default(),
            if person.email_confirmed {
                yes.clone()
            } else {
                no.clone()
            },
            person.signed_up_at.format("%d.%m.%Y %H:%M").to_string(),
        ]
        .map(|f| inert(&f));
        writer.write_record(&fields).map_err(AppError::internal)?;
    }
    let rows = writer.into_inner().map_err(AppError::internal)?;
    let mut body = Vec::with_capacity(rows.len() + 3);
    body.extend_from_slice(b"\xEF\xBB\xBF");
    body.extend_from_slice(&rows);
    audit::record(
        db,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::ParticipantsExported,
            offering_id: Some(id),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    Ok((format!("{}.csv", roster.slug), body))
}

/// A field a spreadsheet will not run: a name typed as `=HYPERLINK(…)`
/// by a stranger on the public form must stay text in the organiser's
/// Excel, so a leading `=`, `+`, `-`, `@` or control character gets an
/// apostrophe before it (OWASP's advice for CSV injection).
fn inert(field: &str) -> String {
    match field.chars().next() {
        Some('=' | '+' | '-' | '@' | '\t' | '\r') => format!("'{field}"),
        _ => field.to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::inert;

    #[test]
    fn formulas_stay_text() {
        assert_eq!(inert("=HYPERLINK(\"x\")"), "'=HYPERLINK(\"x\")");
        assert_eq!(inert("@SUM(A1)"), "'@SUM(A1)");
        assert_eq!(inert("Kari Nordmann"), "Kari Nordmann");
        assert_eq!(inert(""), "");
    }
}
