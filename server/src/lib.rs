#![recursion_limit = "256"]
//! The HTTP side of Treffpunkt: the axum router around the Leptos app, and
//! the routes that are not pages (calendar files, language choice, health,
//! the sign-up form posts).

pub mod sign_up;

use axum::Form;
use axum::Router;
use axum::extract::{FromRef, Path, State};
use axum::http::{HeaderMap, StatusCode, Uri, header};
use axum::response::{IntoResponse, Redirect, Response};
use axum::routing::{get, post};
use leptos::prelude::*;
use leptos_axum::{LeptosRoutes, generate_route_list};
use sea_orm::DatabaseConnection;
use serde::Deserialize;

use app::api::sign_up::PublicSettings;
use app::backend::{self, LANG_COOKIE, directory, ics, request_lang};
use app::domain::lang::Lang;
use app::{App, shell};

/// What every request handler can reach.
#[derive(Clone, FromRef)]
pub struct AppState {
    pub leptos_options: LeptosOptions,
    pub db: DatabaseConnection,
    /// The site's public address, for links in calendar files.
    pub public_url: String,
    /// Settings of the sign-up flow.
    pub sign_up: backend::sign_up::Settings,
    /// Settings the public pages state.
    pub public: PublicSettings,
    pub limits: std::sync::Arc<sign_up::RateLimits>,
    /// Wakes the mail worker after a change that wrote email.
    pub wake: sign_up::Wake,
}

/// The whole site as one router, also used in-process by the HTTP tests.
pub fn router(state: AppState) -> Router {
    let routes = generate_route_list(App);
    let db = state.db.clone();
    let public = state.public;
    Router::new()
        .route("/healthz", get(health))
        .route("/sprak", post(set_language))
        .route("/tilbud/{slug}/kalender.ics", get(calendar))
        .route("/tilbud/{slug}/pamelding", post(sign_up::post_sign_up))
        .route("/pamelding/bekreft", post(sign_up::post_confirm))
        .route("/pamelding/avmeld", post(sign_up::post_cancel))
        .leptos_routes_with_context(
            &state,
            routes,
            move || {
                provide_context(db.clone());
                provide_context(public);
            },
            {
                let options = state.leptos_options.clone();
                move || shell(options.clone())
            },
        )
        .fallback(leptos_axum::file_and_error_handler::<AppState, _>(shell))
        .layer(axum::middleware::from_fn(sign_up::same_origin_posts))
        .with_state(state)
}

async fn health(State(db): State<DatabaseConnection>) -> Response {
    match db.ping().await {
        Ok(()) => (StatusCode::OK, "ok").into_response(),
        Err(e) => {
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

/// Only paths on this site, so the form cannot be used to send people
/// elsewhere.
fn safe_back(back: &str) -> &str {
    if back.starts_with('/') && !back.starts_with("//") && !back.contains('\\') {
        back
    } else {
        "/"
    }
}

/// Remembers the chosen language for a year and returns to the page.
async fn set_language(Form(choice): Form<LanguageChoice>) -> Response {
    let lang = Lang::parse(&choice.lang).unwrap_or_default();
    let cookie = format!(
        "{LANG_COOKIE}={}; Path=/; Max-Age=31536000; SameSite=Lax; HttpOnly",
        lang.code()
    );
    (
        [(header::SET_COOKIE, cookie)],
        Redirect::to(safe_back(&choice.back)),
    )
        .into_response()
}

/// `/tilbud/<slug>/kalender.ics`: the offering as an iCalendar file.
async fn calendar(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&uri, &headers);
    match directory::offering(&state.db, &slug, lang, directory::oslo_now()).await {
        Ok(detail) => {
            let page = format!("{}/tilbud/{slug}", state.public_url.trim_end_matches('/'));
            let body = ics::offering_calendar(&detail, &page, chrono::Utc::now());
            (
                [
                    (
                        header::CONTENT_TYPE,
                        "text/calendar; charset=utf-8".to_string(),
                    ),
                    (
                        header::CONTENT_DISPOSITION,
                        format!("attachment; filename=\"{slug}.ics\""),
                    ),
                ],
                body,
            )
                .into_response()
        }
        Err(e) => {
            let status =
                StatusCode::from_u16(e.status()).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
            let tr = backend::i18n::loader_for(lang);
            (status, tr.get(e.key())).into_response()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::safe_back;

    #[test]
    fn back_stays_on_this_site() {
        assert_eq!(safe_back("/bydel/ostbyen?free=1"), "/bydel/ostbyen?free=1");
        assert_eq!(safe_back("//evil.example"), "/");
        assert_eq!(safe_back("https://evil.example"), "/");
        assert_eq!(safe_back("/\\evil.example"), "/");
        assert_eq!(safe_back(""), "/");
    }
}
