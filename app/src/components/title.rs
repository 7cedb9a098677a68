//! The document's `<title>`, the one place every page title goes through.
//!
//! leptos_meta 0.8 writes the `<Title>` text into `<title>` during server
//! rendering without escaping it, while it escapes body text and attribute
//! values. Titles are built from search words and from names coordinators
//! type, so unescaped they would let `</title><script>` run on a public
//! page. The app sets [`formatter`] once at its root; leptos_meta applies
//! the last formatter to every page's `<Title text=…/>`.

/// "Page – Treffpunkt" (or the site name alone for an empty page title),
/// escaped for the server's HTML. Islands never set the title in the
/// browser, and `document.title` takes text, not HTML: the browser build
/// leaves the text as it is, so nothing is escaped twice.
pub fn formatter(site: String) -> impl Fn(String) -> String + Send + Sync + 'static {
    move |page: String| {
        let title = if page.is_empty() {
            site.clone()
        } else {
            format!("{page} – {site}")
        };
        super::escape::text(&title)
    }
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    use super::formatter;

    #[test]
    fn titles_are_escaped_once_and_carry_the_site_name() {
        let format = formatter("Treffpunkt".into());
        assert_eq!(format(String::new()), "Treffpunkt");
        assert_eq!(
            format("</title><script>alert(1)</script>".into()),
            "&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt; – Treffpunkt"
        );
        assert_eq!(
            format("Kaffe & prat".into()),
            "Kaffe &amp; prat – Treffpunkt"
        );
    }
}
