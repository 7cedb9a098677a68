//! Database errors as a resident meets them: a missing row is "not found",
//! anything else is internal and keeps its cause for the log.

use sea_orm::DbErr;

use crate::domain::error::AppError;

impl From<DbErr> for AppError {
    fn from(err: DbErr) -> Self {
        match err {
            DbErr::RecordNotFound(_) => AppError::NotFound,
            other => AppError::internal(other),
        }
    }
}
