//! Sign-up throughput and latency, with the mail worker sending the whole
//! time, on SQLite and (when `TEST_DATABASE_URL` names a server)
//! PostgreSQL:
//!
//! - HTTP at saturation: 50 clients, each on a keep-alive connection,
//!   posting the no-JS form as a browser does, each sending the next post
//!   when the last is answered, over 12 courses, against the real router
//!   on a loopback port;
//! - HTTP at a fixed rate (the target: 500/s on SQLite, 1000/s on
//!   PostgreSQL): posts sent on a schedule whatever the answers, latency
//!   counted from the scheduled moment, so a slow answer cannot hide the
//!   ones queued behind it;
//! - the service: the saturation load straight into the sign-up service.
//!
//! With 50 clients at saturation, latency is 50 / throughput on average
//! (Little's law): the fixed-rate rows say what a resident waits at a
//! given load.
//!
//! Prints figures; asserts nothing. `scripts/bench-sign-up.sh` runs it on
//! a release build.

use std::sync::Arc;
use std::time::Instant;

use app::backend::clock::Now;
use app::backend::db::Db;
use app::backend::jobs::Worker;
use app::backend::mail::{Mailer, Transport};
use app::backend::settings::{Env, Settings};
use app::backend::sign_up as service;
use app::backend::{import, testing};
use app::domain::lang::Lang;
use app::domain::sign_up::SignUpForm;

const CLIENTS: usize = 50;
const PER_CLIENT: usize = 40;
/// How long the HTTP clients post flat out.
const FLAT_OUT_SECONDS: u32 = 3;
const COURSES: usize = 12;

/// The mini fixture's places and people, with twelve open courses whose
/// sessions are two months from today, room for everyone.
fn municipality() -> String {
    let mut data = include_str!("../../app/tests/fixtures/mini.toml").to_string();
    let day = (chrono::Local::now() + chrono::Duration::days(60)).date_naive();
    for n in 0..COURSES {
        data.push_str(&site::course(
            &format!("bench-kurs-{n}"),
            &format!("Benchkurs {n}"),
            1_000_000,
            day,
        ));
    }
    data
}

#[path = "common/load.rs"]
mod load;
#[path = "common/site.rs"]
mod site;

use load::{Figures, Request};

fn print(figures: &Figures, backend: &str, mode: &str) {
    println!(
        "| {backend} | {mode} | {} | {} | {:.0} | {:.1} | {:.1} | {:.1} |",
        figures.ok,
        figures.failed,
        figures.per_second(),
        figures.percentile_ms(0.50),
        figures.percentile_ms(0.99),
        figures.max_ms(),
    );
}

fn form(client: usize, n: usize, run: &str) -> SignUpForm {
    SignUpForm {
        participant_name: format!("Deltaker {client}-{n}"),
        participant_email: format!("{run}c{client}n{n}@example.no"),
        consent: true,
        ..Default::default()
    }
}

/// The no-JS form post of one sign-up.
fn post(course: usize, client: usize, n: usize, run: &str) -> Request {
    let f = form(client, n, run);
    let body = serde_urlencoded::to_string([
        ("participant_name", f.participant_name.as_str()),
        ("participant_email", f.participant_email.as_str()),
        ("consent", "1"),
    ])
    .expect("a form");
    // Each post from a resident of its own, as in life: the per-course
    // limits count a course's sign-ups per client, and one address for
    // all would make every count read the whole course.
    let resident = client * PER_CLIENT * 4 + n;
    Request::post(
        app::paths::sign_up(&format!("bench-kurs-{}", course % COURSES)),
        body,
    )
    .from(format!(
        "10.{}.{}.{}",
        resident >> 16 & 255,
        resident >> 8 & 255,
        resident & 255
    ))
}

fn redirected(status: u16) -> bool {
    status == 303
}

/// The service itself, 50 clients flat out.
async fn run_service(db: &Db, settings: &Settings) -> Figures {
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let (db, hold) = (db.clone(), settings.sign_up.clone());
            tokio::spawn(async move {
                let mut latencies = Vec::with_capacity(PER_CLIENT);
                let mut failed = 0;
                for n in 0..PER_CLIENT {
                    let valid = form(client, n, "s").validate().expect("valid");
                    let slug = format!("bench-kurs-{}", (client + n) % COURSES);
                    let t = Instant::now();
                    let result =
                        service::sign_up(&db, &slug, &valid, Lang::Nb, Now::real(), &hold, None)
                            .await;
                    latencies.push(t.elapsed());
                    failed += usize::from(result.is_err());
                }
                (latencies, failed)
            })
        })
        .collect();
    load::collect(tasks, started).await
}

#[tokio::main]
async fn main() {
    println!(
        "{CLIENTS} clients x {PER_CLIENT} sign-ups over {COURSES} courses, mail worker running ({} build, {} cores)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        std::thread::available_parallelism().map_or(0, usize::from),
    );
    println!(
        "| database | driven through | sign-ups | failed | sign-ups/s | p50 ms | p99 ms | max ms |"
    );
    println!("|---|---|---|---|---|---|---|---|");
    let mail_dir =
        std::env::temp_dir().join(format!("treffpunkt-bench-mail-{}", std::process::id()));
    for (backend, db) in testing::databases().await {
        import::import(&db, &municipality())
            .await
            .expect("bench data imports");
        let settings = Settings::read(&Env::new(|name| match name {
            // The load comes through the loopback, naming its residents
            // in X-Forwarded-For; the flood limits would stop a bench.
            "TRUSTED_PROXIES" => Some("127.0.0.1/32".into()),
            "SIGN_UP_LIMIT_PER_IP_MINUTE"
            | "SIGN_UP_LIMIT_PER_EMAIL_HOUR"
            | "SIGN_UP_PER_CLIENT"
            | "SIGN_UP_PER_NETWORK_V4" => Some("1000000".into()),
            "OUTBOX_DIR" => Some(mail_dir.display().to_string()),
            "RUST_LOG" => Some("warn".into()),
            _ => None,
        }))
        .expect("bench settings");
        let (stop, shutdown) = tokio::sync::watch::channel(false);
        let wake = Arc::new(tokio::sync::Notify::new());
        let mailer = Mailer::new(
            Transport::Files(mail_dir.clone()),
            settings.mail.from.parse().expect("sender"),
            settings.mail.send_timeout,
        );
        let worker = tokio::spawn(
            Worker {
                db: db.clone(),
                mailer,
                settings: settings.clone(),
                wake: wake.clone(),
                shutdown,
            }
            .run(),
        );

        let (addr, server) = site::serve(&db, &settings, wake).await;

        let rate = if backend == "sqlite" { 500 } else { 1000 };
        let at_rate = load::fixed_rate(addr, rate, 4, redirected, |n| post(n, n, 0, "r")).await;
        print(&at_rate, backend, &format!("HTTP at {rate}/s"));
        let flat = load::flat_out(addr, CLIENTS, FLAT_OUT_SECONDS, redirected, |client, n| {
            post(client + n, client, n, "h")
        })
        .await;
        print(&flat, backend, "HTTP, 50 clients flat out");
        let service = run_service(&db, &settings).await;
        print(&service, backend, "service, 50 clients flat out");

        let _ = stop.send(true);
        let _ = worker.await;
        server.abort();
    }
    let _ = std::fs::remove_dir_all(&mail_dir);
}
