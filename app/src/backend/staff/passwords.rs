//! A password, as an option a member of staff may add beside the emailed
//! code; never required, and removable.
//!
//! Kept as an Argon2id hash with OWASP's parameters (19 MiB, two passes,
//! one lane), in the PHC string form that carries its salt and
//! parameters, so stronger ones later still verify the old hashes.
//! Hashing takes tens of milliseconds of one core by design: it runs on
//! the blocking pool, not on the workers that serve pages. A wrong
//! address, a wrong password and a paused account get the same answer
//! after the same work, and wrong passwords pause passwords (not the
//! emailed code) for the account after [`FAILURES_BEFORE_PAUSE`].

use std::sync::LazyLock;

use argon2::password_hash::{PasswordHash, PasswordHasher, PasswordVerifier, SaltString};
use argon2::{Algorithm, Argon2, Params, Version};
use chrono::Duration;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{ActiveModelTrait, ColumnTrait, EntityTrait, IntoActiveModel, QueryFilter, Set};

use super::{Staff, accounts, audit};
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::account;
use crate::domain::error::AppError;
use crate::domain::staff::{AuditAction, PASSWORD_MAX_CHARS, PASSWORD_MIN_CHARS};

/// Wrong passwords an account takes before passwords pause for it.
pub const FAILURES_BEFORE_PAUSE: i32 = 10;
/// How long passwords then do not work for the account.
pub const PAUSE: Duration = Duration::minutes(15);

/// Argon2id with OWASP's recommended parameters: m = 19 MiB, t = 2, p = 1.
fn hasher() -> Argon2<'static> {
    let params = Params::new(19 * 1024, 2, 1, None).expect("valid Argon2 parameters");
    Argon2::new(Algorithm::Argon2id, Version::V0x13, params)
}

fn hash(password: &str) -> Result<String, AppError> {
    // 16 random bytes from the generator the tokens use.
    let salt = SaltString::encode_b64(&rand::random::<[u8; 16]>())
        .map_err(|e| AppError::internal(HashError(e.to_string())))?;
    hasher()
        .hash_password(password.as_bytes(), &salt)
        .map(|h| h.to_string())
        .map_err(|e| AppError::internal(HashError(e.to_string())))
}

fn matches(password: &str, stored: &str) -> bool {
    PasswordHash::new(stored).is_ok_and(|parsed| {
        hasher()
            .verify_password(password.as_bytes(), &parsed)
            .is_ok()
    })
}

/// A hash nobody knows the password of: checked when there is no account
/// or no password, so that the answer takes as long as for a real one.
static NOBODYS: LazyLock<String> =
    LazyLock::new(|| hash(&crate::backend::tokens::random_id()).unwrap_or_default());

/// Runs the hashing on the blocking pool.
async fn off_the_workers<T: Send + 'static>(
    work: impl FnOnce() -> T + Send + 'static,
) -> Result<T, AppError> {
    tokio::task::spawn_blocking(work)
        .await
        .map_err(|e| AppError::internal(HashError(e.to_string())))
}

/// Whether `password` may be one: long enough to resist guessing, short
/// enough to hash quickly, and not the address itself.
pub fn check(password: &str, repeated: &str, email: &str) -> Result<(), AppError> {
    let chars = password.chars().count();
    if chars < PASSWORD_MIN_CHARS {
        return Err(AppError::PasswordTooShort);
    }
    if chars > PASSWORD_MAX_CHARS {
        return Err(AppError::PasswordTooLong);
    }
    if password != repeated {
        return Err(AppError::PasswordsDiffer);
    }
    if password.trim().eq_ignore_ascii_case(email.trim()) {
        return Err(AppError::PasswordTooShort);
    }
    Ok(())
}

/// Sets (or changes) the signed-in person's password.
pub async fn set(
    db: &Db,
    staff: &Staff,
    password: &str,
    repeated: &str,
    now: Now,
) -> Result<(), AppError> {
    check(password, repeated, &staff.account.email)?;
    let owned = password.to_owned();
    let hashed = off_the_workers(move || hash(&owned)).await??;
    write(db, staff, Some(hashed), AuditAction::PasswordSet, now).await
}

/// Removes the signed-in person's password: the emailed code remains.
pub async fn remove(db: &Db, staff: &Staff, now: Now) -> Result<(), AppError> {
    write(db, staff, None, AuditAction::PasswordRemoved, now).await
}

async fn write(
    db: &Db,
    staff: &Staff,
    hashed: Option<String>,
    action: AuditAction,
    now: Now,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    let mut row = staff.account.clone().into_active_model();
    row.password_hash = Set(hashed);
    row.password_failures = Set(0);
    row.password_paused_until = Set(None);
    row.update(&txn).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action,
            subject: Some(audit::subject("account", staff.id())),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}

/// The account whose address and password these are. Every failure is
/// [`AppError::PasswordInvalid`], after the same hashing work: an unknown
/// or inactive address, an account without a password, a wrong password,
/// or passwords paused after too many wrong ones.
pub async fn verify(
    db: &Db,
    email: &str,
    password: &str,
    now: Now,
) -> Result<account::Model, AppError> {
    let email = accounts::normalise(email);
    let person = accounts::find_by_email(db.read(), &email)
        .await?
        .filter(|a| a.active);
    let stored = person
        .as_ref()
        .and_then(|p| p.password_hash.clone())
        .filter(|_| password.chars().count() <= PASSWORD_MAX_CHARS);
    let paused = person
        .as_ref()
        .and_then(|p| p.password_paused_until)
        .is_some_and(|until| until > now.utc);
    let known = stored.is_some();
    let typed = password.to_owned();
    let right = off_the_workers(move || {
        let against = stored.unwrap_or_else(|| NOBODYS.clone());
        matches(&typed, &against)
    })
    .await?;
    let Some(person) = person.filter(|_| known) else {
        return Err(AppError::PasswordInvalid);
    };
    if paused {
        return Err(AppError::PasswordInvalid);
    }
    if right {
        if person.password_failures > 0 {
            account::Entity::update_many()
                .col_expr(account::Column::PasswordFailures, Expr::val(0))
                .filter(account::Column::Id.eq(person.id))
                .exec(db.write())
                .await?;
        }
        return Ok(person);
    }
    // Counted in the database, so several servers share one count.
    let txn = db.begin().await?;
    account::Entity::update_many()
        .col_expr(
            account::Column::PasswordFailures,
            Expr::col(account::Column::PasswordFailures).add(1),
        )
        .filter(account::Column::Id.eq(person.id))
        .exec(&txn)
        .await?;
    account::Entity::update_many()
        .col_expr(account::Column::PasswordFailures, Expr::val(0))
        .col_expr(
            account::Column::PasswordPausedUntil,
            Expr::val(now.utc + PAUSE),
        )
        .filter(account::Column::Id.eq(person.id))
        .filter(account::Column::PasswordFailures.gte(FAILURES_BEFORE_PAUSE))
        .exec(&txn)
        .await?;
    txn.commit().await?;
    Err(AppError::PasswordInvalid)
}

#[derive(Debug, thiserror::Error)]
#[error("password hashing: {0}")]
struct HashError(String);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_hash_is_argon2id_with_owasp_parameters_and_verifies_only_its_password() {
        let stored = hash("riktig hest batteri stift").unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{stored}"
        );
        assert!(matches("riktig hest batteri stift", &stored));
        assert!(!matches("riktig hest batteri stifT", &stored));
        assert!(!matches("riktig hest batteri stift", "not a hash"));
        assert_ne!(stored, hash("riktig hest batteri stift").unwrap(), "salted");
    }

    #[test]
    fn a_password_is_long_enough_the_same_twice_and_not_the_address() {
        let ok = "tolv tegn her";
        assert_eq!(check(ok, ok, "kari@example.no"), Ok(()));
        assert_eq!(
            check("kort", "kort", "k@x.no"),
            Err(AppError::PasswordTooShort)
        );
        assert_eq!(
            check(ok, "tolv tegn hei", "k@x.no"),
            Err(AppError::PasswordsDiffer)
        );
        let long = "å".repeat(PASSWORD_MAX_CHARS + 1);
        assert_eq!(
            check(&long, &long, "k@x.no"),
            Err(AppError::PasswordTooLong)
        );
        let email = "kari.nordmann@example.no";
        assert_eq!(check(email, email, email), Err(AppError::PasswordTooShort));
    }
}
