//! Signing up for a course: the form, its validation (run in the browser
//! island and again on the server) and the states a sign-up goes through.

use serde::{Deserialize, Serialize};

/// Where a sign-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum SignUpStatus {
    /// Holds a place until the confirmation link is used or the hold expires.
    AwaitingConfirmation,
    /// Has a place.
    Confirmed,
    /// Queued, first come first served, for a place that frees up.
    WaitingList,
    Cancelled,
    /// The hold ran out before the email address was confirmed.
    Expired,
}

impl SignUpStatus {
    pub const ALL: [SignUpStatus; 5] = [
        SignUpStatus::AwaitingConfirmation,
        SignUpStatus::Confirmed,
        SignUpStatus::WaitingList,
        SignUpStatus::Cancelled,
        SignUpStatus::Expired,
    ];

    pub fn code(self) -> &'static str {
        match self {
            SignUpStatus::AwaitingConfirmation => "awaiting_confirmation",
            SignUpStatus::Confirmed => "confirmed",
            SignUpStatus::WaitingList => "waiting_list",
            SignUpStatus::Cancelled => "cancelled",
            SignUpStatus::Expired => "expired",
        }
    }

    pub fn parse(code: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }

    /// Whether this sign-up occupies one of the course's places.
    pub fn holds_place(self) -> bool {
        matches!(
            self,
            SignUpStatus::AwaitingConfirmation | SignUpStatus::Confirmed
        )
    }

    /// Whether the sign-up still counts: it blocks a second sign-up with the
    /// same address and can be cancelled.
    pub fn is_active(self) -> bool {
        self.holds_place() || self == SignUpStatus::WaitingList
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
    #[serde(default, deserialize_with = "checkbox")]
    pub on_behalf: bool,
    #[serde(default)]
    pub registrant_name: String,
    #[serde(default)]
    pub registrant_email: String,
    #[serde(default)]
    pub needs_note: String,
    #[serde(default, deserialize_with = "checkbox")]
    pub consent: bool,
    /// A field people never see; bots fill it in.
    #[serde(default)]
    pub website: String,
}

/// An HTML checkbox sends its value when ticked and nothing otherwise; the
/// island's props carry a plain boolean. Both are accepted.
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

/// A form field, for attaching an error to the right input.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    ParticipantName,
    ParticipantEmail,
    ParticipantPhone,
    RegistrantName,
    RegistrantEmail,
    NeedsNote,
    Consent,
}

impl Field {
    /// The input's `name` and `id` suffix.
    pub fn name(self) -> &'static str {
        match self {
            Field::ParticipantName => "participant_name",
            Field::ParticipantEmail => "participant_email",
            Field::ParticipantPhone => "participant_phone",
            Field::RegistrantName => "registrant_name",
            Field::RegistrantEmail => "registrant_email",
            Field::NeedsNote => "needs_note",
            Field::Consent => "consent",
        }
    }
}

/// One problem with one field; `key` is the Fluent key of its message.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct FieldError {
    pub field: Field,
    pub key: String,
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

    /// Sets a text field, as the browser island does on input.
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
/// it, and a message for the whole form (full course, too many tries). The
/// sign-up page renders it so nothing typed is lost.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct Submission {
    pub form: SignUpForm,
    pub errors: Vec<FieldError>,
    /// Fluent key of a message about the whole form.
    pub error: Option<String>,
}

/// A form that passed validation, trimmed, with emails lower-cased.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidSignUp {
    pub participant_name: String,
    pub participant_email: Option<String>,
    pub participant_phone: Option<String>,
    pub registrant: Option<(String, String)>,
    pub needs_note: Option<String>,
}

impl ValidSignUp {
    /// Who holds the place, for "one address, one place": the participant's
    /// address, or the registrant's address with the participant's name (a
    /// daughter may sign up both her parents from her own address).
    pub fn dedupe_key(&self) -> String {
        match (&self.participant_email, &self.registrant) {
            (Some(email), _) => email.clone(),
            (None, Some((_, email))) => {
                format!("{email}|{}", self.participant_name.to_lowercase())
            }
            (None, None) => self.participant_name.to_lowercase(),
        }
    }

    /// Every address that gets the emails about this sign-up.
    pub fn recipients(&self) -> Vec<String> {
        let mut all: Vec<String> = self
            .participant_email
            .iter()
            .chain(self.registrant.as_ref().map(|(_, e)| e))
            .cloned()
            .collect();
        all.dedup();
        all
    }
}

const NAME_MAX: usize = 100;
const EMAIL_MAX: usize = 254;
const NOTE_MAX: usize = 500;

/// A plain check that catches typing mistakes; the confirmation email is
/// the real proof that an address works.
pub fn looks_like_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && !email
            .chars()
            .any(|c| c.is_whitespace() || c == ',' || c == ';')
        && email.len() <= EMAIL_MAX
}

fn looks_like_phone(phone: &str) -> bool {
    let digits = phone.chars().filter(char::is_ascii_digit).count();
    (8..=15).contains(&digits)
        && phone
            .chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
}

impl SignUpForm {
    /// Checks the form. All problems are returned at once, each on its field.
    pub fn validate(&self) -> Result<ValidSignUp, Vec<FieldError>> {
        let mut errors = Vec::new();
        let mut fail = |field, key: &str| {
            errors.push(FieldError {
                field,
                key: key.to_string(),
            })
        };
        let trimmed = |s: &str| s.trim().to_string();
        let optional = |s: &str| Some(s.trim().to_string()).filter(|s| !s.is_empty());

        let name = trimmed(&self.participant_name);
        if name.is_empty() {
            fail(Field::ParticipantName, "field-required");
        } else if name.chars().count() > NAME_MAX {
            fail(Field::ParticipantName, "field-too-long");
        }

        let participant_email = optional(&self.participant_email).map(|e| e.to_lowercase());
        match &participant_email {
            Some(e) if !looks_like_email(e) => fail(Field::ParticipantEmail, "field-email-invalid"),
            None if !self.on_behalf => fail(Field::ParticipantEmail, "field-required"),
            _ => {}
        }

        let phone = optional(&self.participant_phone);
        if phone.as_deref().is_some_and(|p| !looks_like_phone(p)) {
            fail(Field::ParticipantPhone, "field-phone-invalid");
        }

        let registrant = if self.on_behalf {
            let r_name = trimmed(&self.registrant_name);
            let r_email = trimmed(&self.registrant_email).to_lowercase();
            if r_name.is_empty() {
                fail(Field::RegistrantName, "field-required");
            } else if r_name.chars().count() > NAME_MAX {
                fail(Field::RegistrantName, "field-too-long");
            }
            if r_email.is_empty() {
                fail(Field::RegistrantEmail, "field-required");
            } else if !looks_like_email(&r_email) {
                fail(Field::RegistrantEmail, "field-email-invalid");
            }
            Some((r_name, r_email))
        } else {
            None
        };

        let note = optional(&self.needs_note);
        if note
            .as_deref()
            .is_some_and(|n| n.chars().count() > NOTE_MAX)
        {
            fail(Field::NeedsNote, "field-too-long");
        }
        if !self.consent {
            fail(Field::Consent, "field-consent-required");
        }

        if errors.is_empty() {
            Ok(ValidSignUp {
                participant_name: name,
                participant_email,
                participant_phone: phone,
                registrant,
                needs_note: note,
            })
        } else {
            Err(errors)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn form() -> SignUpForm {
        SignUpForm {
            participant_name: " Kari Nordmann ".into(),
            participant_email: "Kari@Example.NO".into(),
            consent: true,
            ..Default::default()
        }
    }

    fn fields(form: &SignUpForm) -> Vec<(Field, String)> {
        form.validate()
            .unwrap_err()
            .into_iter()
            .map(|e| (e.field, e.key))
            .collect()
    }

    #[test]
    fn a_plain_sign_up_is_trimmed_and_lower_cased() {
        let valid = form().validate().unwrap();
        assert_eq!(valid.participant_name, "Kari Nordmann");
        assert_eq!(valid.participant_email.as_deref(), Some("kari@example.no"));
        assert_eq!(valid.recipients(), vec!["kari@example.no"]);
        assert_eq!(valid.dedupe_key(), "kari@example.no");
    }

    #[test]
    fn every_problem_is_reported_on_its_field() {
        let empty = SignUpForm::default();
        assert_eq!(
            fields(&empty),
            vec![
                (Field::ParticipantName, "field-required".into()),
                (Field::ParticipantEmail, "field-required".into()),
                (Field::Consent, "field-consent-required".into()),
            ]
        );
        let bad = SignUpForm {
            participant_email: "kari@example".into(),
            participant_phone: "12".into(),
            needs_note: "x".repeat(501),
            ..form()
        };
        assert_eq!(
            fields(&bad),
            vec![
                (Field::ParticipantEmail, "field-email-invalid".into()),
                (Field::ParticipantPhone, "field-phone-invalid".into()),
                (Field::NeedsNote, "field-too-long".into()),
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
        let valid = behalf.validate().unwrap();
        assert_eq!(valid.recipients(), vec!["kari@example.no"]);
        assert_eq!(valid.dedupe_key(), "kari@example.no|per hansen");

        let missing = SignUpForm {
            registrant_email: String::new(),
            ..behalf
        };
        assert_eq!(
            fields(&missing),
            vec![(Field::RegistrantEmail, "field-required".into())]
        );
    }

    #[test]
    fn email_and_phone_checks() {
        for ok in ["a@b.no", "ola.nordmann+kurs@kommune.example", "æøå@døme.no"] {
            assert!(looks_like_email(ok), "{ok}");
        }
        for bad in [
            "", "a", "a@b", "a@.no", "a@b..no", "a b@c.no", "a@b@c.no", "a@b.no,",
        ] {
            assert!(!looks_like_email(bad), "{bad}");
        }
        assert!(looks_like_phone("+47 912 34 567"));
        assert!(looks_like_phone("22 34 56 78"));
        assert!(!looks_like_phone("1234"));
        assert!(!looks_like_phone("912 34 567 ring meg"));
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
        for s in SignUpStatus::ALL {
            assert_eq!(SignUpStatus::parse(s.code()), Some(s));
        }
        assert!(SignUpStatus::AwaitingConfirmation.holds_place());
        assert!(!SignUpStatus::WaitingList.holds_place());
        assert!(SignUpStatus::WaitingList.is_active());
        assert!(!SignUpStatus::Expired.is_active());
    }
}
