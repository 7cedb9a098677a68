//! The outbox against a real SMTP server (Debian's aiosmtpd, started here
//! per test): messages arrive once, their links work, and an outage loses
//! and doubles nothing.

mod support;

use std::net::{TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration as StdDuration, Instant};

use app::backend::entities::outbox;
use app::backend::mail::{self, Mailer, Retry, Tls};
use app::backend::sign_up as service;
use app::domain::lang::Lang;
use app::domain::sign_up::SignUpStatus;
use chrono::Duration;
use sea_orm::{ActiveModelTrait, EntityTrait, Set};
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
    let dir = std::env::temp_dir().join(format!(
        "treffpunkt-mail-{}-{}",
        std::process::id(),
        rand_suffix()
    ));
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(dir.join(sub)).unwrap();
    }
    dir
}

fn rand_suffix() -> u128 {
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos()
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

/// Undoes quoted-printable, as a mail client would before showing a link.
fn unquote(raw: &str) -> String {
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

fn message_id(raw: &str) -> String {
    raw.lines()
        .find_map(|l| l.strip_prefix("Message-ID: "))
        .expect("a Message-ID")
        .trim()
        .to_string()
}

fn mailer(port: u16) -> Mailer {
    let transport = Mailer::smtp("127.0.0.1", port, Tls::None, None).unwrap();
    Mailer::new(
        transport,
        "Treffpunkt <ikke-svar@treffpunkt.example>".parse().unwrap(),
    )
}

#[tokio::test]
async fn emails_arrive_over_smtp_and_their_links_work() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let _server = SmtpServer::start(port, &dir);
        let (s, retry, mailer) = (settings(), Retry::default(), mailer(port));
        service::sign_up(&db, COURSE, &person("kari@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let pass = mail::send_due(&db, &mailer, now().utc, &retry)
            .await
            .unwrap();
        assert_eq!(pass.sent, 1, "{backend}");

        let received = messages(&dir);
        assert_eq!(received.len(), 1, "{backend}");
        let raw = &received[0];
        assert!(raw.contains("To: kari@example.no"), "{backend}");
        assert!(message_id(raw).starts_with("<outbox-"), "{backend}");
        assert!(
            raw.contains("multipart/alternative"),
            "{backend}: text and HTML"
        );
        let text = unquote(raw);
        let confirmed = service::confirm(&db, &token(&text, "bekreft"), now(), &s)
            .await
            .unwrap();
        assert_eq!(confirmed.status, SignUpStatus::Confirmed, "{backend}");

        mail::send_due(&db, &mailer, now().utc, &retry)
            .await
            .unwrap();
        let received = messages(&dir);
        assert_eq!(received.len(), 2, "{backend}");
        let confirmation = received
            .iter()
            .find(|m| m.contains("text/calendar"))
            .expect("the .ics is attached");
        let cancelled = service::cancel(&db, &token(&unquote(confirmation), "avmeld"), now(), &s)
            .await
            .unwrap();
        assert_eq!(cancelled.status, SignUpStatus::Cancelled, "{backend}");
    }
}

#[tokio::test]
async fn an_smtp_outage_loses_and_doubles_nothing() {
    for (backend, db) in databases().await {
        let (port, dir) = (free_port(), maildir());
        let (s, retry, mailer) = (settings(), Retry::default(), mailer(port));
        for who in ["a", "b", "c"] {
            service::sign_up(
                &db,
                COURSE,
                &person(&format!("{who}@example.no")),
                Lang::Nb,
                now(),
                &s,
            )
            .await
            .unwrap();
        }
        // Nobody listens: every send fails and is put back for later.
        let pass = mail::send_due(&db, &mailer, now().utc, &retry)
            .await
            .unwrap();
        assert_eq!((pass.sent, pass.retried), (0, 3), "{backend}");
        let pass = mail::send_due(&db, &mailer, now().utc, &retry)
            .await
            .unwrap();
        assert_eq!(
            pass,
            mail::Pass::default(),
            "{backend}: nothing is due before the backoff"
        );

        let _server = SmtpServer::start(port, &dir);
        let later = now().utc + Duration::hours(1);
        assert_eq!(
            mail::send_due(&db, &mailer, later, &retry)
                .await
                .unwrap()
                .sent,
            3,
            "{backend}"
        );
        assert_eq!(
            mail::send_due(&db, &mailer, later, &retry)
                .await
                .unwrap()
                .sent,
            0,
            "{backend}"
        );

        // A worker that died after claiming a row: the claim runs out and
        // the row is sent by the next pass, once.
        service::sign_up(&db, COURSE, &person("d@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let row = outbox_to(&db, "d@example.no").await.remove(0);
        let mut stuck: outbox::ActiveModel = row.into();
        stuck.status = Set("sending".into());
        stuck.claimed_until = Set(Some(later - Duration::minutes(1)));
        stuck.update(&db).await.unwrap();
        assert_eq!(
            mail::send_due(&db, &mailer, later, &retry)
                .await
                .unwrap()
                .sent,
            1,
            "{backend}"
        );

        let received = messages(&dir);
        let mut ids: Vec<String> = received.iter().map(|m| message_id(m)).collect();
        ids.sort();
        ids.dedup();
        assert_eq!(
            (received.len(), ids.len()),
            (4, 4),
            "{backend}: each email exactly once"
        );
        let rows = outbox::Entity::find().all(&db).await.unwrap();
        assert!(rows.iter().all(|r| r.status == "sent"), "{backend}");
    }
}

#[tokio::test]
async fn a_row_that_keeps_failing_is_marked_failed() {
    for (backend, db) in databases().await {
        let retry = Retry {
            max_attempts: 2,
            ..Retry::default()
        };
        let mailer = mailer(free_port());
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &settings(),
        )
        .await
        .unwrap();
        mail::send_due(&db, &mailer, now().utc, &retry)
            .await
            .unwrap();
        let pass = mail::send_due(&db, &mailer, now().utc + Duration::days(1), &retry)
            .await
            .unwrap();
        assert_eq!(pass.failed, 1, "{backend}");
        let row = outbox_to(&db, "a@example.no").await.remove(0);
        assert_eq!(
            (row.status.as_str(), row.attempts),
            ("failed", 2),
            "{backend}"
        );
        assert!(row.last_error.is_some(), "{backend}");
    }
}
