//! `/bydel/<slug>/ukeprogram`: the district's week on paper, for the
//! noticeboard at the seniors' centre: day by day, large type, readable in
//! black and white, with the municipality's name and the day it was
//! printed. A plain page: no script is needed to read or print it.

use chrono::{Datelike, Days, NaiveDate};
use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::week_programme;
use crate::components::load::load_page;
use crate::components::print::PrintButton;
use crate::domain::filter::ListingFilter;
use crate::domain::offering::Referral;
use crate::domain::programme::{
    ProgrammeData, ProgrammeDay, ProgrammeItem, WEEKS_AHEAD, monday_of,
};
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
        let Heads {
            whose,
            title,
            week,
            printed,
        } = heads(&tr, &page);
        let link = |monday: NaiveDate| paths::programme(&page.district.slug, &filter, Some(monday));
        let pdf = paths::programme_pdf(&page.district.slug, &filter, Some(p.monday));
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
                        <li>
                            <a href=pdf type="application/pdf">{tr.t("programme-pdf")}</a>
                        </li>
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
    let heading = day_heading(tr, day.date);
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
                {item.phone.as_deref().map(|phone| view! { <p>{phone_line(tr, phone)}</p> })}
                <p class="programme-facts">{facts(tr, item)}</p>
            </div>
        </li>
    }
}

/// What the paper says at its head and foot.
pub struct Heads {
    /// The municipality, or the site's name where none is set.
    pub whose: String,
    /// "Ukeprogram for Østbyen".
    pub title: String,
    /// "Uke 50: 7. desember – 13. desember 2026".
    pub week: String,
    /// "Skrevet ut 6. desember 2026."
    pub printed: String,
}

/// The head and foot of `page`'s paper, in `tr`'s language: the same on
/// the page and in its PDF.
pub fn heads(tr: &Tr, page: &ProgrammeData) -> Heads {
    let monday = page.programme.monday;
    let sunday = monday + Days::new(6);
    Heads {
        whose: if page.municipality.is_empty() {
            tr.t("site-name")
        } else {
            page.municipality.clone()
        },
        title: tr.t_with(
            "programme-title",
            &[("district", page.district.name.clone().into())],
        ),
        week: tr.t_with(
            "programme-week",
            &[
                ("week", i64::from(monday.iso_week().week()).into()),
                ("from", tr.date(monday, sunday.year()).into()),
                ("to", tr.date(sunday, 0).into()),
            ],
        ),
        printed: tr.t_with(
            "programme-printed",
            &[("date", tr.date(page.today, 0).into())],
        ),
    }
}

/// "Mandag 7. desember": a day's heading, with a capital.
pub fn day_heading(tr: &Tr, date: NaiveDate) -> String {
    let text = tr.date(date, date.year());
    let mut chars = text.chars();
    chars
        .next()
        .map(|c| c.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// "Gratis · Ingen påmelding": the price, whether to sign up, and a
/// referral where one is asked for.
pub fn facts(tr: &Tr, item: &ProgrammeItem) -> String {
    let mut facts = vec![price(tr, item.price_nok)];
    facts.push(if item.sign_up_required {
        tr.t("sign-up-required")
    } else {
        tr.t("sign-up-not-needed")
    });
    if item.referral != Referral::NotNeeded {
        facts.push(tr.t(item.referral.key()));
    }
    facts.join(" · ")
}

/// "Telefon: 22 33 44 55".
pub fn phone_line(tr: &Tr, phone: &str) -> String {
    format!("{} {phone}", tr.t("programme-phone"))
}
