use leptos::server_fn::codec::JsonEncoding;
use leptos::server_fn::error::{FromServerFnError, ServerFnErrorErr};
use serde::{Deserialize, Serialize};

/// The one error type that reaches a page. Each variant's message is the
/// Fluent key of its translated text; the cause is logged on the server and
/// never shown.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, thiserror::Error)]
pub enum AppError {
    #[error("error-not-found")]
    NotFound,
    #[error("error-internal")]
    Internal,
    #[error("link-invalid")]
    LinkInvalid,
    #[error("link-expired")]
    LinkExpired,
}

impl AppError {
    pub const ALL: [AppError; 4] = [
        AppError::NotFound,
        AppError::Internal,
        AppError::LinkInvalid,
        AppError::LinkExpired,
    ];

    /// The Fluent key that explains this error to a resident.
    pub fn key(&self) -> &'static str {
        match self {
            AppError::NotFound => "error-not-found",
            AppError::Internal => "error-internal",
            AppError::LinkInvalid => "link-invalid",
            AppError::LinkExpired => "link-expired",
        }
    }

    /// HTTP status the error page answers with.
    pub fn status(&self) -> u16 {
        match self {
            AppError::NotFound => 404,
            AppError::Internal => 500,
            AppError::LinkInvalid => 404,
            AppError::LinkExpired => 410,
        }
    }
}

impl FromServerFnError for AppError {
    type Encoder = JsonEncoding;

    fn from_server_fn_error(_value: ServerFnErrorErr) -> Self {
        AppError::Internal
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_the_fluent_key() {
        for e in AppError::ALL {
            assert_eq!(e.to_string(), e.key());
        }
    }
}
