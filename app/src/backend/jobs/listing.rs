//! Lists move on with time: a row whose next meeting has ended is
//! recomputed, and a finished course leaves the lists.

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model;
use crate::domain::error::AppError;

/// Brings the read model up to date; returns how many rows changed.
pub async fn run(db: &Db, now: Now) -> Result<u32, AppError> {
    read_model::sync(db, now.local).await
}
