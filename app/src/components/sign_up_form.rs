//! The course sign-up form.
//!
//! The server renders all of it, with the messages of a turned-back
//! submission, and it works as a plain POST form without JavaScript. The one
//! island, [`SignUpChecks`], has no props and renders nothing: in the browser
//! it checks the fields with the same [`SignUpForm::validate`] the server
//! runs, and writes the messages into the server's markup, which it finds by
//! id. Leaving the view to the server keeps the browser's wasm to the Leptos
//! runtime and the validation (the page's only script).

use leptos::prelude::*;
use strum::IntoEnumIterator;

use crate::domain::sign_up::{Field, FieldError, Problem, SignUpForm};
use crate::i18n::use_tr;
use crate::paths;

const FORM_ID: &str = "sign-up-form";
const SUMMARY_ID: &str = "sign-up-summary";
/// The part of the summary that lists field problems; the browser rewrites it.
const FOUND_ID: &str = "sign-up-found";
const REGISTRANT_ID: &str = "sign-up-registrant";
/// A `<template>` with the translated messages, keyed by Fluent key.
const TEXTS_ID: &str = "sign-up-texts";
const HEADING_KEY: &str = "sign-up-errors-heading";

fn error_id(field: Field) -> String {
    format!("{}-error", field.name())
}

fn hint_id(field: Field) -> String {
    format!("{}-hint", field.name())
}

/// The sign-up form as the server renders it. `general_error` is a message
/// about the whole form, translated.
#[component]
pub fn CourseSignUpForm(
    action: String,
    initial: SignUpForm,
    errors: Vec<FieldError>,
    general_error: Option<String>,
) -> impl IntoView {
    let tr = use_tr();
    let problem_of = {
        let errors = errors.clone();
        move |field: Field| errors.iter().find(|e| e.field == field).map(|e| e.problem)
    };
    let text_field = |field: Field,
                      label: &str,
                      hint: Option<&str>,
                      kind: &'static str,
                      autocomplete: &'static str| {
        let name = field.name();
        let problem = problem_of(field);
        let described = [
            hint.map(|_| hint_id(field)),
            problem.map(|_| error_id(field)),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>();
        let described = (!described.is_empty()).then(|| described.join(" "));
        let invalid = problem.map(|_| "true");
        let value = initial.value(field).to_string();
        let control = if kind == "textarea" {
            view! {
                <textarea
                    id=name
                    name=name
                    maxlength=field.max_chars()
                    rows="3"
                    aria-invalid=invalid
                    aria-describedby=described
                >
                    {crate::components::escape::text(&value)}
                </textarea>
            }
            .into_any()
        } else {
            view! {
                <input
                    id=name
                    name=name
                    type=kind
                    value=value
                    autocomplete=autocomplete
                    maxlength=field.max_chars()
                    aria-invalid=invalid
                    aria-describedby=described
                />
            }
            .into_any()
        };
        view! {
            <div class="field" class:field-invalid=problem.is_some()>
                <label for=name>{tr.t(label)}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id(field)>{tr.t(h)}</p> })}
                {problem.map(|p| view! { <p class="field-error" id=error_id(field)>{tr.t(p.key())}</p> })}
                {control}
            </div>
        }
    };

    let consent_problem = problem_of(Field::Consent);
    let summary_hidden = errors.is_empty() && general_error.is_none();
    view! {
        <form id=FORM_ID method="post" action=action class="sign-up-form">
            <div id=SUMMARY_ID class="error-summary" role="alert" tabindex="-1" hidden=summary_hidden>
                {general_error.map(|text| view! { <p>{text}</p> })}
                <div id=FOUND_ID>
                    {(!errors.is_empty())
                        .then(|| {
                            view! {
                                <p>{tr.t(HEADING_KEY)}</p>
                                <ul>
                                    {errors
                                        .iter()
                                        .map(|e| {
                                            view! {
                                                <li>
                                                    <a href=format!("#{}", e.field.name())>{tr.t(e.problem.key())}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })}
                </div>
            </div>
            <fieldset>
                <legend>{tr.t("sign-up-participant")}</legend>
                {text_field(Field::ParticipantName, "sign-up-participant-name", None, "text", "name")}
                {text_field(
                    Field::ParticipantEmail,
                    "sign-up-participant-email",
                    Some("sign-up-participant-email-hint"),
                    "email",
                    "email",
                )}
                {text_field(Field::ParticipantPhone, "sign-up-participant-phone", None, "tel", "tel")}
            </fieldset>
            <div class="check">
                <input type="checkbox" id="on_behalf" name="on_behalf" value="1" checked=initial.on_behalf/>
                <label for="on_behalf">{tr.t("sign-up-on-behalf")}</label>
            </div>
            // Without JavaScript these fields are always shown; with it they
            // appear when the box above is ticked.
            <fieldset id=REGISTRANT_ID>
                <legend>{tr.t("sign-up-registrant")}</legend>
                <p class="hint">{tr.t("sign-up-registrant-hint")}</p>
                {text_field(Field::RegistrantName, "sign-up-registrant-name", None, "text", "name")}
                {text_field(Field::RegistrantEmail, "sign-up-registrant-email", None, "email", "email")}
            </fieldset>
            {text_field(Field::NeedsNote, "sign-up-needs", Some("sign-up-needs-hint"), "textarea", "off")}
            <div class="hp" aria-hidden="true">
                <label for="website">{tr.t("sign-up-website")}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <div class="check" class:field-invalid=consent_problem.is_some()>
                {consent_problem
                    .map(|p| {
                        view! { <p class="field-error" id=error_id(Field::Consent)>{tr.t(p.key())}</p> }
                    })}
                <input
                    type="checkbox"
                    id=Field::Consent.name()
                    name=Field::Consent.name()
                    value="1"
                    checked=initial.consent
                    aria-invalid=consent_problem.map(|_| "true")
                    aria-describedby=consent_problem.map(|_| error_id(Field::Consent))
                />
                <label for=Field::Consent.name()>{tr.t("sign-up-consent")}</label>
            </div>
            <p>
                <a href=paths::privacy()>{tr.t("sign-up-privacy-link")}</a>
            </p>
            <button type="submit" class="button">{tr.t("sign-up-submit")}</button>
        </form>
        // Inert: never shown, read by the checks for their messages.
        <template id=TEXTS_ID>
            {Problem::iter().map(|p| view! { <p data-key=p.key()>{tr.t(p.key())}</p> }).collect_view()}
            <p data-key=HEADING_KEY>{tr.t(HEADING_KEY)}</p>
        </template>
        <SignUpChecks/>
    }
}

/// Checks the sign-up form in the browser before it is sent and shows the
/// same messages the server would, next to each field; hides the
/// registrant's fields until "someone else" is ticked.
#[island]
pub fn SignUpChecks() -> impl IntoView {
    #[cfg(feature = "hydrate")]
    checks::attach();
}

/// The browser half: plain DOM work on the server's markup.
#[cfg(feature = "hydrate")]
mod checks {
    use std::cell::Cell;
    use std::rc::Rc;

    use strum::IntoEnumIterator;
    use wasm_bindgen::JsCast;
    use wasm_bindgen::closure::Closure;
    use web_sys::{
        Document, Element, Event, HtmlElement, HtmlInputElement, HtmlTemplateElement,
        HtmlTextAreaElement,
    };

    use super::{
        FORM_ID, FOUND_ID, HEADING_KEY, REGISTRANT_ID, SUMMARY_ID, TEXTS_ID, error_id, hint_id,
    };
    use crate::domain::sign_up::{Field, FieldError, SignUpForm};

    pub fn attach() {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        let Some(form) = doc.get_element_by_id(FORM_ID) else {
            return;
        };
        // The browser's own bubbles would come first and say less.
        let _ = form.set_attribute("novalidate", "");
        show_registrant(&doc);
        // After a failed try (here or on the server), messages follow what
        // is typed; before it, typing shows nothing.
        let shown = Rc::new(Cell::new(
            doc.query_selector(".field-error").ok().flatten().is_some(),
        ));
        {
            let (doc, shown) = (doc.clone(), shown.clone());
            listen(&form, "submit", move |ev| {
                if let Err(found) = read(&doc).validate() {
                    ev.prevent_default();
                    show(&doc, &found);
                    shown.set(true);
                    if let Some(summary) = find::<HtmlElement>(&doc, SUMMARY_ID) {
                        let _ = summary.focus();
                    }
                }
            });
        }
        // Checkboxes send "change", text fields "input"; both are cheap to
        // answer twice.
        for kind in ["input", "change"] {
            let (doc, shown) = (doc.clone(), shown.clone());
            listen(&form, kind, move |_| {
                show_registrant(&doc);
                if shown.get() {
                    let found = read(&doc).validate().err().unwrap_or_default();
                    shown.set(!found.is_empty());
                    show(&doc, &found);
                }
            });
        }
    }

    fn listen(target: &Element, kind: &str, handler: impl FnMut(Event) + 'static) {
        let handler = Closure::<dyn FnMut(Event)>::new(handler);
        let _ = target.add_event_listener_with_callback(kind, handler.as_ref().unchecked_ref());
        // The form lives as long as the page.
        handler.forget();
    }

    fn find<T: JsCast>(doc: &Document, id: &str) -> Option<T> {
        doc.get_element_by_id(id)?.dyn_into().ok()
    }

    fn checked(doc: &Document, id: &str) -> bool {
        find::<HtmlInputElement>(doc, id).is_some_and(|i| i.checked())
    }

    fn value(doc: &Document, id: &str) -> String {
        let Some(el) = doc.get_element_by_id(id) else {
            return String::new();
        };
        match el.dyn_into::<HtmlInputElement>() {
            Ok(input) => input.value(),
            Err(el) => el
                .dyn_into::<HtmlTextAreaElement>()
                .map(|t| t.value())
                .unwrap_or_default(),
        }
    }

    /// The form as typed, as the server would read it.
    fn read(doc: &Document) -> SignUpForm {
        let mut form = SignUpForm::default();
        for field in Field::iter().filter(|f| *f != Field::Consent) {
            form.set(field, value(doc, field.name()));
        }
        form.on_behalf = checked(doc, "on_behalf");
        form.consent = checked(doc, Field::Consent.name());
        form.website = value(doc, "website");
        form
    }

    fn show_registrant(doc: &Document) {
        if let Some(fields) = find::<HtmlElement>(doc, REGISTRANT_ID) {
            fields.set_hidden(!checked(doc, "on_behalf"));
        }
    }

    /// A message from the page's template, in the page's language.
    fn text(doc: &Document, key: &str) -> String {
        find::<HtmlTemplateElement>(doc, TEXTS_ID)
            .and_then(|t| {
                t.content()
                    .query_selector(&format!("[data-key=\"{key}\"]"))
                    .ok()
                    .flatten()
            })
            .and_then(|p| p.text_content())
            .unwrap_or_default()
    }

    fn element(doc: &Document, tag: &str, text: &str) -> Option<Element> {
        let el = doc.create_element(tag).ok()?;
        el.set_text_content(Some(text));
        Some(el)
    }

    /// Writes `found` into the page: each field's message, state and
    /// description, and the summary's list. Exactly what the server renders
    /// for the same problems.
    fn show(doc: &Document, found: &[FieldError]) {
        for field in Field::iter() {
            let Some(control) = doc.get_element_by_id(field.name()) else {
                continue;
            };
            let problem = found.iter().find(|e| e.field == field).map(|e| e.problem);
            let error_id = error_id(field);
            let existing = doc.get_element_by_id(&error_id);
            let container = control.parent_element();
            match problem {
                Some(problem) => {
                    let message = existing.or_else(|| {
                        let p = element(doc, "p", "")?;
                        p.set_class_name("field-error");
                        p.set_id(&error_id);
                        container.as_ref()?.insert_before(&p, Some(&control)).ok()?;
                        Some(p)
                    });
                    if let Some(message) = message {
                        message.set_text_content(Some(&text(doc, problem.key())));
                    }
                    let _ = control.set_attribute("aria-invalid", "true");
                }
                None => {
                    if let Some(message) = existing {
                        message.remove();
                    }
                    let _ = control.remove_attribute("aria-invalid");
                }
            }
            if let Some(container) = &container {
                let _ = container
                    .class_list()
                    .toggle_with_force("field-invalid", problem.is_some());
            }
            let hint_id = hint_id(field);
            let described = [
                doc.get_element_by_id(&hint_id).map(|_| hint_id.as_str()),
                problem.map(|_| error_id.as_str()),
            ]
            .into_iter()
            .flatten()
            .collect::<Vec<_>>();
            let _ = if described.is_empty() {
                control.remove_attribute("aria-describedby")
            } else {
                control.set_attribute("aria-describedby", &described.join(" "))
            };
        }

        let Some(list) = doc.get_element_by_id(FOUND_ID) else {
            return;
        };
        list.set_text_content(None);
        if !found.is_empty()
            && let (Some(heading), Some(items)) = (
                element(doc, "p", &text(doc, HEADING_KEY)),
                element(doc, "ul", ""),
            )
        {
            for e in found {
                if let (Some(item), Some(link)) = (
                    element(doc, "li", ""),
                    element(doc, "a", &text(doc, e.problem.key())),
                ) {
                    let _ = link.set_attribute("href", &format!("#{}", e.field.name()));
                    let _ = item.append_child(&link);
                    let _ = items.append_child(&item);
                }
            }
            let _ = list.append_child(&heading);
            let _ = list.append_child(&items);
        }
        if let Some(summary) = find::<HtmlElement>(doc, SUMMARY_ID) {
            // A message about the whole form stays until the next page.
            summary.set_hidden(found.is_empty() && summary.child_element_count() < 2);
        }
    }
}
