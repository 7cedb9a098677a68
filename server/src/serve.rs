//! Running the site: the server, the mail worker and the limiters' pruning,
//! until SIGTERM or Ctrl-C; then running requests and the email being sent
//! get the grace period to finish.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use leptos::config::LeptosOptions;
use tokio::sync::{Notify, watch};

use app::backend::db::Db;
use app::backend::directory::Directory;
use app::backend::import;
use app::backend::jobs::Worker;
use app::backend::mail::Mailer;
use app::backend::settings::Settings;

use crate::assets::Assets;
use crate::delivery::PageCache;
use crate::limits::RateLimits;
use crate::{Shared, router};

/// The demo municipality, loaded into an empty database at start-up.
pub const DEMO_DATA: &str = include_str!("../demo/municipality.toml");

/// How often the rate limiters forget clients whose budget is whole.
const PRUNE_EVERY: Duration = Duration::from_secs(60);

pub async fn serve(settings: Settings, db: Db) -> anyhow::Result<()> {
    if settings.site.seed_demo
        && let Some(summary) = import::seed_if_empty(&db, DEMO_DATA).await?
    {
        tracing::info!(
            offerings = summary.offerings,
            "seeded the demo municipality"
        );
    }
    db.refresh_statistics(false).await?;
    let mailer = Mailer::from_settings(&settings.mail).context("MAIL_FROM or SMTP settings")?;
    match &settings.mail.smtp {
        Some(s) => tracing::info!(host = %s.host, port = s.port, "sending email over SMTP"),
        None => tracing::info!(
            dir = %settings.mail.outbox_dir,
            "no SMTP_HOST: writing emails as .eml files"
        ),
    }
    let settings = Arc::new(settings);
    let (stop, stopping) = watch::channel(false);
    let wake = Arc::new(Notify::new());
    let worker = tokio::spawn(
        Worker {
            db: db.clone(),
            mailer,
            settings: settings.as_ref().clone(),
            wake: wake.clone(),
            shutdown: stopping.clone(),
        }
        .run(),
    );
    let limits = Arc::new(RateLimits::new(&settings.limits));
    tokio::spawn(prune(limits.clone(), stopping.clone()));

    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(settings.site.site_root.as_str())
        .site_pkg_dir(app::paths::PKG)
        .site_addr(settings.site.addr)
        .build();
    // A database from before the read model, or filled by another tool,
    // gets its lists before the first page is served.
    let listed =
        app::backend::directory::read_model::sync(&db, app::backend::clock::oslo_now()).await?;
    if listed > 0 {
        tracing::info!(offerings = listed, "brought the lists up to date");
    }
    // The search index is built before the first request, so that a load
    // balancer never sends a search to a server that knows half the
    // directory; then it follows the changes other servers make.
    let directory = Directory::new(db.clone());
    let started = std::time::Instant::now();
    let indexed = directory.catch_up().await?;
    tracing::info!(offerings = indexed, took = ?started.elapsed(), "search index built");
    tokio::spawn(follow(directory.clone(), stopping.clone()));
    let assets = Assets::load(std::path::Path::new(settings.site.site_root.as_str()));
    tokio::task::spawn_blocking({
        let assets = assets.clone();
        move || assets.warm()
    });
    let app = router(Shared {
        leptos_options,
        directory,
        assets,
        pages: PageCache::new(settings.http.page_cache_bytes),
        db,
        settings: settings.clone(),
        limits,
        wake,
    });
    let listener = tokio::net::TcpListener::bind(settings.site.addr)
        .await
        .with_context(|| format!("binding {}", settings.site.addr))?;
    tracing::info!("listening on http://{}", settings.site.addr);
    let grace = settings.http.shutdown_grace;
    let mut deadline = stopping.clone();
    let server = serve_on(listener, app, HEADER_READ_TIMEOUT, async move {
        shutdown_signal().await;
        tracing::info!(
            ?grace,
            "shutting down: finishing running requests and email"
        );
        let _ = stop.send(true);
    });
    tokio::select! {
        () = server => {},
        () = async {
            let _ = deadline.changed().await;
            tokio::time::sleep(grace).await;
        } => tracing::warn!("requests still running after the grace period; stopping anyway"),
    }
    if tokio::time::timeout(grace, worker).await.is_err() {
        tracing::warn!(
            "the mail worker did not stop in time; its email will be sent again after the claim runs out"
        );
    }
    Ok(())
}

/// The longest a client may take to send a request's head: a client that
/// sends its headers a byte at a time holds a connection for no longer.
pub const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);

/// Serves `app` on `listener` until `shutdown` resolves, then lets the
/// open connections finish their requests. Each connection is HTTP/1.1
/// (what axum::serve spoke), without Nagle's delay, and closed when its
/// request's head does not arrive within `header_timeout`.
pub async fn serve_on(
    listener: tokio::net::TcpListener,
    app: axum::Router,
    header_timeout: Duration,
    shutdown: impl std::future::Future<Output = ()>,
) {
    use axum::extract::ConnectInfo;
    use hyper_util::rt::{TokioIo, TokioTimer};

    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(header_timeout)
        .keep_alive(true);
    let graceful = hyper_util::server::graceful::GracefulShutdown::new();
    tokio::pin!(shutdown);
    loop {
        let (stream, peer) = tokio::select! {
            accepted = listener.accept() => match accepted {
                Ok(accepted) => accepted,
                Err(e) => {
                    // Out of file descriptors, say: wait rather than spin.
                    tracing::warn!(error = %e, "accepting a connection failed");
                    tokio::time::sleep(Duration::from_millis(50)).await;
                    continue;
                }
            },
            () = &mut shutdown => break,
        };
        let _ = stream.set_nodelay(true);
        let service = hyper_util::service::TowerToHyperService::new(
            app.clone().layer(axum::Extension(ConnectInfo(peer))),
        );
        let connection = graceful.watch(http.serve_connection(TokioIo::new(stream), service));
        tokio::spawn(async move {
            // A client that went away or was too slow: nothing to report.
            let _ = connection.await;
        });
    }
    graceful.shutdown().await;
}

/// How often a server's search index looks for changes made anywhere.
const FOLLOW_EVERY: Duration = Duration::from_secs(1);

async fn follow(directory: Directory, mut stopping: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(FOLLOW_EVERY) => {
                if let Err(e) = directory.catch_up().await {
                    tracing::warn!(error = %e, "search index could not catch up; trying again");
                }
            }
            _ = stopping.changed() => return,
        }
    }
}

async fn prune(limits: Arc<RateLimits>, mut stopping: watch::Receiver<bool>) {
    loop {
        tokio::select! {
            () = tokio::time::sleep(PRUNE_EVERY) => limits.prune(),
            _ = stopping.changed() => return,
        }
    }
}

async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let terminate = async {
        if let Ok(mut s) = tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate())
        {
            s.recv().await;
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    tokio::select! {
        () = ctrl_c => {},
        () = terminate => {},
    }
}
