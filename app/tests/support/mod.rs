//! Shared by the sign-up and mail tests: a fixture municipality on every
//! test database, and helpers to read what landed in the outbox.

#![allow(dead_code, reason = "each test binary uses a different part")]

use app::backend::entities::{offering, outbox, sign_up};
use app::backend::sign_up::{Now, Settings};
use app::backend::{import, testing};
use app::domain::sign_up::{SignUpForm, ValidSignUp};
use regex::Regex;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, DatabaseConnection, EntityTrait, QueryFilter, QueryOrder, Set,
};

pub const MINI: &str = include_str!("../fixtures/mini.toml");
pub const COURSE: &str = "leve-med-kols";

/// Monday 14 December 2026, 09.00 in Oslo (08.00 UTC).
pub fn now() -> Now {
    Now::at("2026-12-14T08:00:00".parse().unwrap())
}

pub fn settings() -> Settings {
    Settings {
        public_url: "https://treffpunkt.example".into(),
        ..Settings::default()
    }
}

pub async fn databases() -> Vec<(&'static str, DatabaseConnection)> {
    let dbs = testing::databases().await;
    for (_, db) in &dbs {
        import::import(db, MINI).await.expect("fixture imports");
    }
    dbs
}

/// Sets the test course's capacity and waiting list.
pub async fn set_capacity(db: &DatabaseConnection, capacity: i32, waiting_list: bool) {
    let course = offering::Entity::find()
        .filter(offering::Column::Slug.eq(COURSE))
        .one(db)
        .await
        .unwrap()
        .unwrap();
    let mut active: offering::ActiveModel = course.into();
    active.capacity = Set(Some(capacity));
    active.waiting_list = Set(waiting_list);
    active.update(db).await.unwrap();
}

pub fn person(email: &str) -> ValidSignUp {
    SignUpForm {
        participant_name: format!("Deltaker {email}"),
        participant_email: email.into(),
        consent: true,
        ..Default::default()
    }
    .validate()
    .unwrap()
}

pub async fn outbox_to(db: &DatabaseConnection, to: &str) -> Vec<outbox::Model> {
    outbox::Entity::find()
        .filter(outbox::Column::Recipient.eq(to))
        .order_by_asc(outbox::Column::Id)
        .all(db)
        .await
        .unwrap()
}

/// The token of the last `bekreft` or `avmeld` link in a text.
pub fn token(text: &str, path: &str) -> String {
    let re = Regex::new(&format!(r"/pamelding/{path}\?token=([A-Za-z0-9_-]+)")).unwrap();
    re.captures_iter(text)
        .last()
        .unwrap_or_else(|| panic!("no {path} link in:\n{text}"))[1]
        .to_string()
}

pub async fn sign_ups(db: &DatabaseConnection) -> Vec<sign_up::Model> {
    sign_up::Entity::find()
        .order_by_asc(sign_up::Column::Id)
        .all(db)
        .await
        .unwrap()
}
