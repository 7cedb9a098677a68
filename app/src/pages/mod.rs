//! One module per page.

pub mod district;
pub mod home;
pub mod not_found;
pub mod offering;
pub mod programme;
pub mod search;
pub mod sign_up;
pub mod staff;
