//! Connecting to the database and bringing its schema up to date.

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{ConnectOptions, Database, DatabaseConnection, DbErr};

/// Where the embedded SQLite database lives when `DATABASE_URL` is unset.
pub const DEFAULT_DATABASE_URL: &str = "sqlite://data/treffpunkt.db?mode=rwc";

/// Opens a pool to `url` (SQLite or PostgreSQL) and runs pending migrations.
pub async fn connect(url: &str) -> Result<DatabaseConnection, DbErr> {
    let mut options = ConnectOptions::new(url.to_owned());
    options.sqlx_logging(false);
    if url.starts_with("sqlite:") {
        // WAL lets readers go on while one writer writes; the busy timeout
        // makes a second writer wait its turn instead of failing with
        // "database is locked".
        options.map_sqlx_sqlite_opts(|o| {
            o.journal_mode(SqliteJournalMode::Wal)
                .busy_timeout(Duration::from_secs(10))
                .foreign_keys(true)
        });
        if url.contains(":memory:") {
            // Every connection to :memory: is a new, empty database: keep
            // exactly one, for good. (A connection the pool drops, say after
            // a cancelled query, takes all data with it; tests use files.)
            options
                .max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
        }
    }
    let db = Database::connect(options).await?;
    Migrator::up(&db, None).await?;
    Ok(db)
}
