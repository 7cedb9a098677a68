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

/// A slug made from a title: lower-case, Norwegian letters spelled in
/// ASCII the way Norwegians do in addresses (æ → ae, ø → o, å → a), every
/// run of anything else one hyphen. Empty when nothing is left.
pub fn slugify(title: &str) -> String {
    let mut slug = String::with_capacity(title.len());
    for c in title.to_lowercase().chars() {
        let mapped: &str = match c {
            'æ' => "ae",
            'ø' | 'ö' | 'ó' | 'ò' | 'ô' => "o",
            'å' | 'ä' | 'á' | 'à' | 'â' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'ü' | 'ú' => "u",
            'í' | 'ï' => "i",
            'č' => "c",
            'đ' => "d",
            'ŋ' => "n",
            'š' => "s",
            'ŧ' => "t",
            'ž' => "z",
            c if c.is_ascii_alphanumeric() => {
                slug.push(c);
                continue;
            }
            _ => "-",
        };
        slug.push_str(mapped);
    }
    let mut out = String::with_capacity(slug.len());
    for part in slug.split('-').filter(|p| !p.is_empty()) {
        if out.len() + part.len() + 1 > SLUG_MAX {
            break;
        }
        if !out.is_empty() {
            out.push('-');
        }
        out.push_str(part);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{is_slug, slugify};

    #[test]
    fn titles_become_slugs_the_norwegian_way() {
        assert_eq!(
            slugify("Sterk og stødig – Østbyen"),
            "sterk-og-stodig-ostbyen"
        );
        assert_eq!(slugify("Pårørendeskole: Demens!"), "parorendeskole-demens");
        assert_eq!(
            slugify("Kaffe & prat på Ærlig café"),
            "kaffe-prat-pa-aerlig-cafe"
        );
        assert_eq!(slugify("Sámi giella ŋ š"), "sami-giella-n-s");
        assert_eq!(slugify("!!!"), "");
        assert!(is_slug(&slugify(&"Langt navn ".repeat(20))));
    }

    #[test]
    fn slugs_are_short_lower_case_ascii() {
        assert!(is_slug("sterk-og-stodig"));
        assert!(is_slug("bydel-2"));
        for bad in ["", "Østbyen", "a b", "../x", "<script>", &"a".repeat(81)] {
            assert!(!is_slug(bad), "{bad}");
        }
    }
}
