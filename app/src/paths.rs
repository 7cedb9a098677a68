//! Every internal URL of the site, built here and nowhere else: pages,
//! views, emails, calendar files and the router all ask this module. The
//! Norwegian words in the paths are the site's public addresses and must
//! not change under a link someone has printed or bookmarked.

use crate::domain::Code;
use crate::domain::offering::OfferingKind;

/// Path segments, for the Leptos router's routes.
pub mod segment {
    pub const DISTRICT: &str = "bydel";
    pub const OFFERINGS: &str = "tilbud";
    pub const SIGN_UP: &str = "pamelding";
    pub const SENT: &str = "sendt";
    pub const CONFIRM: &str = "bekreft";
    pub const CANCEL: &str = "avmeld";
    pub const PRIVACY: &str = "personvern";
}

/// Route patterns for the axum routes outside Leptos (form posts, files).
pub mod route {
    pub const HEALTH: &str = "/healthz";
    pub const LANGUAGE: &str = "/sprak";
    pub const CALENDAR: &str = "/tilbud/{slug}/kalender.ics";
    pub const SIGN_UP: &str = "/tilbud/{slug}/pamelding";
    pub const CONFIRM: &str = "/pamelding/bekreft";
    pub const CANCEL: &str = "/pamelding/avmeld";
    pub const ASSET: &str = "/pkg/{file}";
}

/// The folder the build puts the CSS, JavaScript and wasm in.
pub const PKG: &str = "pkg";

pub fn home() -> String {
    "/".to_string()
}

/// `/bydel/<slug>`.
pub fn district(slug: &str) -> String {
    format!("/{}/{slug}", segment::DISTRICT)
}

/// `/tilbud`: every offering, with search and filters.
pub fn offerings() -> String {
    format!("/{}", segment::OFFERINGS)
}

/// `/tilbud?kind=…`: every offering of one kind.
pub fn offerings_of_kind(kind: OfferingKind) -> String {
    format!("{}?kind={}", offerings(), kind.code())
}

/// `/tilbud/<slug>`.
pub fn offering(slug: &str) -> String {
    format!("{}/{slug}", offerings())
}

/// `/tilbud/<slug>/kalender.ics`.
pub fn calendar(slug: &str) -> String {
    format!("{}/kalender.ics", offering(slug))
}

/// `/tilbud/<slug>/pamelding`: the form, and where it posts.
pub fn sign_up(slug: &str) -> String {
    format!("{}/{}", offering(slug), segment::SIGN_UP)
}

/// `/tilbud/<slug>/pamelding/sendt`: the one reply to every sign-up.
pub fn sign_up_sent(slug: &str) -> String {
    format!("{}/{}", sign_up(slug), segment::SENT)
}

/// `/pamelding/bekreft`: where the confirm button posts.
pub fn confirm() -> String {
    format!("/{}/{}", segment::SIGN_UP, segment::CONFIRM)
}

/// `/pamelding/avmeld`: where the cancel button posts.
pub fn cancel() -> String {
    format!("/{}/{}", segment::SIGN_UP, segment::CANCEL)
}

/// The confirm link of an email, `/pamelding/bekreft?token=…`.
pub fn confirm_link(token: &str) -> String {
    format!("{}?token={token}", confirm())
}

/// The cancel link of an email, `/pamelding/avmeld?token=…`.
pub fn cancel_link(token: &str) -> String {
    format!("{}?token={token}", cancel())
}

/// Pages whose address carries a link token: they send no referrer.
pub fn carries_token(path: &str) -> bool {
    path == confirm() || path == cancel()
}

/// `/personvern`.
pub fn privacy() -> String {
    format!("/{}", segment::PRIVACY)
}

/// `/sprak`: where the language switcher posts.
pub fn language() -> String {
    route::LANGUAGE.to_string()
}

/// `/pkg/<file>`: a file of the built bundle.
pub fn asset(file: &str) -> String {
    format!("/{PKG}/{file}")
}

/// `path` with these query pairs, percent-encoded; for links to another page
/// of the same listing.
pub fn with_query(path: &str, pairs: &[(&str, String)]) -> String {
    if pairs.is_empty() {
        return path.to_string();
    }
    let query: Vec<String> = pairs
        .iter()
        .map(|(k, v)| format!("{}={}", encode(k), encode(v)))
        .collect();
    format!("{path}?{}", query.join("&"))
}

/// Percent-encodes all but the unreserved characters (RFC 3986), a space
/// as `+` as forms do.
fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(byte as char)
            }
            b' ' => out.push('+'),
            other => out.push_str(&format!("%{other:02X}")),
        }
    }
    out
}

/// An absolute URL on the public site, for emails and calendar files.
pub fn absolute(public_url: &str, path: &str) -> String {
    format!("{}{path}", public_url.trim_end_matches('/'))
}

/// Whether `back` is a path on this site and nothing else: it must start
/// with one `/`, and hold no backslash, whitespace or control character
/// (browsers drop tabs and newlines, so `/\t/evil.example` would become
/// `//evil.example`, another site).
pub fn is_local(back: &str) -> bool {
    let mut chars = back.chars();
    chars.next() == Some('/')
        && !matches!(chars.next(), Some('/' | '\\'))
        && !back
            .chars()
            .any(|c| c == '\\' || c.is_whitespace() || c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A route pattern with its parameters filled in.
    fn fill(pattern: &str, slug: &str) -> String {
        pattern.replace("{slug}", slug)
    }

    #[test]
    fn builders_and_route_patterns_agree() {
        assert_eq!(calendar("kor"), fill(route::CALENDAR, "kor"));
        assert_eq!(sign_up("kor"), fill(route::SIGN_UP, "kor"));
        assert_eq!(confirm(), route::CONFIRM);
        assert_eq!(cancel(), route::CANCEL);
        assert_eq!(district("ostbyen"), "/bydel/ostbyen");
        assert_eq!(sign_up_sent("kor"), "/tilbud/kor/pamelding/sendt");
        assert_eq!(confirm_link("abc"), "/pamelding/bekreft?token=abc");
        assert_eq!(
            offerings_of_kind(OfferingKind::Course),
            "/tilbud?kind=course"
        );
        assert_eq!(
            absolute("https://treffpunkt.example/", &offering("kor")),
            "https://treffpunkt.example/tilbud/kor"
        );
    }

    #[test]
    fn query_values_are_encoded() {
        assert_eq!(
            with_query(
                "/tilbud",
                &[("q", "kor & sang/ø".into()), ("page", "2".into())]
            ),
            "/tilbud?q=kor+%26+sang%2F%C3%B8&page=2"
        );
        assert_eq!(with_query("/tilbud", &[]), "/tilbud");
    }

    #[test]
    fn only_same_site_paths_are_local() {
        for ok in ["/", "/bydel/ostbyen?free=1", "/tilbud?q=kor%20og%20sang"] {
            assert!(is_local(ok), "{ok}");
        }
        for bad in [
            "",
            "//evil.example",
            "/\\evil.example",
            "/\t/evil.example",
            "/\n/evil.example",
            "/\r/evil.example",
            "https://evil.example",
            "evil.example",
            "/ /evil.example",
            "/x\\y",
        ] {
            assert!(!is_local(bad), "{bad:?}");
        }
    }
}
