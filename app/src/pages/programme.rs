//! `/bydel/<slug>/ukeprogram`: the district's week on paper, for the
//! noticeboard at the seniors' centre: day by day, large type, readable in
//! black and white, with the municipality's name and the day it was
//! printed. A plain page: no script is needed to read or print it.

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::{ProgrammeData, week_programme};
use crate::components::load::load_page;
use crate::components::print::PrintButton;
use crate::domain::filter::ListingFilter;
use crate::domain::offering::Referral;
use crate::domain::programme::{ProgrammeDay, ProgrammeItem, WEEKS_AHEAD, monday_of};
use crate::i18n::format::price;
use crate::i18n::{Tr, use_tr};
use crate::paths;

#[component]
pub fn ProgrammePage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let (filter, week) = use_query_map()
        .with_untracked(|q| (ListingFilter::from_query(|k| q.get(k)), q.get(paths::WEEK)));
    let fetch = {
        let (slug, filter) = (slug.clone(), filter.clone());
        move || week_programme(slug.clone(), filter.clone(), week.clone(), lang)
    };
    load_page(fetch, move |page: ProgrammeData| {
        let tr = tr.clone();
        let p = &page.programme;
        let sunday = p.monday + Days::new(6);
        let title = tr.t_with(
            "programme-title",
            &[("district", page.district.name.clone().into())],
        );
        let week = tr.t_with(
            "programme-week",
            &[
                ("week", i64::from(p.monday.iso_week().week()).into()),
                ("from", tr.date(p.monday, sunday.year()).into()),
                ("to", tr.date(sunday, 0).into()),
            ],
        );
        let whose = if page.municipality.is_empty() {
            tr.t("site-name")
        } else {
            page.municipality.clone()
        };
        let printed = tr.t_with(
            "programme-printed",
            &[("date", tr.date(page.today, 0).into())],
        );
        let link = |monday: NaiveDate| paths::programme(&page.district.slug, &filter, Some(monday));
        let this_week = monday_of(page.today);
        let previous = (p.monday > this_week).then(|| link(p.monday - Days::new(7)));
        let last = this_week + Days::new(7 * u64::from(WEEKS_AHEAD));
        let next = (p.monday < last).then(|| link(p.monday + Days::new(7)));
        let empty = p.days.iter().all(|d| d.items.is_empty());
        let days = p.days.iter().map(|day| day_view(&tr, day)).collect_view();
        view! {
            <Title text=format!("{title}, {week}")/>
            <Meta name="robots" content="noindex"/>
            <article class="programme">
                <header class="programme-head">
                    <p class="programme-whose">{whose}</p>
                    <h1>{title}</h1>
                    <p class="programme-week">{week}</p>
                </header>
                <nav class="programme-nav no-print" aria-label=tr.t("programme-weeks")>
                    <ul>
                        <li>
                            <a href=paths::district(&page.district.slug)>
                                {tr.t_with("programme-back", &[("district", page.district.name.clone().into())])}
                            </a>
                        </li>
                        {previous.map(|href| view! { <li><a rel="prev" href=href>{tr.t("programme-previous")}</a></li> })}
                        {next.map(|href| view! { <li><a rel="next" href=href>{tr.t("programme-next")}</a></li> })}
                    </ul>
                    <PrintButton label=tr.t("programme-print")/>
                </nav>
                {empty.then(|| view! { <p class="programme-empty">{tr.t("programme-empty")}</p> })}
                {days}
                {p.cut.then(|| view! {
                    <p class="programme-cut">
                        {tr.t("programme-cut")}
                    </p>
                })}
                <footer class="programme-foot">
                    <p>{printed}</p>
                    <p>{tr.t("footer-no-referral")}</p>
                </footer>
            </article>
        }
    })
}

/// One day: its heading and what meets, or nothing when nothing does.
fn day_view(tr: &Tr, day: &ProgrammeDay) -> impl IntoView + use<> {
    if day.items.is_empty() {
        return None;
    }
    let heading = upper_first(&tr.date(day.date, day.date.year()));
    let items = day.items.iter().map(|i| item_view(tr, i)).collect_view();
    Some(view! {
        <section class="programme-day">
            <h2>{heading}</h2>
            <ul>{items}</ul>
        </section>
    })
}

fn item_view(tr: &Tr, item: &ProgrammeItem) -> impl IntoView + use<> {
    let text_lang =
        (item.text.lang != tr.lang()).then_some(crate::domain::Code::code(item.text.lang));
    let mut facts = vec![price(tr, item.price_nok)];
    facts.push(if item.sign_up_required {
        tr.t("sign-up-required")
    } else {
        tr.t("sign-up-not-needed")
    });
    if item.referral != Referral::NotNeeded {
        facts.push(tr.t(item.referral.key()));
    }
    let cancelled = item.cancelled.clone().map(|reason| {
        view! {
            <p class="programme-cancelled">
                <strong>{tr.t("offering-cancelled")}</strong>
                {(!reason.is_empty()).then(|| view! { ": " {reason} })}
            </p>
        }
    });
    view! {
        <li class="programme-item" class:is-cancelled=item.cancelled.is_some()>
            <p class="programme-time">{tr.time_range(item.start, item.end)}</p>
            <div>
                <p class="programme-title" lang=text_lang>
                    <a href=paths::offering(&item.slug)>{item.text.title.clone()}</a>
                </p>
                {cancelled}
                {item.place.clone().map(|p| view! { <p>{p}</p> })}
                {item.phone.clone().map(|phone| view! { <p>{format!("{} {phone}", tr.t("programme-phone"))}</p> })}
                <p class="programme-facts">{facts.join(" · ")}</p>
            </div>
        </li>
    }
}

/// "Mandag 7. desember": a heading starts with a capital.
fn upper_first(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}
