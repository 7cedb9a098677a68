use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use super::coded_enum;
use super::lang::Lang;
use super::schedule::Occurrence;
pub use super::schedule::WeeklySlotDto;

coded_enum! {
    /// What sort of offering something is; decides how its schedule reads
    /// ("meets" or "open") and whether people sign up.
    pub enum OfferingKind {
        ActivityGroup,
        MeetingPlace,
        VolunteerCentre,
        Course,
    }
}

impl OfferingKind {
    /// Meeting places and volunteer centres have opening hours rather than
    /// meetings.
    pub fn has_opening_hours(self) -> bool {
        matches!(
            self,
            OfferingKind::MeetingPlace | OfferingKind::VolunteerCentre
        )
    }
}

coded_enum! {
    /// Whether someone needs a referral from a doctor ("henvisning") to
    /// join. Most of what the site lists needs none; some courses do.
    #[derive(Default)]
    pub enum Referral {
        #[default]
        NotNeeded,
        Recommended,
        Required,
    }
}

impl Referral {
    /// The message key that says it on cards and pages.
    pub fn key(self) -> &'static str {
        match self {
            Referral::NotNeeded => "referral-not_needed",
            Referral::Recommended => "referral-recommended",
            Referral::Required => "referral-required",
        }
    }

    /// The message key that says it in a full sentence, on the
    /// offering's page and to search engines.
    pub fn sentence_key(self) -> &'static str {
        match self {
            Referral::NotNeeded => "offering-no-referral",
            Referral::Recommended => "offering-referral-recommended",
            Referral::Required => "offering-referral-required",
        }
    }
}

coded_enum! {
    /// Who an offering is meant for, in the order the pages list them.
    pub enum Audience {
        Everyone,
        Seniors,
        Dementia,
        NextOfKin,
        LongTermIllness,
    }
}

coded_enum! {
    /// Publication state; only `Published` is shown to the public.
    pub enum OfferingStatus {
        Draft,
        Submitted,
        Published,
        Archived,
    }
}

coded_enum! {
    /// Who runs offerings.
    pub enum OrganisationKind {
        MunicipalUnit,
        VolunteerCentre,
        Association,
    }
}

/// A district as the front page lists it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct DistrictSummary {
    pub slug: String,
    pub name: String,
    pub offering_count: u32,
}

/// A category with its name in the reader's language.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CategoryDto {
    pub slug: String,
    pub name: String,
}

/// Texts of an offering in one language, with the language they are really in.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct LocalizedText {
    /// The language the text is written in; differs from the reader's when
    /// no translation exists and Bokmål is shown instead.
    pub lang: Lang,
    pub title: String,
    pub summary: String,
}

/// Accessibility facts shown at a glance.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Accessibility {
    pub step_free: bool,
    pub accessible_toilet: bool,
    pub hearing_loop: bool,
    pub parking: bool,
}

/// An offering in a list: everything a resident needs to decide at a glance.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingCard {
    pub slug: String,
    pub kind: OfferingKind,
    pub text: LocalizedText,
    pub district_name: String,
    pub venue_name: Option<String>,
    pub next: Option<Occurrence>,
    pub price_nok: i32,
    pub sign_up_required: bool,
    #[serde(default)]
    pub referral: Referral,
    pub access: Option<Accessibility>,
}

/// Where an offering happens.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct VenueDto {
    /// The venue's id, for the open data API.
    #[serde(default)]
    pub id: i32,
    pub name: String,
    pub address: String,
    pub postcode: String,
    pub city: String,
    pub coordinates: Option<(f64, f64)>,
    pub access: Accessibility,
    pub bus_stop: Option<String>,
    pub access_note: Option<String>,
    pub checked_on: NaiveDate,
}

impl VenueDto {
    /// "Åsen kirkestue, Kirkeveien 2, 0870 Fjordvik", as emails and
    /// calendar files give the place.
    pub fn one_line(&self) -> String {
        format!(
            "{}, {}, {} {}",
            self.name, self.address, self.postcode, self.city
        )
    }
}

/// Course capacity and sign-up window.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct CourseInfo {
    pub capacity: i32,
    pub sign_up_opens: Option<NaiveDate>,
    pub sign_up_closes: Option<NaiveDate>,
    pub waiting_list: bool,
    /// All dated sessions, past ones included, in order.
    pub sessions: Vec<Occurrence>,
    /// Places not held by anyone right now.
    pub places_left: u32,
}

/// Whether and how someone can sign up for a course now.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub enum SignUpState {
    Open {
        places_left: u32,
    },
    /// Full, but new sign-ups queue for a place.
    WaitingList,
    /// Full, with no waiting list.
    Full,
    NotOpenYet,
    Closed,
}

impl CourseInfo {
    /// The sign-up state at local time `now`: closed after the closing date
    /// or once the first session has begun.
    pub fn sign_up_state(&self, now: chrono::NaiveDateTime) -> SignUpState {
        let today = now.date();
        let started = self.sessions.first().is_some_and(|s| s.starts_at() <= now);
        if self.sign_up_closes.is_some_and(|d| d < today) || started {
            SignUpState::Closed
        } else if self.sign_up_opens.is_some_and(|d| d > today) {
            SignUpState::NotOpenYet
        } else if self.places_left > 0 {
            SignUpState::Open {
                places_left: self.places_left,
            }
        } else if self.waiting_list {
            SignUpState::WaitingList
        } else {
            SignUpState::Full
        }
    }
}

/// Who runs an offering and whom to ask.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Contact {
    /// The organisation's id, for the open data API.
    #[serde(default)]
    pub organiser_id: i32,
    pub organiser: String,
    pub organiser_website: Option<String>,
    pub name: String,
    pub email: String,
    pub phone: Option<String>,
}

/// Everything the offering page shows.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct OfferingDetail {
    pub card: OfferingCard,
    pub district_slug: String,
    /// The description as HTML, made safe on the server (see
    /// `backend::markdown`): the only text a page puts in unescaped. Only
    /// the offering's page has it; what builds many details at once (feeds,
    /// the programme, the open data API) shows the summary and leaves it
    /// empty.
    pub description_html: String,
    pub cost_note: Option<String>,
    pub audiences: Vec<Audience>,
    pub categories: Vec<CategoryDto>,
    pub venue: Option<VenueDto>,
    pub contact: Contact,
    pub weekly: Vec<WeeklySlotDto>,
    /// The next times, cancelled ones among them (see `cancelled`).
    pub upcoming: Vec<Occurrence>,
    /// Dates called off, with the reason.
    #[serde(default)]
    pub cancelled: Vec<super::schedule::Cancellation>,
    /// The day someone last said the listing is right (or changed it).
    #[serde(default)]
    pub confirmed_on: Option<NaiveDate>,
    pub course: Option<CourseInfo>,
    /// For a volunteer centre: the other offerings its organisation runs.
    pub runs: Vec<OfferingCard>,
}

/// Whether `number` is an organisation number of Enhetsregisteret: nine
/// digits whose last is the modulus-11 check digit of the others (weights
/// 3, 2, 7, 6, 5, 4, 3, 2), as Brønnøysundregistrene issue them.
pub fn is_org_number(number: &str) -> bool {
    let digits: Vec<u32> = number.chars().filter_map(|c| c.to_digit(10)).collect();
    if digits.len() != 9 || number.len() != 9 {
        return false;
    }
    let sum: u32 = digits[..8]
        .iter()
        .zip([3, 2, 7, 6, 5, 4, 3, 2])
        .map(|(d, w)| d * w)
        .sum();
    match 11 - sum % 11 {
        11 => digits[8] == 0,
        10 => false,
        check => digits[8] == check,
    }
}

#[cfg(test)]
mod org_number_tests {
    use super::is_org_number;

    #[test]
    fn organisation_numbers_carry_their_check_digit() {
        // Brønnøysundregistrene's own, and a made-up one that checks.
        for ok in ["974760673", "999999999"] {
            assert!(is_org_number(ok), "{ok}");
        }
        for bad in [
            "974760674",
            "97476067",
            "9747606730",
            "97476067a",
            "974 760 673",
            "",
        ] {
            assert!(!is_org_number(bad), "{bad}");
        }
    }
}
