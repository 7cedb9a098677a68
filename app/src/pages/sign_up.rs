use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::directory::{OfferingData, offering_page};
use crate::api::sign_up::{LinkData, link_page};
use crate::components::error::set_status;
use crate::components::load::load_page;
use crate::components::sign_up_form::CourseSignUpForm;
use crate::domain::error::AppError;
use crate::domain::offering::SignUpState;
use crate::domain::sign_up::{SignUpStatus, Submission};
use crate::i18n::use_tr;
use crate::paths;

/// `/tilbud/<slug>/pamelding`: the sign-up form. A submission the server
/// turned back arrives as context and is shown with its messages.
#[component]
pub fn SignUpPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    let submission = use_context::<Submission>();
    if let Some(s) = &submission {
        // A turned-back form is 422, or the error's own status (429).
        set_status(s.error.as_ref().map_or(422, AppError::status));
    }
    let fetch = {
        let slug = slug.clone();
        move || offering_page(slug.clone(), lang)
    };
    load_page(fetch, move |page: OfferingData| {
        let tr = tr.clone();
        let d = page.detail;
        let title = tr.t_with(
            "sign-up-title",
            &[("course", d.card.text.title.clone().into())],
        );
        let state = d.course.as_ref().map(|c| c.sign_up_state(page.now));
        let intro = match state {
            Some(SignUpState::WaitingList) => Some(tr.t("sign-up-waiting-intro")),
            Some(SignUpState::Open { .. }) => Some(tr.t("sign-up-intro")),
            _ => None,
        };
        let blocked = match state {
            Some(SignUpState::NotOpenYet) => Some(tr.t("sign-up-not-open")),
            Some(SignUpState::Closed) | None => Some(tr.t("sign-up-closed")),
            Some(SignUpState::Full) => Some(tr.t("sign-up-full")),
            _ => None,
        };
        let submission = submission.clone().unwrap_or_default();
        view! {
            <Title text=title.clone()/>
            <Meta name="robots" content="noindex"/>
            <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                <a href=paths::home()>{tr.t("breadcrumb-home")}</a>
                " › "
                <a href=paths::offering(&d.card.slug)>{d.card.text.title.clone()}</a>
            </nav>
            <h1>{title}</h1>
            {match blocked {
                Some(reason) => view! { <p class="notice">{reason}</p> }.into_any(),
                None => view! {
                    <p class="lead">{intro}</p>
                    <CourseSignUpForm
                        action=paths::sign_up(&d.card.slug)
                        initial=submission.form
                        errors=submission.errors
                        general_error=submission.error.map(|e| tr.t(e.key()))
                    />
                }
                .into_any(),
            }}
        }
    })
}

/// `/tilbud/<slug>/pamelding/sendt`: the same answer for every accepted
/// submission, so it never tells whether an address was already used.
#[component]
pub fn SignUpSentPage() -> impl IntoView {
    let tr = use_tr();
    let slug = use_params_map().with_untracked(|p| p.get("slug").unwrap_or_default());
    view! {
        <Title text=tr.t("sign-up-sent-title")/>
        <Meta name="robots" content="noindex"/>
        <section class="done">
            <h1>{tr.t("sign-up-sent-title")}</h1>
            <p class="lead">{tr.t("sign-up-sent-body")}</p>
            <p>
                <a class="button secondary" href=paths::offering(&slug)>{tr.t("sign-up-sent-back")}</a>
            </p>
        </section>
    }
}

/// `/pamelding/bekreft?token=…`: asks before confirming, since mail
/// scanners open links; the button posts.
#[component]
pub fn ConfirmPage() -> impl IntoView {
    view! { <LinkPage confirm=true/> }
}

/// `/pamelding/avmeld?token=…`: asks before cancelling; the button posts.
#[component]
pub fn CancelPage() -> impl IntoView {
    view! { <LinkPage confirm=false/> }
}

#[component]
fn LinkPage(confirm: bool) -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    let fetch = {
        let token = token.clone();
        move || link_page(token.clone(), confirm, lang)
    };
    load_page(fetch, move |data: LinkData| {
        let tr = tr.clone();
        let course: crate::i18n::Arg = data.title.clone().into();
        let heading = if confirm {
            tr.t("confirm-title")
        } else {
            tr.t("cancel-title")
        };
        let (message, action) = match (confirm, data.status) {
            (_, SignUpStatus::Expired) => (tr.t("link-status-expired"), None),
            (_, SignUpStatus::Full) => (tr.t("link-status-full"), None),
            (_, SignUpStatus::Cancelled) => (
                tr.t_with("cancel-done", &[("course", course.clone())]),
                None,
            ),
            (true, SignUpStatus::AwaitingConfirmation) => (
                tr.t_with("confirm-question", &[("course", course.clone())]),
                Some((paths::confirm(), tr.t("confirm-button"))),
            ),
            (true, SignUpStatus::WaitingList) if !data.email_confirmed => (
                tr.t_with("confirm-question", &[("course", course.clone())]),
                Some((paths::confirm(), tr.t("confirm-button"))),
            ),
            (true, SignUpStatus::WaitingList) => (
                tr.t_with(
                    "confirm-waiting",
                    &[
                        ("course", course.clone()),
                        ("position", data.position.unwrap_or(1).into()),
                    ],
                ),
                None,
            ),
            (true, SignUpStatus::Confirmed) => (
                tr.t_with("confirm-done", &[("course", course.clone())]),
                None,
            ),
            (false, _) => (
                tr.t_with("cancel-question", &[("course", course.clone())]),
                Some((paths::cancel(), tr.t("cancel-button"))),
            ),
        };
        let token = token.clone();
        view! {
            <Title text=heading.clone()/>
            <Meta name="robots" content="noindex"/>
            <section class="done">
                <h1>{heading}</h1>
                <p class="lead">{message}</p>
                {action
                    .map(|(path, label)| {
                        view! {
                            <form method="post" action=path>
                                <input type="hidden" name="token" value=token.clone()/>
                                <button type="submit" class="button">{label}</button>
                            </form>
                        }
                    })}
                {data
                    .published
                    .then(|| {
                        view! {
                            <p>
                                <a href=paths::offering(&data.slug)>{tr.t("sign-up-sent-back")}</a>
                            </p>
                        }
                    })}
            </section>
        }
    })
}

/// `/personvern`: what a sign-up stores, why, and when it is deleted.
#[component]
pub fn PrivacyPage() -> impl IntoView {
    let tr = use_tr();
    let settings = expect_context::<crate::api::sign_up::PublicSettings>();
    view! {
        <Title text=tr.t("privacy-title")/>
        <section class="privacy">
            <h1>{tr.t("privacy-title")}</h1>
            <p>{tr.t("privacy-what")}</p>
            <p>{tr.t("privacy-why")}</p>
            <p>{tr.t_with("privacy-delete", &[("days", settings.anonymise_after_days.into())])}</p>
            <p>{tr.t_with("privacy-email", &[("minutes", settings.mail_kept_minutes.into())])}</p>
            <p>{tr.t("privacy-health")}</p>
        </section>
    }
}
