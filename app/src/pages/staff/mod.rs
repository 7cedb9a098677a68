//! The staff area's pages, under `/ansatt`. They render on the server
//! only, for one signed-in person; the server never keeps them and says
//! `Cache-Control: private, no-store`. Nothing public links here or
//! imports this module.

pub mod accounts;
pub mod cancel;
pub mod course;
pub mod dashboard;
pub mod offering;
pub mod password;
pub mod preview;
pub mod reports;
pub mod sign_in;
pub mod venues;

use std::future::Future;

use leptos::prelude::*;
use leptos_meta::Meta;

use crate::components::load::load_page;
use crate::domain::error::AppError;
use crate::domain::staff::StaffIdentity;
use crate::i18n::use_tr;
use crate::paths;

/// Loads a staff page like [`load_page`], which sends a visitor who is
/// not signed in to the sign-in page; staff pages are never indexed.
pub fn staff_page<T, Fut, V>(
    fetch: impl FnOnce() -> Fut,
    render: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    view! {
        <Meta name="robots" content="noindex, nofollow"/>
        {load_page(fetch, render)}
    }
}

/// Who is signed in, and the ways out.
#[component]
pub fn StaffBar(me: StaffIdentity) -> impl IntoView {
    let tr = use_tr();
    let role = tr.t(&format!(
        "staff-role-{}",
        crate::domain::Code::code(me.role)
    ));
    let organisations = me.organisations.join(", ");
    view! {
        <div class="staff-bar">
            <p>
                {tr.t_with("staff-signed-in-as", &[("name", me.name.clone().into()), ("role", role.into())])}
                {(!organisations.is_empty()).then(|| view! { <br/>{organisations.clone()} })}
            </p>
            <p><a href=paths::staff_password()>{tr.t("staff-password-link")}</a></p>
            <form method="post" action=paths::staff_sign_out()>
                <button type="submit" class="button secondary">{tr.t("staff-sign-out")}</button>
            </form>
        </div>
    }
}
