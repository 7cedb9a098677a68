//! `/ansatt/kontoer`: administrators add staff, and change a person's
//! role, organisations and whether they may sign in; and
//! `/ansatt/organisasjoner`, where they add and change organisations.

use leptos::prelude::*;
use leptos_meta::Title;
use strum::IntoEnumIterator;

use crate::api::staff::{staff_accounts, staff_organisations};
use crate::components::error::set_status;
use crate::domain::Code;
use crate::domain::catalogue::Choice;
use crate::domain::error::AppError;
use crate::domain::offering::OrganisationKind;
use crate::domain::staff::{
    AccountForm, AccountSubmission, AccountsPage, OrganisationForm, OrganisationSubmission,
    OrganisationsPage, Role,
};
use crate::i18n::{Tr, use_tr};
use crate::paths;

use super::staff_page;

/// The role choice and the organisation boxes of one account's form.
fn role_and_organisations(
    tr: &Tr,
    prefix: &str,
    form: &AccountForm,
    organisations: &[Choice],
) -> impl IntoView + use<> {
    let role_id = format!("{prefix}-role");
    let roles = Role::iter()
        .map(|r| {
            let selected = form.role == r.code();
            view! { <option value=r.code() selected=selected>{tr.t(&format!("staff-role-{}", r.code()))}</option> }
        })
        .collect_view();
    let boxes = organisations
        .iter()
        .map(|o| {
            let value = o.id.to_string();
            let id = format!("{prefix}-org-{value}");
            let checked = form.organisation.contains(&value);
            view! {
                <div class="check">
                    <input type="checkbox" id=id.clone() name="organisation" value=value checked=checked/>
                    <label for=id>{o.name.clone()}</label>
                </div>
            }
        })
        .collect_view();
    view! {
        <div class="field">
            <label for=role_id.clone()>{tr.t("staff-account-role")}</label>
            <select id=role_id name="role">{roles}</select>
        </div>
        <fieldset>
            <legend>{tr.t("staff-account-organisations")}</legend>
            <p class="hint">{tr.t("staff-account-organisations-hint")}</p>
            {boxes}
        </fieldset>
    }
}

#[component]
pub fn AccountsView() -> impl IntoView {
    let tr = use_tr();
    let back = use_context::<AccountSubmission>();
    if let Some(b) = &back {
        set_status(b.error.as_ref().map_or(422, AppError::status));
    }
    staff_page(staff_accounts, move |data: AccountsPage| {
        let tr = tr.clone();
        let back = back.clone().unwrap_or_else(|| AccountSubmission {
            form: AccountForm {
                role: Role::Coordinator.code().to_string(),
                ..AccountForm::default()
            },
            error: None,
        });
        let people = data
            .accounts
            .iter()
            .map(|a| {
                let form = AccountForm {
                    email: a.email.clone(),
                    name: a.name.clone(),
                    role: a.role.code().to_string(),
                    organisation: a.organisations.iter().map(ToString::to_string).collect(),
                    active: a.active.then(|| "1".to_string()),
                };
                let prefix = format!("account-{}", a.id);
                let active_id = format!("{prefix}-active");
                let role = tr.t(&format!("staff-role-{}", a.role.code()));
                let state = if a.active { String::new() } else { format!(" – {}", tr.t("staff-account-stopped")) };
                view! {
                    <li>
                        <details>
                            <summary>{a.name.clone()} " (" {role} ") " {a.email.clone()} {state}</summary>
                            <form method="post" action=paths::staff_account(a.id) class="staff-form">
                                {role_and_organisations(&tr, &prefix, &form, &data.organisations)}
                                <div class="check">
                                    <input type="checkbox" id=active_id.clone() name="active" value="1" checked=a.active/>
                                    <label for=active_id>{tr.t("staff-account-active")}</label>
                                </div>
                                <button type="submit" class="button">{tr.t("staff-form-save")}</button>
                            </form>
                        </details>
                    </li>
                }
            })
            .collect_view();
        view! {
            <Title text=tr.t("staff-accounts-title")/>
            <section class="staff">
                <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                    <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                </nav>
                <h1>{tr.t("staff-accounts-title")}</h1>
                <ul class="accounts">{people}</ul>
                <h2>{tr.t("staff-account-new")}</h2>
                {back.error.as_ref().map(|e| view! {
                    <div class="error-summary" role="alert" tabindex="-1">
                        <h3>{tr.t("staff-form-problem")}</h3>
                        <p>{tr.t(e.key())}</p>
                    </div>
                })}
                <form method="post" action=paths::staff_accounts() class="staff-form">
                    <div class="field">
                        <label for="new-email">{tr.t("staff-email-label")}</label>
                        <input type="email" id="new-email" name="email" value=back.form.email.clone() required/>
                    </div>
                    <div class="field">
                        <label for="new-name">{tr.t("staff-csv-name")}</label>
                        <input type="text" id="new-name" name="name" value=back.form.name.clone() required/>
                    </div>
                    {role_and_organisations(&tr, "new", &back.form, &data.organisations)}
                    <input type="hidden" name="active" value="1"/>
                    <button type="submit" class="button">{tr.t("staff-account-add")}</button>
                </form>
            </section>
        }
    })
}

/// One organisation's fields, with `prefix` keeping the page's ids apart.
fn organisation_fields(
    tr: &Tr,
    prefix: &str,
    form: &OrganisationForm,
    problem: Option<String>,
) -> impl IntoView + use<> {
    let id = |field: &str| format!("{prefix}-{field}");
    let kinds = OrganisationKind::iter()
        .map(|k| {
            let selected = form.kind == k.code();
            view! { <option value=k.code() selected=selected>{tr.t(&format!("staff-organisation-kind-{}", k.code()))}</option> }
        })
        .collect_view();
    let text = |field: &'static str, label: String, value: String, kind: &'static str| {
        view! {
            <div class="field">
                <label for=id(field)>{label}</label>
                <input type=kind id=id(field) name=field value=value/>
            </div>
        }
    };
    let problem = problem.map(|p| {
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h3>{tr.t("staff-form-problem")}</h3>
                <p>{p}</p>
            </div>
        }
    });
    let direct = id("direct");
    view! {
        {problem}
        {text("name", tr.t("staff-organisation-name-label"), form.name.clone(), "text")}
        <div class="field">
            <label for=id("kind")>{tr.t("staff-organisation-kind-label")}</label>
            <select id=id("kind") name="kind">{kinds}</select>
        </div>
        {text("email", tr.t("staff-email-label"), form.email.clone(), "email")}
        {text("phone", tr.t("staff-csv-phone"), form.phone.clone(), "tel")}
        {text("website", tr.t("staff-organisation-website-label"), form.website.clone(), "url")}
        {text("org_number", tr.t("staff-organisation-number-label"), form.org_number.clone(), "text")}
        <div class="check">
            <input type="checkbox" id=direct.clone() name="publishes_directly" value="1" checked=form.publishes_directly.is_some()/>
            <label for=direct>{tr.t("staff-organisation-direct")}</label>
        </div>
    }
}

/// `/ansatt/organisasjoner`: administrators add organisations and change
/// their contact details and whether they publish without approval.
#[component]
pub fn OrganisationsView() -> impl IntoView {
    let tr = use_tr();
    let back = use_context::<OrganisationSubmission>();
    if back.is_some() {
        set_status(422);
    }
    staff_page(staff_organisations, move |data: OrganisationsPage| {
        let tr = tr.clone();
        let back = back.clone();
        let returned = |id: Option<i32>| back.clone().filter(|b| b.id == id);
        let rows = data
            .organisations
            .iter()
            .map(|o| {
                let mine = returned(Some(o.id));
                let open = mine.is_some();
                let form = mine.as_ref().map_or_else(|| o.form.clone(), |b| b.form.clone());
                let problem = mine.and_then(|b| b.problem).map(|key| tr.t(key));
                let prefix = format!("organisation-{}", o.id);
                let kind = tr.t(&format!("staff-organisation-kind-{}", o.form.kind));
                let count = tr.t_with("staff-organisation-offerings", &[("count", o.offerings.into())]);
                view! {
                    <li>
                        <details open=open>
                            <summary>{o.form.name.clone()} " (" {kind} ", " {count} ")"</summary>
                            <form method="post" action=paths::staff_organisation(o.id) class="staff-form">
                                {organisation_fields(&tr, &prefix, &form, problem)}
                                <button type="submit" class="button">{tr.t("staff-form-save")}</button>
                            </form>
                        </details>
                    </li>
                }
            })
            .collect_view();
        let new = returned(None);
        let new_form = new.as_ref().map_or_else(
            || OrganisationForm {
                kind: OrganisationKind::Association.code().to_string(),
                ..OrganisationForm::default()
            },
            |b| b.form.clone(),
        );
        let new_problem = new.and_then(|b| b.problem).map(|key| tr.t(key));
        view! {
            <Title text=tr.t("staff-organisations-title")/>
            <section class="staff">
                <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                    <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                </nav>
                <h1>{tr.t("staff-organisations-title")}</h1>
                <ul class="accounts">{rows}</ul>
                <h2>{tr.t("staff-organisation-new")}</h2>
                <form method="post" action=paths::staff_organisations() class="staff-form">
                    {organisation_fields(&tr, "new-organisation", &new_form, new_problem)}
                    <button type="submit" class="button">{tr.t("staff-organisation-add")}</button>
                </form>
            </section>
        }
    })
}
