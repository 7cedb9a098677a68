//! The data file a municipality's directory is imported from, as TOML.
//! The demo municipality (`server/demo/municipality.toml`) documents it by
//! example.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Deserializer};

use crate::domain::offering::{Audience, OfferingKind, OrganisationKind, Referral};
use crate::domain::staff::Role;

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Municipality {
    /// The day the file's dates were written for. A file that names it
    /// (the demo) is moved to the week it is imported in: see
    /// [`Municipality::move_to`]. A municipality's own file leaves it out
    /// and keeps its dates.
    #[serde(default)]
    pub(super) today: Option<NaiveDate>,
    pub(super) district: Vec<DistrictIn>,
    pub(super) category: Vec<CategoryIn>,
    pub(super) organisation: Vec<OrganisationIn>,
    pub(super) venue: Vec<VenueIn>,
    pub(super) offering: Vec<OfferingIn>,
    /// Staff accounts: the demo's one per role; a municipality's own file
    /// may name its first staff here instead of `treffpunkt create-admin`.
    #[serde(default)]
    pub(super) account: Vec<AccountIn>,
}

impl Municipality {
    /// Moves every date by the whole weeks from the file's `today` to
    /// `day`, so the demo looks on any day as it did on the day it was
    /// written: the same weekdays, courses opening, nearly full, just over
    /// and later in the same places relative to now. Whole weeks keep each
    /// skipped date on its slot's weekday.
    pub(super) fn move_to(&mut self, day: NaiveDate) {
        let Some(written) = self.today else {
            return;
        };
        let weeks = (day - written).num_days().div_euclid(7);
        let by = chrono::Days::new(weeks.unsigned_abs() * 7);
        let shift = |d: NaiveDate| {
            if weeks >= 0 { d + by } else { d - by }
        };
        let shift_time = |t: NaiveDateTime| NaiveDateTime::new(shift(t.date()), t.time());
        for venue in &mut self.venue {
            venue.checked_on = shift(venue.checked_on);
        }
        for offering in &mut self.offering {
            for slot in &mut offering.weekly {
                slot.valid_from = shift(slot.valid_from);
                slot.valid_to = slot.valid_to.map(shift);
                for skipped in &mut slot.skip {
                    *skipped = shift(*skipped);
                }
            }
            for session in &mut offering.session {
                session.starts = shift_time(session.starts);
                session.ends = shift_time(session.ends);
            }
            if let Some(course) = &mut offering.course {
                course.sign_up_opens = course.sign_up_opens.map(shift);
                course.sign_up_closes = course.sign_up_closes.map(shift);
            }
        }
        self.today = Some(shift(written));
    }
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct AccountIn {
    pub(super) email: String,
    pub(super) name: String,
    pub(super) role: Role,
    /// Slugs of the organisations a coordinator works for.
    #[serde(default)]
    pub(super) organisations: Vec<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Names {
    pub(super) nb: String,
    pub(super) nn: String,
    pub(super) en: String,
}

/// A text that must exist in Bokmål and may exist in Nynorsk and English.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct Texts {
    pub(super) nb: String,
    pub(super) nn: Option<String>,
    pub(super) en: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct DistrictIn {
    pub(super) slug: String,
    pub(super) order: i32,
    pub(super) name: Names,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CategoryIn {
    pub(super) slug: String,
    pub(super) name: Names,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OrganisationIn {
    pub(super) slug: String,
    pub(super) name: String,
    pub(super) kind: OrganisationKind,
    pub(super) email: String,
    pub(super) phone: String,
    pub(super) website: Option<String>,
    /// Its number in Enhetsregisteret, nine digits, where known.
    #[serde(default)]
    pub(super) org_number: Option<String>,
    pub(super) districts: Vec<String>,
    /// Trusted to publish without an editor's approval.
    #[serde(default)]
    pub(super) publishes_directly: bool,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct VenueIn {
    pub(super) slug: String,
    pub(super) name: String,
    pub(super) address: String,
    pub(super) postcode: String,
    pub(super) city: String,
    pub(super) district: String,
    pub(super) lat: Option<f64>,
    pub(super) lon: Option<f64>,
    pub(super) step_free: bool,
    pub(super) accessible_toilet: bool,
    pub(super) hearing_loop: bool,
    pub(super) parking: bool,
    pub(super) bus_stop: Option<String>,
    pub(super) checked_on: NaiveDate,
    pub(super) access_note: Option<Texts>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct ContactIn {
    pub(super) name: String,
    pub(super) email: String,
    pub(super) phone: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct TextIn {
    pub(super) title: String,
    pub(super) summary: String,
    pub(super) description: String,
    pub(super) cost_note: Option<String>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OfferingTexts {
    pub(super) nb: TextIn,
    pub(super) nn: Option<TextIn>,
    pub(super) en: Option<TextIn>,
}

#[derive(Debug, Clone, Copy, Deserialize)]
#[serde(rename_all = "lowercase")]
pub(super) enum Weekday {
    Mon,
    Tue,
    Wed,
    Thu,
    Fri,
    Sat,
    Sun,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct WeeklyIn {
    pub(super) weekday: Weekday,
    #[serde(deserialize_with = "clock_time")]
    pub(super) start: NaiveTime,
    #[serde(deserialize_with = "clock_time")]
    pub(super) end: NaiveTime,
    pub(super) valid_from: NaiveDate,
    pub(super) valid_to: Option<NaiveDate>,
    #[serde(default)]
    pub(super) skip: Vec<NaiveDate>,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct SessionIn {
    #[serde(deserialize_with = "local_date_time")]
    pub(super) starts: NaiveDateTime,
    #[serde(deserialize_with = "local_date_time")]
    pub(super) ends: NaiveDateTime,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct CourseIn {
    pub(super) capacity: i32,
    pub(super) sign_up_opens: Option<NaiveDate>,
    pub(super) sign_up_closes: Option<NaiveDate>,
    pub(super) waiting_list: bool,
    /// How many made-up people the demo shows signed up: confirmed up to
    /// capacity, the rest on the waiting list. No emails are written.
    #[serde(default)]
    pub(super) demo_sign_ups: u32,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub(super) struct OfferingIn {
    pub(super) slug: String,
    pub(super) kind: OfferingKind,
    pub(super) district: String,
    pub(super) venue: Option<String>,
    pub(super) organisation: String,
    pub(super) audiences: Vec<Audience>,
    pub(super) categories: Vec<String>,
    pub(super) price_nok: i32,
    pub(super) sign_up_required: bool,
    /// Whether a doctor's referral is needed; most need none.
    #[serde(default)]
    pub(super) referral: Referral,
    pub(super) contact: ContactIn,
    pub(super) text: OfferingTexts,
    #[serde(default)]
    pub(super) weekly: Vec<WeeklyIn>,
    #[serde(default)]
    pub(super) session: Vec<SessionIn>,
    pub(super) course: Option<CourseIn>,
}

pub(super) fn clock_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveTime, D::Error> {
    let s = String::deserialize(d)?;
    NaiveTime::parse_from_str(&s, "%H:%M").map_err(serde::de::Error::custom)
}

pub(super) fn local_date_time<'de, D: Deserializer<'de>>(d: D) -> Result<NaiveDateTime, D::Error> {
    let s = String::deserialize(d)?;
    NaiveDateTime::parse_from_str(&s, "%Y-%m-%dT%H:%M").map_err(serde::de::Error::custom)
}
