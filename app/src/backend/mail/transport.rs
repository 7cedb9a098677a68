//! Where email goes: an SMTP server, `.eml` files (the default run, so a
//! new user sees exactly what would have been sent), or memory (tests).

use std::path::{Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::{Duration as StdDuration, SystemTime};

use lettre::message::header::ContentType;
use lettre::message::{Attachment, Mailbox, MultiPart};
use lettre::transport::smtp::authentication::Credentials;
use lettre::{AsyncSmtpTransport, AsyncTransport, Message, Tokio1Executor};

use super::mask;
use super::render::Email;
use crate::backend::settings::{MailSettings, SmtpSettings, Tls};

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
    #[error("the SMTP server took longer than {0:?}")]
    Timeout(StdDuration),
}

/// Where email goes.
#[derive(Clone)]
pub enum Transport {
    Smtp(AsyncSmtpTransport<Tokio1Executor>),
    /// One `.eml` file per email in this folder.
    Files(PathBuf),
    /// Kept in memory, for tests to read.
    Memory(Arc<Mutex<Vec<Delivered>>>),
}

/// An email as it left, for tests that read what was sent.
#[derive(Clone, Debug)]
pub struct Delivered {
    pub message_id: String,
    pub email: Email,
}

/// Sends emails.
#[derive(Clone)]
pub struct Mailer {
    transport: Transport,
    from: Mailbox,
    /// The domain part of Message-IDs.
    domain: String,
    send_timeout: StdDuration,
}

impl Mailer {
    pub fn new(transport: Transport, from: Mailbox, send_timeout: StdDuration) -> Self {
        let domain = from.email.domain().to_string();
        Mailer {
            transport,
            from,
            domain,
            send_timeout,
        }
    }

    /// The mailer `settings` describe: SMTP when a host is set, else files.
    pub fn from_settings(settings: &MailSettings) -> Result<Self, MailError> {
        let transport = match &settings.smtp {
            Some(smtp) => Transport::Smtp(smtp_transport(smtp, settings.send_timeout)?),
            None => Transport::Files(settings.outbox_dir.clone().into()),
        };
        let from = settings.from.parse()?;
        Ok(Mailer::new(transport, from, settings.send_timeout))
    }

    /// A mailer that keeps what it sends, and the list it keeps it in.
    pub fn memory() -> (Self, Arc<Mutex<Vec<Delivered>>>) {
        let sent = Arc::new(Mutex::new(Vec::new()));
        let from = "Treffpunkt <ikke-svar@treffpunkt.example>"
            .parse()
            .expect("a valid sender");
        (
            Mailer::new(
                Transport::Memory(sent.clone()),
                from,
                StdDuration::from_secs(20),
            ),
            sent,
        )
    }

    /// The full `Message-ID` header value for a row's stored id.
    pub fn message_id(&self, id: &str) -> String {
        format!("<{id}@{}>", self.domain)
    }

    /// The message: plain text and HTML, and the calendar file when there
    /// is one.
    pub fn message(&self, email: &Email, message_id: &str) -> Result<Message, MailError> {
        let body = MultiPart::alternative_plain_html(email.text.clone(), email.html.clone());
        let body = match &email.calendar {
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
            .to(email.to.parse()?)
            .subject(email.subject.clone())
            .message_id(Some(self.message_id(message_id)))
            .multipart(body)?)
    }

    /// Sends one email, in at most the send timeout.
    pub async fn deliver(&self, email: &Email, message_id: &str) -> Result<(), MailError> {
        match &self.transport {
            Transport::Smtp(smtp) => {
                let message = self.message(email, message_id)?;
                tokio::time::timeout(self.send_timeout, smtp.send(message))
                    .await
                    .map_err(|_| MailError::Timeout(self.send_timeout))??;
                tracing::info!(to = %mask(&email.to), "email sent");
            }
            Transport::Files(dir) => {
                let message = self.message(email, message_id)?;
                tokio::fs::create_dir_all(dir).await?;
                let path = eml_path(dir, message_id);
                tokio::fs::write(&path, message.formatted()).await?;
                tracing::info!(path = %path.display(), "email written");
            }
            Transport::Memory(sent) => {
                // Built all the same, so tests catch what SMTP would refuse.
                self.message(email, message_id)?;
                sent.lock()
                    .expect("the list of sent email")
                    .push(Delivered {
                        message_id: self.message_id(message_id),
                        email: email.clone(),
                    });
            }
        }
        Ok(())
    }

    /// Removes the `.eml` files of these rows, and any file in the folder
    /// older than `keep`: they hold live links and personal data.
    pub async fn forget(&self, message_ids: &[String], keep: StdDuration) {
        let Transport::Files(dir) = &self.transport else {
            return;
        };
        for id in message_ids {
            let _ = tokio::fs::remove_file(eml_path(dir, id)).await;
        }
        let Ok(mut entries) = tokio::fs::read_dir(dir).await else {
            return;
        };
        let cutoff = SystemTime::now() - keep;
        while let Ok(Some(entry)) = entries.next_entry().await {
            let path = entry.path();
            let old = entry
                .metadata()
                .await
                .and_then(|m| m.modified())
                .is_ok_and(|modified| modified < cutoff);
            if old && path.extension().is_some_and(|e| e == "eml") {
                let _ = tokio::fs::remove_file(&path).await;
            }
        }
    }
}

fn eml_path(dir: &Path, message_id: &str) -> PathBuf {
    dir.join(format!("{message_id}.eml"))
}

fn smtp_transport(
    smtp: &SmtpSettings,
    timeout: StdDuration,
) -> Result<AsyncSmtpTransport<Tokio1Executor>, MailError> {
    let mut builder = match smtp.tls {
        Tls::StartTls => AsyncSmtpTransport::<Tokio1Executor>::starttls_relay(&smtp.host)?,
        Tls::Tls => AsyncSmtpTransport::<Tokio1Executor>::relay(&smtp.host)?,
        Tls::None => AsyncSmtpTransport::<Tokio1Executor>::builder_dangerous(&smtp.host),
    }
    .port(smtp.port)
    .timeout(Some(timeout));
    if let Some((user, password)) = &smtp.credentials {
        builder = builder.credentials(Credentials::new(user.clone(), password.clone()));
    }
    Ok(builder.build())
}

/// An SMTP mailer for `host:port` without TLS, for tests against a local
/// server.
#[cfg(feature = "test-utils")]
pub fn plain_smtp(host: &str, port: u16) -> Mailer {
    let settings = MailSettings {
        smtp: Some(SmtpSettings {
            host: host.to_string(),
            port,
            tls: Tls::None,
            credentials: None,
        }),
        ..MailSettings::default()
    };
    Mailer::from_settings(&settings).expect("a plain SMTP transport builds")
}
