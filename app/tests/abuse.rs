//! Sign-up as an attacker tries it, on every test database: one client,
//! network, mailbox or registrant cannot hold more than a few places of a
//! course, and nobody learns from a reply or an email whether someone
//! else is signed up.

mod support;

use std::net::IpAddr;

use app::backend::db::Db;
use app::backend::sign_up::limits::Origin;
use app::backend::sign_up::{self as service, Receipt};
use app::domain::error::AppError;
use app::domain::lang::Lang;
use app::domain::sign_up::{SignUpForm, SignUpStatus, ValidSignUp};
use support::*;

fn origin(ip: &str) -> Origin {
    Origin::of(ip.parse::<IpAddr>().unwrap())
}

async fn from(db: &Db, form: &ValidSignUp, ip: &str) -> Result<Receipt, AppError> {
    service::sign_up(
        db,
        COURSE,
        form,
        Lang::Nb,
        now(),
        &settings(),
        Some(&origin(ip)),
    )
    .await
}

#[tokio::test]
async fn one_client_or_network_holds_at_most_two_sign_ups_of_a_course() {
    for (backend, db) in databases().await {
        set_capacity(&db, 12, true).await;
        // One IPv6 /64: two, then no more.
        for n in 0..2 {
            let who = person(&format!("a{n}@catchall.example"));
            assert!(
                from(&db, &who, "2001:db8:1:1::1").await.is_ok(),
                "{backend}"
            );
        }
        let third = person("a2@catchall.example");
        assert_eq!(
            from(&db, &third, "2001:db8:1:1::99").await,
            Err(AppError::SignUpLimit),
            "{backend}: another address in the same /64"
        );
        // Another /64 of the same /48 is the same network.
        assert_eq!(
            from(&db, &third, "2001:db8:1:2::1").await,
            Err(AppError::SignUpLimit),
            "{backend}: the same /48"
        );
        assert!(
            from(&db, &third, "2001:db8:2::1").await.is_ok(),
            "{backend}: another /48"
        );
        // IPv4: two per address, six per /24.
        for n in 0..6u8 {
            let ip = format!("192.0.2.{}", n / 2 + 1);
            let who = person(&format!("v4-{n}@example.no"));
            assert!(from(&db, &who, &ip).await.is_ok(), "{backend}: {n}");
        }
        assert_eq!(
            from(&db, &person("v4-6@example.no"), "192.0.2.200").await,
            Err(AppError::SignUpLimit),
            "{backend}: the /24 is full"
        );
        assert!(
            from(&db, &person("v4-7@example.no"), "198.51.100.1")
                .await
                .is_ok(),
            "{backend}: another /24"
        );
    }
}

#[tokio::test]
async fn a_cancelled_sign_up_frees_its_count() {
    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        for who in ["a@example.no", "b@example.no"] {
            from(&db, &person(who), "203.0.113.5").await.unwrap();
        }
        let link = token(&inbox.to(&db, "a@example.no").await[0].email.text, "avmeld");
        service::cancel(&db, &link, now()).await.unwrap();
        assert!(
            from(&db, &person("c@example.no"), "203.0.113.5")
                .await
                .is_ok(),
            "{backend}"
        );
    }
}

#[tokio::test]
async fn one_registrant_signs_up_at_most_three_people_of_a_course() {
    for (backend, db) in databases().await {
        let parent = |name: &str, registrant: &str| {
            SignUpForm {
                participant_name: name.into(),
                on_behalf: true,
                registrant_name: "Kari Hansen".into(),
                registrant_email: registrant.into(),
                consent: true,
                ..Default::default()
            }
            .validate()
            .unwrap()
        };
        // Each from its own network: only the registrant is counted.
        let ips = ["192.0.2.1", "198.51.100.1", "203.0.113.1", "2001:db8:9::1"];
        for (n, name) in ["Anne", "Per", "Ola"].iter().enumerate() {
            from(&db, &parent(name, "kari@example.no"), ips[n])
                .await
                .unwrap();
        }
        assert_eq!(
            from(&db, &parent("Invented", "Kari+4@example.no"), ips[3]).await,
            Err(AppError::SignUpLimit),
            "{backend}: a plus-tag is the same registrant"
        );
    }
}

#[tokio::test]
async fn one_mailbox_is_one_sign_up_however_it_is_typed() {
    for (backend, db) in databases().await {
        from(&db, &person("kari.nordmann@gmail.com"), "192.0.2.1")
            .await
            .unwrap();
        for (n, typed) in [
            "kari.nordmann+kurs@gmail.com",
            "KariNordmann@googlemail.com",
            "k.a.r.i.nordmann@GMAIL.com",
        ]
        .iter()
        .enumerate()
        {
            assert_eq!(
                from(&db, &person(typed), &format!("198.51.{n}.1")).await,
                Ok(Receipt::AlreadySignedUp),
                "{backend}: {typed}"
            );
        }
        from(&db, &person("ola@example.no"), "203.0.113.1")
            .await
            .unwrap();
        assert_eq!(
            from(&db, &person("ola+2@ｅxample.no"), "203.0.114.1").await,
            Ok(Receipt::AlreadySignedUp),
            "{backend}: plus-tag and full-width domain"
        );
        assert_eq!(sign_ups(&db).await.len(), 2, "{backend}");
    }
}

/// Where the victim stands before the attacker tries.
#[derive(Clone, Copy, Debug)]
enum Victim {
    Unknown,
    Unconfirmed,
    Confirmed,
    Waiting,
    /// The victim holds nothing, but the course is full.
    CourseFull,
}

const ATTACKER: &str = "nosy@attacker.example";
const VICTIM: &str = "victim@example.no";

/// An email with its moment-dependent parts (the date line) dropped.
fn comparable(text: &str) -> String {
    text.lines()
        .filter(|l| !l.contains("Date:"))
        .collect::<Vec<_>>()
        .join("\n")
}

/// What the attacker sees: the service's answer as the public reply
/// makes it (the same redirect for every success), the places figure,
/// and every email to the attacker.
async fn attack(victim: Victim) -> Vec<(String, u32, Vec<(String, String, String)>)> {
    let mut seen = Vec::new();
    for (backend, db) in databases().await {
        let inbox = Inbox::new();
        set_capacity(&db, 2, !matches!(victim, Victim::CourseFull)).await;
        match victim {
            Victim::Unknown => {}
            Victim::Unconfirmed => {
                from(&db, &person(VICTIM), "192.0.2.1").await.unwrap();
            }
            Victim::Confirmed => {
                sign_up_confirmed(&db, &inbox, VICTIM).await;
            }
            Victim::Waiting => {
                sign_up_confirmed(&db, &inbox, "one@example.no").await;
                sign_up_confirmed(&db, &inbox, "two@example.no").await;
                assert_eq!(
                    sign_up_confirmed(&db, &inbox, VICTIM).await,
                    SignUpStatus::WaitingList
                );
            }
            Victim::CourseFull => {
                sign_up_confirmed(&db, &inbox, "one@example.no").await;
                sign_up_confirmed(&db, &inbox, "two@example.no").await;
            }
        }
        let places = || async {
            let course = course_row(&db, COURSE).await;
            let id_and_capacity = (course.id, course.capacity.unwrap());
            app::backend::course::places_left_of_many(db.read(), &[id_and_capacity])
                .await
                .unwrap()[&course.id]
        };
        let before = places().await;
        let form = SignUpForm {
            participant_name: "Victim".into(),
            participant_email: VICTIM.into(),
            on_behalf: true,
            registrant_name: "Nosy".into(),
            registrant_email: ATTACKER.into(),
            consent: true,
            ..Default::default()
        }
        .validate()
        .unwrap();
        let reply = match from(&db, &form, "203.0.113.9").await {
            Ok(_) => "sent".to_string(),
            Err(e) => e.key().to_string(),
        };
        assert_eq!(places().await, before, "{backend} {victim:?}");
        let mails = inbox
            .to(&db, ATTACKER)
            .await
            .into_iter()
            .map(|d| {
                (
                    d.email.subject,
                    comparable(&d.email.text),
                    comparable(&d.email.html),
                )
            })
            .collect();
        seen.push((reply, before, mails));
    }
    seen
}

#[tokio::test]
async fn the_poster_learns_nothing_about_the_participant() {
    let unknown = attack(Victim::Unknown).await;
    assert_eq!(unknown[0].2.len(), 1, "the attacker gets one email");
    assert!(
        !unknown[0].2[0].1.contains("/pamelding/"),
        "and no link to act on: {}",
        unknown[0].2[0].1
    );
    for victim in [
        Victim::Unconfirmed,
        Victim::Confirmed,
        Victim::Waiting,
        Victim::CourseFull,
    ] {
        let seen = attack(victim).await;
        for (n, (reply, _, mails)) in seen.iter().enumerate() {
            assert_eq!(reply, &unknown[n].0, "{victim:?}: the reply");
            assert_eq!(mails, &unknown[n].2, "{victim:?}: the emails");
        }
    }
}
