use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::domain::error::AppError;
use crate::i18n::use_tr;
use crate::paths;

/// A translated error page that also sets the HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let tr = use_tr();
    // The cause of an internal error goes to the log, once, here where
    // it meets the page.
    error.log();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
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
