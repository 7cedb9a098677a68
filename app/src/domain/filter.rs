use serde::{Deserialize, Serialize};

use super::offering::{Audience, OfferingKind};
use super::schedule::TimeOfDay;
use super::{Code, slug};

/// The longest search the form and the server accept, in characters.
pub const QUERY_MAX: usize = 100;
/// Search words beyond this many are ignored.
const WORDS_MAX: usize = 8;

/// What a resident narrowed a listing to. It lives in the URL's query so that
/// every filtered view can be shared and bookmarked; values that do not parse
/// are ignored rather than rejected, so an old link still shows something.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
pub struct ListingFilter {
    pub kind: Option<OfferingKind>,
    pub category: Option<String>,
    pub audience: Option<Audience>,
    /// ISO weekday, 1 = Monday.
    pub weekday: Option<u8>,
    pub time_of_day: Option<TimeOfDay>,
    pub free_only: bool,
    pub no_sign_up: bool,
    pub step_free: bool,
    /// Free-text search over titles and descriptions.
    pub query: Option<String>,
    /// Limits an all-district listing to one district.
    pub district: Option<String>,
}

impl ListingFilter {
    /// Reads the filter from query parameters, given a lookup by name.
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> Self {
        let non_empty = |name: &str| {
            get(name)
                .map(|v| v.trim().to_string())
                .filter(|v| !v.is_empty())
        };
        let flag =
            |name: &str| non_empty(name).is_some_and(|v| v == "1" || v == "on" || v == "true");
        ListingFilter {
            kind: non_empty("kind").and_then(|v| OfferingKind::from_code(&v)),
            category: non_empty("category"),
            audience: non_empty("audience").and_then(|v| Audience::from_code(&v)),
            weekday: non_empty("day").and_then(|v| v.parse::<u8>().ok()),
            time_of_day: non_empty("time").and_then(|v| TimeOfDay::from_code(&v)),
            free_only: flag("free"),
            no_sign_up: flag("drop_in"),
            step_free: flag("step_free"),
            query: non_empty("q"),
            district: non_empty("district"),
        }
        .bounded()
    }

    /// The filter within the bounds the form allows: a search of at most
    /// [`QUERY_MAX`] characters, slugs that look like slugs, a weekday from
    /// 1 to 7. A server function applies this to what it is sent, since a
    /// request need not come from the form.
    pub fn bounded(self) -> Self {
        ListingFilter {
            category: self.category.filter(|c| slug::is_slug(c)),
            district: self.district.filter(|d| slug::is_slug(d)),
            weekday: self.weekday.filter(|d| (1..=7).contains(d)),
            query: self
                .query
                .map(|q| q.trim().chars().take(QUERY_MAX).collect::<String>())
                .filter(|q| !q.is_empty()),
            ..self
        }
    }

    /// Whether anything narrows the listing.
    pub fn is_active(&self) -> bool {
        *self != ListingFilter::default()
    }

    /// The words of the search, lower-cased the same way the search column is.
    pub fn search_words(&self) -> Vec<String> {
        self.query
            .as_deref()
            .unwrap_or_default()
            .split_whitespace()
            .take(WORDS_MAX)
            .map(str::to_lowercase)
            .collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn parse(pairs: &[(&str, &str)]) -> ListingFilter {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        ListingFilter::from_query(|k| map.get(k).cloned())
    }

    #[test]
    fn reads_every_field() {
        let f = parse(&[
            ("kind", "course"),
            ("category", "trening"),
            ("audience", "next_of_kin"),
            ("day", "2"),
            ("time", "evening"),
            ("free", "1"),
            ("drop_in", "on"),
            ("step_free", "1"),
            ("q", "  Sterk og STØDIG "),
        ]);
        assert_eq!(f.kind, Some(OfferingKind::Course));
        assert_eq!(f.category.as_deref(), Some("trening"));
        assert_eq!(f.audience, Some(Audience::NextOfKin));
        assert_eq!(f.weekday, Some(2));
        assert_eq!(f.time_of_day, Some(TimeOfDay::Evening));
        assert!(f.free_only && f.no_sign_up && f.step_free);
        assert_eq!(f.search_words(), vec!["sterk", "og", "stødig"]);
        assert!(f.is_active());
    }

    #[test]
    fn what_a_server_function_is_sent_is_bounded_like_the_form() {
        let sent = ListingFilter {
            query: Some(format!("  {}", "ø".repeat(5000))),
            category: Some("<script>".into()),
            district: Some("x".repeat(500)),
            weekday: Some(9),
            ..Default::default()
        };
        let bounded = sent.bounded();
        assert_eq!(
            bounded.query.as_deref().map(|q| q.chars().count()),
            Some(QUERY_MAX)
        );
        assert_eq!(
            (bounded.category, bounded.district, bounded.weekday),
            (None, None, None)
        );
        let words = ListingFilter {
            query: Some("a b c d e f g h i j k".into()),
            ..Default::default()
        };
        assert_eq!(words.search_words().len(), 8);
    }

    #[test]
    fn ignores_what_does_not_parse() {
        let f = parse(&[
            ("kind", "spa"),
            ("day", "9"),
            ("time", "noon"),
            ("free", ""),
        ]);
        assert_eq!(f, ListingFilter::default());
        assert!(!f.is_active());
    }
}
