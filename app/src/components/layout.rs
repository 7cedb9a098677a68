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
                <LanguageSwitcher/>
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

/// The current address without any `lang=` parameter, so that the choice
/// made in the switcher is not overridden by the URL it returns to.
fn return_path(pathname: &str, search: &str) -> String {
    let kept: Vec<&str> = search
        .trim_start_matches('?')
        .split('&')
        .filter(|pair| !pair.is_empty() && !pair.starts_with("lang="))
        .collect();
    if kept.is_empty() {
        pathname.to_string()
    } else {
        format!("{pathname}?{}", kept.join("&"))
    }
}

/// A plain form, so that choosing a language works without JavaScript. The
/// server remembers the choice in a cookie and sends the reader back.
#[component]
fn LanguageSwitcher() -> impl IntoView {
    let tr = use_tr();
    let location = use_location();
    let back = return_path(
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

#[cfg(test)]
mod tests {
    use super::return_path;

    #[test]
    fn return_path_drops_only_the_language() {
        assert_eq!(return_path("/bydel/ostbyen", ""), "/bydel/ostbyen");
        assert_eq!(return_path("/tilbud", "?lang=en&q=kor"), "/tilbud?q=kor");
        assert_eq!(
            return_path("/tilbud", "?q=kor&lang=nn&free=1"),
            "/tilbud?q=kor&free=1"
        );
    }
}
