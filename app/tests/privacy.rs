//! Nothing personal outlives its purpose, on every test database: after
//! anonymisation no row and no file holds the person or a working link;
//! a sent email's recipient and file go soon after sending; and a course
//! taken off the site stops neither the jobs nor its links.

mod support;

use std::path::{Path, PathBuf};
use std::sync::Arc;

use app::backend::db::Db;
use app::backend::entities::{offering, outbox};
use app::backend::jobs::{Worker, anonymise};
use app::backend::mail::{self, Mailer, OutboxStatus, Transport};
use app::backend::settings::Settings;
use app::backend::sign_up::{self as service, Purpose};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::offering::OfferingStatus;
use app::domain::sign_up::{SignUpForm, SignUpStatus};
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
use support::*;

fn mail_dir() -> PathBuf {
    fresh_dir("treffpunkt-mail")
}

fn files_mailer(dir: &Path) -> Mailer {
    Mailer::new(
        Transport::Files(dir.to_path_buf()),
        "Treffpunkt <ikke-svar@treffpunkt.example>".parse().unwrap(),
        std::time::Duration::from_secs(20),
    )
}

fn files(dir: &Path) -> Vec<String> {
    std::fs::read_dir(dir)
        .unwrap()
        .map(|e| unquote(&std::fs::read_to_string(e.unwrap().path()).unwrap()))
        .collect()
}

fn worker(db: &Db, mailer: &Mailer) -> Worker {
    let (_, shutdown) = tokio::sync::watch::channel(false);
    Worker {
        db: db.clone(),
        mailer: mailer.clone(),
        settings: Settings::default(),
        wake: Arc::new(tokio::sync::Notify::new()),
        shutdown,
    }
}

/// Everything that would identify Astrid or her daughter.
const PERSONAL: [&str; 6] = [
    "astrid.saernavn",
    "kari.saernavn",
    "Særnavn",
    "987 65 431",
    "Trenger tolk",
    "saernavn@",
];

fn leaks<'a>(texts: impl IntoIterator<Item = &'a str>, secrets: &[String]) -> Vec<String> {
    texts
        .into_iter()
        .flat_map(|text| {
            PERSONAL
                .iter()
                .map(|s| s.to_string())
                .chain(secrets.iter().cloned())
                .filter(move |s| text.to_lowercase().contains(&s.to_lowercase()))
        })
        .collect()
}

#[tokio::test]
async fn anonymisation_leaves_no_person_and_no_working_link_in_any_row_or_file() {
    for (backend, db) in databases().await {
        let (s, dir) = (settings(), mail_dir());
        let mailer = files_mailer(&dir);
        let form = SignUpForm {
            participant_name: "Astrid Særnavn".into(),
            participant_email: "astrid.saernavn@example.no".into(),
            participant_phone: "+47 987 65 431".into(),
            on_behalf: true,
            registrant_name: "Kari Særnavn".into(),
            registrant_email: "kari.saernavn@example.no".into(),
            needs_note: "Trenger tolk".into(),
            consent: true,
            ..Default::default()
        };
        service::sign_up(
            &db,
            COURSE,
            &form.validate().unwrap(),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        let confirm = token(&files(&dir).join("\n"), "bekreft");
        service::confirm(&db, &confirm, now()).await.unwrap();
        mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        let emails = files(&dir);
        assert_eq!(emails.len(), 4, "{backend}: two emails to each");
        let all_links: Vec<String> = emails
            .iter()
            .flat_map(|e| {
                ["bekreft", "avmeld"]
                    .into_iter()
                    .filter_map(|p| try_token(e, p))
                    .collect::<Vec<_>>()
            })
            .collect();
        assert!(all_links.len() >= 4, "{backend}: {all_links:?}");

        // While the course runs, the data is there for its purpose, but no
        // row ever holds an email's text or a link.
        let texts = every_text(&db).await;
        assert!(
            texts.iter().any(|(_, t)| t.contains("astrid.saernavn")),
            "{backend}: the sign-up is stored"
        );
        let stored_links = leaks(texts.iter().map(|(_, t)| t.as_str()), &all_links)
            .into_iter()
            .filter(|l| all_links.contains(l))
            .collect::<Vec<_>>();
        assert!(
            stored_links.is_empty(),
            "{backend}: links at rest: {stored_links:?}"
        );

        // A month after the last session, the worker's jobs run.
        let month_after = at("2027-02-20T09:00:00");
        worker(&db, &mailer).jobs(month_after).await;

        let texts = every_text(&db).await;
        let left: Vec<_> = texts
            .iter()
            .filter(|(_, t)| !leaks([t.as_str()], &all_links).is_empty())
            .collect();
        assert!(left.is_empty(), "{backend}: still there: {left:?}");
        for link in &all_links {
            for purpose in [Purpose::Confirm, Purpose::Cancel] {
                let view = service::view_link(&db, link, purpose, now()).await;
                assert_eq!(view.unwrap_err(), AppError::LinkInvalid, "{backend}");
            }
        }
        let rows = sign_ups(&db).await;
        assert!(rows.iter().all(|r| r.anonymised_at.is_some()), "{backend}");
        assert!(files(&dir).is_empty(), "{backend}: the .eml files are gone");

        if backend == "sqlite" {
            assert_sqlite_file_forgot(&db, &all_links).await;
        }
    }
}

/// The SQLite file itself, as the jobs leave it, not only what queries
/// see: deleted content must not linger in free pages or the write-ahead
/// log.
async fn assert_sqlite_file_forgot(db: &Db, links: &[String]) {
    use sea_orm::ConnectionTrait;
    let path = match db.read().get_database_backend() {
        sea_orm::DbBackend::Sqlite => {
            let rows = db
                .read()
                .query_all_raw(sea_orm::Statement::from_string(
                    sea_orm::DbBackend::Sqlite,
                    "PRAGMA database_list",
                ))
                .await
                .unwrap();
            rows[0].try_get_by_index::<String>(2).unwrap()
        }
        _ => unreachable!(),
    };
    for file in [path.clone(), format!("{path}-wal")] {
        let Ok(bytes) = std::fs::read(&file) else {
            continue;
        };
        let text = String::from_utf8_lossy(&bytes);
        let found = leaks([text.as_ref()], links);
        assert!(found.is_empty(), "sqlite: {file} still holds {found:?}");
    }
}

#[tokio::test]
async fn a_sign_up_that_ended_early_is_forgotten_a_day_later() {
    use app::backend::jobs::anonymise;
    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        for who in ["gone@example.no", "stays@example.no"] {
            sign_up_confirmed(&db, &inbox, who).await;
        }
        let to_gone = inbox.to(&db, "gone@example.no").await.remove(0);
        service::cancel(&db, &token(&to_gone.email.text, "avmeld"), now())
            .await
            .unwrap();
        let soon = at("2026-12-15T07:00:00");
        assert_eq!(anonymise::run(&db, soon, 30).await.unwrap().sign_ups, 0);
        let next_day = at("2026-12-15T08:01:00");
        let done = anonymise::run(&db, next_day, 30).await.unwrap();
        assert_eq!(done.sign_ups, 1, "{backend}");
        assert!(
            !done.message_ids.is_empty(),
            "{backend}: its emails' files go too"
        );
        let rows = sign_ups(&db).await;
        assert_eq!(rows[0].participant_email, None, "{backend}");
        assert_eq!(rows[0].participant_name, "", "{backend}");
        assert_eq!(
            (rows[0].client_key.clone(), rows[0].dedupe_key.clone()),
            (None, None)
        );
        assert_eq!(
            rows[1].participant_email.as_deref(),
            Some("stays@example.no"),
            "{backend}: the course has not run yet"
        );
        if backend == "sqlite" {
            assert_sqlite_file_forgot(&db, &["gone@example.no".to_string()]).await;
        }
    }
}

#[tokio::test]
async fn a_sent_email_keeps_only_a_masked_recipient_soon_after() {
    for (backend, db) in databases().await {
        let (s, dir) = (settings(), mail_dir());
        let mailer = files_mailer(&dir);
        service::sign_up(
            &db,
            COURSE,
            &person("kari@nordmann.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        assert_eq!(files(&dir).len(), 1, "{backend}");

        // Within the hour the recipient stays, for "did it go?".
        let jobs = worker(&db, &mailer);
        jobs.jobs(at("2026-12-14T08:30:00")).await;
        let row = &outbox::Entity::find().all(db.read()).await.unwrap()[0];
        assert_eq!(
            row.recipient.as_deref(),
            Some("kari@nordmann.no"),
            "{backend}"
        );

        jobs.jobs(at("2026-12-14T09:01:00")).await;
        let row = &outbox::Entity::find().all(db.read()).await.unwrap()[0];
        assert_eq!(row.recipient, None, "{backend}");
        assert_eq!(row.recipient_masked, "k***@n***.no", "{backend}");
        assert_eq!(row.status, OutboxStatus::Sent, "{backend}");
        assert!(row.purged_at.is_some(), "{backend}");
        assert!(files(&dir).is_empty(), "{backend}: the file went too");
        assert!(
            every_text(&db)
                .await
                .iter()
                .filter(|(table, _)| table.starts_with("outbox."))
                .all(|(_, t)| !t.contains("nordmann.no")),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn an_archived_course_stops_neither_the_jobs_nor_its_links() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        // Two courses with sign-ups, both over by March.
        move_sessions(&db, "gammelt-kurs", &["2027-01-05T18:00:00"]).await;
        service::sign_up(
            &db,
            "gammelt-kurs",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        set_capacity(&db, 1, true).await;
        service::sign_up(
            &db,
            COURSE,
            &person("b@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        service::sign_up(
            &db,
            COURSE,
            &person("c@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();

        // The course the jobs reach first is taken off the site.
        let first = course_row(&db, COURSE).await;
        assert!(
            first.id < course_row(&db, "gammelt-kurs").await.id,
            "{backend}"
        );
        let mut archived: offering::ActiveModel = first.into();
        archived.status = Set(OfferingStatus::Archived);
        archived.update(db.write()).await.unwrap();

        // Its links still work: b confirms, then cancels, and the place
        // goes to c, who is told by email.
        let to_b = inbox.to(&db, "b@example.no").await.remove(0);
        assert_eq!(
            service::confirm(&db, &token(&to_b.email.text, "bekreft"), now())
                .await
                .unwrap()
                .status,
            SignUpStatus::Confirmed,
            "{backend}"
        );
        assert_eq!(
            confirm_latest(&db, &inbox, "c@example.no").await,
            SignUpStatus::WaitingList,
            "{backend}"
        );
        assert_eq!(
            service::cancel(&db, &token(&to_b.email.text, "avmeld"), now())
                .await
                .unwrap()
                .status,
            SignUpStatus::Cancelled,
            "{backend}"
        );
        assert_eq!(
            sign_ups(&db).await[2].status,
            SignUpStatus::Confirmed,
            "{backend}: c moved up"
        );
        let to_c = inbox.to(&db, "c@example.no").await;
        assert_eq!(
            to_c.last().unwrap().email.subject,
            "Leve med kols: du har fått plass",
            "{backend}: emails about an archived course are still written"
        );

        // Both courses are anonymised, the archived first one included.
        let done = anonymise::run(&db, at("2027-03-01T09:00:00"), 30)
            .await
            .unwrap();
        assert_eq!(done.sign_ups, 3, "{backend}");
        assert!(
            sign_ups(&db)
                .await
                .iter()
                .all(|r| r.anonymised_at.is_some()),
            "{backend}"
        );
    }
}
