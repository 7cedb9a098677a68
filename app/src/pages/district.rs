use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::{ListingData, listing_page};
use crate::components::listing::ListingBody;
use crate::components::load::load_page;
use crate::domain::filter::{ListingFilter, page_from_query};
use crate::i18n::use_tr;
use crate::paths;

/// `/bydel/<slug>`: what is on in one district, with filters.
#[component]
pub fn DistrictPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let (filter, page) = use_query_map().with_untracked(|q| {
        (
            ListingFilter::from_query(|k| q.get(k)),
            page_from_query(|k| q.get(k)),
        )
    });
    let fetch = {
        let (slug, filter) = (slug.clone(), filter.clone());
        move || listing_page(Some(slug.clone()), filter.clone(), page, lang)
    };
    load_page(fetch, move |page: ListingData| {
        let tr = tr.clone();
        let name = page
            .district
            .as_ref()
            .map(|d| d.name.clone())
            .unwrap_or_default();
        let title = tr.t_with("district-title", &[("district", name.clone().into())]);
        view! {
            <Title text=title.clone()/>
            <Meta name="description" content=tr.t_with("district-description", &[("district", name.clone().into())])/>
            <Link
                rel="alternate"
                type_="application/atom+xml"
                title=tr.t_with("changes-feed-title", &[("district", name.clone().into())])
                href=paths::district_changes(&slug)
            />
            <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                <a href=paths::home()>{tr.t("breadcrumb-home")}</a>
            </nav>
            <h1>{title}</h1>
            <ListingBody
                page
                filter=filter.clone()
                action=paths::district(&slug)
                with_district_choice=false
                changes_url=paths::district_changes(&slug)
                programme_url=paths::programme(&slug, &filter, None)
            />
        }
    })
}
