//! How responses leave the server. Every page is finished once (Leptos's
//! empty inline data dropped, the islands' loader only where there are
//! islands), tagged so that a repeat visit costs a `304`, and compressed
//! as the browser accepts. The listing pages, which every visitor sees
//! alike, are kept: the busiest pages are sent without being rendered.
//!
//! A kept page is current until what it shows is edited (its district,
//! for a district's page; any district, for the front page and the whole
//! listing) or the day changes. Between edits the version also moves as
//! time passes (a meeting ends and its card moves on), once a minute at a
//! country's size; a page that only time has left behind is still sent,
//! for up to [`STALE_FOR`] after it was last known current, while one
//! background task renders it anew. A page an edit has left behind is
//! sent the same way for [`EDIT_GRACE`] after this server first saw it
//! behind (twice that for what programs read), and then not at all: with
//! the versions read once a second, an edit shows within 1.5 s (2 s in
//! the open data), and no visitor waits for the search index to
//! take it in. So no visitor waits for the renders that time passing or
//! an edit elsewhere causes, and when many ask at once for a page nobody
//! has, one of them renders it and the others wait for that render.
//! Staff, who expect their own change on the next page, are never sent a
//! kept page.
//!
//! When this server learns of an edit in a district, it renders that
//! district's pages that were asked for lately anew at once, in the
//! background, before anyone asks again: so the next visitor, even after
//! the grace, is not kept waiting behind the renders of every page that
//! edits left behind while nobody looked (at a country's size, fifty
//! districts' printed programmes asked for at once after a morning of
//! edits).

use std::collections::{HashMap, HashSet};
use std::sync::{Arc, Mutex, PoisonError};
use std::time::{Duration, Instant};

use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{self, HeaderValue};
use axum::http::response::Parts;
use axum::http::{Extensions, HeaderMap, Method, StatusCode, Uri};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use chrono::NaiveDate;
use tokio::sync::{Semaphore, watch};

use app::AssetUrls;
use app::backend::directory::read_model::{Version, Versions};
use app::domain::Code;
use app::domain::error::AppError;
use app::i18n::{request_lang, wants_large_text};
use app::paths::{route, segment};

use crate::AppState;
use crate::compress::{Effort, Encoding, Variants};

/// The largest body finished and compressed here; pages are tens of
/// kilobytes.
const BODY_LIMIT: usize = 8 * 1024 * 1024;
/// How long after it was last known current a page that only time has
/// left behind is still sent while it is rendered anew: a page asked for
/// at least every two minutes is never rendered while someone waits for
/// it because a meeting ended.
pub const STALE_FOR: Duration = Duration::from_secs(120);
/// How long a page an edit has left behind is still sent while it is
/// rendered anew. Twice as long for what programs read (the open data
/// API, the sitemap's parts): each of their pages shows the whole
/// directory, so every edit anywhere leaves all of them behind at once,
/// twenty API pages of 10–20 ms each behind the edited district's own
/// renders; and a program polling the API is not a person waiting to see
/// their change. With the versions read once a second, an edit still
/// reaches them within 2 s.
pub const EDIT_GRACE: Duration = Duration::from_millis(500);
/// Pages rendered anew in the background at once: when a country's pages
/// fall behind together, the other core stays with the visitors.
const REFRESHING: usize = 1;
/// A district's kept pages asked for within this long are rendered anew
/// as soon as an edit in the district is known, without waiting for a
/// visitor to find them behind.
const AHEAD_IF_ASKED_WITHIN: Duration = Duration::from_secs(600);
/// At most this many of them for one edit, the most lately asked for
/// first: a district's page, its filtered pages, feeds and programme are
/// a dozen, and what an edit sets off stays bounded whatever addresses
/// people ask for.
const AHEAD_PER_EDIT: usize = 16;

/// When a page was rendered: the directory as the server saw it, and the
/// day ("today", "tomorrow" on the cards).
#[derive(Clone, Debug, PartialEq, Eq)]
struct Stamp {
    versions: Arc<Versions>,
    date: NaiveDate,
}

impl Stamp {
    /// The directory's version: what a page rendered now is as of.
    fn at(&self) -> i64 {
        self.versions.directory.current
    }

    /// The version a page of `scope` must be as of to be current.
    fn of(&self, scope: &Scope) -> Version {
        match scope {
            Scope::Directory => self.versions.directory,
            Scope::District(slug) => self.versions.of_district(slug),
        }
    }
}

/// What a kept page shows, and so which edits make it wrong.
#[derive(Clone, Debug, PartialEq, Eq)]
enum Scope {
    /// Offerings of every district: the front page, the whole listing.
    Directory,
    /// One district's offerings: its page, with any filters.
    District(String),
}

#[derive(Debug)]
struct Page {
    content_type: HeaderValue,
    /// What the handler said beside the body, for a cached copy to say
    /// again; never a cookie, which belongs to one visitor.
    headers: HeaderMap,
    variants: Variants,
}

/// A page on the shelf.
#[derive(Debug)]
struct Kept {
    page: Arc<Page>,
    /// What it shows.
    scope: Scope,
    /// The directory version it was rendered at.
    version: i64,
    /// When it was last found current: rendered, or sent as it was.
    current_at: Instant,
    /// When this server first found an edit newer than it.
    behind_edit_since: Option<Instant>,
    /// What it counts for against the capacity.
    weight: usize,
    /// How to render it again without a visitor's request.
    recipe: Option<Recipe>,
}

/// What the page's other askers receive from its first render: the page,
/// or nothing if it could not be shared (each then renders their own).
type Handover = watch::Receiver<Option<Arc<Page>>>;

#[derive(Debug, Default)]
struct Shelf {
    /// The day the pages are of.
    date: Option<NaiveDate>,
    pages: HashMap<String, Kept>,
    bytes: usize,
    /// Pages that nobody had, being rendered now, each with the directory
    /// version its render started from.
    rendering: HashMap<String, (i64, Handover)>,
}

impl Shelf {
    /// Empties the shelf if `date` is a later day than its pages' (every
    /// "today" on it is wrong); whether its pages are of `date`.
    fn move_on(&mut self, date: NaiveDate) -> bool {
        if self.date.is_none_or(|d| d < date) {
            *self = Shelf {
                date: Some(date),
                ..Shelf::default()
            };
        }
        self.date == Some(date)
    }
}

/// The listing pages as last rendered.
#[derive(Clone, Debug)]
pub struct PageCache {
    shelf: Arc<Mutex<Shelf>>,
    /// Search results, on a shelf of their own: every new `?q=` is a page
    /// nobody else may ask for, and a stream of them must not take the
    /// room of the pages everyone asks for.
    searches: Arc<Mutex<Shelf>>,
    /// What programs read (the open data API, the sitemap's parts): a
    /// crawler paging through them must not take the listings' room either.
    data: Arc<Mutex<Shelf>>,
    /// What it may hold, compressed forms included: three quarters for the
    /// listings, three sixteenths for data (at a country's size an API
    /// page is 175 KB and a sitemap part 430 KB: twenty of the one and a
    /// few of the other), a sixteenth for searches (pages of 25 KB).
    capacity: usize,
    /// See [`EDIT_GRACE`].
    edit_grace: Duration,
    refreshing: Arc<Semaphore>,
    /// The versions of the latest request, to tell when a district is
    /// edited.
    seen: Arc<Mutex<Option<Arc<Versions>>>>,
}

/// What the shelf has for a request.
#[derive(Debug)]
enum Found {
    /// The page, current: send it.
    Current(Arc<Page>),
    /// The page, behind: send it; and, unless its render is under way
    /// already, render it anew in the background.
    Behind(Arc<Page>, Option<Refresh>),
    /// Another request is rendering it: wait for theirs.
    Wait(Handover),
    /// Nothing: render it, for everyone who asks meanwhile too.
    Render(Claim),
}

/// A page to render anew in the background, registered as its render so
/// that nobody starts a second one, and whoever finds the page too old to
/// send meanwhile waits for this one.
#[derive(Debug)]
struct Refresh {
    claim: Claim,
    /// An edit left the page behind, so it is sent only for the grace: its
    /// render waits for its turn rather than give up, as one that time
    /// passing asks for does when another is under way.
    edited: bool,
}

/// The first render of a page that others may be waiting for. Dropped
/// without [`Claim::finish`] (a failure, or a visitor who left), it lets
/// them go and render their own.
#[derive(Debug)]
struct Claim {
    cache: PageCache,
    key: String,
    scope: Scope,
    stamp: Stamp,
    sender: watch::Sender<Option<Arc<Page>>>,
    /// How the page was asked for, kept with it.
    recipe: Option<Recipe>,
}

impl Claim {
    /// Keeps `page` if it can be shared, and hands it to those waiting.
    fn finish(mut self, page: Option<Arc<Page>>) {
        if let Some(page) = &page {
            let recipe = self.recipe.take();
            self.cache
                .keep(&self.key, &self.scope, &self.stamp, page.clone(), recipe);
        }
        self.sender.send_replace(page);
    }
}

impl Drop for Claim {
    fn drop(&mut self) {
        // Never a second panic while unwinding from one.
        let mut shelf = self
            .cache
            .shelf_for(&self.key)
            .0
            .lock()
            .unwrap_or_else(PoisonError::into_inner);
        if shelf
            .rendering
            .get(&self.key)
            .is_some_and(|(_, h)| h.same_channel(&self.sender.subscribe()))
        {
            shelf.rendering.remove(&self.key);
        }
    }
}

impl PageCache {
    pub fn new(capacity: usize) -> Self {
        PageCache {
            shelf: Arc::default(),
            searches: Arc::default(),
            data: Arc::default(),
            capacity,
            edit_grace: EDIT_GRACE,
            refreshing: Arc::new(Semaphore::new(REFRESHING)),
            seen: Arc::default(),
        }
    }

    /// The same cache, sending a page an edit left behind for `grace`.
    #[cfg(test)]
    fn with_edit_grace(self, grace: Duration) -> Self {
        PageCache {
            edit_grace: grace,
            ..self
        }
    }

    /// The shelf a page is kept on, and what that shelf may hold.
    fn shelf_for(&self, key: &str) -> (&Mutex<Shelf>, usize) {
        if is_search(key) {
            (&self.searches, self.capacity / 16)
        } else if is_data(key) {
            (&self.data, self.capacity * 3 / 16)
        } else {
            (&self.shelf, self.capacity * 3 / 4)
        }
    }

    fn find(&self, key: &str, scope: Scope, stamp: Stamp) -> Found {
        let mut shelf = self.shelf_for(key).0.lock().expect("page cache");
        shelf.move_on(stamp.date);
        let wanted = stamp.of(&scope);
        // A render that started before an edit this request knows of
        // would hand over a page the edit made wrong.
        let under_way = shelf
            .rendering
            .get(key)
            .filter(|(from, _)| *from >= wanted.last_edit)
            .map(|(_, handover)| handover.clone());
        let mut behind = None;
        if let Some(kept) = shelf.pages.get_mut(key) {
            if kept.version >= wanted.current {
                kept.current_at = Instant::now();
                return Found::Current(kept.page.clone());
            }
            let edited = kept.version < wanted.last_edit;
            let grace = if is_data(key) {
                self.edit_grace * 2
            } else {
                self.edit_grace
            };
            let sendable = if edited {
                kept.behind_edit_since
                    .get_or_insert_with(Instant::now)
                    .elapsed()
                    < grace
            } else {
                kept.current_at.elapsed() < STALE_FOR
            };
            if sendable {
                behind = Some((kept.page.clone(), edited));
            }
        }
        match (behind, under_way) {
            (Some((page, _)), Some(_)) => Found::Behind(page, None),
            (None, Some(handover)) => Found::Wait(handover),
            (Some((page, edited)), None) => {
                let claim = self.claim(&mut shelf, key, scope, stamp);
                Found::Behind(page, Some(Refresh { claim, edited }))
            }
            (None, None) => Found::Render(self.claim(&mut shelf, key, scope, stamp)),
        }
    }

    /// Registers the render of `key` that starts now.
    fn claim(&self, shelf: &mut Shelf, key: &str, scope: Scope, stamp: Stamp) -> Claim {
        let (sender, handover) = watch::channel(None);
        shelf
            .rendering
            .insert(key.to_owned(), (stamp.at(), handover));
        Claim {
            cache: self.clone(),
            key: key.to_owned(),
            scope,
            stamp,
            sender,
            recipe: None,
        }
    }

    /// The pages to render anew now because `stamp` is the first this
    /// cache sees of an edit in their district: those of an edited
    /// district that were asked for within [`AHEAD_IF_ASKED_WITHIN`], at
    /// most [`AHEAD_PER_EDIT`] for each district, each registered as its
    /// page's render. Nothing on the first request a server answers, nor
    /// for a request that read the versions before the latest one seen.
    fn edited_since_seen(&self, stamp: &Stamp) -> Vec<Refresh> {
        let before = {
            let mut seen = self.seen.lock().expect("page cache");
            match seen.as_ref() {
                Some(s) if Arc::ptr_eq(s, &stamp.versions) => return Vec::new(),
                Some(s) if s.directory.current >= stamp.versions.directory.current => {
                    return Vec::new();
                }
                _ => seen.replace(stamp.versions.clone()),
            }
        };
        let Some(before) = before else {
            return Vec::new();
        };
        let edited: HashSet<&String> = stamp
            .versions
            .districts
            .iter()
            .filter(|(slug, v)| v.last_edit > before.of_district(slug).last_edit)
            .map(|(slug, _)| slug)
            .collect();
        if edited.is_empty() {
            return Vec::new();
        }
        // Only the listings' shelf: searches and data are of the whole
        // directory.
        let mut shelf = self.shelf.lock().expect("page cache");
        if !shelf.move_on(stamp.date) {
            return Vec::new();
        }
        // One pass over the shelf, whatever the number of districts edited.
        // Grouped by the edited set's own slug, not the shelf's: the shelf
        // is borrowed mutably below to register each render.
        let mut asked: HashMap<&String, Vec<(Instant, String)>> = HashMap::new();
        for (key, kept) in &shelf.pages {
            if let Scope::District(district) = &kept.scope
                && let Some(district) = edited.get(district)
                && kept.recipe.is_some()
                && kept.current_at.elapsed() < AHEAD_IF_ASKED_WITHIN
                && kept.version < stamp.of(&kept.scope).last_edit
                && !shelf.rendering.contains_key(key)
            {
                asked
                    .entry(*district)
                    .or_default()
                    .push((kept.current_at, key.clone()));
            }
        }
        let mut ahead = Vec::new();
        for mut pages in asked.into_values() {
            pages.sort_unstable_by_key(|(at, _)| std::cmp::Reverse(*at));
            for (_, key) in pages.into_iter().take(AHEAD_PER_EDIT) {
                let kept = &shelf.pages[&key];
                let (scope, recipe) = (kept.scope.clone(), kept.recipe.clone());
                let mut claim = self.claim(&mut shelf, &key, scope, stamp.clone());
                claim.recipe = recipe;
                ahead.push(Refresh {
                    claim,
                    edited: true,
                });
            }
        }
        ahead
    }

    /// [`PageCache::keep`] without a way to render it again.
    #[cfg(test)]
    fn put(&self, key: &str, scope: &Scope, stamp: &Stamp, page: Arc<Page>) {
        self.keep(key, scope, stamp, page, None);
    }

    /// Keeps `page`, and how to render it again when there is one.
    fn keep(
        &self,
        key: &str,
        scope: &Scope,
        stamp: &Stamp,
        page: Arc<Page>,
        recipe: Option<Recipe>,
    ) {
        let (shelf, capacity) = self.shelf_for(key);
        let mut shelf = shelf.lock().expect("page cache");
        // A render of another day.
        if !shelf.move_on(stamp.date) {
            return;
        }
        let (old_version, old_weight) = shelf
            .pages
            .get(key)
            .map_or((i64::MIN, 0), |k| (k.version, k.weight));
        // Older than what is there already.
        if old_version > stamp.at() {
            return;
        }
        // The page, and what keeping it costs besides: its address, and
        // the headers it would be rendered again with.
        let weight = page.variants.weight() + key.len() + recipe.as_ref().map_or(0, Recipe::weight);
        if shelf.bytes - old_weight + weight > capacity {
            // Full: first let go of what the clock or an edit has left
            // behind. Then keep what is there until those pages fall
            // behind, rather than let a stream of odd addresses push the
            // busy pages out.
            shelf
                .pages
                .retain(|k, kept| k == key || kept.version >= stamp.of(&kept.scope).current);
            shelf.bytes = shelf.pages.values().map(|k| k.weight).sum();
            if shelf.bytes - old_weight + weight > capacity {
                return;
            }
        }
        shelf.bytes = shelf.bytes - old_weight + weight;
        shelf.pages.insert(
            key.to_owned(),
            Kept {
                page,
                scope: scope.clone(),
                version: stamp.at(),
                current_at: Instant::now(),
                behind_edit_since: None,
                weight,
                recipe,
            },
        );
    }
}

/// Whether the page at `path` is the same for everyone with the same
/// language, and what it shows: the front page and the listings, their
/// calendars and feeds, the sitemap. An offering's page is not (a course shows its places left), nor is any
/// page with a link token.
fn listing_scope(path: &str) -> Option<Scope> {
    let mut segments = path.trim_start_matches('/').split('/');
    // What a district's page has beside it: its calendar, its feed, its
    // printed week.
    let beside = |file: &str| {
        file == segment::CALENDAR_FILE
            || file == segment::CHANGES_FILE
            || file == segment::PROGRAMME
            || file == segment::PROGRAMME_PDF
    };
    match (
        segments.next(),
        segments.next(),
        segments.next(),
        segments.next(),
    ) {
        (Some(""), None, ..) => Some(Scope::Directory),
        (Some(s), None, ..) if s == segment::OFFERINGS => Some(Scope::Directory),
        (Some(s), Some(file), None, _)
            if s == segment::OFFERINGS && file == segment::CALENDAR_FILE =>
        {
            Some(Scope::Directory)
        }
        (Some(s), Some(slug), None, _) if s == segment::DISTRICT && !slug.is_empty() => {
            Some(Scope::District(slug.to_owned()))
        }
        // They change when its page does.
        (Some(s), Some(slug), Some(file), None)
            if s == segment::DISTRICT && !slug.is_empty() && beside(file) =>
        {
            Some(Scope::District(slug.to_owned()))
        }
        _ if path == route::SITEMAP || path.starts_with(&format!("/{}/", segment::SITEMAP)) => {
            Some(Scope::Directory)
        }
        // The open data API: the directory as data.
        _ if path.starts_with(crate::open::hsds::BASE) => Some(Scope::Directory),
        _ => None,
    }
}

/// Whether a page's key (`lang|uri`) is a search: it has words in `q`.
fn is_search(key: &str) -> bool {
    key.split_once('?')
        .is_some_and(|(_, query)| has_words(query))
}

/// Whether a page's key (`lang|size|uri`) is for programs: the open data
/// API or a part of the sitemap.
fn is_data(key: &str) -> bool {
    let uri = key.splitn(3, '|').nth(2).unwrap_or_default();
    uri.starts_with(crate::open::hsds::BASE) || uri.starts_with(&format!("/{}/", segment::SITEMAP))
}

/// Whether a query string searches: a `q` with something in it.
fn has_words(query: &str) -> bool {
    query
        .split('&')
        .any(|pair| pair.strip_prefix("q=").is_some_and(|q| !q.is_empty()))
}

/// Whether the client of `request` may have one more search the page
/// cache did not answer.
fn may_search(state: &AppState, request: &Request) -> bool {
    crate::client::within(
        &state.limits.search_per_client,
        request.extensions(),
        request.headers(),
        &state.settings.http.trusted_proxies,
    )
}

fn is_compressible(content_type: &str) -> bool {
    let essence = content_type.split(';').next().unwrap_or_default().trim();
    essence.starts_with("text/")
        || essence == "application/json"
        || essence == "application/javascript"
        // The sitemap, the Atom feed.
        || essence == "application/xml"
        || essence.ends_with("+xml")
}

/// Whether a response may be kept and sent to others: a page, not a
/// refusal, and nothing that belongs to one visitor.
fn is_shared(parts: &Parts) -> bool {
    parts.status == StatusCode::OK && !parts.headers.contains_key(header::SET_COOKIE)
}

/// The middleware.
pub async fn deliver(State(state): State<AppState>, request: Request, next: Next) -> Response {
    let encoding = Encoding::negotiate(request.headers());
    let if_none_match = request
        .headers()
        .get(header::IF_NONE_MATCH)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string);
    let get = request.method() == Method::GET;
    let send = |page: &Page| {
        respond(
            page,
            StatusCode::OK,
            &page.headers,
            encoding,
            if_none_match.as_deref(),
        )
    };
    let mut claim = None;
    let mut keep = None;
    // Staff are sent what is rendered now: they expect their own change.
    let staff = app::backend::staff::sessions::from_headers(request.headers()).is_some();
    let scope =
        listing_scope(request.uri().path()).filter(|_| get && state.pages.capacity > 0 && !staff);
    if let Some(scope) = scope {
        // An error reading the version: the page will say what is wrong,
        // and there is nothing to keep.
        if let Ok(versions) = state.directory.versions().await {
            let lang = request_lang(request.uri(), request.headers());
            let size = if wants_large_text(request.headers()) {
                "large"
            } else {
                "normal"
            };
            let key = format!("{}|{size}|{}", lang.code(), request.uri());
            let stamp = Stamp {
                versions,
                date: app::backend::clock::oslo_now().date(),
            };
            for refresh in state.pages.edited_since_seen(&stamp) {
                render_anew(&state, refresh);
            }
            match state.pages.find(&key, scope.clone(), stamp.clone()) {
                Found::Current(page) => return send(&page),
                Found::Behind(page, refresh) => {
                    if let Some(mut refresh) = refresh {
                        refresh.claim.recipe = Some(Recipe::of(&request, &next));
                        render_anew(&state, refresh);
                    }
                    return send(&page);
                }
                Found::Wait(mut handover) => {
                    // Woken by the page, or by its render giving up.
                    let _ = handover.changed().await;
                    let page = handover.borrow().clone();
                    if let Some(page) = page {
                        return send(&page);
                    }
                    keep = Some((key, scope, stamp, Recipe::of(&request, &next)));
                }
                Found::Render(mut c) => {
                    c.recipe = Some(Recipe::of(&request, &next));
                    claim = Some(c);
                }
            }
        }
    }

    let searching = get
        && listing_scope(request.uri().path()).is_some()
        && request.uri().query().is_some_and(has_words);
    if searching && !may_search(&state, &request) {
        let lang = request_lang(request.uri(), request.headers());
        return crate::render::short_refusal(&state, lang, &AppError::RateLimited);
    }
    let (parts, page) = match finish(state.assets.urls(), next.run(request).await).await {
        Ok(finished) => finished,
        Err(response) => return response,
    };
    let shared = is_shared(&parts).then(|| page.clone());
    if let Some(claim) = claim {
        claim.finish(shared);
    } else if let (Some((key, scope, stamp, recipe)), Some(page)) = (keep, shared) {
        state.pages.keep(&key, &scope, &stamp, page, Some(recipe));
    }
    let validated = get && parts.status == StatusCode::OK;
    respond(
        &page,
        parts.status,
        &parts.headers,
        encoding,
        if validated {
            if_none_match.as_deref()
        } else {
            None
        },
    )
}

/// Renders the page `request` asks for anew in the background, through
/// the rest of the stack, and keeps it. One such render runs at a time, so
/// the other core stays with the visitors. A page an edit left behind
/// waits its turn (first come, first served); one only time has passed
/// gives up if another is under way, and a later request for it tries
/// again.
fn render_anew(state: &AppState, refresh: Refresh) {
    let Refresh { claim, edited } = refresh;
    // Every caller gives the claim its recipe, which it keeps with the
    // page; without one nothing can be rendered, and dropping the claim
    // lets whoever waits render their own.
    let Some(recipe) = claim.recipe.clone() else {
        return;
    };
    let refreshing = state.pages.refreshing.clone();
    let permit = if edited {
        None
    } else {
        match refreshing.clone().try_acquire_owned() {
            Ok(permit) => Some(permit),
            Err(_) => return,
        }
    };
    let state = state.clone();
    tokio::spawn(async move {
        let _permit = match permit {
            Some(permit) => permit,
            None => match refreshing.acquire_owned().await {
                Ok(permit) => permit,
                Err(_) => return,
            },
        };
        let timeout = state.settings.http.request_timeout;
        let mut shared = None;
        let again = recipe.request();
        if let Ok(response) = tokio::time::timeout(timeout, recipe.next.run(again)).await
            && let Ok((parts, page)) = finish(state.assets.urls(), response).await
            && is_shared(&parts)
        {
            shared = Some(page);
        }
        claim.finish(shared.clone());
        if let Some(page) = shared {
            // Compressed here, not on a visitor's request; counted as a
            // foreground page is.
            page.variants.warm();
        }
    });
}

/// How to render a page again without its visitor: a GET (which has no
/// body) of its address, with what the page depends on, and the rest of
/// the stack to run it through. Its extensions too: the router has
/// matched the route already and put the path's parameters there, and a
/// handler that takes the district from the path (its feeds, its PDF)
/// fails without them. Before they were copied, those pages were never
/// rendered anew in the background: each edit made someone wait for a
/// render once the grace was over.
///
/// Nothing of the visitor's own: kept with the page for as long as it is
/// kept, it holds neither their address (the connection's peer, the
/// proxies' forwarding headers) nor cookies other than the language and
/// the text size the page is rendered in, nor their validator.
#[derive(Clone, Debug)]
struct Recipe {
    uri: Uri,
    headers: HeaderMap,
    extensions: Extensions,
    next: Next,
}

impl Recipe {
    fn of(request: &Request, next: &Next) -> Recipe {
        let mut headers = request.headers().clone();
        for theirs in [
            header::IF_NONE_MATCH,
            header::COOKIE,
            header::FORWARDED,
            header::HeaderName::from_static("x-forwarded-for"),
            header::HeaderName::from_static("x-real-ip"),
        ] {
            headers.remove(theirs);
        }
        let preferences: Vec<String> = request
            .headers()
            .get_all(header::COOKIE)
            .iter()
            .filter_map(|v| v.to_str().ok())
            .flat_map(|v| v.split(';'))
            .map(str::trim)
            .filter(|pair| {
                pair.split_once('=').is_some_and(|(name, _)| {
                    name == app::i18n::LANG_COOKIE || name == app::i18n::TEXT_SIZE_COOKIE
                })
            })
            .map(str::to_owned)
            .collect();
        if let Ok(cookie) = HeaderValue::from_str(&preferences.join("; "))
            && !preferences.is_empty()
        {
            headers.insert(header::COOKIE, cookie);
        }
        let mut extensions = request.extensions().clone();
        extensions.remove::<axum::extract::ConnectInfo<std::net::SocketAddr>>();
        Recipe {
            uri: request.uri().clone(),
            headers,
            extensions,
            next: next.clone(),
        }
    }

    /// Roughly what it holds, in bytes: the address and the headers (its
    /// extensions are a few small values the server put there).
    fn weight(&self) -> usize {
        let address = self.uri.path_and_query().map_or(0, |p| p.as_str().len());
        let headers: usize = self
            .headers
            .iter()
            .map(|(name, value)| name.as_str().len() + value.len())
            .sum();
        std::mem::size_of::<Recipe>() + address + headers
    }

    fn request(&self) -> Request {
        let mut again = Request::new(Body::empty());
        *again.uri_mut() = self.uri.clone();
        *again.headers_mut() = self.headers.clone();
        *again.extensions_mut() = self.extensions.clone();
        again
    }
}

/// A handler's response as a finished page with its parts; or the
/// response as it came, when it is not a page to finish (not text, or a
/// static file that carries its own validator).
async fn finish(assets: &AssetUrls, response: Response) -> Result<(Parts, Arc<Page>), Response> {
    let Some(content_type) = response.headers().get(header::CONTENT_TYPE).cloned() else {
        return Err(response);
    };
    let effort = match content_type.to_str() {
        Ok(t) if is_compressible(t) => Effort::Page,
        // The weekly programme's PDF: kept and tagged like its page.
        Ok("application/pdf") => Effort::Stored,
        _ => return Err(response),
    };
    // Already finished by its handler: a static file carries its own
    // validator, compressed or (under 512 bytes) deliberately not.
    if response.headers().contains_key(header::CONTENT_ENCODING)
        || response.headers().contains_key(header::ETAG)
    {
        return Err(response);
    }
    let (parts, body) = response.into_parts();
    let Ok(bytes) = axum::body::to_bytes(body, BODY_LIMIT).await else {
        tracing::error!("a response too large to finish");
        return Err(StatusCode::INTERNAL_SERVER_ERROR.into_response());
    };
    let is_html = content_type
        .to_str()
        .is_ok_and(|v| v.starts_with("text/html"));
    let bytes = if is_html {
        Bytes::from(finish_page(&String::from_utf8_lossy(&bytes), assets))
    } else {
        bytes
    };
    let mut shared = parts.headers.clone();
    for private in [header::SET_COOKIE, header::CONTENT_LENGTH] {
        shared.remove(private);
    }
    let page = Arc::new(Page {
        content_type,
        headers: shared,
        variants: Variants::new(bytes, effort),
    });
    Ok((parts, page))
}

/// `page` as the answer, with the handler's `headers`.
fn respond(
    page: &Page,
    status: StatusCode,
    headers: &HeaderMap,
    encoding: Encoding,
    if_none_match: Option<&str>,
) -> Response {
    let v = &page.variants;
    let mut response = if status == StatusCode::OK && v.matches(if_none_match) {
        StatusCode::NOT_MODIFIED.into_response()
    } else {
        let (body, used) = v.body(encoding);
        let mut r = Response::new(Body::from(body));
        *r.status_mut() = status;
        if let Some(e) = used.header() {
            r.headers_mut()
                .insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
        }
        r
    };
    let h = response.headers_mut();
    for (name, value) in headers {
        if name != header::CONTENT_LENGTH {
            h.append(name, value.clone());
        }
    }
    h.insert(header::CONTENT_TYPE, page.content_type.clone());
    // The language comes from the `lang` cookie or Accept-Language, a
    // staff session from a cookie: a shared cache in front must keep each
    // apart, or it would serve one reader's language to another.
    h.insert(
        header::VARY,
        HeaderValue::from_static("accept-encoding, accept-language, cookie"),
    );
    if status == StatusCode::OK {
        h.insert(
            header::ETAG,
            HeaderValue::from_str(v.etag()).expect("hex is a header value"),
        );
        // Stored, but checked with the server before each use.
        h.entry(header::CACHE_CONTROL)
            .or_insert(HeaderValue::from_static("no-cache"));
    }
    response
}

/// A page as it leaves: without the inline scripts Leptos appends to every
/// server render, and, when it has no islands, without the islands'
/// loader, so that it loads no script at all.
///
/// The inline scripts hand resources and errors over to hydration, and
/// Treffpunkt's pages hand nothing over (every page renders on the
/// server; islands get their data as props), so they are always the same
/// empty declarations. The loader declares them instead, and the policy
/// can forbid inline script altogether. A script that does carry data is
/// left in place and logged: the policy would block it, which is a bug to
/// fix, not to hide.
fn finish_page(html: &str, assets: &AssetUrls) -> String {
    let page = strip_empty_hydration_data(html);
    if page.contains("<leptos-island") {
        return page;
    }
    let loader = format!(
        r#"<script type="module" src="{}"></script>"#,
        assets.islands
    );
    page.replacen(&loader, "", 1)
}

/// What Leptos writes when there is no data to hand over.
const EMPTY_DATA: [&str; 2] = [
    "__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];",
    "__INCOMPLETE_CHUNKS=[];",
];

fn strip_empty_hydration_data(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<script nonce=\"") {
        out.push_str(&rest[..start]);
        let script = &rest[start..];
        let Some(open_end) = script.find('>') else {
            rest = script;
            break;
        };
        let Some(close) = script.find("</script>") else {
            rest = script;
            break;
        };
        let content = &script[open_end + 1..close];
        let end = close + "</script>".len();
        let open_tag = &script[..open_end];
        if open_tag.contains(" src=") || open_tag.contains(r#" type="application/ld+json""#) {
            // A file the policy allows as the site's own, or data no
            // browser runs (an offering's JSON-LD): the nonce Leptos adds
            // would only make every copy of the page differ, and its
            // validator with it.
            let nonce_end = "<script nonce=\"".len()
                + open_tag["<script nonce=\"".len()..]
                    .find('"')
                    .unwrap_or_default();
            out.push_str("<script");
            out.push_str(&script[nonce_end + 1..end]);
            rest = &script[end..];
            continue;
        }
        if !EMPTY_DATA.contains(&content) {
            // Its length only: what it carries could be anything.
            tracing::error!(bytes = content.len(), "an inline script the policy blocks");
            out.push_str(&script[..end]);
        }
        rest = &script[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn urls() -> AssetUrls {
        AssetUrls {
            css: "/pkg/t.1.css".into(),
            script: "/pkg/t.2.js".into(),
            islands: "/pkg/islands.3.js".into(),
            print: "/pkg/print.4.js".into(),
            read_aloud: "/pkg/read-aloud.5.js".into(),
        }
    }

    #[test]
    fn only_empty_hydration_data_is_removed() {
        let page = concat!(
            "<main>x</main>",
            r#"<script nonce="abc">__RESOLVED_RESOURCES=[];__SERIALIZED_ERRORS=[];__PENDING_RESOURCES=[];__RESOURCE_RESOLVERS=[];</script>"#,
            r#"<script nonce="abc">__INCOMPLETE_CHUNKS=[];</script>"#,
            r#"<script type="module" src="/pkg/islands.js"></script>"#,
            "</body>"
        );
        assert_eq!(
            strip_empty_hydration_data(page),
            r#"<main>x</main><script type="module" src="/pkg/islands.js"></script></body>"#
        );
        let with_data = r#"<script nonce="a">__RESOLVED_RESOURCES=["1"];</script>"#;
        assert_eq!(strip_empty_hydration_data(with_data), with_data);
        let file =
            r#"<head><script nonce="xyz" src="/pkg/print.1.js" type="module"></script></head>"#;
        assert_eq!(
            strip_empty_hydration_data(file),
            r#"<head><script src="/pkg/print.1.js" type="module"></script></head>"#
        );
        let data = r#"<script nonce="q" type="application/ld+json">{"@type":"Event"}</script>"#;
        assert_eq!(
            strip_empty_hydration_data(data),
            r#"<script type="application/ld+json">{"@type":"Event"}</script>"#
        );
    }

    #[test]
    fn a_page_without_islands_loads_no_script() {
        let head = r#"<head><script type="module" src="/pkg/islands.3.js"></script></head>"#;
        let plain = format!("{head}<main>x</main>");
        assert_eq!(finish_page(&plain, &urls()), "<head></head><main>x</main>");
        let with_island = format!(r#"{head}<leptos-island data-component="X"></leptos-island>"#);
        assert_eq!(finish_page(&with_island, &urls()), with_island);
    }

    fn page(body: &str) -> Arc<Page> {
        Arc::new(Page {
            content_type: HeaderValue::from_static("text/html; charset=utf-8"),
            headers: HeaderMap::new(),
            variants: Variants::new(Bytes::from(body.to_owned()), Effort::Page),
        })
    }

    fn stamp(current: i64, last_edit: i64, day: u32) -> Stamp {
        Stamp {
            versions: Arc::new(Versions {
                directory: Version { current, last_edit },
                districts: HashMap::new(),
            }),
            date: NaiveDate::from_ymd_opt(2026, 11, day).unwrap(),
        }
    }

    fn body(page: &Page) -> Bytes {
        page.variants.body(Encoding::Identity).0
    }

    /// Two ask for `key` at once: the first renders, the second waits.
    fn render_and_wait(cache: &PageCache, key: &str, now: Stamp) -> (Claim, Handover) {
        let Found::Render(claim) = cache.find(key, Scope::Directory, now.clone()) else {
            panic!("the first asker renders");
        };
        let Found::Wait(handover) = cache.find(key, Scope::Directory, now.clone()) else {
            panic!("the second waits");
        };
        (claim, handover)
    }

    #[tokio::test]
    async fn a_page_nobody_has_is_rendered_once_for_everyone_who_asks() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::ZERO);
        let now = stamp(5, 5, 27);
        let (claim, mut handover) = render_and_wait(&cache, "nb|/", now.clone());
        let Found::Render(other) = cache.find("nb|/bydel/sentrum", Scope::Directory, now.clone())
        else {
            panic!("another page is another render");
        };
        drop(other);
        claim.finish(Some(page("front")));
        handover.changed().await.unwrap();
        let handed = handover.borrow().clone().expect("the first render");
        assert_eq!(body(&handed), "front");
        let Found::Current(kept) = cache.find("nb|/", Scope::Directory, now.clone()) else {
            panic!("kept for the next");
        };
        assert_eq!(body(&kept), "front");
    }

    #[tokio::test]
    async fn a_render_that_gives_up_lets_the_waiters_render_their_own() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::ZERO);
        let now = stamp(5, 5, 27);
        let (claim, mut handover) = render_and_wait(&cache, "nb|/", now.clone());
        // A refusal, which is not shared; then a visitor who left.
        claim.finish(None);
        assert!(handover.changed().await.is_ok(), "told, not just let go");
        assert!(handover.borrow().is_none());
        // Nothing kept: the next asker renders.
        let (claim, mut handover) = render_and_wait(&cache, "nb|/", now.clone());
        drop(claim);
        assert!(handover.changed().await.is_err());
        assert!(handover.borrow().is_none());
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, now.clone()),
            Found::Render(_)
        ));
    }

    #[test]
    fn nobody_waits_for_a_render_that_started_before_an_edit_they_know_of() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::ZERO);
        let (_claim, _) = render_and_wait(&cache, "nb|/", stamp(5, 3, 27));
        // Only time has passed since that render started: wait for it.
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(6, 3, 27)),
            Found::Wait(_)
        ));
        // An edit has: render anew, and the next asker waits for this one.
        let Found::Render(after_edit) = cache.find("nb|/", Scope::Directory, stamp(7, 7, 27))
        else {
            panic!("a render from before the edit is not handed over");
        };
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(7, 7, 27)),
            Found::Wait(_)
        ));
        after_edit.finish(Some(page("v7")));
        let Found::Current(kept) = cache.find("nb|/", Scope::Directory, stamp(7, 7, 27)) else {
            panic!("kept");
        };
        assert_eq!(body(&kept), "v7");
    }

    #[test]
    fn time_passing_keeps_a_page_while_an_edit_or_a_new_day_drops_it() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::ZERO);
        cache.put("nb|/", &Scope::Directory, &stamp(5, 3, 27), page("v5"));
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(5, 3, 27)),
            Found::Current(_)
        ));
        // Meetings ended since: sent while it is rendered anew.
        let Found::Behind(behind, _) = cache.find("nb|/", Scope::Directory, stamp(7, 3, 27)) else {
            panic!("time passing keeps the page");
        };
        assert_eq!(body(&behind), "v5");
        // A render that started before a newer one was kept is not kept.
        cache.put("nb|/", &Scope::Directory, &stamp(8, 3, 27), page("v8"));
        cache.put("nb|/", &Scope::Directory, &stamp(7, 3, 27), page("v7"));
        let Found::Current(kept) = cache.find("nb|/", Scope::Directory, stamp(8, 3, 27)) else {
            panic!("the newest render");
        };
        assert_eq!(body(&kept), "v8");
        // An edit, or midnight: nobody is sent the old page.
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(9, 9, 27)),
            Found::Render(_)
        ));
        cache.put(
            "nb|/bydel/sentrum",
            &Scope::Directory,
            &stamp(9, 9, 27),
            page("v9"),
        );
        assert!(matches!(
            cache.find("nb|/bydel/sentrum", Scope::Directory, stamp(9, 9, 28)),
            Found::Render(_)
        ));
    }

    /// The directory at `current`/`last_edit`, with Sentrum last changed
    /// and edited at `sentrum`.
    fn with_district(current: i64, last_edit: i64, sentrum: (i64, i64)) -> Stamp {
        let mut stamp = stamp(current, last_edit, 27);
        let versions = Arc::make_mut(&mut stamp.versions);
        versions.districts.insert(
            "sentrum".into(),
            Version {
                current: sentrum.0,
                last_edit: sentrum.1,
            },
        );
        stamp
    }

    #[test]
    fn a_page_an_edit_left_behind_is_sent_for_the_grace_only() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::from_millis(50));
        cache.put("nb|/", &Scope::Directory, &stamp(5, 5, 27), page("v5"));
        let Found::Behind(old, _) = cache.find("nb|/", Scope::Directory, stamp(6, 6, 27)) else {
            panic!("sent while rendered anew");
        };
        assert_eq!(body(&old), "v5");
        std::thread::sleep(Duration::from_millis(60));
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(7, 7, 27)),
            Found::Render(_)
        ));
    }

    #[test]
    fn what_programs_read_is_sent_behind_for_twice_the_grace() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::from_millis(100));
        let api = "nb|normal|/data/v1/services?page=1";
        let listing = "nb|normal|/tilbud";
        for key in [api, listing] {
            cache.put(key, &Scope::Directory, &stamp(5, 5, 27), page("v5"));
            assert!(matches!(
                cache.find(key, Scope::Directory, stamp(6, 6, 27)),
                Found::Behind(..)
            ));
        }
        std::thread::sleep(Duration::from_millis(130));
        assert!(matches!(
            cache.find(api, Scope::Directory, stamp(6, 6, 27)),
            Found::Behind(..)
        ));
        assert!(matches!(
            cache.find(listing, Scope::Directory, stamp(6, 6, 27)),
            Found::Render(_)
        ));
        std::thread::sleep(Duration::from_millis(100));
        assert!(matches!(
            cache.find(api, Scope::Directory, stamp(6, 6, 27)),
            Found::Render(_)
        ));
    }

    /// The rest of a stack, as a middleware is given it.
    async fn a_next() -> Next {
        let slot: Arc<Mutex<Option<Next>>> = Arc::default();
        let kept = slot.clone();
        let app = axum::Router::new()
            .route("/", axum::routing::get(|| async { "" }))
            .layer(axum::middleware::from_fn(
                move |request: Request, next: Next| {
                    let kept = kept.clone();
                    async move {
                        *kept.lock().unwrap() = Some(next.clone());
                        next.run(request).await
                    }
                },
            ));
        let request = Request::get("/").body(Body::empty()).unwrap();
        tower::ServiceExt::oneshot(app, request).await.unwrap();
        slot.lock().unwrap().take().unwrap()
    }

    #[tokio::test]
    async fn an_edit_renders_ahead_what_was_lately_asked_for_in_its_district_only() {
        let next = a_next().await;
        let cache = PageCache::new(1 << 20);
        let district = |slug: &str| Scope::District(slug.into());
        let at = |current: i64, sentrum: i64| Stamp {
            versions: Arc::new(Versions {
                directory: Version {
                    current,
                    last_edit: current,
                },
                districts: HashMap::from([
                    (
                        "sentrum".to_owned(),
                        Version {
                            current: sentrum,
                            last_edit: sentrum,
                        },
                    ),
                    (
                        "nord".to_owned(),
                        Version {
                            current: 5,
                            last_edit: 5,
                        },
                    ),
                ]),
            }),
            date: NaiveDate::from_ymd_opt(2026, 11, 27).unwrap(),
        };
        let mut asked = Request::get("/bydel/sentrum?x=1")
            .header(header::COOKIE, "lang=nn; text=large; session=theirs")
            .header(header::IF_NONE_MATCH, "\"abc\"")
            .header("x-forwarded-for", "203.0.113.9")
            .body(Body::empty())
            .unwrap();
        asked
            .extensions_mut()
            .insert(axum::extract::ConnectInfo(std::net::SocketAddr::from((
                [203, 0, 113, 9],
                4000,
            ))));
        let recipe = Recipe::of(&asked, &next);
        let before = at(5, 5);
        assert!(
            cache.edited_since_seen(&before).is_empty(),
            "the first seen"
        );
        for key in [
            "nn|large|/bydel/sentrum",
            "nn|normal|/bydel/sentrum/ukeprogram",
        ] {
            cache.keep(
                key,
                &district("sentrum"),
                &before,
                page("v5"),
                Some(recipe.clone()),
            );
        }
        // Kept, but nobody can ask for it again: no recipe.
        cache.put(
            "nb|normal|/bydel/sentrum/nytt.atom",
            &district("sentrum"),
            &before,
            page("v5"),
        );
        cache.keep(
            "nb|normal|/bydel/nord",
            &district("nord"),
            &before,
            page("v5"),
            Some(recipe.clone()),
        );
        cache.keep(
            "nb|normal|/",
            &Scope::Directory,
            &before,
            page("v5"),
            Some(recipe.clone()),
        );

        let edited = at(6, 6);
        let mut ahead: Vec<String> = cache
            .edited_since_seen(&edited)
            .into_iter()
            .map(|refresh| refresh.claim.key.clone())
            .collect();
        ahead.sort();
        assert_eq!(
            ahead,
            [
                "nn|large|/bydel/sentrum",
                "nn|normal|/bydel/sentrum/ukeprogram"
            ],
            "the edited district's pages, not another district's nor the whole directory's"
        );
        assert!(cache.edited_since_seen(&edited).is_empty(), "once an edit");
        assert!(
            cache.edited_since_seen(&before).is_empty(),
            "an older read is no edit"
        );

        // What it renders from: the page's own address, language and text
        // size; nothing that is the visitor's alone.
        let again = recipe.request();
        assert_eq!(again.uri(), "/bydel/sentrum?x=1");
        assert_eq!(again.headers()[header::COOKIE], "lang=nn; text=large");
        for theirs in [header::IF_NONE_MATCH.as_str(), "x-forwarded-for"] {
            assert!(!again.headers().contains_key(theirs), "{theirs}");
        }
        assert!(
            again
                .extensions()
                .get::<axum::extract::ConnectInfo<std::net::SocketAddr>>()
                .is_none()
        );
    }

    #[tokio::test]
    async fn a_page_left_behind_is_rendered_anew_once_and_waited_for_after_the_grace() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::from_millis(50));
        cache.put("nb|/", &Scope::Directory, &stamp(5, 5, 27), page("v5"));
        let Found::Behind(old, Some(refresh)) =
            cache.find("nb|/", Scope::Directory, stamp(6, 6, 27))
        else {
            panic!("sent, and rendered anew");
        };
        assert_eq!(body(&old), "v5");
        assert!(refresh.edited, "an edit left it behind");
        // The next asker is sent the old page too, and starts no second render.
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(6, 6, 27)),
            Found::Behind(_, None)
        ));
        // Past the grace, nobody is sent the old page: they wait for the
        // render under way rather than start their own.
        std::thread::sleep(Duration::from_millis(60));
        let Found::Wait(mut handover) = cache.find("nb|/", Scope::Directory, stamp(6, 6, 27))
        else {
            panic!("waits for the render under way");
        };
        refresh.claim.finish(Some(page("v6")));
        handover.changed().await.unwrap();
        assert_eq!(body(&handover.borrow().clone().unwrap()), "v6");
        let Found::Current(kept) = cache.find("nb|/", Scope::Directory, stamp(6, 6, 27)) else {
            panic!("kept");
        };
        assert_eq!(body(&kept), "v6");
        // Only time passed since: not urgent, and a render that gives up
        // (another was under way) lets the next asker try again.
        let Found::Behind(_, Some(refresh)) = cache.find("nb|/", Scope::Directory, stamp(7, 6, 27))
        else {
            panic!("sent, and rendered anew");
        };
        assert!(!refresh.edited);
        drop(refresh);
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, stamp(7, 6, 27)),
            Found::Behind(_, Some(_))
        ));
    }

    #[test]
    fn an_edit_elsewhere_leaves_a_district_page_current() {
        let cache = PageCache::new(1 << 20).with_edit_grace(Duration::ZERO);
        let sentrum = || Scope::District("sentrum".into());
        cache.put(
            "nb|/bydel/sentrum",
            &sentrum(),
            &with_district(5, 5, (4, 4)),
            page("v5"),
        );
        cache.put(
            "nb|/",
            &Scope::Directory,
            &with_district(5, 5, (4, 4)),
            page("v5"),
        );
        // Another district was edited at 6: Sentrum's page is as it was,
        // the front page (every district's counts) is not.
        let after = with_district(6, 6, (4, 4));
        assert!(matches!(
            cache.find("nb|/bydel/sentrum", sentrum(), after.clone()),
            Found::Current(_)
        ));
        assert!(matches!(
            cache.find("nb|/", Scope::Directory, after),
            Found::Render(_)
        ));
        // A meeting in Sentrum ended at 7: sent while rendered anew.
        assert!(matches!(
            cache.find("nb|/bydel/sentrum", sentrum(), with_district(7, 6, (7, 4))),
            Found::Behind(..)
        ));
        // Sentrum was edited at 8: its page is rendered before it is sent.
        assert!(matches!(
            cache.find("nb|/bydel/sentrum", sentrum(), with_district(8, 8, (8, 8))),
            Found::Render(_)
        ));
    }

    #[tokio::test]
    async fn a_kept_page_counts_its_address_and_how_to_render_it_again() {
        let next = a_next().await;
        let cache = PageCache::new(1 << 20);
        let asked = Request::get("/bydel/sentrum")
            .header(header::ACCEPT_LANGUAGE, "nn")
            .body(Body::empty())
            .unwrap();
        let recipe = Recipe::of(&asked, &next);
        let recipe_weight = recipe.weight();
        assert!(recipe_weight > "/bydel/sentrum".len() + "accept-language".len());
        let key = "nn|normal|/bydel/sentrum";
        let kept = page("x");
        let page_weight = kept.variants.weight();
        cache.keep(
            key,
            &Scope::District("sentrum".into()),
            &stamp(5, 5, 27),
            kept,
            Some(recipe),
        );
        assert_eq!(
            cache.shelf.lock().unwrap().bytes,
            page_weight + key.len() + recipe_weight
        );
    }

    #[test]
    fn a_full_shelf_lets_go_of_pages_left_behind_first() {
        let big = "x".repeat(400);
        // Room for two such pages (each with a quarter more for its
        // compressed forms) on the listings' three quarters.
        let cache = PageCache::new(1400).with_edit_grace(Duration::ZERO);
        cache.put("nb|/a", &Scope::Directory, &stamp(5, 5, 27), page(&big));
        cache.put("nb|/b", &Scope::Directory, &stamp(5, 5, 27), page(&big));
        cache.put("nb|/c", &Scope::Directory, &stamp(5, 5, 27), page(&big));
        assert!(matches!(
            cache.find("nb|/c", Scope::Directory, stamp(5, 5, 27)),
            Found::Render(_)
        ));
        // Time passed: /a is still sent until it is rendered anew, but it
        // gives way to a page of the new version.
        cache.put("nb|/b", &Scope::Directory, &stamp(6, 5, 27), page(&big));
        cache.put("nb|/c", &Scope::Directory, &stamp(6, 5, 27), page(&big));
        assert!(matches!(
            cache.find("nb|/c", Scope::Directory, stamp(6, 5, 27)),
            Found::Current(_)
        ));
        assert!(matches!(
            cache.find("nb|/a", Scope::Directory, stamp(6, 5, 27)),
            Found::Render(_)
        ));
    }

    #[test]
    fn a_stream_of_new_searches_leaves_the_listings_their_room() {
        let big = "x".repeat(400);
        // Room for two searches; the listings get twelve times that.
        let cache = PageCache::new(1100 * 16).with_edit_grace(Duration::ZERO);
        let now = stamp(5, 5, 27);
        for n in 0..100 {
            let key = format!("nb|/tilbud?q=ord{n}");
            cache.put(&key, &Scope::Directory, &now, page(&big));
        }
        cache.put("nb|/bydel/sentrum", &Scope::Directory, &now, page(&big));
        assert!(matches!(
            cache.find("nb|/bydel/sentrum", Scope::Directory, now.clone()),
            Found::Current(_)
        ));
        // The newest searches that fit are kept, on their own shelf.
        assert!(matches!(
            cache.find("nb|/tilbud?q=ord0", Scope::Directory, now.clone()),
            Found::Current(_)
        ));
        assert!(is_search("nb|/tilbud?kind=course&q=trim"));
        assert!(is_data("nb|normal|/data/v1/services?page=3"));
        assert!(is_data("en|large|/sitemap/tilbud-2.xml"));
        assert!(!is_data("nb|normal|/bydel/sentrum"));
        assert!(!is_search("nb|/tilbud?q="));
        assert!(!is_search("nb|/tilbud?kind=course"));
    }

    #[test]
    fn listing_pages_are_the_shared_ones() {
        for path in [
            "/",
            "/tilbud",
            "/bydel/sentrum",
            "/tilbud/kalender.ics",
            "/bydel/sentrum/kalender.ics",
            "/bydel/sentrum/nytt.atom",
            "/bydel/sentrum/ukeprogram",
            "/bydel/sentrum/ukeprogram.pdf",
            "/sitemap.xml",
            "/sitemap/tilbud-3.xml",
            "/data/v1/services",
        ] {
            assert!(listing_scope(path).is_some(), "{path}");
        }
        assert_eq!(
            listing_scope("/bydel/sentrum/nytt.atom"),
            Some(Scope::District("sentrum".into()))
        );
        for path in [
            "/tilbud/sterk-og-stodig",
            "/tilbud/sterk-og-stodig/kalender.ics",
            "/bydel/sentrum/annet",
            "/bydel/",
            "/pamelding/bekreft",
            "/tilbud/x/pamelding",
            "/personvern",
        ] {
            assert!(listing_scope(path).is_none(), "{path}");
        }
    }
}
