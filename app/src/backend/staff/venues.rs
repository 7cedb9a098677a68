//! Editors keep venues true: name, address and the accessibility facts
//! residents choose by (step-free entrance, toilet, hearing loop,
//! parking), with the date they were last checked. A venue is shared by
//! every offering that meets there, so a change refreshes all of them in
//! the same transaction.

use std::collections::HashMap;

use sea_orm::{
    ActiveModelTrait, ColumnTrait, ConnectionTrait, EntityTrait, IntoActiveModel, QueryFilter,
    QueryOrder, QuerySelect, Set,
};

use super::{Staff, audit};
use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::{district, offering, venue};
use crate::domain::catalogue::{NewVenue, VenueForm, VenueRow, VenuesPage};
use crate::domain::error::AppError;
use crate::domain::staff::{AuditAction, Role};

fn facts(v: &venue::Model) -> NewVenue {
    NewVenue {
        name: v.name.clone(),
        address: v.address.clone(),
        postcode: v.postcode.clone(),
        city: v.city.clone(),
        step_free: v.step_free,
        accessible_toilet: v.accessible_toilet,
        hearing_loop: v.hearing_loop,
        parking: v.parking,
        checked_on: v.checked_on,
    }
}

/// Every venue, oldest check first, for an editor.
pub async fn list(db: &impl ConnectionTrait, staff: &Staff) -> Result<VenuesPage, AppError> {
    staff.require(Role::Editor)?;
    let counts: Vec<(Option<i32>, i64)> = offering::Entity::find()
        .select_only()
        .column(offering::Column::VenueId)
        .column_as(offering::Column::Id.count(), "n")
        .group_by(offering::Column::VenueId)
        .into_tuple()
        .all(db)
        .await?;
    let counts: HashMap<i32, i64> = counts
        .into_iter()
        .filter_map(|(v, n)| v.map(|v| (v, n)))
        .collect();
    let districts: HashMap<i32, String> = district::Entity::find()
        .all(db)
        .await?
        .into_iter()
        .map(|d| (d.id, d.name_nb))
        .collect();
    let venues = venue::Entity::find()
        .order_by_asc(venue::Column::CheckedOn)
        .order_by_asc(venue::Column::Name)
        .all(db)
        .await?
        .iter()
        .map(|v| VenueRow {
            id: v.id,
            district: districts.get(&v.district_id).cloned().unwrap_or_default(),
            offerings: u32::try_from(counts.get(&v.id).copied().unwrap_or(0)).unwrap_or(0),
            form: VenueForm::of(&facts(v)),
        })
        .collect();
    Ok(VenuesPage { venues })
}

/// Changes venue `id`, and refreshes every offering that meets there.
pub async fn change(
    db: &Db,
    staff: &Staff,
    id: i32,
    new: &NewVenue,
    now: Now,
) -> Result<(), AppError> {
    staff.require(Role::Editor)?;
    let txn = db.begin().await?;
    let before = venue::Entity::find_by_id(id)
        .one(&txn)
        .await?
        .ok_or(AppError::NotFound)?;
    let mut row = before.clone().into_active_model();
    row.name = Set(new.name.clone());
    row.address = Set(new.address.clone());
    row.postcode = Set(new.postcode.clone());
    row.city = Set(new.city.clone());
    row.step_free = Set(new.step_free);
    row.accessible_toilet = Set(new.accessible_toilet);
    row.hearing_loop = Set(new.hearing_loop);
    row.parking = Set(new.parking);
    row.checked_on = Set(new.checked_on);
    let after = row.update(&txn).await?;
    let meeting_there: Vec<i32> = offering::Entity::find()
        .select_only()
        .column(offering::Column::Id)
        .filter(offering::Column::VenueId.eq(id))
        .into_tuple()
        .all(&txn)
        .await?;
    read_model::refresh(&txn, &meeting_there, now.local, Why::Edited).await?;
    audit::record(
        &txn,
        audit::Event {
            by: Some(staff.id()),
            action: AuditAction::VenueChanged,
            subject: Some(audit::subject("venue", id)),
            detail: Some(
                serde_json::json!({ "before": facts(&before), "after": facts(&after) }).to_string(),
            ),
            ..audit::Event::default()
        },
        now,
    )
    .await?;
    txn.commit().await?;
    Ok(())
}
