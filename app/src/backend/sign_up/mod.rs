//! Course sign-up.
//!
//! - [`flow`]: the state machine (sign up, confirm, cancel, promote, expire).
//! - [`tokens`]: the confirm and cancel links.
//! - [`notify`]: who is emailed about a sign-up.

pub mod flow;
pub mod notify;
pub mod tokens;

pub use flow::{LinkView, Receipt, cancel, confirm, expire_holds, sign_up, view_link};
pub use tokens::Purpose;
