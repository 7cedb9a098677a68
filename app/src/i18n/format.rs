//! Formatting shared by pages and emails: when something happens, what it
//! costs and what kind it is. Below both, so that emails never import views.

use chrono::{Datelike, NaiveDate};

use super::Tr;
use crate::domain::Code;
use crate::domain::offering::OfferingKind;
use crate::domain::schedule::Occurrence;

/// "tirsdag 14. januar kl. 10.00–11.00", or "i dag kl. …".
pub fn when(tr: &Tr, o: &Occurrence, today: NaiveDate) -> String {
    let day = if o.date == today {
        tr.t("today")
    } else {
        tr.date(o.date, today.year())
    };
    format!("{day} {}", tr.time_range(o.start, o.end))
}

/// "Gratis" or "50 kr".
pub fn price(tr: &Tr, price_nok: i32) -> String {
    if price_nok == 0 {
        tr.t("price-free")
    } else {
        tr.t_with("price-amount", &[("amount", price_nok.into())])
    }
}

/// Label for a kind of offering, e.g. "Aktivitetsgruppe".
pub fn kind_label(tr: &Tr, kind: OfferingKind) -> String {
    tr.t(&format!("kind-{}", kind.code()))
}
