//! `/ansatt/steder`: editors keep venues true, the accessibility facts
//! residents choose by first. Venues whose facts were checked longest ago
//! come first.

use leptos::prelude::*;
use leptos_meta::Title;

use crate::api::staff::staff_venues;
use crate::components::error::set_status;
use crate::domain::catalogue::{VenueForm, VenueSubmission, VenuesPage};
use crate::i18n::{Tr, use_tr};
use crate::paths;

use super::staff_page;

/// One venue's form, `prefix` keeping the page's ids apart.
fn venue_fields(tr: &Tr, prefix: &str, form: &VenueForm) -> impl IntoView + use<> {
    let id = |field: &str| format!("{prefix}-{field}");
    let text = |field: &'static str, label: String, value: String| {
        view! {
            <div class="field">
                <label for=id(field)>{label}</label>
                <input type="text" id=id(field) name=field value=value/>
            </div>
        }
    };
    let check = |field: &'static str, label: String, on: bool| {
        view! {
            <div class="check">
                <input type="checkbox" id=id(field) name=field value="1" checked=on/>
                <label for=id(field)>{label}</label>
            </div>
        }
    };
    let hint = id("checked_on-hint");
    view! {
        {text("name", tr.t("staff-form-venue-name-label"), form.name.clone())}
        {text("address", tr.t("staff-form-venue-address"), form.address.clone())}
        {text("postcode", tr.t("staff-form-venue-postcode"), form.postcode.clone())}
        {text("city", tr.t("staff-form-venue-city"), form.city.clone())}
        {check("step_free", tr.t("access-step-free"), form.step_free.is_some())}
        {check("accessible_toilet", tr.t("access-toilet"), form.accessible_toilet.is_some())}
        {check("hearing_loop", tr.t("access-hearing-loop"), form.hearing_loop.is_some())}
        {check("parking", tr.t("staff-form-parking"), form.parking.is_some())}
        <div class="field">
            <label for=id("checked_on")>{tr.t("staff-form-checked-on")}</label>
            <p class="hint" id=hint.clone()>{tr.t("staff-venue-checked-on-hint")}</p>
            <input type="text" id=id("checked_on") name="checked_on" value=form.checked_on.clone() aria-describedby=hint/>
        </div>
    }
}

#[component]
pub fn VenuesView() -> impl IntoView {
    let tr = use_tr();
    let back = use_context::<VenueSubmission>();
    if back.is_some() {
        set_status(422);
    }
    staff_page(staff_venues, move |data: VenuesPage| {
        let tr = tr.clone();
        let rows = data
            .venues
            .iter()
            .map(|v| {
                let mine = back.clone().filter(|b| b.id == v.id);
                let open = mine.is_some();
                let form = mine.as_ref().map_or_else(|| v.form.clone(), |b| b.form.clone());
                let problem = mine.and_then(|b| b.problem).map(|key| {
                    view! {
                        <div class="error-summary" role="alert" tabindex="-1">
                            <h3>{tr.t("staff-form-problem")}</h3>
                            <p>{tr.t(key)}</p>
                        </div>
                    }
                });
                let prefix = format!("venue-{}", v.id);
                let count = tr.t_with("staff-organisation-offerings", &[("count", v.offerings.into())]);
                let checked = tr.t_with("access-checked", &[("date", v.form.checked_on.clone().into())]);
                view! {
                    <li>
                        <details open=open>
                            <summary>
                                {v.form.name.clone()} " (" {v.district.clone()} ", " {count} "). " {checked}
                            </summary>
                            {problem}
                            <form method="post" action=paths::staff_venue(v.id) class="staff-form">
                                {venue_fields(&tr, &prefix, &form)}
                                <button type="submit" class="button">{tr.t("staff-form-save")}</button>
                            </form>
                        </details>
                    </li>
                }
            })
            .collect_view();
        view! {
            <Title text=tr.t("staff-venues-title")/>
            <section class="staff">
                <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                    <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                </nav>
                <h1>{tr.t("staff-venues-title")}</h1>
                <p class="lead">{tr.t("staff-venues-intro")}</p>
                <ul class="accounts">{rows}</ul>
            </section>
        }
    })
}
