//! The Fluent bundles, loaded once from the embedded `locales/` folder.

use std::sync::{Arc, OnceLock};

use i18n_embed::LanguageLoader;
use i18n_embed::fluent::FluentLanguageLoader;
use rust_embed::RustEmbed;
use unic_langid::LanguageIdentifier;

use strum::IntoEnumIterator;

use crate::domain::Code;
use crate::domain::lang::Lang;

#[derive(RustEmbed)]
#[folder = "../locales/"]
struct Locales;

/// The Fluent domain: each language folder holds `treffpunkt.ftl`.
const DOMAIN: &str = "treffpunkt";

fn langid(lang: Lang) -> LanguageIdentifier {
    lang.code()
        .parse()
        .expect("language codes are valid identifiers")
}

/// The one shared loader with every language. Never switch its language: a
/// request gets its own view from [`loader_for`].
pub fn loader() -> &'static FluentLanguageLoader {
    static LOADER: OnceLock<FluentLanguageLoader> = OnceLock::new();
    LOADER.get_or_init(|| {
        let loader = FluentLanguageLoader::new(DOMAIN, langid(Lang::Nb));
        let all: Vec<_> = Lang::iter().map(langid).collect();
        loader
            .load_languages(&Locales, &all)
            .expect("the embedded locales parse");
        // Unicode isolation marks around arguments confuse screen readers
        // reading dates and times aloud; our arguments are never bidi text.
        loader.set_use_isolating(false);
        loader
    })
}

/// A view of the shared loader in `lang`, falling back to Bokmål; made once
/// per language, since every request needs one.
pub fn loader_for(lang: Lang) -> Arc<FluentLanguageLoader> {
    static VIEWS: OnceLock<Vec<(Lang, Arc<FluentLanguageLoader>)>> = OnceLock::new();
    let views = VIEWS.get_or_init(|| {
        Lang::iter()
            .map(|l| (l, Arc::new(loader().select_languages(&[langid(l)]))))
            .collect()
    });
    views
        .iter()
        .find(|(l, _)| *l == lang)
        .map(|(_, view)| view.clone())
        .expect("a view of every language")
}

/// The raw Fluent source of `lang`, for the completeness test.
pub fn source(lang: Lang) -> String {
    let file = Locales::get(&format!("{}/{DOMAIN}.ftl", lang.code()))
        .expect("every language has a Fluent file");
    String::from_utf8(file.data.into_owned()).expect("Fluent files are UTF-8")
}
