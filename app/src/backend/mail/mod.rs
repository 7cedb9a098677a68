//! Email: what to send is queued in the outbox in the transaction that
//! causes it; the worker writes each email when it sends it and forgets the
//! recipient soon after.
//!
//! - [`outbox`]: the queue's rows: queueing, claiming, finishing, purging.
//! - [`render`]: an email's text and HTML from Fluent, in its language.
//! - [`compose`]: what an outbox row becomes at sending time, with fresh
//!   link tokens.
//! - [`transport`]: SMTP, `.eml` files, or memory for tests.
//! - [`worker`]: one pass over what is due.

pub mod compose;
pub mod outbox;
pub mod render;
pub mod transport;
pub mod worker;

pub use crate::domain::mail::{EmailKind, OutboxStatus};

pub use transport::{MailError, Mailer, Transport};
pub use worker::{Pass, send_due};

/// "k***@e***.no": enough to tell addresses apart in logs and in the staff
/// outbox, not enough to write to anyone or to recognise a personal domain.
pub fn mask(address: &str) -> String {
    let Some((local, domain)) = address.rsplit_once('@') else {
        return "***".into();
    };
    let first = |s: &str| s.chars().next().map(String::from).unwrap_or_default();
    let tld = domain
        .rsplit_once('.')
        .map(|(_, tld)| tld)
        .unwrap_or_default();
    format!("{}***@{}***.{tld}", first(local), first(domain))
}

/// `text` with every email address in it masked: SMTP servers quote the
/// recipient in their errors, and errors are stored and logged.
pub fn mask_addresses(text: &str) -> String {
    text.split_inclusive(|c: char| {
        c.is_whitespace() || matches!(c, '<' | '>' | ',' | ';' | '"' | '\'' | '(' | ')')
    })
    .map(|piece| {
        let end = piece.len()
            - piece
                .chars()
                .last()
                .filter(|c| !c.is_alphanumeric() && !matches!(c, '.' | '-' | '_'))
                .map_or(0, char::len_utf8);
        let (word, tail) = piece.split_at(end);
        if word.contains('@') {
            format!("{}{tail}", mask(word))
        } else {
            piece.to_string()
        }
    })
    .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn masks_addresses_in_logs_and_errors() {
        assert_eq!(mask("kari.nordmann@nordmann.no"), "k***@n***.no");
        assert_eq!(mask("nonsense"), "***");
        let smtp = "550 5.1.1 <kari@nordmann.no>: Recipient address rejected; ola@x.example too";
        let masked = mask_addresses(smtp);
        assert!(
            !masked.contains("kari@") && !masked.contains("nordmann"),
            "{masked}"
        );
        assert!(masked.contains("<k***@n***.no>: Recipient"), "{masked}");
        assert!(masked.contains("o***@x***.example too"), "{masked}");
    }
}
