//! `treffpunkt`: serves the site, imports a municipality's data file, or
//! lists the settings. `treffpunkt --help` says more.

use anyhow::Context;
use clap::Parser;
use tracing_subscriber::EnvFilter;

use app::backend::db::Db;
use app::backend::import;
use app::backend::settings::Settings;
use server::cli::{Cli, Command};

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    // First, so that help and usage errors (exit code 2) touch nothing.
    let cli = Cli::parse();
    let command = cli.command.unwrap_or(Command::Serve);
    match &command {
        Command::Settings => {
            print!("{}", Settings::markdown_table());
            return Ok(());
        }
        Command::Generate {
            offerings,
            districts,
            out,
        } => {
            let file = import::generate(server::serve::DEMO_DATA, *offerings, *districts)?;
            match out {
                Some(path) => std::fs::write(path, file)
                    .with_context(|| format!("writing {}", path.display()))?,
                None => print!("{file}"),
            }
            return Ok(());
        }
        Command::Serve | Command::Import { .. } | Command::CreateAdmin { .. } => {}
    }

    tracing_subscriber::fmt()
        .with_env_filter(
            EnvFilter::try_from_default_env().unwrap_or_else(|_| EnvFilter::new("info,sqlx=warn")),
        )
        .init();
    let settings = Settings::from_env()?;
    if settings.database.is_sqlite() {
        // The default database file lives under ./data; make sure it can.
        std::fs::create_dir_all("data").context("creating ./data")?;
    }
    let db = Db::connect(&settings.database)
        .await
        .with_context(|| format!("opening database {}", redact(&settings.database.url)))?;
    match command {
        Command::Import { file } => {
            let source = std::fs::read_to_string(&file)
                .with_context(|| format!("reading {}", file.display()))?;
            let summary = import::import(&db, &source).await?;
            println!(
                "imported {} districts, {} venues, {} offerings",
                summary.districts, summary.venues, summary.offerings
            );
        }
        Command::CreateAdmin { email, name } => {
            use app::backend::staff::accounts;
            let new = accounts::NewAccount {
                email: &email,
                name: &name,
                role: app::domain::staff::Role::Admin,
                organisations: &[],
            };
            let txn = db.begin().await?;
            let account =
                accounts::create(&txn, &new, None, app::backend::clock::Now::real()).await?;
            txn.commit().await?;
            let page =
                app::paths::absolute(&settings.site.public_url, &app::paths::staff_sign_in());
            println!(
                "created administrator {}: sign in at {page} with the code emailed there",
                account.email
            );
        }
        Command::Serve => server::serve::serve(settings, db.clone()).await?,
        Command::Settings | Command::Generate { .. } => {}
    }
    db.close().await;
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
