//! Administrators add organisations and change them: name, kind,
//! contact, website, and whether they are trusted to publish without an
//! editor's approval. A change to what the public pages show (the name,
//! the website) refreshes the organisation's offerings in the same
//! transaction, so every server shows it within the two seconds an edit
//! takes.

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{Staff, audit};
use crate::backend::catalogue::offering::free_slug;
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::{offering, organisation};
use crate::domain::Code;
use crate::domain::error::AppError;
use crate::domain::staff::{
    AuditAction, OrganisationForm, OrganisationRow, OrganisationsPage, Role, ValidOrganisation,
};

fn form_of(o: &organisation::Model) -> OrganisationForm {
    OrganisationForm {
        name: o.name.clone(),
        kind: o.kind.code().to_string(),
        email: o.email.clone(),
        phone: o.phone.clone(),
        website: o.website.clone().unwrap_or_default(),
        org_number: o.org_number.clone().unwrap_or_default(),
        publishes_directly: o.publishes_directly.then(|| "1".to_string()),
    }
}

/// Every organisation, by name, for an administrator.
pub async fn list(db: &impl ConnectionTrait, staff: &Staff) -> Result<OrganisationsPage, AppError> {
    staff.require(Role::Admin)?;
    let counts: Vec<(i32, i64)> = offering::Entity::find()
        .select_only()
        .column(offering::Column::OrganisationId)
        .column_as(offering::Column::Id.count(), "n")
        .group_by(offering::Column::OrganisationId)
        .into_tuple()
        .all(db)
        .await?;
    let counts: std::collections::HashMap<i32, i64> = counts.into_iter().collect();
    let organisations = organisation::Entity::find()
        .order_by_asc(organisation::Column::Name)
        .all(db)
        .await?
        .iter()
        .map(|o| OrganisationRow {
            id: o.id,
            form: form_of(o),
            offerings: u32::try_from(counts.get(&o.id).copied().unwrap_or(0)).unwrap_or(u32::MAX),
        })
        .collect();
    Ok(OrganisationsPage { organisations })
}

/// Adds an organisation; returns its id.
pub async fn add(
    db: &Db,
    staff: &Staff,
    new: &ValidOrganisation,
    now: Now,
) -> Result<i32, AppError> {
    staff.require(Role::Admin)?;
    let txn = db.begin().await?;
    let row = organisation::ActiveModel {
        slug: Set(free_slug(&txn, &new.name, "organisasjon", |slug| {
            organisation::Entity::find().filter(organisation::Column::Slug.eq(slug))
        })
        .await?),
        name: Set(new.name.clone()),
        kind: Set(new.kind),
        email: Set(new.email.clone()),
        phone: Set(new.phone.clone()),
        website: Set(new.website.clone()),
        org_number: Set(new.org_number.clone()),
        publishes_directly: Set(new.publishes_directly),
        ..Default::default()
    }
    .insert(&txn)
    .await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::OrganisationCreated,
            subject: Some(audit::subject("organisation", row.id)),
            detail: Some(serde_json::to_string(&form_of(&row)).map_err(AppError::internal)?),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(row.id)
}

/// Changes organisation `id`, and refreshes its offerings' pages.
pub async fn change(
    db: &Db,
    staff: &Staff,
    id: i32,
    new: &ValidOrganisation,
    now: Now,
) -> Result<(), AppError> {
    staff.require(Role::Admin)?;
    let txn = db.begin().await?;
    let before = organisation::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut row = before.clone().into_active_model();
    row.name = Set(new.name.clone());
    row.kind = Set(new.kind);
    row.email = Set(new.email.clone());
    row.phone = Set(new.phone.clone());
    row.website = Set(new.website.clone());
    row.org_number = Set(new.org_number.clone());
    row.publishes_directly = Set(new.publishes_directly);
    let after = row.update(&txn).await?;
    let runs: Vec<i32> = offering::Entity::find()
        .select_only()
        .column(offering::Column::Id)
        .filter(offering::Column::OrganisationId.eq(id))
        .into_tuple()
        .all(&txn)
        .await?;
    read_model::refresh(&txn, &runs, now.local, Why::Edited).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::OrganisationChanged,
            subject: Some(audit::subject("organisation", id)),
            detail: Some(
                serde_json::json!({ "before": form_of(&before), "after": form_of(&after) })
                    .to_string(),
            ),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
