use super::coded_enum;

coded_enum! {
    /// A language the site speaks. Bokmål is the default and the fallback for
    /// content that has not been translated. Its code is the BCP 47 tag used
    /// in `<html lang>`, cookies, locale folders and the database.
    #[derive(Default)]
    pub enum Lang {
        #[default]
        Nb,
        Nn,
        En,
    }
}

impl Lang {
    /// Parses a language tag leniently: `no`, `nb-NO`, `no-NO` and `nob` are
    /// Bokmål, `nn-NO` and `nno` Nynorsk, any `en-*` English.
    pub fn parse(tag: &str) -> Option<Lang> {
        let primary = tag
            .trim()
            .split(['-', '_'])
            .next()
            .unwrap_or_default()
            .to_ascii_lowercase();
        match primary.as_str() {
            "nb" | "no" | "nob" => Some(Lang::Nb),
            "nn" | "nno" => Some(Lang::Nn),
            "en" | "eng" => Some(Lang::En),
            _ => None,
        }
    }

    /// Chooses the language of a request: an explicit choice in the URL wins,
    /// then the remembered cookie, then the browser's `Accept-Language`, then
    /// Bokmål.
    pub fn negotiate(
        query: Option<&str>,
        cookie: Option<&str>,
        accept_language: Option<&str>,
    ) -> Lang {
        query
            .and_then(Lang::parse)
            .or_else(|| cookie.and_then(Lang::parse))
            .or_else(|| accept_language.and_then(Self::from_accept_language))
            .unwrap_or_default()
    }

    /// The best supported language of an `Accept-Language` header, honouring
    /// q-values; ties keep the header's order.
    fn from_accept_language(header: &str) -> Option<Lang> {
        let mut ranked: Vec<(f32, usize, Lang)> = header
            .split(',')
            .enumerate()
            .filter_map(|(position, item)| {
                let mut parts = item.split(';');
                let lang = Lang::parse(parts.next()?)?;
                let q = parts
                    .find_map(|p| p.trim().strip_prefix("q="))
                    .and_then(|q| q.trim().parse::<f32>().ok())
                    .unwrap_or(1.0);
                (q > 0.0).then_some((q, position, lang))
            })
            .collect();
        ranked.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        ranked.first().map(|(_, _, lang)| *lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn norwegian_tags_map_to_bokmal() {
        for tag in ["no", "nb", "nb-NO", "no-NO", "NB_no", "nob"] {
            assert_eq!(Lang::parse(tag), Some(Lang::Nb), "{tag}");
        }
        assert_eq!(Lang::parse("nn-NO"), Some(Lang::Nn));
        assert_eq!(Lang::parse("en-GB"), Some(Lang::En));
        assert_eq!(Lang::parse("sv-SE"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn url_beats_cookie_beats_header() {
        assert_eq!(
            Lang::negotiate(Some("en"), Some("nn"), Some("nb")),
            Lang::En
        );
        assert_eq!(Lang::negotiate(None, Some("nn"), Some("en")), Lang::Nn);
        assert_eq!(Lang::negotiate(Some("xx"), Some("nn"), None), Lang::Nn);
        assert_eq!(
            Lang::negotiate(None, None, Some("en-US,en;q=0.9")),
            Lang::En
        );
        assert_eq!(Lang::negotiate(None, None, None), Lang::Nb);
    }

    #[test]
    fn accept_language_honours_quality() {
        assert_eq!(
            Lang::negotiate(None, None, Some("de-DE,en;q=0.5,nn;q=0.8")),
            Lang::Nn
        );
        assert_eq!(
            Lang::negotiate(None, None, Some("sv,da;q=0.9")),
            Lang::Nb,
            "unsupported languages fall back to Bokmål"
        );
        assert_eq!(Lang::negotiate(None, None, Some("en;q=0,no-NO")), Lang::Nb);
        assert_eq!(Lang::negotiate(None, None, Some("nn, en")), Lang::Nn);
    }
}
