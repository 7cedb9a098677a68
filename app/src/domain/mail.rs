//! What the outbox records about an email: which one, and how sending it
//! went. Shared with the staff views that will list the outbox.

use super::coded_enum;

coded_enum! {
    /// Which email an outbox row asks for.
    pub enum EmailKind {
        /// A sign-up is stored: confirm the address, and the place (or a
        /// place in line) is given then.
        ConfirmRequest,
        /// On the waiting list, with the place in line.
        WaitingList,
        /// The place is confirmed: all the details, with a calendar file.
        Confirmed,
        /// A place freed up and is yours (confirm, if not done yet).
        Promoted,
        Cancelled,
        /// Someone tried to sign this address up again; the first sign-up
        /// stands, and the address gets a fresh confirm link if it still
        /// needs one.
        AlreadySignedUp,
        /// The course starts soon.
        Reminder,
        /// The address was confirmed when the course (and its waiting list,
        /// if any) was full.
        CourseFull,
        /// A member of staff's one-time sign-in code and link.
        SignInCode,
        /// A session of the course was called off; lists every date
        /// called off, with the reasons.
        DateCancelled,
        /// To a coordinator: a listing has not been confirmed for a long
        /// time; confirm or update it.
        StaleReminder,
        /// An organiser's message to everyone signed up for a course; its
        /// words live in `course_message` until the email is purged.
        CourseMessage,
        /// To someone who signed up another person with that person's own
        /// address: the participant confirms there. The same email
        /// whatever the participant's state, so it tells nothing about
        /// them.
        SignUpReceived,
    }
}

coded_enum! {
    /// Where an outbox row stands.
    pub enum OutboxStatus {
        Pending,
        /// Claimed by a worker; due again if the claim runs out.
        Sending,
        Sent,
        /// Gave up after the configured number of attempts; staff see these.
        Failed,
        /// No longer worth sending: what it would say stopped being true (the
        /// sign-up was cancelled or anonymised, or its recipient purged).
        Discarded,
    }
}
