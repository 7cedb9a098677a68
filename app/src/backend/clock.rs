//! Time. Bookkeeping (holds, tokens, the outbox) is kept in UTC; schedules
//! are local wall-clock time in Europe/Oslo, whose offset changes twice a
//! year.

use chrono::{NaiveDateTime, TimeZone, Utc};
use chrono_tz::Europe::Oslo;

/// The moment of a request or a job pass: UTC for bookkeeping, Oslo time for
/// schedules.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Now {
    pub utc: NaiveDateTime,
    pub local: NaiveDateTime,
}

impl Now {
    pub fn real() -> Self {
        Self::at(Utc::now().naive_utc())
    }

    /// The moment `utc`.
    pub fn at(utc: NaiveDateTime) -> Self {
        Now {
            utc,
            local: oslo(utc),
        }
    }
}

/// Oslo wall-clock time at the UTC moment `utc`.
pub fn oslo(utc: NaiveDateTime) -> NaiveDateTime {
    utc.and_utc().with_timezone(&Oslo).naive_local()
}

/// Local wall-clock time in Oslo now.
pub fn oslo_now() -> NaiveDateTime {
    Now::real().local
}

/// The UTC moment of Oslo wall-clock time `local`, with the offset in force
/// on that date (not today's). A time that does not exist (the hour skipped
/// in March) is read as the moment the clocks jumped to; a time that occurs
/// twice (October) as the first.
pub fn utc_of_oslo(local: NaiveDateTime) -> NaiveDateTime {
    let mut probe = local;
    loop {
        if let Some(t) = Oslo.from_local_datetime(&probe).earliest() {
            return t.with_timezone(&Utc).naive_utc();
        }
        // In the gap: the first existing minute after it.
        probe += chrono::Duration::minutes(1);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> NaiveDateTime {
        s.parse().unwrap()
    }

    #[test]
    fn local_times_convert_with_the_offset_of_their_own_date() {
        // Winter: UTC+1. Summer: UTC+2, whatever today is.
        assert_eq!(
            utc_of_oslo(at("2027-01-12T20:30:00")),
            at("2027-01-12T19:30:00")
        );
        assert_eq!(
            utc_of_oslo(at("2027-06-12T20:30:00")),
            at("2027-06-12T18:30:00")
        );
        // 02.30 on 28 March 2027 does not exist in Oslo.
        assert_eq!(
            utc_of_oslo(at("2027-03-28T02:30:00")),
            at("2027-03-28T01:00:00")
        );
        // 02.30 on 31 October 2027 happens twice; the first is in summer time.
        assert_eq!(
            utc_of_oslo(at("2027-10-31T02:30:00")),
            at("2027-10-31T00:30:00")
        );
        assert_eq!(oslo(at("2027-06-12T18:30:00")), at("2027-06-12T20:30:00"));
    }
}
