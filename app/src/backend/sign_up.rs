//! Course sign-up: places held against capacity, double opt-in, waiting
//! list promoted first-in-first-out, cancel by link. Every change and the
//! emails it causes are written in one transaction that locks the course
//! first (`BEGIN IMMEDIATE` on SQLite, `SELECT … FOR UPDATE` on PostgreSQL),
//! so capacity is never exceeded and no email is lost or invented.

use chrono::{Duration, NaiveDateTime, Utc};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseConnection, DatabaseTransaction,
    DbBackend, DbErr, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, QuerySelect, Set,
    SqliteTransactionMode, TransactionOptions, TransactionTrait,
};
use sha2::{Digest, Sha256};

use super::directory;
use super::email::{self, Template};
use super::entities::{offering, sign_up, sign_up_token};
use crate::domain::lang::Lang;
use crate::domain::offering::{OfferingDetail, OfferingKind, OfferingStatus};
use crate::domain::sign_up::{SignUpStatus, ValidSignUp};

/// Why a sign-up, confirmation or cancellation could not be done. Each
/// message is the Fluent key that explains it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum SignUpError {
    #[error("error-not-found")]
    NotFound,
    #[error("sign-up-not-open")]
    NotOpenYet,
    #[error("sign-up-closed")]
    Closed,
    #[error("sign-up-full")]
    Full,
    #[error("link-invalid")]
    LinkInvalid,
    #[error("link-expired")]
    LinkExpired,
    #[error("error-internal")]
    Internal,
}

impl From<DbErr> for SignUpError {
    fn from(err: DbErr) -> Self {
        match err {
            DbErr::RecordNotFound(_) => SignUpError::NotFound,
            other => {
                tracing::error!(error = %other, "database error in sign-up");
                SignUpError::Internal
            }
        }
    }
}

/// Settings of the sign-up flow.
#[derive(Clone, Debug)]
pub struct Settings {
    /// How long an unconfirmed sign-up holds its place.
    pub hold: Duration,
    /// The site's public address, for links in emails.
    pub public_url: String,
}

impl Default for Settings {
    fn default() -> Self {
        Settings {
            hold: Duration::hours(24),
            public_url: "http://127.0.0.1:3000".into(),
        }
    }
}

/// The moment of a request: UTC for bookkeeping, Oslo time for schedules.
#[derive(Clone, Copy, Debug)]
pub struct Now {
    pub utc: NaiveDateTime,
    pub local: NaiveDateTime,
}

impl Now {
    pub fn real() -> Self {
        Self::at(Utc::now().naive_utc())
    }

    pub fn at(utc: NaiveDateTime) -> Self {
        Now {
            utc,
            local: utc
                .and_utc()
                .with_timezone(&chrono_tz::Europe::Oslo)
                .naive_local(),
        }
    }
}

/// What a sign-up led to. The public reply is the same for both, so nobody
/// learns whether an address is already signed up; the email tells its owner.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Receipt {
    Created { id: i32, status: SignUpStatus },
    AlreadySignedUp,
}

/// A link's purpose.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Purpose {
    Confirm,
    Cancel,
}

impl Purpose {
    fn code(self) -> &'static str {
        match self {
            Purpose::Confirm => "confirm",
            Purpose::Cancel => "cancel",
        }
    }
}

/// What a link shows, without anyone's personal data beyond the first name
/// the holder typed.
#[derive(Clone, Debug, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
pub struct LinkView {
    pub offering_slug: String,
    pub status: SignUpStatus,
    pub email_confirmed: bool,
    /// Place on the waiting list, 1 = next.
    pub position: Option<u32>,
}

pub(crate) fn hash_token(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn new_token() -> String {
    use base64::Engine;
    use rand::RngCore;
    let mut bytes = [0u8; 32];
    rand::rng().fill_bytes(&mut bytes);
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

/// Starts the transaction every read-then-write here runs in, taking the
/// write lock at once on SQLite so that two sign-ups never both read a free
/// place; PostgreSQL locks the course row in [`lock_course`].
async fn begin(db: &DatabaseConnection) -> Result<DatabaseTransaction, DbErr> {
    db.begin_with_options(TransactionOptions {
        sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
        ..Default::default()
    })
    .await
}

async fn lock_course(txn: &DatabaseTransaction, id: i32) -> Result<offering::Model, DbErr> {
    let mut query = offering::Entity::find_by_id(id);
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    query
        .one(txn)
        .await?
        .ok_or(DbErr::RecordNotFound("course".into()))
}

async fn holding(txn: &impl ConnectionTrait, offering_id: i32) -> Result<u64, DbErr> {
    sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(offering_id))
        .filter(sign_up::Column::Status.is_in([
            SignUpStatus::AwaitingConfirmation.code(),
            SignUpStatus::Confirmed.code(),
        ]))
        .count(txn)
        .await
}

async fn waiting_position(txn: &impl ConnectionTrait, row: &sign_up::Model) -> Result<u32, DbErr> {
    let ahead = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(row.offering_id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::WaitingList.code()))
        .filter(sign_up::Column::Id.lte(row.id))
        .count(txn)
        .await?;
    Ok(u32::try_from(ahead).unwrap_or(u32::MAX))
}

/// The course as the emails describe it, in the sign-up's language.
async fn course_detail(
    txn: &impl ConnectionTrait,
    slug: &str,
    lang: Lang,
    now: Now,
) -> Result<OfferingDetail, SignUpError> {
    directory::offering(txn, slug, lang, now.local)
        .await
        .map_err(|e| match e {
            crate::domain::error::AppError::NotFound => SignUpError::NotFound,
            _ => SignUpError::Internal,
        })
}

/// When a course's last session ends, after which links stop working.
fn course_end(detail: &OfferingDetail) -> Option<NaiveDateTime> {
    detail
        .course
        .as_ref()
        .and_then(|c| c.sessions.iter().map(|s| s.ends_at()).max())
}

/// Issues a fresh link token and returns it; only its hash is stored.
async fn issue_token(
    txn: &impl ConnectionTrait,
    sign_up_id: i32,
    purpose: Purpose,
    expires_at: NaiveDateTime,
) -> Result<String, DbErr> {
    let token = new_token();
    sign_up_token::ActiveModel {
        sign_up_id: Set(sign_up_id),
        purpose: Set(purpose.code().to_string()),
        token_hash: Set(hash_token(&token)),
        expires_at: Set(expires_at),
        used_at: Set(None),
        ..Default::default()
    }
    .insert(txn)
    .await?;
    Ok(token)
}

/// Everything an email about one sign-up needs.
struct Context<'a> {
    row: &'a sign_up::Model,
    detail: &'a OfferingDetail,
    settings: &'a Settings,
    now: Now,
}

impl Context<'_> {
    fn lang(&self) -> Lang {
        Lang::parse(&self.row.lang).unwrap_or_default()
    }

    fn link(&self, path: &str, token: &str) -> String {
        format!(
            "{}/pamelding/{path}?token={token}",
            self.settings.public_url.trim_end_matches('/')
        )
    }

    /// Writes `template` to the outbox for every recipient, each with links
    /// of their own.
    async fn send(&self, txn: &impl ConnectionTrait, template: Template) -> Result<(), DbErr> {
        let end = course_end(self.detail).unwrap_or(self.now.local) + Duration::days(1);
        let end_utc = self.now.utc + (end - self.now.local);
        for to in recipients(self.row) {
            let cancel = issue_token(txn, self.row.id, Purpose::Cancel, end_utc).await?;
            let confirm = match template {
                Template::ConfirmRequest
                | Template::WaitingList { .. }
                | Template::Promoted { confirm: true } => {
                    let expires = self.row.hold_expires_at.unwrap_or(end_utc);
                    Some(issue_token(txn, self.row.id, Purpose::Confirm, expires).await?)
                }
                _ => None,
            };
            let message = email::render(&email::Input {
                template,
                lang: self.lang(),
                to: &to,
                sign_up: self.row,
                detail: self.detail,
                confirm_url: confirm.map(|t| self.link("bekreft", &t)),
                cancel_url: Some(self.link("avmeld", &cancel)),
                hold_until: self.row.hold_expires_at.map(|utc| Now::at(utc).local),
                today: self.now.local.date(),
            });
            email::enqueue(txn, &message, self.now.utc).await?;
        }
        Ok(())
    }
}

fn recipients(row: &sign_up::Model) -> Vec<String> {
    let mut all: Vec<String> = row
        .participant_email
        .iter()
        .chain(row.registrant_email.iter())
        .cloned()
        .collect();
    all.dedup();
    all
}

/// Signs someone up for the course `slug`.
pub async fn sign_up(
    db: &DatabaseConnection,
    slug: &str,
    form: &ValidSignUp,
    lang: Lang,
    now: Now,
    settings: &Settings,
) -> Result<Receipt, SignUpError> {
    let txn = begin(db).await?;
    let course = offering::Entity::find()
        .filter(offering::Column::Slug.eq(slug))
        .filter(offering::Column::Status.eq(OfferingStatus::Published.code()))
        .filter(offering::Column::Kind.eq(OfferingKind::Course.code()))
        .one(&txn)
        .await?
        .ok_or(SignUpError::NotFound)?;
    let course = lock_course(&txn, course.id).await?;
    let detail = course_detail(&txn, slug, lang, now).await?;
    let today = now.local.date();
    if course.sign_up_opens.is_some_and(|d| d > today) {
        return Err(SignUpError::NotOpenYet);
    }
    let started = detail
        .course
        .as_ref()
        .and_then(|c| c.sessions.first())
        .is_some_and(|s| s.starts_at() <= now.local);
    if course.sign_up_closes.is_some_and(|d| d < today) || started {
        return Err(SignUpError::Closed);
    }

    let key = form.dedupe_key();
    let existing = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course.id))
        .filter(sign_up::Column::DedupeKey.eq(key.as_str()))
        .filter(sign_up::Column::Status.is_in([
            SignUpStatus::AwaitingConfirmation.code(),
            SignUpStatus::Confirmed.code(),
            SignUpStatus::WaitingList.code(),
        ]))
        .one(&txn)
        .await?;
    if let Some(row) = existing {
        // Written in the language of the sign-up it is about.
        let row_lang = Lang::parse(&row.lang).unwrap_or_default();
        let detail = course_detail(&txn, slug, row_lang, now).await?;
        Context {
            row: &row,
            detail: &detail,
            settings,
            now,
        }
        .send(&txn, Template::AlreadySignedUp)
        .await?;
        txn.commit().await?;
        return Ok(Receipt::AlreadySignedUp);
    }

    let capacity = u64::try_from(course.capacity.unwrap_or(0)).unwrap_or(0);
    let status = if holding(&txn, course.id).await? < capacity {
        SignUpStatus::AwaitingConfirmation
    } else if course.waiting_list {
        SignUpStatus::WaitingList
    } else {
        return Err(SignUpError::Full);
    };
    let (registrant_name, registrant_email) = form.registrant.clone().unzip();
    let row = sign_up::ActiveModel {
        offering_id: Set(course.id),
        status: Set(status.code().to_string()),
        participant_name: Set(form.participant_name.clone()),
        participant_email: Set(form.participant_email.clone()),
        participant_phone: Set(form.participant_phone.clone()),
        registrant_name: Set(registrant_name),
        registrant_email: Set(registrant_email),
        needs_note: Set(form.needs_note.clone()),
        lang: Set(lang.code().to_string()),
        dedupe_key: Set(Some(key)),
        hold_expires_at: Set(
            (status == SignUpStatus::AwaitingConfirmation).then(|| now.utc + settings.hold)
        ),
        created_at: Set(now.utc),
        updated_at: Set(now.utc),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    let template = match status {
        SignUpStatus::WaitingList => Template::WaitingList {
            position: waiting_position(&txn, &row).await?,
        },
        _ => Template::ConfirmRequest,
    };
    Context {
        row: &row,
        detail: &detail,
        settings,
        now,
    }
    .send(&txn, template)
    .await?;
    txn.commit().await?;
    Ok(Receipt::Created { id: row.id, status })
}

/// Finds a valid link token; used tokens and expired ones are refused.
async fn find_token(
    txn: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: Now,
) -> Result<(sign_up_token::Model, sign_up::Model), SignUpError> {
    let link = sign_up_token::Entity::find()
        .filter(sign_up_token::Column::TokenHash.eq(hash_token(token.trim())))
        .filter(sign_up_token::Column::Purpose.eq(purpose.code()))
        .one(txn)
        .await?
        .ok_or(SignUpError::LinkInvalid)?;
    let row = sign_up::Entity::find_by_id(link.sign_up_id)
        .one(txn)
        .await?
        .ok_or(SignUpError::LinkInvalid)?;
    if link.expires_at < now.utc {
        return Err(SignUpError::LinkExpired);
    }
    Ok((link, row))
}

/// What a link is about, for the page that asks "confirm?" or "cancel?".
/// Reading never changes anything.
pub async fn view_link(
    db: &DatabaseConnection,
    token: &str,
    purpose: Purpose,
    now: Now,
) -> Result<LinkView, SignUpError> {
    let (_, row) = find_token(db, token, purpose, now).await?;
    view(db, &row).await
}

async fn view(db: &impl ConnectionTrait, row: &sign_up::Model) -> Result<LinkView, SignUpError> {
    let course = offering::Entity::find_by_id(row.offering_id)
        .one(db)
        .await?
        .ok_or(SignUpError::NotFound)?;
    let status = SignUpStatus::parse(&row.status).ok_or(SignUpError::Internal)?;
    let position = if status == SignUpStatus::WaitingList {
        Some(waiting_position(db, row).await?)
    } else {
        None
    };
    Ok(LinkView {
        offering_slug: course.slug,
        status,
        email_confirmed: row.email_confirmed_at.is_some(),
        position,
    })
}

fn set_status(row: &sign_up::Model, status: SignUpStatus, now: Now) -> sign_up::ActiveModel {
    let mut active: sign_up::ActiveModel = row.clone().into();
    active.status = Set(status.code().to_string());
    active.updated_at = Set(now.utc);
    active
}

/// A link being used: its token, its sign-up re-read after the course lock
/// (the worker may have changed it meanwhile), and the course.
struct OpenLink {
    txn: DatabaseTransaction,
    link: sign_up_token::Model,
    row: sign_up::Model,
    status: SignUpStatus,
    course: offering::Model,
}

async fn open_link(
    db: &DatabaseConnection,
    token: &str,
    purpose: Purpose,
    now: Now,
) -> Result<OpenLink, SignUpError> {
    let txn = begin(db).await?;
    let (link, row) = find_token(&txn, token, purpose, now).await?;
    let course = lock_course(&txn, row.offering_id).await?;
    let row = sign_up::Entity::find_by_id(row.id)
        .one(&txn)
        .await?
        .ok_or(SignUpError::LinkInvalid)?;
    let status = SignUpStatus::parse(&row.status).ok_or(SignUpError::Internal)?;
    Ok(OpenLink {
        txn,
        link,
        row,
        status,
        course,
    })
}

async fn mark_used(
    txn: &DatabaseTransaction,
    link: sign_up_token::Model,
    now: Now,
) -> Result<(), DbErr> {
    let mut used: sign_up_token::ActiveModel = link.into();
    used.used_at = Set(Some(now.utc));
    used.update(txn).await?;
    Ok(())
}

/// Confirms the email address behind a confirmation link. A held place
/// becomes confirmed; a waiting-list entry stays in line, confirmed.
pub async fn confirm(
    db: &DatabaseConnection,
    token: &str,
    now: Now,
    settings: &Settings,
) -> Result<LinkView, SignUpError> {
    let OpenLink {
        txn,
        link,
        row,
        status,
        course,
    } = open_link(db, token, Purpose::Confirm, now).await?;
    if link.used_at.is_some() || row.email_confirmed_at.is_some() {
        txn.commit().await?;
        return view(db, &row).await;
    }
    let next = match status {
        SignUpStatus::AwaitingConfirmation => SignUpStatus::Confirmed,
        SignUpStatus::WaitingList => SignUpStatus::WaitingList,
        _ => return Err(SignUpError::LinkExpired),
    };
    let lang = Lang::parse(&row.lang).unwrap_or_default();
    let detail = course_detail(&txn, &course.slug, lang, now).await?;
    let mut active = set_status(&row, next, now);
    active.email_confirmed_at = Set(Some(now.utc));
    active.hold_expires_at = Set(None);
    let row = active.update(&txn).await?;
    mark_used(&txn, link, now).await?;
    if next == SignUpStatus::Confirmed {
        Context {
            row: &row,
            detail: &detail,
            settings,
            now,
        }
        .send(&txn, Template::Confirmed)
        .await?;
    }
    txn.commit().await?;
    view(db, &row).await
}

/// Cancels the sign-up behind a cancel link and gives a freed place to the
/// first on the waiting list.
pub async fn cancel(
    db: &DatabaseConnection,
    token: &str,
    now: Now,
    settings: &Settings,
) -> Result<LinkView, SignUpError> {
    let OpenLink {
        txn,
        link,
        row,
        status,
        course,
    } = open_link(db, token, Purpose::Cancel, now).await?;
    if !status.is_active() {
        txn.commit().await?;
        return view(db, &row).await;
    }
    let lang = Lang::parse(&row.lang).unwrap_or_default();
    let detail = course_detail(&txn, &course.slug, lang, now).await?;
    let mut active = set_status(&row, SignUpStatus::Cancelled, now);
    active.cancelled_at = Set(Some(now.utc));
    active.hold_expires_at = Set(None);
    let row = active.update(&txn).await?;
    mark_used(&txn, link, now).await?;
    Context {
        row: &row,
        detail: &detail,
        settings,
        now,
    }
    .send(&txn, Template::Cancelled)
    .await?;
    if status.holds_place() {
        promote(&txn, &course, now, settings).await?;
    }
    txn.commit().await?;
    view(db, &row).await
}

/// Fills free places from the waiting list, first in first out, inside the
/// caller's locked transaction so each place is given exactly once.
async fn promote(
    txn: &DatabaseTransaction,
    course: &offering::Model,
    now: Now,
    settings: &Settings,
) -> Result<u32, SignUpError> {
    let capacity = u64::try_from(course.capacity.unwrap_or(0)).unwrap_or(0);
    let free = capacity.saturating_sub(holding(txn, course.id).await?);
    if free == 0 {
        return Ok(0);
    }
    let next = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course.id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::WaitingList.code()))
        .order_by_asc(sign_up::Column::Id)
        .limit(free)
        .all(txn)
        .await?;
    let mut promoted = 0;
    for row in next {
        let lang = Lang::parse(&row.lang).unwrap_or_default();
        let detail = course_detail(txn, &course.slug, lang, now).await?;
        // Someone who already confirmed their address gets the place
        // outright; others hold it while they confirm.
        let confirmed = row.email_confirmed_at.is_some();
        let mut active = set_status(
            &row,
            if confirmed {
                SignUpStatus::Confirmed
            } else {
                SignUpStatus::AwaitingConfirmation
            },
            now,
        );
        if !confirmed {
            active.hold_expires_at = Set(Some(now.utc + settings.hold));
        }
        let row = active.update(txn).await?;
        Context {
            row: &row,
            detail: &detail,
            settings,
            now,
        }
        .send(
            txn,
            Template::Promoted {
                confirm: !confirmed,
            },
        )
        .await?;
        promoted += 1;
    }
    Ok(promoted)
}

/// Releases places whose hold ran out unconfirmed and passes them on.
/// Returns how many holds expired.
pub async fn expire_holds(
    db: &DatabaseConnection,
    now: Now,
    settings: &Settings,
) -> Result<u32, SignUpError> {
    let stale = sign_up::Entity::find()
        .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation.code()))
        .filter(sign_up::Column::HoldExpiresAt.lt(now.utc))
        .all(db)
        .await?;
    let mut courses: Vec<i32> = stale.iter().map(|s| s.offering_id).collect();
    courses.sort_unstable();
    courses.dedup();
    let mut expired = 0;
    for course_id in courses {
        let txn = begin(db).await?;
        let course = lock_course(&txn, course_id).await?;
        let rows = sign_up::Entity::find()
            .filter(sign_up::Column::OfferingId.eq(course_id))
            .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation.code()))
            .filter(sign_up::Column::HoldExpiresAt.lt(now.utc))
            .all(&txn)
            .await?;
        for row in &rows {
            let mut active = set_status(row, SignUpStatus::Expired, now);
            active.hold_expires_at = Set(None);
            active.update(&txn).await?;
            expired += 1;
        }
        promote(&txn, &course, now, settings).await?;
        txn.commit().await?;
    }
    Ok(expired)
}

/// How many places a course has left now; `None` for offerings without
/// capacity.
pub async fn places_left(
    db: &impl ConnectionTrait,
    offering_id: i32,
    capacity: Option<i32>,
) -> Result<Option<u32>, DbErr> {
    let Some(capacity) = capacity else {
        return Ok(None);
    };
    let taken = holding(db, offering_id).await?;
    Ok(Some(
        u32::try_from(u64::try_from(capacity).unwrap_or(0).saturating_sub(taken)).unwrap_or(0),
    ))
}

/// Reminds confirmed participants `days_before` days ahead of a course's
/// first session, once each.
pub async fn send_reminders(
    db: &DatabaseConnection,
    now: Now,
    settings: &Settings,
    days_before: i64,
) -> Result<u32, SignUpError> {
    let due = sign_up::Entity::find()
        .filter(sign_up::Column::Status.eq(SignUpStatus::Confirmed.code()))
        .filter(sign_up::Column::ReminderSentAt.is_null())
        .all(db)
        .await?;
    let mut sent = 0;
    for row in due {
        let course = offering::Entity::find_by_id(row.offering_id)
            .one(db)
            .await?
            .ok_or(SignUpError::NotFound)?;
        let lang = Lang::parse(&row.lang).unwrap_or_default();
        let detail = course_detail(db, &course.slug, lang, now).await?;
        let Some(first) = detail.course.as_ref().and_then(|c| c.sessions.first()) else {
            continue;
        };
        let window_opens = first.date - Duration::days(days_before);
        if first.starts_at() <= now.local || now.local.date() < window_opens {
            continue;
        }
        let txn = begin(db).await?;
        let Some(row) = sign_up::Entity::find_by_id(row.id)
            .filter(sign_up::Column::ReminderSentAt.is_null())
            .filter(sign_up::Column::Status.eq(SignUpStatus::Confirmed.code()))
            .one(&txn)
            .await?
        else {
            continue;
        };
        let mut active: sign_up::ActiveModel = row.clone().into();
        active.reminder_sent_at = Set(Some(now.utc));
        active.update(&txn).await?;
        Context {
            row: &row,
            detail: &detail,
            settings,
            now,
        }
        .send(&txn, Template::Reminder)
        .await?;
        txn.commit().await?;
        sent += 1;
    }
    Ok(sent)
}

/// Removes the personal data of sign-ups to courses that ended more than
/// `after_days` days ago: a sign-up for a course about an illness can
/// reveal health data, so it is kept no longer than needed.
pub async fn anonymise(
    db: &DatabaseConnection,
    now: Now,
    after_days: i64,
) -> Result<u32, SignUpError> {
    let pending = sign_up::Entity::find()
        .filter(sign_up::Column::AnonymisedAt.is_null())
        .all(db)
        .await?;
    let mut courses: Vec<i32> = pending.iter().map(|s| s.offering_id).collect();
    courses.sort_unstable();
    courses.dedup();
    let mut done = 0;
    for course_id in courses {
        let Some(course) = offering::Entity::find_by_id(course_id).one(db).await? else {
            continue;
        };
        let detail = course_detail(db, &course.slug, Lang::Nb, now).await?;
        let Some(end) = course_end(&detail) else {
            continue;
        };
        if end + Duration::days(after_days) > now.local {
            continue;
        }
        let txn = begin(db).await?;
        let ids: Vec<i32> = pending
            .iter()
            .filter(|s| s.offering_id == course_id)
            .map(|s| s.id)
            .collect();
        sign_up_token::Entity::delete_many()
            .filter(sign_up_token::Column::SignUpId.is_in(ids.clone()))
            .exec(&txn)
            .await?;
        let result = sign_up::Entity::update_many()
            .col_expr(sign_up::Column::ParticipantName, "".into())
            .col_expr(
                sign_up::Column::ParticipantEmail,
                Option::<String>::None.into(),
            )
            .col_expr(
                sign_up::Column::ParticipantPhone,
                Option::<String>::None.into(),
            )
            .col_expr(
                sign_up::Column::RegistrantName,
                Option::<String>::None.into(),
            )
            .col_expr(
                sign_up::Column::RegistrantEmail,
                Option::<String>::None.into(),
            )
            .col_expr(sign_up::Column::NeedsNote, Option::<String>::None.into())
            .col_expr(sign_up::Column::DedupeKey, Option::<String>::None.into())
            .col_expr(sign_up::Column::AnonymisedAt, Some(now.utc).into())
            .filter(sign_up::Column::Id.is_in(ids))
            .exec(&txn)
            .await?;
        txn.commit().await?;
        done += u32::try_from(result.rows_affected).unwrap_or(u32::MAX);
    }
    Ok(done)
}
