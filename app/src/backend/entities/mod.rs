//! Table definitions, one module per table.

pub mod account;
pub mod account_organisation;
pub mod audit_event;
pub mod cancelled_date;
pub mod category;
pub mod course_message;
pub mod course_session;
pub mod directory_state;
pub mod district;
pub mod listing;
pub mod offering;
pub mod offering_audience;
pub mod offering_category;
pub mod offering_text;
pub mod organisation;
pub mod organisation_district;
pub mod outbox;
pub mod sign_in;
pub mod sign_up;
pub mod sign_up_token;
pub mod skipped_date;
pub mod staff_session;
pub mod venue;
pub mod weekly_slot;
