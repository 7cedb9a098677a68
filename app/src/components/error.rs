use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::domain::error::AppError;
use crate::i18n::use_tr;
use crate::paths;

/// Sets the HTTP status of the page being rendered (on the server; the
/// browser build has none to set).
pub fn set_status(status: u16) {
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(status)
    {
        response.set_status(status);
    }
    #[cfg(not(feature = "ssr"))]
    let _ = status;
}

/// A translated error page that also sets the HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let tr = use_tr();
    // The cause of an internal error goes to the log, once, here where
    // it meets the page.
    error.log();
    if error == AppError::SignInRequired {
        // Only staff pages ask for a sign-in: send the visitor to it. The
        // status is set here too: Leptos sets it only for requests that
        // say they accept HTML.
        #[cfg(feature = "ssr")]
        leptos_axum::redirect(&paths::staff_sign_in());
        set_status(303);
    } else {
        set_status(error.status());
    }
    let title = tr.t(&format!("{}-title", error.key()));
    view! {
        <Title text=title.clone()/>
        <Meta name="robots" content="noindex"/>
        <section class="error-page">
            <h1>{title}</h1>
            <p>{tr.t(error.key())}</p>
            <p>
                <a class="button" href=paths::home()>{tr.t("error-go-home")}</a>
            </p>
        </section>
    }
}
