//! Slugs: the lower-case, hyphenated names in URLs (`ostbyen`,
//! `sterk-og-stodig`).

/// The longest slug anything is given.
pub const SLUG_MAX: usize = 80;

/// Whether `text` could be a slug: 1 to [`SLUG_MAX`] lower-case ASCII
/// letters, digits and hyphens. Anything else cannot name a district,
/// category or offering, so it is not looked up.
pub fn is_slug(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= SLUG_MAX
        && text
            .bytes()
            .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
}

#[cfg(test)]
mod tests {
    use super::is_slug;

    #[test]
    fn slugs_are_short_lower_case_ascii() {
        assert!(is_slug("sterk-og-stodig"));
        assert!(is_slug("bydel-2"));
        for bad in ["", "Østbyen", "a b", "../x", "<script>", &"a".repeat(81)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
