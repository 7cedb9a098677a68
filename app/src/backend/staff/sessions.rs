//! Signed-in browsers, kept in the database so that every server knows
//! them and "sign out everywhere" ends them all at once. The cookie holds
//! 256 random bits; the table holds their hash. Each sign-in starts a new
//! session (a new id), so nothing set before signing in carries over.

use chrono::Duration;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::staff_session;
use crate::backend::tokens;
use crate::domain::error::AppError;

/// Idle time after which a session on a shared computer ends.
pub const SHARED_IDLE: Duration = Duration::minutes(30);
/// Idle time after which any other session ends.
pub const PERSONAL_IDLE: Duration = Duration::days(30);
/// How stale `last_seen_at` may grow before a request writes it again:
/// a page a second does not cost a write a second.
const TOUCH_AFTER: Duration = Duration::seconds(60);

fn idle(shared: bool) -> Duration {
    if shared { SHARED_IDLE } else { PERSONAL_IDLE }
}

/// Starts a session for `account_id`; returns the cookie's value.
pub async fn start(
    db: &impl ConnectionTrait,
    account_id: i32,
    shared_computer: bool,
    now: Now,
) -> Result<String, DbErr> {
    let token = tokens::new_token();
    staff_session::Entity::insert(staff_session::ActiveModel {
        token_hash: Set(tokens::hash(&token)),
        account_id: Set(account_id),
        shared_computer: Set(shared_computer),
        created_at: Set(now.utc),
        last_seen_at: Set(now.utc),
        expires_at: Set(now.utc + idle(shared_computer)),
        ..Default::default()
    })
    .exec_without_returning(db)
    .await?;
    Ok(token)
}

/// The live session of a cookie's value, kept alive by this use.
pub async fn find(db: &Db, token: &str, now: Now) -> Result<staff_session::Model, AppError> {
    let token = token.trim();
    if !tokens::well_formed(token) {
        return Err(AppError::SignInRequired);
    }
    let row = staff_session::Entity::find()
        .filter(staff_session::Column::TokenHash.eq(tokens::hash(token)))
        .filter(staff_session::Column::ExpiresAt.gt(now.utc))
        .one(db.read())
        .await?
        .ok_or(AppError::SignInRequired)?;
    if now.utc - row.last_seen_at > TOUCH_AFTER {
        staff_session::Entity::update_many()
            .col_expr(
                staff_session::Column::LastSeenAt,
                sea_orm::sea_query::Expr::value(now.utc),
            )
            .col_expr(
                staff_session::Column::ExpiresAt,
                sea_orm::sea_query::Expr::value(now.utc + idle(row.shared_computer)),
            )
            .filter(staff_session::Column::Id.eq(row.id))
            .exec(db.write())
            .await?;
    }
    Ok(row)
}

/// Ends one session.
pub async fn end(db: &impl ConnectionTrait, session_id: i32) -> Result<(), DbErr> {
    staff_session::Entity::delete_by_id(session_id)
        .exec(db)
        .await?;
    Ok(())
}

/// Ends every session of an account, on every device.
pub async fn end_all(db: &impl ConnectionTrait, account_id: i32) -> Result<u64, DbErr> {
    Ok(staff_session::Entity::delete_many()
        .filter(staff_session::Column::AccountId.eq(account_id))
        .exec(db)
        .await?
        .rows_affected)
}

/// Forgets sessions that have ended; for the worker.
pub async fn purge(db: &Db, now: Now) -> Result<u64, AppError> {
    Ok(staff_session::Entity::delete_many()
        .filter(staff_session::Column::ExpiresAt.lte(now.utc))
        .exec(db.write())
        .await?
        .rows_affected)
}

/// The session cookie's name over HTTPS: `__Host-` makes the browser
/// refuse it unless it is Secure, for this host only, on every path.
pub const SECURE_COOKIE: &str = "__Host-treffpunkt_staff";
/// Its name over plain HTTP (a development machine), where a `__Host-`
/// cookie cannot be set.
pub const COOKIE: &str = "treffpunkt_staff";

/// The session cookie's value in a request's headers, under either name.
pub fn from_headers(headers: &http::HeaderMap) -> Option<String> {
    headers
        .get_all(http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(name, _)| *name == SECURE_COOKIE || *name == COOKIE)
        .map(|(_, value)| value.to_string())
}

/// The `Set-Cookie` that starts a session: HttpOnly, SameSite=Lax, and
/// over HTTPS Secure under the `__Host-` name. On a shared computer it
/// has no lifetime, so it goes when the browser closes; otherwise it
/// lasts as long as the session may idle.
pub fn set_cookie(token: &str, shared_computer: bool, https: bool) -> String {
    let lifetime = if shared_computer {
        String::new()
    } else {
        format!("; Max-Age={}", PERSONAL_IDLE.num_seconds())
    };
    let (name, secure) = if https {
        (SECURE_COOKIE, "; Secure")
    } else {
        (COOKIE, "")
    };
    format!("{name}={token}; Path=/; HttpOnly; SameSite=Lax{secure}{lifetime}")
}

/// The `Set-Cookie` that removes the session cookie.
pub fn clear_cookie(https: bool) -> String {
    let (name, secure) = if https {
        (SECURE_COOKIE, "; Secure")
    } else {
        (COOKIE, "")
    };
    format!("{name}=; Path=/; HttpOnly; SameSite=Lax{secure}; Max-Age=0")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_cookie_is_host_only_and_secure_over_https() {
        let c = set_cookie("abc", false, true);
        assert!(
            c.starts_with("__Host-treffpunkt_staff=abc; Path=/; HttpOnly; SameSite=Lax; Secure")
        );
        assert!(c.contains("Max-Age=2592000"), "{c}");
        let shared = set_cookie("abc", true, true);
        assert!(!shared.contains("Max-Age"), "{shared}");
        assert!(!set_cookie("abc", false, false).contains("Secure"));
        let mut headers = http::HeaderMap::new();
        headers.insert(
            http::header::COOKIE,
            "lang=nn; __Host-treffpunkt_staff=xyz".parse().unwrap(),
        );
        assert_eq!(from_headers(&headers).as_deref(), Some("xyz"));
    }
}
