//! PostgreSQL over TCP, as several servers behind a load balancer reach
//! it: every connection sqlx opens has Nagle's algorithm off. sqlx 0.9.0
//! left it on (its issue 4335), and a query written in parts then waited
//! up to 40 ms for the server's delayed acknowledgement; the workspace
//! carries the fix in `patches/sqlx-core` until 0.9.1.

use sqlx_core::net::{Socket, WithSocket, connect_tcp};

/// Reports whether the socket sqlx made has `TCP_NODELAY` set.
struct NoDelay;

impl WithSocket for NoDelay {
    type Output = Option<bool>;

    async fn with_socket<S: Socket>(self, socket: S) -> Option<bool> {
        let any: &dyn std::any::Any = &socket;
        any.downcast_ref::<tokio::net::TcpStream>()
            .map(|tcp| tcp.nodelay().expect("a TCP socket"))
    }
}

#[tokio::test]
async fn connections_to_postgresql_over_tcp_send_at_once() {
    let Ok(url) = std::env::var("TEST_DATABASE_URL") else {
        eprintln!("TEST_DATABASE_URL unset: no PostgreSQL to connect to");
        return;
    };
    // The server the test command names, over TCP whatever the URL says.
    let port = url
        .rsplit_once(':')
        .and_then(|(_, rest)| rest.split('/').next()?.parse().ok())
        .unwrap_or(5432);
    let nodelay = connect_tcp("127.0.0.1", port, NoDelay)
        .await
        .expect("PostgreSQL listens on TCP");
    assert_eq!(nodelay, Some(true), "Nagle's algorithm is on");
}
