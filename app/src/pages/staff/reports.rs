//! `/ansatt/utboks` and `/ansatt/logg`: the outbox and the audit log, for
//! editors and administrators.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::staff::{staff_audit_log, staff_outbox};
use crate::domain::Code;
use crate::domain::staff::{AuditPage, OutboxPage};
use crate::i18n::use_tr;
use crate::paths;

use super::staff_page;

fn page_param() -> u32 {
    use_query_map().with_untracked(|q| q.get("page").and_then(|p| p.parse().ok()).unwrap_or(1))
}

/// A local time as the staff tables show it: `06.12.2026 10.05`.
fn stamp(at: chrono::NaiveDateTime) -> String {
    at.format("%d.%m.%Y %H.%M").to_string()
}

#[component]
pub fn OutboxView() -> impl IntoView {
    let tr = use_tr();
    let page = page_param();
    staff_page(
        move || staff_outbox(page),
        move |data: OutboxPage| {
            let tr = tr.clone();
            let rows = data
                .entries
                .iter()
                .map(|e| {
                    let retry = e.retry.then(|| {
                        view! {
                            <form method="post" action=paths::staff_outbox_retry(e.id) class="row-action">
                                <button type="submit" class="button secondary">{tr.t("staff-outbox-retry")}</button>
                            </form>
                        }
                    });
                    view! {
                        <tr>
                            <td>{stamp(e.queued_at)}</td>
                            <td>{tr.t(&format!("staff-email-{}", e.kind.code()))}</td>
                            <td>{e.to.clone()}</td>
                            <td>{tr.t(&format!("staff-outbox-{}", e.status.code()))} " (" {e.attempts} ")"</td>
                            <td>{e.finished_at.map(stamp)}</td>
                            <td>{e.error.clone()} {retry}</td>
                        </tr>
                    }
                })
                .collect_view();
            let next = (data.entries.len() == 50).then(|| {
                paths::with_query(
                    &paths::staff_outbox(),
                    &[("page", (data.page + 1).to_string())],
                )
            });
            view! {
                <Title text=tr.t("staff-outbox-title")/>
                <section class="staff">
                    <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                        <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                    </nav>
                    <h1>{tr.t("staff-outbox-title")}</h1>
                    <p>{tr.t_with("staff-outbox-summary", &[("queued", data.queued.into()), ("failed", data.failed.into())])}</p>
                    // A table of text only: focusable, so a keyboard can
                    // scroll it sideways on a phone.
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tr.t("staff-outbox-title")>
                        <table class="staff-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("staff-outbox-queued-at")}</th>
                                    <th scope="col">{tr.t("staff-outbox-kind")}</th>
                                    <th scope="col">{tr.t("staff-outbox-to")}</th>
                                    <th scope="col">{tr.t("staff-col-status")}</th>
                                    <th scope="col">{tr.t("staff-outbox-finished-at")}</th>
                                    <th scope="col">{tr.t("staff-outbox-error")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {next.map(|href| view! { <p><a class="button secondary" rel="next" href=href>{tr.t("page-next")}</a></p> })}
                </section>
            }
        },
    )
}

#[component]
pub fn AuditLogView() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let page = page_param();
    staff_page(
        move || staff_audit_log(page, lang),
        move |data: AuditPage| {
            let tr = tr.clone();
            let rows = data
                .entries
                .iter()
                .map(|e| {
                    let offering = e
                        .offering
                        .clone()
                        .map(|(id, title)| view! { <a href=paths::staff_offering(id)>{title}</a> });
                    let detail = e.detail.clone().map(|d| {
                        view! {
                            <details>
                                <summary>{tr.t("staff-audit-detail")}</summary>
                                <pre class="audit-detail">{d}</pre>
                            </details>
                        }
                    });
                    view! {
                        <tr>
                            <td>{stamp(e.at)}</td>
                            <td>{e.who.clone().unwrap_or_else(|| tr.t("staff-audit-system"))}</td>
                            <td>{tr.t(&format!("staff-audit-{}", e.action.code()))}</td>
                            <td>{offering} " " {e.subject.clone()} {detail}</td>
                        </tr>
                    }
                })
                .collect_view();
            let next = data.more.then(|| {
                paths::with_query(
                    &paths::staff_audit_log(),
                    &[("page", (data.page + 1).to_string())],
                )
            });
            view! {
                <Title text=tr.t("staff-audit-title")/>
                <section class="staff">
                    <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                        <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                    </nav>
                    <h1>{tr.t("staff-audit-title")}</h1>
                    <div class="table-scroll" tabindex="0" role="region" aria-label=tr.t("staff-audit-title")>
                        <table class="staff-table">
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("staff-audit-when")}</th>
                                    <th scope="col">{tr.t("staff-audit-who")}</th>
                                    <th scope="col">{tr.t("staff-audit-what")}</th>
                                    <th scope="col">{tr.t("staff-audit-about")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {next.map(|href| view! { <p><a class="button secondary" rel="next" href=href>{tr.t("page-next")}</a></p> })}
                </section>
            }
        },
    )
}
