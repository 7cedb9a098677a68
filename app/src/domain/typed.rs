//! Dates and times as staff type them, the Norwegian way first:
//! `24.12.2026`, `24. desember 2026`, `tirsdag 10.00–11.30`,
//! `12.01.2027 kl. 10.00–12.30`; ISO dates, `10:00` and English weekday
//! and month names are read too. Each reader returns `None` for what it
//! cannot read, and the form says which line.

use chrono::{Datelike, NaiveDate, NaiveTime};

/// Weekday names and short forms in Bokmål, Nynorsk and English, by ISO
/// number (1 = Monday).
const WEEKDAYS: [(u8, &[&str]); 7] = [
    (1, &["mandag", "måndag", "man", "mån", "monday", "mon"]),
    (
        2,
        &["tirsdag", "tysdag", "tir", "tys", "tuesday", "tue", "tues"],
    ),
    (3, &["onsdag", "ons", "wednesday", "wed"]),
    (4, &["torsdag", "tor", "thursday", "thu", "thur", "thurs"]),
    (5, &["fredag", "fre", "friday", "fri"]),
    (6, &["lørdag", "laurdag", "lør", "lau", "saturday", "sat"]),
    (7, &["søndag", "sundag", "søn", "sun", "sunday"]),
];

const MONTHS: [(u32, &[&str]); 12] = [
    (1, &["januar", "jan", "january"]),
    (2, &["februar", "feb", "february"]),
    (3, &["mars", "mar", "march"]),
    (4, &["april", "apr"]),
    (5, &["mai", "may"]),
    (6, &["juni", "jun", "june"]),
    (7, &["juli", "jul", "july"]),
    (8, &["august", "aug"]),
    (9, &["september", "sep", "sept"]),
    (10, &["oktober", "okt", "october", "oct"]),
    (11, &["november", "nov"]),
    (12, &["desember", "des", "december", "dec"]),
];

/// An ISO weekday number from its name, in any of the three languages.
pub fn weekday(word: &str) -> Option<u8> {
    let word = word.trim().trim_end_matches(['.', ',', ':']).to_lowercase();
    WEEKDAYS
        .iter()
        .find(|(_, names)| names.contains(&word.as_str()))
        .map(|(n, _)| *n)
}

fn month(word: &str) -> Option<u32> {
    let word = word.trim().trim_end_matches('.').to_lowercase();
    MONTHS
        .iter()
        .find(|(_, names)| names.contains(&word.as_str()))
        .map(|(n, _)| *n)
}

/// A time: `10`, `10.30`, `10:30`, `1030`, `kl. 10.30`.
pub fn time(text: &str) -> Option<NaiveTime> {
    let text = text.trim().to_lowercase();
    let text = text
        .strip_prefix("kl.")
        .or_else(|| text.strip_prefix("kl"))
        .unwrap_or(&text)
        .trim();
    let (h, m) = match text.split_once(['.', ':']) {
        Some((h, m)) => (h, m),
        None if text.len() == 4 => text.split_at(2),
        None => (text, "0"),
    };
    let (h, m): (u32, u32) = (h.trim().parse().ok()?, m.trim().parse().ok()?);
    NaiveTime::from_hms_opt(h, m, 0)
}

/// A span of time, `10.00–11.30` (any dash, or ` til `/` to `), whose end
/// is after its start.
pub fn time_range(text: &str) -> Option<(NaiveTime, NaiveTime)> {
    let text = text.trim().to_lowercase();
    let (a, b) = text
        .split_once(['-', '–', '—'])
        .or_else(|| text.split_once(" til "))
        .or_else(|| text.split_once(" to "))?;
    let (start, end) = (time(a)?, time(b)?);
    (end > start).then_some((start, end))
}

/// A date: `24.12.2026`, `24.12.26`, `24/12/2026`, `2026-12-24`,
/// `24. desember 2026`, `tirsdag 24. desember 2026`. Without a year
/// (`24.12`, `24. desember`), the first such day from `today` on.
pub fn date(text: &str, today: NaiveDate) -> Option<NaiveDate> {
    let words: Vec<&str> = text
        .split_whitespace()
        .filter(|w| weekday(w).is_none())
        .collect();
    let text = words.join(" ").to_lowercase();
    let text = text.trim().trim_end_matches(',');
    if let Ok(d) = NaiveDate::parse_from_str(text, "%Y-%m-%d") {
        return Some(d);
    }
    let (day, month, year): (u32, u32, Option<i32>) = if let Some((day, rest)) = text
        .split_once(['.', '/'])
        .filter(|(_, r)| r.chars().next().is_some_and(|c| c.is_ascii_digit()))
    {
        let mut parts = rest.split(['.', '/']).map(str::trim);
        let month = parts.next()?.parse().ok()?;
        let year = parts
            .next()
            .filter(|y| !y.is_empty())
            .map(str::parse::<i32>);
        (day.trim().parse().ok()?, month, year.transpose().ok()?)
    } else {
        // `24. desember 2026`, `24 desember`.
        let mut parts = text.split_whitespace();
        let day = parts.next()?.trim_end_matches('.').parse().ok()?;
        let month = month(parts.next()?)?;
        let year = parts.next().map(str::parse::<i32>).transpose().ok()?;
        if parts.next().is_some() {
            return None;
        }
        (day, month, year)
    };
    match year {
        Some(y) if y < 100 => NaiveDate::from_ymd_opt(2000 + y, month, day),
        Some(y) => NaiveDate::from_ymd_opt(y, month, day),
        None => NaiveDate::from_ymd_opt(today.year(), month, day)
            .filter(|d| *d >= today)
            .or_else(|| NaiveDate::from_ymd_opt(today.year() + 1, month, day)),
    }
}

/// A weekly time, `tirsdag 10.00–11.30`.
pub fn weekly(line: &str) -> Option<(u8, NaiveTime, NaiveTime)> {
    let line = line.trim();
    let (day, rest) = line.split_once(char::is_whitespace)?;
    let (start, end) = time_range(rest)?;
    Some((weekday(day)?, start, end))
}

/// A dated session, `12.01.2027 10.00–12.30`, `tirsdag 12. januar 2027 kl.
/// 10.00–12.30`: the date, then the time span (its first word with a
/// digit and a `.`/`:` followed by a dash, or after `kl.`).
pub fn session(line: &str, today: NaiveDate) -> Option<(NaiveDate, NaiveTime, NaiveTime)> {
    let line = line.trim().to_lowercase();
    let (date_part, time_part) = match line.find(" kl") {
        Some(at) => (&line[..at], &line[at..]),
        None => {
            // The span is the last word (or the last three, `10.00 - 12.30`).
            let words: Vec<&str> = line.split_whitespace().collect();
            let split = if words.len() >= 3 && matches!(words[words.len() - 2], "-" | "–" | "—")
            {
                words.len() - 3
            } else {
                words.len().checked_sub(1)?
            };
            let at = line.find(words.get(split)?)?;
            (&line[..at], &line[at..])
        }
    };
    let date = date(date_part, today)?;
    let (start, end) = time_range(time_part)?;
    Some((date, start, end))
}

/// Dates separated by commas, semicolons or lines; the ones that cannot be
/// read are returned apart, as typed.
pub fn dates(text: &str, today: NaiveDate) -> (Vec<NaiveDate>, Vec<String>) {
    let mut read = Vec::new();
    let mut unread = Vec::new();
    for part in text
        .split([',', ';', '\n'])
        .map(str::trim)
        .filter(|p| !p.is_empty())
    {
        match date(part, today) {
            Some(d) => read.push(d),
            None => unread.push(part.to_string()),
        }
    }
    read.sort();
    read.dedup();
    (read, unread)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    fn t(h: u32, m: u32) -> NaiveTime {
        NaiveTime::from_hms_opt(h, m, 0).unwrap()
    }

    #[test]
    fn dates_read_the_norwegian_way() {
        let today = d(2026, 12, 6);
        for (typed, want) in [
            ("24.12.2026", d(2026, 12, 24)),
            ("24.12.26", d(2026, 12, 24)),
            ("24/12/2026", d(2026, 12, 24)),
            ("2026-12-24", d(2026, 12, 24)),
            ("24. desember 2026", d(2026, 12, 24)),
            ("torsdag 24. desember 2026", d(2026, 12, 24)),
            ("24. des", d(2026, 12, 24)),
            ("1.1", d(2027, 1, 1)),
            ("5. januar", d(2027, 1, 5)),
            ("24 December 2026", d(2026, 12, 24)),
        ] {
            assert_eq!(date(typed, today), Some(want), "{typed}");
        }
        for bad in [
            "",
            "31.2.2027",
            "i morgen",
            "24.13.2026",
            "24. desember 2026 x",
        ] {
            assert_eq!(date(bad, today), None, "{bad}");
        }
    }

    #[test]
    fn weekly_times_and_sessions_read_the_norwegian_way() {
        assert_eq!(
            weekly("tirsdag 10.00–11.30"),
            Some((2, t(10, 0), t(11, 30)))
        );
        assert_eq!(weekly("Tysdag 10-11.30"), Some((2, t(10, 0), t(11, 30))));
        assert_eq!(weekly("sat 9:15 - 10:00"), Some((6, t(9, 15), t(10, 0))));
        assert_eq!(weekly("lørdag 09:15-10"), Some((6, t(9, 15), t(10, 0))));
        assert_eq!(
            weekly("søndag kl. 12 til kl. 14"),
            Some((7, t(12, 0), t(14, 0)))
        );
        assert_eq!(weekly("tirsdag 11.30–10.00"), None, "ends before it starts");
        assert_eq!(weekly("hver tirsdag"), None);
        let today = d(2026, 12, 6);
        assert_eq!(
            session("tirsdag 12. januar 2027 kl. 10.00–12.30", today),
            Some((d(2027, 1, 12), t(10, 0), t(12, 30)))
        );
        assert_eq!(
            session("12.01.2027 10.00-12.30", today),
            Some((d(2027, 1, 12), t(10, 0), t(12, 30)))
        );
        assert_eq!(
            session("12.01.2027 10.00 - 12.30", today),
            Some((d(2027, 1, 12), t(10, 0), t(12, 30)))
        );
        assert_eq!(session("12.01.2027", today), None);
        let (read, unread) = dates("24.12.2026, 31.12.2026\n1. januar 2027; nyttår", today);
        assert_eq!(read, [d(2026, 12, 24), d(2026, 12, 31), d(2027, 1, 1)]);
        assert_eq!(unread, ["nyttår"]);
    }
}

/// `24.12.2026`, as the forms show a date.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d.%m.%Y").to_string()
}

/// `10.00–11.30`, as the forms show a span of time.
pub fn span(start: NaiveTime, end: NaiveTime) -> String {
    format!("{}–{}", start.format("%H.%M"), end.format("%H.%M"))
}

/// The Bokmål name of ISO weekday `n`, as the forms write it (every
/// language's names are read back).
pub fn weekday_name(n: u8) -> &'static str {
    WEEKDAYS
        .iter()
        .find(|(d, _)| *d == n)
        .map_or("mandag", |(_, names)| names[0])
}

#[cfg(test)]
mod written {
    use super::*;

    #[test]
    fn what_the_forms_write_they_read_back() {
        let today = NaiveDate::from_ymd_opt(2026, 12, 6).unwrap();
        let d = NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
        let (a, b) = (
            NaiveTime::from_hms_opt(9, 5, 0).unwrap(),
            NaiveTime::from_hms_opt(12, 30, 0).unwrap(),
        );
        assert_eq!(date(&format_date(d), today), Some(d));
        assert_eq!(time_range(&span(a, b)), Some((a, b)));
        assert_eq!(
            weekly(&format!("{} {}", weekday_name(2), span(a, b))),
            Some((2, a, b))
        );
        assert_eq!(
            session(&format!("{} {}", format_date(d), span(a, b)), today),
            Some((d, a, b))
        );
    }
}
