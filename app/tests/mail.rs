//! The outbox against a real SMTP server (Debian's aiosmtpd, started here
//! per test): messages arrive once, their links work, an outage loses and
//! doubles nothing, two workers never send one email twice, and a crashed
//! send is retried after one send timeout.

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use app::backend::clock::Now;
use app::backend::entities::outbox;
use app::backend::mail::outbox::{Outcome, claim_next, finish, renew};
use app::backend::mail::transport::plain_smtp;
use app::backend::mail::worker::{Outgoing, Retry};
use app::backend::mail::{self, OutboxStatus};
use app::backend::sign_up as service;
use app::domain::lang::Lang;
use app::domain::sign_up::SignUpStatus;
use chrono::Duration;
use sea_orm::EntityTrait;
use support::*;

struct SmtpServer {
    child: Child,
}

impl SmtpServer {
    /// aiosmtpd writing every message it accepts into the Maildir `dir`.
    fn start(port: u16, dir: &Path) -> Self {
        let child = Command::new("/usr/bin/python3")
            .args(["-m", "aiosmtpd", "-n", "-l", &format!("127.0.0.1:{port}")])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(dir)
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("aiosmtpd runs (the test command installs python3-aiosmtpd)");
        let started = Instant::now();
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                started.elapsed() < StdDuration::from_secs(15),
                "aiosmtpd did not start"
            );
            std::thread::sleep(StdDuration::from_millis(50));
        }
        SmtpServer { child }
    }
}

impl Drop for SmtpServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port()
}

fn maildir() -> PathBuf {
    let dir = fresh_dir("treffpunkt-mail");
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    dir
}

/// Every message in the Maildir, as raw text.
fn messages(dir: &Path) -> Vec<String> {
    let mut all = Vec::new();
    for sub in ["new", "cur"] {
        if let Ok(entries) = std::fs::read_dir(dir.join(sub)) {
            for entry in entries {
                all.push(std::fs::read_to_string(entry.unwrap().path()).unwrap());
            }
        }
    }
    all
}

fn message_id(raw: &str) -> String {
    raw.lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .expect("a Message-ID")
        .trim()
        .to_string()
}

fn distinct_ids(received: &[String]) -> usize {
    let mut ids: Vec<String> = received.iter().map(|m| message_id(m)).collect();
    ids.sort();
    ids.dedup();
    ids.len()
}

#[tokio::test]
async fn emails_arrive_over_smtp_and_their_links_work() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let _server = SmtpServer::start(port, &dir);
        let (s, mailer) = (settings(), plain_smtp("127.0.0.1", port));
        service::sign_up(
            &db,
            COURSE,
            &person("kari@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let pass = mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        assert_eq!(pass.sent, 1, "{backend}");

        let received = messages(&dir);
        assert_eq!(received.len(), 1, "{backend}");
        let raw = &received[0];
        assert!(raw.contains("To: kari@example.no"), "{backend}");
        let id = message_id(raw);
        assert!(
            id.len() > 34 && id.ends_with("@treffpunkt.example>"),
            "{backend}: a random Message-ID: {id}"
        );
        assert!(!id.contains("outbox-"), "{backend}: not a row number: {id}");
        assert!(
            raw.contains("multipart/alternative"),
            "{backend}: text and HTML"
        );
        let text = unquote(raw);
        assert!(
            text.contains("https://treffpunkt.example/pamelding/bekreft?token="),
            "{backend}: absolute links"
        );
        let confirmed = service::confirm(&db, &token(&text, "bekreft"), now())
            .await
            .unwrap();
        assert_eq!(confirmed.status, SignUpStatus::Confirmed, "{backend}");

        mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        let received = messages(&dir);
        assert_eq!(received.len(), 2, "{backend}");
        let confirmation = received
            .iter()
            .find(|m| m.contains("text/calendar"))
            .expect("the .ics is attached");
        let cancelled = service::cancel(&db, &token(&unquote(confirmation), "avmeld"), now())
            .await
            .unwrap();
        assert_eq!(cancelled.status, SignUpStatus::Cancelled, "{backend}");
    }
}

#[tokio::test]
async fn an_smtp_outage_loses_and_doubles_nothing() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let (s, mailer) = (settings(), plain_smtp("127.0.0.1", port));
        for who in ["a", "b", "c"] {
            service::sign_up(
                &db,
                COURSE,
                &person(&format!("{who}@example.no")),
                Lang::Nb,
                now(),
                &s,
                None,
            )
            .await
            .unwrap();
        }
        // Nobody listens: every send fails and is put back for later.
        let pass = mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        assert_eq!((pass.sent, pass.retried), (0, 3), "{backend}");
        let pass = mail::send_due(&db, &mailer, &outgoing(), now)
            .await
            .unwrap();
        assert_eq!(
            pass,
            mail::Pass::default(),
            "{backend}: nothing is due before the backoff"
        );
        let ids_before: Vec<String> = outbox::Entity::find()
            .all(db.read())
            .await
            .unwrap()
            .into_iter()
            .map(|r| r.message_id)
            .collect();

        let _server = SmtpServer::start(port, &dir);
        let later = Now::at(now().utc + Duration::hours(1));
        assert_eq!(
            mail::send_due(&db, &mailer, &outgoing(), || later)
                .await
                .unwrap()
                .sent,
            3,
            "{backend}"
        );
        assert_eq!(
            mail::send_due(&db, &mailer, &outgoing(), || later)
                .await
                .unwrap()
                .sent,
            0,
            "{backend}"
        );
        let received = messages(&dir);
        assert_eq!(
            (received.len(), distinct_ids(&received)),
            (3, 3),
            "{backend}: each once"
        );
        let mut ids: Vec<String> = received.iter().map(|m| message_id(m)).collect();
        ids.sort();
        let mut expected: Vec<String> = ids_before
            .iter()
            .map(|id| format!("<{id}@treffpunkt.example>"))
            .collect();
        expected.sort();
        assert_eq!(
            ids, expected,
            "{backend}: a retry keeps the Message-ID queued with the row"
        );
        let rows = outbox::Entity::find().all(db.read()).await.unwrap();
        assert!(
            rows.iter().all(|r| r.status == OutboxStatus::Sent),
            "{backend}"
        );
        assert!(
            rows.iter().all(|r| r.last_error.is_none()),
            "{backend}: a success clears the error"
        );
    }
}

#[tokio::test]
async fn a_crashed_send_is_retried_after_one_send_timeout_and_only_once() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let _server = SmtpServer::start(port, &dir);
        let (s, mailer, out) = (settings(), plain_smtp("127.0.0.1", port), outgoing());
        service::sign_up(
            &db,
            COURSE,
            &person("d@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        // A worker claims the row and dies before finishing it.
        let crashed = claim_next(&db, now().utc, out.claim)
            .await
            .unwrap()
            .unwrap();
        assert_eq!(
            out.claim,
            Duration::seconds(30),
            "{backend}: 20 s send timeout and 10 s"
        );
        let nearly = Now::at(now().utc + out.claim - Duration::seconds(1));
        assert_eq!(
            mail::send_due(&db, &mailer, &out, || nearly)
                .await
                .unwrap()
                .sent,
            0,
            "{backend}: the claim still holds"
        );
        let after = Now::at(now().utc + out.claim + Duration::seconds(1));
        assert_eq!(
            mail::send_due(&db, &mailer, &out, || after)
                .await
                .unwrap()
                .sent,
            1,
            "{backend}: sent again once the claim ran out"
        );
        // The crashed worker comes back: it can neither renew its claim…
        assert!(
            !renew(&db, &crashed, after.utc, out.claim).await.unwrap(),
            "{backend}"
        );
        // …nor report a failure over the success.
        let late = Outcome::Retry {
            at: now().utc,
            error: "connection reset".into(),
        };
        assert!(
            !finish(&db, &crashed, late, after.utc).await.unwrap(),
            "{backend}"
        );
        let row = &outbox::Entity::find().all(db.read()).await.unwrap()[0];
        assert_eq!(
            row.status,
            OutboxStatus::Sent,
            "{backend}: a late failure never overwrites a success"
        );
        assert_eq!(messages(&dir).len(), 1, "{backend}");
    }
}

#[tokio::test]
async fn an_email_discarded_by_anonymisation_while_in_flight_stays_discarded() {
    for (backend, db) in databases().await {
        let (s, out) = (settings(), outgoing());
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let in_flight = claim_next(&db, now().utc, out.claim)
            .await
            .unwrap()
            .unwrap();
        // The course ended long ago (say the worker was down for weeks).
        move_sessions(&db, COURSE, &["2026-10-01T18:00:00"]).await;
        app::backend::jobs::anonymise::run(&db, now(), 30)
            .await
            .unwrap();
        assert!(
            !finish(&db, &in_flight, Outcome::Sent, now().utc)
                .await
                .unwrap(),
            "{backend}"
        );
        let row = &outbox::Entity::find().all(db.read()).await.unwrap()[0];
        assert_eq!(row.status, OutboxStatus::Discarded, "{backend}");
        assert_eq!(row.recipient, None, "{backend}");
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_workers_on_one_database_send_each_email_once() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let _server = SmtpServer::start(port, &dir);
        let s = settings();
        set_capacity(&db, 100, true).await;
        for n in 0..40 {
            service::sign_up(
                &db,
                COURSE,
                &person(&format!("p{n}@example.no")),
                Lang::Nb,
                now(),
                &s,
                None,
            )
            .await
            .unwrap();
        }
        let workers: Vec<_> = (0..2)
            .map(|_| {
                let db = db.clone();
                tokio::spawn(async move {
                    let mailer = plain_smtp("127.0.0.1", port);
                    mail::send_due(&db, &mailer, &outgoing(), now)
                        .await
                        .unwrap()
                })
            })
            .collect();
        let mut sent = 0;
        for w in workers {
            sent += w.await.unwrap().sent;
        }
        let received = messages(&dir);
        assert_eq!(sent, 40, "{backend}");
        assert_eq!(
            (received.len(), distinct_ids(&received)),
            (40, 40),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn a_row_that_keeps_failing_is_marked_failed_with_the_address_masked() {
    for (backend, db) in databases().await {
        let out = Outgoing {
            retry: Retry {
                max_attempts: 2,
                ..outgoing().retry
            },
            ..outgoing()
        };
        let mailer = plain_smtp("127.0.0.1", free_port());
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &settings(),
            None,
        )
        .await
        .unwrap();
        mail::send_due(&db, &mailer, &out, now).await.unwrap();
        let tomorrow = Now::at(now().utc + Duration::days(1));
        let pass = mail::send_due(&db, &mailer, &out, || tomorrow)
            .await
            .unwrap();
        assert_eq!(pass.failed, 1, "{backend}");
        let row = &outbox::Entity::find().all(db.read()).await.unwrap()[0];
        assert_eq!(
            (row.status, row.attempts),
            (OutboxStatus::Failed, 2),
            "{backend}"
        );
        assert!(row.last_error.is_some(), "{backend}");
        assert!(row.finished_at.is_some(), "{backend}");
    }
}
