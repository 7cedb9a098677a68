//! Course sign-up on every test database: holds, double opt-in, waiting
//! list, cancellation, expiry, reminders, anonymisation and capacity under
//! 200 concurrent sign-ups.

mod support;

use app::backend::sign_up::{self as service, Now, Purpose, Receipt, SignUpError};
use app::domain::lang::Lang;
use app::domain::sign_up::{SignUpForm, SignUpStatus};
use chrono::Duration;
use support::*;

#[tokio::test]
async fn sign_up_holds_a_place_then_confirms_by_the_emailed_link() {
    for (backend, db) in databases().await {
        let s = settings();
        let receipt =
            service::sign_up(&db, COURSE, &person("kari@example.no"), Lang::Nb, now(), &s)
                .await
                .unwrap();
        assert!(
            matches!(
                receipt,
                Receipt::Created {
                    status: SignUpStatus::AwaitingConfirmation,
                    ..
                }
            ),
            "{backend}"
        );
        let mails = outbox_to(&db, "kari@example.no").await;
        assert_eq!(mails.len(), 1, "{backend}");
        assert_eq!(
            mails[0].subject, "Leve med kols: bekreft påmeldingen",
            "{backend}"
        );
        assert!(
            mails[0]
                .body_text
                .contains("tirsdag 12. januar 2027 kl. 18.00–20.30"),
            "{backend}: {}",
            mails[0].body_text
        );
        assert!(mails[0].body_text.contains("Åsen kirkestue"), "{backend}");

        let confirm = token(&mails[0].body_text, "bekreft");
        let view = service::view_link(&db, &confirm, Purpose::Confirm, now())
            .await
            .unwrap();
        assert_eq!(
            view.status,
            SignUpStatus::AwaitingConfirmation,
            "{backend}: looking changes nothing"
        );
        let done = service::confirm(&db, &confirm, now(), &s).await.unwrap();
        assert_eq!(done.status, SignUpStatus::Confirmed, "{backend}");
        let mails = outbox_to(&db, "kari@example.no").await;
        assert_eq!(mails.len(), 2, "{backend}");
        assert_eq!(
            mails[1].subject, "Leve med kols: påmeldingen er bekreftet",
            "{backend}"
        );
        let ics = mails[1].attachment.as_deref().expect("calendar attached");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{backend}");

        // The link works once: again it only shows the state.
        let again = service::confirm(&db, &confirm, now(), &s).await.unwrap();
        assert_eq!(again.status, SignUpStatus::Confirmed, "{backend}");
        assert_eq!(
            outbox_to(&db, "kari@example.no").await.len(),
            2,
            "{backend}: no second email"
        );

        let wrong = service::confirm(&db, "not-a-token", now(), &s).await;
        assert_eq!(wrong.unwrap_err(), SignUpError::LinkInvalid, "{backend}");
        let cancel_as_confirm =
            service::confirm(&db, &token(&mails[0].body_text, "avmeld"), now(), &s).await;
        assert_eq!(
            cancel_as_confirm.unwrap_err(),
            SignUpError::LinkInvalid,
            "{backend}: links are per purpose"
        );
    }
}

#[tokio::test]
async fn on_behalf_sign_up_mails_everyone_concerned() {
    for (backend, db) in databases().await {
        let s = settings();
        let both = SignUpForm {
            participant_name: "Per Hansen".into(),
            participant_email: "per@example.no".into(),
            on_behalf: true,
            registrant_name: "Kari Hansen".into(),
            registrant_email: "kari@example.no".into(),
            consent: true,
            ..Default::default()
        };
        service::sign_up(&db, COURSE, &both.validate().unwrap(), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let to_kari = outbox_to(&db, "kari@example.no").await;
        let to_per = outbox_to(&db, "per@example.no").await;
        assert_eq!((to_kari.len(), to_per.len()), (1, 1), "{backend}");
        assert!(
            to_kari[0].body_text.starts_with("Hei Kari Hansen,"),
            "{backend}"
        );
        assert!(
            to_per[0].body_text.starts_with("Hei Per Hansen,"),
            "{backend}"
        );
        assert!(
            to_kari[0]
                .body_text
                .contains("Kari Hansen meldte på Per Hansen."),
            "{backend}"
        );

        // Her mother, without an address of her own: only Kari is mailed.
        let mother = SignUpForm {
            participant_name: "Anne Hansen".into(),
            participant_email: String::new(),
            ..both
        };
        service::sign_up(
            &db,
            COURSE,
            &mother.validate().unwrap(),
            Lang::Nb,
            now(),
            &s,
        )
        .await
        .unwrap();
        assert_eq!(
            outbox_to(&db, "kari@example.no").await.len(),
            2,
            "{backend}"
        );
        assert_eq!(
            sign_ups(&db).await.len(),
            2,
            "{backend}: one address, two participants"
        );
    }
}

#[tokio::test]
async fn a_second_sign_up_changes_nothing_and_tells_the_owner() {
    for (backend, db) in databases().await {
        let s = settings();
        service::sign_up(&db, COURSE, &person("ola@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let again = service::sign_up(&db, COURSE, &person("OLA@example.no"), Lang::En, now(), &s)
            .await
            .unwrap();
        assert_eq!(again, Receipt::AlreadySignedUp, "{backend}");
        assert_eq!(sign_ups(&db).await.len(), 1, "{backend}");
        let mails = outbox_to(&db, "ola@example.no").await;
        assert_eq!(mails.len(), 2, "{backend}");
        assert_eq!(
            mails[1].subject, "Leve med kols: du er allerede påmeldt",
            "{backend}: in the first sign-up's language"
        );
    }
}

#[tokio::test]
async fn cancelling_gives_the_place_to_the_first_in_line_once() {
    for (backend, db) in databases().await {
        let s = settings();
        set_capacity(&db, 2, true).await;
        for who in ["a", "b", "c", "d"] {
            service::sign_up(
                &db,
                COURSE,
                &person(&format!("{who}@example.no")),
                Lang::Nb,
                now(),
                &s,
            )
            .await
            .unwrap();
        }
        let statuses = |rows: Vec<app::backend::entities::sign_up::Model>| -> Vec<String> {
            rows.into_iter().map(|r| r.status).collect()
        };
        assert_eq!(
            statuses(sign_ups(&db).await),
            [
                "awaiting_confirmation",
                "awaiting_confirmation",
                "waiting_list",
                "waiting_list"
            ],
            "{backend}"
        );
        let c_mail = &outbox_to(&db, "c@example.no").await[0];
        assert!(
            c_mail.body_text.contains("nummer 1 på ventelisten"),
            "{backend}: {}",
            c_mail.body_text
        );

        let cancel_a = token(&outbox_to(&db, "a@example.no").await[0].body_text, "avmeld");
        let view = service::cancel(&db, &cancel_a, now(), &s).await.unwrap();
        assert_eq!(view.status, SignUpStatus::Cancelled, "{backend}");
        assert_eq!(
            statuses(sign_ups(&db).await),
            [
                "cancelled",
                "awaiting_confirmation",
                "awaiting_confirmation",
                "waiting_list"
            ],
            "{backend}"
        );
        let c_mails = outbox_to(&db, "c@example.no").await;
        assert_eq!(
            c_mails.last().unwrap().subject,
            "Leve med kols: du har fått plass",
            "{backend}"
        );

        // The same link again promotes nobody else.
        service::cancel(&db, &cancel_a, now(), &s).await.unwrap();
        assert_eq!(sign_ups(&db).await[3].status, "waiting_list", "{backend}");
        assert_eq!(
            outbox_to(&db, "a@example.no").await.len(),
            2,
            "{backend}: one cancellation email"
        );
    }
}

#[tokio::test]
async fn unconfirmed_holds_expire_and_pass_the_place_on() {
    for (backend, db) in databases().await {
        let s = settings();
        set_capacity(&db, 1, true).await;
        service::sign_up(&db, COURSE, &person("a@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        service::sign_up(&db, COURSE, &person("b@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let later = Now::at(now().utc + Duration::hours(25));
        assert_eq!(
            service::expire_holds(&db, now(), &s).await.unwrap(),
            0,
            "{backend}: not yet"
        );
        assert_eq!(
            service::expire_holds(&db, later, &s).await.unwrap(),
            1,
            "{backend}"
        );
        let rows = sign_ups(&db).await;
        assert_eq!(
            (rows[0].status.as_str(), rows[1].status.as_str()),
            ("expired", "awaiting_confirmation"),
            "{backend}"
        );
        let late = service::confirm(
            &db,
            &token(
                &outbox_to(&db, "a@example.no").await[0].body_text,
                "bekreft",
            ),
            later,
            &s,
        )
        .await;
        assert_eq!(late.unwrap_err(), SignUpError::LinkExpired, "{backend}");
    }
}

#[tokio::test]
async fn closed_full_and_not_yet_open_courses_refuse() {
    for (backend, db) in databases().await {
        let s = settings();
        let past = service::sign_up(
            &db,
            "gammelt-kurs",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
        )
        .await;
        assert_eq!(past.unwrap_err(), SignUpError::Closed, "{backend}");
        let group = service::sign_up(
            &db,
            "seniorkor",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
        )
        .await;
        assert_eq!(
            group.unwrap_err(),
            SignUpError::NotFound,
            "{backend}: not a course"
        );
        set_capacity(&db, 1, false).await;
        service::sign_up(&db, COURSE, &person("a@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let full =
            service::sign_up(&db, COURSE, &person("b@example.no"), Lang::Nb, now(), &s).await;
        assert_eq!(full.unwrap_err(), SignUpError::Full, "{backend}");
        let early = Now::at("2026-10-01T08:00:00".parse().unwrap());
        let not_yet =
            service::sign_up(&db, COURSE, &person("c@example.no"), Lang::Nb, early, &s).await;
        assert_eq!(not_yet.unwrap_err(), SignUpError::NotOpenYet, "{backend}");
    }
}

#[tokio::test]
async fn reminders_go_once_and_personal_data_is_removed_after_the_course() {
    for (backend, db) in databases().await {
        let s = settings();
        service::sign_up(&db, COURSE, &person("a@example.no"), Lang::Nb, now(), &s)
            .await
            .unwrap();
        let confirm = token(
            &outbox_to(&db, "a@example.no").await[0].body_text,
            "bekreft",
        );
        service::confirm(&db, &confirm, now(), &s).await.unwrap();
        assert_eq!(
            service::send_reminders(&db, now(), &s, 2).await.unwrap(),
            0,
            "{backend}: too early"
        );
        let two_days_before = Now::at("2027-01-10T09:00:00".parse().unwrap());
        assert_eq!(
            service::send_reminders(&db, two_days_before, &s, 2)
                .await
                .unwrap(),
            1,
            "{backend}"
        );
        assert_eq!(
            service::send_reminders(&db, two_days_before, &s, 2)
                .await
                .unwrap(),
            0,
            "{backend}: once"
        );
        assert_eq!(
            outbox_to(&db, "a@example.no").await.last().unwrap().subject,
            "Leve med kols: snart kursstart"
        );

        let soon_after = Now::at("2027-02-01T09:00:00".parse().unwrap());
        assert_eq!(
            service::anonymise(&db, soon_after, 30).await.unwrap(),
            0,
            "{backend}: kept 30 days"
        );
        let month_after = Now::at("2027-02-20T09:00:00".parse().unwrap());
        assert_eq!(
            service::anonymise(&db, month_after, 30).await.unwrap(),
            1,
            "{backend}"
        );
        let row = &sign_ups(&db).await[0];
        assert_eq!(row.participant_name, "", "{backend}");
        assert_eq!(row.participant_email, None, "{backend}");
        assert!(row.anonymised_at.is_some(), "{backend}");
        let gone = service::cancel(
            &db,
            &token(&outbox_to(&db, "a@example.no").await[0].body_text, "avmeld"),
            month_after,
            &s,
        )
        .await;
        assert_eq!(
            gone.unwrap_err(),
            SignUpError::LinkInvalid,
            "{backend}: links are deleted too"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_at_once_never_exceed_five_places() {
    for (backend, db) in databases().await {
        let s = settings();
        set_capacity(&db, 5, true).await;
        let tasks: Vec<_> = (0..200)
            .map(|i| {
                let (db, s) = (db.clone(), s.clone());
                tokio::spawn(async move {
                    service::sign_up(
                        &db,
                        COURSE,
                        &person(&format!("p{i}@example.no")),
                        Lang::Nb,
                        now(),
                        &s,
                    )
                    .await
                })
            })
            .collect();
        for result in futures::future::join_all(tasks).await {
            let receipt = result.unwrap();
            assert!(
                matches!(receipt, Ok(Receipt::Created { .. })),
                "{backend}: {receipt:?}"
            );
        }
        let rows = sign_ups(&db).await;
        let holders: Vec<i32> = rows
            .iter()
            .filter(|r| r.status == "awaiting_confirmation")
            .map(|r| r.id)
            .collect();
        let waiting: Vec<i32> = rows
            .iter()
            .filter(|r| r.status == "waiting_list")
            .map(|r| r.id)
            .collect();
        assert_eq!((holders.len(), waiting.len()), (5, 195), "{backend}");
        assert!(
            holders.iter().max() < waiting.iter().min(),
            "{backend}: the first five to arrive hold the places"
        );
        // Each waiting-list email states the position in arrival order.
        for (position, row) in rows
            .iter()
            .filter(|r| r.status == "waiting_list")
            .enumerate()
            .step_by(37)
        {
            let mail = &outbox_to(&db, row.participant_email.as_deref().unwrap()).await[0];
            assert!(
                mail.body_text
                    .contains(&format!("nummer {} på", position + 1)),
                "{backend}: {}",
                mail.body_text
            );
        }

        for holder in rows.iter().filter(|r| r.status == "awaiting_confirmation") {
            let mail = &outbox_to(&db, holder.participant_email.as_deref().unwrap()).await[0];
            service::cancel(&db, &token(&mail.body_text, "avmeld"), now(), &s)
                .await
                .unwrap();
        }
        let after = sign_ups(&db).await;
        let promoted: Vec<i32> = after
            .iter()
            .filter(|r| r.status == "awaiting_confirmation")
            .map(|r| r.id)
            .collect();
        assert_eq!(
            promoted,
            waiting[..5],
            "{backend}: exactly the next five, in order"
        );
        assert_eq!(
            after.iter().filter(|r| r.status == "waiting_list").count(),
            190,
            "{backend}"
        );
    }
}
