//! A sent email's recipient, and its `.eml` file, are kept only a short
//! while: long enough to answer "did it go?", not long enough to matter if
//! the database or the folder leaks. An organiser's message goes with the
//! last of its emails.

use chrono::Duration;

use super::BATCH;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::mail::{Mailer, outbox};
use crate::domain::error::AppError;

/// Purges what is older than `keep`; returns how many rows.
pub async fn run(db: &Db, mailer: &Mailer, now: Now, keep: Duration) -> Result<u32, AppError> {
    let mut purged = 0;
    loop {
        let ids = outbox::purge(db.write(), now.utc, keep, BATCH).await?;
        mailer.forget(&ids, keep.to_std().unwrap_or_default()).await;
        purged += u32::try_from(ids.len()).unwrap_or(u32::MAX);
        if (ids.len() as u64) < BATCH {
            outbox::purge_messages(db.write(), now.utc, keep).await?;
            return Ok(purged);
        }
    }
}
