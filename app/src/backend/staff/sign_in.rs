//! Signing in by an emailed one-time code and link. Asking for one gets
//! the same reply whether the address has an account or not; the email
//! carries a six-digit code to type on any device and a link whose page
//! asks for a button press (mail scanners open links, but do not press
//! buttons). Both are made when the email is written, stored only as
//! hashes, work once, and for [`VALID_FOR`].

use chrono::Duration;
use sea_orm::sea_query::{Expr, ExprTrait};
use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DatabaseTransaction, DbBackend, EntityTrait,
    PaginatorTrait, QueryFilter, QuerySelect, Set,
};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::{account, sign_in};
use crate::backend::mail::outbox;
use crate::backend::tokens;
use crate::domain::error::AppError;
use crate::domain::lang::Lang;

use super::accounts;

/// How long a code and link work.
pub const VALID_FOR: Duration = Duration::minutes(15);
/// Wrong codes that one emailed code survives.
pub const TRIES_PER_CODE: i32 = 5;

/// Asks for a sign-in email to `email`. Says nothing about whether the
/// address has an account: for an unknown or inactive one, or one that
/// has had `per_hour` sign-in emails in the last hour, nothing is queued
/// and the answer is the same. The count is kept in the database, so
/// several servers do not multiply it.
pub async fn request(
    db: &Db,
    email: &str,
    lang: Lang,
    now: Now,
    per_hour: u32,
) -> Result<(), AppError> {
    let email = accounts::normalise(email);
    if !email_address::EmailAddress::is_valid(&email) {
        return Err(AppError::EmailInvalid);
    }
    let txn = db.begin().await?;
    let Some(person) = accounts::find_by_email(&txn, &email)
        .await?
        .filter(|a| a.active)
    else {
        txn.commit().await?;
        return Ok(());
    };
    let recent = sign_in::Entity::find()
        .filter(sign_in::Column::AccountId.eq(person.id))
        .filter(sign_in::Column::CreatedAt.gt(now.utc - Duration::hours(1)))
        .count(&txn)
        .await?;
    if recent >= u64::from(per_hour) {
        txn.commit().await?;
        return Ok(());
    }
    let row = sign_in::ActiveModel {
        account_id: Set(person.id),
        attempts: Set(0),
        expires_at: Set(now.utc + VALID_FOR),
        created_at: Set(now.utc),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    outbox::enqueue_sign_in(&txn, row.id, lang, &person.email, now.utc).await?;
    txn.commit().await?;
    Ok(())
}

/// What the email carries.
#[derive(Clone, Debug)]
pub struct Issued {
    pub code: String,
    pub token: String,
    pub name: String,
}

/// Makes the code and link for sign-in `id` as its email is written, and
/// stores their hashes in place of any made before (a retried email
/// carries new ones). None when the sign-in was used or ran out: the
/// email is not worth sending.
pub async fn issue(
    txn: &DatabaseTransaction,
    id: i32,
    now: Now,
) -> Result<Option<Issued>, AppError> {
    let mut query = sign_in::Entity::find_by_id(id);
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    let Some(row) = query
        .one(txn)
        .await?
        .filter(|r| r.used_at.is_none() && r.expires_at > now.utc)
    else {
        return Ok(None);
    };
    let Some(person) = account::Entity::find_by_id(row.account_id)
        .one(txn)
        .await?
        .filter(|a| a.active)
    else {
        return Ok(None);
    };
    let code = new_code();
    let token = tokens::new_token();
    let mut change: sign_in::ActiveModel = row.into();
    change.code_hash = Set(Some(tokens::hash(&code)));
    change.token_hash = Set(Some(tokens::hash(&token)));
    change.attempts = Set(0);
    change.update(txn).await?;
    Ok(Some(Issued {
        code,
        token,
        name: person.name,
    }))
}

/// Six digits, evenly drawn.
fn new_code() -> String {
    use rand::Rng;
    format!("{:06}", rand::rng().random_range(0..1_000_000))
}

/// The code as typed, with spaces and dashes (people copy "123 456")
/// taken out.
fn clean_code(typed: &str) -> String {
    typed
        .chars()
        .filter(|c| !c.is_whitespace() && *c != '-')
        .collect()
}

/// Checks a typed code against the open sign-ins of `email`'s account
/// (someone who asked twice may type either code), and uses up the one it
/// matches. A wrong code counts against every open one, so asking again
/// gives a guesser no more tries. Every failure is the same error,
/// whatever the reason.
pub async fn verify_code(
    db: &Db,
    email: &str,
    typed: &str,
    now: Now,
) -> Result<account::Model, AppError> {
    let code = clean_code(typed);
    if code.len() != 6 || !code.bytes().all(|b| b.is_ascii_digit()) {
        return Err(AppError::SignInCodeInvalid);
    }
    let txn = db.begin().await?;
    let Some(person) = accounts::find_by_email(&txn, email)
        .await?
        .filter(|a| a.active)
    else {
        txn.commit().await?;
        return Err(AppError::SignInCodeInvalid);
    };
    let mut query = sign_in::Entity::find()
        .filter(sign_in::Column::AccountId.eq(person.id))
        .filter(sign_in::Column::UsedAt.is_null())
        .filter(sign_in::Column::ExpiresAt.gt(now.utc))
        .filter(sign_in::Column::CodeHash.is_not_null())
        .filter(sign_in::Column::Attempts.lt(TRIES_PER_CODE));
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    let open = query.all(&txn).await?;
    let hash = tokens::hash(&code);
    let Some(matched) = open
        .iter()
        .find(|r| r.code_hash.as_deref() == Some(hash.as_str()))
    else {
        let ids: Vec<i32> = open.iter().map(|r| r.id).collect();
        if !ids.is_empty() {
            sign_in::Entity::update_many()
                .col_expr(
                    sign_in::Column::Attempts,
                    Expr::col(sign_in::Column::Attempts).add(1),
                )
                .filter(sign_in::Column::Id.is_in(ids))
                .exec(&txn)
                .await?;
        }
        txn.commit().await?;
        return Err(AppError::SignInCodeInvalid);
    };
    use_up(&txn, matched.id, person.id, now).await?;
    txn.commit().await?;
    Ok(person)
}

/// Uses the link's token, once.
pub async fn use_link(db: &Db, token: &str, now: Now) -> Result<account::Model, AppError> {
    let token = token.trim();
    if !tokens::well_formed(token) {
        return Err(AppError::SignInCodeInvalid);
    }
    let txn = db.begin().await?;
    let mut query = sign_in::Entity::find()
        .filter(sign_in::Column::TokenHash.eq(tokens::hash(token)))
        .filter(sign_in::Column::UsedAt.is_null())
        .filter(sign_in::Column::ExpiresAt.gt(now.utc));
    if txn.get_database_backend() == DbBackend::Postgres {
        query = query.lock_exclusive();
    }
    let Some(row) = query.one(&txn).await? else {
        txn.commit().await?;
        return Err(AppError::SignInCodeInvalid);
    };
    let Some(person) = account::Entity::find_by_id(row.account_id)
        .one(&txn)
        .await?
        .filter(|a| a.active)
    else {
        txn.commit().await?;
        return Err(AppError::SignInCodeInvalid);
    };
    use_up(&txn, row.id, person.id, now).await?;
    txn.commit().await?;
    Ok(person)
}

/// Uses up sign-in `id` (its code and its link alike) and notes when the
/// account last signed in.
async fn use_up(
    txn: &impl ConnectionTrait,
    id: i32,
    account_id: i32,
    now: Now,
) -> Result<(), AppError> {
    sign_in::Entity::update_many()
        .col_expr(sign_in::Column::UsedAt, Expr::value(now.utc))
        .filter(sign_in::Column::Id.eq(id))
        .exec(txn)
        .await?;
    account::Entity::update_many()
        .col_expr(account::Column::LastSignInAt, Expr::value(now.utc))
        .filter(account::Column::Id.eq(account_id))
        .exec(txn)
        .await?;
    Ok(())
}

/// Forgets sign-ins that ended a day ago; for the worker.
pub async fn purge(db: &Db, now: Now) -> Result<u64, AppError> {
    let gone = sign_in::Entity::delete_many()
        .filter(sign_in::Column::ExpiresAt.lt(now.utc - Duration::days(1)))
        .exec(db.write())
        .await?;
    Ok(gone.rows_affected)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_are_six_digits_and_typed_codes_forgive_spaces() {
        for _ in 0..100 {
            let code = new_code();
            assert_eq!(code.len(), 6, "{code}");
            assert!(code.bytes().all(|b| b.is_ascii_digit()), "{code}");
        }
        assert_eq!(clean_code(" 123 456\n"), "123456");
        assert_eq!(clean_code("123-456"), "123456");
    }
}
