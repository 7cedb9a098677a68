//! The offering form of the staff area: every field as typed, and what
//! it reads as once checked. Times and dates are read the Norwegian way
//! ([`super::typed`]); a form that does not check comes back with all it
//! had and a message per problem.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::Code;
use super::lang::Lang;
use super::offering::{Audience, OfferingKind, Referral};
use super::typed;

/// The offering form, every field as typed. Checkboxes are `Some` when
/// ticked; lists of checkboxes repeat their name.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OfferingForm {
    pub kind: String,
    pub district: String,
    pub organisation: String,
    /// A venue's id, `new` for the one described below, or empty.
    pub venue: String,
    pub venue_name: String,
    pub venue_address: String,
    pub venue_postcode: String,
    pub venue_city: String,
    pub step_free: Option<String>,
    pub accessible_toilet: Option<String>,
    pub hearing_loop: Option<String>,
    pub parking: Option<String>,
    pub checked_on: String,
    pub title_nb: String,
    pub summary_nb: String,
    pub description_nb: String,
    pub cost_note_nb: String,
    pub title_nn: String,
    pub summary_nn: String,
    pub description_nn: String,
    pub cost_note_nn: String,
    pub title_en: String,
    pub summary_en: String,
    pub description_en: String,
    pub cost_note_en: String,
    pub audience: Vec<String>,
    pub category: Vec<String>,
    /// Kroner; empty or 0 is free.
    pub price: String,
    pub sign_up_required: Option<String>,
    /// A [`Referral`] code; empty is "not needed".
    #[serde(default)]
    pub referral: String,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: String,
    /// Weekly times or opening hours, a line each: `tirsdag 10.00–11.30`.
    pub weekly: String,
    pub valid_from: String,
    pub valid_to: String,
    /// Dates without a meeting (holidays), separated by commas or lines.
    pub skip: String,
    /// A course's sessions, a line each: `12.01.2027 10.00–12.30`.
    pub sessions: String,
    pub capacity: String,
    pub sign_up_opens: String,
    pub sign_up_closes: String,
    pub waiting_list: Option<String>,
}

/// One thing wrong with a form: the field, the Fluent key of the message,
/// and what was typed when the message quotes it (a line that could not
/// be read).
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormProblem {
    pub field: String,
    pub key: String,
    pub typed: Option<String>,
}

impl FormProblem {
    fn new(field: &str, key: &str) -> Self {
        FormProblem {
            field: field.into(),
            key: key.into(),
            typed: None,
        }
    }

    fn quoting(field: &str, key: &str, typed: &str) -> Self {
        FormProblem {
            typed: Some(typed.chars().take(80).collect()),
            ..FormProblem::new(field, key)
        }
    }
}

/// A new venue, described on the form.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewVenue {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub hearing_loop: bool,
    pub parking: bool,
    pub checked_on: NaiveDate,
}

/// A venue's form on the venues page, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct VenueForm {
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub step_free: Option<String>,
    pub accessible_toilet: Option<String>,
    pub hearing_loop: Option<String>,
    pub parking: Option<String>,
    /// When the facts were checked, typed the Norwegian way; empty is today.
    pub checked_on: String,
}

impl VenueForm {
    /// The form of a venue as it is.
    pub fn of(v: &NewVenue) -> Self {
        let tick = |on: bool| on.then(|| "1".to_string());
        VenueForm {
            name: v.name.clone(),
            address: v.address.clone(),
            postcode: v.postcode.clone(),
            city: v.city.clone(),
            step_free: tick(v.step_free),
            accessible_toilet: tick(v.accessible_toilet),
            hearing_loop: tick(v.hearing_loop),
            parking: tick(v.parking),
            checked_on: v.checked_on.format("%d.%m.%Y").to_string(),
        }
    }

    /// The venue, or the Fluent key of the first thing wrong.
    pub fn validate(&self, today: NaiveDate) -> Result<NewVenue, &'static str> {
        let name = one_line(&self.name);
        if name.is_empty() {
            return Err("staff-venue-name");
        }
        let checked_on = if self.checked_on.trim().is_empty() {
            Some(today)
        } else {
            typed::date(&self.checked_on, today)
        };
        let checked_on = checked_on
            .filter(|d| *d <= today)
            .ok_or("staff-venue-checked-on")?;
        Ok(NewVenue {
            name,
            address: one_line(&self.address),
            postcode: one_line(&self.postcode),
            city: one_line(&self.city),
            step_free: self.step_free.is_some(),
            accessible_toilet: self.accessible_toilet.is_some(),
            hearing_loop: self.hearing_loop.is_some(),
            parking: self.parking.is_some(),
            checked_on,
        })
    }
}

/// One venue on the venues page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenueRow {
    pub id: i32,
    pub district: String,
    /// How many offerings meet there.
    pub offerings: u32,
    pub form: VenueForm,
}

/// `/ansatt/steder`: every venue, for editors.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct VenuesPage {
    pub venues: Vec<VenueRow>,
}

/// A venue's form the server turned back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct VenueSubmission {
    pub id: i32,
    pub form: VenueForm,
    pub problem: Option<&'static str>,
}

/// Where an offering happens.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum VenueChoice {
    None,
    Existing(i32),
    New(NewVenue),
}

/// One language's texts.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct TextDraft {
    pub lang: Lang,
    pub title: String,
    pub summary: String,
    pub description: String,
    /// What the price covers, or that it is free ("Gratis, ta med kaffe").
    pub cost_note: Option<String>,
}

/// A weekly time with its period and the dates it skips.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct WeeklyDraft {
    /// ISO weekday, 1 = Monday.
    pub weekday: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub skip: Vec<NaiveDate>,
}

/// A course's sign-up settings.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseDraft {
    pub capacity: i32,
    pub sign_up_opens: Option<NaiveDate>,
    pub sign_up_closes: Option<NaiveDate>,
    pub waiting_list: bool,
}

/// A form that checked: the offering as the write path takes it, with
/// its references by id.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingDraft {
    pub kind: OfferingKind,
    pub district_id: i32,
    pub organisation_id: i32,
    pub venue: VenueChoice,
    pub price_nok: i32,
    pub sign_up_required: bool,
    pub referral: Referral,
    pub contact_name: String,
    pub contact_email: String,
    pub contact_phone: Option<String>,
    /// Bokmål first; Nynorsk and English when given.
    pub texts: Vec<TextDraft>,
    pub audiences: Vec<Audience>,
    pub category_ids: Vec<i32>,
    pub weekly: Vec<WeeklyDraft>,
    pub sessions: Vec<(NaiveDateTime, NaiveDateTime)>,
    pub course: Option<CourseDraft>,
}

/// The longest title, summary and description kept.
const TITLE_MAX: usize = 120;
const SUMMARY_MAX: usize = 300;
const DESCRIPTION_MAX: usize = 5000;

/// `text` as one line: whitespace runs made one space, ends trimmed.
pub(crate) fn one_line(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// A date field: none when left empty; a problem when it cannot be read.
fn read_date(
    problems: &mut Vec<FormProblem>,
    field: &str,
    typed: &str,
    today: NaiveDate,
) -> Option<NaiveDate> {
    if typed.trim().is_empty() {
        return None;
    }
    let read = typed::date(typed, today);
    if read.is_none() {
        problems.push(FormProblem::quoting(field, "staff-form-date", typed));
    }
    read
}

impl OfferingForm {
    /// The offering, or every problem with the form. `today` places dates
    /// typed without a year.
    pub fn validate(&self, today: NaiveDate) -> Result<OfferingDraft, Vec<FormProblem>> {
        let mut problems = Vec::new();
        let mut need = |ok: bool, field: &str, key: &str| {
            if !ok {
                problems.push(FormProblem::new(field, key));
            }
        };
        let kind = OfferingKind::from_code(&self.kind);
        need(kind.is_some(), "kind", "staff-form-kind-missing");
        let district_id = self.district.trim().parse::<i32>().ok();
        need(
            district_id.is_some(),
            "district",
            "staff-form-district-missing",
        );
        let organisation_id = self.organisation.trim().parse::<i32>().ok();
        need(
            organisation_id.is_some(),
            "organisation",
            "staff-form-organisation-missing",
        );
        let title_nb = one_line(&self.title_nb);
        need(!title_nb.is_empty(), "title_nb", "staff-form-title-missing");

        let mut texts = Vec::new();
        for (lang, title, summary, description, cost_note) in [
            (
                Lang::Nb,
                &self.title_nb,
                &self.summary_nb,
                &self.description_nb,
                &self.cost_note_nb,
            ),
            (
                Lang::Nn,
                &self.title_nn,
                &self.summary_nn,
                &self.description_nn,
                &self.cost_note_nn,
            ),
            (
                Lang::En,
                &self.title_en,
                &self.summary_en,
                &self.description_en,
                &self.cost_note_en,
            ),
        ] {
            let cost_note = Some(one_line(cost_note)).filter(|c| !c.is_empty());
            let (title, summary) = (one_line(title), summary.trim().to_string());
            let description = description.trim().replace("\r\n", "\n");
            let field = |name: &str| format!("{name}_{}", lang.code());
            if title.chars().count() > TITLE_MAX {
                problems.push(FormProblem::new(&field("title"), "staff-form-title-long"));
            }
            if summary.chars().count() > SUMMARY_MAX {
                problems.push(FormProblem::new(
                    &field("summary"),
                    "staff-form-summary-long",
                ));
            }
            if description.chars().count() > DESCRIPTION_MAX {
                problems.push(FormProblem::new(
                    &field("description"),
                    "staff-form-description-long",
                ));
            }
            if lang != Lang::Nb && title.is_empty() {
                if !summary.is_empty() || !description.is_empty() {
                    problems.push(FormProblem::new(
                        &field("title"),
                        "staff-form-translation-title",
                    ));
                }
                continue;
            }
            if !title.is_empty() {
                texts.push(TextDraft {
                    lang,
                    title,
                    summary,
                    description,
                    cost_note,
                });
            }
        }

        let audiences: Vec<Audience> = self
            .audience
            .iter()
            .filter_map(|a| Audience::from_code(a))
            .collect();
        let category_ids: Vec<i32> = self
            .category
            .iter()
            .filter_map(|c| c.trim().parse().ok())
            .collect();

        let price = self.price.trim().trim_end_matches(",-").trim();
        let price_nok = if price.is_empty() {
            Some(0)
        } else {
            price.replace([' ', '\u{a0}'], "").parse::<i32>().ok()
        }
        .filter(|p| (0..=100_000).contains(p));
        if price_nok.is_none() {
            problems.push(FormProblem::new("price", "staff-form-price"));
        }

        let contact_name = one_line(&self.contact_name);
        let contact_email = self.contact_email.trim().to_string();
        if contact_name.is_empty() {
            problems.push(FormProblem::new("contact_name", "staff-form-contact-name"));
        }
        if !email_address::EmailAddress::is_valid(&contact_email) {
            problems.push(FormProblem::new(
                "contact_email",
                "staff-form-contact-email",
            ));
        }
        let contact_phone = Some(one_line(&self.contact_phone)).filter(|p| !p.is_empty());

        let venue = match self.venue.trim() {
            "" => VenueChoice::None,
            "new" => {
                let name = one_line(&self.venue_name);
                if name.is_empty() {
                    problems.push(FormProblem::new("venue_name", "staff-form-venue-name"));
                }
                let checked_on = if self.checked_on.trim().is_empty() {
                    Some(today)
                } else {
                    typed::date(&self.checked_on, today)
                };
                if checked_on.is_none() {
                    problems.push(FormProblem::quoting(
                        "checked_on",
                        "staff-form-date",
                        &self.checked_on,
                    ));
                }
                VenueChoice::New(NewVenue {
                    name,
                    address: one_line(&self.venue_address),
                    postcode: one_line(&self.venue_postcode),
                    city: one_line(&self.venue_city),
                    step_free: self.step_free.is_some(),
                    accessible_toilet: self.accessible_toilet.is_some(),
                    hearing_loop: self.hearing_loop.is_some(),
                    parking: self.parking.is_some(),
                    checked_on: checked_on.unwrap_or(today),
                })
            }
            id => match id.parse() {
                Ok(id) => VenueChoice::Existing(id),
                Err(_) => {
                    problems.push(FormProblem::new("venue", "staff-form-venue-name"));
                    VenueChoice::None
                }
            },
        };

        let is_course = kind == Some(OfferingKind::Course);
        let valid_from =
            read_date(&mut problems, "valid_from", &self.valid_from, today).unwrap_or(today);
        let valid_to = read_date(&mut problems, "valid_to", &self.valid_to, today);
        let (skip, unread) = typed::dates(&self.skip, today);
        for bad in unread {
            problems.push(FormProblem::quoting("skip", "staff-form-date", &bad));
        }
        let mut weekly = Vec::new();
        let mut sessions = Vec::new();
        let mut course = None;
        if is_course {
            for line in self.sessions.lines().filter(|l| !l.trim().is_empty()) {
                match typed::session(line, today) {
                    Some((date, start, end)) => {
                        sessions.push((date.and_time(start), date.and_time(end)));
                    }
                    None => problems.push(FormProblem::quoting(
                        "sessions",
                        "staff-form-session-line",
                        line,
                    )),
                }
            }
            sessions.sort();
            if sessions.is_empty() && !problems.iter().any(|p| p.field == "sessions") {
                problems.push(FormProblem::new("sessions", "staff-form-sessions-missing"));
            }
            let capacity = self
                .capacity
                .trim()
                .parse::<i32>()
                .ok()
                .filter(|c| (1..=1000).contains(c));
            if capacity.is_none() {
                problems.push(FormProblem::new("capacity", "staff-form-capacity"));
            }
            let opens = read_date(&mut problems, "sign_up_opens", &self.sign_up_opens, today);
            let closes = read_date(&mut problems, "sign_up_closes", &self.sign_up_closes, today);
            course = Some(CourseDraft {
                capacity: capacity.unwrap_or(1),
                sign_up_opens: opens,
                sign_up_closes: closes,
                waiting_list: self.waiting_list.is_some(),
            });
        } else {
            for line in self.weekly.lines().filter(|l| !l.trim().is_empty()) {
                match typed::weekly(line) {
                    Some((weekday, start, end)) => weekly.push(WeeklyDraft {
                        weekday,
                        start,
                        end,
                        valid_from,
                        valid_to,
                        skip: skip.clone(),
                    }),
                    None => problems.push(FormProblem::quoting(
                        "weekly",
                        "staff-form-weekly-line",
                        line,
                    )),
                }
            }
        }
        if valid_to.is_some_and(|to| to < valid_from) {
            problems.push(FormProblem::new("valid_to", "staff-form-period"));
        }

        match (kind, district_id, organisation_id, price_nok) {
            (Some(kind), Some(district_id), Some(organisation_id), Some(price_nok))
                if problems.is_empty() =>
            {
                Ok(OfferingDraft {
                    kind,
                    district_id,
                    organisation_id,
                    venue,
                    price_nok,
                    // A course is signed up for; others say so themselves.
                    sign_up_required: is_course || self.sign_up_required.is_some(),
                    // A choice among three: anything else is the default.
                    referral: Referral::from_code(self.referral.trim()).unwrap_or_default(),
                    contact_name,
                    contact_email,
                    contact_phone,
                    texts,
                    audiences,
                    category_ids,
                    weekly,
                    sessions,
                    course,
                })
            }
            _ => Err(problems),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn today() -> NaiveDate {
        NaiveDate::from_ymd_opt(2026, 12, 6).unwrap()
    }

    fn walking_group() -> OfferingForm {
        OfferingForm {
            kind: "activity_group".into(),
            district: "3".into(),
            organisation: "2".into(),
            title_nb: "  Gågruppe   Østbyen ".into(),
            summary_nb: "Vi går en rolig tur.".into(),
            audience: vec!["seniors".into(), "bogus".into()],
            category: vec!["4".into()],
            price: "".into(),
            contact_name: "Ola".into(),
            contact_email: "ola@example.no".into(),
            weekly: "tirsdag 10.00–11.30\r\nfredag 12-13".into(),
            skip: "24.12.2026, 31.12".into(),
            ..OfferingForm::default()
        }
    }

    #[test]
    fn a_weekly_group_reads_its_times_and_holidays() {
        let draft = walking_group().validate(today()).unwrap();
        assert_eq!(draft.texts[0].title, "Gågruppe Østbyen");
        assert_eq!(draft.texts.len(), 1, "no empty translations");
        assert_eq!(draft.audiences, [Audience::Seniors]);
        assert_eq!(draft.weekly.len(), 2);
        assert_eq!(draft.weekly[1].weekday, 5);
        assert_eq!(draft.weekly[0].valid_from, today());
        assert_eq!(draft.weekly[0].skip.len(), 2);
        assert_eq!(draft.price_nok, 0);
        assert!(draft.sessions.is_empty() && draft.course.is_none());
    }

    #[test]
    fn every_problem_is_named_and_quotes_the_line() {
        let form = OfferingForm {
            title_nb: String::new(),
            price: "gratis?".into(),
            contact_email: "ola".into(),
            weekly: "tirsdag 10.00–11.30\nhver onsdag".into(),
            skip: "julaften".into(),
            summary_nn: "Berre ei oppsummering".into(),
            ..walking_group()
        };
        let problems = form.validate(today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(
            fields,
            [
                "title_nb",
                "title_nn",
                "price",
                "contact_email",
                "skip",
                "weekly"
            ]
        );
        let weekly = problems.iter().find(|p| p.field == "weekly").unwrap();
        assert_eq!(weekly.typed.as_deref(), Some("hver onsdag"));
    }

    #[test]
    fn a_course_needs_sessions_and_places() {
        let form = OfferingForm {
            kind: "course".into(),
            weekly: String::new(),
            sessions: "12.01.2027 10.00–12.30\ntirsdag 19. januar 2027 kl. 10.00–12.30".into(),
            capacity: "12".into(),
            sign_up_closes: "10.01.2027".into(),
            waiting_list: Some("1".into()),
            ..walking_group()
        };
        let draft = form.validate(today()).unwrap();
        assert_eq!(draft.sessions.len(), 2);
        assert!(draft.sign_up_required);
        let course = draft.course.unwrap();
        assert_eq!(course.capacity, 12);
        assert!(course.waiting_list);
        let empty = OfferingForm {
            sessions: String::new(),
            capacity: "0".into(),
            ..form
        };
        let problems = empty.validate(today()).unwrap_err();
        let fields: Vec<&str> = problems.iter().map(|p| p.field.as_str()).collect();
        assert_eq!(fields, ["sessions", "capacity"]);
    }
}

/// Something to choose on the form: a district, organisation, venue or
/// category, by id, with its name in the reader's language.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i32,
    pub name: String,
}

/// What the offering form page shows.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OfferingFormPage {
    /// The offering being edited; none for a new one (or a copy).
    pub id: Option<i32>,
    /// Its public address, once it has one.
    pub slug: Option<String>,
    pub kind: OfferingKind,
    pub form: OfferingForm,
    pub districts: Vec<Choice>,
    pub organisations: Vec<Choice>,
    pub venues: Vec<Choice>,
    pub categories: Vec<Choice>,
}

/// A form the server turned back, for its page to show again.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OfferingSubmission {
    pub form: OfferingForm,
    pub problems: Vec<FormProblem>,
    /// A refusal about the whole form (say, a venue that is gone).
    pub error: Option<super::error::AppError>,
}

impl OfferingForm {
    /// The form filled in from a saved offering, dates and times written
    /// the Norwegian way. The form has one period and one list of skipped
    /// dates for all weekly times: the widest period and every date.
    pub fn from_draft(d: &OfferingDraft) -> OfferingForm {
        let text = |lang: Lang| d.texts.iter().find(|t| t.lang == lang);
        let field =
            |lang: Lang, pick: fn(&TextDraft) -> String| text(lang).map(pick).unwrap_or_default();
        let checked = |on: bool| on.then(|| "1".to_string());
        let mut skip: Vec<NaiveDate> = d.weekly.iter().flat_map(|w| w.skip.clone()).collect();
        skip.sort();
        skip.dedup();
        let (mut form, venue) = (OfferingForm::default(), &d.venue);
        form.kind = d.kind.code().to_string();
        form.district = d.district_id.to_string();
        form.organisation = d.organisation_id.to_string();
        form.venue = match venue {
            VenueChoice::Existing(id) => id.to_string(),
            _ => String::new(),
        };
        for lang in [Lang::Nb, Lang::Nn, Lang::En] {
            let title = field(lang, |t| t.title.clone());
            let summary = field(lang, |t| t.summary.clone());
            let description = field(lang, |t| t.description.clone());
            let cost = field(lang, |t| t.cost_note.clone().unwrap_or_default());
            let (t, s, de, c) = match lang {
                Lang::Nb => (
                    &mut form.title_nb,
                    &mut form.summary_nb,
                    &mut form.description_nb,
                    &mut form.cost_note_nb,
                ),
                Lang::Nn => (
                    &mut form.title_nn,
                    &mut form.summary_nn,
                    &mut form.description_nn,
                    &mut form.cost_note_nn,
                ),
                Lang::En => (
                    &mut form.title_en,
                    &mut form.summary_en,
                    &mut form.description_en,
                    &mut form.cost_note_en,
                ),
            };
            (*t, *s, *de, *c) = (title, summary, description, cost);
        }
        form.audience = d.audiences.iter().map(|a| a.code().to_string()).collect();
        form.category = d.category_ids.iter().map(ToString::to_string).collect();
        form.price = if d.price_nok == 0 {
            String::new()
        } else {
            d.price_nok.to_string()
        };
        form.sign_up_required = checked(d.sign_up_required);
        form.referral = d.referral.code().to_string();
        form.contact_name = d.contact_name.clone();
        form.contact_email = d.contact_email.clone();
        form.contact_phone = d.contact_phone.clone().unwrap_or_default();
        form.weekly = d
            .weekly
            .iter()
            .map(|w| {
                format!(
                    "{} {}",
                    typed::weekday_name(w.weekday),
                    typed::span(w.start, w.end)
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        form.valid_from = d
            .weekly
            .iter()
            .map(|w| w.valid_from)
            .min()
            .map(typed::format_date)
            .unwrap_or_default();
        form.valid_to = if d.weekly.iter().any(|w| w.valid_to.is_none()) {
            String::new()
        } else {
            d.weekly
                .iter()
                .filter_map(|w| w.valid_to)
                .max()
                .map(typed::format_date)
                .unwrap_or_default()
        };
        form.skip = skip
            .into_iter()
            .map(typed::format_date)
            .collect::<Vec<_>>()
            .join(", ");
        form.sessions = d
            .sessions
            .iter()
            .map(|(s, e)| {
                format!(
                    "{} {}",
                    typed::format_date(s.date()),
                    typed::span(s.time(), e.time())
                )
            })
            .collect::<Vec<_>>()
            .join("\n");
        if let Some(c) = &d.course {
            form.capacity = c.capacity.to_string();
            form.sign_up_opens = c.sign_up_opens.map(typed::format_date).unwrap_or_default();
            form.sign_up_closes = c.sign_up_closes.map(typed::format_date).unwrap_or_default();
            form.waiting_list = checked(c.waiting_list);
        }
        form
    }
}

/// The page for calling off one date of an offering.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CancelDatePage {
    pub id: i32,
    pub title: String,
    /// The coming meetings or sessions, those called off among them.
    pub upcoming: Vec<super::schedule::Occurrence>,
    pub cancelled: Vec<super::schedule::Cancellation>,
    /// How many people are signed up (a course's, who will be emailed).
    pub signed_up: u32,
    pub today: NaiveDate,
}

/// A call-off the server turned back, or the count of people emailed
/// after one went through.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct CancelSubmission {
    pub date: String,
    pub reason: String,
    pub error: Option<super::error::AppError>,
}
