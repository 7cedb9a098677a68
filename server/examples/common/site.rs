//! What the in-process benches share: a course in the import format, and
//! the real router served on a loopback port.

use std::net::SocketAddr;
use std::sync::Arc;

use app::backend::db::Db;
use app::backend::settings::Settings;
use chrono::NaiveDate;
use leptos::config::LeptosOptions;
use server::limits::RateLimits;
use server::{Shared, router};

/// An open course `slug` of the mini fixture's course organiser, meeting
/// once on `day`, with `places` places and a waiting list.
pub fn course(slug: &str, title: &str, places: u32, day: NaiveDate) -> String {
    format!(
        r#"
[[offering]]
slug = "{slug}"
kind = "course"
district = "nordre-asen"
venue = "asen-kirke"
organisation = "lms"
audiences = ["long_term_illness"]
categories = []
price_nok = 0
sign_up_required = true
contact = {{ name = "Lise Lunge", email = "lise@lms.example" }}

[offering.text.nb]
title = "{title}"
summary = "Kurs."
description = "Kurs."

[[offering.session]]
starts = "{day}T18:00"
ends = "{day}T20:00"

[offering.course]
capacity = {places}
waiting_list = true
"#
    )
}

/// The router on `db` with `settings`, served on a loopback port until
/// the task is aborted.
pub async fn serve(
    db: &Db,
    settings: &Settings,
    wake: Arc<tokio::sync::Notify>,
) -> (SocketAddr, tokio::task::JoinHandle<()>) {
    let listener = tokio::net::TcpListener::bind("127.0.0.1:0")
        .await
        .expect("a port");
    let addr = listener.local_addr().expect("an address");
    let app = router(Shared {
        leptos_options: LeptosOptions::builder()
            .output_name(app::OUTPUT_NAME)
            .site_root("target/site")
            .build(),
        db: db.clone(),
        directory: app::backend::directory::Directory::new(db.clone()),
        assets: server::assets::Assets::default(),
        pages: server::delivery::PageCache::new(settings.http.page_cache_bytes),
        limits: Arc::new(RateLimits::new(&settings.limits)),
        settings: Arc::new(settings.clone()),
        wake,
    });
    let task = tokio::spawn(async move {
        axum::serve(
            listener,
            app.into_make_service_with_connect_info::<SocketAddr>(),
        )
        .await
        .expect("serve")
    });
    (addr, task)
}
