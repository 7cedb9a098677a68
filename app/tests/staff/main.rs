//! The staff area's services on every test database, a module a topic in
//! one test binary: signing in by an emailed code or link and sessions,
//! a course's people and who may reach them, publishing, administration.

#[path = "../support/mod.rs"]
mod support;

mod administration;
mod courses;
mod publishing;
mod signing_in;

use app::backend::clock::Now;
use app::backend::staff::{access, sessions, sign_in as code};
use app::domain::lang::Lang;
use regex::Regex;
use support::{Inbox, now};

const COORDINATOR_LMS: &str = "lise@lms.example";
const COORDINATOR_OSTBYEN: &str = "ola@ostbyen.example";
const EDITOR: &str = "redaktor@fjordvik.kommune.example";
/// Listings last confirmed before this are stale (90 days, as by default).
fn stale_since() -> chrono::NaiveDateTime {
    now().utc - chrono::Duration::days(90)
}

/// Sign-in emails an address gets an hour, as by default.
const PER_HOUR: u32 = 5;

/// The six-digit code and the link's token of the last sign-in email to `to`.
async fn emailed(
    db: &app::backend::db::Db,
    inbox: &Inbox,
    to: &str,
    when: Now,
) -> (String, String) {
    let mail = inbox.to_at(db, to, when).await;
    let last = mail.last().unwrap_or_else(|| panic!("no email to {to}"));
    assert!(
        !last.email.subject.contains(char::is_numeric),
        "{}",
        last.email.subject
    );
    let text = &last.email.text;
    let code = Regex::new(r"\b(\d{6})\b").unwrap().captures(text).unwrap()[1].to_string();
    let token = Regex::new(r"/ansatt/logg-inn/lenke\?token=([A-Za-z0-9_-]+)")
        .unwrap()
        .captures(text)
        .unwrap()[1]
        .to_string();
    (code, token)
}

/// Signs `email` in with a code, as the form post does, and returns the
/// member of staff its session belongs to.
async fn signed_in_as(db: &app::backend::db::Db, email: &str) -> access::Staff {
    let inbox = Inbox::new();
    code::request(db, email, Lang::Nb, now(), PER_HOUR)
        .await
        .unwrap();
    let (typed, _) = emailed(db, &inbox, email, now()).await;
    let account = code::verify_code(db, email, &typed, now()).await.unwrap();
    let cookie = sessions::start(db.write(), account.id, false, now())
        .await
        .unwrap();
    access::signed_in(db, Some(&cookie), now()).await.unwrap()
}
