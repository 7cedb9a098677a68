//! The printed weekly programme ("Ukeprogram"): a district's week, day by
//! day, for the noticeboard of a seniors' centre or a fridge door.

use chrono::{Datelike, Days, IsoWeek, NaiveDate, NaiveTime, Weekday};
use serde::{Deserialize, Serialize};

use super::offering::{DistrictSummary, LocalizedText, OfferingKind, Referral};

/// How many weeks ahead a programme may be printed for: past that, times
/// are too likely to change before the week comes.
pub const WEEKS_AHEAD: u32 = 8;

/// The week's offerings a programme holds at most; past that, it says
/// there is more and the filters narrow it.
pub const PROGRAMME_MAX: usize = 100;

/// One meeting in the week.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeItem {
    pub slug: String,
    pub kind: OfferingKind,
    pub text: LocalizedText,
    pub start: NaiveTime,
    pub end: NaiveTime,
    /// The place as one line, with its address.
    pub place: Option<String>,
    pub phone: Option<String>,
    pub price_nok: i32,
    pub sign_up_required: bool,
    pub referral: Referral,
    /// Called off, with the reason.
    pub cancelled: Option<String>,
}

/// A day of the week and what meets on it, in time order.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeDay {
    pub date: NaiveDate,
    pub items: Vec<ProgrammeItem>,
}

/// A week's programme.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Programme {
    pub monday: NaiveDate,
    /// Monday to Sunday.
    pub days: Vec<ProgrammeDay>,
    /// Whether offerings may be left out: more than [`PROGRAMME_MAX`] meet
    /// in the week, or the list went on past what one programme reads.
    pub cut: bool,
}

/// A district's programme for a week, with what its head and foot say.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ProgrammeData {
    pub district: DistrictSummary,
    /// Whose programme it is, as printed at its head.
    pub municipality: String,
    pub programme: Programme,
    /// The day it is printed.
    pub today: NaiveDate,
}

/// The Monday of the week `today` is in.
pub fn monday_of(today: NaiveDate) -> NaiveDate {
    today.week(Weekday::Mon).first_day()
}

/// The week a URL asks for (`uke=2026-W50`), as its Monday: from this
/// week to [`WEEKS_AHEAD`] weeks ahead; anything else is this week, so an
/// old printed link still gives a programme.
pub fn week_from_query(value: Option<&str>, today: NaiveDate) -> NaiveDate {
    let this = monday_of(today);
    let last = this
        .checked_add_days(Days::new(7 * u64::from(WEEKS_AHEAD)))
        .unwrap_or(this);
    value
        .and_then(|v| {
            let (year, week) = v.trim().split_once("-W")?;
            NaiveDate::from_isoywd_opt(year.parse().ok()?, week.parse().ok()?, Weekday::Mon)
        })
        .filter(|monday| (this..=last).contains(monday))
        .unwrap_or(this)
}

/// `2026-W50`: the week as the URL names it.
pub fn week_code(monday: NaiveDate) -> String {
    let week: IsoWeek = monday.iso_week();
    format!("{}-W{:02}", week.year(), week.week())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn day(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn a_week_is_read_from_its_code_within_the_weeks_ahead() {
        let today = day("2026-12-09");
        assert_eq!(monday_of(today), day("2026-12-07"));
        assert_eq!(week_code(day("2026-12-07")), "2026-W50");
        assert_eq!(week_code(day("2027-01-04")), "2027-W01");
        assert_eq!(week_from_query(Some("2026-W51"), today), day("2026-12-14"));
        assert_eq!(week_from_query(Some("2027-W01"), today), day("2027-01-04"));
        for this_week in [
            None,
            Some("2026-W49"),
            Some("2030-W01"),
            Some("uke 50"),
            Some("2026-W99"),
        ] {
            assert_eq!(
                week_from_query(this_week, today),
                day("2026-12-07"),
                "{this_week:?}"
            );
        }
        assert_eq!(week_from_query(Some("2027-W05"), today), day("2027-02-01"));
        assert_eq!(
            week_from_query(Some("2027-W06"), today),
            day("2026-12-07"),
            "nine weeks ahead"
        );
    }
}
