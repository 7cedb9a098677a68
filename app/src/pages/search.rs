use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::api::directory::{ListingData, listing_page};
use crate::components::listing::ListingBody;
use crate::components::load::load_page;
use crate::domain::filter::{ListingFilter, page_from_query};
use crate::i18n::use_tr;
use crate::paths;

/// `/tilbud`: every district, with search and filters.
#[component]
pub fn SearchPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let (filter, page) = use_query_map().with_untracked(|q| {
        (
            ListingFilter::from_query(|k| q.get(k)),
            page_from_query(|k| q.get(k)),
        )
    });
    let fetch = {
        let filter = filter.clone();
        move || listing_page(None, filter.clone(), page, lang)
    };
    load_page(fetch, move |page: ListingData| {
        let tr = tr.clone();
        let title = match &filter.query {
            Some(q) => tr.t_with("search-title", &[("query", q.clone().into())]),
            None => tr.t("all-title"),
        };
        view! {
            <Title text=title.clone()/>
            <Meta name="description" content=tr.t("all-description")/>
            <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                <a href=paths::home()>{tr.t("breadcrumb-home")}</a>
            </nav>
            <h1>{title}</h1>
            <ListingBody page filter=filter.clone() action=paths::offerings() with_district_choice=true/>
        }
    })
}
