//! Sending what is due: claim a row, write its email, send it, record the
//! outcome; failures are retried with exponential backoff and jitter until
//! the row is given up and marked failed, visible to staff.
//!
//! A worker that dies mid-send leaves its row claimed for one send timeout
//! and a margin; then another pass sends it again under the same
//! Message-ID, which lets mail systems drop the duplicate.

use chrono::Duration;
use sea_orm::DbErr;

use super::compose::{Composed, Composer};
use super::outbox::{self, Outcome};
use super::transport::Mailer;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::settings::{MailSettings, SiteSettings};

/// How the worker retries.
#[derive(Clone, Debug)]
pub struct Retry {
    /// Attempts before a row is marked failed.
    pub max_attempts: i32,
    /// Wait after the first failure; doubles with each further one.
    pub base: Duration,
    /// The longest wait between attempts.
    pub cap: Duration,
}

impl Retry {
    /// Exponential backoff with up to 25 % random jitter, so that many rows
    /// failing together do not retry together.
    fn delay(&self, attempts: i32) -> Duration {
        let exp = self
            .base
            .checked_mul(1 << attempts.clamp(0, 20))
            .unwrap_or(self.cap)
            .min(self.cap);
        let jitter = rand::random_range(0..=exp.num_milliseconds().max(4) / 4);
        exp + Duration::milliseconds(jitter)
    }
}

/// What the worker sends with.
#[derive(Clone, Debug)]
pub struct Outgoing {
    /// The site's public address, for the links in emails.
    pub public_url: String,
    pub retry: Retry,
    /// How long a claim on a row lasts.
    pub claim: Duration,
    /// The longest one send may take; what is left of a claim must cover
    /// it when the send starts.
    pub send_timeout: Duration,
}

impl Outgoing {
    pub fn new(site: &SiteSettings, mail: &MailSettings) -> Self {
        Outgoing {
            public_url: site.public_url.clone(),
            retry: Retry {
                max_attempts: mail.max_attempts,
                base: Duration::seconds(30),
                cap: Duration::hours(2),
            },
            claim: mail.claim(),
            send_timeout: Duration::from_std(mail.send_timeout).unwrap_or(Duration::seconds(20)),
        }
    }
}

impl Default for Outgoing {
    fn default() -> Self {
        Outgoing::new(&SiteSettings::default(), &MailSettings::default())
    }
}

/// What one pass over the outbox did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
    pub discarded: u32,
    /// Rows another worker took over (this one's claim had run out).
    pub lost: u32,
}

/// How handling one claimed row ended.
enum Handled {
    Finished(Outcome),
    /// The claim ran out and another worker has the row now.
    Lost,
}

/// Sends the next due email, if any. `clock` is read at the claim, again
/// when the written email's claim is renewed for the send, and at the
/// finish.
async fn send_next(
    db: &Db,
    mailer: &Mailer,
    outgoing: &Outgoing,
    composer: &mut Composer<'_>,
    clock: &impl Fn() -> Now,
) -> Result<Option<Handled>, DbErr> {
    let claimed_at = clock().utc;
    let Some(claim) = outbox::claim_next(db, claimed_at, outgoing.claim).await? else {
        return Ok(None);
    };
    let attempts = claim.row.attempts + 1;
    let give_up_or_retry = |error: String| {
        if attempts >= outgoing.retry.max_attempts {
            Outcome::Failed { error }
        } else {
            Outcome::Retry {
                at: clock().utc + outgoing.retry.delay(attempts - 1),
                error,
            }
        }
    };
    let outcome = match composer.compose(&claim.row, clock()).await {
        Ok(Composed::Send(email)) => {
            // Writing the email is quick as a rule; if it was not, renew the
            // claim so the send still has all of its time.
            let now = clock().utc;
            let left = claimed_at + outgoing.claim - now;
            if left < outgoing.send_timeout
                && !outbox::renew(db, &claim, now, outgoing.claim).await?
            {
                return Ok(Some(Handled::Lost));
            }
            match mailer.deliver(&email, &claim.row.message_id).await {
                Ok(()) => Outcome::Sent,
                Err(e) => give_up_or_retry(e.to_string()),
            }
        }
        Ok(Composed::Discard) => Outcome::Discarded,
        Err(e) => {
            e.log();
            give_up_or_retry(e.detail())
        }
    };
    match &outcome {
        Outcome::Retry { error, .. } | Outcome::Failed { error } => tracing::warn!(
            id = claim.row.id,
            to = %claim.row.recipient_masked,
            attempts,
            error = %super::mask_addresses(error),
            "email not sent"
        ),
        Outcome::Sent | Outcome::Discarded => {}
    }
    if outbox::finish(db, &claim, outcome.clone(), clock().utc).await? {
        Ok(Some(Handled::Finished(outcome)))
    } else {
        Ok(Some(Handled::Lost))
    }
}

/// Sends what is due, one row at a time, for as long as `keep_going`
/// says (the worker stops between rows at shutdown).
pub async fn send_while(
    db: &Db,
    mailer: &Mailer,
    outgoing: &Outgoing,
    clock: impl Fn() -> Now,
    keep_going: impl Fn() -> bool,
) -> Result<Pass, DbErr> {
    let mut composer = Composer::new(db, &outgoing.public_url);
    let mut pass = Pass::default();
    while keep_going()
        && let Some(handled) = send_next(db, mailer, outgoing, &mut composer, &clock).await?
    {
        match handled {
            Handled::Finished(Outcome::Sent) => pass.sent += 1,
            Handled::Finished(Outcome::Retry { .. }) => pass.retried += 1,
            Handled::Finished(Outcome::Failed { .. }) => pass.failed += 1,
            Handled::Finished(Outcome::Discarded) => pass.discarded += 1,
            Handled::Lost => {
                tracing::warn!("an email's claim ran out and another worker took it over");
                pass.lost += 1;
            }
        }
    }
    Ok(pass)
}

/// Sends everything due now; for tests and tools.
pub async fn send_due(
    db: &Db,
    mailer: &Mailer,
    outgoing: &Outgoing,
    clock: impl Fn() -> Now,
) -> Result<Pass, DbErr> {
    send_while(db, mailer, outgoing, clock, || true).await
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_bounded_jitter() {
        let retry = Outgoing::default().retry;
        for attempt in 0..12 {
            let exp = (retry.base * (1 << attempt)).min(retry.cap);
            let d = retry.delay(attempt);
            assert!(
                d >= exp && d <= exp + exp / 4 + Duration::milliseconds(1),
                "{attempt}: {d}"
            );
        }
    }
}
