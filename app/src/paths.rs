//! Every internal URL of the site, built here and nowhere else: pages,
//! views, emails, calendar files and the router all ask this module. The
//! Norwegian words in the paths are the site's public addresses and must
//! not change under a link someone has printed or bookmarked.

use chrono::NaiveDate;

use crate::domain::Code;
use crate::domain::filter::ListingFilter;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingKind;
use crate::domain::staff::{SignUpAction, StaffFilter};

/// Path segments, for the Leptos router's routes.
pub mod segment {
    pub const DISTRICT: &str = "bydel";
    pub const OFFERINGS: &str = "tilbud";
    pub const SIGN_UP: &str = "pamelding";
    pub const SENT: &str = "sendt";
    pub const CONFIRM: &str = "bekreft";
    pub const CANCEL: &str = "avmeld";
    pub const PRIVACY: &str = "personvern";
    pub const STAFF: &str = "ansatt";
    pub const SIGN_IN: &str = "logg-inn";
    pub const CODE: &str = "kode";
    pub const LINK: &str = "lenke";
    pub const COURSE: &str = "kurs";
    pub const NEW_OFFERING: &str = "nytt-tilbud";
    pub const COPY: &str = "kopi";
    pub const CANCEL_DATE: &str = "avlys";
    pub const OUTBOX: &str = "utboks";
    pub const AUDIT_LOG: &str = "logg";
    pub const ACCOUNTS: &str = "kontoer";
    pub const PASSWORD: &str = "passord";
    pub const PREVIEW: &str = "forhandsvis";
    pub const ORGANISATIONS: &str = "organisasjoner";
    pub const VENUES: &str = "steder";
    pub const CALENDAR_FILE: &str = "kalender.ics";
    pub const CHANGES_FILE: &str = "nytt.atom";
    pub const SITEMAP: &str = "sitemap";
    pub const PROGRAMME: &str = "ukeprogram";
    pub const PROGRAMME_PDF: &str = "ukeprogram.pdf";
}

/// Route patterns for the axum routes outside Leptos (form posts, files).
pub mod route {
    pub const HEALTH: &str = "/healthz";
    pub const ROBOTS: &str = "/robots.txt";
    pub const LANGUAGE: &str = "/sprak";
    pub const TEXT_SIZE: &str = "/tekststorrelse";
    pub const CALENDAR: &str = "/tilbud/{slug}/kalender.ics";
    pub const LISTING_CALENDAR: &str = "/tilbud/kalender.ics";
    pub const DISTRICT_CALENDAR: &str = "/bydel/{slug}/kalender.ics";
    pub const DISTRICT_CHANGES: &str = "/bydel/{slug}/nytt.atom";
    pub const DISTRICT_PROGRAMME_PDF: &str = "/bydel/{slug}/ukeprogram.pdf";
    pub const SITEMAP: &str = "/sitemap.xml";
    pub const SITEMAP_PART: &str = "/sitemap/{file}";
    pub const SIGN_UP: &str = "/tilbud/{slug}/pamelding";
    pub const CONFIRM: &str = "/pamelding/bekreft";
    pub const CANCEL: &str = "/pamelding/avmeld";
    pub const ASSET: &str = "/pkg/{file}";
    pub const STAFF_SIGN_IN: &str = "/ansatt/logg-inn";
    pub const STAFF_SIGN_IN_CODE: &str = "/ansatt/logg-inn/kode";
    pub const STAFF_SIGN_IN_LINK: &str = "/ansatt/logg-inn/lenke";
    pub const STAFF_SIGN_OUT: &str = "/ansatt/logg-ut";
    pub const STAFF_SIGN_OUT_EVERYWHERE: &str = "/ansatt/logg-ut-overalt";
    pub const STAFF_COURSE_CSV: &str = "/ansatt/kurs/{id}/deltakere.csv";
    pub const STAFF_OFFERING_STATUS: &str = "/ansatt/tilbud/{id}/status";
    pub const STAFF_NEW_OFFERING: &str = "/ansatt/nytt-tilbud";
    pub const STAFF_OFFERING: &str = "/ansatt/tilbud/{id}";
    pub const STAFF_CANCEL_DATE: &str = "/ansatt/tilbud/{id}/avlys";
    pub const STAFF_OUTBOX_RETRY: &str = "/ansatt/utboks/{id}/igjen";
    pub const STAFF_CONFIRM_OFFERING: &str = "/ansatt/tilbud/{id}/bekreft";
    pub const STAFF_ACCOUNTS: &str = "/ansatt/kontoer";
    pub const STAFF_ACCOUNT: &str = "/ansatt/kontoer/{id}";
    pub const STAFF_SIGN_UP_ACTION: &str = "/ansatt/kurs/{id}/pamelding/{sign_up}/{action}";
    pub const STAFF_PHONE_SIGN_UP: &str = "/ansatt/kurs/{id}/telefon";
    pub const STAFF_SIGN_IN_PASSWORD: &str = "/ansatt/logg-inn/passord";
    pub const STAFF_PASSWORD: &str = "/ansatt/passord";
    pub const STAFF_PASSWORD_REMOVE: &str = "/ansatt/passord/fjern";
    pub const STAFF_COURSE_MESSAGE: &str = "/ansatt/kurs/{id}/melding";
    pub const STAFF_ORGANISATIONS: &str = "/ansatt/organisasjoner";
    pub const STAFF_ORGANISATION: &str = "/ansatt/organisasjoner/{id}";
    pub const STAFF_VENUE: &str = "/ansatt/steder/{id}";
}

/// The query key a staff form's page is sent back with after a save.
pub const SAVED: &str = "lagret";
/// The query keys a course's page is sent back with after a message: how
/// many it was emailed to, and how many it could not be.
pub const MESSAGE_SENT: &str = "sendt";
pub const MESSAGE_NOT_SENT: &str = "ikke-sendt";

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
    format!("{}/{}", offering(slug), segment::CALENDAR_FILE)
}

/// The calendar of a listing, to subscribe to: `/bydel/<slug>/kalender.ics`
/// for a district, `/tilbud/kalender.ics` for all, with the listing's
/// filters (not its page: the feed holds the first pages).
pub fn listing_calendar(district: Option<&str>, filter: &ListingFilter) -> String {
    let base = match district {
        Some(slug) => format!("{}/{}", self::district(slug), segment::CALENDAR_FILE),
        None => format!("{}/{}", offerings(), segment::CALENDAR_FILE),
    };
    with_query(&base, &filter.to_query())
}

/// The query key of a programme's week, `uke=2026-W50`.
pub const WEEK: &str = "uke";

/// `/bydel/<slug>/ukeprogram?…&uke=2026-W50`: the district's printed
/// weekly programme, with the listing's filters; without a week, this
/// week's.
pub fn programme(district: &str, filter: &ListingFilter, monday: Option<NaiveDate>) -> String {
    programme_file(district, segment::PROGRAMME, filter, monday)
}

/// `/bydel/<slug>/ukeprogram.pdf?…&uke=2026-W50`: the same programme as a
/// PDF made on the server.
pub fn programme_pdf(district: &str, filter: &ListingFilter, monday: Option<NaiveDate>) -> String {
    programme_file(district, segment::PROGRAMME_PDF, filter, monday)
}

fn programme_file(
    district: &str,
    file: &str,
    filter: &ListingFilter,
    monday: Option<NaiveDate>,
) -> String {
    let mut query = filter.to_query();
    if let Some(monday) = monday {
        query.push((WEEK, crate::domain::programme::week_code(monday)));
    }
    with_query(&format!("{}/{file}", self::district(district)), &query)
}

/// `/bydel/<slug>/nytt.atom`: the district's new and changed offerings.
pub fn district_changes(slug: &str) -> String {
    format!("{}/{}", district(slug), segment::CHANGES_FILE)
}

/// `/sitemap.xml`: the index of the sitemap's parts.
pub fn sitemap() -> String {
    route::SITEMAP.to_string()
}

/// The sitemap part with the pages that are not offerings.
pub fn sitemap_pages() -> String {
    format!("/{}/{SITEMAP_PAGES}", segment::SITEMAP)
}

/// Part `n` (from 1) of the sitemap's offering pages.
pub fn sitemap_offerings(n: u64) -> String {
    format!("/{}/{SITEMAP_OFFERINGS}{n}.xml", segment::SITEMAP)
}

/// The file names of the sitemap's parts.
pub const SITEMAP_PAGES: &str = "sider.xml";
pub const SITEMAP_OFFERINGS: &str = "tilbud-";

/// `url` (absolute, `https://…`) as a calendar subscription: the
/// `webcal:` scheme makes a phone or desktop offer to subscribe rather
/// than to download once.
pub fn webcal(url: &str) -> String {
    match url.split_once("://") {
        Some((_, rest)) => format!("webcal://{rest}"),
        None => url.to_string(),
    }
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
    path == confirm() || path == cancel() || path == route::STAFF_SIGN_IN_LINK
}

/// `/ansatt`: the staff area's first page.
pub fn staff_home() -> String {
    format!("/{}", segment::STAFF)
}

/// Whether `path` is in the staff area: never cached, never public.
pub fn is_staff(path: &str) -> bool {
    let path = path.split(['?', '#']).next().unwrap_or_default();
    path == staff_home() || path.starts_with(&format!("{}/", staff_home()))
}

/// `/ansatt?status=…&q=…&page=N`: a page of the staff list.
pub fn staff_list(filter: &StaffFilter, page: u32) -> String {
    let mut query = Vec::new();
    if let Some(status) = filter.status {
        query.push(("status", status.code().to_string()));
    }
    if !filter.q.is_empty() {
        query.push(("q", filter.q.clone()));
    }
    if filter.stale {
        query.push(("stale", "1".to_string()));
    }
    if page > 1 {
        query.push(("page", page.to_string()));
    }
    with_query(&staff_home(), &query)
}

/// `/ansatt/kurs/<id>/pamelding/<sign-up>/<action>`: cancel for someone
/// (`avmeld`), give a waiting-list place (`plass`).
pub fn staff_sign_up_action(course: i32, sign_up: i32, action: SignUpAction) -> String {
    route::STAFF_SIGN_UP_ACTION
        .replace("{id}", &course.to_string())
        .replace("{sign_up}", &sign_up.to_string())
        .replace("{action}", action.segment())
}

/// `/ansatt/kurs/<id>/telefon`: add someone who phoned in.
pub fn staff_phone_sign_up(course: i32) -> String {
    route::STAFF_PHONE_SIGN_UP.replace("{id}", &course.to_string())
}

/// `/ansatt/nytt-tilbud?kind=…`: the form for a new offering, and where
/// it (and a copy's) posts.
pub fn staff_new_offering(kind: OfferingKind) -> String {
    format!("{}?kind={}", route::STAFF_NEW_OFFERING, kind.code())
}

/// `/ansatt/tilbud/<id>`: an offering's form, and where it posts.
pub fn staff_offering(id: i32) -> String {
    route::STAFF_OFFERING.replace("{id}", &id.to_string())
}

/// `/ansatt/tilbud/<id>/bekreft`: say a listing is still right.
pub fn staff_confirm_offering(id: i32) -> String {
    route::STAFF_CONFIRM_OFFERING.replace("{id}", &id.to_string())
}

/// `/ansatt/kontoer`: the staff accounts, for administrators; where a
/// new one is posted.
pub fn staff_accounts() -> String {
    route::STAFF_ACCOUNTS.to_string()
}

/// `/ansatt/organisasjoner`: administrators' organisations page, and
/// where a new one is posted.
pub fn staff_organisations() -> String {
    route::STAFF_ORGANISATIONS.to_string()
}

/// `/ansatt/organisasjoner/<id>`: where one organisation's changes post.
pub fn staff_organisation(id: i32) -> String {
    route::STAFF_ORGANISATION.replace("{id}", &id.to_string())
}

/// `/ansatt/steder`: editors' venues page.
pub fn staff_venues() -> String {
    format!("{}/{}", staff_home(), segment::VENUES)
}

/// `/ansatt/steder/<id>`: where one venue's changes post.
pub fn staff_venue(id: i32) -> String {
    route::STAFF_VENUE.replace("{id}", &id.to_string())
}

/// `/ansatt/kontoer/<id>`: where one account's changes are posted.
pub fn staff_account(id: i32) -> String {
    route::STAFF_ACCOUNT.replace("{id}", &id.to_string())
}

/// `/ansatt/utboks`: the outbox, for editors.
pub fn staff_outbox() -> String {
    format!("{}/{}", staff_home(), segment::OUTBOX)
}

/// `/ansatt/utboks/<id>/igjen`: try a failed email again.
pub fn staff_outbox_retry(id: i32) -> String {
    route::STAFF_OUTBOX_RETRY.replace("{id}", &id.to_string())
}

/// `/ansatt/logg`: the audit log.
pub fn staff_audit_log() -> String {
    format!("{}/{}", staff_home(), segment::AUDIT_LOG)
}

/// `/ansatt/tilbud/<id>/avlys`: call off one date, and where it posts.
pub fn staff_cancel_date(id: i32) -> String {
    route::STAFF_CANCEL_DATE.replace("{id}", &id.to_string())
}

/// `/ansatt/tilbud/<id>/forhandsvis`: the public page as it would look.
pub fn staff_preview(id: i32) -> String {
    format!("{}/{}", staff_offering(id), segment::PREVIEW)
}

/// `/ansatt/tilbud/<id>/kopi`: a new offering that starts as this one.
pub fn staff_copy_offering(id: i32) -> String {
    format!("{}/{}", staff_offering(id), segment::COPY)
}

/// `/ansatt/tilbud/<id>/status`: where an offering's status buttons post.
pub fn staff_offering_status(id: i32) -> String {
    route::STAFF_OFFERING_STATUS.replace("{id}", &id.to_string())
}

/// `/ansatt/logg-inn`: asks for the email address, and where it posts.
pub fn staff_sign_in() -> String {
    route::STAFF_SIGN_IN.to_string()
}

/// `/ansatt/logg-inn/kode`: where the emailed code is posted.
pub fn staff_sign_in_code() -> String {
    route::STAFF_SIGN_IN_CODE.to_string()
}

/// `/ansatt/logg-inn/passord`: where a password sign-in posts.
pub fn staff_sign_in_password() -> String {
    route::STAFF_SIGN_IN_PASSWORD.to_string()
}

/// `/ansatt/passord`: adding, changing or removing one's password.
pub fn staff_password() -> String {
    route::STAFF_PASSWORD.to_string()
}

/// `/ansatt/passord/fjern`: where removing one's password posts.
pub fn staff_password_remove() -> String {
    route::STAFF_PASSWORD_REMOVE.to_string()
}

/// `/ansatt/logg-inn/lenke`: where the emailed link's button posts.
pub fn staff_sign_in_link_post() -> String {
    route::STAFF_SIGN_IN_LINK.to_string()
}

/// The emailed link, `/ansatt/logg-inn/lenke?token=…`.
pub fn staff_sign_in_link(token: &str) -> String {
    format!("{}?token={token}", route::STAFF_SIGN_IN_LINK)
}

/// `/ansatt/logg-ut`.
pub fn staff_sign_out() -> String {
    route::STAFF_SIGN_OUT.to_string()
}

/// `/ansatt/logg-ut-overalt`: ends every session of the account.
pub fn staff_sign_out_everywhere() -> String {
    route::STAFF_SIGN_OUT_EVERYWHERE.to_string()
}

/// `/ansatt/kurs/<id>/melding`: where a message to a course's people posts.
pub fn staff_course_message(id: i32) -> String {
    route::STAFF_COURSE_MESSAGE.replace("{id}", &id.to_string())
}

/// `/ansatt/kurs/<id>`: a course's people.
pub fn staff_course(id: i32) -> String {
    format!("{}/{}/{id}", staff_home(), segment::COURSE)
}

/// `/ansatt/kurs/<id>/deltakere.csv`.
pub fn staff_course_csv(id: i32) -> String {
    route::STAFF_COURSE_CSV.replace("{id}", &id.to_string())
}

/// `/personvern`.
pub fn privacy() -> String {
    format!("/{}", segment::PRIVACY)
}

/// `/sprak`: where the language switcher posts.
pub fn language() -> String {
    route::LANGUAGE.to_string()
}

/// Where the header's "larger text" form posts.
pub fn text_size() -> String {
    route::TEXT_SIZE.to_string()
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

/// The current address without any `lang=` parameter: for the language
/// switcher to return to (or the URL would override the choice), and the
/// page's address in no particular language.
pub fn without_lang(pathname: &str, search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        pathname.to_string()
    } else {
        format!("{pathname}?{}", kept.join("&"))
    }
}

/// `page` (from [`without_lang`]) in `lang`, whatever the reader's cookie
/// or browser asks for.
pub fn in_lang(page: &str, lang: Lang) -> String {
    let join = if page.contains('?') { '&' } else { '?' };
    format!("{page}{join}lang={}", lang.code())
}

/// Whether search engines may list the page at `path`: the public pages,
/// not the staff area, sign-up forms or the links from emails.
pub fn is_listed(path: &str) -> bool {
    path != route::HEALTH
        && !path
            .split('/')
            .any(|s| s == segment::STAFF || s == segment::SIGN_UP)
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

    #[test]
    fn the_language_is_dropped_from_an_address_and_put_back() {
        assert_eq!(without_lang("/bydel/ostbyen", ""), "/bydel/ostbyen");
        assert_eq!(without_lang("/tilbud", "?lang=en&q=kor"), "/tilbud?q=kor");
        assert_eq!(
            without_lang("/tilbud", "?q=kor&lang=nn&free=1"),
            "/tilbud?q=kor&free=1"
        );
        assert_eq!(in_lang("/", Lang::Nn), "/?lang=nn");
        assert_eq!(in_lang("/tilbud?q=kor", Lang::En), "/tilbud?q=kor&lang=en");
    }

    #[test]
    fn staff_and_sign_up_pages_are_not_listed() {
        assert!(is_listed("/") && is_listed("/bydel/ostbyen") && is_listed("/tilbud/kor"));
        for path in [
            "/ansatt",
            "/ansatt/kurs/3",
            "/tilbud/kor/pamelding",
            "/tilbud/kor/pamelding/sendt",
            "/pamelding/bekreft",
            "/healthz",
        ] {
            assert!(!is_listed(path), "{path}");
        }
    }

    /// A route pattern with its parameters filled in.
    fn fill(pattern: &str, slug: &str) -> String {
        pattern.replace("{slug}", slug)
    }

    #[test]
    fn builders_and_route_patterns_agree() {
        assert_eq!(calendar("kor"), fill(route::CALENDAR, "kor"));
        assert_eq!(
            listing_calendar(Some("ostbyen"), &ListingFilter::default()),
            fill(route::DISTRICT_CALENDAR, "ostbyen")
        );
        assert_eq!(
            listing_calendar(None, &ListingFilter::default()),
            route::LISTING_CALENDAR
        );
        assert_eq!(
            district_changes("ostbyen"),
            fill(route::DISTRICT_CHANGES, "ostbyen")
        );
        assert_eq!(
            programme_pdf("ostbyen", &ListingFilter::default(), None),
            fill(route::DISTRICT_PROGRAMME_PDF, "ostbyen")
        );
        assert_eq!(sitemap_offerings(2), "/sitemap/tilbud-2.xml");
        let free = ListingFilter {
            free_only: true,
            ..Default::default()
        };
        assert_eq!(
            programme("ostbyen", &free, "2026-12-14".parse().ok()),
            "/bydel/ostbyen/ukeprogram?free=1&uke=2026-W51"
        );
        assert_eq!(
            webcal("https://treffpunkt.example/tilbud/kalender.ics?free=1"),
            "webcal://treffpunkt.example/tilbud/kalender.ics?free=1"
        );
        assert_eq!(sign_up("kor"), fill(route::SIGN_UP, "kor"));
        assert_eq!(confirm(), route::CONFIRM);
        assert_eq!(cancel(), route::CANCEL);
        assert_eq!(district("ostbyen"), "/bydel/ostbyen");
        assert_eq!(sign_up_sent("kor"), "/tilbud/kor/pamelding/sendt");
        assert_eq!(confirm_link("abc"), "/pamelding/bekreft?token=abc");
        assert_eq!(
            staff_sign_in_link("abc"),
            format!("{}?token=abc", route::STAFF_SIGN_IN_LINK)
        );
        assert_eq!(staff_course_csv(7), "/ansatt/kurs/7/deltakere.csv");
        assert_eq!(staff_course(7), "/ansatt/kurs/7");
        assert!(is_staff("/ansatt") && is_staff(&staff_sign_in()));
        assert!(!is_staff("/ansattliste"));
        assert!(
            is_staff("/ansatt?status=submitted"),
            "a list with its query"
        );
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
