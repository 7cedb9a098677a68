use leptos::prelude::*;
use leptos_meta::Script;

use crate::AssetUrls;

/// "Print this page". A few lines of plain script, not an island: the
/// button alone must not cost the page the whole wasm bundle. Hidden until
/// the script shows it, so that nobody without JavaScript sees a button
/// that does nothing; the browser's own print still works for them, and
/// the print style sheet applies either way. The script goes in the head,
/// with the page's other scripts.
#[component]
pub fn PrintButton(label: String) -> impl IntoView {
    let script = use_context::<AssetUrls>().unwrap_or_default().print;
    view! {
        <button type="button" class="button secondary print-button" hidden>
            {label}
        </button>
        <Script type_="module" src=script/>
    }
}

/// "Read aloud": the offering's title, summary, times, place and text,
/// read by the browser's own speech synthesis, with pause and stop. Plain
/// script like the print button (about 1 KB gzip, not the wasm bundle). Hidden until the script shows it, so without JavaScript, or
/// in a browser that cannot speak, there is nothing to press. The words
/// it shows come from here, translated, as data attributes.
#[component]
pub fn ReadAloud() -> impl IntoView {
    let tr = crate::i18n::use_tr();
    let script = use_context::<AssetUrls>().unwrap_or_default().read_aloud;
    // What is read, in this order.
    let read = "article.offering h1, article.offering .lead, \
                section[aria-labelledby=\"when-heading\"], \
                section[aria-labelledby=\"where-heading\"], article.offering .description";
    view! {
        <div
            class="read-aloud"
            hidden
            data-read=read
            data-reading=tr.t("offering-read-reading")
            data-no-voice=tr.t("offering-read-no-voice")
        >
            <button type="button" class="button secondary">{tr.t("offering-read-aloud")}</button>
            <button type="button" class="button secondary" aria-pressed="false" hidden>
                {tr.t("offering-read-pause")}
            </button>
            <button type="button" class="button secondary" hidden>{tr.t("offering-read-stop")}</button>
            <p class="read-aloud-status" role="status"></p>
        </div>
        <Script type_="module" src=script/>
    }
}
