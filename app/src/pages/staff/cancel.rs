//! `/ansatt/tilbud/<id>/avlys`: call off one coming date, with a reason.
//! The dates are offered as choices, so none can be mistyped; those
//! already called off are shown, not offered.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::staff::staff_cancel_page;
use crate::components::error::set_status;
use crate::domain::catalogue::{CancelDatePage, CancelSubmission};
use crate::domain::error::AppError;
use crate::i18n::format::when;
use crate::i18n::use_tr;
use crate::paths;

use super::staff_page;

#[component]
pub fn CancelDatePage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let id = use_params_map()
        .with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0));
    let saved = use_query_map().with_untracked(|q| q.get(paths::SAVED).is_some());
    let back = use_context::<CancelSubmission>();
    if let Some(b) = &back {
        set_status(b.error.as_ref().map_or(422, AppError::status));
    }
    staff_page(
        move || staff_cancel_page(id, lang),
        move |page: CancelDatePage| {
            let tr = tr.clone();
            let back = back.clone().unwrap_or_default();
            let heading = tr.t_with(
                "staff-cancel-title",
                &[("title", page.title.clone().into())],
            );
            let choices = page
                .upcoming
                .iter()
                .filter(|o| !page.cancelled.iter().any(|c| c.date == o.date))
                .map(|o| {
                    let value = o.date.to_string();
                    let id = format!("date-{value}");
                    let checked = back.date == value;
                    view! {
                        <div class="check">
                            <input type="radio" id=id.clone() name="date" value=value checked=checked/>
                            <label for=id>{when(&tr, o, page.today)}</label>
                        </div>
                    }
                })
                .collect_view();
            let called_off = page
                .upcoming
                .iter()
                .filter_map(|o| {
                    let c = page.cancelled.iter().find(|c| c.date == o.date)?;
                    Some(view! { <li>{when(&tr, o, page.today)} ": " {c.reason.clone()}</li> })
                })
                .collect_view();
            let emailed = (page.signed_up > 0)
                .then(|| tr.t_with("staff-cancel-emailed", &[("count", page.signed_up.into())]));
            view! {
                <Title text=heading.clone()/>
                <section class="staff">
                    <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                        <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                    </nav>
                    <h1>{heading}</h1>
                    {(saved && back.error.is_none()).then(|| view! { <p class="notice" role="status">{tr.t("staff-cancel-done")}</p> })}
                    {back.error.as_ref().map(|e| view! {
                        <div class="error-summary" role="alert" tabindex="-1">
                            <h2>{tr.t("staff-form-problem")}</h2>
                            <p><a href="#cancel-dates">{tr.t(e.key())}</a></p>
                        </div>
                    })}
                    <form method="post" action=paths::staff_cancel_date(page.id) class="staff-form">
                        <fieldset id="cancel-dates">
                            <legend>{tr.t("staff-cancel-which")}</legend>
                            {choices}
                        </fieldset>
                        <div class="field">
                            <label for="cancel-reason">{tr.t("staff-cancel-reason")}</label>
                            <p class="hint" id="cancel-reason-hint">{tr.t("staff-cancel-reason-hint")}</p>
                            <input type="text" id="cancel-reason" name="reason" maxlength="200" value=back.reason.clone() aria-describedby="cancel-reason-hint"/>
                        </div>
                        <p>{emailed}</p>
                        <button type="submit" class="button">{tr.t("staff-cancel-button")}</button>
                    </form>
                    <h2>{tr.t("staff-cancel-already")}</h2>
                    <ul>{called_off}</ul>
                </section>
            }
        },
    )
}
