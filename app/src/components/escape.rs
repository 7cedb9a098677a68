//! Text for the two places where Leptos 0.8 writes it into the server's
//! HTML without escaping it: `<title>` (leptos_meta) and the children of
//! `<textarea>` (tachys 0.2 treats them as raw text, as it does a
//! script's). A description or summary typed with `</textarea><script>`
//! would otherwise end the field and start markup on a staff page, and a
//! sign-up message on the public form sent back with a mistake.
//!
//! The browser build leaves text as it is: islands never render these
//! (they set `document.title` and `value`, which take text, not HTML), so
//! nothing is escaped twice.

/// `text` escaped for HTML element content, on the server.
#[cfg(feature = "ssr")]
pub fn text(text: &str) -> String {
    html_escape::encode_text(text).into_owned()
}

/// `text` as it is, in the browser.
#[cfg(not(feature = "ssr"))]
pub fn text(text: &str) -> String {
    text.to_owned()
}

#[cfg(all(test, feature = "ssr"))]
mod tests {
    #[test]
    fn markup_becomes_text_and_entities_stay_as_typed() {
        assert_eq!(
            super::text("</textarea><script>alert(1)</script> &lt; æøå"),
            "&lt;/textarea&gt;&lt;script&gt;alert(1)&lt;/script&gt; &amp;lt; æøå"
        );
    }
}
