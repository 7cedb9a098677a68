//! schema.org JSON-LD for an offering's page, so that search engines and
//! other services read what, when, where, for whom and at what price
//! without scraping the page. Weekly groups, meeting places and volunteer
//! centres are an `Event` whose `eventSchedule` says when it repeats; a
//! course is a `Course` with one `CourseInstance` holding its sessions.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Europe::Oslo;
use serde_json::{Value, json};

use crate::domain::Code;
use crate::domain::offering::{OfferingDetail, OfferingKind, Referral, SignUpState, VenueDto};
use crate::domain::schedule::WeeklySlotDto;
use crate::i18n::Tr;
use crate::paths;

const CONTEXT: &str = "https://schema.org";
/// Every offering meets in person.
const IN_PERSON: &str = "https://schema.org/OfflineEventAttendanceMode";
const WEEKDAYS: [&str; 7] = [
    "https://schema.org/Monday",
    "https://schema.org/Tuesday",
    "https://schema.org/Wednesday",
    "https://schema.org/Thursday",
    "https://schema.org/Friday",
    "https://schema.org/Saturday",
    "https://schema.org/Sunday",
];

/// The JSON-LD of `d`'s page at `public_url`, as `now` (Oslo time) sees
/// it, ready to go inside `<script type="application/ld+json">`: `<`, `>`
/// and `&` are written as JSON escapes, so no text an organiser typed can
/// end the script. `tr` says, in the page's language, what a course needs
/// beforehand (a doctor's referral).
pub fn offering(d: &OfferingDetail, public_url: &str, now: NaiveDateTime, tr: &Tr) -> String {
    let card = &d.card;
    let url = paths::absolute(public_url, &paths::offering(&card.slug));
    let mut item = json!({
        "@context": CONTEXT,
        "name": card.text.title,
        "description": card.text.summary,
        "url": url,
        "inLanguage": card.text.lang.code(),
    });
    let price = offer(d, &url, now);
    let organiser = organiser(d);
    let venue = d.venue.as_ref().map(place);
    if card.kind == OfferingKind::Course {
        item["@type"] = json!("Course");
        item["provider"] = organiser;
        item["offers"] = price.clone();
        let sessions = d.course.as_ref().map(|c| &c.sessions[..]).unwrap_or(&[]);
        let mut instance = json!({
            "@type": "CourseInstance",
            "name": card.text.title,
            "courseMode": "onsite",
            "eventAttendanceMode": IN_PERSON,
            "offers": price,
            "subEvent": sessions.iter().map(|s| json!({
                "@type": "Event",
                "name": card.text.title,
                "startDate": moment(s.starts_at()),
                "endDate": moment(s.ends_at()),
            })).collect::<Vec<_>>(),
        });
        if let (Some(first), Some(last)) = (sessions.first(), sessions.last()) {
            instance["startDate"] = json!(moment(first.starts_at()));
            instance["endDate"] = json!(moment(last.ends_at()));
        }
        if let Some(venue) = venue {
            instance["location"] = venue;
        }
        item["hasCourseInstance"] = json!([instance]);
        if card.referral != Referral::NotNeeded {
            item["coursePrerequisites"] = json!(tr.t(card.referral.sentence_key()));
        }
    } else {
        item["@type"] = json!("Event");
        item["organizer"] = organiser;
        item["offers"] = price;
        item["isAccessibleForFree"] = json!(card.price_nok == 0);
        item["eventAttendanceMode"] = json!(IN_PERSON);
        item["eventStatus"] = json!("https://schema.org/EventScheduled");
        let called_off: Vec<NaiveDate> = d.cancelled.iter().map(|c| c.date).collect();
        item["eventSchedule"] = d
            .weekly
            .iter()
            .map(|slot| schedule(slot, &called_off))
            .collect();
        // The next meeting, or when the schedule begins.
        let start = d
            .upcoming
            .iter()
            .find(|o| !called_off.contains(&o.date))
            .map(|o| o.starts_at())
            .or_else(|| {
                d.weekly
                    .iter()
                    .map(|s| s.valid_from.and_time(s.start))
                    .min()
            });
        if let Some(start) = start {
            item["startDate"] = json!(moment(start));
        }
        if let Some(venue) = venue {
            item["location"] = venue;
        }
    }
    safe_in_script(&item)
}

/// A weekly slot as a `Schedule`, with its skipped and called-off dates.
fn schedule(slot: &WeeklySlotDto, called_off: &[NaiveDate]) -> Value {
    let weekday = usize::from(slot.weekday.clamp(1, 7)) - 1;
    let mut except: Vec<NaiveDate> = slot
        .skipped
        .iter()
        .chain(called_off)
        .copied()
        .filter(|d| chrono::Datelike::weekday(d).num_days_from_monday() as usize == weekday)
        .collect();
    except.sort_unstable();
    except.dedup();
    let mut schedule = json!({
        "@type": "Schedule",
        "repeatFrequency": "P1W",
        "byDay": WEEKDAYS[weekday],
        "startTime": clock(slot.start),
        "endTime": clock(slot.end),
        "scheduleTimezone": "Europe/Oslo",
        "startDate": slot.valid_from.to_string(),
        "exceptDate": except.iter().map(NaiveDate::to_string).collect::<Vec<_>>(),
    });
    if let Some(to) = slot.valid_to {
        schedule["endDate"] = json!(to.to_string());
    }
    schedule
}

/// The venue as a `Place`: its address, where on the map, and the
/// accessibility facts the page states.
fn place(v: &VenueDto) -> Value {
    let facts = [
        ("Step-free access", v.access.step_free),
        ("Accessible toilet", v.access.accessible_toilet),
        ("Hearing loop", v.access.hearing_loop),
        ("Parking", v.access.parking),
    ];
    let mut place = json!({
        "@type": "Place",
        "name": v.name,
        "address": {
            "@type": "PostalAddress",
            "streetAddress": v.address,
            "postalCode": v.postcode,
            "addressLocality": v.city,
            "addressCountry": "NO",
        },
        "amenityFeature": facts.iter().map(|(name, value)| json!({
            "@type": "LocationFeatureSpecification",
            "name": name,
            "value": value,
        })).collect::<Vec<_>>(),
    });
    if let Some((lat, lon)) = v.coordinates {
        place["geo"] = json!({
            "@type": "GeoCoordinates",
            "latitude": lat,
            "longitude": lon,
        });
    }
    place
}

fn organiser(d: &OfferingDetail) -> Value {
    let mut organiser = json!({
        "@type": "Organization",
        "name": d.contact.organiser,
    });
    // Only a web address, as on the page: never `javascript:` or the like.
    if let Some(site) = d
        .contact
        .organiser_website
        .as_deref()
        .filter(|s| crate::domain::is_web_address(s))
    {
        organiser["url"] = json!(site);
    }
    organiser
}

/// The price, and for a course whether a place is to be had now.
fn offer(d: &OfferingDetail, url: &str, now: NaiveDateTime) -> Value {
    let mut offer = json!({
        "@type": "Offer",
        "price": d.card.price_nok,
        "priceCurrency": "NOK",
        "url": url,
    });
    if let Some(course) = &d.course {
        let availability = match course.sign_up_state(now) {
            SignUpState::Open { .. } => "InStock",
            SignUpState::WaitingList => "BackOrder",
            SignUpState::Full => "SoldOut",
            SignUpState::NotOpenYet => "PreOrder",
            SignUpState::Closed => "Discontinued",
        };
        offer["availability"] = json!(format!("https://schema.org/{availability}"));
    }
    offer
}

/// A moment in Oslo time with its offset on that date (`+01:00` in
/// winter, `+02:00` in summer), as schema.org's `DateTime` wants it.
fn moment(local: NaiveDateTime) -> String {
    Oslo.from_local_datetime(&local).earliest().map_or_else(
        || local.format("%Y-%m-%dT%H:%M:%S").to_string(),
        |t| t.to_rfc3339(),
    )
}

fn clock(t: NaiveTime) -> String {
    t.format("%H:%M:%S").to_string()
}

/// `value` as JSON that cannot end the script element holding it.
fn safe_in_script(value: &Value) -> String {
    value
        .to_string()
        .replace('<', "\\u003c")
        .replace('>', "\\u003e")
        .replace('&', "\\u0026")
}

#[cfg(test)]
mod tests {
    #[test]
    fn text_cannot_end_the_script() {
        let json = super::safe_in_script(&serde_json::json!({ "name": "</script><b>&" }));
        assert!(!json.contains('<') && !json.contains('>') && !json.contains('&'));
        let back: serde_json::Value = serde_json::from_str(&json).unwrap();
        assert_eq!(back["name"], "</script><b>&");
    }
}
