//! What only editors and administrators see and do: the outbox, the
//! log, the accounts.

use crate::support::{COURSE, databases, now, person, settings};
use crate::{COORDINATOR_LMS, EDITOR, signed_in_as};
use app::backend::entities::audit_event;
use app::backend::sign_up as signing;
use app::backend::staff::{access, sessions};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::staff::AuditAction;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};

#[tokio::test]
async fn editors_see_the_outbox_and_the_log_and_coordinators_do_not() {
    use app::backend::entities::outbox;
    use app::backend::staff::reports;
    use app::domain::mail::OutboxStatus;
    use sea_orm::{ActiveModelTrait, Set};
    for (name, db) in databases().await {
        signing::sign_up(
            &db,
            COURSE,
            &person("kari@example.no"),
            Lang::Nb,
            now(),
            &settings(),
            None,
        )
        .await
        .unwrap();
        let editor = signed_in_as(&db, EDITOR).await;
        let lise = signed_in_as(&db, COORDINATOR_LMS).await;
        let row = outbox::Entity::find()
            .filter(outbox::Column::Recipient.eq("kari@example.no"))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let mut failed: outbox::ActiveModel = row.clone().into();
        failed.status = Set(OutboxStatus::Failed);
        failed.attempts = Set(8);
        failed.update(db.write()).await.unwrap();
        assert_eq!(
            reports::outbox(db.read(), &lise, 1).await.map(|_| ()),
            Err(AppError::Forbidden),
            "{name}"
        );
        let page = reports::outbox(db.read(), &editor, 1).await.unwrap();
        assert_eq!(page.failed, 1, "{name}");
        let entry = page.entries.iter().find(|e| e.id == row.id).unwrap();
        assert_eq!(entry.to, "k***@e***.no", "{name}: masked");
        assert!(entry.retry, "{name}");
        reports::retry(&db, &editor, row.id, now()).await.unwrap();
        let again = outbox::Entity::find_by_id(row.id)
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        assert_eq!(again.status, OutboxStatus::Pending, "{name}");
        assert_eq!(
            reports::retry(&db, &editor, row.id, now()).await,
            Err(AppError::NotFound),
            "{name}: only a failed one"
        );
        assert_eq!(
            reports::audit_log(db.read(), &lise, Lang::Nb, 1)
                .await
                .map(|_| ()),
            Err(AppError::Forbidden),
            "{name}"
        );
        let log = reports::audit_log(db.read(), &editor, Lang::Nb, 1)
            .await
            .unwrap();
        assert!(
            log.entries
                .iter()
                .any(|e| e.action == AuditAction::EmailRetried
                    && e.who.as_deref() == Some("Mari Redaktør")),
            "{name}"
        );
        let text = format!("{:?}", log.entries);
        assert!(
            !text.contains("kari"),
            "{name}: no resident in the log: {text}"
        );
    }
}

#[tokio::test]
async fn only_an_administrator_manages_accounts_and_a_demotion_holds_at_once() {
    use app::backend::entities::organisation;
    use app::backend::staff::accounts;
    use app::domain::staff::AccountForm;
    for (name, db) in databases().await {
        let admin = signed_in_as(&db, "admin@fjordvik.kommune.example").await;
        let editor = signed_in_as(&db, EDITOR).await;
        let lms = organisation::Entity::find()
            .filter(organisation::Column::Slug.eq("lms"))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let form = AccountForm {
            email: "ny@lms.example".into(),
            name: "Nina Ny".into(),
            role: "coordinator".into(),
            organisation: vec![lms.id.to_string()],
            active: Some("1".into()),
        };
        assert_eq!(
            accounts::add(&db, &editor, &form, now()).await,
            Err(AppError::Forbidden),
            "{name}"
        );
        assert_eq!(
            accounts::list(db.read(), &editor).await.map(|_| ()),
            Err(AppError::Forbidden),
            "{name}"
        );
        accounts::add(&db, &admin, &form, now()).await.unwrap();
        assert_eq!(
            accounts::add(&db, &admin, &form, now()).await,
            Err(AppError::AccountExists),
            "{name}"
        );
        let nina = signed_in_as(&db, "ny@lms.example").await;
        assert_eq!(nina.organisations, [lms.id], "{name}");
        // Taken off the organisation: her session ends at once.
        let cookie = sessions::start(db.write(), nina.id(), false, now())
            .await
            .unwrap();
        let moved = AccountForm {
            organisation: Vec::new(),
            ..form.clone()
        };
        accounts::change(&db, &admin, nina.id(), &moved, now())
            .await
            .unwrap();
        assert_eq!(
            access::signed_in(&db, Some(&cookie), now())
                .await
                .map(|s| s.id()),
            Err(AppError::SignInRequired),
            "{name}"
        );
        let me = AccountForm {
            role: "editor".into(),
            active: Some("1".into()),
            ..AccountForm::default()
        };
        assert_eq!(
            accounts::change(&db, &admin, admin.id(), &me, now()).await,
            Err(AppError::OwnAccount),
            "{name}"
        );
        let changes = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::RoleChanged))
            .all(db.read())
            .await
            .unwrap();
        assert_eq!(changes.len(), 1, "{name}");
        assert!(
            changes[0]
                .detail
                .as_deref()
                .unwrap()
                .contains(&format!("\"organisations\":[{}]", lms.id)),
            "{name}"
        );
    }
}
