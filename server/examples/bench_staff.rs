//! The staff pages that grow with a municipality, on SQLite and (when
//! `TEST_DATABASE_URL` names a server) PostgreSQL: a course's people with
//! 500 sign-ups, the editor's queue and the staff list among
//! `--offerings` offerings (5 000) of which a tenth wait for approval, and
//! the CSV of a course with 10 000 sign-ups. An editor's session on the
//! real router, on a loopback port: one client asking again as soon as it
//! is answered (what one member of staff waits), then four at once.
//!
//! Prints figures; asserts nothing. `scripts/bench-staff.sh` runs it on a
//! release build.

#[path = "common/load.rs"]
mod load;
#[path = "common/site.rs"]
mod site;

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use app::backend::clock::Now;
use app::backend::db::Db;
use app::backend::entities::{offering, sign_up};
use app::backend::settings::{Env, Settings};
use app::backend::staff::{accounts, sessions};
use app::backend::{import, testing};
use app::domain::lang::Lang;
use app::domain::offering::OfferingStatus;
use app::domain::sign_up::SignUpStatus;
use load::{Figures, Request};
use sea_orm::sea_query::Expr;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set};

const EDITOR: &str = "redaktor@fjordvik.kommune.example";

fn offerings_wanted() -> usize {
    let args: Vec<String> = std::env::args().collect();
    args.iter()
        .position(|a| a == "--offerings")
        .and_then(|i| args.get(i + 1))
        .and_then(|v| v.parse().ok())
        .unwrap_or(5_000)
}

/// The mini fixture, `n` weekly groups, and two open courses: one for a
/// list of 500 people, one for an export of 10 000.
fn municipality(n: usize) -> String {
    let mut data = include_str!("../../app/tests/fixtures/mini.toml").to_string();
    for i in 0..n {
        data.push_str(&format!(
            r#"
[[offering]]
slug = "bench-gruppe-{i}"
kind = "activity_group"
district = "ostbyen"
venue = "bydelshuset"
organisation = "ostbyen-frivilligsentral"
audiences = ["seniors"]
categories = ["trening"]
price_nok = 0
sign_up_required = false
contact = {{ name = "Ingrid Haugen", email = "ingrid@ostbyen.example" }}

[offering.text.nb]
title = "Benchgruppe {i}"
summary = "Trening."
description = "Trening."

[[offering.weekly]]
weekday = "tue"
start = "10:00"
end = "11:00"
valid_from = "2026-01-01"
"#
        ));
    }
    let day = (chrono::Local::now() + chrono::Duration::days(60)).date_naive();
    for places in [500, 10_000] {
        data.push_str(&site::course(
            &format!("bench-kurs-{places}"),
            &format!("Benchkurs {places}"),
            places,
            day,
        ));
    }
    data
}

async fn id_of(db: &Db, slug: &str) -> i32 {
    offering::Entity::find()
        .filter(offering::Column::Slug.eq(slug))
        .one(db.read())
        .await
        .expect("offerings")
        .expect("the offering")
        .id
}

/// `count` confirmed people on the course `id`, written in batches.
async fn sign_up_people(db: &Db, id: i32, count: usize) {
    let now = Now::real().utc;
    let people: Vec<sign_up::ActiveModel> = (0..count)
        .map(|n| sign_up::ActiveModel {
            offering_id: Set(id),
            status: Set(SignUpStatus::Confirmed),
            participant_name: Set(format!("Deltaker Nummer {n}")),
            participant_email: Set(Some(format!("deltaker{n}@example.no"))),
            participant_phone: Set(Some("912 34 567".into())),
            needs_note: Set((n % 5 == 0).then(|| "Trenger å sitte nær døra.".into())),
            lang: Set(Lang::Nb),
            email_confirmed_at: Set(Some(now)),
            created_at: Set(now),
            updated_at: Set(now),
            ..Default::default()
        })
        .collect();
    for chunk in people.chunks(500) {
        sign_up::Entity::insert_many(chunk.to_vec())
            .exec_without_returning(db.write())
            .await
            .expect("sign-ups");
    }
}

/// Sends `path` `times` times on one connection; the figures and the
/// body's size.
async fn one_after_another(addr: SocketAddr, request: &Request, times: usize) -> (Figures, usize) {
    let mut conn = load::connect(addr).await;
    let started = Instant::now();
    let mut latencies = Vec::with_capacity(times);
    let (mut failed, mut size) = (0, 0);
    for _ in 0..times {
        let t = Instant::now();
        let (status, body) = load::send(&mut conn, request).await;
        latencies.push(t.elapsed());
        failed += usize::from(status != 200);
        size = body;
    }
    latencies.sort();
    let figures = Figures {
        ok: times - failed,
        failed,
        elapsed: started.elapsed(),
        latencies,
    };
    (figures, size)
}

fn print(backend: &str, page: &str, clients: &str, figures: &Figures, size: Option<usize>) {
    println!(
        "| {backend} | {page} | {clients} | {} | {} | {:.1} | {:.1} | {:.1} | {} |",
        figures.ok,
        figures.failed,
        figures.percentile_ms(0.50),
        figures.percentile_ms(0.99),
        figures.max_ms(),
        size.map_or_else(String::new, |s| format!("{:.0} KB", s as f64 / 1024.0)),
    );
}

#[tokio::main]
async fn main() {
    let n = offerings_wanted();
    println!(
        "{n} weekly groups (a tenth submitted), a course of 500 and one of 10 000 people; an editor's session ({} build, {} cores)\n",
        if cfg!(debug_assertions) {
            "debug"
        } else {
            "release"
        },
        std::thread::available_parallelism().map_or(0, usize::from),
    );
    println!("| database | page | clients | answers | failed | p50 ms | p99 ms | max ms | size |");
    println!("|---|---|---|---|---|---|---|---|---|");
    for (backend, db) in testing::databases().await {
        import::import(&db, &municipality(n))
            .await
            .expect("bench data imports");
        // A tenth of the groups wait for an editor.
        let waiting: Vec<i32> = offering::Entity::find()
            .select_only()
            .column(offering::Column::Id)
            .filter(offering::Column::Slug.starts_with("bench-gruppe-"))
            .order_by_asc(offering::Column::Id)
            .into_tuple()
            .all(db.read())
            .await
            .expect("offerings");
        let waiting: Vec<i32> = waiting.into_iter().step_by(10).collect();
        for chunk in waiting.chunks(500) {
            offering::Entity::update_many()
                .col_expr(
                    offering::Column::Status,
                    Expr::value(OfferingStatus::Submitted),
                )
                .filter(offering::Column::Id.is_in(chunk.iter().copied()))
                .exec(db.write())
                .await
                .expect("submitted");
        }
        let list = id_of(&db, "bench-kurs-500").await;
        let export = id_of(&db, "bench-kurs-10000").await;
        sign_up_people(&db, list, 500).await;
        sign_up_people(&db, export, 10_000).await;
        let editor = accounts::find_by_email(db.read(), EDITOR)
            .await
            .expect("accounts")
            .expect("the editor");
        let token = sessions::start(db.write(), editor.id, false, Now::real())
            .await
            .expect("a session");
        let cookie = format!("{}={token}", sessions::COOKIE);

        let settings = Settings::read(&Env::new(|name| match name {
            "RUST_LOG" => Some("warn".into()),
            _ => None,
        }))
        .expect("bench settings");
        let (addr, server) =
            site::serve(&db, &settings, Arc::new(tokio::sync::Notify::new())).await;

        let pages = [
            (
                "a course's people (500)",
                app::paths::staff_course(list),
                300,
            ),
            (
                "editor's queue",
                format!("{}?status=submitted", app::paths::staff_home()),
                300,
            ),
            ("staff list, first page", app::paths::staff_home(), 300),
            (
                "CSV of 10 000 people",
                app::paths::staff_course_csv(export),
                20,
            ),
        ];
        for (name, path, times) in pages {
            let request = Request::get(path).with_cookie(&cookie);
            let (figures, size) = one_after_another(addr, &request, times).await;
            print(backend, name, "1", &figures, Some(size));
            let r = request.clone();
            let seconds = if times > 20 { 3 } else { 5 };
            let flat = load::flat_out(addr, 4, seconds, |s| s == 200, move |_, _| r.clone()).await;
            print(backend, name, "4", &flat, None);
        }
        server.abort();
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}
