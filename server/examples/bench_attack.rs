//! One attacker against twelve residents, over HTTP through the real
//! router, on SQLite and (when `TEST_DATABASE_URL` names a server)
//! PostgreSQL.
//!
//! Two courses of 12 places open at once. Against each, for the whole run
//! (10 minutes unless `--minutes N`), an attacker posts sign-ups flat out
//! with a fresh address each time, as from a catch-all domain whose every
//! address it can read, and confirms every email it gets at once: one
//! attacker from a single IPv6 /64, the other rotating through every /64
//! of one /48. Twelve residents per course sign up at random moments of
//! the run, each from an IPv4 network of its own, and confirm a random 5
//! to 120 seconds later. The server trusts `X-Forwarded-For` from the
//! loopback, as behind a proxy, so one machine plays every client.
//!
//! Prints, per database and attacker, the attacker's posts and how they
//! were answered, and who holds the places at the end; asserts nothing.
//! `scripts/bench-attack.sh` runs it on a release build.

use std::collections::HashMap;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use app::backend::entities::{offering, sign_up};
use app::backend::jobs::Worker;
use app::backend::mail::Mailer;
use app::backend::mail::transport::Delivered;
use app::backend::settings::{Env, Settings};
use app::backend::{import, testing};
use app::domain::sign_up::SignUpStatus;
use rand::Rng;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[path = "common/load.rs"]
mod load;
#[path = "common/site.rs"]
mod site;

const PLACES: u32 = 12;
const RESIDENTS: usize = 12;
const ATTACKER_DOMAIN: &str = "catchall.example";

#[derive(Clone, Copy, Debug)]
enum Attacker {
    /// One IPv6 /64.
    Slash64,
    /// Every /64 of one IPv6 /48.
    Slash48,
}

impl Attacker {
    fn course(self) -> &'static str {
        match self {
            Attacker::Slash64 => "angrepet-64",
            Attacker::Slash48 => "angrepet-48",
        }
    }

    fn name(self) -> &'static str {
        match self {
            Attacker::Slash64 => "one IPv6 /64",
            Attacker::Slash48 => "one IPv6 /48",
        }
    }

    fn client(self, rng: &mut impl Rng) -> String {
        match self {
            Attacker::Slash64 => format!("2001:db8:a64:1::{:x}", rng.random::<u16>()),
            Attacker::Slash48 => format!(
                "2001:db8:a48:{:x}::{:x}",
                rng.random::<u16>(),
                rng.random::<u16>()
            ),
        }
    }
}

fn municipality() -> String {
    let mut data = include_str!("../../app/tests/fixtures/mini.toml").to_string();
    let day = (chrono::Local::now() + chrono::Duration::days(60)).date_naive();
    for attacker in [Attacker::Slash64, Attacker::Slash48] {
        data.push_str(&site::course(
            attacker.course(),
            attacker.course(),
            PLACES,
            day,
        ));
    }
    data
}

fn form(name: &str, email: &str) -> String {
    serde_urlencoded::to_string([
        ("participant_name", name),
        ("participant_email", email),
        ("consent", "1"),
    ])
    .expect("a form")
}

/// The confirm token in an email, if it has one.
fn confirm_token(mail: &Delivered) -> Option<String> {
    let text = &mail.email.text;
    let at = text.find("/pamelding/bekreft?token=")? + "/pamelding/bekreft?token=".len();
    Some(
        text[at..]
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_'))
            .collect(),
    )
}

async fn post(addr: std::net::SocketAddr, request: load::Request) -> u16 {
    let mut conn = load::connect(addr).await;
    load::exchange(&mut conn, &request).await.status
}

#[derive(Default)]
struct Tally {
    posts: AtomicUsize,
    accepted: AtomicUsize,
    refused: AtomicUsize,
    other: AtomicUsize,
    confirms: AtomicUsize,
}

/// Posts sign-ups flat out until `stop`, and confirms whatever the
/// catch-all mailbox receives.
async fn attack(
    addr: std::net::SocketAddr,
    attacker: Attacker,
    sent: Arc<Mutex<Vec<Delivered>>>,
    stop: Arc<AtomicBool>,
    tally: Arc<Tally>,
) {
    let path = app::paths::sign_up(attacker.course());
    let mut seen = 0;
    let mut n = 0;
    while !stop.load(Ordering::Relaxed) {
        let client = attacker.client(&mut rand::rng());
        let email = format!("{}-{n}@{ATTACKER_DOMAIN}", attacker.course());
        n += 1;
        let request = load::Request::post(path.clone(), form("Hamster Hamstersen", &email))
            .from(client.clone());
        let status = post(addr, request).await;
        tally.posts.fetch_add(1, Ordering::Relaxed);
        let counter = match status {
            303 => &tally.accepted,
            429 => &tally.refused,
            _ => &tally.other,
        };
        counter.fetch_add(1, Ordering::Relaxed);
        // Confirm everything that arrived for this attacker's course.
        let tokens: Vec<String> = {
            let all = sent.lock().expect("mail");
            let new = all[seen..]
                .iter()
                .filter(|d| d.email.to.starts_with(attacker.course()))
                .filter_map(confirm_token)
                .collect();
            seen = all.len();
            new
        };
        for token in tokens {
            let body = serde_urlencoded::to_string([("token", token.as_str())]).expect("form");
            post(
                addr,
                load::Request::post(app::paths::confirm(), body).from(client.clone()),
            )
            .await;
            tally.confirms.fetch_add(1, Ordering::Relaxed);
        }
    }
}

/// One resident: signs up at `after`, confirms `delay` later.
async fn resident(
    addr: std::net::SocketAddr,
    course: &'static str,
    n: usize,
    after: Duration,
    delay: Duration,
    sent: Arc<Mutex<Vec<Delivered>>>,
) -> u16 {
    tokio::time::sleep(after).await;
    let email = format!("beboer-{n}@{course}.example.no");
    let client = format!("100.{}.{}.7", 64 + n / 200, n % 200);
    let status = post(
        addr,
        load::Request::post(
            app::paths::sign_up(course),
            form(&format!("Beboer {n}"), &email),
        )
        .from(client.clone()),
    )
    .await;
    tokio::time::sleep(delay).await;
    let token = loop {
        let found = sent
            .lock()
            .expect("mail")
            .iter()
            .filter(|d| d.email.to == email)
            .find_map(confirm_token);
        if let Some(token) = found {
            break token;
        }
        tokio::time::sleep(Duration::from_millis(200)).await;
    };
    let body = serde_urlencoded::to_string([("token", token.as_str())]).expect("form");
    post(
        addr,
        load::Request::post(app::paths::confirm(), body).from(client),
    )
    .await;
    status
}

#[tokio::main]
async fn main() {
    let minutes: u64 = std::env::args()
        .skip_while(|a| a != "--minutes")
        .nth(1)
        .and_then(|m| m.parse().ok())
        .unwrap_or(10);
    let run = Duration::from_secs(minutes * 60);
    println!(
        "Two courses of {PLACES} places; per course one attacker flat out for {minutes} min and {RESIDENTS} residents at random moments ({} build, {} cores)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        std::thread::available_parallelism().map_or(0, usize::from),
    );
    println!(
        "| database | attacker | posts | accepted | refused (429) | other | confirms sent | attacker's places | residents' places | residents waiting |"
    );
    println!("|---|---|---|---|---|---|---|---|---|---|");
    for (backend, db) in testing::databases().await {
        import::import(&db, &municipality())
            .await
            .expect("bench data imports");
        let settings = Settings::read(&Env::new(|name| match name {
            "TRUSTED_PROXIES" => Some("127.0.0.1/32".into()),
            "MAIL_POLL_SECONDS" => Some("1".into()),
            "RUST_LOG" => Some("warn".into()),
            _ => None,
        }))
        .expect("bench settings");
        let (mailer, sent) = Mailer::memory();
        let (stop_worker, shutdown) = tokio::sync::watch::channel(false);
        let wake = Arc::new(tokio::sync::Notify::new());
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

        let stop = Arc::new(AtomicBool::new(false));
        let attackers = [Attacker::Slash64, Attacker::Slash48];
        let tallies: HashMap<&str, Arc<Tally>> = attackers
            .iter()
            .map(|a| (a.course(), Arc::new(Tally::default())))
            .collect();
        let mut tasks = Vec::new();
        for attacker in attackers {
            tasks.push(tokio::spawn(attack(
                addr,
                attacker,
                sent.clone(),
                stop.clone(),
                tallies[attacker.course()].clone(),
            )));
        }
        let mut residents = Vec::new();
        let mut rng = rand::rng();
        for (k, attacker) in attackers.iter().enumerate() {
            for n in 0..RESIDENTS {
                let after = run.mul_f64(rng.random::<f64>());
                let delay = Duration::from_secs(rng.random_range(5..=120));
                residents.push(tokio::spawn(resident(
                    addr,
                    attacker.course(),
                    k * RESIDENTS + n,
                    after,
                    delay,
                    sent.clone(),
                )));
            }
        }
        let started = Instant::now();
        tokio::time::sleep(run).await;
        stop.store(true, Ordering::Relaxed);
        for task in tasks {
            let _ = task.await;
        }
        for r in residents {
            let _ = r.await;
        }
        let waited = started.elapsed();

        for attacker in attackers {
            let course = offering::Entity::find()
                .filter(offering::Column::Slug.eq(attacker.course()))
                .one(db.read())
                .await
                .expect("read")
                .expect("the course");
            let rows = sign_up::Entity::find()
                .filter(sign_up::Column::OfferingId.eq(course.id))
                .all(db.read())
                .await
                .expect("read");
            let count = |attacking: bool, status: SignUpStatus| {
                rows.iter()
                    .filter(|r| r.status == status)
                    .filter(|r| {
                        r.participant_email
                            .as_deref()
                            .is_some_and(|e| e.ends_with(ATTACKER_DOMAIN) == attacking)
                    })
                    .count()
            };
            let t = &tallies[attacker.course()];
            println!(
                "| {backend} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
                attacker.name(),
                t.posts.load(Ordering::Relaxed),
                t.accepted.load(Ordering::Relaxed),
                t.refused.load(Ordering::Relaxed),
                t.other.load(Ordering::Relaxed),
                t.confirms.load(Ordering::Relaxed),
                count(true, SignUpStatus::Confirmed),
                count(false, SignUpStatus::Confirmed),
                count(false, SignUpStatus::WaitingList),
            );
        }
        eprintln!("{backend}: run and last confirmations took {waited:.0?}");
        let _ = stop_worker.send(true);
        let _ = worker.await;
        server.abort();
    }
}
