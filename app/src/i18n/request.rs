//! The language of an HTTP request, negotiated on the server.

use http::{HeaderMap, Uri, header};

use crate::domain::lang::Lang;

/// The name of the cookie that remembers the reader's language.
pub const LANG_COOKIE: &str = "lang";

/// The language of a request: `?lang=` in the URL, then the `lang` cookie,
/// then `Accept-Language`, then Bokmål.
pub fn request_lang(uri: &Uri, headers: &HeaderMap) -> Lang {
    let query = uri.query().and_then(|q| {
        q.split('&')
            .filter_map(|pair| pair.split_once('='))
            .find(|(k, _)| *k == "lang")
            .map(|(_, v)| v.to_string())
    });
    let accept = headers
        .get(header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok());
    Lang::negotiate(query.as_deref(), cookie(headers, LANG_COOKIE), accept)
}

/// The value of the cookie `name` a request carries.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|c| c.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The name of the cookie that asks for larger text and stronger contrast.
pub const TEXT_SIZE_COOKIE: &str = "text";
/// Its value when it does.
pub const LARGE_TEXT: &str = "large";

/// Whether a request asks for larger text and stronger contrast.
pub fn wants_large_text(headers: &HeaderMap) -> bool {
    cookie(headers, TEXT_SIZE_COOKIE) == Some(LARGE_TEXT)
}
