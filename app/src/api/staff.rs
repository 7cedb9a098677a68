//! The staff area's server functions. Each one asks who is calling first
//! (anyone can call a server function), then calls one service.

use leptos::prelude::*;

use crate::domain::catalogue::{CancelDatePage, OfferingFormPage};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingKind;
use crate::domain::staff::{
    AccountsPage, AuditPage, CourseRoster, Dashboard, OutboxPage, StaffFilter,
};

/// The database and the signed-in member of staff of this request.
#[cfg(feature = "ssr")]
async fn signed_in() -> Result<
    (
        crate::backend::db::Db,
        crate::backend::staff::Staff,
        crate::backend::clock::Now,
    ),
    AppError,
> {
    use crate::backend::clock::Now;
    use crate::backend::staff::{access, sessions};
    let db = crate::backend::db()?;
    let cookie = use_context::<http::request::Parts>()
        .and_then(|parts| sessions::from_headers(&parts.headers));
    let now = Now::real();
    let staff = access::signed_in(&db, cookie.as_deref(), now).await?;
    Ok((db, staff, now))
}

#[server]
pub async fn staff_dashboard(
    filter: StaffFilter,
    page: u32,
    lang: Lang,
) -> Result<Dashboard, AppError> {
    use crate::backend::staff::{accounts, roster};
    use crate::domain::filter::bounded_page;
    let (db, staff, now) = signed_in().await?;
    let (filter, page) = (filter.bounded(), bounded_page(page));
    // The server always provides the settings; the default lives in them.
    let days = use_context::<crate::api::sign_up::PublicSettings>().map_or_else(
        || crate::backend::settings::JobSettings::default().stale_after_days,
        |s| s.stale_after_days,
    );
    let stale_since = now.utc - chrono::Duration::days(days);
    let (offerings, total) =
        roster::offerings(db.read(), &staff, &filter, stale_since, lang, page).await?;
    Ok(Dashboard {
        me: accounts::identity(db.read(), &staff).await?,
        offerings,
        total,
        page,
        filter,
        submitted: roster::submitted(db.read(), &staff).await?,
        stale: roster::stale(db.read(), &staff, stale_since).await?,
        today: now.local.date(),
    })
}

#[server]
pub async fn staff_course(id: i32, lang: Lang) -> Result<CourseRoster, AppError> {
    use crate::backend::staff::roster;
    let (db, staff, now) = signed_in().await?;
    let list = roster::roster(db.read(), &staff, id, lang).await?;
    roster::record_viewed(db.write(), &staff, id, now).await?;
    Ok(list)
}

/// The offering form: new (`kind`), editing `edit`, or a copy of `copy`.
#[server]
pub async fn staff_offering_form(
    kind: OfferingKind,
    edit: Option<i32>,
    copy: Option<i32>,
    lang: Lang,
) -> Result<OfferingFormPage, AppError> {
    use crate::backend::catalogue::form;
    let (db, staff, _) = signed_in().await?;
    form::page(db.read(), &staff, kind, edit, copy, lang).await
}

/// The page for calling off one date of offering `id`.
#[server]
pub async fn staff_cancel_page(id: i32, lang: Lang) -> Result<CancelDatePage, AppError> {
    use crate::backend::catalogue::cancel;
    let (db, staff, now) = signed_in().await?;
    cancel::page(&db, &staff, id, lang, now).await
}

/// The outbox, for editors.
#[server]
pub async fn staff_outbox(page: u32) -> Result<OutboxPage, AppError> {
    use crate::backend::staff::reports;
    use crate::domain::filter::bounded_page;
    let (db, staff, _) = signed_in().await?;
    reports::outbox(db.read(), &staff, bounded_page(page)).await
}

/// The audit log, for editors and administrators.
#[server]
pub async fn staff_audit_log(page: u32, lang: Lang) -> Result<AuditPage, AppError> {
    use crate::backend::staff::reports;
    use crate::domain::filter::bounded_page;
    let (db, staff, _) = signed_in().await?;
    reports::audit_log(db.read(), &staff, lang, bounded_page(page)).await
}

/// Every staff account, for administrators.
#[server]
pub async fn staff_accounts() -> Result<AccountsPage, AppError> {
    use crate::backend::staff::accounts;
    let (db, staff, _) = signed_in().await?;
    accounts::list(db.read(), &staff).await
}

/// Who is signed in, for their own settings.
#[server]
pub async fn staff_me() -> Result<crate::domain::staff::StaffIdentity, AppError> {
    use crate::backend::staff::accounts;
    let (db, staff, _) = signed_in().await?;
    accounts::identity(db.read(), &staff).await
}

/// An offering's public page as it would look, and its state.
#[derive(Clone, Debug, PartialEq, serde::Serialize, serde::Deserialize)]
pub struct Preview {
    pub page: crate::api::directory::OfferingData,
    pub status: crate::domain::offering::OfferingStatus,
}

/// An offering's public page as it would look, whatever its state: for
/// the organisers who may edit it.
#[server]
pub async fn staff_preview(id: i32, lang: Lang) -> Result<Preview, AppError> {
    use crate::backend::directory::detail_by_id;
    use crate::backend::staff::access;
    let (db, staff, now) = signed_in().await?;
    let row = access::offering(db.read(), &staff, id).await?;
    Ok(Preview {
        page: crate::api::directory::OfferingData {
            detail: detail_by_id(db.read(), id, lang, now.local).await?,
            today: now.local.date(),
            now: now.local,
            // A preview is for its organisers, not for search engines.
            json_ld: String::new(),
        },
        status: row.status,
    })
}

/// Every organisation, for administrators.
#[server]
pub async fn staff_organisations() -> Result<crate::domain::staff::OrganisationsPage, AppError> {
    use crate::backend::staff::organisations;
    let (db, staff, _) = signed_in().await?;
    organisations::list(db.read(), &staff).await
}

/// Every venue, for editors.
#[server]
pub async fn staff_venues() -> Result<crate::domain::catalogue::VenuesPage, AppError> {
    use crate::backend::staff::venues;
    let (db, staff, _) = signed_in().await?;
    venues::list(db.read(), &staff).await
}
