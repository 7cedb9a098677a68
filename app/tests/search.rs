//! Relevance: searches typed the way an older resident types on a phone
//! (no æøå, typos, nynorsk, everyday words, parts of long words), against
//! the demo municipality, on every database the test command provides.
//!
//! Each case names offerings the search must find, and how many of the
//! first results must be exactly those (0: only that they are found, on
//! any page).

use std::collections::BTreeSet;

use app::backend::db::Db;
use app::backend::directory::{Directory, read_model};
use app::backend::{import, testing};
use app::domain::filter::{ListingFilter, PAGE_SIZE};
use app::domain::lang::Lang;
use chrono::NaiveDateTime;

const DEMO: &str = include_str!("../../server/demo/municipality.toml");

/// Monday 30 November 2026, 09.00 in Oslo: the autumn courses are over.
fn now() -> NaiveDateTime {
    "2026-11-30T09:00:00".parse().unwrap()
}

async fn demo_databases() -> Vec<(&'static str, Db)> {
    let dbs = testing::databases().await;
    for (_, db) in &dbs {
        import::import_as_of(db, DEMO, now())
            .await
            .expect("demo imports");
        read_model::refresh_all(db, now()).await.unwrap();
    }
    dbs
}

fn search(q: &str) -> ListingFilter {
    ListingFilter {
        query: Some(q.into()),
        ..ListingFilter::default()
    }
}

/// Every result of a search, best first, page after page.
async fn results(directory: &Directory, filter: &ListingFilter) -> Vec<String> {
    let mut all = Vec::new();
    for page in 1.. {
        let got = directory
            .listing(None, filter, Lang::Nb, page)
            .await
            .unwrap();
        let done = got.cards.len() < PAGE_SIZE as usize;
        all.extend(got.cards.into_iter().map(|c| c.slug));
        if done {
            return all;
        }
    }
    unreachable!()
}

const STERK: &[&str] = &[
    "sterk-og-stodig-sentrum",
    "sterk-og-stodig-ostbyen",
    "sterk-og-stodig-nordre-asen",
    "sterk-og-stodig-vestbyen",
    "sterk-og-stodig-sorbyen",
];
const DIGITAL: &[&str] = &[
    "digital-hjelp-sentrum",
    "digital-hjelp-nordre-asen",
    "digital-hjelp-sorbyen",
];
const WALKS: &[&str] = &[
    "ga-gruppe-sentrum",
    "ga-gruppe-ostbyen",
    "ga-gruppe-asmarka",
    "ga-gruppe-sorbyen",
];
const CHOIRS: &[&str] = &["fjordvik-seniorkor", "asen-seniorkor", "sorbyen-seniorkor"];

/// (what is typed, what it must find, how many of the first results must
/// be exactly those).
const CASES: &[(&str, &[&str], usize)] = &[
    // As written, and without æøå.
    ("sterk og stødig", STERK, 5),
    ("sterk og stodig", STERK, 5),
    ("Sterk og stødig", STERK, 5),
    ("sondag", &["sondagskafe-nordre-asen"], 1),
    ("lordagskafe", &["lordagskafe-vestbyen"], 1),
    (
        "parorende",
        &[
            "parorendekafe-sentrum",
            "parorendetreff-vestbyen",
            "parorendeskole-demens-ostbyen",
        ],
        0,
    ),
    ("gå tur", WALKS, 0),
    ("ga gruppe", WALKS, 4),
    // Typos.
    ("bocia", &["boccia-ostbyen", "boccia-sorbyen"], 2),
    ("diabetis", &["leve-med-diabetes-type-2-var-2027"], 1),
    (
        "strikkekaffe",
        &["strikkekafe-ostbyen", "strikkekafe-vestbyen"],
        2,
    ),
    ("parkinsson", &["leve-med-parkinson-2027"], 1),
    ("hjerneslg", &["livet-etter-hjerneslag-2027"], 1),
    // Parts of long words.
    (
        "treff",
        &[
            "formiddagstreff-ostbyen",
            "formiddagstreff-asen",
            "tirsdagstreff-sorbyen",
            "parorendetreff-vestbyen",
            "apent-treffsted-ostbyen",
            "apent-treffsted-sorbyen",
        ],
        0,
    ),
    ("kor", CHOIRS, 3),
    ("dans", &["sittedans-vestbyen", "seniordans-sorbyen"], 2),
    ("yoga", &["stolyoga-ostbyen"], 1),
    (
        "basseng",
        &[
            "bassengtrening-hjerte-lunge-vestbyen",
            "varmtvannstrening-vestbyen",
        ],
        2,
    ),
    ("slag", &["livet-etter-hjerneslag-2027"], 1),
    ("lungetrim", &["hjerte-og-lungetrim-ostbyen"], 1),
    // Forms of a word, Bokmål and nynorsk.
    ("seniorar", DIGITAL, 0),
    (
        "pårørande",
        &["parorendekafe-sentrum", "parorendetreff-vestbyen"],
        0,
    ),
    (
        "hjarte",
        &["hjertekurs-var-2027", "hjerte-og-lungetrim-ostbyen"],
        0,
    ),
    ("parkinsons", &["leve-med-parkinson-2027"], 1),
    ("smerter", &["mestring-av-kroniske-smerter-2027"], 1),
    (
        "vafler",
        &["formiddagstreff-asen", "lordagskafe-vestbyen"],
        2,
    ),
    // Everyday words for what the offerings call otherwise.
    ("mobil", DIGITAL, 3),
    ("smarttelefon", DIGITAL, 3),
    ("hjelp med ipad", DIGITAL, 3),
    ("data", DIGITAL, 0),
    ("trim", &["hjerte-og-lungetrim-ostbyen"], 1),
    ("eldre trening", STERK, 0),
    ("synge", CHOIRS, 0),
    ("turgruppe", WALKS, 0),
    // Illnesses and courses.
    ("kols", &["leve-med-kols-var-2027"], 1),
    ("KOLS kurs", &["leve-med-kols-var-2027"], 1),
    (
        "demens",
        &[
            "demenskafe-sentrum",
            "demenskafe-sorbyen",
            "parorendeskole-demens-ostbyen",
            "demens-parorendekurs-var-2027",
        ],
        0,
    ),
    (
        "demenskafe",
        &["demenskafe-sentrum", "demenskafe-sorbyen"],
        2,
    ),
    ("depresjon", &["kid-kurs-var-2027"], 1),
    ("artrose", &["artroseskole-vestbyen-2027"], 1),
    ("matkurs", &["bra-mat-kurs-sorbyen-2027"], 1),
    // Meals and places.
    ("bingo", &["formiddagstreff-asen"], 1),
    ("middag", &["kafe-omsorgssenteret-nordre-asen"], 0),
    (
        "frivilligsentral",
        &[
            "sentrum-frivilligsentral",
            "ostbyen-frivilligsentral",
            "nordre-asen-frivilligsentral",
            "vestbyen-frivilligsentral",
            "sorbyen-frivilligsentral",
        ],
        5,
    ),
    (
        "menn",
        &["mannsamlingen-ostbyen", "mannsamlingen-vestbyen"],
        2,
    ),
    // Plurals whose stem changes: the stemmer does not join them.
    (
        "vaffel",
        &["formiddagstreff-asen", "lordagskafe-vestbyen"],
        2,
    ),
    (
        "sykkel",
        &["mannsamlingen-vestbyen", "vestbyen-frivilligsentral"],
        2,
    ),
    (
        "mann",
        &["mannsamlingen-ostbyen", "mannsamlingen-vestbyen"],
        2,
    ),
    // Age and life stage, as people say it: what is made for them.
    ("pensjonert", STERK, 0),
    ("for pensjonistar", DIGITAL, 0),
    ("trim for gamle", STERK, 0),
    ("kor for eldre", CHOIRS, 0),
    // English.
    ("strong and steady", &["sterk-og-stodig-sentrum"], 1),
    ("retired", WALKS, 0),
    ("elderly", DIGITAL, 0),
];

#[tokio::test]
async fn searches_find_what_residents_mean() {
    for (backend, db) in demo_databases().await {
        let directory = Directory::new(db.clone());
        let mut failures = Vec::new();
        for (typed, want, first) in CASES {
            let got = results(&directory, &search(typed)).await;
            let missing: Vec<&&str> = want
                .iter()
                .filter(|w| !got.iter().any(|g| g == *w))
                .collect();
            let top: BTreeSet<&str> = got.iter().take(*first).map(String::as_str).collect();
            let expected_top: BTreeSet<&str> = want.iter().take(*first).copied().collect();
            if !missing.is_empty() || (*first > 0 && top != expected_top) {
                failures.push(format!(
                    "{typed:?}: missing {missing:?}; the first {first} should be {expected_top:?}; got {got:?}"
                ));
            }
        }
        assert!(
            failures.is_empty(),
            "{backend}: {} of {} searches wrong:\n{}",
            failures.len(),
            CASES.len(),
            failures.join("\n")
        );
    }
}

#[tokio::test]
async fn among_equally_good_matches_the_soonest_comes_first() {
    for (backend, db) in demo_databases().await {
        let directory = Directory::new(db.clone());
        let all = directory
            .listing(None, &search("sterk og stødig"), Lang::Nb, 1)
            .await
            .unwrap();
        let times: Vec<_> = all.cards.iter().take(5).map(|c| c.next).collect();
        let mut sorted = times.clone();
        sorted.sort_by_key(|o| o.as_ref().map(|o| (o.date, o.start)));
        assert_eq!(times, sorted, "{backend}");
    }
}

#[tokio::test]
async fn filters_and_pages_narrow_a_search() {
    for (backend, db) in demo_databases().await {
        let directory = Directory::new(db.clone());
        let one_district = directory
            .listing(Some("ostbyen"), &search("sterk og stodig"), Lang::Nb, 1)
            .await
            .unwrap();
        let slugs: Vec<&str> = one_district.cards.iter().map(|c| c.slug.as_str()).collect();
        assert_eq!(slugs, ["sterk-og-stodig-ostbyen"], "{backend}");
        assert_eq!(one_district.total, 1, "{backend}");

        let free_walks = ListingFilter {
            free_only: true,
            ..search("tur")
        };
        let got = results(&directory, &free_walks).await;
        assert!(!got.is_empty(), "{backend}");
        let page = directory
            .listing(None, &free_walks, Lang::Nb, 1)
            .await
            .unwrap();
        assert!(page.cards.iter().all(|c| c.price_nok == 0), "{backend}");
        assert_eq!(
            page.total as usize,
            got.len(),
            "{backend}: the count is exact"
        );

        // A broad search pages like any listing: every result once.
        let broad = results(&directory, &search("kaffe")).await;
        let unique: BTreeSet<&String> = broad.iter().collect();
        assert!(
            broad.len() > PAGE_SIZE as usize,
            "{backend}: {}",
            broad.len()
        );
        assert_eq!(unique.len(), broad.len(), "{backend}");
    }
}

#[tokio::test]
async fn nothing_found_suggests_a_search_that_finds_something() {
    for (backend, db) in demo_databases().await {
        let directory = Directory::new(db.clone());
        let none = directory
            .listing(None, &search("sjakkklubb"), Lang::Nb, 1)
            .await
            .unwrap();
        assert_eq!(none.total, 0, "{backend}");
        assert_eq!(none.suggestion, None, "{backend}: nothing near it");

        let typo = directory
            .listing(None, &search("bimgoo"), Lang::Nb, 1)
            .await
            .unwrap();
        let suggestion = typo.suggestion.expect("a suggestion");
        let found = directory
            .listing(None, &search(&suggestion), Lang::Nb, 1)
            .await
            .unwrap();
        assert!(found.total > 0, "{backend}: {suggestion:?} finds something");
    }
}
