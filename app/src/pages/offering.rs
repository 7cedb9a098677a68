use chrono::{Datelike, NaiveDate};
use leptos::prelude::*;
use leptos_meta::{Meta, Script, Title};
use leptos_router::hooks::use_params_map;

use crate::api::directory::{OfferingData as PageData, offering_page};
use crate::components::card::{Badges, CardList};
use crate::components::load::load_page;
use crate::components::print::{PrintButton, ReadAloud};
use crate::domain::Code;
use crate::domain::offering::{OfferingDetail, SignUpState, VenueDto, WeeklySlotDto};
use crate::i18n::format::{kind_label, price, when};
use crate::i18n::{Tr, use_tr};
use crate::paths;

/// `/tilbud/<slug>`: what, for whom, when, where, cost and how to join.
#[component]
pub fn OfferingPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    load_page(
        move || offering_page(slug.clone(), lang),
        move |page: PageData| {
            let tr = tr.clone();
            // In the head, with the page's other scripts: `<main>` holds
            // no script at all (the script-injection journeys check so).
            view! {
                <Script type_="application/ld+json">{page.json_ld}</Script>
                {render(&tr, page.detail, page.today, page.now)}
            }
        },
    )
}

/// The page of `d`; also the staff area's preview.
pub(crate) fn render(
    tr: &Tr,
    d: OfferingDetail,
    today: NaiveDate,
    now: chrono::NaiveDateTime,
) -> impl IntoView + use<> {
    let card = &d.card;
    let text_lang = (card.text.lang != tr.lang()).then_some(card.text.lang.code());
    let fallback_note = text_lang.map(|_| {
        view! {
            <p class="notice">
                {tr.t_with(
                    "content-fallback",
                    &[("language", tr.t(&format!("language-in-{}", tr.lang().code())).into())],
                )}
            </p>
        }
    });
    let title = card.text.title.clone();
    let schedule_heading = if card.kind.has_opening_hours() {
        tr.t("offering-opening-hours")
    } else {
        tr.t("offering-when")
    };
    let weekly = weekly_list(tr, &d.weekly, today);
    // A date called off stays in the list, marked, with the reason.
    let upcoming: Vec<(String, Option<String>)> = d
        .upcoming
        .iter()
        .map(|o| {
            let off = d.cancelled.iter().find(|c| c.date == o.date);
            (when(tr, o, today), off.map(|c| c.reason.clone()))
        })
        .collect();
    let has_times =
        !d.weekly.is_empty() || d.course.as_ref().is_some_and(|c| !c.sessions.is_empty());
    let course = d.course.as_ref().map(|c| {
        let sessions: Vec<String> = c.sessions.iter().map(|o| when(tr, o, today)).collect();
        let window = [
            c.sign_up_opens
                .filter(|d| *d > today)
                .map(|d| tr.t_with("course-opens", &[("date", tr.date(d, today.year()).into())])),
            c.sign_up_closes.map(|d| {
                tr.t_with(
                    "course-closes",
                    &[("date", tr.date(d, today.year()).into())],
                )
            }),
        ];
        let sign_up_href = paths::sign_up(&d.card.slug);
        let (status, button) = match c.sign_up_state(now) {
            SignUpState::Open { places_left } => (
                tr.t_with("course-places-left", &[("count", places_left.into())]),
                Some(tr.t("course-sign-up-button")),
            ),
            SignUpState::WaitingList => (
                tr.t("course-full-waiting-list"),
                Some(tr.t("course-waiting-list-button")),
            ),
            SignUpState::Full => (tr.t("course-full"), None),
            SignUpState::NotOpenYet => (tr.t("course-not-open"), None),
            SignUpState::Closed => (tr.t("course-closed"), None),
        };
        view! {
            <section aria-labelledby="sign-up-heading" class="sign-up-box">
                <h2 id="sign-up-heading">{tr.t("course-sign-up-button")}</h2>
                <p class="places">
                    <strong>{status}</strong>
                </p>
                {button.map(|label| view! { <p><a class="button" href=sign_up_href>{label}</a></p> })}
            </section>
            <section aria-labelledby="course-heading">
                <h2 id="course-heading">{tr.t("course-sessions")}</h2>
                <ol class="sessions">
                    {sessions.into_iter().map(|s| view! { <li>{s}</li> }).collect_view()}
                </ol>
                <p>{tr.t_with("course-capacity", &[("count", c.capacity.into())])}</p>
                {window.into_iter().flatten().map(|w| view! { <p>{w}</p> }).collect_view()}
            </section>
        }
    });
    let audiences = d
        .audiences
        .iter()
        .map(|a| tr.t(&format!("audience-{}", a.code())))
        .collect::<Vec<_>>()
        .join(", ");
    let categories = d
        .categories
        .iter()
        .map(|c| c.name.clone())
        .collect::<Vec<_>>()
        .join(", ");
    let join = if card.sign_up_required {
        tr.t("offering-join-sign-up")
    } else {
        tr.t("offering-join-drop-in")
    };
    let contact = &d.contact;
    let phone = contact.phone.clone().map(|p| {
        let href = format!("tel:{}", p.replace(' ', ""));
        view! {
            <li>
                {tr.t("contact-phone")} " " <a href=href>{p}</a>
            </li>
        }
    });
    // Only a web address is a link: an imported `javascript:` is not.
    let website = contact
        .organiser_website
        .clone()
        .filter(|w| crate::domain::is_web_address(w))
        .map(|w| {
            view! {
                <li>
                    <a href=w.clone() rel="external">{tr.t("contact-website")}</a>
                </li>
            }
        });
    let runs = (!d.runs.is_empty()).then(|| {
        view! {
            <section aria-labelledby="runs-heading">
                <h2 id="runs-heading">{tr.t("offering-runs")}</h2>
                <CardList cards=d.runs.clone() today empty=String::new()/>
            </section>
        }
    });
    let ended = has_times && d.upcoming.is_empty();

    view! {
        <Title text=title.clone()/>
        <Meta name="description" content=card.text.summary.clone()/>
        <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
            <a href=paths::home()>{tr.t("breadcrumb-home")}</a>
            " › "
            <a href=paths::district(&d.district_slug)>{card.district_name.clone()}</a>
        </nav>
        <article class="offering">
            <p class="card-kind">{kind_label(tr, card.kind)}</p>
            <h1 lang=text_lang>{title.clone()}</h1>
            {fallback_note}
            <p class="lead" lang=text_lang>{card.text.summary.clone()}</p>
            <Badges
                price_nok=card.price_nok
                sign_up_required=card.sign_up_required
                referral=card.referral
                access=card.access
            />
            <div class="actions">
                <a class="button" href=paths::calendar(&card.slug) download=format!("{}.ics", card.slug)>
                    {tr.t("offering-add-to-calendar")}
                </a>
                <PrintButton label=tr.t("offering-print")/>
                <ReadAloud/>
            </div>
            <div class="description" lang=text_lang inner_html=d.description_html.clone()></div>
            <section aria-labelledby="when-heading">
                <h2 id="when-heading">{schedule_heading}</h2>
                {ended.then(|| view! { <p class="notice">{tr.t("offering-ended")}</p> })}
                {weekly}
                {(!upcoming.is_empty())
                    .then(|| {
                        view! {
                            <h3>{tr.t("offering-next-times")}</h3>
                            <ul class="upcoming">
                                {upcoming
                                    .into_iter()
                                    .map(|(time, off)| match off {
                                        None => view! { <li>{time}</li> }.into_any(),
                                        Some(reason) => view! {
                                            <li class="cancelled">
                                                <del>{time}</del>
                                                " "
                                                <strong>{tr.t("offering-cancelled")}</strong>
                                                {(!reason.is_empty()).then(|| view! { ": " {reason} })}
                                            </li>
                                        }
                                        .into_any(),
                                    })
                                    .collect_view()}
                            </ul>
                        }
                    })}
            </section>
            {course}
            {d.venue.as_ref().map(|v| venue_section(tr, v))}
            <section aria-labelledby="who-heading">
                <h2 id="who-heading">{tr.t("offering-for-whom")}</h2>
                <p>{audiences}</p>
                {(!categories.is_empty()).then(|| view! { <p>{tr.t("offering-categories")} ": " {categories}</p> })}
                <p>{tr.t(card.referral.sentence_key())}</p>
            </section>
            <section aria-labelledby="cost-heading">
                <h2 id="cost-heading">{tr.t("offering-cost")}</h2>
                <p>{price(tr, card.price_nok)}</p>
                {d.cost_note.clone().map(|n| view! { <p lang=text_lang>{n}</p> })}
            </section>
            <section aria-labelledby="join-heading">
                <h2 id="join-heading">{tr.t("offering-how-to-join")}</h2>
                <p>{join}</p>
                <ul class="contact">
                    <li>{tr.t("contact-organiser")} ": " {contact.organiser.clone()}</li>
                    <li>{tr.t("contact-person")} ": " {contact.name.clone()}</li>
                    {phone}
                    <li>
                        {tr.t("contact-email")} " "
                        <a href=format!("mailto:{}", contact.email)>{contact.email.clone()}</a>
                    </li>
                    {website}
                </ul>
            </section>
            {runs}
            {d.confirmed_on.map(|on| view! {
                <p class="confirmed-on">{tr.t_with("offering-confirmed-on", &[("date", tr.date(on, today.year()).into())])}</p>
            })}
        </article>
    }
}

fn weekly_list(
    tr: &Tr,
    slots: &[WeeklySlotDto],
    today: NaiveDate,
) -> Option<impl IntoView + use<>> {
    if slots.is_empty() {
        return None;
    }
    let items: Vec<(String, Vec<String>)> = slots
        .iter()
        .filter(|s| s.valid_to.is_none_or(|end| end >= today))
        .map(|s| {
            let line = tr.t_with(
                "weekly-every",
                &[
                    ("weekday", tr.weekday(s.weekday).into()),
                    ("time", tr.time_range(s.start, s.end).into()),
                ],
            );
            let mut notes = Vec::new();
            if let Some(end) = s.valid_to {
                notes.push(tr.t_with(
                    "weekly-until",
                    &[("date", tr.date(end, today.year()).into())],
                ));
            }
            let skipped: Vec<String> = s
                .skipped
                .iter()
                .filter(|d| **d >= today)
                .map(|d| tr.date(*d, today.year()))
                .collect();
            if !skipped.is_empty() {
                notes.push(tr.t_with("weekly-skipped", &[("dates", skipped.join(", ").into())]));
            }
            (line, notes)
        })
        .collect();
    Some(view! {
        <ul class="weekly">
            {items
                .into_iter()
                .map(|(line, notes)| {
                    view! {
                        <li>
                            <strong>{line}</strong>
                            {notes.into_iter().map(|n| view! { <span class="note">{n}</span> }).collect_view()}
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    })
}

fn yes_no(tr: &Tr, yes: bool, key: &str) -> String {
    let answer = if yes {
        tr.t("answer-yes")
    } else {
        tr.t("answer-no")
    };
    format!("{}: {answer}", tr.t(key))
}

fn venue_section(tr: &Tr, v: &VenueDto) -> impl IntoView + use<> {
    let address = format!("{}, {} {}", v.address, v.postcode, v.city);
    let map_url = match v.coordinates {
        Some((lat, lon)) => {
            format!("https://www.openstreetmap.org/?mlat={lat}&mlon={lon}#map=17/{lat}/{lon}")
        }
        None => format!(
            "https://www.openstreetmap.org/search?query={}",
            address.replace(' ', "+").replace(',', "%2C")
        ),
    };
    let facts = [
        yes_no(tr, v.access.step_free, "access-step-free"),
        yes_no(tr, v.access.accessible_toilet, "access-toilet"),
        yes_no(tr, v.access.hearing_loop, "access-hearing-loop"),
        yes_no(tr, v.access.parking, "access-parking"),
    ];
    let checked = tr.t_with(
        "access-checked",
        &[("date", tr.date_short(v.checked_on).into())],
    );
    view! {
        <section aria-labelledby="where-heading">
            <h2 id="where-heading">{tr.t("offering-where")}</h2>
            <p>
                <strong>{v.name.clone()}</strong>
                <br/>
                {address}
            </p>
            <p>
                <a href=map_url rel="external">{tr.t("offering-map")}</a>
            </p>
            {v.bus_stop.clone().map(|b| view! { <p>{tr.t("offering-bus")} ": " {b}</p> })}
            <h3>{tr.t("offering-accessibility")}</h3>
            <ul class="access-facts">
                {facts.into_iter().map(|f| view! { <li>{f}</li> }).collect_view()}
            </ul>
            {v.access_note.clone().map(|n| view! { <p>{n}</p> })}
            <p class="checked">{checked}</p>
        </section>
    }
}
