use leptos::prelude::*;

use crate::api::directory::ListingData;
use crate::components::card::CardList;
use crate::components::filters::FilterForm;
use crate::domain::filter::{ListingFilter, PAGE_MAX, PAGE_SIZE};
use crate::i18n::use_tr;
use crate::paths;

/// Filters and results, shared by the district page and the all-district
/// listing.
#[component]
pub fn ListingBody(
    page: ListingData,
    filter: ListingFilter,
    action: String,
    with_district_choice: bool,
    /// A district's feed of new and changed offerings.
    #[prop(optional)]
    changes_url: Option<String>,
    /// A district's printed weekly programme, with the listing's filters.
    #[prop(optional)]
    programme_url: Option<String>,
) -> impl IntoView {
    let tr = use_tr();
    let count = tr.t_with("result-count", &[("count", page.total.into())]);
    let pages = Pages {
        base: action.clone(),
        query: filter.to_query(),
        page: page.page,
        shown: u32::try_from(page.cards.len()).unwrap_or(u32::MAX),
        total: page.total,
    };
    let suggestion = page.suggestion.map(|words| {
        let mut suggested = filter.clone();
        suggested.query = Some(words.clone());
        let href = paths::with_query(&action, &suggested.to_query());
        view! {
            <p class="suggestion">
                {tr.t("search-did-you-mean")} " " <a href=href>{words}</a>
            </p>
        }
    });
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
            {suggestion}
            <CardList cards=page.cards today=page.today empty/>
            <PageLinks pages/>
        </section>
        <Subscribe calendar_url=page.calendar_url changes_url programme_url/>
    }
}

/// "Follow this list": the listing in the reader's calendar (a
/// subscription that keeps itself up to date, or a file to add once), a
/// district's new and changed offerings as a feed, and its week on paper.
#[component]
fn Subscribe(
    calendar_url: String,
    changes_url: Option<String>,
    programme_url: Option<String>,
) -> impl IntoView {
    let tr = use_tr();
    view! {
        <section aria-labelledby="subscribe-heading" class="subscribe">
            <h2 id="subscribe-heading">{tr.t("subscribe-heading")}</h2>
            <p class="hint">{tr.t("subscribe-hint")}</p>
            <ul>
                <li><a href=paths::webcal(&calendar_url)>{tr.t("subscribe-calendar")}</a></li>
                <li><a href=calendar_url.clone() download>{tr.t("subscribe-download")}</a></li>
                {programme_url
                    .map(|href| view! { <li><a href=href>{tr.t("subscribe-programme")}</a></li> })}
                {changes_url
                    .map(|href| {
                        view! {
                            <li>
                                <a href=href type="application/atom+xml">{tr.t("subscribe-changes")}</a>
                            </li>
                        }
                    })}
            </ul>
        </section>
    }
}

/// Where a page of a listing stands among the others.
#[derive(Clone)]
struct Pages {
    base: String,
    query: Vec<(&'static str, String)>,
    page: u32,
    shown: u32,
    total: u32,
}

impl Pages {
    fn link(&self, page: u32) -> String {
        let mut query = self.query.clone();
        if page > 1 {
            query.push(("page", page.to_string()));
        }
        paths::with_query(&self.base, &query)
    }
}

/// "Showing 21–40 of 2 000", with plain links to the pages before and
/// after: they work without JavaScript and can be shared.
#[component]
fn PageLinks(pages: Pages) -> impl IntoView {
    let tr = use_tr();
    if pages.total <= PAGE_SIZE || pages.shown == 0 {
        return None;
    }
    let from = (pages.page - 1) * PAGE_SIZE + 1;
    let to = from + pages.shown - 1;
    let previous = (pages.page > 1).then(|| pages.link(pages.page - 1));
    let next = (to < pages.total && pages.page < PAGE_MAX).then(|| pages.link(pages.page + 1));
    Some(view! {
        <nav class="pages" aria-label=tr.t("pagination")>
            <p class="page-range">
                {tr.t_with(
                    "result-range",
                    &[("from", from.into()), ("to", to.into()), ("total", pages.total.into())],
                )}
            </p>
            <ul>
                {previous.map(|href| view! { <li><a class="button secondary" rel="prev" href=href>{tr.t("page-previous")}</a></li> })}
                {next.map(|href| view! { <li><a class="button" rel="next" href=href>{tr.t("page-next")}</a></li> })}
            </ul>
        </nav>
    })
}
