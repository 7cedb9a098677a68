//! Descriptions as coordinators write them: plain text, or a small part of
//! Markdown (paragraphs, line breaks, **bold**, *italic*, lists and links),
//! rendered to HTML that is safe to put in any page.
//!
//! Two kept crates do the work, each what it is best at: pulldown-cmark
//! reads the Markdown, ammonia decides what HTML may leave. What a
//! coordinator types as HTML is shown as the text they typed, never
//! parsed; ammonia then keeps only the subset's tags and `http`/`https`
//! links, whatever pulldown-cmark made of odd input (an email address
//! belongs in the contact fields, which the page shows as a link). Headings
//! and images are not in the subset: a heading shows as a bold paragraph
//! (the page has its own headings), an image as its description.

use std::collections::HashSet;
use std::sync::LazyLock;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd, html};

use crate::domain::{WEB_SCHEMES, is_web_address};

/// The tags a description may hold.
const TAGS: [&str; 8] = ["p", "br", "strong", "em", "ul", "ol", "li", "a"];

static CLEANER: LazyLock<ammonia::Builder<'static>> = LazyLock::new(|| {
    let mut builder = ammonia::Builder::empty();
    builder
        .tags(HashSet::from(TAGS))
        .tag_attributes([("a", HashSet::from(["href"]))].into_iter().collect())
        .generic_attributes(HashSet::new())
        .url_schemes(HashSet::from(WEB_SCHEMES))
        // A relative address would point into this site: not a
        // coordinator's to make.
        .url_relative(ammonia::UrlRelative::Deny)
        .link_rel(Some("nofollow noopener noreferrer"));
    builder
});

/// `text` as safe HTML: paragraphs, and the subset's marks.
pub fn to_html(text: &str) -> String {
    // A link to anything but a web address shows as its words; links do
    // not nest, so one flag follows the one open.
    let mut unlinked = false;
    let events = Parser::new_ext(text, Options::empty()).flat_map(move |event| match event {
        Event::Start(Tag::Link { ref dest_url, .. }) if !is_web_address(dest_url) => {
            unlinked = true;
            Vec::new()
        }
        Event::End(TagEnd::Link) if unlinked => {
            unlinked = false;
            Vec::new()
        }
        // Typed HTML is text, shown as typed, in a paragraph of its own
        // when it stood alone.
        Event::Html(raw) | Event::InlineHtml(raw) => vec![Event::Text(raw)],
        Event::Start(Tag::HtmlBlock) => vec![Event::Start(Tag::Paragraph)],
        Event::End(TagEnd::HtmlBlock) => vec![Event::End(TagEnd::Paragraph)],
        Event::Start(Tag::Heading { .. }) => {
            vec![Event::Start(Tag::Paragraph), Event::Start(Tag::Strong)]
        }
        Event::End(TagEnd::Heading(_)) => {
            vec![Event::End(TagEnd::Strong), Event::End(TagEnd::Paragraph)]
        }
        // The image's description stays, as text.
        Event::Start(Tag::Image { .. }) | Event::End(TagEnd::Image) => Vec::new(),
        // Indented or fenced code is an accident of spacing here.
        Event::Start(Tag::CodeBlock(_)) => vec![Event::Start(Tag::Paragraph)],
        Event::End(TagEnd::CodeBlock) => vec![Event::End(TagEnd::Paragraph)],
        Event::Code(code) => vec![Event::Text(code)],
        other => vec![other],
    });
    let mut rendered = String::with_capacity(text.len() * 5 / 4 + 16);
    html::push_html(&mut rendered, events);
    CLEANER.clean(&rendered).to_string()
}

#[cfg(test)]
mod tests {
    use super::to_html;

    #[test]
    fn plain_text_becomes_paragraphs() {
        assert_eq!(
            to_html("Vi går en tur.\n\nTa med kaffe."),
            "<p>Vi går en tur.</p>\n<p>Ta med kaffe.</p>\n"
        );
    }

    #[test]
    fn the_subset_is_kept() {
        let html =
            to_html("**Ta med** *matpakke*\n\n- sko\n- jakke\n\n[Kart](https://kart.example/x)");
        assert!(
            html.contains("<strong>Ta med</strong> <em>matpakke</em>"),
            "{html}"
        );
        assert!(html.contains("<ul>\n<li>sko</li>"), "{html}");
        assert!(
            html.contains(
                r#"<a href="https://kart.example/x" rel="nofollow noopener noreferrer">Kart</a>"#
            ),
            "{html}"
        );
    }

    #[test]
    fn headings_are_bold_paragraphs_and_images_their_words() {
        let html = to_html("# Velkommen\n\n![Et kart](https://kart.example/k.png)");
        assert_eq!(html, "<p><strong>Velkommen</strong></p>\n<p>Et kart</p>\n");
    }

    #[test]
    fn a_link_that_is_not_a_web_address_is_its_words() {
        assert_eq!(
            to_html("[Klikk](javascript:alert(1)) her"),
            "<p>Klikk her</p>\n"
        );
        assert_eq!(
            to_html("[Kart](HTTPS://kart.example \"tittel\")"),
            "<p><a href=\"HTTPS://kart.example\" rel=\"nofollow noopener noreferrer\">Kart</a></p>\n"
        );
    }

    #[test]
    fn typed_html_is_shown_as_typed() {
        let html = to_html("<script>alert(1)</script>\n\nHei <img src=x onerror=alert(1)>");
        assert!(!html.contains("<script"), "{html}");
        assert!(!html.contains("<img"), "{html}");
        assert!(
            html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"),
            "{html}"
        );
    }

    #[test]
    fn only_web_and_mail_links_are_links() {
        for bad in [
            "[x](javascript:alert(1))",
            "[x](https:alert(1))",
            "[x](ååå:alert(1))",
            "<post@lms.example>",
            "[x](JaVaScRiPt:alert(1))",
            "[x](data:text/html,<script>alert(1)</script>)",
            "[x](vbscript:msgbox)",
            "[x](/ansatt)",
            "[x](//evil.example/)",
            "<javascript:alert(1)>",
        ] {
            let html = to_html(bad);
            assert!(!html.contains("href"), "{bad}: {html}");
        }
        assert!(
            to_html("<https://fjordvik.kommune.example>")
                .contains(r#"href="https://fjordvik.kommune.example""#)
        );
        assert!(!to_html("[Skriv](mailto:post@lms.example)").contains("href"));
    }
}
