use chrono::NaiveDate;
use leptos::prelude::*;

use crate::domain::Code;
use crate::domain::offering::{Accessibility, OfferingCard, Referral};
use crate::i18n::format::{kind_label, price, when};
use crate::i18n::use_tr;
use crate::paths;

/// The facts residents decide by, as short labelled badges.
#[component]
pub fn Badges(
    price_nok: i32,
    sign_up_required: bool,
    referral: Referral,
    access: Option<Accessibility>,
) -> impl IntoView {
    let tr = use_tr();
    let access = access.unwrap_or_default();
    view! {
        <ul class="badges">
            <li class=if price_nok == 0 { "badge badge-good" } else { "badge" }>
                {price(&tr, price_nok)}
            </li>
            <li class=if sign_up_required { "badge" } else { "badge badge-good" }>
                {if sign_up_required { tr.t("sign-up-required") } else { tr.t("sign-up-not-needed") }}
            </li>
            // "Uten henvisning" is what makes an offering low-threshold;
            // what is needed otherwise is said as plainly.
            <li class=if referral == Referral::NotNeeded { "badge badge-good" } else { "badge" }>
                {tr.t(referral.key())}
            </li>
            {access
                .step_free
                .then(|| {
                    view! {
                        <li class="badge badge-access">
                            <span class="icon" aria-hidden="true">"♿"</span>
                            {tr.t("access-step-free")}
                        </li>
                    }
                })}
            {access
                .hearing_loop
                .then(|| {
                    view! {
                        <li class="badge badge-access">
                            <span class="icon" aria-hidden="true">"𝐓"</span>
                            {tr.t("access-hearing-loop")}
                        </li>
                    }
                })}
        </ul>
    }
}

/// One offering in a list.
#[component]
pub fn OfferingCardView(card: OfferingCard, today: NaiveDate) -> impl IntoView {
    let tr = use_tr();
    let text_lang = (card.text.lang != tr.lang()).then_some(card.text.lang.code());
    let next_label = if card.kind.has_opening_hours() {
        tr.t("card-next-open")
    } else {
        tr.t("card-next")
    };
    let next = card.next.map(|o| when(&tr, &o, today));
    let place = match &card.venue_name {
        Some(v) => format!("{v}, {}", card.district_name),
        None => card.district_name.clone(),
    };
    view! {
        <article class="card">
            <p class="card-kind">{kind_label(&tr, card.kind)}</p>
            <h3 class="card-title" lang=text_lang>
                <a href=paths::offering(&card.slug)>{card.text.title.clone()}</a>
            </h3>
            <p class="card-summary" lang=text_lang>{card.text.summary.clone()}</p>
            <dl class="facts">
                {next
                    .map(|n| {
                        view! {
                            <div>
                                <dt>{next_label}</dt>
                                <dd>{n}</dd>
                            </div>
                        }
                    })}
                <div>
                    <dt>{tr.t("card-where")}</dt>
                    <dd>{place}</dd>
                </div>
            </dl>
            <Badges
                price_nok=card.price_nok
                sign_up_required=card.sign_up_required
                referral=card.referral
                access=card.access
            />
        </article>
    }
}

/// A list of cards, or a friendly word when it is empty.
#[component]
pub fn CardList(cards: Vec<OfferingCard>, today: NaiveDate, empty: String) -> impl IntoView {
    if cards.is_empty() {
        return view! { <p class="empty">{empty}</p> }.into_any();
    }
    view! {
        <ul class="card-list">
            {cards
                .into_iter()
                .map(|card| view! { <li><OfferingCardView card today/></li> })
                .collect_view()}
        </ul>
    }
    .into_any()
}
