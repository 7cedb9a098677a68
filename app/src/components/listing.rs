use leptos::prelude::*;

use crate::api::directory::ListingData;
use crate::components::card::CardList;
use crate::components::filters::FilterForm;
use crate::domain::filter::ListingFilter;
use crate::i18n::use_tr;

/// Filters and results, shared by the district page and the all-district
/// listing.
#[component]
pub fn ListingBody(
    page: ListingData,
    filter: ListingFilter,
    action: String,
    with_district_choice: bool,
) -> impl IntoView {
    let tr = use_tr();
    let count = tr.t_with(
        "result-count",
        &[(
            "count",
            u32::try_from(page.cards.len()).unwrap_or(u32::MAX).into(),
        )],
    );
    let empty = if filter.is_active() {
        tr.t("result-empty-filtered")
    } else {
        tr.t("result-empty")
    };
    view! {
        <FilterForm
            action
            filter
            categories=page.categories
            districts=with_district_choice.then_some(page.districts)
        />
        <section aria-labelledby="results-heading" class="results">
            <h2 id="results-heading">{count}</h2>
            <CardList cards=page.cards today=page.today empty/>
        </section>
    }
}
