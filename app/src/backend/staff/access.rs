//! The one place that decides who may do what in the staff area. Every
//! staff page, server function and form post asks it first thing; a
//! coordinator's scope is checked where the row is loaded, so a guessed id
//! or slug meets the same wall as a link.

use sea_orm::{ColumnTrait, Condition, ConnectionTrait, EntityTrait};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::entities::{account, offering};
use crate::domain::error::AppError;
use crate::domain::staff::Role;

use super::{accounts, sessions};

/// A signed-in member of staff, as every staff request knows them.
#[derive(Clone, Debug)]
pub struct Staff {
    pub account: account::Model,
    /// The session this request came with.
    pub session_id: i32,
    /// The organisations a coordinator works for.
    pub organisations: Vec<i32>,
}

/// How wide a role reaches: a role may do what every narrower one may.
fn rank(role: Role) -> u8 {
    match role {
        Role::Admin => 3,
        Role::Editor => 2,
        Role::Coordinator => 1,
    }
}

impl Staff {
    pub fn id(&self) -> i32 {
        self.account.id
    }

    pub fn role(&self) -> Role {
        self.account.role
    }

    /// Refuses unless the role reaches at least as far as `needed`.
    pub fn require(&self, needed: Role) -> Result<(), AppError> {
        if rank(self.role()) >= rank(needed) {
            Ok(())
        } else {
            Err(AppError::Forbidden)
        }
    }

    /// Whether every offering is in reach, not only an organisation's.
    pub fn sees_all(&self) -> bool {
        self.require(Role::Editor).is_ok()
    }

    /// Whether the offerings of `organisation_id` are in reach.
    pub fn may_manage(&self, organisation_id: i32) -> bool {
        self.sees_all() || self.organisations.contains(&organisation_id)
    }

    /// The offerings in reach, as a query condition.
    pub fn offering_scope(&self) -> Condition {
        if self.sees_all() {
            Condition::all()
        } else {
            Condition::all().add(offering::Column::OrganisationId.is_in(self.organisations.clone()))
        }
    }
}

/// The member of staff whose session cookie this is, or
/// [`AppError::SignInRequired`].
pub async fn signed_in(db: &Db, cookie: Option<&str>, now: Now) -> Result<Staff, AppError> {
    let session = sessions::find(db, cookie.ok_or(AppError::SignInRequired)?, now).await?;
    let account = account::Entity::find_by_id(session.account_id)
        .one(db.read())
        .await?
        .filter(|a| a.active)
        .ok_or(AppError::SignInRequired)?;
    let organisations = accounts::organisation_ids(db.read(), account.id).await?;
    Ok(Staff {
        account,
        session_id: session.id,
        organisations,
    })
}

/// The offering `id`, if it is in `staff`'s reach: [`AppError::NotFound`]
/// when there is none, [`AppError::Forbidden`] when it is another
/// organisation's.
pub async fn offering(
    db: &impl ConnectionTrait,
    staff: &Staff,
    id: i32,
) -> Result<offering::Model, AppError> {
    let row = offering::Entity::find_by_id(id)
        .one(db)
        .await?
        .ok_or(AppError::NotFound)?;
    if staff.may_manage(row.organisation_id) {
        Ok(row)
    } else {
        Err(AppError::Forbidden)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn staff(role: Role, organisations: Vec<i32>) -> Staff {
        Staff {
            account: account::Model {
                id: 1,
                email: "a@example.no".into(),
                name: "A".into(),
                role,
                active: true,
                created_at: chrono::NaiveDateTime::default(),
                last_sign_in_at: None,
                password_hash: None,
                password_failures: 0,
                password_paused_until: None,
            },
            session_id: 1,
            organisations,
        }
    }

    #[test]
    fn each_role_reaches_what_narrower_roles_reach() {
        let admin = staff(Role::Admin, vec![]);
        let editor = staff(Role::Editor, vec![]);
        let coordinator = staff(Role::Coordinator, vec![7]);
        assert!(admin.require(Role::Admin).is_ok());
        assert_eq!(editor.require(Role::Admin), Err(AppError::Forbidden));
        assert!(editor.require(Role::Coordinator).is_ok());
        assert_eq!(coordinator.require(Role::Editor), Err(AppError::Forbidden));
        assert!(admin.may_manage(99) && editor.may_manage(99));
        assert!(coordinator.may_manage(7));
        assert!(!coordinator.may_manage(8));
    }
}
