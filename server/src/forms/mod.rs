//! The one door for form posts. Every form on the site is a plain HTML
//! form that posts here and works without JavaScript: the handler reads
//! the form, checks the limits (and, for staff forms, who is signed in),
//! calls one service, and answers with a redirect (post/redirect/get) or
//! the same page again with what was typed and what is wrong with it.
//! Server functions serve the pages' reads; they take no form posts.
//!
//! - [`sign_up`]: course sign-up, and the confirm and cancel buttons.
//! - [`staff`]: signing in and out of the staff area.

pub mod sign_up;
pub mod staff;

use axum::http::request::Parts;

use crate::AppState;
use crate::client;

/// The largest form body read; the forms are a few hundred bytes.
const FORM_LIMIT: usize = 16 * 1024;

/// Whether the client of `parts` is within `limiter`'s budget.
fn within(
    limiter: &governor::DefaultKeyedRateLimiter<std::net::IpAddr>,
    state: &AppState,
    parts: &Parts,
) -> bool {
    client::within(
        limiter,
        &parts.extensions,
        &parts.headers,
        &state.settings.http.trusted_proxies,
    )
}
