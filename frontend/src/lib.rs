//! The browser entry: wakes up the islands in the server-rendered page.

// Pulls in the app so its island is compiled into this bundle.
pub use app::components::sign_up_form::SignUpChecks;

/// No panic hook: its formatting and stack glue cost kilobytes on the one
/// page that loads wasm, and a panic still shows as an error in the console.
#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    leptos::mount::hydrate_islands();
}
