//! The command line, parsed before anything else happens: asking for help
//! or mistyping a command touches no database and no file.

use std::path::PathBuf;

use clap::{Parser, Subcommand};

/// Treffpunkt: low-threshold offerings by district, and course sign-up.
///
/// Settings come from environment variables; `treffpunkt settings` lists
/// them with their defaults.
#[derive(Debug, Parser)]
#[command(name = "treffpunkt", version, propagate_version = true)]
pub struct Cli {
    #[command(subcommand)]
    pub command: Option<Command>,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Serve the site (what runs without a command): bring the database up
    /// to date, load the demo municipality into an empty one, start the
    /// mail worker and listen.
    Serve,
    /// Import a municipality's data file into an empty database, all or
    /// nothing. The demo file, server/demo/municipality.toml, shows the
    /// format.
    Import {
        /// The TOML data file.
        file: PathBuf,
    },
    /// Print every setting (environment variable) with its default, as a
    /// Markdown table.
    Settings,
    /// Create an administrator account: the first member of staff of a
    /// new installation, who signs in at /ansatt/logg-inn with the code
    /// emailed to this address and creates the others.
    CreateAdmin {
        /// The address the sign-in codes go to.
        #[arg(long)]
        email: String,
        /// The name shown in the staff area and the audit log.
        #[arg(long, default_value = "Administrator")]
        name: String,
    },
    /// Write a made-up country to try the site at scale: a data file of
    /// OFFERINGS offerings over DISTRICTS districts, copied from the demo
    /// municipality, for `treffpunkt import`.
    Generate {
        /// How many offerings.
        #[arg(long, default_value_t = 100_000)]
        offerings: usize,
        /// How many districts.
        #[arg(long, default_value_t = 50)]
        districts: usize,
        /// Where to write it; without it, to standard output.
        #[arg(long)]
        out: Option<PathBuf>,
    },
}
