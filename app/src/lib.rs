#![recursion_limit = "256"]
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
pub mod paths;

use leptos::prelude::*;
use leptos_meta::{MetaTags, Stylesheet, Title, provide_meta_context};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::{ParamSegment, SsrMode, StaticSegment};

use crate::components::error::ErrorView;
use crate::components::layout::{Footer, Header};
use crate::components::title;
use crate::domain::Code;
use crate::domain::error::AppError;
use crate::i18n::request_tr;
use crate::pages::sign_up::{CancelPage, ConfirmPage, PrivacyPage, SignUpPage, SignUpSentPage};
use crate::pages::staff::accounts::{AccountsView, OrganisationsView};
use crate::pages::staff::cancel::CancelDatePage;
use crate::pages::staff::course::CoursePeoplePage;
use crate::pages::staff::dashboard::DashboardPage;
use crate::pages::staff::offering::{CopyOfferingPage, EditOfferingPage, NewOfferingPage};
use crate::pages::staff::password::PasswordPage;
use crate::pages::staff::preview::PreviewPage;
use crate::pages::staff::reports::{AuditLogView, OutboxView};
use crate::pages::staff::sign_in::{SignInLinkPage, SignInPage};
use crate::pages::staff::venues::VenuesView;
use crate::pages::{
    district::DistrictPage, home::HomePage, not_found::NotFound, offering::OfferingPage,
    programme::ProgrammePage, search::SearchPage,
};
use crate::paths::segment;

/// The name the build gives the wasm and CSS bundles under `/pkg/`.
pub const OUTPUT_NAME: &str = "treffpunkt";

/// The script that wakes up the islands (`public/pkg/islands.js`); a file
/// rather than Leptos's inline hydration script, so that the
/// Content-Security-Policy can forbid every inline script. It declares the
/// empty data Leptos's hydration looks for (the server drops Leptos's
/// inline declarations: Treffpunkt's pages hand nothing over), and it
/// fetches the bundle only after the page has loaded and been painted,
/// since the islands improve pages that work without them: on a slow
/// connection the wasm must not hold back the page's text. Its comments
/// travel to every browser that loads it, so they stay short and the
/// reasons live here.
pub const ISLANDS_SCRIPT: &str = "islands.js";

/// The print button's few lines of script, in the same folder.
pub const PRINT_SCRIPT: &str = "print.js";
/// The read-aloud control's script (`public/pkg/read-aloud.js`).
pub const READ_ALOUD_SCRIPT: &str = "read-aloud.js";

/// Where pages link the site's own files. The server names them by their
/// content's digest and provides this as context; without it (a page
/// rendered outside the server), the plain names.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct AssetUrls {
    pub css: String,
    pub script: String,
    pub islands: String,
    /// The print button's script.
    pub print: String,
    /// The read-aloud control's script.
    pub read_aloud: String,
}

impl Default for AssetUrls {
    fn default() -> Self {
        AssetUrls {
            css: paths::asset(&format!("{OUTPUT_NAME}.css")),
            script: paths::asset(&format!("{OUTPUT_NAME}.js")),
            islands: paths::asset(ISLANDS_SCRIPT),
            print: paths::asset(PRINT_SCRIPT),
            read_aloud: paths::asset(READ_ALOUD_SCRIPT),
        }
    }
}

/// The HTML document around the app. The server negotiates the language here
/// once per request, so `<html lang>` and every text agree.
pub fn shell(_options: LeptosOptions) -> impl IntoView {
    let tr = request_tr();
    let assets = use_context::<AssetUrls>().unwrap_or_default();
    let head = view! {
        <head>
            <meta charset="utf-8"/>
            <meta name="viewport" content="width=device-width, initial-scale=1"/>
            <meta name="color-scheme" content="light"/>
            // The server leaves this out of a page without islands. No
            // modulepreload: the bundle waits until the page has shown.
            <script type="module" src=assets.islands></script>
            {alternates(tr.lang())}
            <MetaTags/>
        </head>
    };
    let body = view! {
        <body>
            <App/>
        </body>
    };
    let lang = tr.lang().code();
    // Larger text and stronger contrast as a class the stylesheet reads,
    // there from the first paint of every page. (An absent class, given
    // as `None`, would still be written as `class=""`.)
    if i18n::request_large_text() {
        view! {
            <!DOCTYPE html>
            <html lang=lang class="large-text">{head}{body}</html>
        }
        .into_any()
    } else {
        view! {
            <!DOCTYPE html>
            <html lang=lang>{head}{body}</html>
        }
        .into_any()
    }
}

/// For search engines: the page's own address (`canonical`, in its
/// language) and the same page in every language (`hreflang`), the one
/// without `?lang=` being the page as the reader's browser asks for it.
/// Public pages only; rendered on the server, which knows the request.
#[cfg(feature = "ssr")]
fn alternates(lang: domain::lang::Lang) -> Option<impl IntoView> {
    use strum::IntoEnumIterator;
    let parts = use_context::<http::request::Parts>()?;
    let settings = backend::settings().ok()?;
    let path = parts.uri.path();
    if !paths::is_listed(path) {
        return None;
    }
    let page = paths::without_lang(path, parts.uri.query().unwrap_or_default());
    let url = |path: &str| paths::absolute(&settings.site.public_url, path);
    let canonical = url(&paths::in_lang(&page, lang));
    let default = url(&page);
    let each: Vec<(&str, String)> = domain::lang::Lang::iter()
        .map(|l| (l.code(), url(&paths::in_lang(&page, l))))
        .collect();
    Some(view! {
        <link rel="canonical" href=canonical/>
        {each
            .into_iter()
            .map(|(code, href)| view! { <link rel="alternate" hreflang=code href=href/> })
            .collect_view()}
        <link rel="alternate" hreflang="x-default" href=default/>
    })
}

/// In the browser there is no request: nothing.
#[cfg(not(feature = "ssr"))]
fn alternates(_lang: domain::lang::Lang) -> Option<()> {
    None
}

/// A request the server refused before any page ran (a cross-site post,
/// too many tries): provided as context, it makes the app render the
/// translated error page instead of the route.
#[derive(Clone, Debug)]
pub struct Refused(pub AppError);

/// Routes of the public site. Data-bearing routes render in `Async` mode so
/// their content is in the HTML, not streamed in by a script.
#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let tr = request_tr();
    let css = use_context::<AssetUrls>().unwrap_or_default().css;
    view! {
        <Stylesheet id="leptos" href=css/>
        <Title formatter=title::formatter(tr.t("site-name"))/>
        <Router>
            <a class="skip-link" href="#main">{tr.t("skip-to-content")}</a>
            <Header/>
            <main id="main" tabindex="-1">
                {match use_context::<Refused>() {
                    Some(Refused(error)) => view! { <ErrorView error/> }.into_any(),
                    None => view! {
                        <Routes fallback=NotFound>
                            <Route path=StaticSegment("") view=HomePage ssr=SsrMode::Async/>
                            <Route
                                path=(StaticSegment(segment::DISTRICT), ParamSegment("slug"))
                                view=DistrictPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::DISTRICT),
                                    ParamSegment("slug"),
                                    StaticSegment(segment::PROGRAMME),
                                )
                                view=ProgrammePage
                                ssr=SsrMode::Async
                            />
                            <Route path=StaticSegment(segment::OFFERINGS) view=SearchPage ssr=SsrMode::Async/>
                            <Route
                                path=(StaticSegment(segment::OFFERINGS), ParamSegment("slug"))
                                view=OfferingPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("slug"),
                                    StaticSegment(segment::SIGN_UP),
                                )
                                view=SignUpPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("slug"),
                                    StaticSegment(segment::SIGN_UP),
                                    StaticSegment(segment::SENT),
                                )
                                view=SignUpSentPage
                            />
                            <Route
                                path=(StaticSegment(segment::SIGN_UP), StaticSegment(segment::CONFIRM))
                                view=ConfirmPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::SIGN_UP), StaticSegment(segment::CANCEL))
                                view=CancelPage
                                ssr=SsrMode::Async
                            />
                            <Route path=StaticSegment(segment::PRIVACY) view=PrivacyPage/>
                            <Route path=StaticSegment(segment::STAFF) view=DashboardPage ssr=SsrMode::Async/>
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::SIGN_IN))
                                view=SignInPage
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::SIGN_IN),
                                    StaticSegment(segment::LINK),
                                )
                                view=SignInLinkPage
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::COURSE),
                                    ParamSegment("id"),
                                )
                                view=CoursePeoplePage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::NEW_OFFERING))
                                view=NewOfferingPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("id"),
                                )
                                view=EditOfferingPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("id"),
                                    StaticSegment(segment::COPY),
                                )
                                view=CopyOfferingPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("id"),
                                    StaticSegment(segment::PREVIEW),
                                )
                                view=PreviewPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(
                                    StaticSegment(segment::STAFF),
                                    StaticSegment(segment::OFFERINGS),
                                    ParamSegment("id"),
                                    StaticSegment(segment::CANCEL_DATE),
                                )
                                view=CancelDatePage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::OUTBOX))
                                view=OutboxView
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::ACCOUNTS))
                                view=AccountsView
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::VENUES))
                                view=VenuesView
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::ORGANISATIONS))
                                view=OrganisationsView
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::PASSWORD))
                                view=PasswordPage
                                ssr=SsrMode::Async
                            />
                            <Route
                                path=(StaticSegment(segment::STAFF), StaticSegment(segment::AUDIT_LOG))
                                view=AuditLogView
                                ssr=SsrMode::Async
                            />
                        </Routes>
                    }
                    .into_any(),
                }}
            </main>
            <Footer/>
        </Router>
    }
}
