//! The background worker: sends email as soon as a change queues it, and
//! every poll interval runs the jobs, one a file. Each job selects only its
//! due rows, through an index, in batches, and one failing course is logged
//! without stopping the others.

pub mod anonymise;
pub mod demo;
pub mod expire_unconfirmed;
pub mod listing;
pub mod purge_mail;
pub mod reminders;
pub mod stale;

use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::sync::{Notify, watch};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::mail::Mailer;
use crate::backend::mail::worker::{Outgoing, Pass, send_while};
use crate::backend::settings::Settings;
use crate::domain::error::AppError;

/// Rows a job takes at a time.
pub(crate) const BATCH: u64 = 200;

/// How often the lists move on past meetings that have ended. Each move
/// raises the directory's version, which empties every server's page
/// cache; in a country of offerings some meeting ends every few seconds,
/// so the lists move on once a minute rather than at every poll.
const LISTS_EVERY: Duration = Duration::from_secs(60);

/// Logs a job's failure, on one course or as a whole; the worker goes on.
fn failed(job: &str, course_id: Option<i32>, error: &AppError) {
    error.log();
    tracing::error!(course_id, error = %error, "{job} failed");
}

/// Everything the worker needs.
pub struct Worker {
    pub db: Db,
    pub mailer: Mailer,
    pub settings: Settings,
    /// Wakes the worker after a change that queued email.
    pub wake: Arc<Notify>,
    /// Becomes `true` when the server shuts down.
    pub shutdown: watch::Receiver<bool>,
}

impl Worker {
    /// Runs until shutdown, then returns once the email being sent is done.
    pub async fn run(mut self) {
        let outgoing = Outgoing::new(&self.settings.site, &self.settings.mail);
        let poll = self.settings.mail.poll;
        let (mut jobs_ran, mut lists_moved): (Option<Instant>, Option<Instant>) = (None, None);
        loop {
            if *self.shutdown.borrow() {
                break;
            }
            if jobs_ran.is_none_or(|t| t.elapsed() >= poll) {
                let lists = lists_moved.is_none_or(|t| t.elapsed() >= LISTS_EVERY);
                self.run_jobs(Now::real(), lists).await;
                jobs_ran = Some(Instant::now());
                if lists {
                    lists_moved = jobs_ran;
                }
            }
            let shutdown = &self.shutdown;
            match send_while(&self.db, &self.mailer, &outgoing, Now::real, || {
                !*shutdown.borrow()
            })
            .await
            {
                Ok(pass) if pass != Pass::default() => tracing::debug!(?pass, "outbox pass"),
                Ok(_) => {}
                Err(e) => AppError::from(e).log(),
            }
            tokio::select! {
                () = self.wake.notified() => {}
                () = tokio::time::sleep(poll) => {}
                _ = self.shutdown.changed() => {}
            }
        }
        tracing::info!("mail worker stopped");
    }

    /// Runs every job once.
    pub async fn jobs(&self, now: Now) {
        self.run_jobs(now, true).await;
    }

    async fn run_jobs(&self, now: Now, lists: bool) {
        let s = &self.settings;
        if lists && let Err(e) = demo::run(&self.db, now).await {
            failed("moving the demo's dates on", None, &e);
        }
        if lists && let Err(e) = listing::run(&self.db, now).await {
            failed("moving the lists on", None, &e);
        }
        if let Err(e) = expire_unconfirmed::run(&self.db, now).await {
            failed("expiring unconfirmed sign-ups", None, &e);
        }
        if let Err(e) = reminders::run(&self.db, now, s.jobs.reminder_days).await {
            failed("sending reminders", None, &e);
        }
        match anonymise::run(&self.db, now, s.jobs.anonymise_after_days).await {
            Ok(done) => {
                if done.sign_ups > 0 {
                    tracing::info!(sign_ups = done.sign_ups, "anonymised sign-ups");
                }
                self.mailer
                    .forget(
                        &done.message_ids,
                        s.mail.keep_sent.to_std().unwrap_or_default(),
                    )
                    .await;
            }
            Err(e) => failed("anonymising sign-ups", None, &e),
        }
        if let Err(e) = purge_mail::run(&self.db, &self.mailer, now, s.mail.keep_sent).await {
            failed("purging sent email", None, &e);
        }
        if let Err(e) = stale::run(&self.db, now, s.jobs.stale_after_days).await {
            failed("reminding about stale listings", None, &e);
        }
        // Ended staff sessions and sign-in codes: nothing to keep them for.
        if let Err(e) = crate::backend::staff::sessions::purge(&self.db, now).await {
            failed("forgetting ended staff sessions", None, &e);
        }
        if let Err(e) = crate::backend::staff::sign_in::purge(&self.db, now).await {
            failed("forgetting old sign-in codes", None, &e);
        }
    }
}
