//! `/bydel/<slug>/ukeprogram.pdf?…`: the printed weekly programme as a PDF
//! made here, for whoever would rather print or pass on a file than a web
//! page (a centre's staff sending next week's programme to the print
//! room, a daughter sending it to her father's tablet). The same week,
//! filters and words as the page, in the same large type on A4.

use std::collections::HashMap;

use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, Uri, header};
use axum::response::{IntoResponse, Response};

use app::backend::clock;
use app::domain::Code;
use app::domain::error::AppError;
use app::domain::filter::ListingFilter;
use app::domain::programme::{ProgrammeData, ProgrammeItem, week_code};
use app::i18n::{Tr, request_lang};
use app::pages::programme::{Heads, day_heading, facts, heads, phone_line};
use app::paths;

use super::{failed, named};
use crate::AppState;
use crate::pdf::{self, Block, Furniture, Paragraph, Weight};

/// PDFs written at once, in this process.
static WRITING: tokio::sync::Semaphore = tokio::sync::Semaphore::const_new(1);
/// How long a PDF waits for its turn before it is turned away.
const WRITE_QUEUE: std::time::Duration = std::time::Duration::from_secs(2);

/// The body's type size: what the printed page's style sheet sets too.
const BODY: f32 = 16.0;
/// Between the column of times and what meets then.
const GUTTER: f32 = 14.0;

pub async fn pdf(
    State(state): State<AppState>,
    Path(slug): Path<String>,
    Query(query): Query<HashMap<String, String>>,
    uri: Uri,
    headers: HeaderMap,
) -> Response {
    let lang = request_lang(&uri, &headers);
    let filter = ListingFilter::from_query(|k| query.get(k).cloned()).bounded();
    let data = match state
        .directory
        .week_programme(
            &slug,
            &filter,
            query.get(paths::WEEK).map(String::as_str),
            &state.settings.site.municipality,
            lang,
            clock::oslo_now(),
        )
        .await
    {
        Ok(data) => data,
        Err(e) => return failed(&e, lang),
    };
    let tr = Tr::new(lang);
    let file_name = format!(
        "{}-{}-{}.pdf",
        paths::segment::PROGRAMME,
        data.district.slug,
        week_code(data.programme.monday)
    );
    let (blocks, furniture) = paper(&tr, &data);
    // Setting the text and taking the letters used out of the fonts costs
    // tens of milliseconds of CPU: off the workers that answer the pages,
    // and one at a time, so that asking for many weeks at once takes one
    // core and no more; turned away as busy after a short wait.
    let Ok(Ok(permit)) = tokio::time::timeout(WRITE_QUEUE, WRITING.acquire()).await else {
        return failed(&AppError::Busy, lang);
    };
    let written = tokio::task::spawn_blocking(move || {
        // Held while it writes, even if the visitor leaves.
        let _permit = permit;
        pdf::write(&blocks, &furniture)
    })
    .await;
    match written {
        Ok(Ok(bytes)) => {
            let response = (
                [
                    (
                        header::CONTENT_TYPE,
                        HeaderValue::from_static("application/pdf"),
                    ),
                    // Like the printed page, not a page for search engines.
                    (
                        header::HeaderName::from_static("x-robots-tag"),
                        HeaderValue::from_static("noindex"),
                    ),
                ],
                bytes,
            )
                .into_response();
            // Opened where the browser shows PDFs; saved under this name.
            // The slug passed the directory's check: a-z, 0-9, -.
            named(response, "inline", &file_name)
        }
        Ok(Err(e)) => failed(&AppError::internal(std::io::Error::other(e)), lang),
        Err(e) => failed(&AppError::internal(e), lang),
    }
}

/// The programme as blocks of text, and what every page carries.
fn paper(tr: &Tr, data: &ProgrammeData) -> (Vec<Block>, Furniture) {
    let Heads {
        whose,
        title,
        week,
        printed,
    } = heads(tr, data);
    let p = &data.programme;
    let mut head = Paragraph::new(title.clone(), 26.0, Weight::Bold);
    head.space_before = 8.0;
    let mut week_line = Paragraph::new(week, 18.0, Weight::Regular);
    week_line.space_before = 4.0;
    let mut blocks = vec![Block {
        paragraphs: vec![
            Paragraph::new(whose, BODY, Weight::Regular),
            head,
            week_line,
        ],
        keep_with_next: true,
    }];
    if p.days.iter().all(|d| d.items.is_empty()) {
        blocks.push(spaced(Paragraph::new(
            tr.t("programme-empty"),
            BODY,
            Weight::Regular,
        )));
    }
    // Where an offering's lines start: right of the widest time.
    let column = p
        .days
        .iter()
        .flat_map(|d| &d.items)
        .map(|i| Weight::Bold.width(&tr.time_range(i.start, i.end), BODY))
        .fold(0.0, f32::max)
        + GUTTER;
    for day in p.days.iter().filter(|d| !d.items.is_empty()) {
        let mut heading = Paragraph::new(day_heading(tr, day.date), 22.0, Weight::Bold);
        heading.space_before = 20.0;
        blocks.push(Block {
            paragraphs: vec![heading],
            keep_with_next: true,
        });
        blocks.extend(day.items.iter().map(|item| offering(tr, item, column)));
    }
    if p.cut {
        blocks.push(spaced(Paragraph::new(
            tr.t("programme-cut"),
            BODY,
            Weight::Regular,
        )));
    }
    blocks.push(spaced(Paragraph::new(
        tr.t("footer-no-referral"),
        BODY,
        Weight::Regular,
    )));
    let week_number = i64::from(chrono::Datelike::iso_week(&p.monday).week());
    let page_tr = tr.clone();
    let furniture = Furniture {
        running_head: tr.t_with(
            "programme-pdf-continued",
            &[
                ("title", title.clone().into()),
                ("week", week_number.into()),
            ],
        ),
        footer: printed,
        page_of: Box::new(move |page, pages| {
            page_tr.t_with(
                "programme-pdf-page",
                &[("page", count(page)), ("pages", count(pages))],
            )
        }),
        title,
        lang: tr.lang().code(),
    };
    (blocks, furniture)
}

fn count(n: usize) -> app::i18n::Arg {
    u32::try_from(n).unwrap_or(u32::MAX).into()
}

/// A block of its own, with room above it.
fn spaced(mut paragraph: Paragraph) -> Block {
    paragraph.space_before = 20.0;
    Block {
        paragraphs: vec![paragraph],
        keep_with_next: false,
    }
}

/// One meeting: its time beside its title, then what it is called off
/// for, where, the phone and the facts, kept on one page.
fn offering(tr: &Tr, item: &ProgrammeItem, column: f32) -> Block {
    let line = |text: String, weight| {
        let mut p = Paragraph::new(text, BODY, weight);
        p.indent = column;
        p
    };
    let mut title = line(item.text.title.clone(), Weight::Bold);
    title.label = Some(tr.time_range(item.start, item.end));
    title.space_before = 10.0;
    title.struck = item.cancelled.is_some();
    let mut paragraphs = vec![title];
    if let Some(reason) = &item.cancelled {
        let called_off = tr.t("offering-cancelled");
        paragraphs.push(line(
            if reason.is_empty() {
                called_off
            } else {
                format!("{called_off}: {reason}")
            },
            Weight::Bold,
        ));
    }
    paragraphs.extend(item.place.clone().map(|p| line(p, Weight::Regular)));
    paragraphs.extend(
        item.phone
            .as_deref()
            .map(|phone| line(phone_line(tr, phone), Weight::Regular)),
    );
    paragraphs.push(line(facts(tr, item), Weight::Regular));
    Block {
        paragraphs,
        keep_with_next: false,
    }
}
