//! The one error type that reaches a resident: a page, a turned-back form
//! or a server function's reply.

use std::sync::Arc;

use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// What went wrong, as a resident is told it. Each variant's text is the
/// Fluent key of its message (`{key}-title` heads the error page). An
/// internal error keeps its cause for the server's log; the cause never
/// crosses the wire.
#[derive(
    Clone, Debug, PartialEq, Eq, Serialize, Deserialize, strum::IntoStaticStr, strum::EnumIter,
)]
pub enum AppError {
    #[strum(serialize = "error-not-found")]
    NotFound,
    /// A request whose data does not decode: never sent by our pages, so
    /// nothing of it is logged.
    #[strum(serialize = "error-bad-request")]
    BadRequest,
    #[strum(serialize = "error-internal")]
    Internal(#[serde(skip)] Cause),
    #[strum(serialize = "link-invalid")]
    LinkInvalid,
    #[strum(serialize = "link-expired")]
    LinkExpired,
    #[strum(serialize = "sign-up-not-open")]
    SignUpNotOpen,
    #[strum(serialize = "sign-up-closed")]
    SignUpClosed,
    #[strum(serialize = "rate-limited")]
    RateLimited,
    /// Too much is being searched at once; try again in a moment.
    #[strum(serialize = "error-busy")]
    Busy,
    /// As many sign-ups for this course as are taken from one client,
    /// network or registrant are active already.
    #[strum(serialize = "sign-up-limit")]
    SignUpLimit,
    #[strum(serialize = "error-cross-site")]
    CrossSite,
    /// A staff page or action without a signed-in member of staff.
    #[strum(serialize = "error-sign-in-required")]
    SignInRequired,
    /// Signed in, but not allowed this: another organisation's offering,
    /// or a task of a wider role.
    #[strum(serialize = "error-forbidden")]
    Forbidden,
    /// A sign-in code or link that is wrong, used or too old; one message
    /// for all, so that it tells nothing about the account.
    #[strum(serialize = "sign-in-code-invalid")]
    SignInCodeInvalid,
    /// What was typed as an email address is not one.
    #[strum(serialize = "staff-email-invalid")]
    EmailInvalid,
    /// An organiser adding someone to a full course without a waiting list.
    #[strum(serialize = "staff-course-full")]
    CourseFull,
    /// A date to call off that is not one of the offering's coming meetings.
    #[strum(serialize = "staff-not-a-meeting")]
    NotAMeeting,
    /// An account for that address exists already.
    #[strum(serialize = "staff-account-exists")]
    AccountExists,
    /// An administrator may not take their own access away.
    #[strum(serialize = "staff-account-self")]
    OwnAccount,
    /// A wrong address or password, or passwords paused for the account
    /// after too many wrong ones; one message for all.
    #[strum(serialize = "staff-password-invalid")]
    PasswordInvalid,
    /// A new password shorter than the least allowed (or the address).
    #[strum(serialize = "staff-password-short")]
    PasswordTooShort,
    /// A new password longer than the most allowed.
    #[strum(serialize = "staff-password-long")]
    PasswordTooLong,
    /// The new password and its repetition differ.
    #[strum(serialize = "staff-password-differ")]
    PasswordsDiffer,
}

impl AppError {
    /// An internal error with the cause to log.
    pub fn internal(cause: impl std::error::Error + Send + Sync + 'static) -> Self {
        AppError::Internal(Cause(Some(Arc::new(cause))))
    }

    /// The Fluent key that explains this error to a resident.
    pub fn key(&self) -> &'static str {
        self.into()
    }

    /// HTTP status the error answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound | AppError::LinkInvalid => 404,
            AppError::Internal(_) => 500,
            AppError::Busy => 503,
            AppError::BadRequest => 400,
            AppError::LinkExpired => 410,
            AppError::SignUpNotOpen | AppError::SignUpClosed => 422,
            AppError::RateLimited | AppError::SignUpLimit => 429,
            AppError::CrossSite | AppError::Forbidden => 403,
            AppError::SignInRequired => 401,
            AppError::SignInCodeInvalid
            | AppError::EmailInvalid
            | AppError::CourseFull
            | AppError::NotAMeeting
            | AppError::AccountExists
            | AppError::OwnAccount
            | AppError::PasswordInvalid
            | AppError::PasswordTooShort
            | AppError::PasswordTooLong
            | AppError::PasswordsDiffer => 422,
        }
    }

    /// The key, and for an internal error its cause: for the log and for
    /// staff, never for a resident.
    pub fn detail(&self) -> String {
        match self {
            AppError::Internal(cause) => format!("{}: {cause}", self.key()),
            other => other.key().to_string(),
        }
    }

    /// Writes an internal error's cause to the server log; other errors are
    /// the resident's, not the operator's, and are not logged.
    pub fn log(&self) {
        #[cfg(feature = "ssr")]
        if let AppError::Internal(cause) = self {
            tracing::error!(cause = %cause, "internal error");
        }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.key())
    }
}

impl std::error::Error for AppError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AppError::Internal(Cause(Some(cause))) => Some(cause.as_ref()),
            _ => None,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(value: ServerFnErrorErr) -> Self {
        match value {
            // What a client sent that does not decode is the client's;
            // its text (an attacker's, perhaps) goes nowhere.
            ServerFnErrorErr::Args(_)
            | ServerFnErrorErr::MissingArg(_)
            | ServerFnErrorErr::UnsupportedRequestMethod(_) => AppError::BadRequest,
            other => AppError::internal(other),
        }
    }
}

/// The cause of an internal error, for the log. Causes take no part in
/// equality: two internal errors are the same error to a resident.
#[derive(Clone, Default)]
pub struct Cause(Option<Arc<dyn std::error::Error + Send + Sync>>);

impl PartialEq for Cause {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Cause {}

impl std::fmt::Debug for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        std::fmt::Display::fmt(self, f)
    }
}

/// The cause and the causes behind it, on one line.
impl std::fmt::Display for Cause {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let Some(cause) = &self.0 else {
            return f.write_str("unknown cause");
        };
        write!(f, "{cause}")?;
        let mut next = cause.source();
        while let Some(inner) = next {
            write!(f, ": {inner}")?;
            next = inner.source();
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use strum::IntoEnumIterator;

    use super::*;

    #[test]
    fn display_is_the_fluent_key() {
        for e in AppError::iter() {
            assert_eq!(e.to_string(), e.key());
        }
        assert_eq!(AppError::SignUpClosed.key(), "sign-up-closed");
    }

    #[test]
    fn the_cause_is_kept_but_never_serialised() {
        let io = std::io::Error::other("disk on fire");
        let error = AppError::internal(io);
        assert_eq!(
            std::error::Error::source(&error).map(ToString::to_string),
            Some("disk on fire".to_string())
        );
        let wire = serde_json::to_string(&error).unwrap();
        assert!(!wire.contains("disk"), "{wire}");
        let back: AppError = serde_json::from_str(&wire).unwrap();
        assert_eq!(back, error);
    }
}
