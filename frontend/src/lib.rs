//! The browser entry: wakes up the islands in the server-rendered page.

// Pulls in the app so its islands are compiled into this bundle.
pub use app::components::print::PrintButton;
pub use app::components::sign_up_form::SignUpFormIsland;

#[wasm_bindgen::prelude::wasm_bindgen]
pub fn hydrate() {
    console_error_panic_hook::set_once();
    leptos::mount::hydrate_islands();
}
