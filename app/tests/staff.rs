//! The staff area's services on every test database: signing in by an
//! emailed code or link, sessions, who may reach which course's people,
//! and the CSV export.

mod support;

use app::backend::clock::Now;
use app::backend::entities::{audit_event, outbox, sign_in};
use app::backend::mail::EmailKind;
use app::backend::sign_up as signing;
use app::backend::staff::{access, roster, sessions, sign_in as code};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::staff::{AuditAction, StaffFilter};
use regex::Regex;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};
use support::{COURSE, Inbox, at, course_row, databases, now, person, settings};

const COORDINATOR_LMS: &str = "lise@lms.example";
const COORDINATOR_OSTBYEN: &str = "ola@ostbyen.example";
const EDITOR: &str = "redaktor@fjordvik.kommune.example";
/// Listings last confirmed before this are stale (90 days, as by default).
fn stale_since() -> chrono::NaiveDateTime {
    now().utc - chrono::Duration::days(90)
}

/// Sign-in emails an address gets an hour, as by default.
const PER_HOUR: u32 = 5;

/// The six-digit code and the link's token of the last sign-in email to `to`.
async fn emailed(
    db: &app::backend::db::Db,
    inbox: &Inbox,
    to: &str,
    when: Now,
) -> (String, String) {
    let mail = inbox.to_at(db, to, when).await;
    let last = mail.last().unwrap_or_else(|| panic!("no email to {to}"));
    assert!(
        !last.email.subject.contains(char::is_numeric),
        "{}",
        last.email.subject
    );
    let text = &last.email.text;
    let code = Regex::new(r"\b(\d{6})\b").unwrap().captures(text).unwrap()[1].to_string();
    let token = Regex::new(r"/ansatt/logg-inn/lenke\?token=([A-Za-z0-9_-]+)")
        .unwrap()
        .captures(text)
        .unwrap()[1]
        .to_string();
    (code, token)
}

/// Signs `email` in with a code, as the form post does, and returns the
/// member of staff its session belongs to.
async fn signed_in_as(db: &app::backend::db::Db, email: &str) -> access::Staff {
    let inbox = Inbox::new();
    code::request(db, email, Lang::Nb, now(), PER_HOUR)
        .await
        .unwrap();
    let (typed, _) = emailed(db, &inbox, email, now()).await;
    let account = code::verify_code(db, email, &typed, now()).await.unwrap();
    let cookie = sessions::start(db.write(), account.id, false, now())
        .await
        .unwrap();
    access::signed_in(db, Some(&cookie), now()).await.unwrap()
}

#[tokio::test]
async fn an_emailed_code_signs_in_once() {
    for (name, db) in databases().await {
        let inbox = Inbox::new();
        code::request(&db, "Lise@LMS.example ", Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (typed, _) = emailed(&db, &inbox, COORDINATOR_LMS, now()).await;
        let spaced = format!("{} {}", &typed[..3], &typed[3..]);
        let account = code::verify_code(&db, COORDINATOR_LMS, &spaced, now())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(account.email, COORDINATOR_LMS, "{name}");
        assert_eq!(
            code::verify_code(&db, COORDINATOR_LMS, &typed, now())
                .await
                .unwrap_err(),
            AppError::SignInCodeInvalid,
            "{name}: a code works once"
        );
        // Only hashes are stored.
        let row = sign_in::Entity::find()
            .one(db.read())
            .await
            .unwrap()
            .unwrap();
        assert_ne!(row.code_hash.as_deref(), Some(typed.as_str()), "{name}");
        assert_eq!(row.code_hash.as_ref().map(String::len), Some(64), "{name}");
    }
}

#[tokio::test]
async fn an_unknown_address_gets_the_same_answer_and_no_email() {
    for (name, db) in databases().await {
        code::request(&db, "nobody@example.no", Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        let queued = outbox::Entity::find().count(db.read()).await.unwrap();
        assert_eq!(queued, 0, "{name}");
        assert_eq!(
            code::request(&db, "not an address", Lang::Nb, now(), PER_HOUR).await,
            Err(AppError::EmailInvalid),
            "{name}"
        );
        assert_eq!(
            code::verify_code(&db, "nobody@example.no", "123456", now()).await,
            Err(AppError::SignInCodeInvalid),
            "{name}"
        );
    }
}

#[tokio::test]
async fn either_of_two_codes_works_and_wrong_guesses_count_against_both() {
    for (name, db) in databases().await {
        let inbox = Inbox::new();
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (first, _) = emailed(&db, &inbox, EDITOR, now()).await;
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (second, _) = emailed(&db, &inbox, EDITOR, now()).await;
        assert!(
            code::verify_code(&db, EDITOR, &first, now()).await.is_ok(),
            "{name}: the older code"
        );
        assert!(
            code::verify_code(&db, EDITOR, &second, now()).await.is_ok(),
            "{name}: the newer one"
        );
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (a, _) = emailed(&db, &inbox, EDITOR, now()).await;
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (b, _) = emailed(&db, &inbox, EDITOR, now()).await;
        let wrong = (0..1_000_000)
            .map(|n| format!("{n:06}"))
            .find(|c| *c != a && *c != b)
            .unwrap();
        for _ in 0..code::TRIES_PER_CODE {
            assert!(
                code::verify_code(&db, EDITOR, &wrong, now()).await.is_err(),
                "{name}"
            );
        }
        for spent in [a, b] {
            assert!(
                code::verify_code(&db, EDITOR, &spent, now()).await.is_err(),
                "{name}"
            );
        }
    }
}

#[tokio::test]
async fn five_wrong_codes_spend_the_code() {
    for (name, db) in databases().await {
        let inbox = Inbox::new();
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (typed, _) = emailed(&db, &inbox, EDITOR, now()).await;
        let wrong = if typed == "000000" {
            "111111"
        } else {
            "000000"
        };
        for _ in 0..code::TRIES_PER_CODE {
            assert_eq!(
                code::verify_code(&db, EDITOR, wrong, now()).await,
                Err(AppError::SignInCodeInvalid),
                "{name}"
            );
        }
        assert_eq!(
            code::verify_code(&db, EDITOR, &typed, now()).await,
            Err(AppError::SignInCodeInvalid),
            "{name}: the right code after five wrong ones"
        );
    }
}

#[tokio::test]
async fn codes_and_links_stop_working_after_fifteen_minutes() {
    for (name, db) in databases().await {
        let inbox = Inbox::new();
        code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
            .await
            .unwrap();
        let (typed, token) = emailed(&db, &inbox, EDITOR, now()).await;
        let later = at("2026-12-14T08:15:01");
        assert_eq!(
            code::verify_code(&db, EDITOR, &typed, later).await,
            Err(AppError::SignInCodeInvalid),
            "{name}"
        );
        assert_eq!(
            code::use_link(&db, &token, later).await.map(|a| a.id),
            Err(AppError::SignInCodeInvalid),
            "{name}"
        );
    }
}

#[tokio::test]
async fn the_link_signs_in_once_and_uses_up_the_code() {
    for (name, db) in databases().await {
        let inbox = Inbox::new();
        code::request(&db, EDITOR, Lang::En, now(), PER_HOUR)
            .await
            .unwrap();
        let (typed, token) = emailed(&db, &inbox, EDITOR, now()).await;
        let account = code::use_link(&db, &token, now()).await.unwrap();
        assert_eq!(account.email, EDITOR, "{name}");
        assert!(code::use_link(&db, &token, now()).await.is_err(), "{name}");
        assert!(
            code::verify_code(&db, EDITOR, &typed, now()).await.is_err(),
            "{name}: the same email's code is used up too"
        );
        let mail = inbox.to_at(&db, EDITOR, now()).await;
        assert_eq!(
            mail[0].email.subject, "Your Treffpunkt sign-in code",
            "{name}"
        );
    }
}

#[tokio::test]
async fn one_address_gets_at_most_five_sign_in_emails_an_hour() {
    for (name, db) in databases().await {
        for _ in 0..8 {
            code::request(&db, EDITOR, Lang::Nb, now(), PER_HOUR)
                .await
                .unwrap();
        }
        let queued = outbox::Entity::find()
            .filter(outbox::Column::Kind.eq(EmailKind::SignInCode))
            .count(db.read())
            .await
            .unwrap();
        assert_eq!(queued, u64::from(PER_HOUR), "{name}");
        code::request(&db, EDITOR, Lang::Nb, at("2026-12-14T09:00:01"), PER_HOUR)
            .await
            .unwrap();
        let queued = outbox::Entity::find().count(db.read()).await.unwrap();
        assert_eq!(queued, u64::from(PER_HOUR) + 1, "{name}: an hour later");
    }
}

#[tokio::test]
async fn a_shared_computer_session_ends_after_thirty_idle_minutes() {
    for (name, db) in databases().await {
        let staff = signed_in_as(&db, EDITOR).await;
        let shared = sessions::start(db.write(), staff.id(), true, now())
            .await
            .unwrap();
        let personal = sessions::start(db.write(), staff.id(), false, now())
            .await
            .unwrap();
        let later = at("2026-12-14T08:31:00");
        assert_eq!(
            access::signed_in(&db, Some(&shared), later)
                .await
                .map(|s| s.id()),
            Err(AppError::SignInRequired),
            "{name}"
        );
        assert!(
            access::signed_in(&db, Some(&personal), later).await.is_ok(),
            "{name}"
        );
        // Used every 20 minutes, it lives on.
        let again = sessions::start(db.write(), staff.id(), true, now())
            .await
            .unwrap();
        for minute in ["08:20:00", "08:40:00", "09:00:00"] {
            let when = at(&format!("2026-12-14T{minute}"));
            assert!(
                access::signed_in(&db, Some(&again), when).await.is_ok(),
                "{name} {minute}"
            );
        }
        // Signing out everywhere ends them all.
        sessions::end_all(db.write(), staff.id()).await.unwrap();
        assert!(
            access::signed_in(&db, Some(&personal), now())
                .await
                .is_err(),
            "{name}"
        );
        assert!(
            access::signed_in(&db, Some("not-a-session"), now())
                .await
                .is_err(),
            "{name}"
        );
        assert!(access::signed_in(&db, None, now()).await.is_err(), "{name}");
    }
}

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

#[tokio::test]
async fn a_password_is_an_option_that_pauses_after_ten_wrong_tries() {
    use app::backend::entities::account;
    use app::backend::staff::passwords;
    for (name, db) in databases().await {
        let ola = signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        let chosen = "fire ord på rad";
        // Nobody has one until they add it.
        assert_eq!(
            passwords::verify(&db, COORDINATOR_OSTBYEN, chosen, now()).await,
            Err(AppError::PasswordInvalid),
            "{name}"
        );
        assert_eq!(
            passwords::set(&db, &ola, "kort", "kort", now()).await,
            Err(AppError::PasswordTooShort),
            "{name}"
        );
        assert_eq!(
            passwords::set(&db, &ola, chosen, "fire ord på rat", now()).await,
            Err(AppError::PasswordsDiffer),
            "{name}"
        );
        passwords::set(&db, &ola, chosen, chosen, now())
            .await
            .unwrap();
        let stored = account::Entity::find_by_id(ola.id())
            .one(db.read())
            .await
            .unwrap()
            .unwrap()
            .password_hash
            .unwrap();
        assert!(
            stored.starts_with("$argon2id$v=19$m=19456,t=2,p=1$"),
            "{name}: {stored}"
        );
        assert!(!stored.contains(chosen), "{name}");
        // The address as typed, in any case.
        let signed = passwords::verify(&db, "  Ola@Ostbyen.Example ", chosen, now())
            .await
            .unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(signed.id, ola.id(), "{name}");
        // Unknown addresses, and other people's, get the same answer.
        for (email, typed) in [
            ("ingen@example.no", chosen),
            (COORDINATOR_LMS, chosen),
            (COORDINATOR_OSTBYEN, "fire ord på rat"),
        ] {
            assert_eq!(
                passwords::verify(&db, email, typed, now()).await,
                Err(AppError::PasswordInvalid),
                "{name}: {email}"
            );
        }
        // Ten wrong in all pause passwords for the account for a quarter
        // of an hour, even the right one; the emailed code still works.
        for _ in 0..9 {
            let _ = passwords::verify(&db, COORDINATOR_OSTBYEN, "gjett gjett gjett", now()).await;
        }
        assert_eq!(
            passwords::verify(&db, COORDINATOR_OSTBYEN, chosen, now()).await,
            Err(AppError::PasswordInvalid),
            "{name}: paused"
        );
        let later = app::backend::clock::Now::at(
            now().utc + passwords::PAUSE + chrono::Duration::seconds(1),
        );
        assert!(
            passwords::verify(&db, COORDINATOR_OSTBYEN, chosen, later)
                .await
                .is_ok(),
            "{name}: works again after the pause"
        );
        signed_in_as(&db, COORDINATOR_OSTBYEN).await;
        // Removed, it works no more; and both were audited.
        passwords::remove(&db, &ola, now()).await.unwrap();
        assert_eq!(
            passwords::verify(&db, COORDINATOR_OSTBYEN, chosen, later).await,
            Err(AppError::PasswordInvalid),
            "{name}"
        );
        let audited = audit_event::Entity::find()
            .filter(
                audit_event::Column::Action
                    .is_in([AuditAction::PasswordSet, AuditAction::PasswordRemoved]),
            )
            .count(db.read())
            .await
            .unwrap();
        assert_eq!(audited, 2, "{name}");
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
