//! Translation for views. The server renders every page, so only the ssr
//! build carries Fluent; islands get their few strings as props.

pub mod format;
#[cfg(feature = "ssr")]
pub mod loader;
#[cfg(feature = "ssr")]
mod request;
#[cfg(feature = "ssr")]
pub use request::{LANG_COOKIE, LARGE_TEXT, TEXT_SIZE_COOKIE, request_lang, wants_large_text};

use chrono::{Datelike, NaiveDate, NaiveTime, Timelike};
use leptos::prelude::*;

pub use crate::domain::lang::Lang;

/// A value passed to a Fluent message.
#[derive(Clone, Debug)]
pub enum Arg {
    Str(String),
    Num(i64),
}

impl From<&str> for Arg {
    fn from(v: &str) -> Self {
        Arg::Str(v.to_string())
    }
}
impl From<String> for Arg {
    fn from(v: String) -> Self {
        Arg::Str(v)
    }
}
impl From<i64> for Arg {
    fn from(v: i64) -> Self {
        Arg::Num(v)
    }
}
impl From<i32> for Arg {
    fn from(v: i32) -> Self {
        Arg::Num(v.into())
    }
}
impl From<u32> for Arg {
    fn from(v: u32) -> Self {
        Arg::Num(v.into())
    }
}

/// The translator of one request, in the language the server negotiated.
#[derive(Clone)]
pub struct Tr {
    lang: Lang,
    #[cfg(feature = "ssr")]
    loader: std::sync::Arc<i18n_embed::fluent::FluentLanguageLoader>,
}

impl Tr {
    #[cfg(feature = "ssr")]
    pub fn new(lang: Lang) -> Self {
        Tr {
            lang,
            loader: loader::loader_for(lang),
        }
    }

    pub fn lang(&self) -> Lang {
        self.lang
    }

    /// The text of `key` in this request's language.
    pub fn t(&self, key: &str) -> String {
        self.t_with(key, &[])
    }

    /// The text of `key` with arguments.
    pub fn t_with(&self, key: &str, args: &[(&str, Arg)]) -> String {
        #[cfg(feature = "ssr")]
        {
            use fluent::FluentValue;
            use std::collections::HashMap;
            let args: HashMap<&str, FluentValue<'_>> = args
                .iter()
                .map(|(name, value)| {
                    let value = match value {
                        Arg::Str(s) => FluentValue::from(s.clone()),
                        Arg::Num(n) => FluentValue::from(*n),
                    };
                    (*name, value)
                })
                .collect();
            self.loader.get_args_concrete(key, args)
        }
        #[cfg(not(feature = "ssr"))]
        {
            // Pages render on the server only; the browser build never asks.
            let _ = args;
            key.to_string()
        }
    }

    /// "tirsdag 14. januar", with the year added when it is not this year's.
    pub fn date(&self, date: NaiveDate, this_year: i32) -> String {
        let weekday = self.weekday(date.weekday().number_from_monday() as u8);
        let month = self.t(&format!("month-{}", date.month()));
        let key = if date.year() == this_year {
            "date-long"
        } else {
            "date-long-year"
        };
        self.t_with(
            key,
            &[
                ("weekday", weekday.into()),
                ("day", i64::from(date.day()).into()),
                ("month", month.into()),
                ("year", i64::from(date.year()).into()),
            ],
        )
    }

    /// "14.01.2027", for facts like "last checked".
    pub fn date_short(&self, date: NaiveDate) -> String {
        self.t_with(
            "date-short",
            &[
                ("day", format!("{:02}", date.day()).into()),
                ("month", format!("{:02}", date.month()).into()),
                ("year", i64::from(date.year()).into()),
            ],
        )
    }

    /// "10.00" in Norwegian, "10:00" in English.
    pub fn time(&self, time: NaiveTime) -> String {
        self.t_with(
            "time",
            &[
                ("hour", format!("{:02}", time.hour()).into()),
                ("minute", format!("{:02}", time.minute()).into()),
            ],
        )
    }

    /// "kl. 10.00–11.00".
    pub fn time_range(&self, start: NaiveTime, end: NaiveTime) -> String {
        self.t_with(
            "time-range",
            &[
                ("start", self.time(start).into()),
                ("end", self.time(end).into()),
            ],
        )
    }

    /// Weekday name from an ISO number, 1 = Monday.
    pub fn weekday(&self, iso: u8) -> String {
        self.t(&format!("weekday-{iso}"))
    }
}

/// The translator of this request, negotiated and provided on first use:
/// the shell asks first; route listing at start-up renders the app alone.
pub fn request_tr() -> Tr {
    if let Some(tr) = use_context::<Tr>() {
        return tr;
    }
    #[cfg(feature = "ssr")]
    let lang = use_context::<http::request::Parts>()
        .map(|parts| request_lang(&parts.uri, &parts.headers))
        .unwrap_or_default();
    #[cfg(not(feature = "ssr"))]
    let lang = Lang::default();
    #[cfg(feature = "ssr")]
    let tr = Tr::new(lang);
    #[cfg(not(feature = "ssr"))]
    let tr = Tr { lang };
    provide_context(tr.clone());
    tr
}

/// Whether the current request asks for larger text and stronger
/// contrast (the `text` cookie the header's form sets). Only the server
/// renders the pages that show it.
pub fn request_large_text() -> bool {
    #[cfg(feature = "ssr")]
    return use_context::<http::request::Parts>()
        .is_some_and(|parts| wants_large_text(&parts.headers));
    #[cfg(not(feature = "ssr"))]
    false
}

/// The translator provided for the current request.
pub fn use_tr() -> Tr {
    expect_context::<Tr>()
}
