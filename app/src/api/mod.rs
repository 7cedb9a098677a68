//! Server functions: thin adapters from a page to one service call.

pub mod directory;
pub mod sign_up;
pub mod staff;
