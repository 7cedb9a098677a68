use serde::{Deserialize, Serialize};

use super::offering::{Audience, OfferingKind};
use super::schedule::TimeOfDay;
use super::{Code, slug};

/// The longest search the form and the server accept, in characters.
pub const QUERY_MAX: usize = 100;
/// Search words beyond this many are ignored.
const WORDS_MAX: usize = 8;
/// Cards on one page of a listing.
pub const PAGE_SIZE: u32 = 20;
/// The last page anyone is shown: past it, narrowing the listing helps more
/// than paging on.
pub const PAGE_MAX: u32 = 250;

/// The page of a listing asked for in the URL (`?page=3`), 1 to
/// [`PAGE_MAX`]; anything else is the first.
pub fn page_from_query(get: impl Fn(&str) -> Option<String>) -> u32 {
    bounded_page(get("page").and_then(|v| v.trim().parse().ok()).unwrap_or(1))
}

/// `page` within 1 to [`PAGE_MAX`].
pub fn bounded_page(page: u32) -> u32 {
    page.clamp(1, PAGE_MAX)
}

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
    /// Only what needs no doctor's referral ("Uten henvisning").
    #[serde(default)]
    pub no_referral: bool,
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
            no_referral: flag("no_referral"),
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

    /// The filter as URL query pairs, the way the form writes them, for
    /// links to other pages of the same listing.
    pub fn to_query(&self) -> Vec<(&'static str, String)> {
        let mut pairs = Vec::new();
        let mut add = |name: &'static str, value: Option<String>| {
            if let Some(v) = value {
                pairs.push((name, v));
            }
        };
        add("q", self.query.clone());
        add("district", self.district.clone());
        add("kind", self.kind.map(|k| k.code().to_string()));
        add("category", self.category.clone());
        add("audience", self.audience.map(|a| a.code().to_string()));
        add("day", self.weekday.map(|d| d.to_string()));
        add("time", self.time_of_day.map(|t| t.code().to_string()));
        add("free", self.free_only.then(|| "1".to_string()));
        add("drop_in", self.no_sign_up.then(|| "1".to_string()));
        add("step_free", self.step_free.then(|| "1".to_string()));
        add("no_referral", self.no_referral.then(|| "1".to_string()));
        pairs
    }

    /// Whether anything narrows the listing.
    pub fn is_active(&self) -> bool {
        *self != ListingFilter::default()
    }

    /// The words of the search, lower-cased, at most `WORDS_MAX` of them.
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
            ("no_referral", "1"),
            ("q", "  Sterk og STØDIG "),
        ]);
        assert_eq!(f.kind, Some(OfferingKind::Course));
        assert_eq!(f.category.as_deref(), Some("trening"));
        assert_eq!(f.audience, Some(Audience::NextOfKin));
        assert_eq!(f.weekday, Some(2));
        assert_eq!(f.time_of_day, Some(TimeOfDay::Evening));
        assert!(f.free_only && f.no_sign_up && f.step_free && f.no_referral);
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
    fn a_filter_goes_back_into_a_url_as_it_came() {
        let pairs = [
            ("kind", "course"),
            ("free", "1"),
            ("q", "kor og sang"),
            ("day", "3"),
            ("no_referral", "1"),
        ];
        let f = parse(&pairs);
        let back: HashMap<String, String> = f
            .to_query()
            .into_iter()
            .map(|(k, v)| (k.to_string(), v))
            .collect();
        assert_eq!(ListingFilter::from_query(|k| back.get(k).cloned()), f);
        assert_eq!(page_from_query(|_| Some("7".into())), 7);
        assert_eq!(page_from_query(|_| Some("0".into())), 1);
        assert_eq!(page_from_query(|_| Some("99999".into())), PAGE_MAX);
        assert_eq!(page_from_query(|_| Some("x".into())), 1);
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
