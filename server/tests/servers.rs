//! Two `treffpunkt` servers on one PostgreSQL, behind Debian's haproxy on
//! loopback, each with its own mail worker, page cache and search index:
//! what running several servers must keep true. Sign-ups spread over both
//! give exactly the course's places, every email leaves once, and a change
//! written to the database shows in both servers' search within seconds.
//!
//! Needs PostgreSQL (`TEST_DATABASE_URL`), haproxy and aiosmtpd, which the
//! test command installs; without them it says so and passes, unless
//! `REQUIRE_POSTGRES=1` (CI) makes a missing part a failure.

#[path = "../examples/common/load.rs"]
mod load;

use std::collections::HashMap;
use std::net::SocketAddr;
use std::path::{Path, PathBuf};
use std::process::{Child, Command};
use std::time::{Duration, Instant};

use app::backend::db::Db;
use app::backend::directory::read_model::{self, Why};
use app::backend::entities::{offering, offering_text, sign_up};
use app::domain::lang::Lang;
use app::domain::offering::OfferingKind;
use app::domain::sign_up::SignUpStatus;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder, Set,
};

const HAPROXY: &str = "/usr/sbin/haproxy";
const COURSE: &str = "leve-med-kols-var-2027";
const PLACES: i32 = 12;
const SIGN_UPS: usize = 200;

/// A child process that ends with the test, however the test ends.
struct Process {
    child: Child,
    name: String,
}

impl Drop for Process {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

fn spawn(name: &str, command: &mut Command, log: &Path) -> Process {
    let log = std::fs::File::create(log).expect("a log file");
    let child = command
        .stdout(log.try_clone().expect("log"))
        .stderr(log)
        .spawn()
        .unwrap_or_else(|e| panic!("{name} starts: {e}"));
    Process {
        child,
        name: name.to_string(),
    }
}

/// Waits until the balancer on `balancer` sends requests to both servers.
async fn both_behind(balancer: u16) {
    let started = Instant::now();
    let mut seen = HashMap::new();
    while seen.len() < 2 {
        assert!(
            started.elapsed() < Duration::from_secs(20),
            "the balancer did not reach both servers: {seen:?}"
        );
        let answer = get(balancer, "/healthz").await;
        if answer.status == 200
            && let Some(name) = answer.header("x-served-by")
        {
            seen.insert(name.to_string(), ());
        }
        tokio::time::sleep(Duration::from_millis(50)).await;
    }
}

fn free_port() -> u16 {
    std::net::TcpListener::bind("127.0.0.1:0")
        .and_then(|l| l.local_addr())
        .expect("a free port")
        .port()
}

fn addr(port: u16) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], port))
}

async fn wait_for(process: &mut Process, port: u16, log: &Path) {
    let started = Instant::now();
    while tokio::net::TcpStream::connect(addr(port)).await.is_err() {
        if let Ok(Some(status)) = process.child.try_wait() {
            panic!(
                "{} ended ({status}):\n{}",
                process.name,
                std::fs::read_to_string(log).unwrap_or_default()
            );
        }
        assert!(
            started.elapsed() < Duration::from_secs(60),
            "{} did not start",
            process.name
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

fn required() -> bool {
    std::env::var("REQUIRE_POSTGRES").is_ok_and(|v| v == "1")
}

async fn get(port: u16, path: &str) -> load::Answer {
    let mut conn = load::connect(addr(port)).await;
    load::exchange(&mut conn, &load::Request::get(path)).await
}

/// The emails in the Maildir: recipient and Message-ID of each.
fn delivered(maildir: &Path) -> Vec<(String, String)> {
    let mut found = Vec::new();
    for entry in std::fs::read_dir(maildir.join("new"))
        .expect("Maildir")
        .flatten()
    {
        let text = std::fs::read_to_string(entry.path()).unwrap_or_default();
        let head = text.split("\r\n\r\n").next().unwrap_or_default();
        let head = head.split("\n\n").next().unwrap_or_default();
        let field = |name: &str| {
            head.lines()
                .find(|l| {
                    l.split_once(':')
                        .is_some_and(|(n, _)| n.eq_ignore_ascii_case(name))
                })
                .and_then(|l| l.split_once(':'))
                .map(|(_, v)| v.trim().to_string())
                .unwrap_or_default()
        };
        found.push((field("To"), field("Message-ID")));
    }
    found
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_servers_behind_a_load_balancer_share_one_database() {
    let Some(url) = app::backend::testing::postgres_url().await else {
        assert!(!required(), "PostgreSQL is required (TEST_DATABASE_URL)");
        eprintln!("skipped: two servers need PostgreSQL (TEST_DATABASE_URL)");
        return;
    };
    if !Path::new(HAPROXY).exists() {
        assert!(
            !required(),
            "haproxy is required: the test command installs it"
        );
        eprintln!("skipped: no {HAPROXY}");
        return;
    }
    let dir: PathBuf =
        std::env::temp_dir().join(format!("treffpunkt-servers-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    let maildir = dir.join("mail");
    for sub in ["tmp", "new", "cur"] {
        std::fs::create_dir_all(maildir.join(sub)).unwrap();
    }

    // The demo municipality, with a small course.
    let db = Db::open(&url).await.expect("the test database");
    app::backend::import::import(&db, server::serve::DEMO_DATA)
        .await
        .expect("the demo imports");
    let course = offering::Entity::find()
        .filter(offering::Column::Slug.eq(COURSE))
        .one(db.read())
        .await
        .unwrap()
        .expect("the demo has the course");
    let mut active: offering::ActiveModel = course.clone().into();
    active.capacity = Set(Some(PLACES));
    active.waiting_list = Set(false);
    active.update(db.write()).await.unwrap();

    let smtp_port = free_port();
    let mut smtp = spawn(
        "aiosmtpd",
        Command::new("/usr/bin/python3")
            .args([
                "-m",
                "aiosmtpd",
                "-n",
                "-l",
                &format!("127.0.0.1:{smtp_port}"),
            ])
            .args(["-c", "aiosmtpd.handlers.Mailbox"])
            .arg(&maildir),
        &dir.join("smtp.log"),
    );
    wait_for(&mut smtp, smtp_port, &dir.join("smtp.log")).await;

    let balancer = free_port();
    let ports = [free_port(), free_port()];
    let mut servers = Vec::new();
    for (n, port) in ports.iter().enumerate() {
        let log = dir.join(format!("server-{n}.log"));
        let mut server = spawn(
            &format!("server {n}"),
            Command::new(env!("CARGO_BIN_EXE_treffpunkt"))
                .arg("serve")
                .current_dir(&dir)
                .env("DATABASE_URL", &url)
                .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
                .env("LEPTOS_SITE_ROOT", dir.join("site"))
                .env("PUBLIC_URL", format!("http://127.0.0.1:{balancer}"))
                .env("TRUSTED_PROXIES", "127.0.0.1/32")
                .env("SEED_DEMO", "0")
                .env("SMTP_HOST", "127.0.0.1")
                .env("SMTP_PORT", smtp_port.to_string())
                .env("SMTP_TLS", "none")
                .env("MAIL_POLL_SECONDS", "1")
                .env("SIGN_UP_LIMIT_PER_IP_MINUTE", "1000")
                .env("RUST_LOG", "warn"),
            &log,
        );
        wait_for(&mut server, *port, &log).await;
        servers.push(server);
    }

    // Round robin, each answer naming the server that gave it.
    let config = dir.join("haproxy.cfg");
    std::fs::write(
        &config,
        format!(
            "defaults\n  mode http\n  timeout connect 5s\n  timeout client 60s\n  timeout server 60s\n\
             frontend site\n  bind 127.0.0.1:{balancer}\n  option forwardfor\n  default_backend servers\n\
             backend servers\n  balance roundrobin\n  option httpchk GET /healthz\n\
             \x20 http-response set-header X-Served-By %s\n\
             \x20 server one 127.0.0.1:{} check inter 500ms\n\
             \x20 server two 127.0.0.1:{} check inter 500ms\n",
            ports[0], ports[1]
        ),
    )
    .unwrap();
    let haproxy_log = dir.join("haproxy.log");
    let mut haproxy = spawn(
        "haproxy",
        Command::new(HAPROXY).arg("-db").arg("-f").arg(&config),
        &haproxy_log,
    );
    wait_for(&mut haproxy, balancer, &haproxy_log).await;
    both_behind(balancer).await;

    // 200 sign-ups at once for a course of 12 places.
    let form = app::paths::sign_up(COURSE);
    let posts: Vec<_> = (0..SIGN_UPS)
        .map(|n| {
            let form = form.clone();
            tokio::spawn(async move {
                let mut conn = load::connect(addr(balancer)).await;
                let body = format!(
                    "participant_name=Deltaker+{n}&participant_email=deltaker{n}%40example.no&consent=1"
                );
                // Each from a network of its own (the servers trust the
                // balancer's X-Forwarded-For, which keeps this entry).
                let client = format!("100.64.{n}.1");
                let request = load::Request::post(form, body).from(client);
                let answer = load::exchange(&mut conn, &request).await;
                (
                    answer.status,
                    answer.header("x-served-by").unwrap_or("").to_string(),
                )
            })
        })
        .collect();
    let mut by_server: HashMap<String, usize> = HashMap::new();
    for post in posts {
        let (status, served_by) = post.await.unwrap();
        assert_eq!(status, 303, "every sign-up is answered alike");
        *by_server.entry(served_by).or_default() += 1;
    }
    assert_eq!(
        by_server.len(),
        2,
        "spread over both servers: {by_server:?}"
    );
    assert!(
        by_server.values().all(|&n| n >= SIGN_UPS / 4),
        "{by_server:?}"
    );
    let stored = sign_up::Entity::find()
        .filter(sign_up::Column::OfferingId.eq(course.id))
        .filter(sign_up::Column::Status.eq(SignUpStatus::AwaitingConfirmation))
        .count(db.read())
        .await
        .unwrap();
    assert_eq!(stored, SIGN_UPS as u64, "each waits for its confirmation");

    // The per-course limits are counted in the database: one client gets
    // two sign-ups however the balancer spreads its posts. (A debug build
    // under that burst can miss a health check, and the balancer then
    // sends everything to the other server for a second.)
    both_behind(balancer).await;
    let mut from_one = Vec::new();
    for n in 0..10 {
        let mut conn = load::connect(addr(balancer)).await;
        let body =
            format!("participant_name=Samme+{n}&participant_email=samme{n}%40example.no&consent=1");
        let request = load::Request::post(form.clone(), body).from("203.0.113.77");
        let answer = load::exchange(&mut conn, &request).await;
        from_one.push((
            answer.status,
            answer.header("x-served-by").unwrap_or("").to_string(),
        ));
    }
    let accepted = from_one.iter().filter(|(s, _)| *s == 303).count();
    let refused = from_one.iter().filter(|(s, _)| *s == 429).count();
    assert_eq!((accepted, refused), (2, 8), "{from_one:?}");
    let servers: std::collections::HashSet<&str> =
        from_one.iter().map(|(_, s)| s.as_str()).collect();
    assert_eq!(servers.len(), 2, "posts reached both servers: {from_one:?}");

    // Each person gets one email, although both servers send.
    let started = Instant::now();
    while delivered(&maildir).len() < SIGN_UPS + 2 {
        assert!(
            started.elapsed() < Duration::from_secs(90),
            "{} of {SIGN_UPS} emails arrived",
            delivered(&maildir).len()
        );
        tokio::time::sleep(Duration::from_millis(200)).await;
    }
    // Time for a second copy to show, were one on its way.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let mail = delivered(&maildir);
    assert_eq!(mail.len(), SIGN_UPS + 2, "no email twice");
    let mut per_recipient: HashMap<&str, usize> = HashMap::new();
    for (to, _) in &mail {
        *per_recipient.entry(to.as_str()).or_default() += 1;
    }
    for n in 0..SIGN_UPS {
        let who = format!("deltaker{n}@example.no");
        let got = per_recipient
            .iter()
            .filter(|(to, _)| to.contains(&who))
            .map(|(_, n)| n)
            .sum::<usize>();
        assert_eq!(got, 1, "{who}: {per_recipient:?}");
    }
    let mut ids: Vec<&str> = mail.iter().map(|(_, id)| id.as_str()).collect();
    ids.sort_unstable();
    ids.dedup();
    assert_eq!(ids.len(), SIGN_UPS + 2, "every Message-ID once");

    // A change written to the database (as the staff area will write it)
    // shows in both servers' search and listing pages within seconds.
    // Each is asked first, so that both have the old answer cached.
    let word = "vaffelsnekring";
    let search = format!("{}?q={word}", app::paths::offerings());
    for port in ports {
        let before = get(port, &search).await;
        assert_eq!(before.status, 200);
    }
    let group = offering::Entity::find()
        .filter(offering::Column::Kind.eq(OfferingKind::ActivityGroup))
        .order_by_asc(offering::Column::Id)
        .one(db.read())
        .await
        .unwrap()
        .expect("an activity group");
    let link = format!("href=\"{}\"", app::paths::offering(&group.slug));
    for port in ports {
        let before = get(port, &search).await;
        let page = String::from_utf8_lossy(&before.body).into_owned();
        assert!(!page.contains(&link), "nothing is called {word} yet");
    }
    let txn = db.begin().await.unwrap();
    let text = offering_text::Entity::find()
        .filter(offering_text::Column::OfferingId.eq(group.id))
        .filter(offering_text::Column::Lang.eq(Lang::Nb))
        .one(&txn)
        .await
        .unwrap()
        .expect("a Bokmål text");
    let title = format!("Vaffelsnekring: {}", text.title);
    let mut changed: offering_text::ActiveModel = text.into();
    changed.title = Set(title.clone());
    changed.update(&txn).await.unwrap();
    read_model::refresh(
        &txn,
        &[group.id],
        app::backend::clock::oslo_now(),
        Why::Edited,
    )
    .await
    .unwrap();
    txn.commit().await.unwrap();
    let changed_at = Instant::now();
    for port in ports {
        loop {
            let page = String::from_utf8_lossy(&get(port, &search).await.body).into_owned();
            if page.contains(&link) {
                break;
            }
            assert!(
                changed_at.elapsed() < Duration::from_secs(10),
                "server on {port} still does not find the change"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }
    eprintln!(
        "both servers found the change {:.1} s after it was written",
        changed_at.elapsed().as_secs_f64()
    );
    drop((haproxy, servers, smtp));
    let _ = std::fs::remove_dir_all(&dir);
}
