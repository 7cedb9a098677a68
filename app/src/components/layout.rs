use leptos::prelude::*;
use leptos_router::hooks::use_location;
use strum::IntoEnumIterator;

use crate::domain::Code;
use crate::domain::filter::QUERY_MAX;
use crate::domain::lang::Lang;
use crate::i18n::use_tr;
use crate::paths;

/// Site name, search and language choice; the same on every page.
#[component]
pub fn Header() -> impl IntoView {
    let tr = use_tr();
    view! {
        <header class="site-header">
            <div class="header-inner">
                <a class="site-name" href=paths::home()>
                    {tr.t("site-name")}
                </a>
                <div class="header-choices">
                    <LanguageSwitcher/>
                    <TextSize/>
                </div>
            </div>
            <form class="site-search" role="search" method="get" action=paths::offerings()>
                <label for="site-search-q">{tr.t("search-label")}</label>
                <div class="search-row">
                    <input id="site-search-q" type="search" name="q" maxlength=QUERY_MAX autocomplete="off"/>
                    <button type="submit" class="button">{tr.t("search-button")}</button>
                </div>
            </form>
        </header>
    }
}

/// A plain form, so that choosing a language works without JavaScript. The
/// server remembers the choice in a cookie and sends the reader back.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let tr = use_tr();
    let location = use_location();
    let back = paths::without_lang(
        &location.pathname.get_untracked(),
        &location.search.get_untracked(),
    );
    let current = tr.lang();
    view! {
        <form class="language-switcher" method="post" action=paths::language()>
            <input type="hidden" name="back" value=back/>
            <span class="visually-hidden">{tr.t("language-choose")}</span>
            {Lang::iter()
                .map(|lang| {
                    let is_current = lang == current;
                    view! {
                        <button
                            type="submit"
                            name="lang"
                            value=lang.code()
                            lang=lang.code()
                            class="lang-button"
                            aria-pressed=if is_current { "true" } else { "false" }
                        >
                            {tr.t(&format!("language-{}", lang.code()))}
                        </button>
                    }
                })
                .collect_view()}
        </form>
    }
}

/// Larger text and stronger contrast, on and off: a plain form like the
/// language switcher. The server remembers the choice in a cookie, renders
/// it on every page and sends the reader back to where they were.
#[component]
fn TextSize() -> impl IntoView {
    let tr = use_tr();
    let location = use_location();
    let search = location.search.get_untracked();
    let back = if search.is_empty() {
        location.pathname.get_untracked()
    } else {
        format!(
            "{}?{}",
            location.pathname.get_untracked(),
            search.trim_start_matches('?')
        )
    };
    let large = crate::i18n::request_large_text();
    view! {
        <form class="text-size" method="post" action=paths::text_size()>
            <input type="hidden" name="back" value=back/>
            <button
                type="submit"
                name="size"
                value=if large { "normal" } else { "large" }
                class="lang-button"
                aria-pressed=if large { "true" } else { "false" }
            >
                {tr.t("text-size-large")}
            </button>
        </form>
    }
}

#[component]
pub fn Footer() -> impl IntoView {
    let tr = use_tr();
    view! {
        <footer class="site-footer">
            <p>{tr.t("footer-about")}</p>
            <p>{tr.t("footer-no-referral")}</p>
        </footer>
    }
}
