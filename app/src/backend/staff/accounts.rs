//! Members of staff. A new installation has none; `treffpunkt
//! create-admin` makes the first, and the demo data brings one per role.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::backend::clock::Now;
use crate::backend::entities::{account, account_organisation, organisation};
use crate::domain::error::AppError;
use crate::domain::staff::{AuditAction, Role};

use super::audit;

/// Why an account could not be created.
#[derive(Debug, thiserror::Error)]
pub enum AccountError {
    #[error("'{0}' is not an email address")]
    BadEmail(String),
    #[error("an account for {0} exists already")]
    Exists(String),
    #[error("no organisation '{0}'")]
    NoOrganisation(String),
    #[error(transparent)]
    Db(#[from] DbErr),
}

/// The form an address is stored and looked up in: trimmed and
/// lower-cased, so `Ola@Kommune.no` and `ola@kommune.no` are one account.
pub fn normalise(email: &str) -> String {
    email.trim().to_lowercase()
}

/// A new account.
#[derive(Clone, Debug)]
pub struct NewAccount<'a> {
    pub email: &'a str,
    pub name: &'a str,
    pub role: Role,
    /// Slugs of the organisations a coordinator works for.
    pub organisations: &'a [String],
}

/// Creates an account, with its organisations, and records who made it
/// (`by`: none for the command line and the demo data).
pub async fn create(
    db: &impl ConnectionTrait,
    new: &NewAccount<'_>,
    by: Option<i32>,
    now: Now,
) -> Result<account::Model, AccountError> {
    let email = normalise(new.email);
    if !email_address::EmailAddress::is_valid(&email) {
        return Err(AccountError::BadEmail(new.email.to_string()));
    }
    if find_by_email(db, &email).await?.is_some() {
        return Err(AccountError::Exists(email));
    }
    let mut organisation_ids = Vec::new();
    for slug in new.organisations {
        let row = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq(slug.as_str()))
            .one(db)
            .await?
            .ok_or_else(|| AccountError::NoOrganisation(slug.clone()))?;
        organisation_ids.push(row.id);
    }
    let row = account::ActiveModel {
        email: Set(email),
        name: Set(new.name.trim().to_string()),
        role: Set(new.role),
        active: Set(true),
        created_at: Set(now.utc),
        ..Default::default()
    }
    .insert(db)
    .await?;
    if !organisation_ids.is_empty() {
        account_organisation::Entity::insert_many(organisation_ids.into_iter().map(|id| {
            account_organisation::ActiveModel {
                account_id: Set(row.id),
                organisation_id: Set(id),
            }
        }))
        .exec_without_returning(db)
        .await?;
    }
    audit::record(
        db,
        audit::Event {
            by,
            action: AuditAction::AccountCreated,
            subject: Some(audit::subject("account", row.id)),
            detail: Some(format!(
                "{{\"role\":\"{}\"}}",
                crate::domain::Code::code(row.role)
            )),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    Ok(row)
}

/// The account of `email`, active or not.
pub async fn find_by_email(
    db: &impl ConnectionTrait,
    email: &str,
) -> Result<Option<account::Model>, DbErr> {
    account::Entity::find()
        .filter(account::Column::Email.eq(normalise(email)))
        .one(db)
        .await
}

/// The ids of the organisations a member of staff works for.
pub async fn organisation_ids(
    db: &impl ConnectionTrait,
    account_id: i32,
) -> Result<Vec<i32>, AppError> {
    Ok(account_organisation::Entity::find()
        .filter(account_organisation::Column::AccountId.eq(account_id))
        .all(db)
        .await?
        .into_iter()
        .map(|r| r.organisation_id)
        .collect())
}

/// Who is signed in, for the staff pages' header.
pub async fn identity(
    db: &impl ConnectionTrait,
    staff: &super::Staff,
) -> Result<crate::domain::staff::StaffIdentity, AppError> {
    let organisations = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(staff.organisations.clone()))
        .all(db)
        .await?
        .into_iter()
        .map(|o| o.name)
        .collect();
    Ok(crate::domain::staff::StaffIdentity {
        name: staff.account.name.clone(),
        role: staff.role(),
        organisations,
    })
}
