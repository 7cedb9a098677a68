//! When offerings happen: weekly recurrences with skipped dates, and dated
//! course sessions. All times are local wall-clock time in Europe/Oslo.

use chrono::{Datelike, Days, NaiveDate, NaiveDateTime, NaiveTime};
use serde::{Deserialize, Serialize};

use super::coded_enum;

/// One meeting, opening or session.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct Occurrence {
    pub date: NaiveDate,
    pub start: NaiveTime,
    pub end: NaiveTime,
}

impl Occurrence {
    pub fn starts_at(&self) -> NaiveDateTime {
        self.date.and_time(self.start)
    }

    pub fn ends_at(&self) -> NaiveDateTime {
        self.date.and_time(self.end)
    }
}

coded_enum! {
    /// Part of the day, as the listing filter offers it.
    pub enum TimeOfDay {
        /// Starts before 12.00.
        Morning,
        /// Starts from 12.00 to before 17.00.
        Afternoon,
        /// Starts at 17.00 or later.
        Evening,
    }
}

impl TimeOfDay {
    pub fn of(time: NaiveTime) -> Self {
        let noon = NaiveTime::from_hms_opt(12, 0, 0).expect("valid time");
        let five = NaiveTime::from_hms_opt(17, 0, 0).expect("valid time");
        if time < noon {
            TimeOfDay::Morning
        } else if time < five {
            TimeOfDay::Afternoon
        } else {
            TimeOfDay::Evening
        }
    }
}

/// A weekly recurrence as the detail page and the calendar file need it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct WeeklySlotDto {
    /// ISO weekday, 1 = Monday.
    pub weekday: u8,
    pub start: NaiveTime,
    pub end: NaiveTime,
    pub valid_from: NaiveDate,
    pub valid_to: Option<NaiveDate>,
    pub skipped: Vec<NaiveDate>,
}

impl WeeklySlotDto {
    /// Meetings of this slot on or after `from`, in date order, without the
    /// skipped dates and never past `valid_to`.
    pub fn occurrences_from(&self, from: NaiveDate) -> impl Iterator<Item = Occurrence> + '_ {
        let start = from.max(self.valid_from);
        let offset = (i64::from(self.weekday) - i64::from(start.weekday().number_from_monday()))
            .rem_euclid(7) as u64;
        let first = start.checked_add_days(Days::new(offset));
        std::iter::successors(first, |d| d.checked_add_days(Days::new(7)))
            .take_while(move |d| self.valid_to.is_none_or(|end| *d <= end))
            .filter(move |d| !self.skipped.contains(d))
            .map(move |date| Occurrence {
                date,
                start: self.start,
                end: self.end,
            })
    }
}

/// The next `limit` occurrences that have not ended by `now`, from weekly
/// slots and dated sessions together, in time order.
pub fn upcoming(
    weekly: &[WeeklySlotDto],
    sessions: &[Occurrence],
    now: NaiveDateTime,
    limit: usize,
) -> Vec<Occurrence> {
    let mut all: Vec<Occurrence> = weekly
        .iter()
        .flat_map(|slot| {
            slot.occurrences_from(now.date())
                .filter(move |o| o.ends_at() > now)
                .take(limit)
        })
        .chain(sessions.iter().copied().filter(|o| o.ends_at() > now))
        .collect();
    all.sort();
    all.dedup();
    all.truncate(limit);
    all
}

/// A meeting or session called off, with what residents are told.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cancellation {
    pub date: NaiveDate,
    pub reason: String,
}

/// The next occurrence that has not ended by `now` and is not called off:
/// what a card and a listing show as "next".
pub fn next_held(
    weekly: &[WeeklySlotDto],
    sessions: &[Occurrence],
    cancelled: &[Cancellation],
    now: NaiveDateTime,
) -> Option<Occurrence> {
    upcoming(weekly, sessions, now, cancelled.len() + 1)
        .into_iter()
        .find(|o| !cancelled.iter().any(|c| c.date == o.date))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }
    fn t(s: &str) -> NaiveTime {
        NaiveTime::parse_from_str(s, "%H:%M").unwrap()
    }
    fn tuesday_slot() -> WeeklySlotDto {
        WeeklySlotDto {
            weekday: 2,
            start: t("10:00"),
            end: t("11:00"),
            valid_from: d("2026-08-18"),
            valid_to: Some(d("2027-01-12")),
            skipped: vec![d("2026-12-22"), d("2026-12-29")],
        }
    }

    #[test]
    fn weekly_slot_steps_by_week_and_skips_dates() {
        let dates: Vec<_> = tuesday_slot()
            .occurrences_from(d("2026-12-10"))
            .map(|o| o.date)
            .collect();
        assert_eq!(
            dates,
            vec![d("2026-12-15"), d("2027-01-05"), d("2027-01-12")],
            "22 and 29 December are skipped and 12 January is the last"
        );
    }

    #[test]
    fn weekly_slot_does_not_start_before_valid_from() {
        let first = tuesday_slot().occurrences_from(d("2026-01-01")).next();
        assert_eq!(first.map(|o| o.date), Some(d("2026-08-18")));
    }

    #[test]
    fn upcoming_drops_what_has_ended_today() {
        let slot = tuesday_slot();
        let during = d("2026-12-15").and_time(t("10:30"));
        let after = d("2026-12-15").and_time(t("11:00"));
        assert_eq!(
            upcoming(std::slice::from_ref(&slot), &[], during, 1)[0].date,
            d("2026-12-15")
        );
        assert_eq!(upcoming(&[slot], &[], after, 1)[0].date, d("2027-01-05"));
    }

    #[test]
    fn upcoming_merges_slots_and_sessions_in_time_order() {
        let thursday = WeeklySlotDto {
            weekday: 4,
            start: t("18:00"),
            end: t("19:00"),
            valid_from: d("2026-08-01"),
            valid_to: None,
            skipped: vec![],
        };
        let session = Occurrence {
            date: d("2026-12-16"),
            start: t("12:00"),
            end: t("14:00"),
        };
        let now = d("2026-12-14").and_time(t("09:00"));
        let next: Vec<_> = upcoming(&[tuesday_slot(), thursday], &[session], now, 3)
            .into_iter()
            .map(|o| o.date)
            .collect();
        assert_eq!(
            next,
            vec![d("2026-12-15"), d("2026-12-16"), d("2026-12-17")]
        );
    }

    #[test]
    fn the_next_meeting_passes_over_a_cancelled_one() {
        let now = d("2026-12-14").and_time(t("09:00"));
        let off = [Cancellation {
            date: d("2026-12-15"),
            reason: "Sykdom".into(),
        }];
        let next = next_held(&[tuesday_slot()], &[], &off, now).map(|o| o.date);
        assert_eq!(
            next,
            Some(d("2027-01-05")),
            "15 December is off, 22 and 29 skipped"
        );
    }

    #[test]
    fn time_of_day_boundaries() {
        assert_eq!(TimeOfDay::of(t("11:59")), TimeOfDay::Morning);
        assert_eq!(TimeOfDay::of(t("12:00")), TimeOfDay::Afternoon);
        assert_eq!(TimeOfDay::of(t("17:00")), TimeOfDay::Evening);
    }
}
