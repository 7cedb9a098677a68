//! What an outbox row becomes at the moment it is sent: the course as it
//! is now, the sign-up as it is now, and fresh link tokens (stored only as
//! hashes), so no working link ever rests in the database.

use std::collections::HashMap;

use chrono::{Duration, NaiveDateTime};
use sea_orm::EntityTrait;

use super::EmailKind;
use super::render::{self, Email};
use crate::backend::clock::{Now, oslo, utc_of_oslo};
use crate::backend::db::Db;
use crate::backend::directory;
use crate::backend::entities::{outbox, sign_up};
use crate::backend::sign_up::tokens::{self, Purpose};
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

    /// The email `row` asks for, as of `now`.
    pub async fn compose(&mut self, row: &outbox::Model, now: Now) -> Result<Composed, AppError> {
        let (Some(to), Some(course_id)) = (row.recipient.as_deref(), row.offering_id) else {
            return Ok(Composed::Discard);
        };
        let person = match row.sign_up_id {
            Some(id) => match sign_up::Entity::find_by_id(id).one(self.db.read()).await? {
                Some(person) if person.anonymised_at.is_none() => Some(person),
                _ => return Ok(Composed::Discard),
            },
            None => None,
        };
        let public_url = self.public_url;
        let db = self.db;
        let detail = self.course(course_id, row.lang, now).await?;
        let course_end = detail
            .course
            .as_ref()
            .and_then(|c| c.sessions.iter().map(|s| s.ends_at()).max());

        let mut confirm_url = None;
        let mut cancel_url = None;
        let mut hold_until = None;
        if let Some(person) = person.as_ref().filter(|p| p.status.is_active()) {
            let links_expire = links_expire(course_end, now);
            let mut wanted = Vec::new();
            if asks_to_confirm(row.kind) && person.email_confirmed_at.is_none() {
                let expires = person.hold_expires_at.unwrap_or(links_expire);
                wanted.push((Purpose::Confirm, expires));
            }
            if row.kind != EmailKind::Cancelled {
                wanted.push((Purpose::Cancel, links_expire));
            }
            let issued = tokens::issue(db.write(), person.id, &wanted).await?;
            for ((purpose, _), token) in wanted.iter().zip(issued) {
                let (url, path) = match purpose {
                    Purpose::Confirm => (&mut confirm_url, paths::confirm_link(&token)),
                    Purpose::Cancel => (&mut cancel_url, paths::cancel_link(&token)),
                };
                *url = Some(paths::absolute(public_url, &path));
            }
            if person.status == SignUpStatus::AwaitingConfirmation {
                hold_until = person.hold_expires_at.map(oslo);
            }
        }
        let position = match row.kind {
            EmailKind::WaitingList => row.position.and_then(|p| u32::try_from(p).ok()),
            _ => None,
        };
        Ok(Composed::Send(render::render(&render::Input {
            kind: row.kind,
            lang: row.lang,
            to,
            sign_up: person.as_ref(),
            detail,
            position,
            confirm_url,
            cancel_url,
            hold_until,
            today: now.local.date(),
            page_url: paths::absolute(public_url, &paths::offering(&detail.card.slug)),
            stamp: now.utc.and_utc(),
        })))
    }
}

/// When a course's links stop working, in UTC: the day after its last
/// session, reckoned with the Oslo offset of that day (not today's).
fn links_expire(course_end_local: Option<NaiveDateTime>, now: Now) -> NaiveDateTime {
    course_end_local.map_or(now.utc + Duration::days(365), |end| {
        utc_of_oslo(end + Duration::days(1))
    })
}
