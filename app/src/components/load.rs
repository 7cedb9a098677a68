use std::future::Future;

use leptos::prelude::*;

use crate::components::error::ErrorView;
use crate::domain::error::AppError;

/// Loads a page's data and renders it, or the translated error page. Pages
/// render on the server only and their routes wait for the data (`Async`),
/// so there is no loading state to show.
pub fn load_page<T, Fut, V>(
    fetch: impl Fn() -> Fut + Send + Sync + 'static,
    render: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    T: Send + 'static,
    V: IntoView + 'static,
{
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let data = fetch();
                let render = render.clone();
                Suspend::new(async move {
                    match data.await {
                        Ok(value) => render(value).into_any(),
                        Err(error) => view! { <ErrorView error/> }.into_any(),
                    }
                })
            }}
        </Suspense>
    }
}
