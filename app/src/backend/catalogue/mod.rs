//! Writing the catalogue: the one write path for offerings. Whatever
//! changes an offering (the staff forms; the importer writes whole
//! directories) does it here, in one transaction that also keeps the read
//! model and the directory's version current, so every page, feed and
//! search of every server shows the change within a second or two.
//!
//! - [`cancel`]: calling off one date, with a reason.
//! - [`form`]: what the offering form offers and shows.
//! - [`offering`]: creating and editing an offering with all its parts;
//!   the importer builds its rows with the same code.
//! - [`status`]: publishing, unpublishing, submitting, approving,
//!   returning and archiving, with who may do which.

pub mod cancel;
pub mod form;
pub mod offering;
pub mod status;
