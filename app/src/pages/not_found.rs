use leptos::prelude::*;

use crate::components::error::ErrorView;
use crate::domain::error::AppError;

/// Any path the router does not know.
#[component]
pub fn NotFound() -> impl IntoView {
    view! { <ErrorView error=AppError::NotFound/> }
}
