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
