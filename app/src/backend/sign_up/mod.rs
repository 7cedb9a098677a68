//! Course sign-up.
//!
//! - [`flow`]: the state machine (sign up, confirm, cancel, promote, expire).
//! - [`by_staff`]: what a course's organiser does to its sign-ups.
//! - [`notify`]: who is emailed about a sign-up.
//! - [`limits`]: one mailbox however typed, and how much of a course one
//!   client, network or registrant may hold.

pub mod by_staff;
pub mod flow;
pub mod limits;
pub mod notify;

pub use crate::backend::tokens::Purpose;
pub use flow::{LinkView, Receipt, cancel, confirm, expire_unconfirmed, sign_up, view_link};
