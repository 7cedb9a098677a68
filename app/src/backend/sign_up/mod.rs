//! Course sign-up.
//!
//! - [`flow`]: the state machine (sign up, confirm, cancel, promote, expire).
//! - [`notify`]: who is emailed about a sign-up.

pub mod flow;
pub mod notify;

pub use crate::backend::tokens::Purpose;
pub use flow::{LinkView, Receipt, cancel, confirm, expire_holds, sign_up, view_link};
