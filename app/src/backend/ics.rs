//! "Add to calendar": an RFC 5545 iCalendar file for one offering, and a
//! listing's calendar to subscribe to. Weekly groups become one recurring
//! event per weekday (RRULE with EXDATE for skipped dates, a cancelled
//! instance for a meeting called off); course sessions one event each.
//!
//! Written by hand because the times must carry `TZID=Europe/Oslo` with the
//! VTIMEZONE that RFC 5545 requires beside it (a weekly 10.00 must stay 10.00
//! across daylight saving), which the icalendar crate cannot emit.

use chrono::{DateTime, NaiveDate, NaiveDateTime, Utc};

use crate::domain::offering::OfferingDetail;
use crate::domain::schedule::Occurrence;

const OSLO: &str = "Europe/Oslo";

const VTIMEZONE: &[&str] = &[
    "BEGIN:VTIMEZONE",
    "TZID:Europe/Oslo",
    "BEGIN:DAYLIGHT",
    "TZOFFSETFROM:+0100",
    "TZOFFSETTO:+0200",
    "TZNAME:CEST",
    "DTSTART:19700329T020000",
    "RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU",
    "END:DAYLIGHT",
    "BEGIN:STANDARD",
    "TZOFFSETFROM:+0200",
    "TZOFFSETTO:+0100",
    "TZNAME:CET",
    "DTSTART:19701025T030000",
    "RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU",
    "END:STANDARD",
    "END:VTIMEZONE",
];

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

/// Escapes a TEXT value (RFC 5545 §3.3.11). Every line break, CRLF, LF or
/// a lone CR, becomes `\n`: a raw CR would end the content line and let
/// the text write properties of its own.
fn escape(text: &str) -> String {
    text.replace('\\', "\\\\")
        .replace(';', "\\;")
        .replace(',', "\\,")
        .replace("\r\n", "\\n")
        .replace(['\n', '\r'], "\\n")
}

/// Folds a content line at 75 octets without splitting a UTF-8 character
/// (RFC 5545 §3.1), ending every line with CRLF.
fn fold(line: &str, out: &mut String) {
    let mut width = 0;
    for ch in line.chars() {
        let len = ch.len_utf8();
        if width + len > 75 {
            out.push_str("\r\n ");
            width = 1;
        }
        out.push(ch);
        width += len;
    }
    out.push_str("\r\n");
}

fn local(dt: NaiveDateTime) -> String {
    dt.format("%Y%m%dT%H%M%S").to_string()
}

fn until(date: NaiveDate) -> String {
    // UNTIL must be UTC when DTSTART has a TZID; the end of that day in
    // Oslo is before 23:59:59 UTC, so every meeting that day is included.
    format!("{}T235959Z", date.format("%Y%m%d"))
}

struct Event<'a> {
    uid: String,
    start: NaiveDateTime,
    end: NaiveDateTime,
    rrule: Option<String>,
    exdates: Vec<NaiveDateTime>,
    /// For one meeting of a weekly event: which one (RECURRENCE-ID).
    instance_of: Option<NaiveDateTime>,
    /// Called off, with the reason (STATUS:CANCELLED).
    cancelled: Option<&'a str>,
    detail: &'a OfferingDetail,
    /// The offering's public page.
    page_url: &'a str,
}

impl OfferingDetail {
    fn cancellation(&self, date: chrono::NaiveDate) -> Option<&str> {
        self.cancelled
            .iter()
            .find(|c| c.date == date)
            .map(|c| c.reason.as_str())
    }
}

/// The calendar file for `detail`. `page_url` is the offering's public page.
pub fn offering_calendar(detail: &OfferingDetail, page_url: &str, stamp: DateTime<Utc>) -> String {
    calendar(None, &events_of(detail, page_url), stamp)
}

/// A listing's calendar, to subscribe to: every offering in `offerings`
/// with its page's address, under the calendar name `name`. An offering's
/// events carry the same UIDs as in its own file, so a calendar that has
/// both knows them for the same.
pub fn listing_calendar(
    name: &str,
    offerings: &[(OfferingDetail, String)],
    stamp: DateTime<Utc>,
) -> String {
    let events: Vec<Event<'_>> = offerings
        .iter()
        .flat_map(|(detail, url)| events_of(detail, url))
        .collect();
    calendar(Some(name), &events, stamp)
}

/// Every meeting of `detail` as events: a recurring one per weekly slot
/// (with the meetings called off as cancelled instances of it), one per
/// course session.
fn events_of<'a>(detail: &'a OfferingDetail, page_url: &'a str) -> Vec<Event<'a>> {
    let mut events = Vec::new();
    for (i, slot) in detail.weekly.iter().enumerate() {
        let Some(first) = slot.occurrences_from(slot.valid_from).next() else {
            continue;
        };
        let mut rrule = format!(
            "FREQ=WEEKLY;BYDAY={}",
            BYDAY[usize::from(slot.weekday.clamp(1, 7) - 1)]
        );
        if let Some(end) = slot.valid_to {
            rrule.push_str(";UNTIL=");
            rrule.push_str(&until(end));
        }
        let uid = format!("{}-weekly-{i}@treffpunkt", detail.card.slug);
        events.push(Event {
            uid: uid.clone(),
            start: first.starts_at(),
            end: first.ends_at(),
            rrule: Some(rrule),
            exdates: slot
                .skipped
                .iter()
                .map(|d| d.and_time(slot.start))
                .collect(),
            instance_of: None,
            cancelled: None,
            detail,
            page_url,
        });
        // A meeting called off is that meeting of the series, cancelled:
        // calendars show it struck through, with the reason.
        for c in &detail.cancelled {
            if let Some(meeting) = slot
                .occurrences_from(c.date)
                .next()
                .filter(|o| o.date == c.date)
            {
                events.push(Event {
                    uid: uid.clone(),
                    start: meeting.starts_at(),
                    end: meeting.ends_at(),
                    rrule: None,
                    exdates: Vec::new(),
                    instance_of: Some(meeting.starts_at()),
                    cancelled: Some(c.reason.as_str()),
                    detail,
                    page_url,
                });
            }
        }
    }
    let sessions: &[Occurrence] = detail.course.as_ref().map_or(&[], |c| &c.sessions);
    for (i, s) in sessions.iter().enumerate() {
        events.push(Event {
            uid: format!("{}-session-{i}@treffpunkt", detail.card.slug),
            start: s.starts_at(),
            end: s.ends_at(),
            rrule: None,
            exdates: Vec::new(),
            instance_of: None,
            cancelled: detail.cancellation(s.date),
            detail,
            page_url,
        });
    }
    events
}

fn calendar(name: Option<&str>, events: &[Event<'_>], stamp: DateTime<Utc>) -> String {
    let mut out = String::new();
    for line in [
        "BEGIN:VCALENDAR",
        "VERSION:2.0",
        "PRODID:-//Treffpunkt//Lavterskeltilbud//NB",
        "CALSCALE:GREGORIAN",
        "METHOD:PUBLISH",
    ] {
        fold(line, &mut out);
    }
    if let Some(name) = name {
        // The name calendars show for a subscription, and how often they
        // should look again (the feed changes when a coordinator's does).
        fold(&format!("X-WR-CALNAME:{}", escape(name)), &mut out);
        fold(&format!("NAME:{}", escape(name)), &mut out);
        fold("REFRESH-INTERVAL;VALUE=DURATION:PT6H", &mut out);
        fold("X-PUBLISHED-TTL:PT6H", &mut out);
        fold(&format!("X-WR-TIMEZONE:{OSLO}"), &mut out);
    }
    for line in VTIMEZONE {
        fold(line, &mut out);
    }
    let stamp = stamp.format("%Y%m%dT%H%M%SZ").to_string();
    for e in events {
        write_event(e, &stamp, &mut out);
    }
    fold("END:VCALENDAR", &mut out);
    out
}

fn write_event(e: &Event<'_>, stamp: &str, out: &mut String) {
    let (d, page_url) = (e.detail, e.page_url);
    let mut lines = vec![
        "BEGIN:VEVENT".to_string(),
        format!("UID:{}", e.uid),
        format!("DTSTAMP:{stamp}"),
        format!("DTSTART;TZID={OSLO}:{}", local(e.start)),
        format!("DTEND;TZID={OSLO}:{}", local(e.end)),
    ];
    if let Some(rule) = &e.rrule {
        lines.push(format!("RRULE:{rule}"));
    }
    if let Some(instance) = e.instance_of {
        lines.push(format!("RECURRENCE-ID;TZID={OSLO}:{}", local(instance)));
    }
    if e.cancelled.is_some() {
        lines.push("STATUS:CANCELLED".to_string());
    }
    for x in &e.exdates {
        lines.push(format!("EXDATE;TZID={OSLO}:{}", local(*x)));
    }
    lines.push(format!("SUMMARY:{}", escape(&d.card.text.title)));
    let description = match e.cancelled {
        Some(reason) => format!("{reason}\n\n{}\n\n{page_url}", d.card.text.summary),
        None => format!("{}\n\n{page_url}", d.card.text.summary),
    };
    lines.push(format!("DESCRIPTION:{}", escape(&description)));
    if let Some(v) = &d.venue {
        let place = v.one_line();
        lines.push(format!("LOCATION:{}", escape(&place)));
        if let Some((lat, lon)) = v.coordinates {
            lines.push(format!("GEO:{lat:.6};{lon:.6}"));
        }
    }
    lines.push(format!("URL:{page_url}"));
    lines.push("END:VEVENT".to_string());
    for line in lines {
        fold(&line, out);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_text_values() {
        assert_eq!(escape("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
        assert_eq!(
            escape("Kor\rURL:https://evil.example\r\nX"),
            "Kor\\nURL:https://evil.example\\nX"
        );
    }

    #[test]
    fn folds_long_lines_on_character_boundaries() {
        let mut out = String::new();
        let line = format!("SUMMARY:{}", "ø".repeat(60));
        fold(&line, &mut out);
        for physical in out.split("\r\n").filter(|l| !l.is_empty()) {
            assert!(physical.len() <= 75, "{} octets", physical.len());
        }
        let unfolded = out.trim_end_matches("\r\n").replace("\r\n ", "");
        assert_eq!(unfolded, line);
    }
}
