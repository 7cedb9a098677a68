//! The staff area's plain types, shared by the server and the views:
//! roles, what the audit log records, and what the staff pages show.

use serde::{Deserialize, Serialize};

use super::coded_enum;
use super::offering::{OfferingKind, OfferingStatus};
use super::sign_up::SignUpStatus;

coded_enum! {
    /// What a member of staff may do. Each role may do all that the ones
    /// after it may, over a wider scope.
    pub enum Role {
        /// Everything, also accounts and organisations.
        Admin,
        /// Every offering; approves what organisations submit.
        Editor,
        /// The offerings of the organisations they belong to.
        Coordinator,
    }
}

coded_enum! {
    /// What an audit event records.
    pub enum AuditAction {
        SignedIn,
        SignedOut,
        SignedOutEverywhere,
        AccountCreated,
        RoleChanged,
        ParticipantsViewed,
        ParticipantsExported,
        SignUpCancelled,
        SignUpPromoted,
        PhoneSignUpAdded,
        StatusChanged,
        OfferingCreated,
        OfferingEdited,
        DateCancelled,
        EmailRetried,
        OfferingConfirmed,
        PasswordSet,
        PasswordRemoved,
        CourseMessageSent,
        OrganisationCreated,
        OrganisationChanged,
        VenueChanged,
    }
}

/// The shortest password a member of staff may choose: long enough to
/// resist guessing, short enough that a few words make one.
pub const PASSWORD_MIN_CHARS: usize = 12;
/// The longest: hashing costs the same for any length, but the form has a
/// bound.
pub const PASSWORD_MAX_CHARS: usize = 128;

/// What an organiser does to one sign-up of a course.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum SignUpAction {
    /// Cancel it for its participant, who is emailed.
    Cancel,
    /// Give someone on the waiting list a place now.
    GivePlace,
}

impl SignUpAction {
    /// The action's last path segment (the staff area's addresses are
    /// Norwegian like the public ones).
    pub fn segment(self) -> &'static str {
        match self {
            SignUpAction::Cancel => "avmeld",
            SignUpAction::GivePlace => "plass",
        }
    }

    pub fn from_segment(segment: &str) -> Option<Self> {
        [SignUpAction::Cancel, SignUpAction::GivePlace]
            .into_iter()
            .find(|a| a.segment() == segment)
    }
}

/// Who is signed in, as the staff pages show it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffIdentity {
    pub name: String,
    pub role: Role,
    /// Whether they added a password beside the emailed code.
    #[serde(default)]
    pub has_password: bool,
    /// The organisations a coordinator works for, by name.
    pub organisations: Vec<String>,
}

/// Offerings on one page of the staff list.
pub const STAFF_PAGE_SIZE: u32 = 50;

/// One offering in a staff list.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffOffering {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub kind: OfferingKind,
    pub status: OfferingStatus,
    pub organisation: String,
    pub district: String,
    /// The states the viewer may move it to.
    pub choices: Vec<OfferingStatus>,
    /// An editor's word on a submission that went back.
    pub review_comment: Option<String>,
    /// The day it was last confirmed or changed.
    pub confirmed_on: chrono::NaiveDate,
    /// Whether that is so long ago that it should be confirmed.
    pub stale: bool,
}

/// Which offerings the staff list shows.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct StaffFilter {
    /// Only those in this state (the editor's queue is the submitted ones).
    pub status: Option<OfferingStatus>,
    /// Words of the title.
    pub q: String,
    /// Only those not confirmed for a long time, the oldest first.
    #[serde(default)]
    pub stale: bool,
}

impl StaffFilter {
    /// Held to what the form can send: anyone can call a server function.
    pub fn bounded(mut self) -> Self {
        self.q = self.q.chars().take(100).collect();
        self
    }
}

/// The first page of the staff area.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Dashboard {
    pub me: StaffIdentity,
    pub offerings: Vec<StaffOffering>,
    /// How many offerings the list has in all.
    pub total: u32,
    pub filter: StaffFilter,
    /// How many offerings in reach wait for approval.
    pub submitted: u32,
    /// How many offerings in reach are stale.
    pub stale: u32,
    pub today: chrono::NaiveDate,
    /// Which page of them this is, 1 = the first.
    pub page: u32,
}

/// One person on a course's lists, as the organiser sees them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Participant {
    pub id: i32,
    pub status: SignUpStatus,
    pub name: String,
    pub email: Option<String>,
    pub phone: Option<String>,
    /// Who signed them up, when someone did it for them.
    pub registrant: Option<String>,
    pub needs_note: Option<String>,
    pub email_confirmed: bool,
    /// Local time the sign-up came in.
    pub signed_up_at: chrono::NaiveDateTime,
}

/// A course's people in the three lists the organiser works from.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseRoster {
    pub id: i32,
    pub slug: String,
    pub title: String,
    pub capacity: Option<i32>,
    pub confirmed: Vec<Participant>,
    pub awaiting: Vec<Participant>,
    /// In the order places are handed on.
    pub waiting: Vec<Participant>,
}

/// Where a sign-in stands, as its page shows it: handed to the page by
/// the form post that turned it back or moved it on.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct SignInStep {
    /// The address, as typed.
    pub email: String,
    /// The code, as typed, when it was wrong.
    pub code: String,
    pub shared_computer: bool,
    /// An email was asked for: show the code form.
    pub sent: bool,
    /// The password form was posted: show its answer beside it.
    pub by_password: bool,
    pub error: Option<super::error::AppError>,
}

/// The password page after a post that must be answered on it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PasswordStep {
    pub error: Option<super::error::AppError>,
}

/// The longest message an organiser may send a course's people: a few
/// paragraphs, which is what an email should be.
pub const MESSAGE_MAX: usize = 2000;

/// An organiser's message to a course's people, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct CourseMessageForm {
    #[serde(default)]
    pub message: String,
    /// A ticked box sends "1": the waiting list is told too.
    #[serde(default)]
    pub waiting_list: Option<String>,
}

impl CourseMessageForm {
    /// The message as it will be sent (trimmed, and empty lines between
    /// paragraphs made one), or the Fluent key of what is wrong.
    pub fn validate(&self) -> Result<String, &'static str> {
        let mut text = String::new();
        let mut empty = 0;
        for line in self.message.lines().map(str::trim_end) {
            if line.trim().is_empty() {
                empty += 1;
                continue;
            }
            if !text.is_empty() {
                text.push_str(if empty > 0 { "\n\n" } else { "\n" });
            }
            empty = 0;
            text.push_str(line);
        }
        let text = text.trim_start().to_owned();
        if text.is_empty() {
            Err("staff-message-missing")
        } else if text.chars().count() > MESSAGE_MAX {
            Err("staff-message-long")
        } else {
            Ok(text)
        }
    }
}

/// The message form sent back on the course's page, with what is wrong.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct MessageSubmission {
    pub form: CourseMessageForm,
    pub problem: Option<&'static str>,
}

/// A person who phoned in, as the organiser types them.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PhoneSignUpForm {
    #[serde(default)]
    pub name: String,
    #[serde(default)]
    pub phone: String,
    #[serde(default)]
    pub needs_note: String,
}

/// A phoned-in person that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidPhoneSignUp {
    pub name: String,
    pub phone: String,
    pub needs_note: Option<String>,
}

/// The longest name and note kept, as on the public form.
const NAME_MAX: usize = 100;
const NOTE_MAX: usize = 500;

impl PhoneSignUpForm {
    /// The person, or the Fluent keys of what is wrong, field by field.
    pub fn validate(&self) -> Result<ValidPhoneSignUp, Vec<(&'static str, &'static str)>> {
        let name = self.name.trim();
        let phone = self.phone.trim();
        let digits = phone.chars().filter(char::is_ascii_digit).count();
        let mut problems = Vec::new();
        if name.is_empty() {
            problems.push(("name", "staff-phone-name-missing"));
        } else if name.chars().count() > NAME_MAX || name.contains(['\n', '\r']) {
            problems.push(("name", "staff-phone-name-invalid"));
        }
        if !(8..=15).contains(&digits)
            || !phone
                .chars()
                .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '+' | '-' | '(' | ')'))
        {
            problems.push(("phone", "staff-phone-invalid"));
        }
        if self.needs_note.chars().count() > NOTE_MAX {
            problems.push(("needs_note", "staff-phone-note-too-long"));
        }
        if !problems.is_empty() {
            return Err(problems);
        }
        let note = self.needs_note.trim();
        Ok(ValidPhoneSignUp {
            name: name.to_string(),
            phone: phone.to_string(),
            needs_note: (!note.is_empty()).then(|| note.to_string()),
        })
    }
}

/// A phoned-in person the server turned back, for the course page to show
/// again with what was typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct PhoneSubmission {
    pub form: PhoneSignUpForm,
    /// (field, Fluent key) of each problem.
    pub problems: Vec<(&'static str, &'static str)>,
    pub error: Option<super::error::AppError>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_phoned_in_person_needs_a_name_and_a_norwegian_or_foreign_number() {
        let ok = PhoneSignUpForm {
            name: " Kari Nordmann ".into(),
            phone: "+47 912 34 567".into(),
            needs_note: String::new(),
        };
        let valid = ok.validate().unwrap();
        assert_eq!(valid.name, "Kari Nordmann");
        assert_eq!(valid.needs_note, None);
        let bad = PhoneSignUpForm {
            name: String::new(),
            phone: "ring meg".into(),
            needs_note: "x".repeat(501),
        };
        let problems = bad.validate().unwrap_err();
        assert_eq!(
            problems.iter().map(|(f, _)| *f).collect::<Vec<_>>(),
            ["name", "phone", "needs_note"]
        );
    }
}

/// One email in the outbox, as an editor sees it: never its text, and
/// the recipient masked.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxEntry {
    pub id: i32,
    pub kind: super::mail::EmailKind,
    pub status: super::mail::OutboxStatus,
    pub to: String,
    pub attempts: i32,
    /// Local time it was queued.
    pub queued_at: chrono::NaiveDateTime,
    /// Local time it was sent or given up.
    pub finished_at: Option<chrono::NaiveDateTime>,
    /// The last error, with addresses masked.
    pub error: Option<String>,
    /// Whether it can be tried again (it failed, and its recipient is kept).
    pub retry: bool,
}

/// The outbox page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OutboxPage {
    pub entries: Vec<OutboxEntry>,
    pub queued: u32,
    pub failed: u32,
    pub page: u32,
}

/// One line of the audit log.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    /// Local time.
    pub at: chrono::NaiveDateTime,
    /// The account's name; none for the system.
    pub who: Option<String>,
    pub action: AuditAction,
    /// The offering's id and title, when it was about one.
    pub offering: Option<(i32, String)>,
    pub subject: Option<String>,
    pub detail: Option<String>,
}

/// A page of the audit log, newest first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub entries: Vec<AuditEntry>,
    pub page: u32,
    pub more: bool,
}

/// A member of staff, as an administrator manages them.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountRow {
    pub id: i32,
    pub email: String,
    pub name: String,
    pub role: Role,
    pub organisations: Vec<i32>,
    pub active: bool,
    /// Local time of the last sign-in.
    pub last_sign_in: Option<chrono::NaiveDateTime>,
}

/// The accounts page.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsPage {
    pub accounts: Vec<AccountRow>,
    pub organisations: Vec<super::catalogue::Choice>,
    /// The administrator looking, who cannot lock themselves out.
    pub me: i32,
}

/// The account form, as typed: a new account, or one's role,
/// organisations and whether it may sign in.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct AccountForm {
    pub email: String,
    pub name: String,
    pub role: String,
    pub organisation: Vec<String>,
    pub active: Option<String>,
}

/// An organisation as administrators see and change it.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationRow {
    pub id: i32,
    pub form: OrganisationForm,
    /// How many offerings it runs.
    pub offerings: u32,
}

/// `/ansatt/organisasjoner`: every organisation, for administrators.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct OrganisationsPage {
    pub organisations: Vec<OrganisationRow>,
}

/// The organisation form, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct OrganisationForm {
    pub name: String,
    pub kind: String,
    pub email: String,
    pub phone: String,
    pub website: String,
    /// Its number in Enhetsregisteret, where known; spaces allowed.
    pub org_number: String,
    /// A ticked box sends "1": trusted to publish without approval.
    pub publishes_directly: Option<String>,
}

/// An organisation that passed the checks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ValidOrganisation {
    pub name: String,
    pub kind: super::offering::OrganisationKind,
    pub email: String,
    pub phone: String,
    pub website: Option<String>,
    pub org_number: Option<String>,
    pub publishes_directly: bool,
}

/// The longest organisation name the form takes.
pub const ORGANISATION_NAME_MAX: usize = 120;

impl OrganisationForm {
    /// The organisation, or the Fluent key of the first thing wrong.
    pub fn validate(&self) -> Result<ValidOrganisation, &'static str> {
        let line = super::catalogue::one_line;
        let name = line(&self.name);
        if name.is_empty() || name.chars().count() > ORGANISATION_NAME_MAX {
            return Err("staff-organisation-name");
        }
        let kind = <super::offering::OrganisationKind as super::Code>::from_code(self.kind.trim())
            .ok_or("staff-organisation-kind")?;
        let email = self.email.trim().to_lowercase();
        if !email.is_empty() && !email_address::EmailAddress::is_valid(&email) {
            return Err("staff-email-invalid");
        }
        let website = line(&self.website);
        if !website.is_empty() && (!super::is_web_address(&website) || website.contains(' ')) {
            return Err("staff-organisation-website");
        }
        // As the register prints it, "974 760 673", or without spaces.
        let org_number: String = self.org_number.split_whitespace().collect();
        if !org_number.is_empty() && !super::offering::is_org_number(&org_number) {
            return Err("staff-organisation-number");
        }
        Ok(ValidOrganisation {
            name,
            kind,
            email,
            phone: line(&self.phone),
            website: Some(website).filter(|w| !w.is_empty()),
            org_number: Some(org_number).filter(|n| !n.is_empty()),
            publishes_directly: self.publishes_directly.is_some(),
        })
    }
}

/// An organisation form the server turned back: a new one (`id` none) or
/// an existing one's.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct OrganisationSubmission {
    pub id: Option<i32>,
    pub form: OrganisationForm,
    pub problem: Option<&'static str>,
}

/// A new account the server turned back.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct AccountSubmission {
    pub form: AccountForm,
    pub error: Option<super::error::AppError>,
}
