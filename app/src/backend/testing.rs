//! Fresh, migrated databases for tests: a new SQLite file always (a file,
//! not `:memory:`, so the pool, WAL and locking behave as in production),
//! and a new PostgreSQL database per call when `TEST_DATABASE_URL` names a
//! server (the test command sets it and drops the databases afterwards).

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database, DatabaseConnection};

use super::db;

/// Every database the tests should run on, each empty and migrated, with
/// the name of its backend for assertion messages.
pub async fn databases() -> Vec<(&'static str, DatabaseConnection)> {
    let file = std::env::temp_dir().join(format!("{}.db", unique_name()));
    let url = format!("sqlite://{}?mode=rwc", file.display());
    let mut all = vec![("sqlite", db::connect(&url).await.expect("SQLite file"))];
    if let Some(admin) = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())
    {
        all.push(("postgres", fresh_postgres(&admin).await));
    }
    all
}

/// Unique within this machine for one test run: process id and a counter.
fn unique_name() -> String {
    static COUNTER: AtomicU32 = AtomicU32::new(0);
    format!(
        "treffpunkt_test_{}_{}",
        std::process::id(),
        COUNTER.fetch_add(1, Ordering::Relaxed)
    )
}

async fn fresh_postgres(admin_url: &str) -> DatabaseConnection {
    let name = unique_name();
    let admin = Database::connect(admin_url)
        .await
        .expect("PostgreSQL answers");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create test database");
    admin.close().await.ok();
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url, String::new()),
    };
    let server = base.rsplit_once('/').map_or(base, |(s, _)| s);
    db::connect(&format!("{server}/{name}{query}"))
        .await
        .expect("connect to test database")
}
