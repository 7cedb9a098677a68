//! The `treffpunkt` command line: help, version and usage errors answer
//! before anything touches a database or a file; SIGTERM lets the mail
//! worker finish before the process ends.

use std::path::PathBuf;
use std::process::{Command, Output};
use std::time::{Duration, Instant};

fn treffpunkt(args: &[&str], dir: &PathBuf) -> Output {
    Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(args)
        .current_dir(dir)
        .env_remove("DATABASE_URL")
        .output()
        .expect("the binary runs")
}

/// An empty working folder, so that anything written shows.
fn empty_dir(name: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("treffpunkt-cli-{name}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    dir
}

fn is_empty(dir: &PathBuf) -> bool {
    std::fs::read_dir(dir).unwrap().next().is_none()
}

#[test]
fn help_and_version_answer_without_touching_a_database() {
    let dir = empty_dir("help");
    let help = treffpunkt(&["--help"], &dir);
    assert!(help.status.success());
    let text = String::from_utf8_lossy(&help.stdout);
    for command in ["serve", "import", "create-admin", "settings"] {
        assert!(text.contains(command), "{command} in\n{text}");
    }
    let import_help = treffpunkt(&["import", "--help"], &dir);
    assert!(import_help.status.success());
    assert!(String::from_utf8_lossy(&import_help.stdout).contains("<FILE>"));
    let version = treffpunkt(&["--version"], &dir);
    assert!(version.status.success());
    assert!(String::from_utf8_lossy(&version.stdout).starts_with("treffpunkt 0."));
    assert!(is_empty(&dir), "help created files");
}

#[test]
fn a_wrong_command_is_a_usage_error_that_touches_nothing() {
    let dir = empty_dir("usage");
    for args in [&["bogus"][..], &["import"], &["serve", "--port", "1"]] {
        let out = treffpunkt(args, &dir);
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(!out.stderr.is_empty(), "{args:?}: says why");
    }
    assert!(is_empty(&dir), "a usage error created files");
}

#[test]
fn settings_are_listed_with_their_defaults() {
    let dir = empty_dir("settings");
    let out = treffpunkt(&["settings"], &dir);
    assert!(out.status.success());
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(
        table.contains("| `ANONYMISE_AFTER_DAYS` | `30` |"),
        "{table}"
    );
    assert!(is_empty(&dir));
}

#[test]
fn sigterm_stops_the_server_after_the_worker_has_finished() {
    let dir = empty_dir("serve");
    let port = std::net::TcpListener::bind("127.0.0.1:0")
        .unwrap()
        .local_addr()
        .unwrap()
        .port();
    let child = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .arg("serve")
        .current_dir(&dir)
        .env(
            "DATABASE_URL",
            format!("sqlite://{}/t.db?mode=rwc", dir.display()),
        )
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("SEED_DEMO", "0")
        .env("RUST_LOG", "info")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let started = Instant::now();
    while std::net::TcpStream::connect(("127.0.0.1", port)).is_err() {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the server did not start"
        );
        std::thread::sleep(Duration::from_millis(50));
    }
    let status = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(status.success());
    let out = child.wait_with_output().unwrap();
    let log =
        String::from_utf8_lossy(&out.stdout).to_string() + &String::from_utf8_lossy(&out.stderr);
    assert!(out.status.success(), "{log}");
    assert!(log.contains("shutting down"), "{log}");
    assert!(log.contains("mail worker stopped"), "{log}");
}

#[test]
fn a_generated_country_imports_with_every_offering_listed() {
    let dir = empty_dir("generate");
    let file = dir.join("country.toml");
    let generate = |out: &[&str]| {
        let args = [
            "generate",
            "--offerings",
            "300",
            "--districts",
            "7",
            "--out",
        ];
        treffpunkt(&[&args[..], out].concat(), &dir)
    };
    let out = generate(&[]);
    assert_eq!(out.status.code(), Some(2), "--out needs a file");
    let out = generate(&[file.to_str().unwrap()]);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let text = std::fs::read_to_string(&file).unwrap();
    assert_eq!(text.matches("\n[[offering]]").count(), 300);
    assert_eq!(
        text.matches("\n[[district]]").count() + usize::from(text.starts_with("[[district]]")),
        7
    );

    let database = format!("sqlite://{}?mode=rwc", dir.join("country.db").display());
    let import = Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
        .args(["import", file.to_str().unwrap()])
        .current_dir(&dir)
        .env("DATABASE_URL", &database)
        .output()
        .expect("the binary runs");
    assert!(
        import.status.success(),
        "{}",
        String::from_utf8_lossy(&import.stderr)
    );
    let counts = tokio::runtime::Runtime::new().unwrap().block_on(async {
        use app::backend::entities::listing;
        use sea_orm::{EntityTrait, PaginatorTrait, QuerySelect};
        let db = app::backend::db::Db::open(&database).await.unwrap();
        let rows = listing::Entity::find().count(db.read()).await.unwrap();
        let districts: Vec<i32> = listing::Entity::find()
            .select_only()
            .column(listing::Column::DistrictId)
            .distinct()
            .into_tuple()
            .all(db.read())
            .await
            .unwrap();
        (rows, districts.len())
    });
    assert_eq!(counts, (300, 7), "every offering listed, in every district");
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn create_admin_makes_the_first_account_once() {
    let dir = empty_dir("create-admin");
    let url = format!("sqlite://{}/t.db?mode=rwc", dir.display());
    let run = |args: &[&str]| {
        Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
            .args(args)
            .current_dir(&dir)
            .env("DATABASE_URL", &url)
            .env("SEED_DEMO", "0")
            .output()
            .expect("the binary runs")
    };
    let made = run(&[
        "create-admin",
        "--email",
        "Anne@Kommune.example",
        "--name",
        "Anne",
    ]);
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );
    let said = String::from_utf8_lossy(&made.stdout);
    assert!(said.contains("anne@kommune.example"), "{said}");
    assert!(said.contains("/ansatt/logg-inn"), "{said}");
    let again = run(&["create-admin", "--email", "anne@kommune.example"]);
    assert!(!again.status.success(), "a second account for one address");
    assert!(String::from_utf8_lossy(&again.stderr).contains("exists already"));
    let bad = run(&["create-admin", "--email", "not an address"]);
    assert!(!bad.status.success());
    let _ = std::fs::remove_dir_all(&dir);
}
