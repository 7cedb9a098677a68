//! A body in the encodings browsers accept, each made once, on first use:
//! what lets a cached page or a static file be sent compressed without
//! compressing it again for every request.

use std::io::Write;
use std::sync::OnceLock;

use axum::body::Bytes;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_ENCODING;
use sha2::{Digest, Sha256};

/// How a body travels.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Encoding {
    Brotli,
    Gzip,
    Identity,
}

impl Encoding {
    /// The best encoding `Accept-Encoding` allows: brotli, then gzip.
    pub fn negotiate(headers: &HeaderMap) -> Encoding {
        let accepted = |name: &str| {
            headers
                .get_all(ACCEPT_ENCODING)
                .iter()
                .filter_map(|v| v.to_str().ok())
                .flat_map(|v| v.split(','))
                .any(|item| {
                    let mut parts = item.split(';');
                    let coding = parts.next().unwrap_or_default().trim();
                    let refused = parts.any(|p| {
                        p.trim()
                            .strip_prefix("q=")
                            .and_then(|q| q.trim().parse::<f32>().ok())
                            .is_some_and(|q| q <= 0.0)
                    });
                    coding.eq_ignore_ascii_case(name) && !refused
                })
        };
        if accepted("br") {
            Encoding::Brotli
        } else if accepted("gzip") {
            Encoding::Gzip
        } else {
            Encoding::Identity
        }
    }

    /// The `Content-Encoding` header's value, if any.
    pub fn header(self) -> Option<&'static str> {
        match self {
            Encoding::Brotli => Some("br"),
            Encoding::Gzip => Some("gzip"),
            Encoding::Identity => None,
        }
    }
}

/// How hard to compress: pages are compressed on the request path, files
/// once for the life of the server; a body compressed inside already (a
/// PDF's streams) is sent as it is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Effort {
    Page,
    File,
    Stored,
}

/// A body, its validator, and its compressed forms as they are asked for.
#[derive(Debug)]
pub struct Variants {
    identity: Bytes,
    etag: String,
    effort: Effort,
    gzip: OnceLock<Bytes>,
    brotli: OnceLock<Bytes>,
}

impl Variants {
    pub fn new(body: Bytes, effort: Effort) -> Self {
        Variants {
            etag: format!("\"{}\"", digest(&body)),
            identity: body,
            effort,
            gzip: OnceLock::new(),
            brotli: OnceLock::new(),
        }
    }

    /// The entity tag: a digest of the uncompressed body, so that every
    /// server behind a load balancer gives the same page the same tag.
    pub fn etag(&self) -> &str {
        &self.etag
    }

    /// Whether `If-None-Match` names this body.
    pub fn matches(&self, if_none_match: Option<&str>) -> bool {
        if_none_match.is_some_and(|v| {
            v.split(',').any(|tag| {
                let tag = tag.trim();
                tag == "*" || tag.strip_prefix("W/").unwrap_or(tag) == self.etag
            })
        })
    }

    /// The body in `encoding`, compressing it now if this is the first
    /// time. Tiny bodies travel as they are.
    pub fn body(&self, encoding: Encoding) -> (Bytes, Encoding) {
        if self.travels_as_is() {
            return (self.identity.clone(), Encoding::Identity);
        }
        match encoding {
            Encoding::Identity => (self.identity.clone(), Encoding::Identity),
            Encoding::Gzip => (
                self.gzip
                    .get_or_init(|| gzip(&self.identity, self.effort))
                    .clone(),
                Encoding::Gzip,
            ),
            Encoding::Brotli => (
                self.brotli
                    .get_or_init(|| brotli(&self.identity, self.effort))
                    .clone(),
                Encoding::Brotli,
            ),
        }
    }

    /// Every compressed form made now, off the request path.
    pub fn warm(&self) {
        self.body(Encoding::Gzip);
        self.body(Encoding::Brotli);
    }

    /// What the body will hold in memory with its compressed forms, made
    /// or not yet: text compresses to well under an eighth (a country's
    /// pages to 1–9 % in brotli, 2–12 % in gzip), so a quarter of the body
    /// is room for both. Counting the forms as large as the body, as
    /// before, kept half the pages a full shelf has room for.
    pub fn weight(&self) -> usize {
        let body = self.identity.len();
        if self.travels_as_is() {
            body
        } else {
            body + body / 4
        }
    }

    /// Whether the body is never compressed here: too small to gain, or
    /// compressed inside already.
    fn travels_as_is(&self) -> bool {
        self.identity.len() < MIN_COMPRESSED || self.effort == Effort::Stored
    }
}

/// Below this, compressing saves less than the headers cost.
const MIN_COMPRESSED: usize = 512;

/// A short hex digest of `bytes`: for entity tags and file names.
pub fn digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .take(10)
        .map(|b| format!("{b:02x}"))
        .collect()
}

fn gzip(bytes: &[u8], effort: Effort) -> Bytes {
    let level = match effort {
        Effort::Page | Effort::Stored => flate2::Compression::new(6),
        Effort::File => flate2::Compression::best(),
    };
    let mut encoder = flate2::write::GzEncoder::new(Vec::with_capacity(bytes.len() / 3), level);
    encoder
        .write_all(bytes)
        .and_then(|()| encoder.finish())
        .map(Bytes::from)
        .expect("writing to memory cannot fail")
}

fn brotli(bytes: &[u8], effort: Effort) -> Bytes {
    let quality = match effort {
        // Quality 5 compresses a page in about a millisecond, close to
        // what 11 gives.
        Effort::Page | Effort::Stored => 5,
        Effort::File => 11,
    };
    let mut out = Vec::with_capacity(bytes.len() / 3);
    let params = brotli::enc::BrotliEncoderParams {
        quality,
        lgwin: 22,
        ..Default::default()
    };
    brotli::BrotliCompress(&mut &bytes[..], &mut out, &params)
        .expect("writing to memory cannot fail");
    Bytes::from(out)
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::http::HeaderValue;

    fn accepting(value: &str) -> Encoding {
        let mut h = HeaderMap::new();
        h.insert(ACCEPT_ENCODING, HeaderValue::from_str(value).unwrap());
        Encoding::negotiate(&h)
    }

    #[test]
    fn the_best_accepted_encoding_is_chosen() {
        assert_eq!(accepting("gzip, deflate, br, zstd"), Encoding::Brotli);
        assert_eq!(accepting("gzip"), Encoding::Gzip);
        assert_eq!(accepting("br;q=0, gzip;q=0.8"), Encoding::Gzip);
        assert_eq!(accepting("identity"), Encoding::Identity);
        assert_eq!(Encoding::negotiate(&HeaderMap::new()), Encoding::Identity);
    }

    #[test]
    fn compressed_forms_round_trip_and_share_one_tag() {
        use std::io::Read;
        let page = "<p>Sterk og stødig</p>".repeat(200);
        let v = Variants::new(Bytes::from(page.clone()), Effort::Page);
        let (gz, e) = v.body(Encoding::Gzip);
        assert_eq!(e, Encoding::Gzip);
        let mut out = String::new();
        flate2::read::GzDecoder::new(&gz[..])
            .read_to_string(&mut out)
            .unwrap();
        assert_eq!(out, page);
        let (br, _) = v.body(Encoding::Brotli);
        let mut out = Vec::new();
        brotli::BrotliDecompress(&mut &br[..], &mut out).unwrap();
        assert_eq!(out, page.as_bytes());
        assert!(br.len() < page.len() / 10);
        assert!(v.matches(Some(v.etag())));
        assert!(v.matches(Some(&format!("W/{}, \"x\"", v.etag()))));
        assert!(!v.matches(Some("\"other\"")));
        assert!(!v.matches(None));
    }
}
