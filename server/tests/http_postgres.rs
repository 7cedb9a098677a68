//! The site over HTTP on PostgreSQL (when `TEST_DATABASE_URL` is set).

mod support;

#[tokio::test]
async fn site_over_http_on_postgres() {
    support::run("postgres").await;
}
