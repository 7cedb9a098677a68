//! The tokens in the confirm and cancel links of emails: 256 random bits
//! each, stored only as their SHA-256, so a leaked database holds no
//! working link. Every email gets tokens of its own. The sign-up flow looks
//! them up; the mail worker issues them as it writes each email.

use chrono::NaiveDateTime;
use sea_orm::{ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set};
use sha2::{Digest, Sha256};

use crate::backend::clock::Now;
use crate::backend::entities::{sign_up, sign_up_token};
use crate::domain::error::AppError;
pub use crate::domain::sign_up::LinkPurpose as Purpose;

/// The length of a token: 32 bytes in unpadded URL-safe base64.
const TOKEN_LEN: usize = 43;

fn random_bytes<const N: usize>() -> [u8; N] {
    use rand::RngCore;
    let mut bytes = [0u8; N];
    rand::rng().fill_bytes(&mut bytes);
    bytes
}

pub(crate) fn new_token() -> String {
    use base64::Engine;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(random_bytes::<32>())
}

/// 128 random bits as hex: unique without coordination, for Message-IDs
/// and outbox claims.
pub fn random_id() -> String {
    random_bytes::<16>()
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

pub(crate) fn hash(token: &str) -> String {
    Sha256::digest(token.as_bytes())
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Whether `token` could be one of ours; anything else is refused before
/// the database is asked.
pub fn well_formed(token: &str) -> bool {
    token.len() == TOKEN_LEN
        && token
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

/// Issues fresh tokens for a sign-up, one per purpose asked for, in one
/// statement, and returns them in the same order; only their hashes are
/// stored.
pub async fn issue(
    db: &impl ConnectionTrait,
    sign_up_id: i32,
    links: &[(Purpose, NaiveDateTime)],
) -> Result<Vec<String>, DbErr> {
    if links.is_empty() {
        return Ok(Vec::new());
    }
    let tokens: Vec<String> = links.iter().map(|_| new_token()).collect();
    let rows = links
        .iter()
        .zip(&tokens)
        .map(
            |((purpose, expires_at), token)| sign_up_token::ActiveModel {
                sign_up_id: Set(sign_up_id),
                purpose: Set(*purpose),
                token_hash: Set(hash(token)),
                expires_at: Set(*expires_at),
                used_at: Set(None),
                ..Default::default()
            },
        );
    sign_up_token::Entity::insert_many(rows)
        .exec_without_returning(db)
        .await?;
    Ok(tokens)
}

/// Makes every unused link of `purpose` for a sign-up stop working.
pub async fn revoke(
    db: &impl ConnectionTrait,
    sign_up_id: i32,
    purpose: Purpose,
) -> Result<(), DbErr> {
    sign_up_token::Entity::delete_many()
        .filter(sign_up_token::Column::SignUpId.eq(sign_up_id))
        .filter(sign_up_token::Column::Purpose.eq(purpose))
        .filter(sign_up_token::Column::UsedAt.is_null())
        .exec(db)
        .await?;
    Ok(())
}

/// The token and its sign-up; unknown and expired tokens are refused.
pub async fn find(
    db: &impl ConnectionTrait,
    token: &str,
    purpose: Purpose,
    now: Now,
) -> Result<(sign_up_token::Model, sign_up::Model), AppError> {
    let token = token.trim();
    if !well_formed(token) {
        return Err(AppError::LinkInvalid);
    }
    let link = sign_up_token::Entity::find()
        .filter(sign_up_token::Column::TokenHash.eq(hash(token)))
        .filter(sign_up_token::Column::Purpose.eq(purpose))
        .one(db)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    let row = sign_up::Entity::find_by_id(link.sign_up_id)
        .one(db)
        .await?
        .ok_or(AppError::LinkInvalid)?;
    if link.expires_at < now.utc {
        return Err(AppError::LinkExpired);
    }
    Ok((link, row))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tokens_are_long_random_and_only_ours_are_looked_up() {
        let (a, b) = (new_token(), new_token());
        assert_ne!(a, b);
        assert!(well_formed(&a), "{a}");
        assert!(!well_formed("bogus"));
        assert!(!well_formed(&format!("{}!", &a[1..])));
        assert_eq!(hash(&a).len(), 64);
        assert_eq!(random_id().len(), 32);
    }
}
