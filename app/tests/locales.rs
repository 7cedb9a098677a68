//! Every message exists in every language, and every key the code asks for
//! exists: a missing translation fails the build's tests, not a reader.

use std::collections::BTreeSet;
use std::path::Path;

use app::backend::mail::{EmailKind, render};
use app::domain::Code;
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::mail::OutboxStatus;
use app::domain::offering::{Audience, OfferingKind, OfferingStatus, OrganisationKind};
use app::domain::schedule::TimeOfDay;
use app::domain::sign_up::Problem;
use app::domain::sign_up::SignUpStatus;
use app::domain::staff::{AuditAction, Role};
use app::i18n::loader as i18n;
use regex::Regex;
use strum::IntoEnumIterator;

fn ids(lang: Lang) -> BTreeSet<String> {
    let re = Regex::new(r"(?m)^([a-z][a-z0-9_-]*)\s*=").unwrap();
    re.captures_iter(&i18n::source(lang))
        .map(|c| c[1].to_string())
        .collect()
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Keys built at run time from enums and numbers: every variant of every
/// enum whose text is a key, emails included.
fn dynamic_keys() -> Vec<String> {
    let mut keys = Vec::new();
    for k in OfferingKind::iter() {
        for prefix in ["kind", "kinds", "kind-hint"] {
            keys.push(format!("{prefix}-{}", k.code()));
        }
    }
    keys.extend(Audience::iter().map(|a| format!("audience-{}", a.code())));
    keys.extend(TimeOfDay::iter().map(|t| format!("time-of-day-{}", t.code())));
    keys.extend((1..=7).map(|d| format!("weekday-{d}")));
    keys.extend((1..=12).map(|m| format!("month-{m}")));
    for l in Lang::iter() {
        keys.push(format!("language-{}", l.code()));
        keys.push(format!("language-in-{}", l.code()));
    }
    for e in AppError::iter() {
        keys.push(e.key().to_string());
        keys.push(format!("{}-title", e.key()));
    }
    keys.extend(Problem::iter().map(|p| p.key().to_string()));
    keys.extend(EmailKind::iter().flat_map(render::keys));
    keys.extend(Role::iter().map(|r| format!("staff-role-{}", r.code())));
    keys.extend(OfferingKind::iter().map(|k| format!("staff-new-{}", k.code())));
    keys.extend(EmailKind::iter().map(|k| format!("staff-email-{}", k.code())));
    keys.extend(OutboxStatus::iter().map(|s| format!("staff-outbox-{}", s.code())));
    keys.extend(AuditAction::iter().map(|a| format!("staff-audit-{}", a.code())));
    keys.extend(OfferingStatus::iter().map(|s| format!("staff-offering-status-{}", s.code())));
    keys.extend(SignUpStatus::iter().map(|s| format!("staff-status-{}", s.code())));
    keys.extend(OrganisationKind::iter().map(|k| format!("staff-organisation-kind-{}", k.code())));
    keys
}

#[test]
fn every_language_has_every_message() {
    let nb = ids(Lang::Nb);
    assert!(nb.len() > 100, "bokmål has {} messages", nb.len());
    for lang in [Lang::Nn, Lang::En] {
        let other = ids(lang);
        let missing: Vec<_> = nb.difference(&other).collect();
        let extra: Vec<_> = other.difference(&nb).collect();
        assert!(missing.is_empty(), "{} lacks {missing:?}", lang.code());
        assert!(
            extra.is_empty(),
            "{} has keys bokmål lacks: {extra:?}",
            lang.code()
        );
    }
}

#[test]
fn every_key_used_in_code_exists() {
    let nb = ids(Lang::Nb);
    let mut files = Vec::new();
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("src"),
        &mut files,
    );
    rust_files(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../server/src"),
        &mut files,
    );
    let literal = Regex::new(r#"\bt(?:_with)?\(\s*"([a-z][a-z0-9_-]*)""#).unwrap();
    let mut used: Vec<String> = files
        .iter()
        .flat_map(|f| {
            let text = std::fs::read_to_string(f).unwrap();
            literal
                .captures_iter(&text)
                .map(|c| c[1].to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        used.len() > 50,
        "found only {} literal keys: is the pattern stale?",
        used.len()
    );
    used.extend(dynamic_keys());
    let missing: BTreeSet<_> = used.iter().filter(|k| !nb.contains(*k)).collect();
    assert!(
        missing.is_empty(),
        "keys used but not in locales/nb: {missing:?}"
    );
}

#[test]
fn messages_format_with_their_arguments() {
    use app::i18n::Tr;
    let tr = Tr::new(Lang::Nb);
    let date = chrono::NaiveDate::from_ymd_opt(2027, 1, 12).unwrap();
    assert_eq!(tr.date(date, 2027), "tirsdag 12. januar");
    assert_eq!(tr.date(date, 2026), "tirsdag 12. januar 2027");
    let ten = chrono::NaiveTime::from_hms_opt(10, 0, 0).unwrap();
    let eleven = chrono::NaiveTime::from_hms_opt(11, 30, 0).unwrap();
    assert_eq!(tr.time_range(ten, eleven), "kl. 10.00–11.30");
    assert_eq!(
        tr.t_with("offering-count", &[("count", 1.into())]),
        "ett tilbud"
    );
    let nn = Tr::new(Lang::Nn);
    assert_eq!(nn.date(date, 2027), "tysdag 12. januar");
    let en = Tr::new(Lang::En);
    assert_eq!(en.date(date, 2027), "Tuesday 12 January");
    assert_eq!(en.time(ten), "10:00");
}
