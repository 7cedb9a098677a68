//! Small views shared by the pages.

pub mod card;
pub mod error;
pub mod escape;
pub mod filters;
pub mod layout;
pub mod listing;
pub mod load;
pub mod print;
pub mod sign_up_form;
pub mod title;
