//! The staff area over HTTP, on every test database: signing in with the
//! emailed code, what each role is refused, and that nothing of it is
//! kept by a cache; a module a topic, one test binary.

#[path = "../support/mod.rs"]
mod support;

mod access;
mod editing;
mod signing_in;

use http::{StatusCode, header};
use regex::Regex;
use support::{Site, mail_to, post};

const PEER: &str = "10.1.1.1";

/// The id of the offering `slug`.
async fn id_of(site: &Site, slug: &str) -> i32 {
    app::backend::testing::offering(&site.db, slug).await.id
}

/// Signs in as `email` through the forms, and returns the `Cookie` header
/// to send.
async fn sign_in(site: &Site, email: &str, shared: bool) -> String {
    let asked = post(
        &site.app,
        "/ansatt/logg-inn",
        &format!("email={email}"),
        PEER,
    )
    .await;
    assert_eq!(asked.status, StatusCode::OK, "{}", site.backend);
    let text = mail_to(&site.db, email)
        .await
        .pop()
        .expect("a sign-in email");
    let code = Regex::new(r"\b(\d{6})\b").unwrap().captures(&text).unwrap()[1].to_string();
    let shared = if shared { "&shared_computer=1" } else { "" };
    let done = post(
        &site.app,
        "/ansatt/logg-inn/kode",
        &format!("email={email}&code={code}{shared}"),
        PEER,
    )
    .await;
    assert_eq!(
        done.status,
        StatusCode::SEE_OTHER,
        "{}: {}",
        site.backend,
        done.body
    );
    assert_eq!(done.header(header::LOCATION), "/ansatt", "{}", site.backend);
    let cookie = done.header(header::SET_COOKIE).to_string();
    assert!(
        cookie.starts_with("__Host-treffpunkt_staff=")
            && cookie.contains("; Secure")
            && cookie.contains("HttpOnly")
            && cookie.contains("SameSite=Lax"),
        "{}: {cookie}",
        site.backend
    );
    cookie.split(';').next().unwrap().to_string()
}
