//! What an organiser does to a course's sign-ups, for a member of staff
//! who may: each checks the course is in reach, makes the change under
//! the course's lock and records it, in one transaction.

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::settings::SignUpSettings;
use crate::backend::sign_up::by_staff;
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::staff::{AuditAction, SignUpAction, ValidPhoneSignUp};

use super::{Staff, audit, roster};

fn event(staff: &Staff, action: AuditAction, course: i32, sign_up: i32) -> audit::Event {
    audit::Event {
        by: Some(staff.id()),
        action,
        offering_id: Some(course),
        subject: Some(audit::subject("sign_up", sign_up)),
        detail: None,
    }
}

/// Does `action` to sign-up `sign_up` of course `course`.
pub async fn act(
    db: &Db,
    staff: &Staff,
    course: i32,
    sign_up: i32,
    action: SignUpAction,
    now: Now,
    settings: &SignUpSettings,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    roster::course(&txn, staff, course).await?;
    let recorded = match action {
        SignUpAction::Cancel => {
            by_staff::cancel(&txn, course, sign_up, now, settings).await?;
            AuditAction::SignUpCancelled
        }
        SignUpAction::GivePlace => {
            by_staff::give_place(&txn, course, sign_up, now, settings).await?;
            AuditAction::SignUpPromoted
        }
    };
    audit::record(&txn, event(staff, recorded, course, sign_up), now).await?;
    txn.commit().await?;
    Ok(())
}

/// Adds someone who phoned in.
pub async fn add_by_phone(
    db: &Db,
    staff: &Staff,
    course: i32,
    person: &ValidPhoneSignUp,
    lang: Lang,
    now: Now,
) -> Result<(), AppError> {
    let txn = db.begin().await?;
    roster::course(&txn, staff, course).await?;
    let row = by_staff::add_by_phone(&txn, course, person, lang, now).await?;
    audit::record(
        &txn,
        event(staff, AuditAction::PhoneSignUpAdded, course, row.id),
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
