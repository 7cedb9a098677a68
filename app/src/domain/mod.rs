//! Plain types shared by the server and the browser build: languages,
//! offerings, filters, schedules and the error that crosses the wire.

pub mod error;
pub mod filter;
pub mod lang;
pub mod offering;
pub mod schedule;
pub mod sign_up;
