//! A course's people: who may reach them, the export, cancelling for
//! someone, more places, a cancelled session, a message to everyone.

use crate::support;
use crate::support::{COURSE, Inbox, course_row, databases, now, person, settings};
use crate::{COORDINATOR_LMS, COORDINATOR_OSTBYEN, EDITOR, signed_in_as, stale_since};
use app::backend::entities::audit_event;
use app::backend::sign_up as signing;
use app::backend::staff::roster;
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::staff::{AuditAction, StaffFilter};
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

#[tokio::test]
async fn a_coordinator_reaches_only_their_organisations_courses() {
    for (name, db) in databases().await {
        let course = course_row(&db, COURSE).await;
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
        let lms = signed_in_as(&db, COORDINATOR_LMS).await;
        let ostbyen = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        let editor = signed_in_as(&db, EDITOR).await;
        let list = roster::roster(db.read(), &lms, course.id, Lang::Nb)
            .await
            .unwrap();
        assert_eq!(list.awaiting.len(), 1, "{name}");
        assert!(
            roster::roster(db.read(), &editor, course.id, Lang::Nb)
                .await
                .is_ok(),
            "{name}"
        );
        assert_eq!(
            roster::roster(db.read(), &ostbyen, course.id, Lang::Nb).await,
            Err(AppError::Forbidden),
            "{name}: another organisation's course, by its id"
        );
        assert_eq!(
            roster::export_csv(db.write(), &ostbyen, course.id, Lang::Nb, now())
                .await
                .map(|_| ()),
            Err(AppError::Forbidden),
            "{name}: and its export"
        );
        assert_eq!(
            roster::roster(db.read(), &editor, 999_999, Lang::Nb).await,
            Err(AppError::NotFound),
            "{name}"
        );
        let (mine, total) = roster::offerings(
            db.read(),
            &ostbyen,
            &StaffFilter::default(),
            stale_since(),
            Lang::Nb,
            1,
        )
        .await
        .unwrap();
        assert!(
            total > 0
                && mine
                    .iter()
                    .all(|o| o.organisation == "Østbyen frivilligsentral"),
            "{name}"
        );
        let (all, every) = roster::offerings(
            db.read(),
            &editor,
            &StaffFilter::default(),
            stale_since(),
            Lang::Nb,
            1,
        )
        .await
        .unwrap();
        assert!(every > total && all.len() as u32 == every, "{name}");
        let kols = StaffFilter {
            q: "Leve med KOLS".into(),
            ..StaffFilter::default()
        };
        let (found, _) = roster::offerings(db.read(), &editor, &kols, stale_since(), Lang::Nb, 1)
            .await
            .unwrap();
        assert_eq!(
            found.iter().map(|o| o.slug.as_str()).collect::<Vec<_>>(),
            [COURSE],
            "{name}"
        );
        let (none, _) = roster::offerings(db.read(), &ostbyen, &kols, stale_since(), Lang::Nb, 1)
            .await
            .unwrap();
        assert!(none.is_empty(), "{name}: search stays within reach");
    }
}

#[tokio::test]
async fn the_export_is_a_spreadsheet_with_formulas_disarmed_and_audited() {
    for (name, db) in databases().await {
        let course = course_row(&db, COURSE).await;
        let mut hostile = support::person("per@example.no");
        hostile.participant_name = "=HYPERLINK(\"https://evil.example\";\"Klikk\")".into();
        signing::sign_up(&db, COURSE, &hostile, Lang::Nb, now(), &settings(), None)
            .await
            .unwrap();
        signing::sign_up(
            &db,
            COURSE,
            &person("åse@example.no"),
            Lang::Nb,
            now(),
            &settings(),
            None,
        )
        .await
        .unwrap();
        let lms = signed_in_as(&db, COORDINATOR_LMS).await;
        let (file, body) = roster::export_csv(db.write(), &lms, course.id, Lang::Nb, now())
            .await
            .unwrap();
        assert_eq!(file, format!("{COURSE}.csv"), "{name}");
        assert!(
            body.starts_with(b"\xEF\xBB\xBF"),
            "{name}: a byte-order mark first"
        );
        let text = String::from_utf8(body[3..].to_vec()).unwrap();
        let lines: Vec<&str> = text.lines().collect();
        assert_eq!(lines.len(), 3, "{name}: {text}");
        assert!(
            lines[0].starts_with("Liste;Navn;E-post"),
            "{name}: {}",
            lines[0]
        );
        assert!(text.contains("åse@example.no"), "{name}");
        assert!(text.contains("\"'=HYPERLINK("), "{name}: {text}");
        let exported = audit_event::Entity::find()
            .filter(audit_event::Column::Action.eq(AuditAction::ParticipantsExported))
            .all(db.read())
            .await
            .unwrap();
        assert_eq!(exported.len(), 1, "{name}");
        assert_eq!(exported[0].account_id, Some(lms.id()), "{name}");
        assert_eq!(exported[0].offering_id, Some(course.id), "{name}");
    }
}

#[tokio::test]
async fn an_organiser_cancels_for_someone_and_the_place_goes_to_the_next_in_line() {
    use app::backend::staff::participants;
    use app::domain::sign_up::SignUpStatus;
    use app::domain::staff::{PhoneSignUpForm, SignUpAction};
    for (name, db) in databases().await {
        support::set_capacity(&db, 1, true).await;
        let course = course_row(&db, COURSE).await;
        let inbox = Inbox::new();
        // The first to confirm has the place; the second is in line.
        for who in ["first@example.no", "second@example.no"] {
            support::sign_up_confirmed(&db, &inbox, who).await;
        }
        let phoned = PhoneSignUpForm {
            name: "Ragnhild Telefon".into(),
            phone: "912 34 567".into(),
            needs_note: "Rullator".into(),
        }
        .validate()
        .unwrap();
        let lms = signed_in_as(&db, COORDINATOR_LMS).await;
        participants::add_by_phone(&db, &lms, course.id, &phoned, Lang::Nb, now())
            .await
            .unwrap();
        let list = roster::roster(db.read(), &lms, course.id, Lang::Nb)
            .await
            .unwrap();
        assert_eq!(list.confirmed.len(), 1, "{name}");
        assert_eq!(
            list.waiting
                .iter()
                .map(|p| p.name.as_str())
                .collect::<Vec<_>>(),
            ["Deltaker second", "Ragnhild Telefon"],
            "{name}: the waiting list in order"
        );
        let first = list.confirmed[0].id;
        let ostbyen = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        assert_eq!(
            participants::act(&db, &ostbyen, course.id, first, SignUpAction::Cancel, now()).await,
            Err(AppError::Forbidden),
            "{name}: another organisation's sign-up"
        );
        participants::act(&db, &lms, course.id, first, SignUpAction::Cancel, now())
            .await
            .unwrap();
        let told = inbox.to(&db, "first@example.no").await;
        assert!(
            told.iter().any(|m| m.email.subject.contains("meldt av")),
            "{name}: {:?}",
            told.iter().map(|m| &m.email.subject).collect::<Vec<_>>()
        );
        let list = roster::roster(db.read(), &lms, course.id, Lang::Nb)
            .await
            .unwrap();
        assert_eq!(
            list.confirmed.len(),
            1,
            "{name}: the next in line, confirmed already, has the place"
        );
        assert_eq!(list.confirmed[0].name, "Deltaker second", "{name}");
        // The one who phoned is given a place ahead of the course's size,
        // and, having no address to confirm, is confirmed outright.
        let phoned_id = list.waiting[0].id;
        participants::act(
            &db,
            &lms,
            course.id,
            phoned_id,
            SignUpAction::GivePlace,
            now(),
        )
        .await
        .unwrap();
        let list = roster::roster(db.read(), &lms, course.id, Lang::Nb)
            .await
            .unwrap();
        assert_eq!(list.confirmed.len(), 2, "{name}");
        assert_eq!(list.confirmed[1].status, SignUpStatus::Confirmed, "{name}");
        assert_eq!(
            list.confirmed[1].phone.as_deref(),
            Some("912 34 567"),
            "{name}"
        );
        let actions: Vec<AuditAction> = audit_event::Entity::find()
            .all(db.read())
            .await
            .unwrap()
            .into_iter()
            .map(|e| e.action)
            .collect();
        for done in [
            AuditAction::PhoneSignUpAdded,
            AuditAction::SignUpCancelled,
            AuditAction::SignUpPromoted,
        ] {
            assert!(actions.contains(&done), "{name}: {done:?} in {actions:?}");
        }
        // A full course without a waiting list takes nobody by phone.
        support::set_capacity(&db, 1, false).await;
        assert_eq!(
            participants::add_by_phone(&db, &lms, course.id, &phoned, Lang::Nb, now()).await,
            Err(AppError::CourseFull),
            "{name}"
        );
    }
}

#[tokio::test]
async fn more_places_on_a_course_go_to_its_waiting_list() {
    use app::backend::catalogue::offering as catalogue;
    use app::domain::catalogue::OfferingForm;
    for (name, db) in databases().await {
        support::set_capacity(&db, 1, true).await;
        let course = course_row(&db, COURSE).await;
        for who in ["a@example.no", "b@example.no"] {
            signing::sign_up(
                &db,
                COURSE,
                &person(who),
                Lang::Nb,
                now(),
                &settings(),
                None,
            )
            .await
            .unwrap();
        }
        let lise = signed_in_as(&db, COORDINATOR_LMS).await;
        let mut form =
            OfferingForm::from_draft(&catalogue::load(db.read(), course.id).await.unwrap());
        form.capacity = "2".into();
        let draft = form.validate(now().local.date()).unwrap();
        catalogue::save(&db, &lise, Some(course.id), draft, now())
            .await
            .unwrap();
        let list = roster::roster(db.read(), &lise, course.id, Lang::Nb)
            .await
            .unwrap();
        assert_eq!(
            list.awaiting.len(),
            2,
            "{name}: the second holds a place now"
        );
        assert!(list.waiting.is_empty(), "{name}");
    }
}

#[tokio::test]
async fn a_cancelled_session_shows_on_the_page_in_the_calendar_and_reaches_the_participants() {
    use app::backend::catalogue::cancel;
    use app::backend::{directory, ics};
    for (name, db) in databases().await {
        let course = course_row(&db, COURSE).await;
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
        let first = course.first_session_at.unwrap().date();
        let lise = signed_in_as(&db, COORDINATOR_LMS).await;
        let ola = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        assert_eq!(
            cancel::cancel_date(&db, &ola, course.id, first, "Syk", now()).await,
            Err(AppError::Forbidden),
            "{name}"
        );
        let not_a_day = first.succ_opt().unwrap();
        assert_eq!(
            cancel::cancel_date(&db, &lise, course.id, not_a_day, "Syk", now()).await,
            Err(AppError::NotAMeeting),
            "{name}"
        );
        let emailed =
            cancel::cancel_date(&db, &lise, course.id, first, "Kursleder er\n  syk ", now())
                .await
                .unwrap();
        assert_eq!(emailed, 1, "{name}");
        assert_eq!(
            cancel::cancel_date(&db, &lise, course.id, first, "Igjen", now()).await,
            Ok(0),
            "{name}: once is enough"
        );
        let detail = directory::detail_by_id(db.read(), course.id, Lang::Nb, now().local)
            .await
            .unwrap();
        assert_eq!(detail.cancelled.len(), 1, "{name}");
        assert_eq!(
            detail.cancelled[0].reason, "Kursleder er syk",
            "{name}: one line"
        );
        assert!(
            detail.upcoming.iter().any(|o| o.date == first),
            "{name}: still listed, marked"
        );
        assert_ne!(
            detail.card.next.map(|n| n.date),
            Some(first),
            "{name}: next is the one held"
        );
        let calendar =
            ics::offering_calendar(&detail, "https://treffpunkt.example/x", chrono::Utc::now());
        assert_eq!(
            calendar.matches("STATUS:CANCELLED").count(),
            1,
            "{name}: {calendar}"
        );
        // The district's calendar, as subscribed to, says so too.
        let district = directory::Directory::new(db.clone())
            .calendar_of(
                Some("nordre-asen"),
                &app::domain::filter::ListingFilter::default(),
                Lang::Nb,
                now().local,
            )
            .await
            .unwrap();
        let in_feed: Vec<(_, String)> = district
            .into_iter()
            .map(|d| {
                let url = format!("https://treffpunkt.example/tilbud/{}", d.card.slug);
                (d, url)
            })
            .collect();
        assert!(in_feed.iter().any(|(d, _)| d.card.slug == COURSE), "{name}");
        let feed = ics::listing_calendar("Nordre Åsen", &in_feed, chrono::Utc::now());
        assert_eq!(
            feed.matches("STATUS:CANCELLED").count(),
            1,
            "{name}: {feed}"
        );
        assert!(feed.contains("X-WR-CALNAME:Nordre Åsen"), "{name}");
        let inbox = Inbox::new();
        let mail = inbox.to(&db, "kari@example.no").await;
        let off = mail
            .iter()
            .find(|m| m.email.subject.contains("avlyst"))
            .unwrap_or_else(|| {
                panic!(
                    "{name}: {:?}",
                    mail.iter().map(|m| &m.email.subject).collect::<Vec<_>>()
                )
            });
        assert!(
            off.email.text.contains("Kursleder er syk"),
            "{name}: {}",
            off.email.text
        );
    }
}

#[tokio::test]
async fn an_organiser_messages_everyone_with_a_confirmed_address_and_the_words_go_with_the_emails()
{
    use app::backend::entities::{course_message, sign_up};
    use app::backend::mail::outbox;
    use app::backend::staff::participants;
    use app::domain::sign_up::SignUpStatus;
    use app::domain::staff::CourseMessageForm;
    use sea_orm::{ActiveModelTrait, Set};
    for (name, db) in databases().await {
        let course = course_row(&db, COURSE).await;
        for who in ["kari@example.no", "ola@example.no"] {
            signing::sign_up(
                &db,
                COURSE,
                &person(who),
                Lang::Nb,
                now(),
                &settings(),
                None,
            )
            .await
            .unwrap();
        }
        // Kari confirmed her address; Ola did not, so a stranger may have
        // typed it: he gets no organiser's words.
        let kari = support::sign_ups(&db)
            .await
            .into_iter()
            .find(|s| s.participant_email.as_deref() == Some("kari@example.no"))
            .unwrap();
        let mut row: sign_up::ActiveModel = kari.into();
        row.status = Set(SignUpStatus::Confirmed);
        row.email_confirmed_at = Set(Some(now().utc));
        row.update(db.write()).await.unwrap();
        let inbox = Inbox::new();
        inbox.to(&db, "kari@example.no").await;

        let form = CourseMessageForm {
            message: "  Vi møtes i rom 2 i dag.  \n\n\n\nTa med kaffekopp.\n".into(),
            waiting_list: None,
        };
        let text = form.validate().unwrap();
        assert_eq!(
            text, "Vi møtes i rom 2 i dag.\n\nTa med kaffekopp.",
            "{name}"
        );
        let ostbyen = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        assert_eq!(
            participants::message_all(&db, &ostbyen, course.id, &text, false, now()).await,
            Err(AppError::Forbidden),
            "{name}: another organisation's course"
        );
        let lms = signed_in_as(&db, COORDINATOR_LMS).await;
        let sent = participants::message_all(&db, &lms, course.id, &text, false, now())
            .await
            .unwrap();
        assert_eq!((sent.emailed, sent.not_emailed), (1, 1), "{name}");
        let mail = inbox.to(&db, "kari@example.no").await;
        let message = mail
            .iter()
            .find(|m| m.email.subject.ends_with("melding fra kursholderen"))
            .unwrap_or_else(|| panic!("{name}: no message to Kari"));
        assert!(
            message.email.text.contains("Vi møtes i rom 2 i dag."),
            "{name}"
        );
        assert!(message.email.text.contains("Ta med kaffekopp."), "{name}");
        assert!(
            inbox
                .to(&db, "ola@example.no")
                .await
                .iter()
                .all(|m| !m.email.subject.ends_with("melding fra kursholderen")),
            "{name}"
        );
        // The outbox keeps no words; the message goes with its emails.
        assert_eq!(
            course_message::Entity::find()
                .count(db.read())
                .await
                .unwrap(),
            1
        );
        let later = now().utc + chrono::Duration::days(1);
        outbox::purge(db.write(), later, chrono::Duration::zero(), 1000)
            .await
            .unwrap();
        outbox::purge_messages(db.write(), later, chrono::Duration::zero())
            .await
            .unwrap();
        assert_eq!(
            course_message::Entity::find()
                .count(db.read())
                .await
                .unwrap(),
            0,
            "{name}"
        );
    }
}
