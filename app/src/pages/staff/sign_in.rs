//! Signing in: the address, then the emailed code; or the emailed link's
//! page, whose button signs in. Plain forms that work without JavaScript;
//! a turned-back form keeps everything typed.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};
use leptos_router::hooks::use_query_map;

use crate::components::error::set_status;
use crate::domain::staff::SignInStep;
use crate::i18n::use_tr;
use crate::paths;

/// The "this is a shared computer" box, ticked as it was.
#[component]
fn SharedComputer(
    checked: bool,
    /// The box's id: a page with two forms has two boxes.
    #[prop(default = "shared-computer")]
    id: &'static str,
) -> impl IntoView {
    let tr = use_tr();
    let hint = format!("{id}-hint");
    view! {
        <div class="check">
            <input type="checkbox" id=id name="shared_computer" value="1" checked=checked aria-describedby=hint.clone()/>
            <label for=id>{tr.t("staff-shared-computer")}</label>
            <p class="hint" id=hint>{tr.t("staff-shared-computer-hint")}</p>
        </div>
    }
}

/// A message about the whole form, as the error summary shows it.
#[component]
fn FormError(message: Option<String>) -> impl IntoView {
    let tr = use_tr();
    message.map(|m| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>{tr.t("staff-form-problem")}</h2>
                <p>{m}</p>
            </div>
        }
    })
}

/// Signing in with a password, for those who added one: folded away, as
/// most sign in with the emailed code; open when it was just used.
#[component]
fn PasswordSignIn(email: String, shared_computer: bool, error: Option<String>) -> impl IntoView {
    let tr = use_tr();
    let open = error.is_some();
    view! {
        <details class="password-sign-in" open=open>
            <summary>{tr.t("staff-password-sign-in")}</summary>
            <FormError message=error/>
            <form method="post" action=paths::staff_sign_in_password() class="staff-form">
                <div class="field">
                    <label for="password-email">{tr.t("staff-email-label")}</label>
                    <input type="email" id="password-email" name="email" autocomplete="username" value=email required/>
                </div>
                <div class="field">
                    <label for="password">{tr.t("staff-password-label")}</label>
                    <input type="password" id="password" name="password" autocomplete="current-password" required/>
                </div>
                <SharedComputer checked=shared_computer id="password-shared-computer"/>
                <button type="submit" class="button">{tr.t("staff-sign-in-button")}</button>
            </form>
        </details>
    }
}

/// `/ansatt/logg-inn`: the address; after it is posted, the code.
#[component]
pub fn SignInPage() -> impl IntoView {
    let tr = use_tr();
    let step = use_context::<SignInStep>().unwrap_or_default();
    if let Some(e) = &step.error {
        set_status(e.status());
    }
    let error = step.error.as_ref().map(|e| tr.t(e.key()));
    let (error, password_error) = if step.by_password {
        (None, error)
    } else {
        (error, None)
    };
    let form = if step.sent {
        view! {
            <p class="lead">{tr.t("staff-code-sent")}</p>
            <FormError message=error/>
            <form method="post" action=paths::staff_sign_in_code() class="staff-form">
                <input type="hidden" name="email" value=step.email.clone()/>
                <div class="field">
                    <label for="code">{tr.t("staff-code-label")}</label>
                    <p class="hint" id="code-hint">{tr.t("staff-code-hint")}</p>
                    <input
                        type="text"
                        id="code"
                        name="code"
                        inputmode="numeric"
                        autocomplete="one-time-code"
                        maxlength="12"
                        aria-describedby="code-hint"
                        value=step.code.clone()
                        required
                    />
                </div>
                <SharedComputer checked=step.shared_computer/>
                <button type="submit" class="button">{tr.t("staff-sign-in-button")}</button>
            </form>
            <p><a href=paths::staff_sign_in()>{tr.t("staff-code-again")}</a></p>
        }
        .into_any()
    } else {
        view! {
            <p class="lead">{tr.t("staff-sign-in-intro")}</p>
            <FormError message=error/>
            <form method="post" action=paths::staff_sign_in() class="staff-form">
                <div class="field">
                    <label for="email">{tr.t("staff-email-label")}</label>
                    <input
                        type="email"
                        id="email"
                        name="email"
                        autocomplete="email"
                        value=step.email.clone()
                        required
                    />
                </div>
                <button type="submit" class="button">{tr.t("staff-send-code")}</button>
            </form>
            <PasswordSignIn email=step.email.clone() shared_computer=step.shared_computer error=password_error/>
        }
        .into_any()
    };
    view! {
        <Title text=tr.t("staff-sign-in-title")/>
        <Meta name="robots" content="noindex, nofollow"/>
        <section class="staff sign-in">
            <h1>{tr.t("staff-sign-in-title")}</h1>
            {form}
        </section>
    }
}

/// `/ansatt/logg-inn/lenke?token=…`: the emailed link's page. It only
/// asks; the button signs in (mail scanners open links).
#[component]
pub fn SignInLinkPage() -> impl IntoView {
    let tr = use_tr();
    let step = use_context::<SignInStep>().unwrap_or_default();
    let token = use_query_map().with_untracked(|q| q.get("token").unwrap_or_default());
    if let Some(e) = &step.error {
        set_status(e.status());
    }
    let error = step.error.as_ref().map(|e| tr.t(e.key()));
    let failed = error.is_some();
    view! {
        <Title text=tr.t("staff-sign-in-title")/>
        <Meta name="robots" content="noindex, nofollow"/>
        <section class="staff sign-in">
            <h1>{tr.t("staff-sign-in-title")}</h1>
            <FormError message=error/>
            {if failed {
                view! { <p><a class="button" href=paths::staff_sign_in()>{tr.t("staff-code-again")}</a></p> }
                    .into_any()
            } else {
                view! {
                    <p class="lead">{tr.t("staff-link-intro")}</p>
                    <form method="post" action=paths::staff_sign_in_link_post() class="staff-form">
                        <input type="hidden" name="token" value=token.clone()/>
                        <SharedComputer checked=step.shared_computer/>
                        <button type="submit" class="button">{tr.t("staff-sign-in-button")}</button>
                    </form>
                }
                    .into_any()
            }}
        </section>
    }
}
