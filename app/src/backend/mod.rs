//! Server-only code: database, services, jobs, mail, translations and
//! calendar files. Nothing here reaches the browser build. Imports point
//! down: `api` calls services here, services use `entities` and `domain`,
//! and nothing here imports a view.

pub mod catalogue;
pub mod clock;
pub mod course;
pub mod db;
pub mod directory;
pub mod entities;
mod error;
pub mod ics;
pub mod import;
pub mod jobs;
pub mod mail;
pub mod markdown;
pub mod settings;
pub mod sign_up;
pub mod staff;
#[cfg(feature = "test-utils")]
pub mod testing;
pub mod tokens;

use leptos::prelude::*;

use self::db::Db;
use crate::domain::error::AppError;

/// The database, provided to every request's reactive context.
pub fn db() -> Result<Db, AppError> {
    use_context::<Db>().ok_or_else(|| AppError::internal(MissingContext("database")))
}

/// The server's settings, provided to every request's reactive context.
pub fn settings() -> Result<std::sync::Arc<settings::Settings>, AppError> {
    use_context::<std::sync::Arc<settings::Settings>>()
        .ok_or_else(|| AppError::internal(MissingContext("settings")))
}

/// The directory, provided to every request's reactive context.
pub fn directory() -> Result<directory::Directory, AppError> {
    use_context::<directory::Directory>()
        .ok_or_else(|| AppError::internal(MissingContext("directory")))
}

#[derive(Debug, thiserror::Error)]
#[error("no {0} in the request's context")]
struct MissingContext(&'static str);
