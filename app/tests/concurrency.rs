//! Pages and bad links never wait behind a write: on SQLite, whose one
//! writer a sign-up, a link or the mail worker may hold, reads go through a
//! pool of their own, and a link is looked up before any lock is taken.

mod support;

use std::time::Duration;

use app::backend::directory::Directory;
use app::backend::sign_up as service;
use app::domain::error::AppError;
use app::domain::filter::ListingFilter;
use app::domain::lang::Lang;
use sea_orm::ConnectionTrait;
use support::*;

/// Enough for a read on a busy machine, far less than a held write lock.
const PATIENCE: Duration = Duration::from_secs(3);

/// A write transaction that has written, as a sign-up or the worker holds.
async fn hold_the_writer(db: &app::backend::db::Db) -> sea_orm::DatabaseTransaction {
    let txn = db.begin().await.unwrap();
    txn.execute_unprepared("UPDATE district SET sort_order = sort_order")
        .await
        .unwrap();
    txn
}

#[tokio::test]
async fn pages_read_while_a_write_transaction_is_open() {
    for (backend, db) in databases().await {
        let txn = hold_the_writer(&db).await;
        let listing = tokio::time::timeout(
            PATIENCE,
            Directory::new(db.clone()).listing(None, &ListingFilter::default(), Lang::Nb, 1),
        )
        .await;
        assert!(
            matches!(listing, Ok(Ok(_))),
            "{backend}: the page waited for the writer"
        );
        txn.rollback().await.unwrap();
    }
}

#[tokio::test]
async fn a_bogus_link_is_refused_without_waiting_for_the_writer() {
    for (backend, db) in databases().await {
        let txn = hold_the_writer(&db).await;
        let token = "A".repeat(43);
        for refused in [
            tokio::time::timeout(PATIENCE, service::confirm(&db, &token, now())).await,
            tokio::time::timeout(PATIENCE, service::cancel(&db, "bogus", now())).await,
        ] {
            assert_eq!(
                refused.map(|r| r.map(|_| ()).unwrap_err()),
                Ok(AppError::LinkInvalid),
                "{backend}"
            );
        }
        txn.rollback().await.unwrap();
    }
}
