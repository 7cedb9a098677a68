//! Server-only code: database, services, jobs, mail, translations and
//! calendar files. Nothing here reaches the browser build. Imports point
//! down: `api` calls services here, services use `entities` and `domain`,
//! and nothing here imports a view.

pub mod clock;
pub mod course;
pub mod db;
pub mod directory;
pub mod entities;
mod error;
pub mod i18n;
pub mod ics;
pub mod import;
pub mod jobs;
pub mod mail;
pub mod settings;
pub mod sign_up;
#[cfg(feature = "test-utils")]
pub mod testing;

use http::{HeaderMap, Uri, header};
use leptos::prelude::*;

use self::db::Db;
use crate::domain::error::AppError;
use crate::domain::lang::Lang;

/// The database, provided to every request's reactive context.
pub fn db() -> Result<Db, AppError> {
    use_context::<Db>().ok_or_else(|| AppError::internal(MissingContext("database")))
}

#[derive(Debug, thiserror::Error)]
#[error("no {0} in the request's context")]
struct MissingContext(&'static str);

/// The name of the cookie that remembers the reader's language.
pub const LANG_COOKIE: &str = "lang";

/// The language of a request: `?lang=` in the URL, then the `lang` cookie,
/// then `Accept-Language`, then Bokmål.
pub fn request_lang(uri: &Uri, headers: &HeaderMap) -> Lang {
    let query = uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == "lang")
            .map(|(_, v)| v.to_string())
    });
    let cookie = headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == LANG_COOKIE)
        .map(|(_, v)| v.to_string());
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Lang::negotiate(query.as_deref(), cookie.as_deref(), accept)
}
