//! The shapes HSDS 3.0 gives services, organisations and locations, and
//! how the directory's offerings, organisations and venues fill them.
//! Texts are in the reader's language; times are local to Europe/Oslo.

use chrono::{NaiveDate, NaiveTime};
use serde::Serialize;

use app::backend::entities::organisation;
use app::domain::offering::{OfferingDetail, VenueDto};
use app::domain::schedule::WeeklySlotDto;
use app::domain::{Code, is_web_address};
use app::i18n::Tr;
use app::i18n::format::{kind_label, price};
use app::paths;

use super::ids::{Kind, row_id, uuid};

/// The organisation number's scheme, as org-id.guide lists Norway's
/// register of legal entities.
const ORG_NUMBER_SCHEME: &str = "NO-BRC";

/// One page of a list, as HSDS's API pages them.
#[derive(Serialize)]
pub struct Page<T> {
    pub total_items: u64,
    pub total_pages: u64,
    pub page_number: u64,
    pub size: u64,
    pub first_page: bool,
    pub last_page: bool,
    pub empty: bool,
    pub contents: Vec<T>,
}

#[derive(Serialize)]
pub struct Service {
    id: String,
    organization_id: String,
    name: String,
    description: String,
    url: String,
    email: String,
    status: &'static str,
    fees_description: String,
    eligibility_description: String,
    application_process: String,
    schedules: Vec<Schedule>,
    service_at_locations: Vec<ServiceAtLocation>,
    cost_options: Vec<CostOption>,
    contacts: Vec<Contact>,
    attributes: Vec<Attribute>,
}

#[derive(Serialize)]
struct Schedule {
    id: String,
    service_id: String,
    /// `WEEKLY` for a weekly time; none for one course session.
    freq: Option<&'static str>,
    byday: Option<&'static str>,
    /// Local time in Europe/Oslo.
    opens_at: String,
    closes_at: String,
    valid_from: Option<NaiveDate>,
    valid_to: Option<NaiveDate>,
    dtstart: Option<NaiveDate>,
    until: Option<NaiveDate>,
    description: String,
    /// Treffpunkt's addition: the dates it does not meet (holidays, and
    /// meetings called off).
    except_dates: Vec<NaiveDate>,
}

#[derive(Serialize)]
struct ServiceAtLocation {
    id: String,
    service_id: String,
    location_id: String,
    location: Location,
}

#[derive(Serialize)]
struct CostOption {
    id: String,
    service_id: String,
    amount: i32,
    currency: &'static str,
    option: String,
}

#[derive(Serialize)]
struct Contact {
    id: String,
    service_id: String,
    name: String,
    email: String,
    phones: Vec<Phone>,
}

#[derive(Serialize)]
struct Phone {
    id: String,
    number: String,
}

/// A fact about a service from a vocabulary: its kind, and whether a
/// doctor's referral is needed.
#[derive(Serialize)]
struct Attribute {
    id: String,
    link_id: String,
    link_type: &'static str,
    link_entity: &'static str,
    value: String,
    taxonomy_term: TaxonomyTerm,
}

#[derive(Serialize)]
struct TaxonomyTerm {
    id: String,
    code: String,
    name: String,
    vocabulary: &'static str,
}

#[derive(Serialize)]
pub struct Organization {
    id: String,
    name: String,
    description: String,
    website: Option<String>,
    identifiers: Vec<Identifier>,
}

#[derive(Serialize)]
struct Identifier {
    id: String,
    organization_id: String,
    identifier_scheme: &'static str,
    identifier_type: String,
    identifier: String,
}

#[derive(Serialize)]
pub struct Location {
    id: String,
    location_type: &'static str,
    name: String,
    description: Option<String>,
    transportation: Option<String>,
    latitude: Option<f64>,
    longitude: Option<f64>,
    addresses: Vec<Address>,
    accessibility: Vec<Accessibility>,
}

#[derive(Serialize)]
struct Address {
    id: String,
    location_id: String,
    address_1: String,
    city: String,
    postal_code: String,
    country: &'static str,
    address_type: &'static str,
}

#[derive(Serialize)]
struct Accessibility {
    id: String,
    location_id: String,
    description: String,
}

const BYDAY: [&str; 7] = ["MO", "TU", "WE", "TH", "FR", "SA", "SU"];

fn hhmm(t: NaiveTime) -> String {
    t.format("%H:%M").to_string()
}

pub fn service_of(d: &OfferingDetail, id: i32, tr: &Tr, site: &str) -> Service {
    let service_id = uuid(Kind::Service, row_id(id));
    let card = &d.card;
    let called_off: Vec<NaiveDate> = d.cancelled.iter().map(|c| c.date).collect();
    let weekly = d.weekly.iter().enumerate().map(|(i, slot)| {
        weekly_schedule(
            slot,
            &called_off,
            row_id(id) << 8 | i as u64,
            &service_id,
            tr,
        )
    });
    let sessions = d
        .course
        .iter()
        .flat_map(|c| c.sessions.iter())
        .enumerate()
        .map(|(i, s)| Schedule {
            id: uuid(Kind::Session, row_id(id) << 16 | i as u64),
            service_id: service_id.clone(),
            freq: None,
            byday: None,
            opens_at: hhmm(s.start),
            closes_at: hhmm(s.end),
            valid_from: None,
            valid_to: None,
            dtstart: Some(s.date),
            until: Some(s.date),
            description: tr.date(s.date, 0) + " " + &tr.time_range(s.start, s.end),
            except_dates: called_off
                .iter()
                .copied()
                .filter(|c| *c == s.date)
                .collect(),
        });
    let attribute = |n: u64, vocabulary: &'static str, code: &str, name: String| Attribute {
        id: uuid(Kind::Attribute, row_id(id) << 16 | n),
        link_id: service_id.clone(),
        link_type: "service",
        link_entity: "service",
        value: code.to_string(),
        taxonomy_term: TaxonomyTerm {
            id: format!("treffpunkt:{vocabulary}:{code}"),
            code: code.to_string(),
            name,
            vocabulary,
        },
    };
    let audiences: Vec<String> = d
        .audiences
        .iter()
        .map(|a| tr.t(&format!("audience-{}", a.code())))
        .collect();
    Service {
        id: service_id.clone(),
        organization_id: uuid(Kind::Organization, row_id(d.contact.organiser_id)),
        name: card.text.title.clone(),
        description: card.text.summary.clone(),
        url: paths::absolute(site, &paths::offering(&card.slug)),
        email: d.contact.email.clone(),
        status: "active",
        fees_description: match &d.cost_note {
            Some(note) => format!("{}. {note}", price(tr, card.price_nok)),
            None => price(tr, card.price_nok),
        },
        eligibility_description: audiences.join(", "),
        // Two sentences: the sign-up's word, then the referral's.
        application_process: format!(
            "{}. {}",
            if card.sign_up_required {
                tr.t("sign-up-required")
            } else {
                tr.t("sign-up-not-needed")
            },
            tr.t(card.referral.sentence_key())
        ),
        schedules: weekly.chain(sessions).collect(),
        service_at_locations: d
            .venue
            .as_ref()
            .map(|v| ServiceAtLocation {
                id: uuid(Kind::ServiceAtLocation, row_id(id)),
                service_id: service_id.clone(),
                location_id: uuid(Kind::Location, row_id(v.id)),
                location: location_of(v, tr),
            })
            .into_iter()
            .collect(),
        cost_options: vec![CostOption {
            id: uuid(Kind::CostOption, row_id(id)),
            service_id: service_id.clone(),
            amount: card.price_nok,
            currency: "NOK",
            option: price(tr, card.price_nok),
        }],
        contacts: vec![Contact {
            id: uuid(Kind::Contact, row_id(id)),
            service_id: service_id.clone(),
            name: d.contact.name.clone(),
            email: d.contact.email.clone(),
            phones: d
                .contact
                .phone
                .iter()
                .map(|number| Phone {
                    id: uuid(Kind::Phone, row_id(id)),
                    number: number.clone(),
                })
                .collect(),
        }],
        attributes: vec![
            attribute(1, "kind", card.kind.code(), kind_label(tr, card.kind)),
            attribute(
                2,
                "referral",
                card.referral.code(),
                tr.t(card.referral.key()),
            ),
        ],
    }
}

fn weekly_schedule(
    slot: &WeeklySlotDto,
    called_off: &[NaiveDate],
    n: u64,
    service_id: &str,
    tr: &Tr,
) -> Schedule {
    let mut except: Vec<NaiveDate> = slot.skipped.clone();
    except.extend(
        called_off
            .iter()
            .filter(|d| d.format("%u").to_string() == slot.weekday.to_string()),
    );
    except.sort();
    except.dedup();
    Schedule {
        id: uuid(Kind::Schedule, n),
        service_id: service_id.to_string(),
        freq: Some("WEEKLY"),
        byday: BYDAY
            .get(usize::from(slot.weekday.clamp(1, 7) - 1))
            .copied(),
        opens_at: hhmm(slot.start),
        closes_at: hhmm(slot.end),
        valid_from: Some(slot.valid_from),
        valid_to: slot.valid_to,
        dtstart: Some(slot.valid_from),
        until: slot.valid_to,
        description: format!(
            "{} {}",
            tr.weekday(slot.weekday),
            tr.time_range(slot.start, slot.end)
        ),
        except_dates: except,
    }
}

pub fn location_of(v: &VenueDto, tr: &Tr) -> Location {
    let location_id = uuid(Kind::Location, row_id(v.id));
    let features = [
        (v.access.step_free, "access-step-free"),
        (v.access.accessible_toilet, "access-toilet"),
        (v.access.hearing_loop, "access-hearing-loop"),
        (v.access.parking, "access-parking"),
    ];
    Location {
        id: location_id.clone(),
        location_type: "physical",
        name: v.name.clone(),
        description: v.access_note.clone(),
        transportation: v.bus_stop.clone(),
        latitude: v.coordinates.map(|c| c.0),
        longitude: v.coordinates.map(|c| c.1),
        addresses: vec![Address {
            id: uuid(Kind::Address, row_id(v.id)),
            location_id: location_id.clone(),
            address_1: v.address.clone(),
            city: v.city.clone(),
            postal_code: v.postcode.clone(),
            country: "NO",
            address_type: "physical",
        }],
        accessibility: features
            .iter()
            .enumerate()
            .filter(|(_, (has, _))| *has)
            .map(|(i, (_, key))| Accessibility {
                id: uuid(Kind::Accessibility, row_id(v.id) << 16 | i as u64),
                location_id: location_id.clone(),
                description: tr.t(key),
            })
            .collect(),
    }
}

pub fn organization_of(o: &organisation::Model, tr: &Tr) -> Organization {
    // Its own email and phone are for the staff area: residents reach the
    // contact person each offering names.
    let id = uuid(Kind::Organization, row_id(o.id));
    Organization {
        id: id.clone(),
        name: o.name.clone(),
        description: tr.t(&format!("organisation-kind-{}", o.kind.code())),
        website: o.website.clone().filter(|w| is_web_address(w)),
        identifiers: o
            .org_number
            .iter()
            .map(|number| Identifier {
                id: uuid(Kind::Identifier, row_id(o.id)),
                organization_id: id.clone(),
                identifier_scheme: ORG_NUMBER_SCHEME,
                identifier_type: tr.t("organisation-number"),
                identifier: number.clone(),
            })
            .collect(),
    }
}
