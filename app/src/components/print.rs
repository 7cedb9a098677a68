use leptos::prelude::*;

/// "Print this page". Hidden until the island has hydrated, so that nobody
/// without JavaScript sees a button that does nothing; the browser's own
/// print still works for them, and the print style sheet applies either way.
#[island]
pub fn PrintButton(label: String) -> impl IntoView {
    let (ready, set_ready) = signal(false);
    Effect::new(move |_| set_ready.set(true));
    view! {
        <button
            type="button"
            class="button secondary print-button"
            hidden=move || !ready.get()
            on:click=move |_| {
                let _ = window().print();
            }
        >
            {label}
        </button>
    }
}
