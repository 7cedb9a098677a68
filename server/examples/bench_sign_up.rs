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

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::backend::clock::Now;
use app::backend::db::Db;
use app::backend::jobs::Worker;
use app::backend::mail::{Mailer, Transport};
use app::backend::settings::{Env, Settings};
use app::backend::sign_up as service;
use app::backend::{import, testing};
use app::domain::lang::Lang;
use app::domain::sign_up::SignUpForm;
use leptos::config::LeptosOptions;
use server::limits::RateLimits;
use server::{AppState, router};
use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

const CLIENTS: usize = 50;
const PER_CLIENT: usize = 40;
const COURSES: usize = 12;

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

/// The mini fixture's places and people, with twelve open courses whose
/// sessions are two months from today, room for everyone.
fn municipality() -> String {
    let mini = include_str!("../../app/tests/fixtures/mini.toml");
    let start = (chrono::Local::now() + chrono::Duration::days(60)).date_naive();
    let mut data = mini.to_string();
    for n in 0..COURSES {
        data.push_str(&format!(
            r#"
[[offering]]
slug = "bench-kurs-{n}"
kind = "course"
district = "nordre-asen"
venue = "asen-kirke"
organisation = "lms"
audiences = ["long_term_illness"]
categories = []
price_nok = 0
sign_up_required = true
contact = {{ name = "Lise Lunge", email = "lise@lms.example" }}

[offering.text.nb]
title = "Benchkurs {n}"
summary = "Kurs."
description = "Kurs."

[[offering.session]]
starts = "{start}T18:00"
ends = "{start}T20:00"

[offering.course]
capacity = 1000000
waiting_list = true
"#
        ));
    }
    data
}

struct Figures {
    ok: usize,
    failed: usize,
    elapsed: Duration,
    latencies: Vec<Duration>,
}

impl Figures {
    fn print(&self, backend: &str, mode: &str) {
        let l = &self.latencies;
        println!(
            "| {backend} | {mode} | {} | {} | {:.0} | {:.1} | {:.1} | {:.1} |",
            self.ok,
            self.failed,
            self.ok as f64 / self.elapsed.as_secs_f64(),
            percentile(l, 0.50).as_secs_f64() * 1000.0,
            percentile(l, 0.99).as_secs_f64() * 1000.0,
            l.last().expect("some").as_secs_f64() * 1000.0,
        );
    }
}

fn form(client: usize, n: usize, run: &str) -> SignUpForm {
    SignUpForm {
        participant_name: format!("Deltaker {client}-{n}"),
        participant_email: format!("{run}c{client}n{n}@example.no"),
        consent: true,
        ..Default::default()
    }
}

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
                        service::sign_up(&db, &slug, &valid, Lang::Nb, Now::real(), &hold).await;
                    latencies.push(t.elapsed());
                    failed += usize::from(result.is_err());
                }
                (latencies, failed)
            })
        })
        .collect();
    collect(tasks, started).await
}

async fn collect(
    tasks: Vec<tokio::task::JoinHandle<(Vec<Duration>, usize)>>,
    started: Instant,
) -> Figures {
    let mut latencies = Vec::new();
    let mut failed = 0;
    for task in tasks {
        let (l, f) = task.await.expect("client task");
        latencies.extend(l);
        failed += f;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    Figures {
        ok: latencies.len() - failed,
        failed,
        elapsed,
        latencies,
    }
}

/// One form post on a keep-alive connection; the status code.
async fn post(conn: &mut BufReader<TcpStream>, path: &str, body: &str) -> u16 {
    let request = format!(
        "POST {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/x-www-form-urlencoded\r\nSec-Fetch-Site: same-origin\r\nAccept-Language: nb-NO,nb;q=0.9\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    );
    conn.get_mut()
        .write_all(request.as_bytes())
        .await
        .expect("send");
    let mut status_line = String::new();
    conn.read_line(&mut status_line).await.expect("status");
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut length = 0;
    loop {
        let mut line = String::new();
        conn.read_line(&mut line).await.expect("header");
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':')
            && name.eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse().unwrap_or(0);
        }
    }
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await.expect("body");
    status
}

/// Posts at `rate` a second for `seconds`, on a pool of keep-alive
/// connections, latency counted from each post's scheduled moment.
async fn run_http_at(addr: SocketAddr, rate: u32, seconds: u32) -> Figures {
    let pool: Arc<tokio::sync::Mutex<Vec<BufReader<TcpStream>>>> = Arc::default();
    let started = tokio::time::Instant::now();
    let interval = Duration::from_secs(1) / rate;
    let tasks: Vec<_> = (0..(rate * seconds) as usize)
        .map(|n| {
            let pool = pool.clone();
            let due = started + interval * n as u32;
            tokio::spawn(async move {
                tokio::time::sleep_until(due).await;
                let taken = pool.lock().await.pop();
                let mut conn = match taken {
                    Some(conn) => conn,
                    None => BufReader::new(TcpStream::connect(addr).await.expect("connect")),
                };
                let f = form(n, 0, "r");
                let body = serde_urlencoded::to_string([
                    ("participant_name", f.participant_name.as_str()),
                    ("participant_email", f.participant_email.as_str()),
                    ("consent", "1"),
                ])
                .expect("a form");
                let path = app::paths::sign_up(&format!("bench-kurs-{}", n % COURSES));
                let status = post(&mut conn, &path, &body).await;
                let latency = due.elapsed();
                pool.lock().await.push(conn);
                (vec![latency], usize::from(status != 303))
            })
        })
        .collect();
    collect(tasks, started.into_std()).await
}

async fn run_http(addr: SocketAddr) -> Figures {
    let started = Instant::now();
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|client| {
            tokio::spawn(async move {
                let mut conn = BufReader::new(TcpStream::connect(addr).await.expect("connect"));
                let mut latencies = Vec::with_capacity(PER_CLIENT);
                let mut failed = 0;
                for n in 0..PER_CLIENT {
                    let f = form(client, n, "h");
                    let body = serde_urlencoded::to_string([
                        ("participant_name", f.participant_name.as_str()),
                        ("participant_email", f.participant_email.as_str()),
                        ("consent", "1"),
                    ])
                    .expect("a form");
                    let path =
                        app::paths::sign_up(&format!("bench-kurs-{}", (client + n) % COURSES));
                    let t = Instant::now();
                    let status = post(&mut conn, &path, &body).await;
                    latencies.push(t.elapsed());
                    failed += usize::from(status != 303);
                }
                (latencies, failed)
            })
        })
        .collect();
    collect(tasks, started).await
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
            "SIGN_UP_LIMIT_PER_IP_MINUTE" | "SIGN_UP_LIMIT_PER_EMAIL_HOUR" => {
                Some("1000000".into())
            }
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

        let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
            .await
            .expect("a port");
        let addr = listener.local_addr().expect("an address");
        let app = router(AppState {
            leptos_options: LeptosOptions::builder()
                .output_name(app::OUTPUT_NAME)
                .site_root("target/site")
                .build(),
            db: db.clone(),
            limits: Arc::new(RateLimits::new(&settings.limits)),
            settings: Arc::new(settings.clone()),
            wake,
        });
        let server = tokio::spawn(async move {
            axum::serve(
                listener,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .expect("serve")
        });

        let rate = if backend == "sqlite" { 500 } else { 1000 };
        run_http_at(addr, rate, 4)
            .await
            .print(backend, &format!("HTTP at {rate}/s"));
        run_http(addr)
            .await
            .print(backend, "HTTP, 50 clients flat out");
        run_service(&db, &settings)
            .await
            .print(backend, "service, 50 clients flat out");

        let _ = stop.send(true);
        let _ = worker.await;
        server.abort();
    }
    let _ = std::fs::remove_dir_all(&mail_dir);
}
