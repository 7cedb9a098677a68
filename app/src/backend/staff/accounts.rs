//! Members of staff. A new installation has none; `treffpunkt
//! create-admin` makes the first, and the demo data brings one per role.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, DbErr, EntityTrait, QueryFilter, Set,
};

use crate::backend::clock::Now;
use crate::backend::entities::{account, account_organisation, organisation};
use crate::domain::Code;
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
            detail: Some(serde_json::json!({ "role": row.role.code() }).to_string()),
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
        has_password: staff.account.password_hash.is_some(),
        organisations,
    })
}

/// Every account, for an administrator.
pub async fn list(
    db: &impl ConnectionTrait,
    staff: &super::Staff,
) -> Result<crate::domain::staff::AccountsPage, AppError> {
    use sea_orm::QueryOrder;
    staff.require(Role::Admin)?;
    let mut memberships: std::collections::HashMap<i32, Vec<i32>> = Default::default();
    for m in account_organisation::Entity::find().all(db).await? {
        memberships
            .entry(m.account_id)
            .or_default()
            .push(m.organisation_id);
    }
    let accounts = account::Entity::find()
        .order_by_asc(account::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|a| crate::domain::staff::AccountRow {
            organisations: memberships.remove(&a.id).unwrap_or_default(),
            id: a.id,
            email: a.email,
            name: a.name,
            role: a.role,
            active: a.active,
            last_sign_in: a.last_sign_in_at.map(crate::backend::clock::oslo),
        })
        .collect();
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?
        .into_iter()
        .map(|o| crate::domain::catalogue::Choice {
            id: o.id,
            name: o.name,
        })
        .collect();
    Ok(crate::domain::staff::AccountsPage {
        accounts,
        organisations,
        me: staff.id(),
    })
}

/// Creates an account from the administrator's form.
pub async fn add(
    db: &crate::backend::db::Db,
    staff: &super::Staff,
    form: &crate::domain::staff::AccountForm,
    now: Now,
) -> Result<(), AppError> {
    staff.require(Role::Admin)?;
    let role = Role::from_code(&form.role).ok_or(AppError::NotFound)?;
    let ids: Vec<i32> = form
        .organisation
        .iter()
        .filter_map(|o| o.parse().ok())
        .collect();
    let slugs: Vec<String> = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(ids))
        .all(db.read())
        .await?
        .into_iter()
        .map(|o| o.slug)
        .collect();
    let txn = db.begin().await?;
    let new = NewAccount {
        email: &form.email,
        name: form.name.trim(),
        role,
        organisations: &slugs,
    };
    match create(&txn, &new, Some(staff.id()), now).await {
        Ok(_) => {}
        Err(AccountError::BadEmail(_)) => return Err(AppError::EmailInvalid),
        Err(AccountError::Exists(_)) => return Err(AppError::AccountExists),
        Err(AccountError::NoOrganisation(_)) => return Err(AppError::NotFound),
        Err(AccountError::Db(e)) => return Err(e.into()),
    }
    txn.commit().await?;
    Ok(())
}

/// Changes an account's role, organisations and whether it may sign in,
/// records what it was, and ends its sessions when it lost anything, so
/// the change holds at once. An administrator cannot demote or stop
/// themselves (someone must be left to undo it).
pub async fn change(
    db: &crate::backend::db::Db,
    staff: &super::Staff,
    id: i32,
    form: &crate::domain::staff::AccountForm,
    now: Now,
) -> Result<(), AppError> {
    use sea_orm::ActiveModelTrait;
    staff.require(Role::Admin)?;
    let role = Role::from_code(&form.role).ok_or(AppError::NotFound)?;
    let active = form.active.is_some();
    if id == staff.id() && (role != Role::Admin || !active) {
        return Err(AppError::OwnAccount);
    }
    let mut organisations: Vec<i32> = form
        .organisation
        .iter()
        .filter_map(|o| o.parse().ok())
        .collect();
    organisations.sort_unstable();
    organisations.dedup();
    let txn = db.begin().await?;
    let row = account::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let before = organisation_ids(&txn, id).await?;
    let known = organisation::Entity::find()
        .filter(organisation::Column::Id.is_in(organisations.clone()))
        .all(&txn)
        .await?
        .len();
    if known != organisations.len() {
        return Err(AppError::NotFound);
    }
    let lost = row.role != role
        || (row.active && !active)
        || before.iter().any(|o| !organisations.contains(o));
    let detail = serde_json::json!({
        "before": { "role": row.role.code(), "active": row.active, "organisations": before },
        "after": { "role": role.code(), "active": active, "organisations": organisations },
    })
    .to_string();
    let mut change: account::ActiveModel = row.into();
    change.role = Set(role);
    change.active = Set(active);
    change.update(&txn).await?;
    account_organisation::Entity::delete_many()
        .filter(account_organisation::Column::AccountId.eq(id))
        .exec(&txn)
        .await?;
    if !organisations.is_empty() {
        account_organisation::Entity::insert_many(organisations.iter().map(|o| {
            account_organisation::ActiveModel {
                account_id: Set(id),
                organisation_id: Set(*o),
            }
        }))
        .exec_without_returning(&txn)
        .await?;
    }
    if lost {
        super::sessions::end_all(&txn, id).await?;
    }
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::RoleChanged,
            subject: Some(audit::subject("account", id)),
            detail: Some(detail),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
