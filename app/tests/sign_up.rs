//! Course sign-up on every test database: double opt-in (a place is given
//! when the address is confirmed), waiting list, cancellation, expiry,
//! reminders, the limits against hoarding, and capacity under 200
//! concurrent confirmations with the mail worker running.

mod support;

use app::backend::entities::sign_up_token;
use app::backend::jobs::{expire_unconfirmed, reminders};
use app::backend::sign_up::{self as service, Purpose, Receipt};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::sign_up::{SignUpForm, SignUpStatus};
use chrono::Duration;
use sea_orm::{ColumnTrait, EntityTrait, QueryFilter};
use support::*;

#[tokio::test]
async fn a_place_is_given_when_the_emailed_link_is_confirmed() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        let receipt = service::sign_up(
            &db,
            COURSE,
            &person("kari@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
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
        let mails = inbox.to(&db, "kari@example.no").await;
        assert_eq!(mails.len(), 1, "{backend}");
        let first = &mails[0].email;
        assert_eq!(
            first.subject, "Leve med kols: bekreft påmeldingen",
            "{backend}"
        );
        assert!(
            first
                .text
                .contains("tirsdag 12. januar 2027 kl. 18.00–20.30"),
            "{backend}: {}",
            first.text
        );
        assert!(first.text.contains("Åsen kirkestue"), "{backend}");
        assert!(
            first.text.contains("til onsdag 16. desember kl. 09.00"),
            "{backend}: the link works 48 hours, in Oslo time: {}",
            first.text
        );

        let confirm = token(&first.text, "bekreft");
        let view = service::view_link(&db, &confirm, Purpose::Confirm, now())
            .await
            .unwrap();
        assert_eq!(
            view.status,
            SignUpStatus::AwaitingConfirmation,
            "{backend}: looking changes nothing"
        );
        let done = service::confirm(&db, &confirm, now()).await.unwrap();
        assert_eq!(done.status, SignUpStatus::Confirmed, "{backend}");
        let mails = inbox.to(&db, "kari@example.no").await;
        assert_eq!(mails.len(), 2, "{backend}");
        assert_eq!(
            mails[1].email.subject, "Leve med kols: påmeldingen er bekreftet",
            "{backend}"
        );
        let ics = mails[1]
            .email
            .calendar
            .as_deref()
            .expect("calendar attached");
        assert_eq!(ics.matches("BEGIN:VEVENT").count(), 2, "{backend}");
        assert!(
            ics.contains("URL:https://treffpunkt.example/tilbud/leve-med-kols\r\n"),
            "{backend}: the calendar file links to the page, absolutely:\n{ics}"
        );

        // The link works once: again it only shows the state.
        let again = service::confirm(&db, &confirm, now()).await.unwrap();
        assert_eq!(again.status, SignUpStatus::Confirmed, "{backend}");
        assert_eq!(
            inbox.to(&db, "kari@example.no").await.len(),
            2,
            "{backend}: no second email"
        );

        let wrong = service::confirm(&db, "not-a-token", now()).await;
        assert_eq!(wrong.unwrap_err(), AppError::LinkInvalid, "{backend}");
        let cancel_as_confirm = service::confirm(&db, &token(&first.text, "avmeld"), now()).await;
        assert_eq!(
            cancel_as_confirm.unwrap_err(),
            AppError::LinkInvalid,
            "{backend}: links are per purpose"
        );
    }
}

#[tokio::test]
async fn on_behalf_sign_up_mails_everyone_concerned() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        let both = SignUpForm {
            participant_name: "Per Hansen".into(),
            participant_email: "per@example.no".into(),
            on_behalf: true,
            registrant_name: "Kari Hansen".into(),
            registrant_email: "kari@example.no".into(),
            consent: true,
            ..Default::default()
        };
        service::sign_up(
            &db,
            COURSE,
            &both.validate().unwrap(),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let to_kari = inbox.to(&db, "kari@example.no").await;
        let to_per = inbox.to(&db, "per@example.no").await;
        assert_eq!((to_kari.len(), to_per.len()), (1, 1), "{backend}");
        // Per confirms at his own address; Kari is told so, and nothing
        // else, and gets no link.
        assert!(
            to_per[0].email.text.starts_with("Hei Per Hansen,"),
            "{backend}"
        );
        assert!(
            to_per[0]
                .email
                .text
                .contains("Kari Hansen meldte på Per Hansen."),
            "{backend}"
        );
        assert!(try_token(&to_per[0].email.text, "bekreft").is_some());
        assert_eq!(
            to_kari[0].email.subject,
            "Leve med kols: påmeldingen er sendt til deltakeren"
        );
        assert!(to_kari[0].email.text.starts_with("Hei,"), "{backend}");
        assert!(
            try_token(&to_kari[0].email.text, "bekreft").is_none()
                && try_token(&to_kari[0].email.text, "avmeld").is_none(),
            "{backend}: {}",
            to_kari[0].email.text
        );
        // Once Per has confirmed, both hear how it went.
        assert_eq!(
            confirm_latest(&db, &inbox, "per@example.no").await,
            SignUpStatus::Confirmed
        );
        assert_eq!(
            inbox.to(&db, "kari@example.no").await[1].email.subject,
            "Leve med kols: påmeldingen er bekreftet",
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
            None,
        )
        .await
        .unwrap();
        let to_kari = inbox.to(&db, "kari@example.no").await;
        assert_eq!(to_kari.len(), 3, "{backend}");
        assert!(
            try_token(&to_kari[2].email.text, "bekreft").is_some(),
            "{backend}: Kari confirms for her mother"
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
        let (s, inbox) = (settings(), Inbox::new());
        service::sign_up(
            &db,
            COURSE,
            &person("ola@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let again = service::sign_up(
            &db,
            COURSE,
            &person("OLA@Example.no"),
            Lang::En,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        assert_eq!(again, Receipt::AlreadySignedUp, "{backend}");
        assert_eq!(sign_ups(&db).await.len(), 1, "{backend}");
        let mails = inbox.to(&db, "ola@example.no").await;
        assert_eq!(mails.len(), 2, "{backend}");
        assert_eq!(
            mails[1].email.subject, "Leve med kols: du er allerede påmeldt",
            "{backend}: in the first sign-up's language"
        );
    }
}

#[tokio::test]
async fn signing_up_again_unconfirmed_sends_a_fresh_confirm_link_and_the_old_one_stops_working() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        service::sign_up(
            &db,
            COURSE,
            &person("ola@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let first = inbox.to(&db, "ola@example.no").await.remove(0);
        let old = token(&first.email.text, "bekreft");

        // The first email went to spam; Ola signs up again.
        service::sign_up(
            &db,
            COURSE,
            &person("ola@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let second = inbox.to(&db, "ola@example.no").await.remove(1);
        let fresh = try_token(&second.email.text, "bekreft")
            .unwrap_or_else(|| panic!("{backend}: no confirm link in\n{}", second.email.text));
        assert_ne!(fresh, old, "{backend}");
        assert_eq!(
            service::confirm(&db, &old, now()).await.unwrap_err(),
            AppError::LinkInvalid,
            "{backend}: the old link stops working"
        );
        let done = service::confirm(&db, &fresh, now()).await.unwrap();
        assert_eq!(done.status, SignUpStatus::Confirmed, "{backend}");

        // Once confirmed, a third try sends no confirm link at all.
        service::sign_up(
            &db,
            COURSE,
            &person("ola@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let third = inbox.to(&db, "ola@example.no").await.pop().unwrap();
        assert_eq!(third.email.subject, "Leve med kols: du er allerede påmeldt");
        assert!(
            try_token(&third.email.text, "bekreft").is_none(),
            "{backend}: {}",
            third.email.text
        );
    }
}

#[tokio::test]
async fn a_full_course_is_told_when_the_address_is_confirmed() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        set_capacity(&db, 1, false).await;
        let new = person("new@example.no");
        // Signed up while a place was free, confirmed after it was taken.
        service::sign_up(&db, COURSE, &new, Lang::Nb, now(), &s, None)
            .await
            .unwrap();
        assert_eq!(
            sign_up_confirmed(&db, &inbox, "holder@example.no").await,
            SignUpStatus::Confirmed,
            "{backend}: the first to confirm gets the place"
        );
        assert_eq!(
            confirm_latest(&db, &inbox, "new@example.no").await,
            SignUpStatus::Full,
            "{backend}"
        );
        let to_new = inbox.to(&db, "new@example.no").await;
        assert_eq!(to_new.len(), 2, "{backend}");
        assert_eq!(
            to_new[1].email.subject, "Leve med kols: kurset er fullt",
            "{backend}"
        );
        assert!(
            try_token(&to_new[1].email.text, "avmeld").is_none(),
            "{backend}: nothing to cancel"
        );
        // Full is not active: the address may try again later.
        let again = service::sign_up(&db, COURSE, &new, Lang::Nb, now(), &s, None).await;
        assert!(matches!(again, Ok(Receipt::Created { .. })), "{backend}");
    }
}

#[tokio::test]
async fn cancelling_gives_the_place_to_the_first_in_line_once() {
    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        set_capacity(&db, 2, true).await;
        for who in ["a", "b", "c", "d"] {
            sign_up_confirmed(&db, &inbox, &format!("{who}@example.no")).await;
        }
        let statuses = |rows: Vec<app::backend::entities::sign_up::Model>| -> Vec<SignUpStatus> {
            rows.into_iter().map(|r| r.status).collect()
        };
        use SignUpStatus::*;
        assert_eq!(
            statuses(sign_ups(&db).await),
            [Confirmed, Confirmed, WaitingList, WaitingList],
            "{backend}"
        );
        let c_mail = &inbox.to(&db, "c@example.no").await[1];
        assert!(
            c_mail.email.text.contains("nummer 1 på ventelisten"),
            "{backend}: {}",
            c_mail.email.text
        );

        let cancel_a = token(&inbox.to(&db, "a@example.no").await[0].email.text, "avmeld");
        let view = service::cancel(&db, &cancel_a, now()).await.unwrap();
        assert_eq!(view.status, Cancelled, "{backend}");
        assert_eq!(
            statuses(sign_ups(&db).await),
            [Cancelled, Confirmed, Confirmed, WaitingList],
            "{backend}"
        );
        let c_mails = inbox.to(&db, "c@example.no").await;
        assert_eq!(
            c_mails.last().unwrap().email.subject,
            "Leve med kols: du har fått plass",
            "{backend}"
        );

        // The same link again promotes nobody else.
        service::cancel(&db, &cancel_a, now()).await.unwrap();
        assert_eq!(sign_ups(&db).await[3].status, WaitingList, "{backend}");
        assert_eq!(
            inbox.to(&db, "a@example.no").await.len(),
            3,
            "{backend}: one cancellation email"
        );
    }
}

#[tokio::test]
async fn unconfirmed_sign_ups_hold_nothing_and_expire() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        set_capacity(&db, 1, true).await;
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let page = |db| async move {
            let course = course_row(db, COURSE).await;
            let id_and_capacity = (course.id, course.capacity.unwrap());
            app::backend::course::places_left_of_many(db.read(), &[id_and_capacity])
                .await
                .unwrap()[&course.id]
        };
        assert_eq!(page(&db).await, 1, "{backend}: unconfirmed, nothing held");
        assert_eq!(
            sign_up_confirmed(&db, &inbox, "b@example.no").await,
            SignUpStatus::Confirmed,
            "{backend}: b confirmed first"
        );
        assert_eq!(page(&db).await, 0, "{backend}");
        let confirm_a = token(
            &inbox.to(&db, "a@example.no").await[0].email.text,
            "bekreft",
        );
        let later = app::backend::clock::Now::at(now().utc + Duration::hours(49));
        assert_eq!(
            expire_unconfirmed::run(&db, now()).await.unwrap(),
            0,
            "{backend}: not yet"
        );
        assert_eq!(
            expire_unconfirmed::run(&db, later).await.unwrap(),
            1,
            "{backend}"
        );
        let rows = sign_ups(&db).await;
        assert_eq!(
            (rows[0].status, rows[1].status),
            (SignUpStatus::Expired, SignUpStatus::Confirmed),
            "{backend}"
        );
        let late = service::confirm(&db, &confirm_a, later).await;
        assert_eq!(late.unwrap_err(), AppError::LinkExpired, "{backend}");
    }
}

#[tokio::test]
async fn closed_and_not_yet_open_courses_refuse() {
    for (backend, db) in databases().await {
        let s = settings();
        let past = service::sign_up(
            &db,
            "gammelt-kurs",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await;
        assert_eq!(past.unwrap_err(), AppError::SignUpClosed, "{backend}");
        let group = service::sign_up(
            &db,
            "seniorkor",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await;
        assert_eq!(
            group.unwrap_err(),
            AppError::NotFound,
            "{backend}: not a course"
        );
        let bogus = service::sign_up(
            &db,
            "../../etc",
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await;
        assert_eq!(bogus.unwrap_err(), AppError::NotFound, "{backend}");
        let early = at("2026-10-01T08:00:00");
        let not_yet = service::sign_up(
            &db,
            COURSE,
            &person("c@example.no"),
            Lang::Nb,
            early,
            &s,
            None,
        )
        .await;
        assert_eq!(not_yet.unwrap_err(), AppError::SignUpNotOpen, "{backend}");
    }
}

#[tokio::test]
async fn reminders_go_once_a_few_days_before_the_first_session() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let confirm = token(
            &inbox.to(&db, "a@example.no").await[0].email.text,
            "bekreft",
        );
        service::confirm(&db, &confirm, now()).await.unwrap();
        assert_eq!(
            reminders::run(&db, now(), 2).await.unwrap(),
            0,
            "{backend}: too early"
        );
        // The course starts Tuesday 12 January 2027 at 18.00.
        let two_days_before = at("2027-01-10T09:00:00");
        assert_eq!(
            reminders::run(&db, two_days_before, 2).await.unwrap(),
            1,
            "{backend}"
        );
        assert_eq!(
            reminders::run(&db, two_days_before, 2).await.unwrap(),
            0,
            "{backend}: once"
        );
        let reminder = inbox
            .to_at(&db, "a@example.no", two_days_before)
            .await
            .pop()
            .unwrap();
        assert_eq!(
            reminder.email.subject, "Leve med kols: snart kursstart",
            "{backend}"
        );
        let started = at("2027-01-12T18:00:00");
        assert_eq!(
            reminders::run(&db, started, 2).await.unwrap(),
            0,
            "{backend}"
        );
    }
}

#[tokio::test]
async fn links_expire_the_day_after_the_course_in_oslo_time() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        // Signed up in winter (UTC+1) for a course that ends in summer
        // (UTC+2): the link's expiry keeps summer's offset.
        move_sessions(&db, COURSE, &["2027-06-14T18:00:00", "2027-06-21T18:00:00"]).await;
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let mail = inbox.to(&db, "a@example.no").await.remove(0);
        let cancel = token(&mail.email.text, "avmeld");
        let row = sign_up_token::Entity::find()
            .filter(sign_up_token::Column::Purpose.eq(Purpose::Cancel))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        // The last session ends 21 June 20.00 in Oslo; a day later is
        // 22 June 20.00 Oslo summer time, 18.00 UTC.
        assert_eq!(
            row.expires_at,
            "2027-06-22T18:00:00".parse().unwrap(),
            "{backend}"
        );
        let before = at("2027-06-22T17:59:00");
        let after = at("2027-06-22T18:01:00");
        assert!(
            service::view_link(&db, &cancel, Purpose::Cancel, before)
                .await
                .is_ok(),
            "{backend}"
        );
        assert_eq!(
            service::view_link(&db, &cancel, Purpose::Cancel, after)
                .await
                .unwrap_err(),
            AppError::LinkExpired,
            "{backend}"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_hundred_confirming_at_once_never_exceed_five_places_while_the_worker_sends() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        set_capacity(&db, 5, true).await;
        // The mail worker sends throughout, as in production.
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let worker = {
            let (db, mailer, stop) = (db.clone(), inbox.mailer().clone(), stop.clone());
            tokio::spawn(async move {
                let mut passes = 0;
                while !stop.load(std::sync::atomic::Ordering::Relaxed) {
                    app::backend::mail::send_due(&db, &mailer, &outgoing(), now)
                        .await
                        .unwrap();
                    passes += 1;
                    tokio::task::yield_now().await;
                }
                passes
            })
        };
        let email = |i: usize| format!("p{i}@example.no");
        let tasks: Vec<_> = (0..200)
            .map(|i| {
                let (db, s, email) = (db.clone(), s.clone(), email(i));
                tokio::spawn(async move {
                    service::sign_up(&db, COURSE, &person(&email), Lang::Nb, now(), &s, None).await
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
        // Everyone confirms at once.
        let mut links = Vec::new();
        for i in 0..200 {
            let mails = inbox.to(&db, &email(i)).await;
            links.push(token(&mails[0].email.text, "bekreft"));
        }
        let tasks: Vec<_> = links
            .into_iter()
            .map(|link| {
                let db = db.clone();
                tokio::spawn(async move { service::confirm(&db, &link, now()).await })
            })
            .collect();
        for result in futures::future::join_all(tasks).await {
            result.unwrap().unwrap();
        }
        stop.store(true, std::sync::atomic::Ordering::Relaxed);
        assert!(worker.await.unwrap() > 0, "{backend}: the worker ran");
        let rows = sign_ups(&db).await;
        let with = |status| -> Vec<&app::backend::entities::sign_up::Model> {
            rows.iter().filter(|r| r.status == status).collect()
        };
        let (holders, mut waiting) = (
            with(SignUpStatus::Confirmed),
            with(SignUpStatus::WaitingList),
        );
        assert_eq!(
            (holders.len(), waiting.len(), with(SignUpStatus::Full).len()),
            (5, 10, 185),
            "{backend}: five places and a waiting list as long as ten"
        );
        // Each waiting-list email states the place in line, 1 to 10.
        waiting.sort_by_key(|r| r.queue_number);
        for (position, row) in waiting.iter().enumerate() {
            let mails = inbox
                .to(&db, row.participant_email.as_deref().unwrap())
                .await;
            let text = &mails.last().unwrap().email.text;
            assert!(
                text.contains(&format!("nummer {} på", position + 1)),
                "{backend}: {text}"
            );
        }

        for holder in &holders {
            let mail = &inbox
                .to(&db, holder.participant_email.as_deref().unwrap())
                .await[0];
            service::cancel(&db, &token(&mail.email.text, "avmeld"), now())
                .await
                .unwrap();
        }
        let after = sign_ups(&db).await;
        let mut promoted: Vec<i32> = after
            .iter()
            .filter(|r| r.status == SignUpStatus::Confirmed)
            .map(|r| r.id)
            .collect();
        promoted.sort_unstable();
        let mut first_five: Vec<i32> = waiting[..5].iter().map(|r| r.id).collect();
        first_five.sort_unstable();
        assert_eq!(
            promoted, first_five,
            "{backend}: exactly the next five in line"
        );
        // Every email of the run went out exactly once.
        assert!(inbox.to(&db, "nobody@example.no").await.is_empty());
        let mut ids: Vec<String> = inbox.all().into_iter().map(|d| d.message_id).collect();
        let sent = ids.len();
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), sent, "{backend}: no email twice");
        assert_eq!(
            sent,
            200 + 200 + 5 + 5,
            "{backend}: one per sign-up, confirmation, cancellation and promotion"
        );
    }
}

#[tokio::test]
async fn an_email_whose_news_is_stale_by_sending_time_is_not_sent() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        service::sign_up(
            &db,
            COURSE,
            &person("a@example.no"),
            Lang::Nb,
            now(),
            &s,
            None,
        )
        .await
        .unwrap();
        let first = inbox.to(&db, "a@example.no").await.remove(0);
        service::confirm(&db, &token(&first.email.text, "bekreft"), now())
            .await
            .unwrap();
        // Cancelled before the "confirmed" email went out.
        service::cancel(&db, &token(&first.email.text, "avmeld"), now())
            .await
            .unwrap();
        let subjects: Vec<String> = inbox
            .to(&db, "a@example.no")
            .await
            .into_iter()
            .map(|d| d.email.subject)
            .collect();
        assert_eq!(
            subjects,
            [
                "Leve med kols: bekreft påmeldingen",
                "Leve med kols: du er meldt av"
            ],
            "{backend}"
        );
    }
}

#[tokio::test]
async fn no_place_is_handed_on_once_the_course_has_begun() {
    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        set_capacity(&db, 1, true).await;
        for who in ["a", "b"] {
            sign_up_confirmed(&db, &inbox, &format!("{who}@example.no")).await;
        }
        let cancel_a = token(&inbox.to(&db, "a@example.no").await[0].email.text, "avmeld");
        // The first session began at 18.00 Oslo time on 12 January.
        let during = at("2027-01-12T18:30:00");
        service::cancel(&db, &cancel_a, during).await.unwrap();
        assert_eq!(
            sign_ups(&db).await[1].status,
            SignUpStatus::WaitingList,
            "{backend}: nobody is called to a course that is running"
        );
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn two_servers_running_the_reminders_remind_each_person_once() {
    for (backend, db) in databases().await {
        let (s, inbox) = (settings(), Inbox::new());
        set_capacity(&db, 20, true).await;
        for n in 0..10 {
            let email = format!("p{n}@example.no");
            service::sign_up(&db, COURSE, &person(&email), Lang::Nb, now(), &s, None)
                .await
                .unwrap();
            let mail = inbox.to(&db, &email).await.remove(0);
            service::confirm(&db, &token(&mail.email.text, "bekreft"), now())
                .await
                .unwrap();
        }
        let two_days_before = at("2027-01-10T09:00:00");
        let (a, b) = tokio::join!(
            reminders::run(&db, two_days_before, 2),
            reminders::run(&db, two_days_before, 2)
        );
        assert_eq!(a.unwrap() + b.unwrap(), 10, "{backend}");
        let reminders = inbox.to_at(&db, "nobody@example.no", two_days_before).await;
        assert!(reminders.is_empty());
        let count = inbox
            .all()
            .iter()
            .filter(|d| d.email.subject == "Leve med kols: snart kursstart")
            .count();
        assert_eq!(count, 10, "{backend}");
    }
}

/// The offering page is kept per directory version, but a course's places
/// are counted for every visitor, and an edit shows within a second.
#[tokio::test]
async fn the_offering_page_counts_places_each_time_and_follows_edits() {
    use app::backend::directory::{Directory, read_model};
    use app::backend::entities::offering_text;
    use sea_orm::{ActiveModelTrait, Set};

    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        let directory = Directory::new(db.clone());
        let local = now().local;
        let before = directory.offering(COURSE, Lang::Nb, local).await.unwrap();
        let left = before.course.as_ref().unwrap().places_left;
        assert!(left > 0, "{backend}");

        service::sign_up(
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
        let unconfirmed = directory.offering(COURSE, Lang::Nb, local).await.unwrap();
        assert_eq!(
            unconfirmed.course.unwrap().places_left,
            left,
            "{backend}: an unconfirmed sign-up moves nothing"
        );
        confirm_latest(&db, &inbox, "kari@example.no").await;
        let after = directory.offering(COURSE, Lang::Nb, local).await.unwrap();
        assert_eq!(after.course.unwrap().places_left, left - 1, "{backend}");
        assert_eq!(after.description_html, before.description_html, "{backend}");

        let id = course_row(&db, COURSE).await.id;
        let text = offering_text::Entity::find_by_id((id, Lang::Nb))
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        let mut text: offering_text::ActiveModel = text.into();
        text.description = Set("Nytt innhold".into());
        text.update(db.write()).await.unwrap();
        read_model::refresh(db.write(), &[id], local, read_model::Why::Edited)
            .await
            .unwrap();
        // A server trusts the version it read for a second.
        tokio::time::sleep(std::time::Duration::from_millis(1_100)).await;
        let edited = directory.offering(COURSE, Lang::Nb, local).await.unwrap();
        assert_eq!(
            edited.description_html, "<p>Nytt innhold</p>\n",
            "{backend}"
        );
        assert_eq!(edited.course.unwrap().places_left, left - 1, "{backend}");
    }
}
