//! `/ansatt/passord`: a member of staff adds, changes or removes a
//! password. The emailed code always works; a password is an option for
//! those who would rather not wait for an email.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::staff::staff_me;
use crate::components::error::set_status;
use crate::domain::error::AppError;
use crate::domain::staff::{PASSWORD_MIN_CHARS, PasswordStep, StaffIdentity};
use crate::i18n::use_tr;
use crate::paths;

use super::staff_page;

#[component]
pub fn PasswordPage() -> impl IntoView {
    let tr = use_tr();
    let step = use_context::<PasswordStep>().unwrap_or_default();
    if let Some(e) = &step.error {
        set_status(e.status());
    }
    let saved = use_query_map().with_untracked(|q| q.get(paths::SAVED).is_some());
    staff_page(staff_me, move |me: StaffIdentity| {
        let tr = tr.clone();
        let error = step.error.as_ref().map(AppError::key);
        let invalid = error.is_some().then_some("true");
        let described = if error.is_some() {
            "new-password-hint new-password-error"
        } else {
            "new-password-hint"
        };
        let state = if me.has_password {
            "staff-password-has"
        } else {
            "staff-password-none"
        };
        let remove = me.has_password.then(|| {
            view! {
                <h2>{tr.t("staff-password-remove-heading")}</h2>
                <p>{tr.t("staff-password-remove-intro")}</p>
                <form method="post" action=paths::staff_password_remove() class="staff-form">
                    <button type="submit" class="button secondary">{tr.t("staff-password-remove")}</button>
                </form>
            }
        });
        view! {
            <Title text=tr.t("staff-password-title")/>
            <section class="staff">
                <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                    <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                </nav>
                <h1>{tr.t("staff-password-title")}</h1>
                {saved.then(|| view! { <p class="notice" role="status">{tr.t("staff-form-saved")}</p> })}
                <p class="lead">{tr.t(state)}</p>
                {error.map(|key| view! {
                    <div class="error-summary" role="alert" tabindex="-1">
                        <h2>{tr.t("staff-form-problem")}</h2>
                        <p><a href="#new-password">{tr.t(key)}</a></p>
                    </div>
                })}
                <form method="post" action=paths::staff_password() class="staff-form">
                    <div class="field">
                        <label for="new-password">{tr.t("staff-password-new")}</label>
                        <p class="hint" id="new-password-hint">
                            {tr.t_with("staff-password-hint", &[("min", (PASSWORD_MIN_CHARS as i64).into())])}
                        </p>
                        {error.map(|key| view! { <p class="field-error" id="new-password-error">{tr.t(key)}</p> })}
                        <input
                            type="password"
                            id="new-password"
                            name="password"
                            autocomplete="new-password"
                            aria-describedby=described
                            aria-invalid=invalid
                            required
                        />
                    </div>
                    <div class="field">
                        <label for="repeated-password">{tr.t("staff-password-repeat")}</label>
                        <input type="password" id="repeated-password" name="repeated" autocomplete="new-password" required/>
                    </div>
                    <button type="submit" class="button">{tr.t("staff-password-save")}</button>
                </form>
                {remove}
            </section>
        }
    })
}
