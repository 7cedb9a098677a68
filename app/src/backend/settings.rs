//! Every setting, read from the environment once at start-up, one struct
//! per area. Each default is written once, here: `Default` for an area is
//! what it reads from an empty environment, and the README's table is
//! checked against what [`Settings::documented`] lists (`treffpunkt
//! settings` prints it).

use std::cell::RefCell;
use std::fmt::Display;
use std::net::{IpAddr, SocketAddr};
use std::str::FromStr;

use chrono::Duration;
use ipnet::IpNet;

/// A setting that is present but does not parse. The server refuses to
/// start rather than run with a setting nobody meant.
#[derive(Debug, thiserror::Error)]
#[error("{name} = '{value}': {expected}")]
pub struct SettingsError {
    pub name: &'static str,
    pub value: String,
    pub expected: String,
}

/// One environment variable, for the README and `treffpunkt settings`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Variable {
    pub name: &'static str,
    /// The default as written in the table; empty when unset by default.
    pub default: String,
    pub meaning: &'static str,
}

/// Finds an environment variable's value by name.
type Lookup<'a> = Box<dyn Fn(&str) -> Option<String> + 'a>;

/// Where settings come from: the process environment, or a map in tests.
/// It writes down every variable it is asked for.
pub struct Env<'a> {
    lookup: Lookup<'a>,
    asked: RefCell<Vec<Variable>>,
}

impl<'a> Env<'a> {
    pub fn new(lookup: impl Fn(&str) -> Option<String> + 'a) -> Self {
        Env {
            lookup: Box::new(lookup),
            asked: RefCell::new(Vec::new()),
        }
    }

    /// The process environment.
    pub fn process() -> Env<'static> {
        Env::new(|name| std::env::var(name).ok())
    }

    /// An environment with nothing set: every default.
    pub fn empty() -> Env<'static> {
        Env::new(|_| None)
    }

    fn note(&self, name: &'static str, default: String, meaning: &'static str) {
        self.asked.borrow_mut().push(Variable {
            name,
            default,
            meaning,
        });
    }

    fn get(&self, name: &str) -> Option<String> {
        (self.lookup)(name).filter(|v| !v.trim().is_empty())
    }

    /// A text setting with a default.
    pub fn text(&self, name: &'static str, default: &str, meaning: &'static str) -> String {
        self.note(name, default.to_string(), meaning);
        self.get(name).unwrap_or_else(|| default.to_string())
    }

    /// A text setting that is unset by default.
    pub fn optional(&self, name: &'static str, meaning: &'static str) -> Option<String> {
        self.note(name, String::new(), meaning);
        self.get(name)
    }

    /// A setting parsed from text, with a default.
    pub fn parse<T>(
        &self,
        name: &'static str,
        default: T,
        meaning: &'static str,
    ) -> Result<T, SettingsError>
    where
        T: FromStr + Display,
    {
        self.note(name, default.to_string(), meaning);
        match self.get(name) {
            Some(value) => value.trim().parse().map_err(|_| SettingsError {
                name,
                value,
                expected: format!("expected a value like '{default}'"),
            }),
            None => Ok(default),
        }
    }

    /// A count or duration that must be at least one.
    pub fn positive(
        &self,
        name: &'static str,
        default: u32,
        meaning: &'static str,
    ) -> Result<u32, SettingsError> {
        let value = self.parse(name, default, meaning)?;
        if value == 0 {
            return Err(SettingsError {
                name,
                value: "0".into(),
                expected: "must be at least 1".into(),
            });
        }
        Ok(value)
    }

    /// The variables asked for so far, in order.
    pub fn asked(&self) -> Vec<Variable> {
        self.asked.borrow().clone()
    }
}

/// Where the data lives.
#[derive(Clone, Debug)]
pub struct DatabaseSettings {
    pub url: String,
    /// Connections for reading (SQLite) or for everything (PostgreSQL).
    pub pool: u32,
}

impl DatabaseSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        Ok(DatabaseSettings {
            url: env.text(
                "DATABASE_URL",
                "sqlite://data/treffpunkt.db?mode=rwc",
                "SQLite file (WAL, one writer, a pool of readers) or `postgres://user:pass@host/db`",
            ),
            pool: env.positive(
                "DATABASE_POOL",
                8,
                "database connections: SQLite readers (writes go through one more), or the PostgreSQL pool",
            )?,
        })
    }

    pub fn is_sqlite(&self) -> bool {
        self.url.starts_with("sqlite:")
    }
}

/// The site itself: where it listens and what it is called from outside.
#[derive(Clone, Debug)]
pub struct SiteSettings {
    pub addr: SocketAddr,
    pub site_root: String,
    /// The public address, for links in emails and calendar files.
    pub public_url: String,
    /// The municipality's name, printed on the weekly programme; empty
    /// leaves it to the site's name.
    pub municipality: String,
    pub seed_demo: bool,
}

impl SiteSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        let addr: SocketAddr = env.parse(
            "LEPTOS_SITE_ADDR",
            SocketAddr::from(([127, 0, 0, 1], 3000)),
            "address to listen on",
        )?;
        let site_root = env.text(
            "LEPTOS_SITE_ROOT",
            "target/site",
            "the built CSS, JavaScript and wasm (`scripts/run.sh` sets it)",
        );
        let public_url = env
            .text(
                "PUBLIC_URL",
                &format!("http://{addr}"),
                "the public address, for links in emails and calendar files; `https://…` turns on HSTS and secure cookies",
            )
            .trim_end_matches('/')
            .to_string();
        if !(public_url.starts_with("http://") || public_url.starts_with("https://")) {
            return Err(SettingsError {
                name: "PUBLIC_URL",
                value: public_url,
                expected: "must start with http:// or https://".into(),
            });
        }
        let municipality = env
            .text(
                "MUNICIPALITY",
                "",
                "the municipality's name as the printed weekly programme gives it, e.g. `Fjordvik kommune`",
            )
            .trim()
            .to_string();
        let seed: u8 = env.parse(
            "SEED_DEMO",
            1,
            "`0` leaves an empty database empty instead of loading the demo municipality",
        )?;
        Ok(SiteSettings {
            addr,
            site_root,
            public_url,
            municipality,
            seed_demo: seed != 0,
        })
    }

    /// Whether the site is reached over HTTPS.
    pub fn is_https(&self) -> bool {
        self.public_url.starts_with("https://")
    }
}

/// How the HTTP server protects itself.
#[derive(Clone, Debug)]
pub struct HttpSettings {
    /// Reverse proxies whose `X-Forwarded-For` is believed.
    pub trusted_proxies: Vec<IpNet>,
    pub request_timeout: std::time::Duration,
    /// How long running requests and the current email get at shutdown.
    pub shutdown_grace: std::time::Duration,
    /// What the cache of rendered listing pages may hold; 0 turns it off.
    pub page_cache_bytes: usize,
}

impl HttpSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        let proxies = env.optional(
            "TRUSTED_PROXIES",
            "reverse proxies whose `X-Forwarded-For` names the client, as a comma-separated CIDR list (`127.0.0.1/32,10.0.0.0/8`); unset trusts none",
        );
        let trusted_proxies = proxies
            .iter()
            .flat_map(|list| list.split(','))
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|cidr| {
                cidr.parse::<IpNet>()
                    .or_else(|_| cidr.parse::<IpAddr>().map(IpNet::from))
                    .map_err(|_| SettingsError {
                        name: "TRUSTED_PROXIES",
                        value: cidr.to_string(),
                        expected: "expected an address or CIDR block like 10.0.0.0/8".into(),
                    })
            })
            .collect::<Result<_, _>>()?;
        Ok(HttpSettings {
            trusted_proxies,
            request_timeout: std::time::Duration::from_secs(
                env.positive(
                    "REQUEST_TIMEOUT_SECONDS",
                    15,
                    "a request that takes longer is answered 503",
                )?
                .into(),
            ),
            shutdown_grace: std::time::Duration::from_secs(
                env.positive(
                    "SHUTDOWN_GRACE_SECONDS",
                    30,
                    "on SIGTERM, how long running requests and the email being sent may take to finish",
                )?
                .into(),
            ),
            page_cache_bytes: env.parse::<usize>(
                "PAGE_CACHE_MB",
                64,
                "memory for rendered pages shared by everyone with the same language (three quarters for the listings, their feeds and printed weeks; three sixteenths for the API and the sitemap; a sixteenth for searches); `0` renders every page",
            )?
            .saturating_mul(1024 * 1024),
        })
    }
}

/// The sign-up flow.
#[derive(Clone, Debug)]
pub struct SignUpSettings {
    /// How long a confirmation link works. An unconfirmed sign-up holds
    /// no place, so this bounds only how long it waits.
    pub confirm_within: Duration,
    /// Sign-ups that may be active on one course from one client (an
    /// IPv4 address, an IPv6 /64), from one network (an IPv4 /24, an IPv6
    /// /48: usually one customer of an internet provider) and by one
    /// registrant mailbox. Counted in the database, so they hold however
    /// many servers share it.
    pub per_client: u32,
    pub per_network_v4: u32,
    pub per_network_v6: u32,
    pub per_registrant: u32,
}

impl SignUpSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        Ok(SignUpSettings {
            confirm_within: Duration::hours(
                env.positive(
                    "SIGN_UP_CONFIRM_HOURS",
                    48,
                    "how long a sign-up's confirmation link works",
                )?
                .into(),
            ),
            per_client: env.positive(
                "SIGN_UP_PER_CLIENT",
                2,
                "active sign-ups per course from one IPv4 address or IPv6 /64",
            )?,
            per_network_v4: env.positive(
                "SIGN_UP_PER_NETWORK_V4",
                6,
                "active sign-ups per course from one IPv4 /24",
            )?,
            per_network_v6: env.positive(
                "SIGN_UP_PER_NETWORK_V6",
                2,
                "active sign-ups per course from one IPv6 /48",
            )?,
            per_registrant: env.positive(
                "SIGN_UP_PER_REGISTRANT",
                3,
                "active sign-ups per course by one person signing others up",
            )?,
        })
    }
}

/// Limits against bots and floods.
#[derive(Clone, Copy, Debug)]
pub struct LimitSettings {
    pub sign_up_per_ip_minute: std::num::NonZeroU32,
    pub sign_up_per_email_hour: std::num::NonZeroU32,
    pub link_per_ip_minute: std::num::NonZeroU32,
    pub sign_in_per_ip_minute: std::num::NonZeroU32,
    pub sign_in_emails_per_address_hour: u32,
    pub search_per_ip_minute: std::num::NonZeroU32,
}

impl LimitSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        let nonzero = |v: u32| std::num::NonZeroU32::new(v).expect("positive() refuses 0");
        Ok(LimitSettings {
            sign_up_per_ip_minute: nonzero(env.positive(
                "SIGN_UP_LIMIT_PER_IP_MINUTE",
                20,
                "sign-ups a minute from one client (an IPv6 client is its /64); more are answered 429, keeping what was typed",
            )?),
            sign_up_per_email_hour: nonzero(env.positive(
                "SIGN_UP_LIMIT_PER_EMAIL_HOUR",
                5,
                "sign-ups an hour naming one email address",
            )?),
            link_per_ip_minute: nonzero(env.positive(
                "LINK_LIMIT_PER_IP_MINUTE",
                30,
                "confirm and cancel posts a minute from one client",
            )?),
            sign_in_per_ip_minute: nonzero(env.positive(
                "SIGN_IN_LIMIT_PER_IP_MINUTE",
                10,
                "staff sign-in posts (asking for a code, typing it) a minute from one client",
            )?),
            sign_in_emails_per_address_hour: env.positive(
                "SIGN_IN_EMAILS_PER_ADDRESS_HOUR",
                5,
                "sign-in emails one staff address gets an hour, counted in the database across servers; more asks get the same reply and no email",
            )?,
            search_per_ip_minute: nonzero(env.positive(
                "SEARCH_LIMIT_PER_IP_MINUTE",
                30,
                "searches a minute from one client that the page cache does not answer; more are answered 429",
            )?),
        })
    }
}

/// How email is sent.
#[derive(Clone, Debug)]
pub struct MailSettings {
    pub from: String,
    pub smtp: Option<SmtpSettings>,
    pub outbox_dir: String,
    pub max_attempts: i32,
    /// How often the worker looks for due email when nothing wakes it.
    pub poll: std::time::Duration,
    /// The longest one SMTP send may take; a claim lasts a little longer.
    pub send_timeout: std::time::Duration,
    /// How long the recipient of a sent (or given-up) email, and its `.eml`
    /// file, are kept.
    pub keep_sent: Duration,
}

/// The SMTP server.
#[derive(Clone, Debug)]
pub struct SmtpSettings {
    pub host: String,
    pub port: u16,
    pub tls: Tls,
    pub credentials: Option<(String, String)>,
}

/// How the SMTP connection is secured.
#[derive(Clone, Copy, Debug, PartialEq, Eq, strum::EnumString, strum::Display)]
#[strum(serialize_all = "lowercase")]
pub enum Tls {
    /// Plain connection, upgraded with STARTTLS (port 587).
    StartTls,
    /// TLS from the first byte (port 465).
    Tls,
    /// No encryption: only for a relay on the same machine or in tests.
    None,
}

impl MailSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        let host = env.optional(
            "SMTP_HOST",
            "SMTP server for email; unset writes each email as an `.eml` file to `OUTBOX_DIR`",
        );
        let port: u16 = env.parse("SMTP_PORT", 587, "SMTP port")?;
        let tls: Tls = env.parse(
            "SMTP_TLS",
            Tls::StartTls,
            "`starttls`, `tls` (implicit, port 465) or `none` (a relay on the same machine only)",
        )?;
        let username = env.optional("SMTP_USERNAME", "SMTP user, with `SMTP_PASSWORD`");
        let password = env.optional("SMTP_PASSWORD", "SMTP password, with `SMTP_USERNAME`");
        let from = env.text(
            "MAIL_FROM",
            "Treffpunkt <ikke-svar@treffpunkt.example>",
            "sender; its domain ends every Message-ID",
        );
        let outbox_dir = env.text("OUTBOX_DIR", "data/outbox", "where emails go without SMTP");
        let max_attempts = env.positive(
            "MAIL_MAX_ATTEMPTS",
            8,
            "tries before an email is marked failed (exponential backoff with jitter, from 30 s up to 2 h)",
        )?;
        let poll = env.positive(
            "MAIL_POLL_SECONDS",
            5,
            "how often the worker looks for due email and runs its jobs (a sign-up wakes it at once)",
        )?;
        let send_timeout = env.positive(
            "MAIL_SEND_TIMEOUT_SECONDS",
            20,
            "the longest one SMTP send may take; after a crash an email waits this plus 10 s before another try",
        )?;
        let keep_sent = env.parse(
            "MAIL_KEEP_SENT_MINUTES",
            60,
            "minutes a sent or given-up email's recipient and `.eml` file are kept; then only a masked address remains",
        )?;
        Ok(MailSettings {
            from,
            smtp: host.map(|host| SmtpSettings {
                host,
                port,
                tls,
                credentials: username.zip(password),
            }),
            outbox_dir,
            max_attempts: i32::try_from(max_attempts).unwrap_or(i32::MAX),
            poll: std::time::Duration::from_secs(poll.into()),
            send_timeout: std::time::Duration::from_secs(send_timeout.into()),
            keep_sent: Duration::minutes(i64::from(keep_sent)),
        })
    }

    /// How long a claim on an outbox row lasts: one send and a margin.
    pub fn claim(&self) -> Duration {
        Duration::from_std(self.send_timeout).unwrap_or(Duration::seconds(20))
            + Duration::seconds(10)
    }
}

/// The background jobs.
#[derive(Clone, Debug)]
pub struct JobSettings {
    /// Days before a course's first session that the reminder goes out.
    pub reminder_days: i64,
    /// Days after a course's last session that sign-ups are anonymised.
    pub anonymise_after_days: i64,
    /// Days after its last confirmation that a listing counts as stale and
    /// its organisation's coordinators are reminded.
    pub stale_after_days: i64,
}

impl JobSettings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        Ok(JobSettings {
            reminder_days: env
                .positive(
                    "REMINDER_DAYS_BEFORE",
                    2,
                    "reminder email this many days before a course's first session",
                )?
                .into(),
            anonymise_after_days: env
                .positive(
                    "ANONYMISE_AFTER_DAYS",
                    30,
                    "days after a course's last session that everything personal about its sign-ups is removed",
                )?
                .into(),
            stale_after_days: env
                .positive(
                    "STALE_AFTER_DAYS",
                    90,
                    "days after a listing was last confirmed (or edited) that its coordinators are emailed to confirm or update it; editors see it among the stale",
                )?
                .into(),
        })
    }
}

/// Every setting.
#[derive(Clone, Debug)]
pub struct Settings {
    pub database: DatabaseSettings,
    pub site: SiteSettings,
    pub http: HttpSettings,
    pub sign_up: SignUpSettings,
    pub limits: LimitSettings,
    pub mail: MailSettings,
    pub jobs: JobSettings,
}

impl Settings {
    pub fn read(env: &Env) -> Result<Self, SettingsError> {
        let settings = Settings {
            database: DatabaseSettings::read(env)?,
            site: SiteSettings::read(env)?,
            http: HttpSettings::read(env)?,
            sign_up: SignUpSettings::read(env)?,
            limits: LimitSettings::read(env)?,
            mail: MailSettings::read(env)?,
            jobs: JobSettings::read(env)?,
        };
        env.note(
            "RUST_LOG",
            "info,sqlx=warn".into(),
            "log filter (tracing's `EnvFilter`)",
        );
        Ok(settings)
    }

    /// The settings of this process's environment.
    pub fn from_env() -> Result<Self, SettingsError> {
        Settings::read(&Env::process())
    }

    /// Every variable with its default, in the order of the README's table.
    pub fn documented() -> Vec<Variable> {
        let env = Env::empty();
        Settings::read(&env).expect("the defaults are valid");
        env.asked()
    }

    /// The table of [`Settings::documented`] in Markdown, as in the README.
    pub fn markdown_table() -> String {
        let mut table = String::from("| variable | default | meaning |\n|---|---|---|\n");
        for v in Settings::documented() {
            let default = if v.default.is_empty() {
                "unset".to_string()
            } else {
                format!("`{}`", v.default)
            };
            table.push_str(&format!("| `{}` | {default} | {} |\n", v.name, v.meaning));
        }
        table
    }
}

/// Every area's default is what it reads from an empty environment.
macro_rules! default_from_empty_env {
    ($($area:ty),*) => {
        $(impl Default for $area {
            fn default() -> Self {
                <$area>::read(&Env::empty()).expect("the defaults are valid")
            }
        })*
    };
}

default_from_empty_env!(
    DatabaseSettings,
    SiteSettings,
    HttpSettings,
    SignUpSettings,
    LimitSettings,
    MailSettings,
    JobSettings,
    Settings
);

#[cfg(test)]
mod tests {
    use std::collections::HashMap;

    use super::*;

    fn with(pairs: &[(&str, &str)]) -> Result<Settings, SettingsError> {
        let map: HashMap<String, String> = pairs
            .iter()
            .map(|(k, v)| (k.to_string(), v.to_string()))
            .collect();
        Settings::read(&Env::new(move |k| map.get(k).cloned()))
    }

    #[test]
    fn an_empty_environment_gives_the_defaults() {
        let s = Settings::default();
        assert!(s.database.is_sqlite());
        assert_eq!(s.site.public_url, "http://127.0.0.1:3000");
        assert_eq!(s.sign_up.confirm_within, Duration::hours(48));
        assert_eq!(s.jobs.anonymise_after_days, 30);
        assert!(s.http.trusted_proxies.is_empty());
        assert!(s.mail.smtp.is_none());
        assert_eq!(s.mail.claim(), Duration::seconds(30));
    }

    #[test]
    fn settings_are_read_and_bad_ones_refused() {
        let s = with(&[
            ("PUBLIC_URL", "https://treffpunkt.kommune.no/"),
            ("TRUSTED_PROXIES", "127.0.0.1, 10.0.0.0/8 ,::1"),
            ("SMTP_HOST", "smtp.kommune.no"),
            ("SMTP_TLS", "tls"),
        ])
        .unwrap();
        assert_eq!(s.site.public_url, "https://treffpunkt.kommune.no");
        assert!(s.site.is_https());
        assert_eq!(s.http.trusted_proxies.len(), 3);
        assert_eq!(s.mail.smtp.unwrap().tls, Tls::Tls);

        for bad in [
            ("SMTP_TLS", "maybe"),
            ("MAIL_MAX_ATTEMPTS", "0"),
            ("TRUSTED_PROXIES", "10.0.0.0/99"),
            ("PUBLIC_URL", "treffpunkt.example"),
            ("SIGN_UP_CONFIRM_HOURS", "two days"),
        ] {
            let error = with(&[bad]).unwrap_err();
            assert_eq!(error.name, bad.0, "{error}");
        }
    }

    #[test]
    fn every_variable_is_documented_once() {
        let vars = Settings::documented();
        let mut names: Vec<_> = vars.iter().map(|v| v.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), vars.len(), "a variable is asked for twice");
        assert!(Settings::markdown_table().contains("| `SIGN_UP_CONFIRM_HOURS` | `48` |"));
    }
}
