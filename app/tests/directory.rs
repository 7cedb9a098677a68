//! Service tests for the public directory, on every database the test
//! command provides (SQLite always, PostgreSQL when `TEST_DATABASE_URL` is
//! set), against the real migrations and importer.

use std::collections::BTreeSet;

use app::backend::db::Db;
use app::backend::directory::{self, Directory, read_model};
use app::backend::{ics, import, testing};
use app::domain::Code;
use app::domain::error::AppError;
use app::domain::filter::ListingFilter;
use app::domain::filter::PAGE_SIZE;
use app::domain::lang::Lang;
use app::domain::offering::{Audience, OfferingCard, OfferingKind, SignUpState};
use app::domain::schedule::TimeOfDay;
use chrono::{NaiveDate, NaiveDateTime};
use sea_orm::{EntityTrait, PaginatorTrait};
use strum::IntoEnumIterator;

const MINI: &str = include_str!("fixtures/mini.toml");
const DEMO: &str = include_str!("../../server/demo/municipality.toml");

/// Monday 14 December 2026, 09.00 in Oslo.
fn now() -> NaiveDateTime {
    "2026-12-14T09:00:00".parse().unwrap()
}

async fn mini_databases() -> Vec<(&'static str, Db)> {
    let dbs = testing::databases().await;
    for (_, db) in &dbs {
        import::import(db, MINI).await.expect("fixture imports");
        // The lists as they stand at the tests' moment.
        read_model::refresh_all(db, now()).await.unwrap();
    }
    dbs
}

/// Every card of a listing, page after page.
async fn cards(
    db: &Db,
    district: Option<&str>,
    filter: &ListingFilter,
    lang: Lang,
) -> Result<Vec<OfferingCard>, AppError> {
    let directory = Directory::new(db.clone());
    let mut all = Vec::new();
    for page in 1.. {
        let got = directory.listing(district, filter, lang, page).await?;
        let done = got.cards.len() < PAGE_SIZE as usize;
        all.extend(got.cards);
        if done {
            return Ok(all);
        }
    }
    unreachable!()
}

async fn slugs(db: &Db, district: Option<&str>, filter: ListingFilter) -> Vec<String> {
    cards(db, district, &filter, Lang::Nb)
        .await
        .unwrap()
        .into_iter()
        .map(|c| c.slug)
        .collect()
}

fn set(items: &[&str]) -> BTreeSet<String> {
    items.iter().map(|s| s.to_string()).collect()
}

fn search(q: &str) -> ListingFilter {
    ListingFilter {
        query: Some(q.into()),
        ..Default::default()
    }
}

#[tokio::test]
async fn demo_municipality_imports_once_with_every_kind() {
    for (backend, db) in testing::databases().await {
        let first = import::seed_if_empty(&db, DEMO)
            .await
            .unwrap()
            .expect("seeds empty db");
        assert!(first.districts >= 4, "{backend}: districts");
        assert!(first.offerings >= 60, "{backend}: offerings");
        assert!(
            import::seed_if_empty(&db, DEMO).await.unwrap().is_none(),
            "{backend}: seeds once"
        );

        let all = cards(&db, None, &ListingFilter::default(), Lang::Nb)
            .await
            .unwrap();
        let kinds: BTreeSet<_> = all.iter().map(|c| c.kind.code()).collect();
        assert_eq!(
            kinds.len(),
            OfferingKind::iter().count(),
            "{backend}: {kinds:?}"
        );
        let nynorsk = cards(&db, None, &ListingFilter::default(), Lang::Nn)
            .await
            .unwrap();
        assert!(
            nynorsk.iter().any(|c| c.text.lang == Lang::Nn),
            "{backend}: some nn texts"
        );
        assert!(
            nynorsk.iter().any(|c| c.text.lang == Lang::Nb),
            "{backend}: some fall back to nb"
        );
    }
}

/// With the demo imported on `day`: how many of its courses are open for
/// sign-up that day, and how many offerings meet in the seven days from it.
async fn demo_on(db: &Db, source: &str, day: NaiveDateTime) -> (usize, usize) {
    import::import_as_of(db, source, day).await.unwrap();
    open_and_meeting(db, day).await
}

/// How many courses are open for sign-up on `day`, and how many offerings
/// meet in the seven days from it.
async fn open_and_meeting(db: &Db, day: NaiveDateTime) -> (usize, usize) {
    let courses = ListingFilter {
        kind: Some(OfferingKind::Course),
        ..ListingFilter::default()
    };
    let mut open = 0;
    for card in cards(db, None, &courses, Lang::Nb).await.unwrap() {
        let course = directory::offering(db.read(), &card.slug, Lang::Nb, day)
            .await
            .unwrap()
            .course
            .expect("a course");
        if matches!(course.sign_up_state(day), SignUpState::Open { .. }) {
            open += 1;
        }
    }
    let week = Directory::new(db.clone())
        .this_week(Lang::Nb, day, 1_000)
        .await
        .unwrap();
    (open, week.len())
}

#[tokio::test]
async fn the_demo_moves_to_the_week_it_is_seeded_in() {
    let next_year = "2027-12-08T10:00:00".parse().unwrap();
    let mut moved = Vec::new();
    for (backend, db) in testing::databases().await {
        let (open, meeting) = demo_on(&db, DEMO, next_year).await;
        assert!(open >= 3, "{backend}: {open} courses open");
        assert!(meeting >= 30, "{backend}: {meeting} offerings this week");
        moved.push(meeting);
    }
    // The same file without the day its dates were written for keeps
    // them: a year on, every course is over and the season's groups too.
    let fixed = DEMO.replacen("today = \"2026-11-25\"", "", 1);
    assert_ne!(fixed, DEMO);
    for ((backend, db), moved) in testing::databases().await.into_iter().zip(moved) {
        let (open, meeting) = demo_on(&db, &fixed, next_year).await;
        assert_eq!(open, 0, "{backend}");
        assert!(meeting < moved, "{backend}: {meeting} of {moved}");
    }
}

/// The id of the offering `slug`.
async fn id_of(db: &Db, slug: &str) -> i32 {
    testing::offering(db, slug).await.id
}

/// When the sessions of the course `slug` start.
async fn sessions_of(db: &Db, slug: &str) -> Vec<NaiveDateTime> {
    use app::backend::entities::course_session;
    use sea_orm::{ColumnTrait, QueryFilter, QueryOrder};
    let id = id_of(db, slug).await;
    course_session::Entity::find()
        .filter(course_session::Column::OfferingId.eq(id))
        .order_by_asc(course_session::Column::StartsAt)
        .all(db.read())
        .await
        .unwrap()
        .into_iter()
        .map(|s| s.starts_at)
        .collect()
}

/// A resident's confirmed sign-up for the course `slug`.
async fn signed_up(db: &Db, slug: &str, email: &str) {
    use app::backend::entities::sign_up;
    use app::domain::sign_up::SignUpStatus;
    use sea_orm::{ActiveModelTrait, Set};
    let id = id_of(db, slug).await;
    let now = chrono::Utc::now().naive_utc();
    sign_up::ActiveModel {
        offering_id: Set(id),
        status: Set(SignUpStatus::Confirmed),
        participant_name: Set("Kari Nordmann".into()),
        participant_email: Set(Some(email.into())),
        lang: Set(Lang::Nb),
        dedupe_key: Set(Some(email.into())),
        email_confirmed_at: Set(Some(now)),
        created_at: Set(now),
        updated_at: Set(now),
        ..Default::default()
    }
    .insert(db.write())
    .await
    .unwrap();
}

#[tokio::test]
async fn a_demo_left_running_moves_on_with_the_calendar() {
    use app::backend::clock::{Now, utc_of_oslo};
    use app::backend::jobs::demo;
    let seeded: NaiveDateTime = "2026-11-25T10:00:00".parse().unwrap();
    let later: NaiveDateTime = "2027-12-08T10:00:00".parse().unwrap();
    for (backend, db) in testing::databases().await {
        import::import_as_of(&db, DEMO, seeded).await.unwrap();
        // A day on, nothing moves; a year on, everything does, by 54 weeks.
        let next_day = Now::at(utc_of_oslo(seeded + chrono::Duration::days(1)));
        assert_eq!(demo::run(&db, next_day).await.unwrap(), 0, "{backend}");
        let (stale_open, _) = open_and_meeting(&db, later).await;
        assert_eq!(stale_open, 0, "{backend}: unmoved, every course is over");
        // Someone signed up for one course, beside the demo's own people.
        let kept = sessions_of(&db, "leve-med-kols-var-2027").await;
        let moved_course = sessions_of(&db, "hjertekurs-var-2027").await;
        signed_up(&db, "leve-med-kols-var-2027", "kari@example.no").await;
        let year_on = Now::at(utc_of_oslo(later));
        assert_eq!(demo::run(&db, year_on).await.unwrap(), 54, "{backend}");
        assert_eq!(demo::run(&db, year_on).await.unwrap(), 0, "{backend}: once");
        assert_eq!(
            sessions_of(&db, "leve-med-kols-var-2027").await,
            kept,
            "{backend}: a course someone signed up for keeps its dates"
        );
        let week54 = chrono::Duration::weeks(54);
        assert_eq!(
            sessions_of(&db, "hjertekurs-var-2027").await,
            moved_course.iter().map(|s| *s + week54).collect::<Vec<_>>(),
            "{backend}: the demo's own sign-ups are nobody's"
        );
        let (open, meeting) = open_and_meeting(&db, later).await;
        assert!(open >= 3, "{backend}: {open} courses open");
        assert!(meeting >= 30, "{backend}: {meeting} offerings this week");
    }
    // A municipality's own file never moves.
    let fixed = DEMO.replacen("today = \"2026-11-25\"", "", 1);
    for (backend, db) in testing::databases().await {
        import::import_as_of(&db, &fixed, seeded).await.unwrap();
        let year_on = Now::at(utc_of_oslo(later));
        assert_eq!(demo::run(&db, year_on).await.unwrap(), 0, "{backend}");
    }
}

#[tokio::test]
async fn a_broken_file_writes_nothing() {
    let broken = MINI.replace("venue = \"asen-kirke\"", "venue = \"nowhere\"");
    for (backend, db) in testing::databases().await {
        let err = import::import(&db, &broken).await.unwrap_err();
        assert!(
            matches!(err, import::ImportError::UnknownReference { .. }),
            "{backend}: {err}"
        );
        let districts = app::backend::entities::district::Entity::find()
            .count(db.read())
            .await
            .unwrap();
        assert_eq!(districts, 0, "{backend}: the transaction rolled back");
    }
}

#[tokio::test]
async fn an_organisation_number_that_does_not_check_is_refused() {
    let wrong = MINI.replace("org_number = \"999999999\"", "org_number = \"999999998\"");
    assert_ne!(wrong, MINI);
    for (backend, db) in testing::databases().await {
        let err = import::import(&db, &wrong).await.unwrap_err();
        assert!(err.to_string().contains("999999998"), "{backend}: {err}");
    }
}

#[tokio::test]
async fn district_listing_is_soonest_first_and_hides_finished_courses() {
    for (backend, db) in mini_databases().await {
        let got = slugs(&db, Some("ostbyen"), ListingFilter::default()).await;
        // The centre is open now (09–15), the café opens at 10, the group
        // meets tomorrow; the September course is over.
        assert_eq!(
            got,
            vec![
                "ostbyen-frivilligsentral",
                "apent-treffsted",
                "sterk-og-stodig"
            ],
            "{backend}"
        );
        let err = cards(&db, Some("atlantis"), &ListingFilter::default(), Lang::Nb).await;
        assert_eq!(err.unwrap_err(), AppError::NotFound, "{backend}");
    }
}

/// A list's count is how many cards it has, whether it comes from the
/// counts kept per version (no filter) or from the database (filters).
#[tokio::test]
async fn a_list_counts_exactly_its_cards() {
    for (backend, db) in mini_databases().await {
        let directory = Directory::new(db.clone());
        let free = ListingFilter {
            free_only: true,
            ..Default::default()
        };
        for district in [None, Some("ostbyen"), Some("nordre-asen")] {
            for filter in [ListingFilter::default(), free.clone()] {
                let listed = cards(&db, district, &filter, Lang::Nb).await.unwrap();
                let page = directory
                    .listing(district, &filter, Lang::Nb, 1)
                    .await
                    .unwrap();
                assert_eq!(
                    page.total as usize,
                    listed.len(),
                    "{backend}: {district:?} {filter:?}"
                );
            }
        }
    }
}

#[tokio::test]
async fn every_filter_narrows_the_listing() {
    for (backend, db) in mini_databases().await {
        let cases: Vec<(ListingFilter, &[&str])> = vec![
            (
                ListingFilter {
                    kind: Some(OfferingKind::ActivityGroup),
                    ..Default::default()
                },
                &["sterk-og-stodig", "seniorkor"],
            ),
            (
                ListingFilter {
                    category: Some("trening".into()),
                    ..Default::default()
                },
                &["sterk-og-stodig"],
            ),
            (
                ListingFilter {
                    audience: Some(Audience::LongTermIllness),
                    ..Default::default()
                },
                &["leve-med-kols"],
            ),
            (
                ListingFilter {
                    weekday: Some(4),
                    ..Default::default()
                },
                &["seniorkor"],
            ),
            (
                ListingFilter {
                    weekday: Some(2),
                    ..Default::default()
                },
                &["sterk-og-stodig", "leve-med-kols"],
            ),
            (
                ListingFilter {
                    time_of_day: Some(TimeOfDay::Evening),
                    ..Default::default()
                },
                &["seniorkor", "leve-med-kols"],
            ),
            (
                ListingFilter {
                    free_only: true,
                    district: Some("nordre-asen".into()),
                    ..Default::default()
                },
                &["leve-med-kols"],
            ),
            (
                ListingFilter {
                    no_sign_up: true,
                    district: Some("nordre-asen".into()),
                    ..Default::default()
                },
                &["seniorkor"],
            ),
            (
                ListingFilter {
                    step_free: true,
                    ..Default::default()
                },
                &[
                    "ostbyen-frivilligsentral",
                    "apent-treffsted",
                    "sterk-og-stodig",
                ],
            ),
        ];
        for (filter, want) in cases {
            let got: BTreeSet<String> =
                slugs(&db, None, filter.clone()).await.into_iter().collect();
            assert_eq!(got, set(want), "{backend}: {filter:?}");
        }
    }
}

#[tokio::test]
async fn search_ignores_case_and_handles_norwegian_letters() {
    for (backend, db) in mini_databases().await {
        let cases: &[(&str, &[&str])] = &[
            ("STØDIG", &["sterk-og-stodig"]),
            ("stødig", &["sterk-og-stodig"]),
            ("ÅSEN", &["seniorkor", "leve-med-kols"]),
            ("strong steady", &["sterk-og-stodig"]),
            ("50%", &["sterk-og-stodig"]),
            // Punctuation alone is no word to look for.
            ("%", &[]),
            ("_", &[]),
        ];
        for (q, want) in cases {
            let got: BTreeSet<String> = slugs(&db, None, search(q)).await.into_iter().collect();
            assert_eq!(got, set(want), "{backend}: search {q:?}");
        }
    }
}

#[tokio::test]
async fn texts_fall_back_to_bokmal_and_say_so() {
    for (backend, db) in mini_databases().await {
        let nn = directory::offering(db.read(), "sterk-og-stodig", Lang::Nn, now())
            .await
            .unwrap();
        assert_eq!(nn.card.text.lang, Lang::Nn, "{backend}");
        assert_eq!(
            nn.description_html, "<p>Vi trenar styrke og balanse.</p>\n",
            "{backend}"
        );
        let en = directory::offering(db.read(), "seniorkor", Lang::En, now())
            .await
            .unwrap();
        assert_eq!(en.card.text.lang, Lang::Nb, "{backend}: no English text");
        assert_eq!(en.card.text.title, "Seniorkor", "{backend}");
        let venue = directory::offering(db.read(), "apent-treffsted", Lang::En, now())
            .await
            .unwrap()
            .venue
            .unwrap();
        assert_eq!(
            venue.access_note.as_deref(),
            Some("Lift to the 2nd floor."),
            "{backend}"
        );
        let districts = Directory::new(db.clone())
            .districts(Lang::Nn)
            .await
            .unwrap();
        assert_eq!(districts[0].name, "Austbyen", "{backend}");
        assert_eq!(
            districts[0].offering_count, 3,
            "{backend}: counts what the district page lists, not the finished course"
        );
    }
}

#[tokio::test]
async fn offering_page_has_times_place_and_what_a_centre_runs() {
    for (backend, db) in mini_databases().await {
        let d = directory::offering(db.read(), "sterk-og-stodig", Lang::Nb, now())
            .await
            .unwrap();
        let dates: Vec<NaiveDate> = d.upcoming.iter().map(|o| o.date).collect();
        assert_eq!(dates[0], "2026-12-15".parse().unwrap(), "{backend}");
        assert_eq!(
            dates[1],
            "2026-12-29".parse().unwrap(),
            "{backend}: 22 December is skipped"
        );
        assert!(d.venue.as_ref().unwrap().access.step_free, "{backend}");
        assert!(d.runs.is_empty(), "{backend}");

        let centre = directory::offering(db.read(), "ostbyen-frivilligsentral", Lang::Nb, now())
            .await
            .unwrap();
        let runs: BTreeSet<String> = centre.runs.into_iter().map(|c| c.slug).collect();
        assert_eq!(
            runs,
            set(&["sterk-og-stodig", "apent-treffsted"]),
            "{backend}"
        );

        let past = directory::offering(db.read(), "gammelt-kurs", Lang::Nb, now())
            .await
            .unwrap();
        assert!(past.upcoming.is_empty(), "{backend}");
        assert_eq!(past.course.unwrap().sessions.len(), 2, "{backend}");

        let missing = directory::offering(db.read(), "finnes-ikke", Lang::Nb, now()).await;
        assert_eq!(missing.unwrap_err(), AppError::NotFound, "{backend}");
    }
}

#[tokio::test]
async fn calendar_file_repeats_weekly_in_oslo_time() {
    for (backend, db) in mini_databases().await {
        let d = directory::offering(db.read(), "sterk-og-stodig", Lang::Nb, now())
            .await
            .unwrap();
        let stamp = "2026-12-14T08:00:00Z".parse().unwrap();
        let ics = ics::offering_calendar(
            &d,
            "https://treffpunkt.example/tilbud/sterk-og-stodig",
            stamp,
        );
        assert!(ics.starts_with("BEGIN:VCALENDAR\r\n"), "{backend}");
        assert!(ics.ends_with("END:VCALENDAR\r\n"), "{backend}");
        for line in [
            "TZID:Europe/Oslo",
            "DTSTART;TZID=Europe/Oslo:20260804T100000",
            "DTEND;TZID=Europe/Oslo:20260804T110000",
            "RRULE:FREQ=WEEKLY;BYDAY=TU;UNTIL=20270630T235959Z",
            "EXDATE;TZID=Europe/Oslo:20261222T100000",
            "SUMMARY:Sterk og stødig",
            "LOCATION:Østbyen bydelshus\\, Tøyengata 14\\, 0578 Fjordvik",
            "DTSTAMP:20261214T080000Z",
        ] {
            assert!(
                ics.contains(&format!("{line}\r\n")),
                "{backend}: missing {line}\n{ics}"
            );
        }
        assert!(
            !ics.replace("\r\n", "").contains('\n'),
            "{backend}: bare LF"
        );

        let course = directory::offering(db.read(), "leve-med-kols", Lang::Nb, now())
            .await
            .unwrap();
        let ics = ics::offering_calendar(&course, "https://t.example", stamp);
        assert_eq!(
            ics.matches("BEGIN:VEVENT").count(),
            2,
            "{backend}: one event per session"
        );
        assert!(!ics.contains("RRULE:FREQ=WEEKLY"), "{backend}");
    }
}
