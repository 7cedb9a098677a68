//! `/ansatt/kurs/<id>`: a course's people, in the three lists its
//! organiser works from, with what the organiser does to them: cancel for
//! someone, give someone on the waiting list a place, add a person who
//! phoned in, download the list. Printed, it is the attendance list.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};

use crate::api::staff::staff_course;
use crate::components::error::set_status;
use crate::components::print::PrintButton;
use crate::domain::error::AppError;
use crate::domain::staff::{
    CourseRoster, MESSAGE_MAX, MessageSubmission, Participant, PhoneSubmission, SignUpAction,
};
use crate::i18n::{Tr, use_tr};
use crate::paths;

use super::staff_page;

fn people(
    tr: &Tr,
    course: i32,
    heading: String,
    list: Vec<Participant>,
    numbered: bool,
    acts: &[SignUpAction],
) -> impl IntoView + use<> {
    let count = list.len();
    let rows = list
        .into_iter()
        .enumerate()
        .map(|(i, p)| {
            let buttons = acts
                .iter()
                .map(|act| {
                    let key = match act {
                        SignUpAction::Cancel => "staff-cancel-for",
                        SignUpAction::GivePlace => "staff-give-place",
                    };
                    let label = tr.t_with(key, &[("name", p.name.clone().into())]);
                    view! {
                        <form method="post" action=paths::staff_sign_up_action(course, p.id, *act) class="row-action">
                            <button type="submit" class="button secondary">{label}</button>
                        </form>
                    }
                })
                .collect_view();
            view! {
                <tr>
                    {numbered.then(|| view! { <td>{i + 1}</td> })}
                    <td>{p.name}</td>
                    <td>{p.email.unwrap_or_default()}</td>
                    <td>{p.phone.unwrap_or_default()}</td>
                    <td>{p.registrant.unwrap_or_default()}</td>
                    <td>{p.needs_note.unwrap_or_default()}</td>
                    <td class="no-print">{buttons}</td>
                </tr>
            }
        })
        .collect_view();
    let empty = tr.t("staff-list-empty");
    let head = [
        "staff-csv-name",
        "staff-csv-email",
        "staff-csv-phone",
        "staff-csv-registrant",
        "staff-csv-needs",
    ]
    .map(|key| view! { <th scope="col">{tr.t(key)}</th> });
    let position = numbered.then(|| view! { <th scope="col">{tr.t("staff-col-position")}</th> });
    let actions = tr.t("staff-col-actions");
    view! {
        <h2>{heading} " (" {count} ")"</h2>
        {if count == 0 {
            view! { <p>{empty}</p> }.into_any()
        } else {
            view! {
                <div class="table-scroll">
                    <table class="staff-table">
                        <thead>
                            <tr>
                                {position}
                                {head}
                                <th scope="col" class="no-print">{actions}</th>
                            </tr>
                        </thead>
                        <tbody>{rows}</tbody>
                    </table>
                </div>
            }
            .into_any()
        }}
    }
}

/// The form for someone who phoned in, with what was typed when it came
/// back.
fn phone_form(tr: &Tr, course: i32, back: PhoneSubmission) -> impl IntoView + use<> {
    let problem = |field: &str| {
        back.problems
            .iter()
            .find(|(f, _)| *f == field)
            .map(|(_, key)| tr.t(key))
    };
    let field = |name: &'static str, label: String, value: String, problem: Option<String>| {
        let error_id = format!("phone-{name}-error");
        let described = problem.as_ref().map(|_| error_id.clone());
        let invalid = problem.is_some();
        view! {
            <div class="field" class:field-invalid=invalid>
                <label for=format!("phone-{name}")>{label}</label>
                {problem.map(|p| view! { <p class="field-error" id=error_id.clone()>{p}</p> })}
                <input
                    type=if name == "phone" { "tel" } else { "text" }
                    id=format!("phone-{name}")
                    name=name
                    value=value
                    aria-describedby=described
                    aria-invalid=invalid.then_some("true")
                />
            </div>
        }
    };
    let summary = (!back.problems.is_empty() || back.error.is_some()).then(|| {
        let messages: Vec<String> = back
            .error
            .iter()
            .map(|e| tr.t(e.key()))
            .chain(back.problems.iter().map(|(_, key)| tr.t(key)))
            .collect();
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h3>{tr.t("staff-form-problem")}</h3>
                <ul>{messages.into_iter().map(|m| view! { <li>{m}</li> }).collect_view()}</ul>
            </div>
        }
    });
    view! {
        <section class="no-print" id="phone">
            <h2>{tr.t("staff-phone-title")}</h2>
            <p>{tr.t("staff-phone-intro")}</p>
            {summary}
            <form method="post" action=paths::staff_phone_sign_up(course) class="staff-form">
                {field("name", tr.t("staff-csv-name"), back.form.name.clone(), problem("name"))}
                {field("phone", tr.t("staff-csv-phone"), back.form.phone.clone(), problem("phone"))}
                {field("needs_note", tr.t("staff-csv-needs"), back.form.needs_note.clone(), problem("needs_note"))}
                <button type="submit" class="button">{tr.t("staff-phone-add")}</button>
            </form>
        </section>
    }
}

/// The message to everyone signed up, with what was typed when it came
/// back, and what the last one reached.
fn message_form(
    tr: &Tr,
    course: i32,
    back: MessageSubmission,
    sent: Option<(u32, u32)>,
) -> impl IntoView + use<> {
    let problem = back.problem.map(|key| tr.t(key));
    let invalid = problem.is_some();
    let described = if invalid {
        "message-hint message-error"
    } else {
        "message-hint"
    };
    let sent = sent.map(|(emailed, not_emailed)| {
        let mut text = tr.t_with("staff-message-sent", &[("count", emailed.into())]);
        if not_emailed > 0 {
            text.push(' ');
            text.push_str(&tr.t_with("staff-message-not-sent", &[("count", not_emailed.into())]));
        }
        view! { <p class="notice" role="status">{text}</p> }
    });
    view! {
        <section class="no-print" id="message">
            <h2>{tr.t("staff-message-title")}</h2>
            {sent}
            {problem.clone().map(|p| view! {
                <div class="error-summary" role="alert" tabindex="-1">
                    <h3>{tr.t("staff-form-problem")}</h3>
                    <p><a href="#message-text">{p}</a></p>
                </div>
            })}
            <form method="post" action=paths::staff_course_message(course) class="staff-form">
                <div class="field" class:field-invalid=invalid>
                    <label for="message-text">{tr.t("staff-message-label")}</label>
                    <p class="hint" id="message-hint">{tr.t("staff-message-hint")}</p>
                    {problem.map(|p| view! { <p class="field-error" id="message-error">{p}</p> })}
                    <textarea
                        id="message-text"
                        name="message"
                        rows="6"
                        maxlength=MESSAGE_MAX.to_string()
                        aria-describedby=described
                        aria-invalid=invalid.then_some("true")
                    >
                        {crate::components::escape::text(&back.form.message)}
                    </textarea>
                </div>
                <div class="check">
                    <input
                        type="checkbox"
                        id="message-waiting-list"
                        name="waiting_list"
                        value="1"
                        checked=back.form.waiting_list.is_some()
                    />
                    <label for="message-waiting-list">{tr.t("staff-message-waiting-list")}</label>
                </div>
                <button type="submit" class="button">{tr.t("staff-message-send")}</button>
            </form>
        </section>
    }
}

#[component]
pub fn CoursePeoplePage() -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let id = use_params_map().with_untracked(|p| {
        p.get("id")
            .and_then(|id| id.parse::<i32>().ok())
            .unwrap_or(0)
    });
    let submission = use_context::<PhoneSubmission>();
    if let Some(s) = &submission {
        set_status(s.error.as_ref().map_or(422, AppError::status));
    }
    let message = use_context::<MessageSubmission>();
    if message.is_some() {
        set_status(422);
    }
    let sent = use_query_map().with_untracked(|q| {
        let count = |key| q.get(key).and_then(|n| n.parse::<u32>().ok());
        count(paths::MESSAGE_SENT)
            .map(|emailed| (emailed, count(paths::MESSAGE_NOT_SENT).unwrap_or(0)))
    });
    staff_page(
        move || staff_course(id, lang),
        move |c: CourseRoster| {
            let tr = tr.clone();
            let heading = tr.t_with("staff-course-title", &[("course", c.title.clone().into())]);
            let capacity = c.capacity.map(|places| {
                tr.t_with(
                    "staff-course-places",
                    &[
                        // Only a confirmed sign-up holds a place.
                        ("taken", c.confirmed.len().to_string().into()),
                        ("places", places.into()),
                    ],
                )
            });
            view! {
                <Title text=heading.clone()/>
                <section class="staff">
                    <nav class="breadcrumb no-print" aria-label=tr.t("breadcrumb")>
                        <a href=paths::staff_home()>{tr.t("staff-title")}</a>
                    </nav>
                    <h1>{heading}</h1>
                    <p class="lead">{capacity}</p>
                    <p class="no-print">
                        <a class="button secondary" href=paths::staff_course_csv(c.id) download="">
                            {tr.t("staff-export-csv")}
                        </a>
                        " "
                        <PrintButton label=tr.t("staff-print-list")/>
                    </p>
                    {people(&tr, c.id, tr.t("staff-list-confirmed"), c.confirmed.clone(), true, &[SignUpAction::Cancel])}
                    {people(&tr, c.id, tr.t("staff-list-awaiting"), c.awaiting.clone(), false, &[SignUpAction::Cancel])}
                    {people(&tr, c.id, tr.t("staff-list-waiting"), c.waiting.clone(), true, &[SignUpAction::GivePlace, SignUpAction::Cancel])}
                    {message_form(&tr, c.id, message.clone().unwrap_or_default(), sent)}
                    {phone_form(&tr, c.id, submission.clone().unwrap_or_default())}
                </section>
            }
        },
    )
}
