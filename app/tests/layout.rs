//! The shape of the code, held by tests: imports point down (pages →
//! components → api → backend → entities and domain), every internal URL
//! is built in `paths.rs`, and the README's settings table is the one the
//! code documents.

use std::path::{Path, PathBuf};

use regex::Regex;

fn rust_files(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            out.extend(rust_files(&path));
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
    out
}

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("..")
}

/// A file's code without its unit tests.
fn code(path: &Path) -> String {
    let text = std::fs::read_to_string(path).unwrap();
    match text.find("#[cfg(test)]") {
        Some(at) => text[..at].to_string(),
        None => text,
    }
}

/// Files under `dir` whose code matches `pattern`.
fn offenders(dir: &str, pattern: &str) -> Vec<String> {
    let re = Regex::new(pattern).unwrap();
    rust_files(&root().join(dir))
        .into_iter()
        .filter(|f| re.is_match(&code(f)))
        .map(|f| f.display().to_string())
        .collect()
}

#[test]
fn imports_point_down() {
    let rules = [
        (
            "app/src/domain",
            r"crate::(api|backend|components|pages|i18n)\b",
        ),
        ("app/src/backend", r"crate::(components|pages)\b"),
        ("app/src/i18n", r"crate::(components|pages|api|backend)\b"),
        ("app/src/api", r"crate::(components|pages)\b"),
        ("app/src/components", r"crate::pages\b"),
        (
            "app/src/backend/entities",
            r"crate::(backend|api|components|pages|i18n)\b",
        ),
    ];
    for (dir, upward) in rules {
        let found = offenders(dir, upward);
        assert!(
            found.is_empty(),
            "{dir} imports upwards ({upward}): {found:?}"
        );
    }
}

#[test]
fn every_internal_url_is_built_in_the_paths_module() {
    let literal = r#""/(tilbud|bydel|pamelding|personvern|sprak|healthz|pkg)\b|href="/"|"/"\.to_string|Redirect::to\("/"#;
    let found: Vec<String> = ["app/src", "server/src"]
        .into_iter()
        .flat_map(|dir| offenders(dir, literal))
        .filter(|f| !f.ends_with("paths.rs"))
        .collect();
    assert!(found.is_empty(), "URL literals outside paths.rs: {found:?}");
}

#[test]
fn the_readme_lists_every_setting_with_its_default() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let start = readme
        .find("<!-- settings -->\n")
        .expect("the README marks its settings table")
        + "<!-- settings -->\n".len();
    let end = readme[start..].find("<!-- /settings -->").unwrap() + start;
    assert_eq!(
        &readme[start..end],
        app::backend::settings::Settings::markdown_table(),
        "the README's table is out of date: paste the output of `treffpunkt settings`"
    );
}
