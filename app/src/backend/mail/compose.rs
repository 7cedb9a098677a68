//! What an outbox row becomes at the moment it is sent: the course as it
//! is now, the sign-up as it is now, and fresh link tokens (stored only as
//! hashes), so no working link ever rests in the database.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use sea_orm::{DatabaseTransaction, DbBackend, EntityTrait, QuerySelect};

use super::EmailKind;
use super::render::{self, Email};
use crate::backend::clock::{Now, oslo, utc_of_oslo};
use crate::backend::course;
use crate::backend::db::Db;
use crate::backend::directory;
use crate::backend::entities::{course_message, outbox, sign_up};
use crate::backend::sign_up::limits::mailbox_key;
use crate::backend::sign_up::notify;
use crate::backend::tokens::{self, Purpose};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingDetail;
use crate::domain::sign_up::SignUpStatus;
use crate::paths;

/// What to do with a row.
pub enum Composed {
    Send(Email),
    /// Nothing to send any more: the sign-up was anonymised, or the
    /// recipient is gone.
    Discard,
}

/// Writes emails for one pass of the worker, reading each course once per
/// language.
pub struct Composer<'a> {
    db: &'a Db,
    public_url: &'a str,
    courses: HashMap<(i32, Lang), OfferingDetail>,
}

/// The kinds that ask the reader to confirm their address, as long as it
/// is not confirmed yet.
fn asks_to_confirm(kind: EmailKind) -> bool {
    matches!(
        kind,
        EmailKind::ConfirmRequest
            | EmailKind::WaitingList
            | EmailKind::Promoted
            | EmailKind::AlreadySignedUp
    )
}

impl<'a> Composer<'a> {
    pub fn new(db: &'a Db, public_url: &'a str) -> Self {
        Composer {
            db,
            public_url,
            courses: HashMap::new(),
        }
    }

    async fn course(&mut self, id: i32, lang: Lang, now: Now) -> Result<&OfferingDetail, AppError> {
        if !self.courses.contains_key(&(id, lang)) {
            let detail = directory::detail_by_id(self.db.read(), id, lang, now.local).await?;
            self.courses.insert((id, lang), detail);
        }
        Ok(&self.courses[&(id, lang)])
    }

    /// The email `row` asks for, as of `now`, or nothing when what it
    /// would say is no longer true.
    pub async fn compose(&mut self, row: &outbox::Model, now: Now) -> Result<Composed, AppError> {
        if row.kind == EmailKind::SignInCode {
            return self.sign_in(row, now).await;
        }
        if row.kind == EmailKind::StaleReminder {
            return self.stale(row, now).await;
        }
        let (Some(to), Some(course_id)) = (row.recipient.as_deref(), row.offering_id) else {
            return Ok(Composed::Discard);
        };
        let (public_url, db) = (self.public_url, self.db);
        let detail = self.course(course_id, row.lang, now).await?;
        let mut links = Links::default();
        let mut position = None;
        let person = match row.sign_up_id {
            None => None,
            Some(id) => {
                // Read again under the writer (SQLite) or a row lock
                // (PostgreSQL): anonymisation and the person's own clicks
                // cannot slip in between this read and the new links.
                let txn = db.begin().await?;
                let mut query = sign_up::Entity::find_by_id(id);
                if db.backend() == DbBackend::Postgres {
                    query = query.lock_exclusive();
                }
                let person = match query.one(&txn).await? {
                    Some(p) if p.anonymised_at.is_none() && still_true(row.kind, &p) => p,
                    _ => {
                        txn.commit().await?;
                        return Ok(Composed::Discard);
                    }
                };
                links = Links::issue(&txn, row.kind, &person, to, detail, public_url, now).await?;
                if row.kind == EmailKind::WaitingList {
                    position = Some(
                        course::waiting_position(&txn, person.offering_id, person.queue_number)
                            .await?,
                    );
                }
                txn.commit().await?;
                Some(person)
            }
        };
        let message = match (row.kind, row.course_message_id) {
            (EmailKind::CourseMessage, Some(id)) => {
                match course_message::Entity::find_by_id(id)
                    .one(db.read())
                    .await?
                {
                    Some(m) => Some(m.body),
                    None => return Ok(Composed::Discard),
                }
            }
            (EmailKind::CourseMessage, None) => return Ok(Composed::Discard),
            _ => None,
        };
        let confirm_by = person
            .as_ref()
            .filter(|p| p.status == SignUpStatus::AwaitingConfirmation)
            .and_then(|p| p.confirm_by)
            .map(oslo);
        Ok(Composed::Send(render::render(&render::Input {
            kind: row.kind,
            lang: row.lang,
            to,
            sign_up: person.as_ref(),
            detail,
            position,
            confirm_url: links.confirm,
            cancel_url: links.cancel,
            confirm_by,
            message,
            today: now.local.date(),
            page_url: paths::absolute(public_url, &paths::offering(&detail.card.slug)),
            stamp: now.utc.and_utc(),
        })))
    }
}

impl Composer<'_> {
    /// A staff sign-in email, with a code and link made now; nothing once
    /// the sign-in was used or ran out.
    async fn sign_in(&self, row: &outbox::Model, now: Now) -> Result<Composed, AppError> {
        let (Some(to), Some(id)) = (row.recipient.as_deref(), row.sign_in_id) else {
            return Ok(Composed::Discard);
        };
        let txn = self.db.begin().await?;
        let issued = crate::backend::staff::sign_in::issue(&txn, id, now).await?;
        txn.commit().await?;
        let Some(issued) = issued else {
            return Ok(Composed::Discard);
        };
        let link = paths::absolute(self.public_url, &paths::staff_sign_in_link(&issued.token));
        Ok(Composed::Send(render::sign_in(&render::SignInInput {
            lang: row.lang,
            to,
            name: &issued.name,
            code: &issued.code,
            link,
            minutes: crate::backend::staff::sign_in::VALID_FOR.num_minutes(),
        })))
    }
}

impl Composer<'_> {
    /// A reminder to a coordinator to confirm or update a listing; nothing
    /// once someone has (the reminder mark is cleared by it).
    async fn stale(&mut self, row: &outbox::Model, now: Now) -> Result<Composed, AppError> {
        use crate::backend::entities::offering;
        let (Some(to), Some(id)) = (row.recipient.as_deref(), row.offering_id) else {
            return Ok(Composed::Discard);
        };
        let still_stale = offering::Entity::find_by_id(id)
            .one(self.db.read())
            .await?
            .is_some_and(|o| o.stale_reminded_at.is_some());
        if !still_stale {
            return Ok(Composed::Discard);
        }
        let public_url = self.public_url;
        let detail = self.course(id, row.lang, now).await?;
        Ok(Composed::Send(render::stale(&render::StaleInput {
            lang: row.lang,
            to,
            title: &detail.card.text.title,
            confirmed_on: detail.confirmed_on,
            link: paths::absolute(public_url, &paths::staff_offering(id)),
            today: now.local.date(),
        })))
    }
}

/// Whether what an email of `kind` says still holds for the sign-up: no
/// "your place is confirmed" after a cancellation, no request to confirm
/// once confirmed (say, through the other person's email).
fn still_true(kind: EmailKind, person: &sign_up::Model) -> bool {
    let status = person.status;
    match kind {
        EmailKind::ConfirmRequest => {
            status == SignUpStatus::AwaitingConfirmation && person.email_confirmed_at.is_none()
        }
        EmailKind::WaitingList => status == SignUpStatus::WaitingList,
        EmailKind::Confirmed | EmailKind::Reminder => status == SignUpStatus::Confirmed,
        EmailKind::Promoted => status.holds_place(),
        EmailKind::Cancelled => status == SignUpStatus::Cancelled,
        EmailKind::AlreadySignedUp | EmailKind::DateCancelled | EmailKind::CourseMessage => {
            status.is_active()
        }
        EmailKind::CourseFull => status == SignUpStatus::Full,
        // Not about one sign-up; never reaches here.
        EmailKind::SignInCode | EmailKind::StaleReminder | EmailKind::SignUpReceived => false,
    }
}

/// The links an email carries, as absolute URLs.
#[derive(Default)]
struct Links {
    confirm: Option<String>,
    cancel: Option<String>,
}

impl Links {
    /// Fresh tokens for what the email asks of its reader: to confirm,
    /// while the address is unconfirmed and only to the address that
    /// confirms, and to cancel, while there is something to cancel.
    async fn issue(
        txn: &DatabaseTransaction,
        kind: EmailKind,
        person: &sign_up::Model,
        to: &str,
        detail: &OfferingDetail,
        public_url: &str,
        now: Now,
    ) -> Result<Links, AppError> {
        let mut links = Links::default();
        if !person.status.is_active() {
            return Ok(links);
        }
        let course_end = detail
            .course
            .as_ref()
            .and_then(|c| c.sessions.iter().map(|s| s.ends_at()).max());
        let links_expire = links_expire(course_end, now);
        let mut wanted = Vec::new();
        let confirms = notify::confirmer(person).is_some_and(|c| mailbox_key(c) == mailbox_key(to));
        if asks_to_confirm(kind) && person.email_confirmed_at.is_none() && confirms {
            wanted.push((Purpose::Confirm, person.confirm_by.unwrap_or(links_expire)));
        }
        if kind != EmailKind::Cancelled {
            wanted.push((Purpose::Cancel, links_expire));
        }
        let issued = tokens::issue(txn, person.id, &wanted).await?;
        for ((purpose, _), token) in wanted.iter().zip(issued) {
            let (url, path) = match purpose {
                Purpose::Confirm => (&mut links.confirm, paths::confirm_link(&token)),
                Purpose::Cancel => (&mut links.cancel, paths::cancel_link(&token)),
            };
            *url = Some(paths::absolute(public_url, &path));
        }
        Ok(links)
    }
}

/// When a course's links stop working, in UTC: the day after its last
/// session, reckoned with the Oslo offset of that day (not today's).
fn links_expire(course_end_local: Option<NaiveDateTime>, now: Now) -> NaiveDateTime {
    course_end_local.map_or(now.utc + Duration::days(365), |end| {
        utc_of_oslo(end + Duration::days(1))
    })
}
