//! Treffpunkt: the municipality's directory of low-threshold offerings.
//!
//! Built in islands mode: every page is server-rendered HTML that works with
//! JavaScript off; only the few `#[island]`s hydrate in the browser.

pub mod api;
#[cfg(feature = "ssr")]
pub mod backend;
pub mod components;
pub mod domain;
pub mod i18n;
pub mod pages;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{SsrMode, path};

use crate::components::layout::{Footer, Header};
use crate::i18n::request_tr;
use crate::pages::sign_up::{CancelPage, ConfirmPage, PrivacyPage, SignUpPage, SignUpSentPage};
use crate::pages::{
    district::DistrictPage, home::HomePage, not_found::NotFound, offering::OfferingPage,
    search::SearchPage,
};

/// The name the build gives the wasm and CSS bundles under `/pkg/`.
pub const OUTPUT_NAME: &str = "treffpunkt";

/// The HTML document around the app. The server negotiates the language here
/// once per request, so `<html lang>` and every text agree.
pub fn shell(options: LeptosOptions) -> impl IntoView {
    let tr = request_tr();
    view! {
        <!DOCTYPE html>
        <html lang=tr.lang().code()>
            <head>
                <meta charset="utf-8"/>
                <meta name="viewport" content="width=device-width, initial-scale=1"/>
                <meta name="color-scheme" content="light"/>
                <HydrationScripts options islands=true/>
                <MetaTags/>
            </head>
            <body>
                <App/>
            </body>
        </html>
    }
}

/// Routes of the public site. Data-bearing routes render in `Async` mode so
/// their content is in the HTML, not streamed in by a script.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let tr = request_tr();
    view! {
        <Stylesheet id="leptos" href=format!("/pkg/{OUTPUT_NAME}.css")/>
        <Router>
            <a class="skip-link" href="#main">{tr.t("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                <Routes fallback=NotFound>
                    <Route path=path!("") view=HomePage ssr=SsrMode::Async/>
                    <Route path=path!("/bydel/:slug") view=DistrictPage ssr=SsrMode::Async/>
                    <Route path=path!("/tilbud") view=SearchPage ssr=SsrMode::Async/>
                    <Route path=path!("/tilbud/:slug") view=OfferingPage ssr=SsrMode::Async/>
                    <Route path=path!("/tilbud/:slug/pamelding") view=SignUpPage ssr=SsrMode::Async/>
                    <Route path=path!("/tilbud/:slug/pamelding/sendt") view=SignUpSentPage/>
                    <Route path=path!("/pamelding/bekreft") view=ConfirmPage ssr=SsrMode::Async/>
                    <Route path=path!("/pamelding/avmeld") view=CancelPage ssr=SsrMode::Async/>
                    <Route path=path!("/personvern") view=PrivacyPage/>
                </Routes>
            </main>
            <Footer/>
        </Router>
    }
}
