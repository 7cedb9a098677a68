use leptos::prelude::*;

use strum::IntoEnumIterator;

use crate::domain::Code;
use crate::domain::filter::{ListingFilter, QUERY_MAX};
use crate::domain::offering::{Audience, CategoryDto, DistrictSummary, OfferingKind};
use crate::domain::schedule::TimeOfDay;
use crate::i18n::use_tr;

/// A `<select>` whose first choice is "all".
#[component]
fn Choice(
    id: &'static str,
    name: &'static str,
    label: String,
    all_label: String,
    options: Vec<(String, String)>,
    selected: Option<String>,
) -> impl IntoView {
    view! {
        <div class="field">
            <label for=id>{label}</label>
            <select id=id name=name>
                <option value="">{all_label}</option>
                {options
                    .into_iter()
                    .map(|(value, text)| {
                        let is_selected = selected.as_deref() == Some(value.as_str());
                        view! {
                            <option value=value selected=is_selected>
                                {text}
                            </option>
                        }
                    })
                    .collect_view()}
            </select>
        </div>
    }
}

#[component]
fn Check(id: &'static str, name: &'static str, label: String, checked: bool) -> impl IntoView {
    view! {
        <div class="check">
            <input type="checkbox" id=id name=name value="1" checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

/// The listing filters as a GET form: the result of any choice is a URL
/// that can be shared, bookmarked and reloaded, with or without JavaScript.
#[component]
pub fn FilterForm(
    action: String,
    filter: ListingFilter,
    categories: Vec<CategoryDto>,
    /// Offered only on the all-district listing.
    districts: Option<Vec<DistrictSummary>>,
) -> impl IntoView {
    let tr = use_tr();
    let active = filter.is_active();
    let reset = action.clone();
    let kinds = OfferingKind::iter()
        .map(|k| (k.code().to_string(), tr.t(&format!("kinds-{}", k.code()))))
        .collect();
    let audiences = Audience::iter()
        .map(|a| {
            (
                a.code().to_string(),
                tr.t(&format!("audience-{}", a.code())),
            )
        })
        .collect();
    let days = (1..=7u8).map(|d| (d.to_string(), tr.weekday(d))).collect();
    let times = TimeOfDay::iter()
        .map(|t| {
            (
                t.code().to_string(),
                tr.t(&format!("time-of-day-{}", t.code())),
            )
        })
        .collect();
    let categories = categories.into_iter().map(|c| (c.slug, c.name)).collect();
    let district_choice = districts.map(|ds| {
        let options = ds.into_iter().map(|d| (d.slug, d.name)).collect();
        view! {
            <Choice
                id="filter-district"
                name="district"
                label=tr.t("filter-district")
                all_label=tr.t("filter-all-districts")
                options
                selected=filter.district.clone()
            />
        }
    });
    view! {
        <details class="filters" open=active>
            <summary>{tr.t("filter-heading")}</summary>
            <form method="get" action=action.clone() class="filter-form">
                <div class="field">
                    <label for="filter-q">{tr.t("filter-search")}</label>
                    <input id="filter-q" type="search" name="q" maxlength=QUERY_MAX value=filter.query.clone().unwrap_or_default()/>
                </div>
                {district_choice}
                <Choice
                    id="filter-kind"
                    name="kind"
                    label=tr.t("filter-kind")
                    all_label=tr.t("filter-all-kinds")
                    options=kinds
                    selected=filter.kind.map(|k| k.code().to_string())
                />
                <Choice
                    id="filter-category"
                    name="category"
                    label=tr.t("filter-category")
                    all_label=tr.t("filter-all-categories")
                    options=categories
                    selected=filter.category.clone()
                />
                <Choice
                    id="filter-audience"
                    name="audience"
                    label=tr.t("filter-audience")
                    all_label=tr.t("filter-all-audiences")
                    options=audiences
                    selected=filter.audience.map(|a| a.code().to_string())
                />
                <Choice
                    id="filter-day"
                    name="day"
                    label=tr.t("filter-day")
                    all_label=tr.t("filter-all-days")
                    options=days
                    selected=filter.weekday.map(|d| d.to_string())
                />
                <Choice
                    id="filter-time"
                    name="time"
                    label=tr.t("filter-time")
                    all_label=tr.t("filter-all-times")
                    options=times
                    selected=filter.time_of_day.map(|t| t.code().to_string())
                />
                <fieldset class="checks">
                    <legend>{tr.t("filter-only")}</legend>
                    <Check id="filter-free" name="free" label=tr.t("filter-free") checked=filter.free_only/>
                    <Check id="filter-drop-in" name="drop_in" label=tr.t("filter-drop-in") checked=filter.no_sign_up/>
                    <Check id="filter-step-free" name="step_free" label=tr.t("filter-step-free") checked=filter.step_free/>
                    <Check id="filter-no-referral" name="no_referral" label=tr.t("filter-no-referral") checked=filter.no_referral/>
                </fieldset>
                <div class="form-actions">
                    <button type="submit" class="button">{tr.t("filter-submit")}</button>
                    <a href=reset class="button secondary">{tr.t("filter-reset")}</a>
                </div>
            </form>
        </details>
    }
}
