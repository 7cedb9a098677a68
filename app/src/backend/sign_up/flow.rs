//! The sign-up state machine: places held against capacity, double opt-in,
//! a waiting list promoted first in first out, cancel by link, holds that
//! expire. Every change and the emails it causes are written in one
//! transaction that locks the course first, so capacity is never exceeded
//! and no email is lost or invented.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseTransaction, EntityTrait,
    QueryFilter, QueryOrder, QuerySelect, Set,
};

use super::limits::{self, Origin};
use super::notify;
use crate::backend::clock::Now;
use crate::backend::course;
use crate::backend::db::Db;
use crate::backend::entities::{offering, sign_up, sign_up_token};
use crate::backend::mail::EmailKind;
use crate::backend::settings::SignUpSettings;
use crate::backend::tokens::{self, Purpose};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::sign_up::{SignUpStatus, ValidSignUp};
use crate::domain::slug::is_slug;

/// What a sign-up led to. The public reply is the same for every outcome,
/// so nobody learns whether an address is already signed up or whether the
/// course filled; the email tells its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Receipt {
    Created { id: i32, status: SignUpStatus },
    AlreadySignedUp,
}

/// What a link shows, without anyone's personal data.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct LinkView {
    pub offering_id: i32,
    pub status: SignUpStatus,
    pub email_confirmed: bool,
    /// Place on the waiting list, 1 = next.
    pub position: Option<u32>,
}

/// Signs someone up for the published course `slug`, posted from
/// `origin` (none for a test or tool that has no client). The sign-up
/// holds nothing until its address is confirmed: places go to confirmed
/// mailboxes, first come first served, so made-up addresses keep nobody
/// out.
pub async fn sign_up(
    db: &Db,
    slug: &str,
    form: &ValidSignUp,
    lang: Lang,
    now: Now,
    settings: &SignUpSettings,
    origin: Option<&Origin>,
) -> Result<Receipt, AppError> {
    if !is_slug(slug) {
        return Err(AppError::NotFound);
    }
    let txn = db.begin().await?;
    let course = course::lock_published(&txn, slug).await?;
    let today = now.local.date();
    if course.sign_up_opens.is_some_and(|d| d > today) {
        return Err(AppError::SignUpNotOpen);
    }
    if course.sign_up_closes.is_some_and(|d| d < today) || course::has_started(&course, now.local) {
        return Err(AppError::SignUpClosed);
    }
    // Before the duplicate check, so that the answer never depends on
    // whether the participant is signed up already.
    let registrant_key = form
        .registrant
        .as_ref()
        .map(|(_, e)| limits::mailbox_key(e));
    limits::check(&txn, course.id, origin, registrant_key.as_deref(), settings).await?;

    let key = limits::dedupe_key(form);
    let existing = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course.id))
        .filter(sign_up::Column::DedupeKey.eq(key.as_str()))
        .filter(sign_up::Column::Status.is_in(SignUpStatus::ACTIVE))
        .one(&txn)
        .await?;
    if let Some(row) = existing {
        // The first email may be in spam: an unconfirmed sign-up gets a
        // fresh confirm link, and the old ones stop working.
        if row.email_confirmed_at.is_none() {
            tokens::revoke(&txn, row.id, Purpose::Confirm).await?;
        }
        notify::about(&txn, &row, EmailKind::AlreadySignedUp, now).await?;
        // Whoever signed the participant up hears what they would hear
        // for a new sign-up, and nothing about the one that exists.
        notify::received(&txn, course.id, form, lang, now).await?;
        txn.commit().await?;
        return Ok(Receipt::AlreadySignedUp);
    }

    let (registrant_name, registrant_email) = form.registrant.clone().unzip();
    let row = sign_up::ActiveModel {
        offering_id: Set(course.id),
        status: Set(SignUpStatus::AwaitingConfirmation),
        participant_name: Set(form.participant_name.clone()),
        participant_email: Set(form.participant_email.clone()),
        participant_phone: Set(form.participant_phone.clone()),
        registrant_name: Set(registrant_name),
        registrant_email: Set(registrant_email),
        needs_note: Set(form.needs_note.clone()),
        lang: Set(lang),
        dedupe_key: Set(Some(key)),
        confirm_by: Set(Some(now.utc + settings.confirm_within)),
        client_key: Set(origin.map(|o| o.client.clone())),
        network_key: Set(origin.map(|o| o.network.clone())),
        registrant_key: Set(registrant_key),
        created_at: Set(now.utc),
        updated_at: Set(now.utc),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    notify::confirm_request(&txn, &row, now).await?;
    notify::received(&txn, course.id, form, lang, now).await?;
    txn.commit().await?;
    Ok(Receipt::Created {
        id: row.id,
        status: row.status,
    })
}

/// What a link is about, for the page that asks "confirm?" or "cancel?".
/// Reading never changes anything.
pub async fn view_link(
    db: &Db,
    token: &str,
    purpose: Purpose,
    now: Now,
) -> Result<LinkView, AppError> {
    let (_, row) = tokens::find(db.read(), token, purpose, now).await?;
    view(db.read(), &row).await
}

async fn view(db: &impl ConnectionTrait, row: &sign_up::Model) -> Result<LinkView, AppError> {
    let position = match row.status {
        SignUpStatus::WaitingList => {
            Some(course::waiting_position(db, row.offering_id, row.queue_number).await?)
        }
        _ => None,
    };
    Ok(LinkView {
        offering_id: row.offering_id,
        status: row.status,
        email_confirmed: row.email_confirmed_at.is_some(),
        position,
    })
}

pub(super) fn set_status(
    row: &sign_up::Model,
    status: SignUpStatus,
    now: Now,
) -> sign_up::ActiveModel {
    let mut active: sign_up::ActiveModel = row.clone().into();
    active.status = Set(status);
    active.updated_at = Set(now.utc);
    active
}

/// A link being used: its token and its sign-up, both re-read after the
/// course lock (the worker or another click may have changed them), and
/// the course.
struct OpenLink {
    txn: DatabaseTransaction,
    link: sign_up_token::Model,
    row: sign_up::Model,
    course: offering::Model,
}

/// Looks the token up first, without any lock, so that a bogus or expired
/// link costs one read and never waits for the writer.
async fn open_link(db: &Db, token: &str, purpose: Purpose, now: Now) -> Result<OpenLink, AppError> {
    let (link, row) = tokens::find(db.read(), token, purpose, now).await?;
    let txn = db.begin().await?;
    let course = course::lock(&txn, row.offering_id).await?;
    let link = sign_up_token::Entity::find_by_id(link.id)
        .one(&txn)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let row = sign_up::Entity::find_by_id(row.id)
        .one(&txn)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    Ok(OpenLink {
        txn,
        link,
        row,
        course,
    })
}

async fn mark_used(
    txn: &DatabaseTransaction,
    link: sign_up_token::Model,
    now: Now,
) -> Result<(), AppError> {
    let mut used: sign_up_token::ActiveModel = link.into();
    used.used_at = Set(Some(now.utc));
    used.update(txn).await?;
    Ok(())
}

/// Confirms the email address behind a confirmation link, and gives the
/// sign-up what the course has now: a place, a place in line, or word
/// that it is full.
pub async fn confirm(db: &Db, token: &str, now: Now) -> Result<LinkView, AppError> {
    let OpenLink {
        txn,
        link,
        row,
        course,
    } = open_link(db, token, Purpose::Confirm, now).await?;
    if link.used_at.is_some() || row.email_confirmed_at.is_some() {
        txn.commit().await?;
        return view(db.read(), &row).await;
    }
    let (next, kind) = match row.status {
        SignUpStatus::AwaitingConfirmation if course::has_started(&course, now.local) => {
            return Err(AppError::LinkExpired);
        }
        SignUpStatus::AwaitingConfirmation => {
            if course::free(&txn, course.id, course.capacity).await? > 0 {
                (SignUpStatus::Confirmed, Some(EmailKind::Confirmed))
            } else if course.waiting_list
                && course::waiting(&txn, course.id).await?
                    < course::waiting_list_room(course.capacity)
            {
                (SignUpStatus::WaitingList, Some(EmailKind::WaitingList))
            } else {
                (SignUpStatus::Full, Some(EmailKind::CourseFull))
            }
        }
        // In line from before places waited for confirmation: stays in
        // line, now confirmed, and is called up if a place is free.
        SignUpStatus::WaitingList => (SignUpStatus::WaitingList, None),
        _ => return Err(AppError::LinkExpired),
    };
    let mut active = set_status(&row, next, now);
    active.email_confirmed_at = Set(Some(now.utc));
    active.confirm_by = Set(None);
    if next == SignUpStatus::WaitingList && row.queue_number.is_none() {
        active.queue_number = Set(Some(course::next_in_line(&txn, course.id).await?));
    }
    let row = active.update(&txn).await?;
    mark_used(&txn, link, now).await?;
    if let Some(kind) = kind {
        notify::about(&txn, &row, kind, now).await?;
    }
    if next == SignUpStatus::WaitingList {
        promote(&txn, &course, now).await?;
    }
    txn.commit().await?;
    let row = sign_up::Entity::find_by_id(row.id)
        .one(db.read())
        .await?
        .unwrap_or(row);
    view(db.read(), &row).await
}

/// Cancels the sign-up behind a cancel link and gives a freed place to the
/// first on the waiting list.
pub async fn cancel(db: &Db, token: &str, now: Now) -> Result<LinkView, AppError> {
    let OpenLink {
        txn,
        link,
        row,
        course,
    } = open_link(db, token, Purpose::Cancel, now).await?;
    if !row.status.is_active() {
        txn.commit().await?;
        return view(db.read(), &row).await;
    }
    mark_used(&txn, link, now).await?;
    let row = cancel_active(&txn, &row, &course, now).await?;
    txn.commit().await?;
    view(db.read(), &row).await
}

/// Cancels an active sign-up, in the caller's locked transaction: tells
/// its people, and gives a place it held to the first in line.
pub(super) async fn cancel_active(
    txn: &DatabaseTransaction,
    row: &sign_up::Model,
    course: &offering::Model,
    now: Now,
) -> Result<sign_up::Model, AppError> {
    let held = row.status.holds_place();
    let mut active = set_status(row, SignUpStatus::Cancelled, now);
    active.cancelled_at = Set(Some(now.utc));
    active.confirm_by = Set(None);
    let row = active.update(txn).await?;
    notify::about(txn, &row, EmailKind::Cancelled, now).await?;
    if held {
        promote(txn, course, now).await?;
    }
    Ok(row)
}

/// Fills free places from the waiting list, first in first out, inside the
/// caller's locked transaction so each place is given exactly once. Once
/// the course has begun, a freed place stays free: nobody is called to a
/// course that is running or over.
pub(super) async fn promote(
    txn: &DatabaseTransaction,
    course: &offering::Model,
    now: Now,
) -> Result<u32, AppError> {
    if course::has_started(course, now.local) {
        return Ok(0);
    }
    let free = course::free(txn, course.id, course.capacity).await?;
    if free == 0 {
        return Ok(0);
    }
    // Only those who can take the place: an address confirmed, or no
    // address at all (someone who phoned in).
    let next = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course.id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::WaitingList))
        .filter(
            Condition::any()
                .add(sign_up::Column::EmailConfirmedAt.is_not_null())
                .add(
                    Condition::all()
                        .add(sign_up::Column::ParticipantEmail.is_null())
                        .add(sign_up::Column::RegistrantEmail.is_null()),
                ),
        )
        .order_by_asc(sign_up::Column::QueueNumber)
        .order_by_asc(sign_up::Column::Id)
        .limit(free)
        .all(txn)
        .await?;
    let mut promoted = 0;
    for row in next {
        call_up(txn, &row, now).await?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Gives someone on the waiting list a place and tells them. A place is
/// theirs outright: the list holds confirmed addresses (and people who
/// phoned in), or an organiser chose them.
pub(super) async fn call_up(
    txn: &DatabaseTransaction,
    row: &sign_up::Model,
    now: Now,
) -> Result<(), AppError> {
    let mut active = set_status(row, SignUpStatus::Confirmed, now);
    active.confirm_by = Set(None);
    let row = active.update(txn).await?;
    notify::about(txn, &row, EmailKind::Promoted, now).await?;
    Ok(())
}

/// Ends the sign-ups of one course whose confirmation link ran out. They
/// held no place, so nothing is passed on. Returns how many ended.
pub async fn expire_unconfirmed(db: &Db, course_id: i32, now: Now) -> Result<u32, AppError> {
    let txn = db.begin().await?;
    course::lock(&txn, course_id).await?;
    let stale = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course_id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation))
        .filter(sign_up::Column::ConfirmBy.lt(now.utc))
        .all(&txn)
        .await?;
    for row in &stale {
        let mut active = set_status(row, SignUpStatus::Expired, now);
        active.confirm_by = Set(None);
        active.update(&txn).await?;
    }
    txn.commit().await?;
    Ok(u32::try_from(stale.len()).unwrap_or(u32::MAX))
}
