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

use app::backend::{db, import};
use server::{AppState, router};

/// The demo municipality, loaded into an empty database at start-up.
const DEMO_DATA: &str = include_str!("../demo/municipality.toml");

struct Config {
    database_url: String,
    addr: SocketAddr,
    site_root: String,
    public_url: String,
    seed_demo: bool,
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
    let app = router(AppState {
        leptos_options,
        db,
        public_url: config.public_url,
    });
    let listener = tokio::net::TcpListener::bind(config.addr)
        .await
        .with_context(|| format!("binding {}", config.addr))?;
    tracing::info!("listening on http://{}", config.addr);
    axum::serve(listener, app)
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
