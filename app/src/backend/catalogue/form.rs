//! What the offering form offers: the districts, the organisations in
//! reach, venues and categories, with the offering's own values filled in.

use sea_orm::{ColumnTrait, ConnectionTrait, EntityTrait, QueryFilter, QueryOrder, QuerySelect};

use crate::backend::entities::{category, district, organisation, venue};
use crate::backend::staff::{Staff, access};
use crate::domain::Code;
use crate::domain::catalogue::{Choice, OfferingForm, OfferingFormPage};
use crate::domain::error::AppError;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingKind;

use super::offering;

/// Venues offered in the list; more are reached by adding one. A country
/// has thousands, and the form must stay a page a phone can load.
const VENUES_LISTED: u64 = 400;

/// The form for a new offering of `kind`, for offering `edit`, or for a
/// copy of offering `copy` (a new offering that starts as the old one).
pub async fn page(
    db: &impl ConnectionTrait,
    staff: &Staff,
    kind: OfferingKind,
    edit: Option<i32>,
    copy: Option<i32>,
    lang: Lang,
) -> Result<OfferingFormPage, AppError> {
    let source = edit.or(copy);
    let (form, slug) = match source {
        Some(id) => {
            let row = access::offering(db, staff, id).await?;
            let draft = offering::load(db, id).await?;
            (OfferingForm::from_draft(&draft), Some(row.slug))
        }
        None => (
            OfferingForm {
                kind: kind.code().to_string(),
                ..OfferingForm::default()
            },
            None,
        ),
    };
    let kind = OfferingKind::from_code(&form.kind).unwrap_or(kind);
    let name = |nb: String, nn: String, en: String| match lang {
        Lang::Nb => nb,
        Lang::Nn => nn,
        Lang::En => en,
    };
    let districts = district::Entity::find()
        .order_by_asc(district::Column::SortOrder)
        .all(db)
        .await?
        .into_iter()
        .map(|d| Choice {
            id: d.id,
            name: name(d.name_nb, d.name_nn, d.name_en),
        })
        .collect();
    let mut organisations = organisation::Entity::find().order_by_asc(organisation::Column::Name);
    if !staff.sees_all() {
        organisations =
            organisations.filter(organisation::Column::Id.is_in(staff.organisations.clone()));
    }
    let organisations = organisations
        .all(db)
        .await?
        .into_iter()
        .map(|o| Choice {
            id: o.id,
            name: o.name,
        })
        .collect();
    let current_venue: Option<i32> = form.venue.parse().ok();
    let mut venues: Vec<Choice> = venue::Entity::find()
        .order_by_asc(venue::Column::Name)
        .limit(VENUES_LISTED)
        .all(db)
        .await?
        .into_iter()
        .map(|v| Choice {
            id: v.id,
            name: format!("{}, {}", v.name, v.address),
        })
        .collect();
    if let Some(id) = current_venue.filter(|id| !venues.iter().any(|v| v.id == *id))
        && let Some(v) = venue::Entity::find_by_id(id).one(db).await?
    {
        venues.insert(
            0,
            Choice {
                id: v.id,
                name: format!("{}, {}", v.name, v.address),
            },
        );
    }
    let categories = category::Entity::find()
        .order_by_asc(category::Column::Slug)
        .all(db)
        .await?
        .into_iter()
        .map(|c| Choice {
            id: c.id,
            name: name(c.name_nb, c.name_nn, c.name_en),
        })
        .collect();
    Ok(OfferingFormPage {
        id: edit,
        slug: edit.and(slug),
        kind,
        form,
        districts,
        organisations,
        venues,
        categories,
    })
}
