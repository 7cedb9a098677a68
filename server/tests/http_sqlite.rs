//! The site over HTTP on SQLite.

mod support;

#[tokio::test]
async fn site_over_http_on_sqlite() {
    support::run("sqlite").await;
}
