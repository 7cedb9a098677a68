//! Signing in: an emailed code or link, the limits on both, sessions
//! and the password some staff choose.

use crate::support::{Inbox, at, databases, now};
use crate::{COORDINATOR_LMS, COORDINATOR_OSTBYEN, EDITOR, PER_HOUR, emailed, signed_in_as};
use app::backend::entities::{audit_event, outbox, sign_in};
use app::backend::mail::EmailKind;
use app::backend::staff::{access, sessions, sign_in as code};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::staff::AuditAction;
use sea_orm::{ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter};

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
