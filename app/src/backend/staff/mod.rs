//! The staff wing's services: who may sign in and how, the sessions they
//! keep, what each role may reach, and the audit log of what they did.
//! Public code never imports this module.
//!
//! - [`accounts`]: members of staff and the organisations they work for.
//! - [`sign_in`]: the emailed one-time code and link.
//! - [`sessions`]: signed-in browsers, kept in the database.
//! - [`access`]: the one place that decides who may do what.
//! - [`audit`]: the append-only log.
//! - [`roster`]: what staff read: their offerings, a course's people.
//! - [`reports`]: the outbox and the audit log, for editors.
//! - [`participants`]: what an organiser does to a course's sign-ups.

pub mod access;
pub mod accounts;
pub mod audit;
pub mod organisations;
pub mod participants;
pub mod passwords;
pub mod reports;
pub mod roster;
pub mod sessions;
pub mod sign_in;
pub mod venues;

pub use access::Staff;
