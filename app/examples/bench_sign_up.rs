//! Sign-up throughput and latency: 50 clients at once, each signing up
//! people one after another, through the real service (transaction with
//! the course lock, outbox writes) on SQLite and, when `TEST_DATABASE_URL`
//! names a server, PostgreSQL. Prints figures; asserts nothing.
//!
//! `scripts/bench-sign-up.sh` runs it.

use std::time::{Duration, Instant};

use app::backend::entities::offering;
use app::backend::sign_up::{self as service, Now, Settings};
use app::backend::{import, testing};
use app::domain::lang::Lang;
use app::domain::sign_up::SignUpForm;
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, QueryFilter, Set};

const CLIENTS: usize = 50;
const PER_CLIENT: usize = 40;
const COURSE: &str = "leve-med-kols";

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    let index = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[index]
}

#[tokio::main]
async fn main() {
    let fixture = include_str!("../tests/fixtures/mini.toml");
    let now = Now::at("2026-12-14T08:00:00".parse().expect("valid time"));
    println!(
        "{CLIENTS} concurrent clients x {PER_CLIENT} sign-ups each ({} build)",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        }
    );
    for (backend, db) in testing::databases().await {
        import::import(&db, fixture).await.expect("fixture imports");
        // Room for everyone, so every sign-up takes the full path: lock,
        // count, insert, tokens and one outbox email.
        let course = offering::Entity::find()
            .filter(offering::Column::Slug.eq(COURSE))
            .one(&db)
            .await
            .expect("query")
            .expect("course");
        let mut active: offering::ActiveModel = course.into();
        active.capacity = Set(Some(1_000_000));
        active.update(&db).await.expect("update");

        let started = Instant::now();
        let tasks: Vec<_> = (0..CLIENTS)
            .map(|client| {
                let db = db.clone();
                tokio::spawn(async move {
                    let settings = Settings::default();
                    let mut latencies = Vec::with_capacity(PER_CLIENT);
                    for n in 0..PER_CLIENT {
                        let form = SignUpForm {
                            participant_name: format!("Deltaker {client}-{n}"),
                            participant_email: format!("c{client}n{n}@example.no"),
                            consent: true,
                            ..Default::default()
                        }
                        .validate()
                        .expect("valid");
                        let t = Instant::now();
                        service::sign_up(&db, COURSE, &form, Lang::Nb, now, &settings)
                            .await
                            .expect("sign-up succeeds");
                        latencies.push(t.elapsed());
                    }
                    latencies
                })
            })
            .collect();
        let mut all = Vec::new();
        for task in tasks {
            all.extend(task.await.expect("client task"));
        }
        let elapsed = started.elapsed();
        all.sort();
        println!(
            "{backend:>8}: {} sign-ups in {:.2} s = {:.0} sign-ups/s; latency p50 {:.1} ms, p99 {:.1} ms, max {:.1} ms",
            all.len(),
            elapsed.as_secs_f64(),
            all.len() as f64 / elapsed.as_secs_f64(),
            percentile(&all, 0.50).as_secs_f64() * 1000.0,
            percentile(&all, 0.99).as_secs_f64() * 1000.0,
            all.last().expect("some").as_secs_f64() * 1000.0,
        );
    }
}
