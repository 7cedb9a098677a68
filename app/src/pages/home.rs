use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use strum::IntoEnumIterator;

use crate::api::directory::{FrontPageData, front_page};
use crate::components::card::CardList;
use crate::components::load::load_page;
use crate::domain::Code;
use crate::domain::offering::OfferingKind;
use crate::i18n::use_tr;
use crate::paths;

/// Choose a district or a kind of offering, and see what is on this week.
#[component]
pub fn HomePage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    load_page(
        move || front_page(lang),
        move |page: FrontPageData| {
            let tr = tr.clone();
            view! {
                <Title text=String::new()/>
                <Meta name="description" content=tr.t("home-description")/>
                <section class="intro">
                    <h1>{tr.t("home-heading")}</h1>
                    <p class="lead">{tr.t("home-lead")}</p>
                </section>
                <section aria-labelledby="districts-heading">
                    <h2 id="districts-heading">{tr.t("home-choose-district")}</h2>
                    <ul class="district-list">
                        {page
                            .districts
                            .into_iter()
                            .map(|d| {
                                let count = tr.t_with("offering-count", &[("count", d.offering_count.into())]);
                                view! {
                                    <li>
                                        <a class="district-link" href=paths::district(&d.slug)>
                                            <span class="district-name">{d.name}</span>
                                            <span class="district-count">{count}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="kinds-heading">
                    <h2 id="kinds-heading">{tr.t("home-choose-kind")}</h2>
                    <ul class="kind-list">
                        {OfferingKind::iter()
                            .map(|k| {
                                view! {
                                    <li>
                                        <a class="kind-link" href=paths::offerings_of_kind(k)>
                                            <span class="kind-name">{tr.t(&format!("kinds-{}", k.code()))}</span>
                                            <span class="kind-hint">{tr.t(&format!("kind-hint-{}", k.code()))}</span>
                                        </a>
                                    </li>
                                }
                            })
                            .collect_view()}
                    </ul>
                </section>
                <section aria-labelledby="week-heading">
                    <h2 id="week-heading">{tr.t("home-this-week")}</h2>
                    <CardList cards=page.this_week today=page.today empty=tr.t("home-this-week-empty")/>
                    <p>
                        <a href=paths::offerings()>{tr.t("home-see-all")}</a>
                    </p>
                </section>
            }
        },
    )
}
