//! Shared by the sign-up and mail tests: a fixture municipality on every
//! test database, and a mail worker that keeps what it sends in memory.

#![allow(dead_code, reason = "each test binary uses a different part")]

use app::domain::sign_up::SignUpStatus;
use std::sync::{Arc, Mutex};

use app::backend::clock::Now;
use app::backend::course;
use app::backend::db::Db;
use app::backend::entities::{course_session, offering, sign_up};
use app::backend::mail::transport::Delivered;
use app::backend::mail::worker::Outgoing;
use app::backend::mail::{self, Mailer};
use app::backend::settings::SignUpSettings;
use app::backend::{import, testing};
use app::domain::sign_up::{SignUpForm, ValidSignUp};
use chrono::NaiveDateTime;
use regex::Regex;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, QueryOrder, Set};

pub const MINI: &str = include_str!("../fixtures/mini.toml");
pub const COURSE: &str = "leve-med-kols";
pub const PUBLIC_URL: &str = "https://treffpunkt.example";

/// Monday 14 December 2026, 09.00 in Oslo (08.00 UTC).
pub fn now() -> Now {
    at("2026-12-14T08:00:00")
}

/// The UTC moment `utc`.
pub fn at(utc: &str) -> Now {
    Now::at(utc.parse().unwrap())
}

pub fn settings() -> SignUpSettings {
    SignUpSettings::default()
}

pub fn outgoing() -> Outgoing {
    Outgoing {
        public_url: PUBLIC_URL.into(),
        ..Outgoing::default()
    }
}

pub async fn databases() -> Vec<(&'static str, Db)> {
    let dbs = testing::databases().await;
    for (_, db) in &dbs {
        import::import(db, MINI).await.expect("fixture imports");
    }
    dbs
}

pub async fn course_row(db: &Db, slug: &str) -> offering::Model {
    app::backend::testing::offering(db, slug).await
}

/// Sets the test course's capacity and waiting list.
pub async fn set_capacity(db: &Db, capacity: i32, waiting_list: bool) {
    let mut active: offering::ActiveModel = course_row(db, COURSE).await.into();
    active.capacity = Set(Some(capacity));
    active.waiting_list = Set(waiting_list);
    active.update(db.write()).await.unwrap();
}

/// Moves the test course's sessions to start at the given local times.
pub async fn move_sessions(db: &Db, slug: &str, starts: &[&str]) {
    let course = course_row(db, slug).await;
    course_session::Entity::delete_many()
        .filter(course_session::Column::OfferingId.eq(course.id))
        .exec(db.write())
        .await
        .unwrap();
    for start in starts {
        let start: NaiveDateTime = start.parse().unwrap();
        course_session::ActiveModel {
            offering_id: Set(course.id),
            starts_at: Set(start),
            ends_at: Set(start + chrono::Duration::hours(2)),
            ..Default::default()
        }
        .insert(db.write())
        .await
        .unwrap();
    }
    course::refresh_span(db.write(), course.id).await.unwrap();
}

/// The name [`person`] gives the owner of `email`: "Deltaker kari" for
/// `kari@…` (a name may not look like an address).
pub fn participant_name(email: &str) -> String {
    let local = email.split('@').next().unwrap_or_default();
    format!(
        "Deltaker {}",
        local.replace(|c: char| !c.is_alphanumeric(), " ").trim()
    )
}

pub fn person(email: &str) -> ValidSignUp {
    SignUpForm {
        participant_name: participant_name(email),
        participant_email: email.into(),
        consent: true,
        ..Default::default()
    }
    .validate()
    .unwrap()
}

/// A mail worker writing to memory, and everything it has sent so far.
pub struct Inbox {
    mailer: Mailer,
    sent: Arc<Mutex<Vec<Delivered>>>,
}

impl Inbox {
    pub fn new() -> Self {
        let (mailer, sent) = Mailer::memory();
        Inbox { mailer, sent }
    }

    pub fn mailer(&self) -> &Mailer {
        &self.mailer
    }

    /// Sends what is due at `now` and returns every email ever sent to `to`.
    pub async fn to_at(&self, db: &Db, to: &str, now: Now) -> Vec<Delivered> {
        mail::send_due(db, &self.mailer, &outgoing(), || now)
            .await
            .unwrap();
        self.all()
            .into_iter()
            .filter(|d| d.email.to.eq_ignore_ascii_case(to))
            .collect()
    }

    /// [`Inbox::to_at`] at [`now`].
    pub async fn to(&self, db: &Db, to: &str) -> Vec<Delivered> {
        self.to_at(db, to, now()).await
    }

    pub fn all(&self) -> Vec<Delivered> {
        self.sent.lock().unwrap().clone()
    }
}

/// Signs `email` up for the course and confirms it by the emailed link.
pub async fn sign_up_confirmed(db: &Db, inbox: &Inbox, email: &str) -> SignUpStatus {
    app::backend::sign_up::sign_up(
        db,
        COURSE,
        &person(email),
        app::domain::lang::Lang::Nb,
        now(),
        &settings(),
        None,
    )
    .await
    .unwrap();
    confirm_latest(db, inbox, email).await
}

/// Confirms by the newest confirm link sent to `email`.
pub async fn confirm_latest(db: &Db, inbox: &Inbox, email: &str) -> SignUpStatus {
    let mails = inbox.to(db, email).await;
    let link = mails
        .iter()
        .rev()
        .find_map(|m| try_token(&m.email.text, "bekreft"))
        .unwrap_or_else(|| panic!("no confirm link to {email}"));
    app::backend::sign_up::confirm(db, &link, now())
        .await
        .unwrap()
        .status
}

/// The token of the last `bekreft` or `avmeld` link in a text.
pub fn token(text: &str, path: &str) -> String {
    try_token(text, path).unwrap_or_else(|| panic!("no {path} link in:\n{text}"))
}

pub fn try_token(text: &str, path: &str) -> Option<String> {
    let re = Regex::new(&format!(r"/pamelding/{path}\?token=([A-Za-z0-9_-]+)")).unwrap();
    re.captures_iter(text).last().map(|c| c[1].to_string())
}

pub async fn sign_ups(db: &Db) -> Vec<sign_up::Model> {
    sign_up::Entity::find()
        .order_by_asc(sign_up::Column::Id)
        .all(db.read())
        .await
        .unwrap()
}

/// Undoes quoted-printable, as a mail client would before showing a link.
pub fn unquote(raw: &str) -> String {
    let joined = raw.replace("=\r\n", "").replace("=\n", "");
    let mut out = Vec::new();
    let bytes = joined.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        if bytes[i] == b'='
            && i + 2 < bytes.len()
            && let Ok(b) = u8::from_str_radix(&joined[i + 1..i + 3], 16)
        {
            out.push(b);
            i += 3;
            continue;
        }
        out.push(bytes[i]);
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Every text value in every row of every table, for privacy checks.
pub async fn every_text(db: &Db) -> Vec<(String, String)> {
    use sea_orm::{ConnectionTrait, Statement};
    let mut found = Vec::new();
    for table in [
        "district",
        "category",
        "organisation",
        "organisation_district",
        "venue",
        "offering",
        "offering_text",
        "offering_category",
        "offering_audience",
        "weekly_slot",
        "skipped_date",
        "course_session",
        "sign_up",
        "sign_up_token",
        "outbox",
        "audit_event",
    ] {
        let rows = db
            .read()
            .query_all_raw(Statement::from_string(
                db.backend(),
                format!("SELECT * FROM {table}"),
            ))
            .await
            .unwrap();
        for row in rows {
            for (i, column) in row.column_names().into_iter().enumerate() {
                if let Ok(Some(text)) = row.try_get_by_index::<Option<String>>(i) {
                    found.push((format!("{table}.{column}"), text));
                }
            }
        }
    }
    found
}

/// A new, empty folder under the system's temporary folder.
pub fn fresh_dir(prefix: &str) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!(
        "{prefix}-{}-{}",
        std::process::id(),
        std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos()
    ));
    std::fs::create_dir_all(&dir).unwrap();
    dir
}
