//! `/ansatt`: the offerings a member of staff may manage, newest change
//! first, with the way to each course's people.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::use_query_map;

use crate::api::staff::staff_dashboard;
use strum::IntoEnumIterator;

use crate::domain::Code;
use crate::domain::offering::{OfferingKind, OfferingStatus};
use crate::domain::staff::{Dashboard, Role, StaffFilter};
use crate::i18n::use_tr;
use crate::paths;

use super::{StaffBar, staff_page};

/// The Fluent key of the button that moves an offering from `from` to `to`.
fn move_label(from: OfferingStatus, to: OfferingStatus, editor: bool) -> &'static str {
    use OfferingStatus::{Archived, Draft, Published, Submitted};
    match (from, to) {
        (Submitted, Published) if editor => "staff-approve",
        (_, Published) => "staff-publish",
        (_, Submitted) => "staff-submit",
        (Submitted, Draft) if editor => "staff-return",
        (Submitted, Draft) => "staff-withdraw",
        (Archived, Draft) => "staff-restore",
        (_, Draft) => "staff-unpublish",
        (_, Archived) => "staff-archive",
    }
}

#[component]
pub fn DashboardPage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let (filter, page) = use_query_map().with_untracked(|q| {
        (
            StaffFilter {
                status: q.get("status").and_then(|s| OfferingStatus::from_code(&s)),
                q: q.get("q").unwrap_or_default(),
                stale: q.get("stale").is_some_and(|s| s == "1"),
            },
            q.get("page")
                .and_then(|p| p.parse::<u32>().ok())
                .unwrap_or(1),
        )
    });
    staff_page(
        move || staff_dashboard(filter.clone(), page, lang),
        move |data: Dashboard| {
            let tr = tr.clone();
            let pages = data
                .total
                .div_ceil(crate::domain::staff::STAFF_PAGE_SIZE)
                .max(1);
            let rows = data
                .offerings
                .iter()
                .map(|o| {
                    let course = (o.kind == OfferingKind::Course).then(|| {
                        view! { <li><a href=paths::staff_course(o.id)>{tr.t("staff-participants")}</a></li> }
                    });
                    let links = view! {
                        <ul class="row-links">
                            <li><a href=paths::staff_offering(o.id)>{tr.t("staff-edit")}</a></li>
                            <li><a href=paths::staff_preview(o.id)>{tr.t("staff-preview")}</a></li>
                            <li><a href=paths::staff_copy_offering(o.id)>{tr.t("staff-copy")}</a></li>
                            <li><a href=paths::staff_cancel_date(o.id)>{tr.t("staff-cancel-link")}</a></li>
                            {course}
                        </ul>
                    };
                    let back = paths::staff_list(&data.filter, data.page);
                    let buttons = o
                        .choices
                        .iter()
                        .map(|to| {
                            let returning = o.status == OfferingStatus::Submitted
                                && *to == OfferingStatus::Draft
                                && data.me.role != Role::Coordinator;
                            let comment_id = format!("comment-{}", o.id);
                            view! {
                                <form method="post" action=paths::staff_offering_status(o.id) class="status-form">
                                    <input type="hidden" name="to" value=to.code()/>
                                    <input type="hidden" name="back" value=back.clone()/>
                                    {returning.then(|| view! {
                                        <label for=comment_id.clone()>{tr.t("staff-review-comment")}</label>
                                        <textarea id=comment_id.clone() name="comment" rows="2"></textarea>
                                    })}
                                    <button type="submit" class="button secondary">
                                        {tr.t(move_label(o.status, *to, data.me.role != Role::Coordinator))}
                                    </button>
                                </form>
                            }
                        })
                        .collect_view();
                    let confirm = o.stale.then(|| view! {
                        <form method="post" action=paths::staff_confirm_offering(o.id) class="status-form">
                            <input type="hidden" name="back" value=back.clone()/>
                            <button type="submit" class="button secondary">{tr.t("staff-confirm")}</button>
                        </form>
                    });
                    let confirmed = tr.t_with(
                        "staff-confirmed-on",
                        &[("date", tr.date(o.confirmed_on, chrono::Datelike::year(&data.today)).into())],
                    );
                    let comment = o.review_comment.clone().map(|c| {
                        view! { <p class="review-comment">{tr.t("staff-review-comment")} ": " {c}</p> }
                    });
                    view! {
                        <tr>
                            <td>
                                <a href=paths::offering(&o.slug)>{o.title.clone()}</a>
                            </td>
                            <td>{tr.t(&format!("kind-{}", o.kind.code()))}</td>
                            <td>
                                {tr.t(&format!("staff-offering-status-{}", o.status.code()))}
                                <br/>
                                <span class:stale=o.stale>{confirmed}</span>
                                {comment}
                            </td>
                            <td>{o.organisation.clone()}</td>
                            <td>{o.district.clone()}</td>
                            <td>{links} {confirm} {buttons}</td>
                        </tr>
                    }
                })
                .collect_view();
            view! {
                <Title text=tr.t("staff-title")/>
                <section class="staff">
                    <StaffBar me=data.me.clone()/>
                    <h1>{tr.t("staff-title")}</h1>
                    <nav class="staff-views" aria-label=tr.t("staff-views")>
                        <ul>
                            <li>
                                <a href=paths::staff_home() aria-current=data.filter.status.is_none().then_some("page")>
                                    {tr.t("staff-view-all")}
                                </a>
                            </li>
                            <li>
                                <a
                                    href=paths::staff_list(&StaffFilter { status: Some(OfferingStatus::Submitted), ..StaffFilter::default() }, 1)
                                    aria-current=(data.filter.status == Some(OfferingStatus::Submitted)).then_some("page")
                                >
                                    {tr.t_with("staff-view-submitted", &[("count", data.submitted.into())])}
                                </a>
                            </li>
                            <li>
                                <a
                                    href=paths::staff_list(&StaffFilter { stale: true, ..StaffFilter::default() }, 1)
                                    aria-current=data.filter.stale.then_some("page")
                                >
                                    {tr.t_with("staff-view-stale", &[("count", data.stale.into())])}
                                </a>
                            </li>
                        </ul>
                    </nav>
                    {(data.me.role != Role::Coordinator).then(|| view! {
                        <ul class="row-links">
                            <li><a href=paths::staff_outbox()>{tr.t("staff-outbox-title")}</a></li>
                            <li><a href=paths::staff_audit_log()>{tr.t("staff-audit-title")}</a></li>
                            <li><a href=paths::staff_venues()>{tr.t("staff-venues-title")}</a></li>
                            {(data.me.role == Role::Admin).then(|| view! {
                                <li><a href=paths::staff_accounts()>{tr.t("staff-accounts-title")}</a></li>
                                <li><a href=paths::staff_organisations()>{tr.t("staff-organisations-title")}</a></li>
                            })}
                        </ul>
                    })}
                    <ul class="new-offerings">
                        {OfferingKind::iter()
                            .map(|k| view! {
                                <li>
                                    <a class="button secondary" href=paths::staff_new_offering(k)>
                                        {tr.t(&format!("staff-new-{}", k.code()))}
                                    </a>
                                </li>
                            })
                            .collect_view()}
                    </ul>
                    <form method="get" action=paths::staff_home() class="staff-search" role="search">
                        {data.filter.status.map(|s| view! { <input type="hidden" name="status" value=s.code()/> })}
                        {data.filter.stale.then(|| view! { <input type="hidden" name="stale" value="1"/> })}
                        <label for="staff-q">{tr.t("staff-search-label")}</label>
                        <input type="search" id="staff-q" name="q" value=data.filter.q.clone()/>
                        <button type="submit" class="button secondary">{tr.t("search-button")}</button>
                    </form>
                    <p>{tr.t_with("staff-offering-count", &[("count", data.total.into())])}</p>
                    <div class="table-scroll">
                        <table class="staff-table">
                            <caption class="visually-hidden">{tr.t("staff-offerings-caption")}</caption>
                            <thead>
                                <tr>
                                    <th scope="col">{tr.t("staff-col-title")}</th>
                                    <th scope="col">{tr.t("staff-col-kind")}</th>
                                    <th scope="col">{tr.t("staff-col-status")}</th>
                                    <th scope="col">{tr.t("staff-col-organisation")}</th>
                                    <th scope="col">{tr.t("staff-col-district")}</th>
                                    <th scope="col">{tr.t("staff-col-actions")}</th>
                                </tr>
                            </thead>
                            <tbody>{rows}</tbody>
                        </table>
                    </div>
                    {(pages > 1).then(|| {
                        let page = data.page;
                        let size = crate::domain::staff::STAFF_PAGE_SIZE;
                        let from = (page - 1) * size + 1;
                        let to = (from + size - 1).min(data.total);
                        view! {
                            <nav class="pages" aria-label=tr.t("pagination")>
                                <p class="page-range">
                                    {tr.t_with("result-range", &[("from", from.into()), ("to", to.into()), ("total", data.total.into())])}
                                </p>
                                <ul>
                                    {(page > 1).then(|| view! { <li><a class="button secondary" rel="prev" href=paths::staff_list(&data.filter, page - 1)>{tr.t("page-previous")}</a></li> })}
                                    {(page < pages).then(|| view! { <li><a class="button" rel="next" href=paths::staff_list(&data.filter, page + 1)>{tr.t("page-next")}</a></li> })}
                                </ul>
                            </nav>
                        }
                    })}
                    <form method="post" action=paths::staff_sign_out_everywhere()>
                        <button type="submit" class="button secondary">{tr.t("staff-sign-out-everywhere")}</button>
                    </form>
                </section>
            }
        },
    )
}
