//! Signing up for a course: the form, its validation (run in the browser
//! island and again on the server) and the states a sign-up goes through.

use serde::{Deserialize, Serialize};

use super::coded_enum;
use super::error::AppError;

coded_enum! {
    /// Where a sign-up stands.
    pub enum SignUpStatus {
        /// Stored, address not yet confirmed: holds no place. The place (or a
        /// place in line) is given when the address is confirmed, so that
        /// made-up addresses keep nobody out.
        AwaitingConfirmation,
        /// Has a place.
        Confirmed,
        /// Queued, first come first served, for a place that frees up.
        WaitingList,
        Cancelled,
        /// The confirmation link ran out before the address was confirmed.
        Expired,
        /// Confirmed when the course, and its waiting list if it has one,
        /// was full: nothing is held.
        Full,
    }
}

impl SignUpStatus {
    /// The states that still count: they block a second sign-up with the
    /// same address and can be cancelled.
    pub const ACTIVE: [SignUpStatus; 3] = [
        SignUpStatus::AwaitingConfirmation,
        SignUpStatus::Confirmed,
        SignUpStatus::WaitingList,
    ];

    /// Whether this sign-up occupies one of the course's places: only a
    /// confirmed one does.
    pub fn holds_place(self) -> bool {
        self == SignUpStatus::Confirmed
    }

    /// Whether the sign-up is one of [`SignUpStatus::ACTIVE`].
    pub fn is_active(self) -> bool {
        Self::ACTIVE.contains(&self)
    }
}

coded_enum! {
    /// What a link in an email does.
    pub enum LinkPurpose {
        Confirm,
        Cancel,
    }
}

/// The fields of the sign-up form, exactly as typed. Kept whole through a
/// failed submission so nobody has to type anything twice.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct SignUpForm {
    #[serde(default)]
    pub participant_name: String,
    #[serde(default)]
    pub participant_email: String,
    #[serde(default)]
    pub participant_phone: String,
    /// "I am signing up someone else".
    #[serde(default)]
    #[cfg_attr(feature = "ssr", serde(deserialize_with = "checkbox"))]
    pub on_behalf: bool,
    #[serde(default)]
    pub registrant_name: String,
    #[serde(default)]
    pub registrant_email: String,
    #[serde(default)]
    pub needs_note: String,
    #[serde(default)]
    #[cfg_attr(feature = "ssr", serde(deserialize_with = "checkbox"))]
    pub consent: bool,
    /// A field people never see; bots fill it in.
    #[serde(default)]
    pub website: String,
}

/// An HTML checkbox sends its value when ticked and nothing otherwise; JSON
/// carries a plain boolean. Both are accepted on the server; the browser
/// never deserialises a form, so the untagged enum stays out of the wasm.
#[cfg(feature = "ssr")]
fn checkbox<'de, D: serde::Deserializer<'de>>(d: D) -> Result<bool, D::Error> {
    #[derive(Deserialize)]
    #[serde(untagged)]
    enum Checked {
        Bool(bool),
        Text(String),
    }
    Ok(match Option::<Checked>::deserialize(d)? {
        Some(Checked::Bool(b)) => b,
        Some(Checked::Text(v)) => !v.is_empty() && v != "false" && v != "0",
        None => false,
    })
}

coded_enum! {
    /// A form field, for attaching an error to the right input. Its code is
    /// the input's `name` and `id`.
    pub enum Field {
        ParticipantName,
        ParticipantEmail,
        ParticipantPhone,
        RegistrantName,
        RegistrantEmail,
        NeedsNote,
        Consent,
    }
}

impl Field {
    /// The input's `name` and `id`.
    pub fn name(self) -> &'static str {
        self.into()
    }

    /// The most characters the field takes, as the form says it and
    /// validation holds it.
    pub fn max_chars(self) -> Option<usize> {
        match self {
            Field::ParticipantName | Field::RegistrantName => Some(NAME_MAX),
            Field::ParticipantEmail | Field::RegistrantEmail => Some(EMAIL_MAX),
            Field::ParticipantPhone => Some(PHONE_MAX),
            Field::NeedsNote => Some(NOTE_MAX),
            Field::Consent => None,
        }
    }
}

/// What is wrong with a field. Each variant's text is the Fluent key of
/// its message.
#[derive(
    Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
pub enum Problem {
    #[strum(serialize = "field-required")]
    Required,
    #[strum(serialize = "field-too-long")]
    TooLong,
    #[strum(serialize = "field-email-invalid")]
    EmailInvalid,
    #[strum(serialize = "field-phone-invalid")]
    PhoneInvalid,
    /// Line breaks or invisible control characters in a one-line field.
    #[strum(serialize = "field-text-invalid")]
    TextInvalid,
    /// A name that looks like a web or email address: names reach other
    /// people's inboxes, so they carry no links.
    #[strum(serialize = "field-name-invalid")]
    NameInvalid,
    #[strum(serialize = "field-consent-required")]
    ConsentRequired,
}

impl Problem {
    /// The Fluent key of the message.
    pub fn key(self) -> &'static str {
        self.into()
    }
}

/// One problem with one field.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub problem: Problem,
}

impl SignUpForm {
    /// The typed value of a text field.
    pub fn value(&self, field: Field) -> &str {
        match field {
            Field::ParticipantName => &self.participant_name,
            Field::ParticipantEmail => &self.participant_email,
            Field::ParticipantPhone => &self.participant_phone,
            Field::RegistrantName => &self.registrant_name,
            Field::RegistrantEmail => &self.registrant_email,
            Field::NeedsNote => &self.needs_note,
            Field::Consent => "",
        }
    }

    /// Sets a text field, as the browser checks do with what is typed.
    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::ParticipantName => self.participant_name = value,
            Field::ParticipantEmail => self.participant_email = value,
            Field::ParticipantPhone => self.participant_phone = value,
            Field::RegistrantName => self.registrant_name = value,
            Field::RegistrantEmail => self.registrant_email = value,
            Field::NeedsNote => self.needs_note = value,
            Field::Consent => self.consent = !value.is_empty(),
        }
    }
}

/// A submission the server turned back: what was typed, what is wrong with
/// it, and a message for the whole form (sign-up closed, too many tries).
/// The sign-up page renders it so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub form: SignUpForm,
    pub errors: Vec<FieldError>,
    /// A message about the whole form.
    pub error: Option<AppError>,
}

/// A form that passed validation: trimmed, addresses normalised.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSignUp {
    pub participant_name: String,
    pub participant_email: Option<String>,
    pub participant_phone: Option<String>,
    pub registrant: Option<(String, String)>,
    pub needs_note: Option<String>,
}

const NAME_MAX: usize = 100;
const EMAIL_MAX: usize = 254;
const NOTE_MAX: usize = 500;
const PHONE_MAX: usize = 20;

/// A bare address (`kari@example.no`, never `Kari <kari@example.no>` or an
/// IP literal), parsed by the same crate lettre uses to send, trimmed and
/// with the domain lower-cased.
pub fn normalise_email(typed: &str) -> Result<String, Problem> {
    use email_address::{EmailAddress, Options};
    let typed = typed.trim();
    if typed.chars().count() > EMAIL_MAX {
        return Err(Problem::TooLong);
    }
    let options = Options::default()
        .without_display_text()
        .without_domain_literal()
        .with_required_tld();
    let parsed =
        EmailAddress::parse_with_options(typed, options).map_err(|_| Problem::EmailInvalid)?;
    if parsed.email() != typed || parsed.domain().starts_with('-') {
        return Err(Problem::EmailInvalid);
    }
    Ok(format!(
        "{}@{}",
        parsed.local_part(),
        parsed.domain().to_lowercase()
    ))
}

/// A field left empty (or only spaces) is not there at all.
fn optional(typed: &str) -> Option<&str> {
    (!typed.trim().is_empty()).then_some(typed)
}

/// Characters that may not appear in names: line breaks and other control
/// characters (a name goes into email headers' neighbourhood and into
/// lists staff export), and the invisible marks that reorder text.
fn forbidden_in_line(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{200B}'..='\u{200F}' | '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}

/// A one-line text such as a name: required, bounded, printable.
fn check_line(text: &str) -> Result<String, Problem> {
    let text = text.trim();
    if text.is_empty() {
        Err(Problem::Required)
    } else if text.chars().count() > NAME_MAX {
        Err(Problem::TooLong)
    } else if text.chars().any(forbidden_in_line) {
        Err(Problem::TextInvalid)
    } else {
        Ok(text.to_string())
    }
}

/// A person's name: a one-line text that does not look like a web or
/// email address (`kari@…`, `www.…`, `…://…`, `evil.example`), so that
/// nobody can put a link into the emails another person gets.
fn check_name(text: &str) -> Result<String, Problem> {
    let name = check_line(text)?;
    let lower = name.to_lowercase();
    let chars: Vec<char> = lower.chars().collect();
    // A dot between a letter or digit and two letters, as in a domain
    // (`x.no`), but not an initial (`A. Berg`, `A.B. Berg`).
    let domain_like = chars.windows(4).any(|w| {
        w[0].is_alphanumeric() && w[1] == '.' && w[2].is_alphabetic() && w[3].is_alphabetic()
    });
    if domain_like
        || lower.contains("www")
        || lower.contains("://")
        || name.contains(['@', '/', '\\'])
    {
        Err(Problem::NameInvalid)
    } else {
        Ok(name)
    }
}

/// Digits and spaces with an optional leading `+`: 8 to 15 digits.
fn check_phone(phone: &str) -> Result<String, Problem> {
    let phone = phone.trim();
    let rest = phone.strip_prefix('+').unwrap_or(phone);
    let digits = rest.chars().filter(char::is_ascii_digit).count();
    if phone.chars().count() <= PHONE_MAX
        && (8..=15).contains(&digits)
        && rest.chars().all(|c| c.is_ascii_digit() || c == ' ')
    {
        Ok(phone.to_string())
    } else {
        Err(Problem::PhoneInvalid)
    }
}

/// Free text over several lines: bounded, no control characters but line
/// breaks and tabs.
fn check_note(note: &str) -> Result<String, Problem> {
    let note = note.trim();
    if note.chars().count() > NOTE_MAX {
        Err(Problem::TooLong)
    } else if note
        .chars()
        .any(|c| forbidden_in_line(c) && !matches!(c, '\n' | '\r' | '\t'))
    {
        Err(Problem::TextInvalid)
    } else {
        Ok(note.to_string())
    }
}

impl SignUpForm {
    /// Checks the form. All problems are returned at once, each on its field.
    pub fn validate(&self) -> Result<ValidSignUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut check = |field: Field, result: Result<String, Problem>| match result {
            Ok(value) => Some(value),
            Err(problem) => {
                errors.push(FieldError { field, problem });
                None
            }
        };

        let name = check(Field::ParticipantName, check_name(&self.participant_name));
        let participant_email = match optional(&self.participant_email) {
            Some(e) => check(Field::ParticipantEmail, normalise_email(e)),
            None if !self.on_behalf => check(Field::ParticipantEmail, Err(Problem::Required)),
            None => None,
        };
        let phone = optional(&self.participant_phone)
            .and_then(|p| check(Field::ParticipantPhone, check_phone(p)));
        let registrant = if self.on_behalf {
            let r_name = check(Field::RegistrantName, check_name(&self.registrant_name));
            let r_email = match optional(&self.registrant_email) {
                Some(e) => check(Field::RegistrantEmail, normalise_email(e)),
                None => check(Field::RegistrantEmail, Err(Problem::Required)),
            };
            r_name.zip(r_email)
        } else {
            None
        };
        let note = optional(&self.needs_note).and_then(|n| check(Field::NeedsNote, check_note(n)));
        if !self.consent {
            check(Field::Consent, Err(Problem::ConsentRequired));
        }

        match name {
            Some(participant_name) if errors.is_empty() => Ok(ValidSignUp {
                participant_name,
                participant_email,
                participant_phone: phone,
                registrant,
                needs_note: note,
            }),
            _ => Err(errors),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::domain::Code;

    fn form() -> SignUpForm {
        SignUpForm {
            participant_name: " Kari Nordmann ".into(),
            participant_email: " Kari@Example.NO ".into(),
            consent: true,
            ..Default::default()
        }
    }

    fn problems(form: &SignUpForm) -> Vec<(Field, Problem)> {
        form.validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.problem))
            .collect()
    }

    #[test]
    fn a_plain_sign_up_is_trimmed_and_its_domain_lower_cased() {
        let valid = form().validate().unwrap();
        assert_eq!(valid.participant_name, "Kari Nordmann");
        assert_eq!(valid.participant_email.as_deref(), Some("Kari@example.no"));
    }

    #[test]
    fn every_problem_is_reported_on_its_field() {
        let empty = SignUpForm::default();
        assert_eq!(
            problems(&empty),
            vec![
                (Field::ParticipantName, Problem::Required),
                (Field::ParticipantEmail, Problem::Required),
                (Field::Consent, Problem::ConsentRequired),
            ]
        );
        let bad = SignUpForm {
            participant_email: "kari@example".into(),
            participant_phone: "12".into(),
            needs_note: "x".repeat(501),
            ..form()
        };
        assert_eq!(
            problems(&bad),
            vec![
                (Field::ParticipantEmail, Problem::EmailInvalid),
                (Field::ParticipantPhone, Problem::PhoneInvalid),
                (Field::NeedsNote, Problem::TooLong),
            ]
        );
    }

    #[test]
    fn on_behalf_needs_the_registrant_and_not_the_participant_email() {
        let behalf = SignUpForm {
            participant_name: "Per Hansen".into(),
            participant_email: String::new(),
            on_behalf: true,
            registrant_name: "Kari Hansen".into(),
            registrant_email: "kari@example.no".into(),
            consent: true,
            ..Default::default()
        };
        assert!(behalf.validate().is_ok());

        let missing = SignUpForm {
            registrant_email: String::new(),
            ..behalf
        };
        assert_eq!(
            problems(&missing),
            vec![(Field::RegistrantEmail, Problem::Required)]
        );
    }

    #[test]
    fn only_bare_addresses_pass() {
        for ok in ["a@b.no", "ola.nordmann+kurs@kommune.example", "æøå@døme.no"] {
            assert!(normalise_email(ok).is_ok(), "{ok}");
        }
        for bad in [
            "",
            "a",
            "a@b",
            "a@.no",
            "a@b..no",
            "a b@c.no",
            "a@b@c.no",
            "a@b.no,",
            "x<kari@example.no>",
            "Kari <kari@example.no>",
            "<kari@example.no>",
            "kari@[127.0.0.1]",
            "kari@example.no\nBcc: x@evil.example",
            "kari@example.no;ola@example.no",
        ] {
            assert!(normalise_email(bad).is_err(), "{bad:?}");
        }
        assert_eq!(
            normalise_email("  Kari.N@Example.NO ").unwrap(),
            "Kari.N@example.no"
        );
        let long = format!("{}@example.no", "a".repeat(250));
        assert_eq!(normalise_email(&long), Err(Problem::TooLong));
    }

    #[test]
    fn names_carry_no_links() {
        for bad in [
            "kari@example.no",
            "www.evil.example",
            "Kari https://evil.example",
            "Vinn premie på evil.no",
            "evil.example/x",
            "WWW EVIL",
        ] {
            let f = SignUpForm {
                participant_name: bad.into(),
                ..form()
            };
            assert_eq!(
                problems(&f),
                vec![(Field::ParticipantName, Problem::NameInvalid)],
                "{bad}"
            );
        }
        for good in ["A. Berg", "A.B. Berg", "Anne-Marie Ås", "Per O. Hansen Jr."] {
            let f = SignUpForm {
                participant_name: good.into(),
                ..form()
            };
            assert!(f.validate().is_ok(), "{good}");
        }
    }

    #[test]
    fn names_are_one_printable_line_of_sane_length() {
        for bad in [
            "Kari\nBcc: x",
            "Ka\rri",
            "Ka\u{0}ri",
            "Kari\u{202E}nnamdroN",
        ] {
            let f = SignUpForm {
                participant_name: bad.into(),
                ..form()
            };
            assert_eq!(
                problems(&f),
                vec![(Field::ParticipantName, Problem::TextInvalid)],
                "{bad:?}"
            );
        }
        let long = SignUpForm {
            participant_name: "å".repeat(101),
            ..form()
        };
        assert_eq!(
            problems(&long),
            vec![(Field::ParticipantName, Problem::TooLong)]
        );
        let note = SignUpForm {
            needs_note: "Rullestol.\nTolk.".into(),
            ..form()
        };
        assert!(note.validate().is_ok(), "a note may have line breaks");
    }

    #[test]
    fn phones_are_digits_spaces_and_a_leading_plus() {
        for ok in ["+47 912 34 567", "22 34 56 78", "91234567"] {
            assert!(check_phone(ok).is_ok(), "{ok}");
        }
        for bad in [
            "1234",
            "912 34 567 ring meg",
            "(22) 34-56-78",
            "47+91234567",
            "+47 912 34 567 000 000 00",
            "9123\n4567",
        ] {
            assert!(check_phone(bad).is_err(), "{bad:?}");
        }
    }

    #[test]
    fn checkboxes_read_from_forms_and_from_props() {
        let posted: SignUpForm =
            serde_json::from_str(r#"{"on_behalf":"1","consent":"on"}"#).unwrap();
        assert!(posted.on_behalf && posted.consent);
        let props = serde_json::to_string(&form()).unwrap();
        assert_eq!(serde_json::from_str::<SignUpForm>(&props).unwrap(), form());
        let unticked: SignUpForm = serde_json::from_str("{}").unwrap();
        assert!(!unticked.consent);
    }

    #[test]
    fn statuses_round_trip_and_hold_places() {
        use strum::IntoEnumIterator;
        for s in SignUpStatus::iter() {
            assert_eq!(SignUpStatus::from_code(s.code()), Some(s));
        }
        assert_eq!(SignUpStatus::WaitingList.code(), "waiting_list");
        assert_eq!(Field::ParticipantEmail.name(), "participant_email");
        assert!(!SignUpStatus::AwaitingConfirmation.holds_place());
        assert!(SignUpStatus::Confirmed.holds_place());
        assert!(!SignUpStatus::Full.is_active());
        assert!(!SignUpStatus::WaitingList.holds_place());
        assert!(SignUpStatus::WaitingList.is_active());
        assert!(!SignUpStatus::Expired.is_active());
    }
}
