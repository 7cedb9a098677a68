//! Connecting to the database and bringing its schema up to date.
//!
//! SQLite allows one writer at a time. Pages must not wait behind it, so a
//! SQLite database gets two pools: readers (WAL lets them read while a
//! write is under way) and a single write connection. Every write
//! transaction queues for that connection and starts with `BEGIN
//! IMMEDIATE`, so a read-then-write never finds the data changed under it
//! and never waits in SQLite's busy loop. PostgreSQL has one pool for both;
//! its transactions lock the rows they change (`SELECT … FOR UPDATE`).

use std::time::Duration;

use migrations::{Migrator, MigratorTrait};
use sea_orm::sqlx::sqlite::SqliteJournalMode;
use sea_orm::{
    ConnectOptions, ConnectionTrait, Database, DatabaseConnection, DatabaseTransaction, DbBackend,
    DbErr, SqliteTransactionMode, TransactionOptions, TransactionTrait,
};

use super::settings::DatabaseSettings;

/// The database: where reads go and where writes go.
#[derive(Clone, Debug)]
pub struct Db {
    read: DatabaseConnection,
    write: DatabaseConnection,
}

impl Db {
    /// Opens the pools for `settings` and runs pending migrations.
    pub async fn connect(settings: &DatabaseSettings) -> Result<Db, DbErr> {
        let url = settings.url.as_str();
        let (read, write) = if !settings.is_sqlite() {
            let mut o = options(url);
            o.max_connections(settings.pool);
            let pool = Database::connect(o).await?;
            (pool.clone(), pool)
        } else if url.contains(":memory:") {
            // Every connection to :memory: is a new, empty database: keep
            // exactly one, for good, for reading and writing alike.
            let mut o = sqlite(url, false);
            o.max_connections(1)
                .min_connections(1)
                .idle_timeout(None)
                .max_lifetime(None);
            let only = Database::connect(o).await?;
            (only.clone(), only)
        } else {
            // The writer first: it creates the file and turns on WAL, which
            // a read-only connection cannot do.
            let mut o = sqlite(url, false);
            o.max_connections(1).min_connections(1).idle_timeout(None);
            let write = Database::connect(o).await?;
            let mut o = sqlite(url, true);
            o.max_connections(settings.pool);
            (Database::connect(o).await?, write)
        };
        Migrator::up(&write, None).await?;
        Ok(Db { read, write })
    }

    /// Opens `url` with default pool sizes; for tools and tests.
    pub async fn open(url: &str) -> Result<Db, DbErr> {
        Db::connect(&DatabaseSettings {
            url: url.to_string(),
            ..DatabaseSettings::default()
        })
        .await
    }

    /// Where reads go. On SQLite its connections are read-only: a write
    /// through it fails at once instead of racing the writer.
    pub fn read(&self) -> &DatabaseConnection {
        &self.read
    }

    /// Where single writes outside a transaction go.
    pub fn write(&self) -> &DatabaseConnection {
        &self.write
    }

    /// Starts a write transaction: `BEGIN IMMEDIATE` on SQLite, so the write
    /// lock is taken before anything is read.
    pub async fn begin(&self) -> Result<DatabaseTransaction, DbErr> {
        self.write
            .begin_with_options(TransactionOptions {
                sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
                ..Default::default()
            })
            .await
    }

    /// Brings the query planner's statistics up to date, after a change
    /// in size like an import (`thorough`) or at start-up. Without them
    /// SQLite guesses how selective each index is, and at the size of the
    /// country it guessed wrong: a district page walked the whole listing
    /// in date order instead of reading its district. PostgreSQL's
    /// autovacuum catches up on its own, but only minutes after a large
    /// import.
    pub async fn refresh_statistics(&self, thorough: bool) -> Result<(), DbErr> {
        let statements: &[&str] = match (self.backend(), thorough) {
            (DbBackend::Sqlite, true) => &["ANALYZE"],
            // Analyses only the tables that need it: those whose size
            // changed a lot, or that have an index without statistics (a
            // migration added it). Whole, not sampled: `analysis_limit`
            // reads the first rows of each index, and on a listing stored
            // district after district it took every district for one
            // twentieth of the country, so a filtered page read the whole
            // country by kind (16 pages a second instead of 370). A whole
            // ANALYZE of 100 000 offerings takes a quarter of a second.
            (DbBackend::Sqlite, false) => &["PRAGMA optimize=0x10002"],
            // VACUUM too: after a bulk load it marks the pages all-visible,
            // without which an index-only scan (the filtered counts) visits
            // the table for every row, and autovacuum would otherwise do it
            // minutes later, under load. Outside any transaction, as VACUUM
            // must be.
            (_, true) => &["VACUUM (ANALYZE)"],
            (_, false) => &[],
        };
        for statement in statements {
            self.write.execute_unprepared(statement).await?;
        }
        Ok(())
    }

    pub fn backend(&self) -> DbBackend {
        self.write.get_database_backend()
    }

    /// On SQLite, copies the write-ahead log into the database file and
    /// empties it (`secure_delete` then overwrites what was deleted), so
    /// rows just removed do not linger in the `-wal` file. Nothing to do on
    /// PostgreSQL.
    pub async fn checkpoint(&self) -> Result<(), DbErr> {
        if self.backend() == DbBackend::Sqlite {
            self.write
                .execute_unprepared("PRAGMA wal_checkpoint(TRUNCATE)")
                .await?;
        }
        Ok(())
    }

    pub async fn close(self) {
        let _ = self.read.close().await;
        let _ = self.write.close().await;
    }
}

fn options(url: &str) -> ConnectOptions {
    let mut options = ConnectOptions::new(url.to_owned());
    options
        .sqlx_logging(false)
        .acquire_timeout(Duration::from_secs(10));
    options
}

fn sqlite(url: &str, read_only: bool) -> ConnectOptions {
    let mut options = options(url);
    options.map_sqlx_sqlite_opts(move |o| {
        let o = o
            .busy_timeout(Duration::from_secs(10))
            .foreign_keys(true)
            // Deleted and overwritten content is zeroed on disk, so that
            // anonymised sign-ups do not linger in free pages of the file.
            .pragma("secure_delete", "ON")
            .read_only(read_only);
        if read_only {
            o
        } else {
            o.journal_mode(SqliteJournalMode::Wal)
        }
    });
    options
}
