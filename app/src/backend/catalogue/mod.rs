//! Writing the catalogue: the one write path for offerings. Whatever
//! changes an offering (the staff forms; the importer writes whole
//! directories) does it here, in one transaction that also keeps the read
//! model and the directory's version current, so every page, feed and
//! search of every server shows the change within a second or two.
//!
//! - [`status`]: publishing, unpublishing, submitting, approving,
//!   returning and archiving, with who may do which.

pub mod status;
