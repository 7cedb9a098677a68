use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::sign_up::SignUpStatus;

/// Days after a course ends that sign-ups are anonymised, unless configured
/// otherwise (`ANONYMISE_AFTER_DAYS`).
pub const ANONYMISE_AFTER_DAYS_DEFAULT: i64 = 30;

/// Settings the public pages state, provided by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicSettings {
    pub anonymise_after_days: i64,
}

/// What a confirm or cancel link is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkData {
    pub slug: String,
    pub title: String,
    pub status: SignUpStatus,
    pub email_confirmed: bool,
    pub position: Option<u32>,
}

#[server]
pub async fn link_page(token: String, confirm: bool, lang: Lang) -> Result<LinkData, AppError> {
    use crate::backend::sign_up::{Now, Purpose, SignUpError, view_link};
    use crate::backend::{db, directory};
    let db = db()?;
    let now = Now::real();
    let purpose = if confirm {
        Purpose::Confirm
    } else {
        Purpose::Cancel
    };
    let view = view_link(&db, &token, purpose, now)
        .await
        .map_err(|e| match e {
            SignUpError::LinkExpired => AppError::LinkExpired,
            SignUpError::LinkInvalid => AppError::LinkInvalid,
            SignUpError::NotFound => AppError::NotFound,
            _ => AppError::Internal,
        })?;
    let detail = directory::offering(&db, &view.offering_slug, lang, now.local).await?;
    Ok(LinkData {
        slug: view.offering_slug,
        title: detail.card.text.title,
        status: view.status,
        email_confirmed: view.email_confirmed,
        position: view.position,
    })
}
