//! A made-up country: a data file of any number of offerings over any
//! number of districts, made from the demo municipality's, for the
//! benchmarks and for trying the site at the size of Norway.

use toml::{Table, Value};

use super::ImportError;

/// `offerings` offerings over `districts` districts (at least one), each a
/// copy of a demo offering in turn, with its own slug, district and venue.
/// Generated courses carry no made-up sign-ups.
pub fn generate(demo: &str, offerings: usize, districts: usize) -> Result<String, ImportError> {
    let demo: Table = toml::from_str(demo)?;
    let list = |name: &str| -> Vec<Table> {
        demo.get(name)
            .and_then(Value::as_array)
            .map(|a| a.iter().filter_map(|v| v.as_table().cloned()).collect())
            .unwrap_or_default()
    };
    let (demo_districts, demo_venues, demo_offerings) =
        (list("district"), list("venue"), list("offering"));
    if demo_districts.is_empty() || demo_venues.is_empty() || demo_offerings.is_empty() {
        return Err(ImportError::Invalid(
            "the demo needs districts, venues and offerings".into(),
        ));
    }
    let districts = districts.max(1);
    let district_slug = |d: usize| format!("bydel-{:03}", d + 1);

    let mut out = Table::new();
    let generated_districts: Vec<Value> = (0..districts)
        .map(|d| {
            let mut district = demo_districts[d % demo_districts.len()].clone();
            district.insert("slug".into(), district_slug(d).into());
            district.insert("order".into(), Value::Integer(d as i64 + 1));
            let round = d / demo_districts.len() + 1;
            if let Some(Value::Table(names)) = district.get_mut("name") {
                for (_, name) in names.iter_mut() {
                    if let Some(text) = name.as_str() {
                        *name = Value::String(format!("{text} {round}"));
                    }
                }
            }
            Value::Table(district)
        })
        .collect();
    out.insert("district".into(), Value::Array(generated_districts));
    if let Some(categories) = demo.get("category") {
        out.insert("category".into(), categories.clone());
    }
    let all_districts: Vec<Value> = (0..districts).map(|d| district_slug(d).into()).collect();
    let organisations: Vec<Value> = list("organisation")
        .into_iter()
        .map(|mut o| {
            o.insert("districts".into(), Value::Array(all_districts.clone()));
            Value::Table(o)
        })
        .collect();
    out.insert("organisation".into(), Value::Array(organisations));

    let venue_slug = |venue: &str, d: usize| format!("{venue}-{}", district_slug(d));
    let venues: Vec<Value> = (0..districts)
        .flat_map(|d| {
            demo_venues.iter().map(move |v| {
                let mut v = v.clone();
                let slug = v
                    .get("slug")
                    .and_then(Value::as_str)
                    .unwrap_or("sted")
                    .to_string();
                v.insert("slug".into(), venue_slug(&slug, d).into());
                v.insert("district".into(), district_slug(d).into());
                Value::Table(v)
            })
        })
        .collect();
    out.insert("venue".into(), Value::Array(venues));

    let generated: Vec<Value> = (0..offerings)
        .map(|n| {
            let mut o = demo_offerings[n % demo_offerings.len()].clone();
            let d = n % districts;
            let slug = o
                .get("slug")
                .and_then(Value::as_str)
                .unwrap_or("tilbud")
                .to_string();
            o.insert("slug".into(), format!("{slug}-{n}").into());
            o.insert("district".into(), district_slug(d).into());
            if let Some(venue) = o.get("venue").and_then(Value::as_str).map(str::to_string) {
                o.insert("venue".into(), venue_slug(&venue, d).into());
            }
            if let Some(Value::Table(course)) = o.get_mut("course") {
                course.remove("demo_sign_ups");
            }
            Value::Table(o)
        })
        .collect();
    out.insert("offering".into(), Value::Array(generated));
    toml::to_string(&out).map_err(|e| ImportError::Invalid(format!("writing the file: {e}")))
}
