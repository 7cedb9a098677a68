//! The load the benchmarks put on a server: HTTP/1.1 on keep-alive
//! connections, as a browser sends it, either flat out from a number of
//! clients or at a fixed rate whatever the answers (latency then counts
//! from when each request was due, so a slow answer cannot hide the ones
//! queued behind it).

#![allow(dead_code, reason = "each benchmark uses a different part")]

use std::net::SocketAddr;
use std::sync::Arc;
use std::time::{Duration, Instant};

use tokio::io::{AsyncBufReadExt, AsyncReadExt, AsyncWriteExt, BufReader};
use tokio::net::TcpStream;

/// One keep-alive connection.
pub type Conn = BufReader<TcpStream>;

/// A request: method, path and form body (empty for a GET).
#[derive(Clone, Debug)]
pub struct Request {
    pub method: &'static str,
    pub path: String,
    pub body: String,
    /// A `Cookie` header: a staff session.
    pub cookie: Option<String>,
    /// An `X-Forwarded-For` header: the client a trusting server believes
    /// it is (for loads from many clients on one machine).
    pub forwarded_for: Option<String>,
    /// An `Accept-Encoding` header: compressed, as a crawler asks.
    pub accept_encoding: Option<&'static str>,
}

impl Request {
    pub fn get(path: impl Into<String>) -> Self {
        Request {
            method: "GET",
            path: path.into(),
            body: String::new(),
            cookie: None,
            forwarded_for: None,
            accept_encoding: None,
        }
    }

    pub fn post(path: impl Into<String>, body: String) -> Self {
        Request {
            method: "POST",
            path: path.into(),
            body,
            cookie: None,
            forwarded_for: None,
            accept_encoding: None,
        }
    }

    /// The same request as if from `client`, through a trusted proxy.
    pub fn from(self, client: impl Into<String>) -> Self {
        Request {
            forwarded_for: Some(client.into()),
            ..self
        }
    }

    /// The same request taking the answer compressed with `encoding`.
    pub fn compressed(self, encoding: &'static str) -> Self {
        Request {
            accept_encoding: Some(encoding),
            ..self
        }
    }

    /// The same request with `cookie` sent.
    pub fn with_cookie(self, cookie: &str) -> Self {
        Request {
            cookie: Some(cookie.to_owned()),
            ..self
        }
    }
}

pub async fn connect(addr: SocketAddr) -> Conn {
    try_connect(addr).await.expect("connect")
}

/// A connection, or the reason there is none (a server still starting).
pub async fn try_connect(addr: SocketAddr) -> std::io::Result<Conn> {
    TcpStream::connect(addr).await.map(BufReader::new)
}

/// Sends `request` and reads the whole answer; returns the status code and
/// the body's length.
pub async fn send(conn: &mut Conn, request: &Request) -> (u16, usize) {
    let (status, body) = fetch(conn, request).await;
    (status, body.len())
}

/// Sends `request` and returns the status code and the body.
pub async fn fetch(conn: &mut Conn, request: &Request) -> (u16, Vec<u8>) {
    let answer = exchange(conn, request).await;
    (answer.status, answer.body)
}

/// An answer in full.
#[derive(Debug)]
pub struct Answer {
    pub status: u16,
    /// Names in lower case.
    pub headers: Vec<(String, String)>,
    pub body: Vec<u8>,
}

impl Answer {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers
            .iter()
            .find(|(n, _)| n == name)
            .map(|(_, v)| v.as_str())
    }
}

/// Sends `request` and reads the whole answer.
pub async fn exchange(conn: &mut Conn, request: &Request) -> Answer {
    let cookie = request
        .cookie
        .as_ref()
        .map_or_else(String::new, |c| format!("Cookie: {c}\r\n"));
    let forwarded = request
        .forwarded_for
        .as_ref()
        .map_or_else(String::new, |c| format!("X-Forwarded-For: {c}\r\n"));
    let encoding = request
        .accept_encoding
        .map_or_else(String::new, |e| format!("Accept-Encoding: {e}\r\n"));
    let head = format!(
        "{} {} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: nb-NO,nb;q=0.9\r\nSec-Fetch-Site: same-origin\r\n{cookie}{forwarded}{encoding}Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n",
        request.method,
        request.path,
        request.body.len()
    );
    let stream = conn.get_mut();
    stream.write_all(head.as_bytes()).await.expect("send");
    stream
        .write_all(request.body.as_bytes())
        .await
        .expect("send");
    let mut status_line = String::new();
    conn.read_line(&mut status_line).await.expect("status");
    let status: u16 = status_line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let mut headers = Vec::new();
    loop {
        let mut line = String::new();
        conn.read_line(&mut line).await.expect("header");
        if line == "\r\n" || line.is_empty() {
            break;
        }
        if let Some((name, value)) = line.split_once(':') {
            headers.push((name.trim().to_ascii_lowercase(), value.trim().to_string()));
        }
    }
    let length = headers
        .iter()
        .find(|(n, _)| n == "content-length")
        .and_then(|(_, v)| v.parse().ok())
        .unwrap_or(0);
    let mut body = vec![0; length];
    conn.read_exact(&mut body).await.expect("body");
    Answer {
        status,
        headers,
        body,
    }
}

/// What a run measured.
pub struct Figures {
    pub ok: usize,
    pub failed: usize,
    pub elapsed: Duration,
    /// Sorted.
    pub latencies: Vec<Duration>,
}

impl Figures {
    pub fn per_second(&self) -> f64 {
        self.ok as f64 / self.elapsed.as_secs_f64()
    }

    pub fn percentile_ms(&self, p: f64) -> f64 {
        if self.latencies.is_empty() {
            return 0.0;
        }
        let index = ((self.latencies.len() as f64 - 1.0) * p).round() as usize;
        self.latencies[index].as_secs_f64() * 1000.0
    }

    pub fn max_ms(&self) -> f64 {
        self.latencies
            .last()
            .map_or(0.0, |l| l.as_secs_f64() * 1000.0)
    }
}

/// What the client tasks measured (latencies, failures), together.
pub async fn collect(
    tasks: Vec<tokio::task::JoinHandle<(Vec<Duration>, usize)>>,
    started: Instant,
) -> Figures {
    let mut latencies = Vec::new();
    let mut failed = 0;
    for task in tasks {
        let (l, f) = task.await.expect("client task");
        latencies.extend(l);
        failed += f;
    }
    let elapsed = started.elapsed();
    latencies.sort();
    Figures {
        ok: latencies.len() - failed,
        failed,
        elapsed,
        latencies,
    }
}

/// `clients` clients, each sending its next request when the last is
/// answered, for `seconds`; `request(client, n)` says what. A status
/// outside `ok` counts as failed.
pub async fn flat_out(
    addr: SocketAddr,
    clients: usize,
    seconds: u32,
    ok: fn(u16) -> bool,
    request: impl Fn(usize, usize) -> Request + Send + Sync + 'static,
) -> Figures {
    let request = Arc::new(request);
    let started = Instant::now();
    let until = started + Duration::from_secs(seconds.into());
    let tasks = (0..clients)
        .map(|client| {
            let request = request.clone();
            tokio::spawn(async move {
                let mut conn = connect(addr).await;
                let mut latencies = Vec::new();
                let mut failed = 0;
                for n in 0.. {
                    if Instant::now() >= until {
                        break;
                    }
                    let r = request(client, n);
                    let t = Instant::now();
                    let (status, _) = send(&mut conn, &r).await;
                    latencies.push(t.elapsed());
                    failed += usize::from(!ok(status));
                }
                (latencies, failed)
            })
        })
        .collect();
    collect(tasks, started).await
}

/// `rate` requests a second for `seconds`, on a pool of keep-alive
/// connections, whatever the answers; `request(n)` says what.
pub async fn fixed_rate(
    addr: SocketAddr,
    rate: u32,
    seconds: u32,
    ok: fn(u16) -> bool,
    request: impl Fn(usize) -> Request + Send + Sync + 'static,
) -> Figures {
    let request = Arc::new(request);
    let pool: Arc<tokio::sync::Mutex<Vec<Conn>>> = Arc::default();
    let started = tokio::time::Instant::now();
    let interval = Duration::from_secs(1) / rate;
    let tasks = (0..(rate * seconds) as usize)
        .map(|n| {
            let (pool, request) = (pool.clone(), request.clone());
            let due = started + interval * n as u32;
            tokio::spawn(async move {
                tokio::time::sleep_until(due).await;
                let r = request(n);
                let taken = pool.lock().await.pop();
                let mut conn = match taken {
                    Some(conn) => conn,
                    None => connect(addr).await,
                };
                let (status, _) = send(&mut conn, &r).await;
                let latency = due.elapsed();
                pool.lock().await.push(conn);
                (vec![latency], usize::from(!ok(status)))
            })
        })
        .collect();
    collect(tasks, started.into_std()).await
}
