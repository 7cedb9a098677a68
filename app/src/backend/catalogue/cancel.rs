//! Calling off one meeting of a group or one session of a course, with a
//! reason residents are told: the public page and the calendar file show
//! that date cancelled, the listings show the next meeting that takes
//! place, and everyone signed up for a course is emailed.

use chrono::{Datelike, NaiveDate};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, Set};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::{cancelled_date, offering as offering_row, sign_up};
use crate::backend::mail::EmailKind;
use crate::backend::sign_up::notify;
use crate::backend::staff::{Staff, access, audit};
use crate::domain::catalogue::OfferingDraft;
use crate::domain::error::AppError;
use crate::domain::sign_up::SignUpStatus;
use crate::domain::staff::AuditAction;

use super::offering;

/// The longest reason kept: a line, as emails and calendars show it.
pub const REASON_MAX: usize = 200;

/// Whether the offering meets on `date`.
pub fn meets_on(draft: &OfferingDraft, date: NaiveDate) -> bool {
    draft.sessions.iter().any(|(s, _)| s.date() == date)
        || draft.weekly.iter().any(|w| {
            u32::from(w.weekday) == date.weekday().number_from_monday()
                && w.valid_from <= date
                && w.valid_to.is_none_or(|to| date <= to)
                && !w.skip.contains(&date)
        })
}

/// Calls off offering `id` on `date`, which must be one of its coming
/// meetings. Returns how many sign-ups are emailed. Calling off a date
/// already called off changes nothing.
pub async fn cancel_date(
    db: &Db,
    staff: &Staff,
    id: i32,
    date: NaiveDate,
    reason: &str,
    now: Now,
) -> Result<u32, AppError> {
    let reason: String = reason
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .chars()
        .take(REASON_MAX)
        .collect();
    let txn = db.begin().await?;
    let row = access::offering(&txn, staff, id).await?;
    let draft = offering::load(&txn, id).await?;
    if date < now.local.date() || !meets_on(&draft, date) {
        return Err(AppError::NotAMeeting);
    }
    let already = cancelled_date::Entity::find()
        .filter(cancelled_date::Column::OfferingId.eq(id))
        .filter(cancelled_date::Column::Date.eq(date))
        .count(&txn)
        .await?
        > 0;
    if already {
        txn.commit().await?;
        return Ok(0);
    }
    cancelled_date::Entity::insert(cancelled_date::ActiveModel {
        offering_id: Set(id),
        date: Set(date),
        reason: Set(reason.clone()),
        account_id: Set(Some(staff.id())),
        created_at: Set(now.utc),
        ..Default::default()
    })
    .exec_without_returning(&txn)
    .await?;
    // A change to what the offering says: feeds and the open data API
    // date it so.
    offering_row::Entity::update_many()
        .col_expr(offering_row::Column::UpdatedAt, Expr::value(now.utc))
        .filter(offering_row::Column::Id.eq(id))
        .exec(&txn)
        .await?;
    let people = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(row.id))
        .filter(sign_up::Column::Status.is_in(SignUpStatus::ACTIVE))
        .all(&txn)
        .await?;
    for person in &people {
        notify::about(&txn, person, EmailKind::DateCancelled, now).await?;
    }
    read_model::refresh(&txn, &[id], now.local, Why::Edited).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::DateCancelled,
            offering_id: Some(id),
            detail: Some(serde_json::json!({ "date": date, "reason": reason }).to_string()),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(u32::try_from(people.len()).unwrap_or(u32::MAX))
}

/// What the call-off page shows for offering `id`.
pub async fn page(
    db: &Db,
    staff: &Staff,
    id: i32,
    lang: crate::domain::lang::Lang,
    now: Now,
) -> Result<crate::domain::catalogue::CancelDatePage, AppError> {
    let row = access::offering(db.read(), staff, id).await?;
    let detail = crate::backend::directory::detail_by_id(db.read(), id, lang, now.local).await?;
    let signed_up = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(row.id))
        .filter(sign_up::Column::Status.is_in(SignUpStatus::ACTIVE))
        .count(db.read())
        .await?;
    Ok(crate::domain::catalogue::CancelDatePage {
        id,
        title: detail.card.text.title,
        upcoming: detail.upcoming,
        cancelled: detail.cancelled,
        signed_up: u32::try_from(signed_up).unwrap_or(u32::MAX),
        today: now.local.date(),
    })
}
