use leptos::either::Either;
use leptos::ev::SubmitEvent;
use leptos::html;
use leptos::prelude::*;
use serde::{Deserialize, Serialize};

use crate::domain::sign_up::{Field, FieldError, Problem, SignUpForm};
use crate::paths;

/// Every text the form shows, translated on the server: the island carries
/// no translations of its own.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct FormTexts {
    pub participant: String,
    pub participant_name: String,
    pub participant_email: String,
    pub participant_email_hint: String,
    pub participant_phone: String,
    pub on_behalf: String,
    pub registrant: String,
    pub registrant_hint: String,
    pub registrant_name: String,
    pub registrant_email: String,
    pub needs: String,
    pub needs_hint: String,
    pub consent: String,
    pub privacy_link: String,
    pub submit: String,
    pub errors_heading: String,
    pub website: String,
    /// Each [`Problem`]'s message, in the order of its variants: a list,
    /// not a map, which keeps hashing out of the wasm.
    pub messages: Vec<String>,
}

/// The sign-up form. Rendered on the server, it works as a plain POST form
/// without JavaScript; hydrated, it checks the fields before sending and
/// shows the same messages the server would, next to each field.
/// `general_error` is a message about the whole form, translated.
#[island]
pub fn SignUpFormIsland(
    action: String,
    texts: FormTexts,
    initial: SignUpForm,
    errors: Vec<FieldError>,
    general_error: Option<String>,
) -> impl IntoView {
    let form = RwSignal::new(initial.clone());
    let errors = RwSignal::new(errors);
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    let texts = StoredValue::new(texts);
    let summary = NodeRef::<html::Div>::new();
    let typed = initial.clone();

    let on_submit = move |ev: SubmitEvent| {
        if let Err(found) = form.with(SignUpForm::validate) {
            ev.prevent_default();
            errors.set(found);
            // After the summary has been shown: a hidden element takes no focus.
            request_animation_frame(move || {
                if let Some(el) = summary.get_untracked() {
                    let _ = el.focus();
                }
            });
        }
    };
    // After a failed try, messages follow what is typed.
    let revalidate = move || {
        if !errors.with(Vec::is_empty) {
            errors.set(form.with(SignUpForm::validate).err().unwrap_or_default());
        }
    };
    let message = move |problem: Problem| {
        texts.with_value(|t| {
            t.messages
                .get(problem as usize)
                .cloned()
                .unwrap_or_default()
        })
    };

    let text_field = move |field: Field,
                           label: String,
                           hint: Option<String>,
                           kind: &'static str,
                           autocomplete: &'static str| {
        let name = field.name();
        let error =
            move || errors.with(|es| es.iter().find(|e| e.field == field).map(|e| e.problem));
        let hint_id = format!("{name}-hint");
        let error_id = format!("{name}-error");
        let described = {
            let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
            let has_hint = hint.is_some();
            move || {
                let mut ids = Vec::new();
                if has_hint {
                    ids.push(hint_id.clone());
                }
                if error().is_some() {
                    ids.push(error_id.clone());
                }
                (!ids.is_empty()).then(|| ids.join(" "))
            }
        };
        let value = typed.value(field).to_string();
        view! {
            <div class="field" class:field-invalid=move || error().is_some()>
                <label for=name>{label}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id.clone()>{h}</p> })}
                {move || error().map(|key| view! { <p class="field-error" id=error_id.clone()>{message(key)}</p> })}
                {if kind == "textarea" {
                    Either::Left(view! {
                        <textarea
                            id=name
                            name=name
                            maxlength=field.max_chars()
                            rows="3"
                            aria-invalid=move || error().map(|_| "true")
                            aria-describedby=described.clone()
                            on:input=move |ev| {
                                form.update(|f| f.set(field, event_target_value(&ev)));
                                revalidate();
                            }
                        >
                            {value}
                        </textarea>
                    })
                } else {
                    Either::Right(view! {
                        <input
                            id=name
                            name=name
                            type=kind
                            value=value
                            autocomplete=autocomplete
                            maxlength=field.max_chars()
                            aria-invalid=move || error().map(|_| "true")
                            aria-describedby=described.clone()
                            on:input=move |ev| {
                                form.update(|f| f.set(field, event_target_value(&ev)));
                                revalidate();
                            }
                        />
                    })
                }}
            </div>
        }
    };

    let t = texts.get_value();
    let consent_error = move || {
        errors.with(|es| {
            es.iter()
                .find(|e| e.field == Field::Consent)
                .map(|e| e.problem)
        })
    };
    let on_behalf = move || form.with(|f| f.on_behalf);
    view! {
        <form method="post" action=action class="sign-up-form" novalidate=move || ready.get() on:submit=on_submit>
            <div
                class="error-summary"
                role="alert"
                tabindex="-1"
                node_ref=summary
                hidden=move || errors.with(Vec::is_empty) && general_error.is_none()
            >
                {general_error.clone().map(|text| view! { <p>{text}</p> })}
                {move || {
                    let found = errors.get();
                    (!found.is_empty())
                        .then(|| {
                            view! {
                                <p>{texts.with_value(|t| t.errors_heading.clone())}</p>
                                <ul>
                                    {found
                                        .into_iter()
                                        .map(|e| {
                                            view! {
                                                <li>
                                                    <a href=format!("#{}", e.field.name())>{message(e.problem)}</a>
                                                </li>
                                            }
                                        })
                                        .collect_view()}
                                </ul>
                            }
                        })
                }}
            </div>
            <fieldset>
                <legend>{t.participant.clone()}</legend>
                {text_field(Field::ParticipantName, t.participant_name.clone(), None, "text", "name")}
                {text_field(
                    Field::ParticipantEmail,
                    t.participant_email.clone(),
                    Some(t.participant_email_hint.clone()),
                    "email",
                    "email",
                )}
                {text_field(Field::ParticipantPhone, t.participant_phone.clone(), None, "tel", "tel")}
            </fieldset>
            <div class="check">
                <input
                    type="checkbox"
                    id="on_behalf"
                    name="on_behalf"
                    value="1"
                    checked=initial.on_behalf
                    on:change=move |ev| {
                        form.update(|f| f.on_behalf = event_target_checked(&ev));
                        revalidate();
                    }
                />
                <label for="on_behalf">{t.on_behalf.clone()}</label>
            </div>
            // Without JavaScript these fields are always shown; with it they
            // appear when the box above is ticked.
            <fieldset hidden=move || ready.get() && !on_behalf()>
                <legend>{t.registrant.clone()}</legend>
                <p class="hint">{t.registrant_hint.clone()}</p>
                {text_field(Field::RegistrantName, t.registrant_name.clone(), None, "text", "name")}
                {text_field(Field::RegistrantEmail, t.registrant_email.clone(), None, "email", "email")}
            </fieldset>
            {text_field(Field::NeedsNote, t.needs.clone(), Some(t.needs_hint.clone()), "textarea", "off")}
            <div class="hp" aria-hidden="true">
                <label for="website">{t.website.clone()}</label>
                <input id="website" name="website" type="text" tabindex="-1" autocomplete="off"/>
            </div>
            <div class="check" class:field-invalid=move || consent_error().is_some()>
                {move || consent_error().map(|key| view! { <p class="field-error" id="consent-error">{message(key)}</p> })}
                <input
                    type="checkbox"
                    id="consent"
                    name="consent"
                    value="1"
                    checked=initial.consent
                    aria-invalid=move || consent_error().map(|_| "true")
                    aria-describedby=move || consent_error().map(|_| "consent-error")
                    on:change=move |ev| {
                        form.update(|f| f.consent = event_target_checked(&ev));
                        revalidate();
                    }
                />
                <label for="consent">{t.consent.clone()}</label>
            </div>
            <p>
                <a href=paths::privacy()>{t.privacy_link.clone()}</a>
            </p>
            <button type="submit" class="button">{t.submit.clone()}</button>
        </form>
    }
}
