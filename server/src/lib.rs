#![recursion_limit = "256"]
//! The HTTP side of Treffpunkt: the axum router around the Leptos app, and
//! the routes that are not pages (calendar files and feeds in `open`,
//! language choice, health, the form posts), with the security headers, limits and timeouts
//! every request goes through.

pub mod assets;
pub mod cli;
pub mod client;
pub mod compress;
pub mod delivery;
pub mod forms;
pub mod limits;
pub mod open;
pub mod pdf;
pub mod render;
pub mod security;
pub mod serve;

use std::sync::Arc;

use axum::Form;
use axum::Router;
use axum::extract::{FromRef, State};
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use serde::Deserialize;
use tokio::sync::Notify;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;

use app::backend::db::Db;
use app::backend::directory::Directory;
use app::backend::settings::Settings;
use app::domain::Code;
use app::domain::lang::Lang;
use app::i18n::{LANG_COOKIE, LARGE_TEXT, TEXT_SIZE_COOKIE};
use app::paths::{self, route};
use app::{App, shell};

use crate::assets::Assets;
use crate::delivery::PageCache;
use crate::limits::RateLimits;

/// What every request handler can reach: [`Shared`] behind one reference
/// count. Every middleware and handler takes its own clone of the state;
/// cloning and dropping each field for each of them was a twentieth of a
/// rendered search's CPU.
#[derive(Clone)]
pub struct AppState(Arc<Shared>);

impl std::ops::Deref for AppState {
    type Target = Shared;

    fn deref(&self) -> &Shared {
        &self.0
    }
}

impl FromRef<AppState> for LeptosOptions {
    fn from_ref(state: &AppState) -> Self {
        state.leptos_options.clone()
    }
}

impl FromRef<AppState> for Db {
    fn from_ref(state: &AppState) -> Self {
        state.db.clone()
    }
}

/// The parts of the site every request shares.
pub struct Shared {
    pub leptos_options: LeptosOptions,
    pub db: Db,
    /// The directory the pages read, with its caches.
    pub directory: Directory,
    /// The site's own files, in memory.
    pub assets: Assets,
    /// The listing pages as last rendered.
    pub pages: PageCache,
    pub settings: Arc<Settings>,
    pub limits: Arc<RateLimits>,
    /// Wakes the mail worker after a change that queued email.
    pub wake: Arc<Notify>,
}

/// The largest request body anything here reads: forms are small, and a
/// server function's arguments smaller still.
const BODY_LIMIT: usize = 64 * 1024;

/// The whole site as one router, also used in-process by the HTTP tests.
pub fn router(shared: Shared) -> Router {
    let state = AppState(Arc::new(shared));
    let routes = generate_route_list(App);
    let timeout = state.settings.http.request_timeout;
    Router::<AppState>::new()
        .route(route::HEALTH, get(health))
        .route(route::ROBOTS, get(open::robots))
        .route(route::SITEMAP, get(open::sitemap::index))
        .route(route::SITEMAP_PART, get(open::sitemap::part))
        .route(route::LANGUAGE, post(set_language))
        .route(route::TEXT_SIZE, post(set_text_size))
        .route(route::CALENDAR, get(open::calendar::offering))
        .route(route::LISTING_CALENDAR, get(open::calendar::all))
        .route(route::DISTRICT_CALENDAR, get(open::calendar::district))
        .route(route::DISTRICT_CHANGES, get(open::changes::district))
        .route(route::DISTRICT_PROGRAMME_PDF, get(open::programme::pdf))
        .route(route::SIGN_UP, post(forms::sign_up::post_sign_up))
        .route(route::CONFIRM, post(forms::sign_up::post_confirm))
        .route(route::CANCEL, post(forms::sign_up::post_cancel))
        .route(
            route::STAFF_SIGN_IN,
            post(forms::staff::sign_in::post_sign_in),
        )
        .route(
            route::STAFF_SIGN_IN_CODE,
            post(forms::staff::sign_in::post_code),
        )
        .route(
            route::STAFF_SIGN_IN_LINK,
            post(forms::staff::sign_in::post_link),
        )
        .route(
            route::STAFF_SIGN_IN_PASSWORD,
            post(forms::staff::sign_in::post_password_sign_in),
        )
        .route(
            route::STAFF_PASSWORD,
            post(forms::staff::sign_in::post_password),
        )
        .route(
            route::STAFF_PASSWORD_REMOVE,
            post(forms::staff::sign_in::post_password_remove),
        )
        .route(
            route::STAFF_COURSE_MESSAGE,
            post(forms::staff::courses::post_message),
        )
        .route(
            route::STAFF_ORGANISATIONS,
            post(forms::staff::accounts::post_new_organisation),
        )
        .route(
            route::STAFF_ORGANISATION,
            post(forms::staff::accounts::post_organisation),
        )
        .route(
            route::STAFF_VENUE,
            post(forms::staff::offerings::post_venue),
        )
        .route(
            route::STAFF_SIGN_OUT,
            post(forms::staff::sign_in::post_sign_out),
        )
        .route(
            route::STAFF_SIGN_OUT_EVERYWHERE,
            post(forms::staff::sign_in::post_sign_out_everywhere),
        )
        .route(
            route::STAFF_COURSE_CSV,
            get(forms::staff::courses::course_csv),
        )
        .route(
            route::STAFF_NEW_OFFERING,
            post(forms::staff::offerings::post_new_offering),
        )
        .route(
            route::STAFF_OFFERING,
            post(forms::staff::offerings::post_offering),
        )
        .route(
            route::STAFF_CANCEL_DATE,
            post(forms::staff::offerings::post_cancel_date),
        )
        .route(
            route::STAFF_OFFERING_STATUS,
            post(forms::staff::offerings::post_status),
        )
        .route(
            route::STAFF_SIGN_UP_ACTION,
            post(forms::staff::courses::post_sign_up_action),
        )
        .route(
            route::STAFF_CONFIRM_OFFERING,
            post(forms::staff::offerings::post_confirm_offering),
        )
        .route(
            route::STAFF_OUTBOX_RETRY,
            post(forms::staff::reports::post_outbox_retry),
        )
        .route(
            route::STAFF_ACCOUNTS,
            post(forms::staff::accounts::post_new_account),
        )
        .route(
            route::STAFF_ACCOUNT,
            post(forms::staff::accounts::post_account),
        )
        .route(
            route::STAFF_PHONE_SIGN_UP,
            post(forms::staff::courses::post_phone_sign_up),
        )
        .route(route::ASSET, get(assets::serve))
        .merge(open::hsds::router())
        .leptos_routes_with_context(
            &state,
            routes,
            {
                let state = state.clone();
                move || render::provide_state(&state)
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(security::server_fn_status))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::same_origin_posts,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            delivery::deliver,
        ))
        .layer(axum::middleware::from_fn_with_state(
            state.clone(),
            security::headers,
        ))
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::SERVICE_UNAVAILABLE,
            timeout,
        ))
        .with_state(state)
}

async fn health(State(db): State<Db>) -> Response {
    match (db.read().ping().await, db.write().ping().await) {
        (Ok(()), Ok(())) => (StatusCode::OK, "ok").into_response(),
        (Err(e), _) | (_, Err(e)) => {
            tracing::error!(error = %e, "health check failed");
            (StatusCode::SERVICE_UNAVAILABLE, "database unavailable").into_response()
        }
    }
}

#[derive(Deserialize)]
struct LanguageChoice {
    lang: String,
    #[serde(default)]
    back: String,
}

/// Remembers the chosen language for a year and returns to the page, if
/// the page is on this site.
async fn set_language(
    State(state): State<AppState>,
    Form(choice): Form<LanguageChoice>,
) -> Response {
    let lang = Lang::parse(&choice.lang).unwrap_or_default();
    remember(&state, LANG_COOKIE, Some(lang.code()), &choice.back)
}

#[derive(Deserialize)]
struct TextSizeChoice {
    size: String,
    #[serde(default)]
    back: String,
}

/// Turns larger text and stronger contrast on (for a year) or off, and
/// returns to the page.
async fn set_text_size(
    State(state): State<AppState>,
    Form(choice): Form<TextSizeChoice>,
) -> Response {
    let large = (choice.size == LARGE_TEXT).then_some(LARGE_TEXT);
    remember(&state, TEXT_SIZE_COOKIE, large, &choice.back)
}

/// Sets the cookie `name` to `value` for a year (or removes it) and sends
/// the reader back to `back`, if that is a page of this site.
fn remember(state: &AppState, name: &str, value: Option<&str>, back: &str) -> Response {
    let secure = if state.settings.site.is_https() {
        "; Secure"
    } else {
        ""
    };
    let age = if value.is_some() { 31_536_000 } else { 0 };
    let cookie = format!(
        "{name}={}; Path=/; Max-Age={age}; SameSite=Lax; HttpOnly{secure}",
        value.unwrap_or_default()
    );
    let back = if paths::is_local(back) {
        back.to_string()
    } else {
        paths::home()
    };
    ([(header::SET_COOKIE, cookie)], Redirect::to(&back)).into_response()
}
