//! The offering form: new (`/ansatt/nytt-tilbud?kind=…`), editing
//! (`/ansatt/tilbud/<id>`) or a copy (`/ansatt/tilbud/<id>/kopi`). One
//! plain form that works without JavaScript; times and dates are typed
//! the Norwegian way, a line each. A form the server turned back shows
//! what was typed, a summary of the problems linking to each field, and
//! each field's own message.

use leptos::prelude::*;
use leptos_meta::Title;
use leptos_router::hooks::{use_params_map, use_query_map};
use strum::IntoEnumIterator;

use crate::api::staff::staff_offering_form;
use crate::components::error::set_status;
use crate::domain::Code;
use crate::domain::catalogue::{Choice, FormProblem, OfferingFormPage, OfferingSubmission};
use crate::domain::offering::{Audience, OfferingKind, Referral};
use crate::i18n::{Tr, use_tr};
use crate::paths;

use super::staff_page;

/// Which form a page is.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Mode {
    New,
    Edit(i32),
    Copy(i32),
}

/// The id of a field, for its label and for the summary's link.
fn field_id(name: &str) -> String {
    format!("field-{name}")
}

/// The message of `problem`, quoting what was typed when it says so.
fn message(tr: &Tr, problem: &FormProblem) -> String {
    tr.t_with(
        &problem.key,
        &[("typed", problem.typed.clone().unwrap_or_default().into())],
    )
}

/// Labels, hints and messages of one form's fields.
#[derive(Clone)]
struct Fields {
    tr: Tr,
    problems: Vec<FormProblem>,
}

impl Fields {
    fn errors(&self, name: &str) -> Vec<String> {
        self.problems
            .iter()
            .filter(|p| p.field == name)
            .map(|p| message(&self.tr, p))
            .collect()
    }

    /// A label, an optional hint, the field's messages, and the input
    /// that `input` makes given its id and `aria-describedby`.
    fn wrap<V, F>(
        &self,
        name: &str,
        label: &str,
        hint: Option<&str>,
        input: F,
    ) -> impl IntoView + use<V, F>
    where
        V: IntoView + 'static,
        F: FnOnce(String, Option<String>) -> V,
    {
        let id = field_id(name);
        let errors = self.errors(name);
        let hint_id = format!("{id}-hint");
        let error_id = format!("{id}-error");
        let described = [
            hint.map(|_| hint_id.clone()),
            (!errors.is_empty()).then(|| error_id.clone()),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join(" ");
        let invalid = !errors.is_empty();
        let hint = hint.map(|h| self.tr.t(h));
        view! {
            <div class="field" class:field-invalid=invalid>
                <label for=id.clone()>{self.tr.t(label)}</label>
                {hint.map(|h| view! { <p class="hint" id=hint_id>{h}</p> })}
                {invalid.then(|| view! { <p class="field-error" id=error_id>{errors.join(" ")}</p> })}
                {input(id, (!described.is_empty()).then_some(described))}
            </div>
        }
    }

    fn text(
        &self,
        name: &'static str,
        label: &str,
        value: &str,
        hint: Option<&str>,
    ) -> impl IntoView + use<> {
        let value = value.to_string();
        let invalid = !self.errors(name).is_empty();
        self.wrap(name, label, hint, move |id, described| {
            view! {
                <input
                    type="text"
                    id=id
                    name=name
                    value=value
                    aria-describedby=described
                    aria-invalid=invalid.then_some("true")
                />
            }
        })
    }

    fn area(
        &self,
        name: &'static str,
        label: &str,
        value: &str,
        hint: Option<&str>,
        rows: u32,
    ) -> impl IntoView + use<> {
        let value = value.to_string();
        let invalid = !self.errors(name).is_empty();
        self.wrap(name, label, hint, move |id, described| {
            view! {
                <textarea
                    id=id
                    name=name
                    rows=rows
                    aria-describedby=described
                    aria-invalid=invalid.then_some("true")
                >
                    {crate::components::escape::text(&value)}
                </textarea>
            }
        })
    }

    fn select(
        &self,
        name: &'static str,
        label: &str,
        choices: &[Choice],
        chosen: &str,
        empty: Option<String>,
    ) -> impl IntoView + use<> {
        let options = empty
            .map(|e| view! { <option value="">{e}</option> })
            .into_iter()
            .collect_view();
        let choices = choices
            .iter()
            .map(|c| {
                let id = c.id.to_string();
                let selected = id == chosen;
                view! { <option value=id selected=selected>{c.name.clone()}</option> }
            })
            .collect_view();
        self.wrap(name, label, None, move |id, described| {
            view! {
                <select id=id name=name aria-describedby=described>
                    {options}
                    {choices}
                </select>
            }
        })
    }
}

/// A checkbox.
fn check(name: &'static str, value: &str, label: String, checked: bool) -> impl IntoView + use<> {
    let id = format!("{}-{value}", field_id(name));
    view! {
        <div class="check">
            <input type="checkbox" id=id.clone() name=name value=value.to_string() checked=checked/>
            <label for=id>{label}</label>
        </div>
    }
}

fn form_view(
    tr: Tr,
    mode: Mode,
    page: OfferingFormPage,
    back: Option<OfferingSubmission>,
    saved: bool,
) -> impl IntoView {
    let (form, problems, error) = match back.clone() {
        Some(b) => (b.form, b.problems, b.error),
        None => (page.form.clone(), Vec::new(), None),
    };
    let f = Fields {
        tr: tr.clone(),
        problems: problems.clone(),
    };
    let kind = page.kind;
    let is_course = kind == OfferingKind::Course;
    let action = match mode {
        Mode::Edit(id) => paths::staff_offering(id),
        Mode::New | Mode::Copy(_) => paths::staff_new_offering(kind),
    };
    let heading = match mode {
        Mode::New => tr.t(&format!("staff-new-{}", kind.code())),
        Mode::Edit(_) => tr.t_with(
            "staff-edit-offering-title",
            &[("title", form.title_nb.clone().into())],
        ),
        Mode::Copy(_) => tr.t_with(
            "staff-copy-offering-title",
            &[("title", form.title_nb.clone().into())],
        ),
    };
    let summary = (!problems.is_empty() || error.is_some()).then(|| {
        let items = problems
            .iter()
            .map(|p| {
                view! { <li><a href=format!("#{}", field_id(&p.field))>{message(&tr, p)}</a></li> }
            })
            .collect_view();
        view! {
            <div class="error-summary" role="alert" tabindex="-1">
                <h2>{tr.t("staff-form-problem")}</h2>
                {error.map(|e| view! { <p>{tr.t(e.key())}</p> })}
                <ul>{items}</ul>
            </div>
        }
    });
    let audiences = Audience::iter()
        .map(|a| {
            check(
                "audience",
                a.code(),
                tr.t(&format!("audience-{}", a.code())),
                form.audience.iter().any(|x| x == a.code()),
            )
        })
        .collect_view();
    // Radio buttons: three choices, each read in full.
    let chosen = Referral::from_code(form.referral.trim()).unwrap_or_default();
    let referral = Referral::iter()
        .map(|r| {
            let id = format!("{}-{}", field_id("referral"), r.code());
            view! {
                <div class="check">
                    <input type="radio" id=id.clone() name="referral" value=r.code() checked=r == chosen/>
                    <label for=id>{tr.t(r.key())}</label>
                </div>
            }
        })
        .collect_view();
    let categories = page
        .categories
        .iter()
        .map(|c| {
            let id = c.id.to_string();
            let on = form.category.contains(&id);
            check("category", &id, c.name.clone(), on)
        })
        .collect_view();
    let venues = page.venues.clone();
    let new_venue = form.venue == "new";
    let translations = |lang: &'static str, f: &Fields| {
        let (title, summary, description, cost) = match lang {
            "nn" => (
                &form.title_nn,
                &form.summary_nn,
                &form.description_nn,
                &form.cost_note_nn,
            ),
            _ => (
                &form.title_en,
                &form.summary_en,
                &form.description_en,
                &form.cost_note_en,
            ),
        };
        let open = !title.is_empty() || problems.iter().any(|p| p.field.ends_with(lang));
        let (t, s, d, c): (&'static str, &'static str, &'static str, &'static str) = match lang {
            "nn" => ("title_nn", "summary_nn", "description_nn", "cost_note_nn"),
            _ => ("title_en", "summary_en", "description_en", "cost_note_en"),
        };
        view! {
            <details open=open>
                <summary>{tr.t(&format!("staff-form-texts-{lang}"))}</summary>
                {f.text(t, "staff-form-title", title, None)}
                {f.area(s, "staff-form-summary", summary, None, 2)}
                {f.area(d, "staff-form-description", description, Some("staff-form-description-hint"), 6)}
                {f.text(c, "staff-form-cost-note", cost, None)}
            </details>
        }
    };
    let nn = translations("nn", &f);
    let en = translations("en", &f);
    let when = if is_course {
        view! {
            {f.area("sessions", "staff-form-sessions", &form.sessions, Some("staff-form-sessions-hint"), 5)}
            {f.text("capacity", "staff-form-capacity-label", &form.capacity, None)}
            {f.text("sign_up_opens", "staff-form-opens", &form.sign_up_opens, Some("staff-form-date-hint"))}
            {f.text("sign_up_closes", "staff-form-closes", &form.sign_up_closes, Some("staff-form-date-hint"))}
            {check("waiting_list", "1", tr.t("staff-form-waiting-list"), form.waiting_list.is_some())}
        }
        .into_any()
    } else {
        let hint = if kind.has_opening_hours() {
            "staff-form-opening-hint"
        } else {
            "staff-form-weekly-hint"
        };
        let label = if kind.has_opening_hours() {
            "staff-form-opening"
        } else {
            "staff-form-weekly"
        };
        view! {
            {f.area("weekly", label, &form.weekly, Some(hint), 4)}
            {f.text("valid_from", "staff-form-valid-from", &form.valid_from, Some("staff-form-date-hint"))}
            {f.text("valid_to", "staff-form-valid-to", &form.valid_to, Some("staff-form-date-hint"))}
            {f.area("skip", "staff-form-skip", &form.skip, Some("staff-form-skip-hint"), 2)}
        }
        .into_any()
    };
    view! {
        <Title text=heading.clone()/>
        <section class="staff">
            <nav class="breadcrumb" aria-label=tr.t("breadcrumb")>
                <a href=paths::staff_home()>{tr.t("staff-title")}</a>
            </nav>
            <h1>{heading}</h1>
            {(saved && back.is_none()).then(|| view! { <p class="notice" role="status">{tr.t("staff-form-saved")}</p> })}
            {page.slug.clone().map(|slug| view! {
                <p><a href=paths::offering(&slug)>{tr.t("staff-form-public-page")}</a></p>
            })}
            {page.id.filter(|_| page.slug.is_some()).map(|id| view! {
                <p><a href=paths::staff_preview(id)>{tr.t("staff-preview-link")}</a></p>
            })}
            {summary}
            <form method="post" action=action class="staff-form offering-form">
                <input type="hidden" name="kind" value=kind.code()/>
                <fieldset>
                    <legend>{tr.t("staff-form-about")}</legend>
                    {f.text("title_nb", "staff-form-title", &form.title_nb, None)}
                    {f.area("summary_nb", "staff-form-summary", &form.summary_nb, Some("staff-form-summary-hint"), 2)}
                    {f.area("description_nb", "staff-form-description", &form.description_nb, Some("staff-form-description-hint"), 6)}
                    {f.select("organisation", "staff-form-organisation", &page.organisations, &form.organisation, None)}
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-where")}</legend>
                    {f.select("district", "staff-form-district", &page.districts, &form.district, None)}
                    <div class="field">
                        <label for=field_id("venue")>{tr.t("staff-form-venue")}</label>
                        <select id=field_id("venue") name="venue">
                            <option value="">{tr.t("staff-form-venue-none")}</option>
                            {venues
                                .iter()
                                .map(|v| {
                                    let id = v.id.to_string();
                                    let selected = id == form.venue;
                                    view! { <option value=id selected=selected>{v.name.clone()}</option> }
                                })
                                .collect_view()}
                            <option value="new" selected=new_venue>{tr.t("staff-form-venue-new")}</option>
                        </select>
                    </div>
                    <details open=new_venue>
                        <summary>{tr.t("staff-form-venue-new")}</summary>
                        {f.text("venue_name", "staff-form-venue-name-label", &form.venue_name, None)}
                        {f.text("venue_address", "staff-form-venue-address", &form.venue_address, None)}
                        {f.text("venue_postcode", "staff-form-venue-postcode", &form.venue_postcode, None)}
                        {f.text("venue_city", "staff-form-venue-city", &form.venue_city, None)}
                        {check("step_free", "1", tr.t("access-step-free"), form.step_free.is_some())}
                        {check("accessible_toilet", "1", tr.t("access-toilet"), form.accessible_toilet.is_some())}
                        {check("hearing_loop", "1", tr.t("access-hearing-loop"), form.hearing_loop.is_some())}
                        {check("parking", "1", tr.t("staff-form-parking"), form.parking.is_some())}
                        {f.text("checked_on", "staff-form-checked-on", &form.checked_on, Some("staff-form-date-hint"))}
                    </details>
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-when")}</legend>
                    {when}
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-who")}</legend>
                    {audiences}
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-categories")}</legend>
                    {categories}
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-price-and-contact")}</legend>
                    {f.text("price", "staff-form-price-label", &form.price, Some("staff-form-price-hint"))}
                    {f.text("cost_note_nb", "staff-form-cost-note", &form.cost_note_nb, None)}
                    {(!is_course).then(|| check("sign_up_required", "1", tr.t("staff-form-sign-up-required"), form.sign_up_required.is_some()))}
                    <fieldset>
                        <legend>{tr.t("staff-form-referral")}</legend>
                        {referral}
                    </fieldset>
                    {f.text("contact_name", "staff-form-contact-name-label", &form.contact_name, None)}
                    {f.text("contact_email", "staff-form-contact-email-label", &form.contact_email, None)}
                    {f.text("contact_phone", "staff-form-contact-phone", &form.contact_phone, None)}
                </fieldset>
                <fieldset>
                    <legend>{tr.t("staff-form-translations")}</legend>
                    {nn}
                    {en}
                </fieldset>
                <button type="submit" class="button">{tr.t("staff-form-save")}</button>
            </form>
        </section>
    }
}

/// Shows the form of `mode`, or the turned-back submission in context.
fn offering_form(mode: Mode, kind: OfferingKind) -> impl IntoView {
    let tr = use_tr();
    let lang = tr.lang();
    let back = use_context::<OfferingSubmission>();
    let saved = use_query_map().with_untracked(|q| q.get(paths::SAVED).is_some());
    if let Some(b) = &back {
        set_status(
            b.error
                .as_ref()
                .map_or(422, crate::domain::error::AppError::status),
        );
    }
    let (edit, copy) = match mode {
        Mode::New => (None, None),
        Mode::Edit(id) => (Some(id), None),
        Mode::Copy(id) => (None, Some(id)),
    };
    staff_page(
        move || staff_offering_form(kind, edit, copy, lang),
        move |page: OfferingFormPage| form_view(tr.clone(), mode, page, back.clone(), saved),
    )
}

fn id_param() -> i32 {
    use_params_map().with_untracked(|p| p.get("id").and_then(|id| id.parse().ok()).unwrap_or(0))
}

/// `/ansatt/nytt-tilbud?kind=…`.
#[component]
pub fn NewOfferingPage() -> impl IntoView {
    let kind = use_query_map().with_untracked(|q| {
        q.get("kind")
            .and_then(|k| OfferingKind::from_code(&k))
            .unwrap_or(OfferingKind::ActivityGroup)
    });
    offering_form(Mode::New, kind)
}

/// `/ansatt/tilbud/<id>`.
#[component]
pub fn EditOfferingPage() -> impl IntoView {
    offering_form(Mode::Edit(id_param()), OfferingKind::ActivityGroup)
}

/// `/ansatt/tilbud/<id>/kopi`.
#[component]
pub fn CopyOfferingPage() -> impl IntoView {
    offering_form(Mode::Copy(id_param()), OfferingKind::ActivityGroup)
}
