use leptos::prelude::*;
use leptos_meta::{Meta, Title};

use crate::domain::error::AppError;
use crate::i18n::use_tr;

/// A translated error page that also sets the HTTP status.
#[component]
pub fn ErrorView(error: AppError) -> impl IntoView {
    let tr = use_tr();
    #[cfg(feature = "ssr")]
    if let Some(response) = use_context::<leptos_axum::ResponseOptions>()
        && let Ok(status) = http::StatusCode::from_u16(error.status())
    {
        response.set_status(status);
    }
    let title = tr.t(&format!("{}-title", error.key()));
    view! {
        <Title text=format!("{title} – {}", tr.t("site-name"))/>
        <Meta name="robots" content="noindex"/>
        <section class="error-page">
            <h1>{title}</h1>
            <p>{tr.t(error.key())}</p>
            <p>
                <a class="button" href="/">{tr.t("error-go-home")}</a>
            </p>
        </section>
    }
}
