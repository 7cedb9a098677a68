//! The site's own files (style sheet, the islands' loader, script and
//! wasm), read once at start-up and served from memory under names that
//! carry a digest of their content, so that browsers keep them for a year
//! and still never run yesterday's script against today's page.
//!
//! The server learns the names from the files it finds in the site's
//! `pkg` folder, whatever built them: nothing depends on the environment a
//! binary was compiled in.

use std::collections::HashMap;
use std::path::Path;
use std::sync::Arc;

use axum::body::{Body, Bytes};
use axum::extract::{Path as UrlPath, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};

use app::{AssetUrls, ISLANDS_SCRIPT, OUTPUT_NAME, PRINT_SCRIPT, READ_ALOUD_SCRIPT};

use crate::AppState;
use crate::compress::{Effort, Encoding, Variants};

/// A year: the longest browsers honour, for files whose name changes with
/// their content.
const IMMUTABLE: &str = "public, max-age=31536000, immutable";
/// For a file asked for by its plain name: check each time.
const REVALIDATE: &str = "no-cache";

#[derive(Debug)]
struct Asset {
    content_type: &'static str,
    variants: Variants,
}

/// The files, by their digested and by their plain names.
#[derive(Clone, Debug, Default)]
pub struct Assets {
    files: Arc<HashMap<String, (Arc<Asset>, bool)>>,
    urls: AssetUrls,
}

fn content_type(name: &str) -> &'static str {
    match name.rsplit('.').next() {
        Some("css") => "text/css; charset=utf-8",
        Some("js") => "text/javascript; charset=utf-8",
        Some("wasm") => "application/wasm",
        Some("svg") => "image/svg+xml",
        Some("ico") => "image/x-icon",
        _ => "application/octet-stream",
    }
}

/// `treffpunkt.js` with digest `abc` is `treffpunkt.abc.js`.
fn digested(name: &str, digest: &str) -> String {
    match name.rsplit_once('.') {
        Some((stem, ext)) => format!("{stem}.{digest}.{ext}"),
        None => format!("{name}.{digest}"),
    }
}

impl Assets {
    /// Reads `<site_root>/pkg`. A missing bundle is logged, not fatal: the
    /// pages work without their islands.
    pub fn load(site_root: &Path) -> Assets {
        let dir = site_root.join(app::paths::PKG);
        let mut read: HashMap<String, Vec<u8>> = HashMap::new();
        match std::fs::read_dir(&dir) {
            Ok(entries) => {
                for entry in entries.flatten() {
                    let name = entry.file_name().to_string_lossy().into_owned();
                    if entry.file_type().is_ok_and(|t| t.is_file())
                        && let Ok(bytes) = std::fs::read(entry.path())
                    {
                        read.insert(name, bytes);
                    }
                }
            }
            Err(e) => {
                tracing::warn!(dir = %dir.display(), error = %e, "no site files: pages will have no style and no islands")
            }
        }
        for needed in [
            format!("{OUTPUT_NAME}.css"),
            format!("{OUTPUT_NAME}.js"),
            format!("{OUTPUT_NAME}.wasm"),
            ISLANDS_SCRIPT.to_string(),
            PRINT_SCRIPT.to_string(),
            READ_ALOUD_SCRIPT.to_string(),
        ] {
            if !read.contains_key(&needed) {
                tracing::warn!(file = %needed, dir = %dir.display(), "a site file is missing: scripts/build.sh builds them");
            }
        }
        Self::from_files(read)
    }

    fn from_files(mut read: HashMap<String, Vec<u8>>) -> Assets {
        let mut names: HashMap<String, String> = HashMap::new();
        let mut files = HashMap::new();
        let mut add = |name: &str, bytes: Vec<u8>, names: &mut HashMap<String, String>| {
            let variants = Variants::new(Bytes::from(bytes), Effort::File);
            let hashed = digested(name, &variants.etag()[1..13]);
            let asset = Arc::new(Asset {
                content_type: content_type(name),
                variants,
            });
            files.insert(hashed.clone(), (asset.clone(), true));
            files.insert(name.to_string(), (asset, false));
            names.insert(name.to_string(), hashed);
        };
        // The loader names the other files: it is written last, with their
        // digested names, so its own digest changes with theirs.
        let loader = read.remove(ISLANDS_SCRIPT);
        for (name, bytes) in read {
            add(&name, bytes, &mut names);
        }
        if let Some(bytes) = loader {
            let mut text = String::from_utf8_lossy(&bytes).into_owned();
            for (plain, hashed) in &names {
                text = text
                    .replace(&format!("'./{plain}'"), &format!("'./{hashed}'"))
                    .replace(&format!("'{plain}'"), &format!("'{hashed}'"));
            }
            add(ISLANDS_SCRIPT, text.into_bytes(), &mut names);
        }
        let url = |plain: String| app::paths::asset(names.get(&plain).unwrap_or(&plain));
        Assets {
            files: Arc::new(files),
            urls: AssetUrls {
                css: url(format!("{OUTPUT_NAME}.css")),
                script: url(format!("{OUTPUT_NAME}.js")),
                islands: url(ISLANDS_SCRIPT.to_string()),
                print: url(PRINT_SCRIPT.to_string()),
                read_aloud: url(READ_ALOUD_SCRIPT.to_string()),
            },
        }
    }

    /// Where pages link the files.
    pub fn urls(&self) -> &AssetUrls {
        &self.urls
    }

    /// Compresses every file now, so that the first visitor does not wait
    /// for it.
    pub fn warm(&self) {
        for (asset, _) in self.files.values() {
            asset.variants.warm();
        }
    }

    /// The answer for `/pkg/<name>`, if there is such a file.
    fn respond(&self, name: &str, headers: &HeaderMap) -> Option<Response> {
        let (asset, immutable) = self.files.get(name)?;
        let v = &asset.variants;
        let mut response = if v.matches(
            headers
                .get(header::IF_NONE_MATCH)
                .and_then(|h| h.to_str().ok()),
        ) {
            StatusCode::NOT_MODIFIED.into_response()
        } else {
            let (body, encoding) = v.body(Encoding::negotiate(headers));
            let mut r = Response::new(Body::from(body));
            if let Some(e) = encoding.header() {
                r.headers_mut()
                    .insert(header::CONTENT_ENCODING, HeaderValue::from_static(e));
            }
            r
        };
        let h = response.headers_mut();
        h.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static(asset.content_type),
        );
        h.insert(header::VARY, HeaderValue::from_static("accept-encoding"));
        h.insert(
            header::ETAG,
            HeaderValue::from_str(v.etag()).expect("hex is a header value"),
        );
        h.insert(
            header::CACHE_CONTROL,
            HeaderValue::from_static(if *immutable { IMMUTABLE } else { REVALIDATE }),
        );
        Some(response)
    }
}

/// `/pkg/<file>`.
pub async fn serve(
    State(state): State<AppState>,
    UrlPath(name): UrlPath<String>,
    headers: HeaderMap,
) -> Response {
    state
        .assets
        .respond(&name, &headers)
        .unwrap_or_else(|| StatusCode::NOT_FOUND.into_response())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn site() -> Assets {
        Assets::from_files(HashMap::from([
            ("treffpunkt.css".into(), b"body{}".to_vec()),
            ("treffpunkt.js".into(), b"export default 1".to_vec()),
            ("treffpunkt.wasm".into(), b"\0asm".to_vec()),
            (
                "islands.js".into(),
                b"await import('./treffpunkt.js'); new URL('treffpunkt.wasm', import.meta.url)"
                    .to_vec(),
            ),
        ]))
    }

    #[test]
    fn names_carry_digests_and_the_loader_names_the_digested_files() {
        let assets = site();
        let urls = assets.urls();
        assert!(urls.css.starts_with("/pkg/treffpunkt.") && urls.css.ends_with(".css"));
        assert_ne!(urls.css, "/pkg/treffpunkt.css");
        let loader = urls.islands.trim_start_matches("/pkg/");
        let (asset, immutable) = &assets.files[loader];
        assert!(immutable);
        let (body, _) = asset.variants.body(Encoding::Identity);
        let text = String::from_utf8_lossy(&body);
        let script = urls.script.trim_start_matches("/pkg/");
        assert!(text.contains(&format!("'./{script}'")), "{text}");
        assert!(!text.contains("'treffpunkt.wasm'"), "{text}");
        // The plain names still answer, for a page cached before a deploy.
        assert!(!assets.files["islands.js"].1);
    }

    #[test]
    fn files_revalidate_by_their_tag() {
        let assets = site();
        let name = assets.urls().css.trim_start_matches("/pkg/").to_string();
        let first = assets.respond(&name, &HeaderMap::new()).unwrap();
        assert_eq!(first.status(), StatusCode::OK);
        assert_eq!(first.headers()[header::CACHE_CONTROL], IMMUTABLE);
        let mut again = HeaderMap::new();
        again.insert(header::IF_NONE_MATCH, first.headers()[header::ETAG].clone());
        let second = assets.respond(&name, &again).unwrap();
        assert_eq!(second.status(), StatusCode::NOT_MODIFIED);
        assert!(assets.respond("nothing.js", &HeaderMap::new()).is_none());
    }
}
