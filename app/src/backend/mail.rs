//! Sending the outbox. A background worker claims due rows, sends them over
//! SMTP (or writes them as `.eml` files when no SMTP server is configured),
//! marks them sent, and retries failures with exponential backoff and
//! jitter until it gives up and marks them failed, visible to staff.
//!
//! Claims expire, so a worker that dies mid-send leaves nothing stuck: the
//! row is sent again after the claim runs out, with the same Message-ID
//! (`<outbox-ID@domain>`), which lets mail systems drop the duplicate.

use std::path::PathBuf;
use std::sync::Arc;
use std::time::Duration as StdDuration;

use chrono::{Duration, NaiveDateTime};
use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, ConnectionTrait, DatabaseConnection, DbErr,
    EntityTrait, QueryFilter, QueryOrder, QuerySelect, Set, SqliteTransactionMode,
    TransactionOptions, TransactionTrait,
};
use tokio::sync::Notify;

use super::email::OutboxStatus;
use super::entities::outbox;
use super::sign_up::{self, Now, Settings};

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Tls {
    /// Plain connection, upgraded with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or in tests.
    None,
}

/// Where email goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per email in this folder: the default run, so a new
    /// user sees exactly what would have been sent.
    Files(PathBuf),
}

/// Why building or sending one email failed.
#[derive(Debug, thiserror::Error)]
pub enum MailError {
    #[error("invalid address: {0}")]
    Address(#[from] lettre::address::AddressError),
    #[error("could not build the message: {0}")]
    Build(#[from] lettre::error::Error),
    #[error("SMTP: {0}")]
    Smtp(#[from] lettre::transport::smtp::Error),
    #[error("writing the file: {0}")]
    File(#[from] std::io::Error),
}

/// Sends outbox rows.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// The domain part of Message-IDs.
    domain: String,
}

impl Mailer {
    pub fn new(transport: Transport, from: Mailbox) -> Self {
        let domain = from.email.domain().to_string();
        Mailer {
            transport,
            from,
            domain,
        }
    }

    /// An SMTP transport to `host:port`.
    pub fn smtp(
        host: &str,
        port: u16,
        tls: Tls,
        credentials: Option<(String, String)>,
    ) -> Result<Transport, MailError> {
        let mut builder = match tls {
            Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(host)?,
            Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(host)?,
            Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(host),
        }
        .port(port)
        .timeout(Some(StdDuration::from_secs(20)));
        if let Some((user, password)) = credentials {
            builder = builder.credentials(Credentials::new(user, password));
        }
        Ok(Transport::Smtp(builder.build()))
    }

    /// The message for an outbox row: plain text and HTML, and the
    /// calendar file when there is one.
    pub fn message(&self, row: &outbox::Model) -> Result<Message, MailError> {
        let body = MultiPart::alternative_plain_html(row.body_text.clone(), row.body_html.clone());
        let body = match &row.attachment {
            Some(ics) => MultiPart::mixed().multipart(body).singlepart(
                Attachment::new("kurs.ics".to_string()).body(
                    ics.clone(),
                    ContentType::parse("text/calendar; charset=utf-8; method=PUBLISH")
                        .expect("valid content type"),
                ),
            ),
            None => MultiPart::mixed().multipart(body),
        };
        Ok(Message::builder()
            .from(self.from.clone())
            .to(row.recipient.parse()?)
            .subject(row.subject.clone())
            .message_id(Some(format!("<outbox-{}@{}>", row.id, self.domain)))
            .multipart(body)?)
    }

    async fn deliver(&self, row: &outbox::Model) -> Result<Option<PathBuf>, MailError> {
        let message = self.message(row)?;
        match &self.transport {
            Transport::Smtp(smtp) => {
                smtp.send(message).await?;
                Ok(None)
            }
            Transport::Files(dir) => {
                tokio::fs::create_dir_all(dir).await?;
                let path = dir.join(format!("{:06}.eml", row.id));
                tokio::fs::write(&path, message.formatted()).await?;
                Ok(Some(path))
            }
        }
    }
}

/// How the worker retries.
#[derive(Clone, Debug)]
pub struct Retry {
    /// Attempts before a row is marked failed.
    pub max_attempts: i32,
    /// Wait after the first failure; doubles with each further one.
    pub base: Duration,
    /// The longest wait between attempts.
    pub cap: Duration,
    /// How long a claim lasts before another run may take the row again.
    pub claim: Duration,
}

impl Default for Retry {
    fn default() -> Self {
        Retry {
            max_attempts: 8,
            base: Duration::seconds(30),
            cap: Duration::hours(2),
            claim: Duration::minutes(5),
        }
    }
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

/// What one pass over the outbox did.
#[derive(Debug, Default, PartialEq, Eq)]
pub struct Pass {
    pub sent: u32,
    pub retried: u32,
    pub failed: u32,
}

/// Claims due rows (and rows whose claim ran out) so no other pass sends
/// them meanwhile.
async fn claim(
    db: &DatabaseConnection,
    now: NaiveDateTime,
    retry: &Retry,
) -> Result<Vec<outbox::Model>, DbErr> {
    let txn = db
        .begin_with_options(TransactionOptions {
            sqlite_transaction_mode: Some(SqliteTransactionMode::Immediate),
            ..Default::default()
        })
        .await?;
    let mut query = outbox::Entity::find()
        .filter(
            Condition::any()
                .add(
                    Condition::all()
                        .add(outbox::Column::Status.eq(OutboxStatus::Pending.code()))
                        .add(outbox::Column::NextAttemptAt.lte(now)),
                )
                .add(
                    Condition::all()
                        .add(outbox::Column::Status.eq(OutboxStatus::Sending.code()))
                        .add(outbox::Column::ClaimedUntil.lt(now)),
                ),
        )
        .order_by_asc(outbox::Column::Id)
        .limit(20);
    if txn.get_database_backend() == sea_orm::DbBackend::Postgres {
        query = query.lock_with_behavior(
            sea_orm::sea_query::LockType::Update,
            sea_orm::sea_query::LockBehavior::SkipLocked,
        );
    }
    let rows = query.all(&txn).await?;
    let mut claimed = Vec::with_capacity(rows.len());
    for row in rows {
        let mut active: outbox::ActiveModel = row.into();
        active.status = Set(OutboxStatus::Sending.code().to_string());
        active.claimed_until = Set(Some(now + retry.claim));
        claimed.push(active.update(&txn).await?);
    }
    txn.commit().await?;
    Ok(claimed)
}

/// Sends what is due once.
pub async fn send_due(
    db: &DatabaseConnection,
    mailer: &Mailer,
    now: NaiveDateTime,
    retry: &Retry,
) -> Result<Pass, DbErr> {
    let mut pass = Pass::default();
    for row in claim(db, now, retry).await? {
        let result = mailer.deliver(&row).await;
        let attempts = row.attempts + 1;
        let mut active: outbox::ActiveModel = row.clone().into();
        active.attempts = Set(attempts);
        active.claimed_until = Set(None);
        match result {
            Ok(file) => {
                match file {
                    Some(path) => {
                        tracing::info!(id = row.id, path = %path.display(), "email written")
                    }
                    None => tracing::info!(id = row.id, to = %mask(&row.recipient), "email sent"),
                }
                active.status = Set(OutboxStatus::Sent.code().to_string());
                active.sent_at = Set(Some(now));
                pass.sent += 1;
            }
            Err(e) => {
                tracing::warn!(id = row.id, to = %mask(&row.recipient), attempts, error = %e, "email not sent");
                active.last_error = Set(Some(e.to_string()));
                if attempts >= retry.max_attempts {
                    active.status = Set(OutboxStatus::Failed.code().to_string());
                    pass.failed += 1;
                } else {
                    active.status = Set(OutboxStatus::Pending.code().to_string());
                    active.next_attempt_at = Set(now + retry.delay(attempts - 1));
                    pass.retried += 1;
                }
            }
        }
        active.update(db).await?;
    }
    Ok(pass)
}

/// "k***@example.no": enough to tell addresses apart in logs, not to
/// harvest them.
pub fn mask(address: &str) -> String {
    match address.split_once('@') {
        Some((local, domain)) => {
            let first: String = local.chars().take(1).collect();
            format!("{first}***@{domain}")
        }
        None => "***".into(),
    }
}

/// The background worker's settings.
#[derive(Clone, Debug)]
pub struct WorkerSettings {
    pub retry: Retry,
    /// How often the worker looks for due mail when not woken.
    pub poll: StdDuration,
    /// Days before a course's first session that the reminder goes out.
    pub reminder_days: i64,
    /// Days after a course's last session that sign-ups are anonymised.
    pub anonymise_after_days: i64,
}

impl Default for WorkerSettings {
    fn default() -> Self {
        WorkerSettings {
            retry: Retry::default(),
            poll: StdDuration::from_secs(5),
            reminder_days: 2,
            anonymise_after_days: 30,
        }
    }
}

/// Runs forever: expires holds, sends reminders, anonymises old sign-ups
/// and sends the outbox. `wake` makes it send at once after a sign-up.
pub async fn run_worker(
    db: DatabaseConnection,
    mailer: Mailer,
    settings: Settings,
    worker: WorkerSettings,
    wake: Arc<Notify>,
) {
    loop {
        let now = Now::real();
        if let Err(e) = sign_up::expire_holds(&db, now, &settings).await {
            tracing::error!(error = %e, "expiring holds");
        }
        if let Err(e) = sign_up::send_reminders(&db, now, &settings, worker.reminder_days).await {
            tracing::error!(error = %e, "sending reminders");
        }
        if let Err(e) = sign_up::anonymise(&db, now, worker.anonymise_after_days).await {
            tracing::error!(error = %e, "anonymising sign-ups");
        }
        match send_due(&db, &mailer, now.utc, &worker.retry).await {
            Ok(pass) if pass != Pass::default() => tracing::debug!(?pass, "outbox pass"),
            Ok(_) => {}
            Err(e) => tracing::error!(error = %e, "sending the outbox"),
        }
        tokio::select! {
            () = wake.notified() => {}
            () = tokio::time::sleep(worker.poll) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn backoff_doubles_up_to_the_cap_with_bounded_jitter() {
        let retry = Retry::default();
        for attempt in 0..12 {
            let exp = (retry.base * (1 << attempt)).min(retry.cap);
            let d = retry.delay(attempt);
            assert!(
                d >= exp && d <= exp + exp / 4 + Duration::milliseconds(1),
                "{attempt}: {d}"
            );
        }
    }

    #[test]
    fn masks_addresses_in_logs() {
        assert_eq!(mask("kari.nordmann@example.no"), "k***@example.no");
        assert_eq!(mask("nonsense"), "***");
    }
}
