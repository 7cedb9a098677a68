//! Publishing: a coordinator's submission and an editor's approval,
//! what search finds, listings nobody confirms, and what an edit changes.

use crate::support::{Inbox, course_row, databases, now};
use crate::{COORDINATOR_LMS, COORDINATOR_OSTBYEN, EDITOR, signed_in_as, stale_since};
use app::backend::entities::audit_event;
use app::backend::staff::roster;
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::staff::{AuditAction, StaffFilter};
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn a_submission_waits_for_an_editor_and_then_shows_on_the_public_pages() {
    use app::backend::catalogue::status;
    use app::backend::directory::Directory;
    use app::domain::offering::OfferingStatus;
    for (name, db) in databases().await {
        let group = course_row(&db, "sterk-og-stodig").await;
        let directory = Directory::new(db.clone());
        // Whether the public page is there, as soon as the directory's
        // version has been read again (within a second).
        let shown = |d: &Directory| {
            let d = d.clone();
            async move {
                tokio::time::sleep(std::time::Duration::from_millis(1100)).await;
                d.offering("sterk-og-stodig", Lang::Nb, now().local)
                    .await
                    .is_ok()
            }
        };
        assert!(shown(&directory).await, "{name}");
        let ola = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        let editor = signed_in_as(&db, EDITOR).await;
        status::set(&db, &ola, group.id, OfferingStatus::Draft, None, now())
            .await
            .unwrap();
        assert!(
            !shown(&directory).await,
            "{name}: an unpublished group is gone"
        );
        assert_eq!(
            status::set(&db, &ola, group.id, OfferingStatus::Published, None, now()).await,
            Err(AppError::Forbidden),
            "{name}: an untrusted organisation cannot publish itself"
        );
        status::set(&db, &ola, group.id, OfferingStatus::Submitted, None, now())
            .await
            .unwrap();
        status::set(
            &db,
            &editor,
            group.id,
            OfferingStatus::Draft,
            Some("Mangler tidspunkt"),
            now(),
        )
        .await
        .unwrap();
        let back = course_row(&db, "sterk-og-stodig").await;
        assert_eq!(
            back.review_comment.as_deref(),
            Some("Mangler tidspunkt"),
            "{name}"
        );
        status::set(&db, &ola, group.id, OfferingStatus::Submitted, None, now())
            .await
            .unwrap();
        let queue = StaffFilter {
            status: Some(OfferingStatus::Submitted),
            ..StaffFilter::default()
        };
        let (waiting, _) =
            roster::offerings(db.read(), &editor, &queue, stale_since(), Lang::Nb, 1)
                .await
                .unwrap();
        assert_eq!(
            waiting.iter().map(|o| o.id).collect::<Vec<_>>(),
            [group.id],
            "{name}"
        );
        assert!(
            waiting[0].choices.contains(&OfferingStatus::Published),
            "{name}"
        );
        status::set(
            &db,
            &editor,
            group.id,
            OfferingStatus::Published,
            None,
            now(),
        )
        .await
        .unwrap();
        assert!(shown(&directory).await, "{name}: approved, it is back");
        assert_eq!(
            course_row(&db, "sterk-og-stodig").await.review_comment,
            None,
            "{name}"
        );
        let lms = signed_in_as(&db, COORDINATOR_LMS).await;
        assert_eq!(
            status::set(&db, &lms, group.id, OfferingStatus::Archived, None, now()).await,
            Err(AppError::Forbidden),
            "{name}: another organisation's group"
        );
    }
}

fn walking_group_form(organisation: i32, district: i32) -> app::domain::catalogue::OfferingForm {
    app::domain::catalogue::OfferingForm {
        kind: "activity_group".into(),
        district: district.to_string(),
        organisation: organisation.to_string(),
        venue: "new".into(),
        venue_name: "Grendehuset".into(),
        venue_address: "Grendeveien 2".into(),
        step_free: Some("1".into()),
        title_nb: "Gågruppe for seniorer".into(),
        summary_nb: "Rolig tur rundt vannet.".into(),
        title_en: "Walking group".into(),
        audience: vec!["seniors".into()],
        contact_name: "Ola".into(),
        contact_email: "ola@ostbyen.example".into(),
        weekly: "tirsdag 10.00–11.30".into(),
        skip: "29.12.2026".into(),
        ..Default::default()
    }
}

#[tokio::test]
async fn a_coordinator_writes_a_weekly_group_that_search_finds_once_published() {
    use app::backend::catalogue::{offering as catalogue, status};
    use app::backend::directory::Directory;
    use app::backend::entities::{district, organisation};
    use app::domain::filter::ListingFilter;
    use app::domain::offering::OfferingStatus;
    for (name, db) in databases().await {
        let ostbyen_org = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("ostbyen-frivilligsentral"))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let lms_org = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("lms"))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let place = district::Entity::find()
            .filter(district::Column::Slug.eq("ostbyen"))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let ola = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        let editor = signed_in_as(&db, EDITOR).await;
        let today = now().local.date();
        let draft = walking_group_form(ostbyen_org.id, place.id)
            .validate(today)
            .unwrap();
        let id = catalogue::save(&db, &ola, None, draft.clone(), now())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let row = course_row(&db, "gagruppe-for-seniorer").await;
        assert_eq!(row.id, id, "{name}: the slug comes from the title");
        assert_eq!(row.status, OfferingStatus::Draft, "{name}");
        let saved = catalogue::load(db.read(), id).await.unwrap();
        assert_eq!(saved.weekly[0].skip.len(), 1, "{name}");
        assert_eq!(saved.texts.len(), 2, "{name}");
        // Another organisation's offering cannot be made, nor edited.
        let foreign = walking_group_form(lms_org.id, place.id)
            .validate(today)
            .unwrap();
        assert_eq!(
            catalogue::save(&db, &ola, None, foreign, now()).await,
            Err(AppError::Forbidden),
            "{name}"
        );
        let lise = signed_in_as(&db, COORDINATOR_LMS).await;
        assert_eq!(
            catalogue::save(&db, &lise, Some(id), draft.clone(), now()).await,
            Err(AppError::Forbidden),
            "{name}"
        );
        // A changed time is kept, and the audit says what it was.
        let mut moved = walking_group_form(ostbyen_org.id, place.id);
        moved.venue = saved_venue(&saved);
        moved.weekly = "onsdag 12.00–13.00".into();
        let moved = moved.validate(today).unwrap();
        catalogue::save(&db, &ola, Some(id), moved, now())
            .await
            .unwrap();
        let again = catalogue::load(db.read(), id).await.unwrap();
        assert_eq!(again.weekly[0].weekday, 3, "{name}");
        let edits = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::OfferingEdited))
            .all(db.read())
            .await
            .unwrap();
        let detail = edits[0].detail.clone().unwrap();
        assert!(
            detail.contains("\"before\"") && detail.contains("\"weekday\":2"),
            "{name}: {detail}"
        );
        // A copy is a new draft with a slug of its own.
        let copy = catalogue::save(&db, &ola, None, again.clone(), now())
            .await
            .unwrap();
        assert_eq!(
            course_row(&db, "gagruppe-for-seniorer-2").await.id,
            copy,
            "{name}"
        );
        // Published through an editor, search finds it.
        status::set(&db, &ola, id, OfferingStatus::Submitted, None, now())
            .await
            .unwrap();
        status::set(&db, &editor, id, OfferingStatus::Published, None, now())
            .await
            .unwrap();
        let directory = Directory::new(db.clone());
        directory.catch_up().await.unwrap();
        let filter = ListingFilter {
            query: Some("gågruppe".into()),
            ..ListingFilter::default()
        };
        let found = directory.listing(None, &filter, Lang::Nb, 1).await.unwrap();
        assert!(
            found
                .cards
                .iter()
                .any(|c| c.slug == "gagruppe-for-seniorer"),
            "{name}: {:?}",
            found.cards.iter().map(|c| &c.slug).collect::<Vec<_>>()
        );
    }
}

/// The form's venue field for a saved draft's venue.
fn saved_venue(draft: &app::domain::catalogue::OfferingDraft) -> String {
    match draft.venue {
        app::domain::catalogue::VenueChoice::Existing(id) => id.to_string(),
        _ => String::new(),
    }
}

#[tokio::test]
async fn a_listing_unconfirmed_for_ninety_days_reminds_its_coordinators_once() {
    use app::backend::catalogue::status;
    use app::backend::entities::offering;
    use app::backend::jobs::stale;
    use sea_orm::{ActiveModelTrait, Set};
    for (name, db) in databases().await {
        let group = course_row(&db, "sterk-og-stodig").await;
        let mut old: offering::ActiveModel = group.clone().into();
        old.confirmed_at = Set(Some(now().utc - chrono::Duration::days(91)));
        old.update(db.write()).await.unwrap();
        let ola = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        assert_eq!(
            roster::stale(db.read(), &ola, stale_since()).await.unwrap(),
            1,
            "{name}"
        );
        assert_eq!(stale::run(&db, now(), 90).await.unwrap(), 1, "{name}");
        assert_eq!(stale::run(&db, now(), 90).await.unwrap(), 0, "{name}: once");
        let inbox = Inbox::new();
        let mail = inbox.to(&db, COORDINATOR_OSTBYEN).await;
        let reminder = mail
            .iter()
            .find(|m| m.email.subject.contains("fortsatt"))
            .unwrap_or_else(|| {
                panic!(
                    "{name}: {:?}",
                    mail.iter().map(|m| &m.email.subject).collect::<Vec<_>>()
                )
            });
        assert!(
            reminder
                .email
                .text
                .contains(&format!("/ansatt/tilbud/{}", group.id)),
            "{name}: {}",
            reminder.email.text
        );
        assert!(
            inbox.to(&db, COORDINATOR_LMS).await.is_empty(),
            "{name}: not another organisation's"
        );
        status::confirm(&db, &ola, group.id, now()).await.unwrap();
        assert_eq!(
            roster::stale(db.read(), &ola, stale_since()).await.unwrap(),
            0,
            "{name}"
        );
        let row = course_row(&db, "sterk-og-stodig").await;
        assert_eq!(
            row.stale_reminded_at, None,
            "{name}: reminded again next time"
        );
    }
}

#[tokio::test]
async fn an_edit_raises_the_version_of_its_own_district_only() {
    use app::backend::catalogue::offering as catalogue;
    use app::backend::directory::read_model;
    use app::backend::entities::offering;
    for (name, db) in databases().await {
        let editor = signed_in_as(&db, EDITOR).await;
        let before = read_model::versions(db.read()).await.unwrap();
        let in_ostbyen = offering::Entity::find()
            .filter(offering::Column::DistrictId.eq(district_id(&db, "ostbyen").await))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let draft = catalogue::load(db.read(), in_ostbyen.id).await.unwrap();
        catalogue::save(&db, &editor, Some(in_ostbyen.id), draft, now())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let after = read_model::versions(db.read()).await.unwrap();
        assert!(
            after.directory.last_edit > before.directory.last_edit,
            "{name}"
        );
        assert_eq!(
            after.of_district("ostbyen"),
            after.directory,
            "{name}: the edited district is as new as the directory"
        );
        assert_eq!(
            after.of_district("nordre-asen"),
            before.of_district("nordre-asen"),
            "{name}: the other district's pages stay current"
        );
    }
}

async fn district_id(db: &app::backend::db::Db, slug: &str) -> i32 {
    use app::backend::entities::district;
    district::Entity::find()
        .filter(district::Column::Slug.eq(slug))
        .one(db.read())
        .await
        .unwrap()
        .unwrap()
        .id
}
