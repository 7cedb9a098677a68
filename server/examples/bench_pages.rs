//! The directory at the size of the country: a made-up file of 100 000
//! offerings over 50 districts (`treffpunkt generate`), imported with
//! `treffpunkt import` into SQLite and (when `TEST_DATABASE_URL` names a
//! server) PostgreSQL, then the release server, in a process of its own,
//! answering each page at a fixed 500 requests/s and flat out. Prints the
//! import time, the database's size, the server's memory and a table;
//! asserts nothing. `scripts/bench-pages.sh` runs it.
//!
//! Arguments: `--offerings N` (100 000), `--districts N` (50),
//! `--seconds N` (5, per run), `--pages programme,sitemap` (only the pages
//! whose names hold one of these words, and no costly searches: a quicker
//! look at a few rows); `TREFFPUNKT_BIN` names the server binary.

#[path = "common/load.rs"]
mod load;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use load::{Figures, Request};

struct Options {
    offerings: usize,
    districts: usize,
    seconds: u32,
    rate: u32,
    clients: usize,
    /// `--pages`: words a page's name must hold one of.
    pages: Option<Vec<String>>,
}

impl Options {
    /// The pages chosen with `--pages`, or all.
    fn chosen(&self, pages: Vec<Page>) -> Vec<Page> {
        match &self.pages {
            None => pages,
            Some(words) => pages
                .into_iter()
                .filter(|p| words.iter().any(|w| p.name.contains(w.as_str())))
                .collect(),
        }
    }
}

fn options() -> Options {
    let args: Vec<String> = std::env::args().collect();
    let arg = |name: &str, default: usize| {
        args.iter()
            .position(|a| a == name)
            .and_then(|i| args.get(i + 1))
            .and_then(|v| v.parse().ok())
            .unwrap_or(default)
    };
    Options {
        offerings: arg("--offerings", 100_000),
        districts: arg("--districts", 50),
        seconds: arg("--seconds", 5) as u32,
        rate: arg("--rate", 500) as u32,
        clients: arg("--clients", 32),
        pages: args
            .iter()
            .position(|a| a == "--pages")
            .and_then(|i| args.get(i + 1))
            .map(|v| v.split(',').map(str::to_owned).collect()),
    }
}

fn binary() -> PathBuf {
    std::env::var("TREFFPUNKT_BIN").map_or_else(|_| "target/release/treffpunkt".into(), Into::into)
}

fn ok(status: u16) -> bool {
    status == 200
}

/// The server, started on `database`, stopped when dropped.
struct Server {
    child: Child,
    addr: SocketAddr,
    /// From start to its first answer: migrations, statistics, and the
    /// search index built from the database.
    ready: Duration,
}

impl Server {
    async fn start(database: &str, mail: &std::path::Path, env: &[(&str, &str)]) -> Server {
        let port = std::net::TcpListener::bind("127.0.0.1:0")
            .expect("a port")
            .local_addr()
            .expect("an address")
            .port();
        let addr = SocketAddr::from(([127, 0, 0, 1], port));
        let child = Command::new(binary())
            .arg("serve")
            .env("DATABASE_URL", database)
            .env("LEPTOS_SITE_ADDR", addr.to_string())
            .env("SEED_DEMO", "0")
            .env("RUST_LOG", "warn")
            .env("OUTBOX_DIR", mail)
            .envs(env.iter().copied())
            .stdout(Stdio::null())
            .spawn()
            .expect("the server starts");
        let started = Instant::now();
        loop {
            if let Ok(mut conn) = load::try_connect(addr).await
                && load::send(&mut conn, &Request::get("/healthz")).await.0 == 200
            {
                break;
            }
            assert!(
                started.elapsed() < Duration::from_secs(120),
                "the server did not start"
            );
            tokio::time::sleep(Duration::from_millis(200)).await;
        }
        Server {
            child,
            addr,
            ready: started.elapsed(),
        }
    }

    /// Resident and peak memory, from /proc.
    fn memory_mb(&self) -> (f64, f64) {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.child.id()))
            .unwrap_or_default();
        let kb = |field: &str| {
            status
                .lines()
                .find_map(|l| l.strip_prefix(field))
                .and_then(|v| v.split_whitespace().next())
                .and_then(|v| v.parse::<f64>().ok())
                .unwrap_or(0.0)
        };
        (kb("VmRSS:") / 1024.0, kb("VmHWM:") / 1024.0)
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
    }
}

/// Offering slugs from a district page's links.
async fn offering_slugs(addr: SocketAddr, district: &str) -> Vec<String> {
    let mut conn = load::connect(addr).await;
    let page = get_body(&mut conn, &app::paths::district(district)).await;
    page.match_indices("href=\"/tilbud/")
        .filter_map(|(i, _)| {
            let rest = &page[i + "href=\"/tilbud/".len()..];
            let slug: String = rest.chars().take_while(|c| *c != '"').collect();
            (!slug.contains('/')).then_some(slug)
        })
        .collect()
}

async fn get_body(conn: &mut load::Conn, path: &str) -> String {
    String::from_utf8_lossy(&load::fetch(conn, &Request::get(path)).await.1).into_owned()
}

struct Row {
    page: String,
    at_rate: Figures,
    flat: Figures,
}

#[tokio::main]
async fn main() {
    let o = options();
    let cache = std::env::temp_dir().join("treffpunkt-bench");
    std::fs::create_dir_all(&cache).expect("a folder");
    let file = cache.join(format!("country-{}-{}.toml", o.offerings, o.districts));
    if !file.exists() {
        let t = Instant::now();
        let status = Command::new(binary())
            .args(["generate", "--offerings", &o.offerings.to_string()])
            .args(["--districts", &o.districts.to_string(), "--out"])
            .arg(&file)
            .status()
            .expect("generate runs");
        assert!(status.success(), "generate failed");
        println!(
            "generated {} offerings in {:.1} s",
            o.offerings,
            t.elapsed().as_secs_f64()
        );
    }
    let mail = cache.join("mail");
    println!(
        "{} offerings over {} districts; release server in its own process; load from this one; {} cores\n",
        o.offerings,
        o.districts,
        std::thread::available_parallelism().map_or(0, usize::from)
    );

    let mut databases = vec![(
        "SQLite",
        format!("sqlite://{}/bench.db?mode=rwc", cache.display()),
    )];
    for suffix in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(cache.join(format!("bench.db{suffix}")));
    }
    if let Some(url) = app::backend::testing::postgres_url().await {
        databases.push(("PostgreSQL", url));
    }
    // `--only postgresql`, say, for PostgreSQL reached another way.
    if let Some(only) = std::env::args().skip_while(|a| a != "--only").nth(1) {
        databases.retain(|(name, _)| name.eq_ignore_ascii_case(&only));
    }
    for (backend, url) in databases {
        let t = Instant::now();
        let status = Command::new(binary())
            .arg("import")
            .arg(&file)
            .env("DATABASE_URL", &url)
            .env("RUST_LOG", "warn")
            .stdout(Stdio::null())
            .status()
            .expect("import runs");
        assert!(status.success(), "import failed");
        let import = t.elapsed();
        let size_mb = database_size_mb(&url, &cache).await;
        // All of this load comes from one address: the per-client search
        // limit is lifted, except where its effect is measured below.
        let unlimited = ("SEARCH_LIMIT_PER_IP_MINUTE", "1000000");
        let server = Server::start(&url, &mail, &[unlimited]).await;
        let ready = server.ready;
        let addr = server.addr;
        let districts = o.districts;
        let slugs = offering_slugs(addr, &district(districts, 6)).await;
        assert!(!slugs.is_empty(), "no offerings on the district page");
        let mut rows = measure(addr, &o.chosen(pages(districts, &slugs)), &o).await;
        // The cached listings again while a coordinator saves an offering
        // every second through the staff area's write path: each save
        // raises the directory's version, so no page rendered before it
        // is sent after it.
        let editor = Editor::start(&url).await;
        let edited: Vec<Page> = o
            .chosen(pages(districts, &slugs))
            .into_iter()
            .filter(|p| p.serving == Serving::Cached)
            .map(|p| Page {
                serving: Serving::EditLoad,
                ..p
            })
            .collect();
        rows.extend(measure(addr, &edited, &o).await);
        let saves = editor.stop().await;
        let (rss, peak) = server.memory_mb();
        drop(server);
        // The same listings with the page cache off: what a page costs
        // when it must be rendered (the first visitor after a change, or
        // an address nobody asked for since).
        let server = Server::start(&url, &mail, &[("PAGE_CACHE_MB", "0"), unlimited]).await;
        let rendered: Vec<Page> = o
            .chosen(pages(districts, &slugs))
            .into_iter()
            .filter(|p| p.serving == Serving::Cached)
            .map(|p| Page {
                serving: Serving::CacheOff,
                ..p
            })
            .collect();
        rows.extend(measure(server.addr, &rendered, &o).await);
        drop(server);
        // The district page beside 8 clients sending the costliest
        // searches, each new: with the per-client search limit, and with
        // it lifted (the bounds on a search and the cores it may take
        // alone).
        let mut beside = Vec::new();
        let limits = [("30 a minute per client", "30"), ("lifted", "1000000")];
        // Not for a quicker look at a few pages.
        let limits = if o.pages.is_some() {
            &limits[..0]
        } else {
            &limits[..]
        };
        for &(label, limit) in limits {
            let server = Server::start(
                &url,
                &mail,
                &[
                    ("TRUSTED_PROXIES", "127.0.0.1/32"),
                    ("SEARCH_LIMIT_PER_IP_MINUTE", limit),
                ],
            )
            .await;
            beside.push((
                label,
                costly_searches_beside(server.addr, districts, &o).await,
            ));
            drop(server);
        }
        println!("### {backend}\n");
        println!(
            "edit load: {} saves, p50 {:.0} ms / max {:.0} ms per save\n",
            saves.len(),
            percentile(&saves, 0.5),
            percentile(&saves, 1.0)
        );
        println!(
            "import {:.1} s, database {:.0} MB; server ready (search index built) in {:.1} s; memory {:.0} MB resident ({:.0} MB at most)\n",
            import.as_secs_f64(),
            size_mb,
            ready.as_secs_f64(),
            rss,
            peak
        );
        println!(
            "| page | p50 ms at {}/s | p99 ms at {}/s | errors | req/s flat out ({} clients) |",
            o.rate, o.rate, o.clients
        );
        println!("|---|---|---|---|---|");
        for row in &rows {
            println!(
                "| {} | {:.1} | {:.1} | {} | {:.0} |",
                row.page,
                row.at_rate.percentile_ms(0.50),
                row.at_rate.percentile_ms(0.99),
                row.at_rate.failed + row.flat.failed,
                row.flat.per_second()
            );
        }
        println!();
        if beside.is_empty() {
            continue;
        }
        println!(
            "{COSTLY_CLIENTS} clients flat out sending searches built to cost the most (11 eight-letter terms, new letters each time), beside the cached district page at {}/s:\n",
            o.rate
        );
        println!(
            "| search limit | district p50 ms | district p99 ms | district errors | costly searches | answered | refused (429/503) | costly p50 ms | costly p99 ms |"
        );
        println!("|---|---|---|---|---|---|---|---|---|");
        for (label, (page, costly)) in &beside {
            println!(
                "| {label} | {:.1} | {:.1} | {} | {} | {} | {} | {:.1} | {:.1} |",
                page.percentile_ms(0.50),
                page.percentile_ms(0.99),
                page.failed,
                costly.ok + costly.failed,
                costly.ok,
                costly.failed,
                costly.percentile_ms(0.50),
                costly.percentile_ms(0.99),
            );
        }
        println!();
    }
}

/// How many clients send costly searches.
const COSTLY_CLIENTS: usize = 8;

/// A search built to cost the most one can: eleven eight-letter terms
/// (each a two-letter fuzzy query, were it not bounded), letters that
/// match nothing (so all-words fails, any-word is tried, and a suggestion
/// is looked for), new each time (so no cache has it): 98 characters,
/// within the 100 a search keeps.
fn costly_query(seed: u64) -> String {
    let mut x = seed.wrapping_mul(0x9E37_79B9_7F4A_7C15) | 1;
    let mut letter = move || {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        char::from(b'a' + u8::try_from(x % 26).unwrap_or(0))
    };
    (0..11)
        .map(|_| (0..8).map(|_| letter()).collect::<String>())
        .collect::<Vec<_>>()
        .join("-")
}

/// The cached district page at the fixed rate while [`COSTLY_CLIENTS`]
/// clients, each from an address of its own, send costly searches flat
/// out: the page's figures and the searches'.
async fn costly_searches_beside(
    addr: SocketAddr,
    districts: usize,
    o: &Options,
) -> (load::Figures, load::Figures) {
    let page = Page::new("district", Serving::Cached, move |n| {
        Request::get(app::paths::district(&district(districts, n)))
    });
    warm_up(addr, &page).await;
    let salt = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map_or(0, |d| d.as_nanos() as u64);
    let seconds = o.seconds;
    let costly = tokio::spawn(load::flat_out(
        addr,
        COSTLY_CLIENTS,
        seconds,
        |status| status == 200,
        move |client, n| {
            let q = costly_query(salt ^ ((client as u64) << 40) ^ n as u64);
            Request::get(format!("/tilbud?q={q}")).from(format!("198.51.100.{}", client + 1))
        },
    ));
    let request = page.request.clone();
    let district = load::fixed_rate(addr, o.rate, seconds, ok, move |n| request(n)).await;
    (district, costly.await.expect("costly clients"))
}

fn district(districts: usize, n: usize) -> String {
    format!("bydel-{:03}", n % districts + 1)
}

/// A page to measure.
struct Page {
    name: String,
    /// How the server answers it: from the page cache, rendered each time
    /// because the cache is off, or rendered each time by design.
    serving: Serving,
    /// The request for the n-th visitor.
    request: std::sync::Arc<dyn Fn(usize) -> Request + Send + Sync>,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Serving {
    Cached,
    CacheOff,
    AlwaysRendered,
    /// Cached, while an offering is saved every second.
    EditLoad,
}

impl Page {
    fn new(
        name: &str,
        serving: Serving,
        request: impl Fn(usize) -> Request + Send + Sync + 'static,
    ) -> Self {
        Page {
            name: name.into(),
            serving,
            request: std::sync::Arc::new(request),
        }
    }

    /// The row's label in the table.
    fn label(&self) -> String {
        match self.serving {
            Serving::Cached => format!("{} (cached)", self.name),
            Serving::CacheOff => format!("{}, rendered each time", self.name),
            Serving::AlwaysRendered => self.name.clone(),
            Serving::EditLoad => format!("{} (cached), one edit a second", self.name),
        }
    }
}

fn pages(districts: usize, slugs: &[String]) -> Vec<Page> {
    let searches = [
        "trim",
        "kor",
        "kafe",
        "demens",
        "strikking",
        "boccia",
        "sondag",
        "pårørende",
    ];
    let slugs = std::sync::Arc::new(slugs.to_vec());
    let calendar_slugs = slugs.clone();
    vec![
        Page::new("front page", Serving::Cached, |_| Request::get("/")),
        Page::new("district", Serving::Cached, move |n| {
            Request::get(app::paths::district(&district(districts, n)))
        }),
        Page::new("district, 3 filters", Serving::Cached, move |n| {
            Request::get(format!(
                "{}?kind=activity_group&free=1&day={}",
                app::paths::district(&district(districts, n)),
                n % 7 + 1
            ))
        }),
        Page::new("search", Serving::Cached, move |n| {
            Request::get(format!("/tilbud?q={}", searches[n % searches.len()]))
        }),
        Page::new("offering", Serving::AlwaysRendered, move |n| {
            Request::get(app::paths::offering(&slugs[n % slugs.len()]))
        }),
        Page::new("calendar (.ics)", Serving::AlwaysRendered, move |n| {
            Request::get(app::paths::calendar(
                &calendar_slugs[n % calendar_slugs.len()],
            ))
        }),
        Page::new("district calendar feed", Serving::Cached, move |n| {
            Request::get(app::paths::listing_calendar(
                Some(&district(districts, n)),
                &app::domain::filter::ListingFilter::default(),
            ))
        }),
        Page::new("district changes (Atom)", Serving::Cached, move |n| {
            Request::get(app::paths::district_changes(&district(districts, n)))
        }),
        Page::new("weekly programme", Serving::Cached, move |n| {
            Request::get(app::paths::programme(
                &district(districts, n),
                &app::domain::filter::ListingFilter::default(),
                None,
            ))
        }),
        Page::new("weekly programme as PDF", Serving::Cached, move |n| {
            Request::get(app::paths::programme_pdf(
                &district(districts, n),
                &app::domain::filter::ListingFilter::default(),
                None,
            ))
        }),
        Page::new("open data: services", Serving::Cached, move |n| {
            Request::get(format!("/data/v1/services?page={}", n % 20 + 1))
        }),
        // Every page of them at a country's size (440 venues).
        Page::new("open data: locations", Serving::Cached, move |n| {
            Request::get(format!("/data/v1/locations?page={}", n % 9 + 1))
        }),
        Page::new("sitemap part", Serving::Cached, move |n| {
            Request::get(app::paths::sitemap_offerings(n as u64 % 4 + 1))
        }),
        // As crawlers ask for it.
        Page::new("sitemap part, gzip", Serving::Cached, move |n| {
            Request::get(app::paths::sitemap_offerings(n as u64 % 4 + 1)).compressed("gzip")
        }),
    ]
}

/// Each page at the fixed rate, then flat out.
async fn measure(addr: SocketAddr, pages: &[Page], o: &Options) -> Vec<Row> {
    let mut rows = Vec::new();
    for page in pages {
        let request = &page.request;
        // Warm up the connection pool, the caches and the search index;
        // a cached listing at every address it is asked for at, as on a
        // server that has been running (the rows "rendered each time"
        // measure a first render).
        if matches!(page.serving, Serving::Cached | Serving::EditLoad) {
            warm_up(addr, page).await;
        } else {
            let r = request.clone();
            load::flat_out(addr, 4, 1, ok, move |c, n| r(c * 1_000_003 + n)).await;
        }
        let r = request.clone();
        let at_rate = load::fixed_rate(addr, o.rate, o.seconds, ok, move |n| r(n)).await;
        let r = request.clone();
        let flat = load::flat_out(addr, o.clients, o.seconds, ok, move |c, n| {
            r(c * 1_000_003 + n)
        })
        .await;
        rows.push(Row {
            page: page.label(),
            at_rate,
            flat,
        });
    }
    rows
}

/// Addresses a cached page is asked for at before it is measured: more
/// than any page here has (the filtered district page, 350).
const WARM_UP: usize = 1000;

/// Asks for `page` at each of its first [`WARM_UP`] addresses once, four
/// at a time.
async fn warm_up(addr: SocketAddr, page: &Page) {
    const CLIENTS: usize = 4;
    let tasks: Vec<_> = (0..CLIENTS)
        .map(|client| {
            let request = page.request.clone();
            tokio::spawn(async move {
                let mut conn = load::connect(addr).await;
                for n in (client..WARM_UP).step_by(CLIENTS) {
                    let (status, _) = load::send(&mut conn, &request(n)).await;
                    assert!(ok(status), "warm-up request {n} answered {status}");
                }
            })
        })
        .collect();
    for task in tasks {
        task.await.expect("warm-up client");
    }
}

async fn database_size_mb(url: &str, cache: &std::path::Path) -> f64 {
    if url.starts_with("sqlite:") {
        let bytes: u64 = ["", "-wal"]
            .iter()
            .filter_map(|s| std::fs::metadata(cache.join(format!("bench.db{s}"))).ok())
            .map(|m| m.len())
            .sum();
        return bytes as f64 / 1_048_576.0;
    }
    use sea_orm::{ConnectionTrait, Database, Statement};
    let db = Database::connect(url).await.expect("PostgreSQL");
    let row = db
        .query_one_raw(Statement::from_string(
            db.get_database_backend(),
            "SELECT pg_database_size(current_database())",
        ))
        .await
        .expect("size")
        .expect("a row");
    row.try_get_by_index::<i64>(0).unwrap_or(0) as f64 / 1_048_576.0
}

/// A coordinator saving one offering a second, unchanged, through the
/// staff area's write path (`catalogue::offering::save`), in a task of
/// this process on the same database as the server.
struct Editor {
    stop: std::sync::Arc<std::sync::atomic::AtomicBool>,
    task: tokio::task::JoinHandle<Vec<f64>>,
}

impl Editor {
    async fn start(url: &str) -> Editor {
        use app::backend::catalogue::offering;
        use app::backend::clock::Now;
        use app::backend::entities::offering as offering_row;
        use app::backend::staff::{Staff, accounts};
        use sea_orm::{EntityTrait, QuerySelect};
        let db = app::backend::db::Db::open(url).await.expect("the database");
        let email = "bench-editor@treffpunkt.example";
        let account = match accounts::find_by_email(db.read(), email)
            .await
            .expect("accounts")
        {
            Some(a) => a,
            None => {
                let new = accounts::NewAccount {
                    email,
                    name: "Bench",
                    role: app::domain::staff::Role::Editor,
                    organisations: &[],
                };
                accounts::create(db.write(), &new, None, Now::real())
                    .await
                    .expect("an editor")
            }
        };
        let staff = Staff {
            account,
            session_id: 0,
            organisations: Vec::new(),
        };
        let ids: Vec<i32> = offering_row::Entity::find()
            .select_only()
            .column(offering_row::Column::Id)
            .limit(1000)
            .into_tuple()
            .all(db.read())
            .await
            .expect("offerings");
        let stop = std::sync::Arc::new(std::sync::atomic::AtomicBool::new(false));
        let stopping = stop.clone();
        let task = tokio::spawn(async move {
            let mut took = Vec::new();
            let mut tick = tokio::time::interval(std::time::Duration::from_secs(1));
            for n in 0.. {
                tick.tick().await;
                if stopping.load(std::sync::atomic::Ordering::Relaxed) {
                    break;
                }
                let id = ids[n % ids.len()];
                let t = Instant::now();
                let draft = offering::load(db.read(), id).await.expect("a draft");
                offering::save(&db, &staff, Some(id), draft, Now::real())
                    .await
                    .expect("a save");
                took.push(t.elapsed().as_secs_f64() * 1000.0);
            }
            db.close().await;
            took
        });
        Editor { stop, task }
    }

    /// Stops saving; the milliseconds each save took.
    async fn stop(self) -> Vec<f64> {
        self.stop.store(true, std::sync::atomic::Ordering::Relaxed);
        self.task.await.expect("the editor")
    }
}

/// The `q` quantile of `values` (0.5 the median, 1.0 the largest).
fn percentile(values: &[f64], q: f64) -> f64 {
    let mut sorted = values.to_vec();
    sorted.sort_by(f64::total_cmp);
    sorted
        .get(((sorted.len() as f64 - 1.0) * q).round() as usize)
        .copied()
        .unwrap_or(0.0)
}
