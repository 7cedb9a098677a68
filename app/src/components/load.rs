use std::future::Future;

use futures::FutureExt;
use leptos::prelude::*;

use crate::components::error::ErrorView;
use crate::domain::error::AppError;

/// Loads a page's data and renders it, or the translated error page. Pages
/// render on the server only and their routes wait for the data (`Async`),
/// so there is no loading state to show.
pub fn load_page<T, Fut, V>(
    fetch: impl FnOnce() -> Fut,
    render: impl Fn(T) -> V + Send + Sync + Clone + 'static,
) -> impl IntoView
where
    Fut: Future<Output = Result<T, AppError>> + Send + 'static,
    T: Clone + Send + Sync + 'static,
    V: IntoView + 'static,
{
    // The load starts once, and every walk of the view shares it. Suspense
    // walks its children twice before it renders them (`dry_resolve`, once
    // as it starts and once in its effect): each walk runs this closure and
    // polls what it returns once, then drops it. A load made inside the
    // closure was started there and dropped halfway, in the middle of
    // taking a connection from the pool (sqlx pings it first), and the
    // pool lost that connection: nearly every listing page opened a new
    // one, on PostgreSQL a process forked for the request.
    let data = fetch().shared();
    view! {
        <Suspense fallback=|| ()>
            {move || {
                let data = data.clone();
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
