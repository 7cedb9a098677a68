use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::sign_up::SignUpStatus;

/// Settings the public pages state, provided by the server.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PublicSettings {
    pub anonymise_after_days: i64,
    pub mail_kept_minutes: i64,
    /// Days after its last confirmation that a listing is stale.
    pub stale_after_days: i64,
}

/// What a confirm or cancel link is about.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct LinkData {
    pub slug: String,
    pub title: String,
    /// Whether the course's page is public (an archived course has none).
    pub published: bool,
    pub status: SignUpStatus,
    pub email_confirmed: bool,
    pub position: Option<u32>,
}

#[server]
pub async fn link_page(token: String, confirm: bool, lang: Lang) -> Result<LinkData, AppError> {
    use crate::backend::clock::Now;
    use crate::backend::sign_up::{Purpose, view_link};
    use crate::backend::{db, directory};
    let db = db()?;
    let purpose = if confirm {
        Purpose::Confirm
    } else {
        Purpose::Cancel
    };
    let view = view_link(&db, &token, purpose, Now::real()).await?;
    let (slug, title, published) = directory::name_of(db.read(), view.offering_id, lang).await?;
    Ok(LinkData {
        slug,
        title,
        published,
        status: view.status,
        email_confirmed: view.email_confirmed,
        position: view.position,
    })
}
