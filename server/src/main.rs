//! `treffpunkt`: serves the site, or imports a municipality's data file.
//!
//! ```text
//! treffpunkt                 serve (migrates, seeds demo data when empty)
//! treffpunkt import FILE     import a data file into an empty database
//! ```

use std::net::SocketAddr;

use anyhow::{Context, bail};
use leptos::config::LeptosOptions;
use tracing_subscriber::EnvFilter;

use app::api::sign_up::PublicSettings;
use app::backend::mail::{self, Mailer, Retry, Tls, Transport, WorkerSettings};
use app::backend::{db, import, sign_up};
use server::sign_up::RateLimits;
use server::{AppState, router};

/// The demo municipality, loaded into an empty database at start-up.
const DEMO_DATA: &str = include_str!("../demo/municipality.toml");

struct Config {
    database_url: String,
    addr: SocketAddr,
    site_root: String,
    public_url: String,
    seed_demo: bool,
    hold_hours: i64,
    worker: WorkerSettings,
    mail_from: String,
    smtp: Option<Smtp>,
    outbox_dir: String,
    limit_per_ip_minute: std::num::NonZeroU32,
    limit_per_email_hour: std::num::NonZeroU32,
}

struct Smtp {
    host: String,
    port: u16,
    tls: Tls,
    credentials: Option<(String, String)>,
}

fn number<T: std::str::FromStr>(name: &str, default: T) -> anyhow::Result<T> {
    match std::env::var(name).ok().filter(|v| !v.is_empty()) {
        Some(v) => v
            .parse()
            .map_err(|_| anyhow::anyhow!("{name} must be a number, not '{v}'")),
        None => Ok(default),
    }
}

impl Config {
    fn from_env() -> anyhow::Result<Self> {
        let var = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
        let addr: SocketAddr = var("LEPTOS_SITE_ADDR")
            .unwrap_or_else(|| "127.0.0.1:3000".into())
            .parse()
            .context("LEPTOS_SITE_ADDR must be host:port")?;
        Ok(Config {
            database_url: var("DATABASE_URL").unwrap_or_else(|| db::DEFAULT_DATABASE_URL.into()),
            addr,
            site_root: var("LEPTOS_SITE_ROOT").unwrap_or_else(|| "target/site".into()),
            public_url: var("PUBLIC_URL").unwrap_or_else(|| format!("http://{addr}")),
            seed_demo: var("SEED_DEMO").is_none_or(|v| v != "0"),
            hold_hours: number("SIGN_UP_HOLD_HOURS", 24)?,
            worker: WorkerSettings {
                retry: Retry {
                    max_attempts: number("MAIL_MAX_ATTEMPTS", 8)?,
                    ..Retry::default()
                },
                poll: std::time::Duration::from_secs(number("MAIL_POLL_SECONDS", 5)?),
                reminder_days: number("REMINDER_DAYS_BEFORE", 2)?,
                anonymise_after_days: number("ANONYMISE_AFTER_DAYS", 30)?,
            },
            mail_from: var("MAIL_FROM")
                .unwrap_or_else(|| "Treffpunkt <ikke-svar@treffpunkt.example>".into()),
            smtp: match var("SMTP_HOST") {
                Some(host) => Some(Smtp {
                    host,
                    port: number("SMTP_PORT", 587)?,
                    tls: match var("SMTP_TLS").as_deref() {
                        None | Some("starttls") => Tls::StartTls,
                        Some("tls") => Tls::Tls,
                        Some("none") => Tls::None,
                        Some(other) => {
                            bail!("SMTP_TLS must be starttls, tls or none, not '{other}'")
                        }
                    },
                    credentials: var("SMTP_USERNAME").zip(var("SMTP_PASSWORD")),
                }),
                None => None,
            },
            outbox_dir: var("OUTBOX_DIR").unwrap_or_else(|| "data/outbox".into()),
            limit_per_ip_minute: number("SIGN_UP_LIMIT_PER_IP_MINUTE", 20)?
                .try_into()
                .context("SIGN_UP_LIMIT_PER_IP_MINUTE must be at least 1")?,
            limit_per_email_hour: number("SIGN_UP_LIMIT_PER_EMAIL_HOUR", 5)?
                .try_into()
                .context("SIGN_UP_LIMIT_PER_EMAIL_HOUR must be at least 1")?,
        })
    }
}

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let config = Config::from_env()?;
    if config.database_url.starts_with("sqlite:") {
        // The default database file lives under ./data; make sure it can.
        std::fs::create_dir_all("data").context("creating ./data")?;
    }
    let db = db::connect(&config.database_url)
        .await
        .with_context(|| format!("opening database {}", redact(&config.database_url)))?;

    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        None | Some("serve") => {}
        Some("import") => {
            let path = args.get(1).context("usage: treffpunkt import FILE")?;
            let source =
                std::fs::read_to_string(path).with_context(|| format!("reading {path}"))?;
            let summary = import::import(&db, &source).await?;
            println!(
                "imported {} districts, {} venues, {} offerings",
                summary.districts, summary.venues, summary.offerings
            );
            return Ok(());
        }
        Some(other) => bail!("unknown command '{other}'; try 'serve' or 'import FILE'"),
    }

    if config.seed_demo
        && let Some(summary) = import::seed_if_empty(&db, DEMO_DATA).await?
    {
        tracing::info!(
            offerings = summary.offerings,
            "seeded the demo municipality"
        );
    }

    let leptos_options = LeptosOptions::builder()
        .output_name(app::OUTPUT_NAME)
        .site_root(config.site_root.as_str())
        .site_pkg_dir("pkg")
        .site_addr(config.addr)
        .build();
    let transport = match &config.smtp {
        Some(s) => {
            tracing::info!(host = %s.host, port = s.port, "sending email over SMTP");
            Mailer::smtp(&s.host, s.port, s.tls, s.credentials.clone())?
        }
        None => {
            tracing::info!(dir = %config.outbox_dir, "no SMTP_HOST: writing emails as .eml files");
            Transport::Files(config.outbox_dir.clone().into())
        }
    };
    let from = config
        .mail_from
        .parse()
        .with_context(|| format!("MAIL_FROM '{}' is not an address", config.mail_from))?;
    let settings = sign_up::Settings {
        hold: chrono::Duration::hours(config.hold_hours),
        public_url: config.public_url.clone(),
    };
    let wake = std::sync::Arc::new(tokio::sync::Notify::new());
    tokio::spawn(mail::run_worker(
        db.clone(),
        Mailer::new(transport, from),
        settings.clone(),
        config.worker.clone(),
        wake.clone(),
    ));
    let app = router(AppState {
        leptos_options,
        db,
        public_url: config.public_url,
        sign_up: settings,
        public: PublicSettings {
            anonymise_after_days: config.worker.anonymise_after_days,
        },
        limits: std::sync::Arc::new(RateLimits::new(
            config.limit_per_ip_minute,
            config.limit_per_email_hour,
        )),
        wake,
    });
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("binding {}", config.addr))?;
    tracing::info!("listening on http://{}", config.addr);
    axum::serve(
        listener,
        app.into_make_service_with_connect_info::<SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown_signal())
    .await?;
    Ok(())
}

/// Hides the password of a database URL in logs.
fn redact(url: &str) -> String {
    match (url.find("://"), url.rfind('@')) {
        (Some(scheme), Some(at)) if at > scheme => {
            format!("{}://***{}", &url[..scheme], &url[at..])
        }
        _ => url.to_string(),
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
