//! Plain types shared by the server and the browser build: languages,
//! offerings, filters, schedules, sign-up validation and the error that
//! crosses the wire.

pub mod catalogue;
pub mod error;
pub mod filter;
pub mod lang;
pub mod mail;
pub mod offering;
pub mod programme;
pub mod schedule;
pub mod sign_up;
pub mod slug;
pub mod staff;
pub mod typed;

/// The schemes a link typed by anyone but us may have.
pub const WEB_SCHEMES: [&str; 2] = ["http", "https"];

/// Whether `url` is an absolute `http` or `https` address: the only links
/// typed by staff or imported that a page shows as links (never
/// `javascript:` or `data:`).
pub fn is_web_address(url: &str) -> bool {
    let url = url.trim_start();
    WEB_SCHEMES.iter().any(|scheme| {
        url.get(..scheme.len())
            .is_some_and(|s| s.eq_ignore_ascii_case(scheme))
            && url
                .get(scheme.len()..)
                .is_some_and(|rest| rest.len() > 3 && rest.starts_with("://"))
    })
}

/// A state or kind with a stable text code: its value in the database and
/// in URLs, and the suffix of its Fluent keys. The codes are written once,
/// in each enum's strum attributes; sea-orm stores the same codes (a test
/// per enum holds the two together).
pub trait Code: Copy + Into<&'static str> + std::str::FromStr {
    fn code(self) -> &'static str {
        self.into()
    }

    fn from_code(code: &str) -> Option<Self> {
        code.parse().ok()
    }
}

impl<T: Copy + Into<&'static str> + std::str::FromStr> Code for T {}

/// Declares an enum of states or kinds whose variants have stable
/// snake_case codes: serde (props, URLs), strum ([`Code`], iteration) and,
/// on the server, sea-orm (the column) all read the one `rename_all` rule.
macro_rules! coded_enum {
    (
        $(#[$meta:meta])*
        $vis:vis enum $name:ident {
            $($(#[$variant_meta:meta])* $variant:ident),* $(,)?
        }
    ) => {
        $(#[$meta])*
        #[derive(
            Clone,
            Copy,
            Debug,
            PartialEq,
            Eq,
            Hash,
            serde::Serialize,
            serde::Deserialize,
            strum::IntoStaticStr,
            strum::EnumString,
            strum::EnumIter,
        )]
        #[serde(rename_all = "snake_case")]
        #[strum(serialize_all = "snake_case")]
        #[cfg_attr(feature = "ssr", derive(sea_orm::DeriveActiveEnum))]
        #[cfg_attr(
            feature = "ssr",
            sea_orm(rs_type = "String", db_type = "Text", rename_all = "snake_case")
        )]
        $vis enum $name {
            $($(#[$variant_meta])* $variant),*
        }
    };
}
pub(crate) use coded_enum;

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use sea_orm::ActiveEnum;
    use strum::IntoEnumIterator;

    use super::lang::Lang;
    use super::offering::{Audience, OfferingKind, OfferingStatus, OrganisationKind};
    use super::sign_up::SignUpStatus;
    use super::staff::{AuditAction, Role};
    use super::{Code, is_web_address};

    fn agree<E: ActiveEnum<Value = String> + Code + IntoEnumIterator + std::fmt::Debug>() {
        for value in E::iter() {
            assert_eq!(value.to_value(), value.code(), "{value:?}");
            assert_eq!(
                E::from_code(value.code()).map(|v| v.to_value()),
                Some(value.to_value())
            );
        }
    }

    #[test]
    fn only_web_addresses_are_links() {
        for good in ["https://lag.no", "HTTP://lag.no/x", " https://lag.no"] {
            assert!(is_web_address(good), "{good}");
        }
        for bad in [
            "javascript:alert(1)",
            "JaVaScRiPt://x",
            "data:text/html,x",
            "//evil.example",
            "https:",
            "lag.no",
        ] {
            assert!(!is_web_address(bad), "{bad}");
        }
    }

    #[test]
    fn database_values_are_the_codes() {
        agree::<Lang>();
        agree::<OfferingKind>();
        agree::<OfferingStatus>();
        agree::<OrganisationKind>();
        agree::<Audience>();
        agree::<SignUpStatus>();
        agree::<Role>();
        agree::<AuditAction>();
    }
}
