//! `/ansatt/tilbud/<id>/forhandsvis`: an offering's public page as it
//! would look, before it is published or after an edit, for those who may
//! edit it; with its state and the way back to the form.

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

use crate::api::staff::{Preview, staff_preview};
use crate::i18n::use_tr;
use crate::pages::offering::render;
use crate::paths;

use super::staff_page;

#[component]
pub fn PreviewPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0));
    staff_page(
        move || staff_preview(id, lang),
        move |preview: Preview| {
            let tr = tr.clone();
            let status = tr.t(&format!(
                "staff-offering-status-{}",
                crate::domain::Code::code(preview.status)
            ));
            let page = preview.page;
            view! {
                <div class="preview-banner" role="note">
                    <p>
                        <strong>{tr.t("staff-preview-banner")}</strong>
                        " "
                        {tr.t_with("staff-preview-state", &[("status", status.into())])}
                    </p>
                    <p><a href=paths::staff_offering(id)>{tr.t("staff-preview-back")}</a></p>
                </div>
                {render(&tr, page.detail, page.today, page.now)}
            }
        },
    )
}
