//! Fresh, migrated databases for tests and benchmarks (the `test-utils`
//! feature; never in the production build): a new SQLite file always (a
//! file, not `:memory:`, so the pools, WAL and locking behave as in
//! production), and a new PostgreSQL database per call when
//! `TEST_DATABASE_URL` names a server (the test command sets it and drops
//! the databases afterwards). And what every test of them looks up: an
//! offering by its slug.

use std::sync::atomic::{AtomicU32, Ordering};

use sea_orm::{ConnectionTrait, Database};

use super::db::Db;

/// Every database the tests should run on, each empty and migrated, with
/// the name of its backend for assertion messages.
pub async fn databases() -> Vec<(&'static str, Db)> {
    let mut all = vec![(
        "sqlite",
        Db::open(&sqlite_url()).await.expect("SQLite file"),
    )];
    if let Some(url) = postgres_url().await {
        all.push((
            "postgres",
            Db::open(&url).await.expect("PostgreSQL database"),
        ));
    }
    all
}

/// A new SQLite file's URL.
pub fn sqlite_url() -> String {
    let file = std::env::temp_dir().join(format!("{}.db", unique_name()));
    format!("sqlite://{}?mode=rwc", file.display())
}

/// A new, empty PostgreSQL database's URL, when `TEST_DATABASE_URL` names
/// a server.
pub async fn postgres_url() -> Option<String> {
    let admin_url = std::env::var("TEST_DATABASE_URL")
        .ok()
        .filter(|u| !u.is_empty())?;
    let name = unique_name();
    let admin = Database::connect(&admin_url)
        .await
        .expect("PostgreSQL answers");
    admin
        .execute_unprepared(&format!("CREATE DATABASE \"{name}\""))
        .await
        .expect("create test database");
    admin.close().await.ok();
    let (base, query) = match admin_url.split_once('?') {
        Some((b, q)) => (b, format!("?{q}")),
        None => (admin_url.as_str(), String::new()),
    };
    let server = base.rsplit_once('/').map_or(base, |(s, _)| s);
    Some(format!("{server}/{name}{query}"))
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

/// The offering `slug`, as stored; a test that names one that is not
/// there fails here, saying which.
pub async fn offering(db: &Db, slug: &str) -> super::entities::offering::Model {
    use super::entities::offering;
    use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
    offering::Entity::find()
        .filter(offering::Column::Slug.eq(slug))
        .one(db.read())
        .await
        .expect("the database answers")
        .unwrap_or_else(|| panic!("no offering {slug}"))
}
