//! A small writer of printed A4 pages: blocks of text in one typeface
//! (DejaVu Sans, regular and bold, which has every letter of Norwegian
//! and the Sámi languages), wrapped to the page, kept together where a
//! reader needs them together, broken across pages, with a running head
//! and a footer on every page. krilla embeds the letters used (a subset of
//! each font) with their Unicode values, so a PDF reader can search and
//! copy the text and read it aloud. Enough for a noticeboard's programme;
//! not a layout engine.
//!
//! Each letter is placed here, by the font's own advance, rather than
//! shaped by krilla (rustybuzz): Norwegian and Sámi in DejaVu Sans need no
//! shaping beyond one glyph per letter, wrapping already measures by
//! these advances, and shaping every line built the font's lookup tables
//! anew each time, a quarter of a PDF's time (measured with `perf`).

use std::sync::LazyLock;

use krilla::Document;
use krilla::geom::{PathBuilder, Point};
use krilla::metadata::Metadata;
use krilla::page::PageSettings;
use krilla::paint::Stroke;
use krilla::text::{Font, GlyphId, KrillaGlyph};

static REGULAR_BYTES: &[u8] = include_bytes!("../fonts/DejaVuSans.ttf");
static BOLD_BYTES: &[u8] = include_bytes!("../fonts/DejaVuSans-Bold.ttf");

/// A typeface for drawing (krilla's) and for measuring and placing
/// letters (ttf-parser's glyphs and advances, without kerning: what is
/// measured is what is drawn).
struct Face {
    font: Font,
    metrics: ttf_parser::Face<'static>,
    /// The glyph and advance of every character below [`TABLED`], looked
    /// up once: wrapping measures a line again for each word, and the
    /// font's own tables are a search each time (a fifth of a PDF's time,
    /// measured).
    glyphs: Vec<(u16, u16)>,
}

/// Characters whose advance is kept in a table: Latin with its
/// extensions (Norwegian, Sámi) and the punctuation up to U+2100 (dashes,
/// the middle dot).
const TABLED: u32 = 0x2100;

impl Face {
    fn load(bytes: &'static [u8]) -> Face {
        let metrics = ttf_parser::Face::parse(bytes, 0).expect("the embedded font parses");
        let glyphs = (0..TABLED)
            .map(|c| char::from_u32(c).map_or((0, 0), |c| glyph(&metrics, c)))
            .collect();
        Face {
            font: Font::new(bytes.into(), 0).expect("the embedded font is a font"),
            metrics,
            glyphs,
        }
    }

    /// `c`'s glyph and advance in font units.
    fn glyph(&self, c: char) -> (u16, u16) {
        match self.glyphs.get(c as usize) {
            Some(&g) => g,
            None => glyph(&self.metrics, c),
        }
    }

    /// The width of `text` at `size` points.
    fn width(&self, text: &str, size: f32) -> f32 {
        let units: u32 = text.chars().map(|c| u32::from(self.glyph(c).1)).sum();
        units as f32 * size / f32::from(self.metrics.units_per_em())
    }

    /// `text`'s letters, placed one after the other by their advances:
    /// each with the bytes of `text` it stands for, so that the PDF maps
    /// it back to its letter for searching, copying and reading aloud.
    fn placed(&self, text: &str) -> Vec<KrillaGlyph> {
        let em = f32::from(self.metrics.units_per_em());
        text.char_indices()
            .map(|(at, c)| {
                let (id, advance) = self.glyph(c);
                KrillaGlyph::new(
                    GlyphId::new(u32::from(id)),
                    f32::from(advance) / em,
                    0.0,
                    0.0,
                    0.0,
                    at..at + c.len_utf8(),
                    None,
                )
            })
            .collect()
    }

    /// `text` set on `surface` from `at` (on the baseline), at `size`.
    fn draw(&self, surface: &mut krilla::surface::Surface, at: Point, text: &str, size: f32) {
        surface.draw_glyphs(at, &self.placed(text), self.font.clone(), text, size, false);
    }
}

/// `c`'s glyph and advance in font units; the font's "missing" glyph (0),
/// of no width, for a letter it lacks.
fn glyph(metrics: &ttf_parser::Face, c: char) -> (u16, u16) {
    metrics
        .glyph_index(c)
        .map_or((0, 0), |g| (g.0, metrics.glyph_hor_advance(g).unwrap_or(0)))
}

static REGULAR: LazyLock<Face> = LazyLock::new(|| Face::load(REGULAR_BYTES));
static BOLD: LazyLock<Face> = LazyLock::new(|| Face::load(BOLD_BYTES));

/// A4 in points.
const PAGE_WIDTH: f32 = 595.28;
const PAGE_HEIGHT: f32 = 841.89;
/// About 14 mm: inside what any office printer can print.
const MARGIN: f32 = 40.0;
/// From one baseline to the next, as a multiple of the type's size.
const LEADING: f32 = 1.3;
/// The running head and the footer: as large as the body, as the paper
/// is read from a step back.
const FURNITURE_SIZE: f32 = 16.0;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Weight {
    Regular,
    Bold,
}

impl Weight {
    fn face(self) -> &'static Face {
        match self {
            Weight::Regular => &REGULAR,
            Weight::Bold => &BOLD,
        }
    }

    /// The width of `text` at `size` points in this weight: to make a
    /// column as wide as what goes in it.
    pub fn width(self, text: &str, size: f32) -> f32 {
        self.face().width(text, size)
    }
}

/// A paragraph: its text, how it is set, and, optionally, a short label
/// set in the margin column beside its first line (a time beside a title).
#[derive(Clone, Debug)]
pub struct Paragraph {
    pub text: String,
    pub size: f32,
    pub weight: Weight,
    /// Where the text starts, from the left margin.
    pub indent: f32,
    /// Space above it.
    pub space_before: f32,
    /// Struck through: a meeting called off.
    pub struck: bool,
    /// Set at the margin on the paragraph's first line, in its weight.
    pub label: Option<String>,
}

impl Paragraph {
    pub fn new(text: impl Into<String>, size: f32, weight: Weight) -> Self {
        Paragraph {
            text: text.into(),
            size,
            weight,
            indent: 0.0,
            space_before: 0.0,
            struck: false,
            label: None,
        }
    }
}

/// Paragraphs that belong on the same page (an offering's lines), and
/// whether the next block must be on the same page as this one (a day's
/// heading and its first offering).
#[derive(Clone, Debug, Default)]
pub struct Block {
    pub paragraphs: Vec<Paragraph>,
    pub keep_with_next: bool,
}

/// What each page carries besides its blocks.
pub struct Furniture {
    /// Above the blocks on every page after the first.
    pub running_head: String,
    /// At the foot of every page, left.
    pub footer: String,
    /// At the foot of every page, right: "Page 1 of 3", given the page and
    /// the number of pages.
    pub page_of: Box<dyn Fn(usize, usize) -> String + Send>,
    /// The document's title and language, for readers and screen readers.
    pub title: String,
    pub lang: &'static str,
}

/// A line set on a page.
#[derive(Debug, PartialEq)]
struct Line {
    x: f32,
    /// The baseline, from the top of the page.
    y: f32,
    text: String,
    size: f32,
    weight: Weight,
    struck: bool,
}

/// A paragraph broken into lines, each with the height it takes.
fn set(paragraph: &Paragraph) -> Vec<(f32, Line)> {
    let face = paragraph.weight.face();
    let width = PAGE_WIDTH - 2.0 * MARGIN - paragraph.indent;
    let step = paragraph.size * LEADING;
    let mut lines: Vec<(f32, Line)> =
        wrap(&paragraph.text, width, |t| face.width(t, paragraph.size))
            .into_iter()
            .map(|text| {
                (
                    step,
                    Line {
                        x: MARGIN + paragraph.indent,
                        y: 0.0,
                        text,
                        size: paragraph.size,
                        weight: paragraph.weight,
                        struck: paragraph.struck,
                    },
                )
            })
            .collect();
    if let Some(first) = lines.first_mut() {
        first.0 += paragraph.space_before;
    }
    if let Some(label) = &paragraph.label
        && let Some(first) = lines.first_mut()
    {
        // Beside the first line, on its baseline, and read before it: it
        // takes the first line's height, and the first line none.
        let step = std::mem::replace(&mut first.0, 0.0);
        lines.insert(
            0,
            (
                step,
                Line {
                    x: MARGIN,
                    y: 0.0,
                    text: label.clone(),
                    size: paragraph.size,
                    weight: paragraph.weight,
                    struck: false,
                },
            ),
        );
    }
    lines
}

/// `text` in lines no wider than `width` by `measure`, broken between
/// words; a word wider than a line is broken between its letters.
fn wrap(text: &str, width: f32, measure: impl Fn(&str) -> f32) -> Vec<String> {
    let joined = |line: &str, word: &str| {
        if line.is_empty() {
            word.to_owned()
        } else {
            format!("{line} {word}")
        }
    };
    let mut lines = Vec::new();
    let mut line = String::new();
    for word in text.split_whitespace() {
        let candidate = joined(&line, word);
        if measure(&candidate) <= width {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            // Rather after a comma, when that leaves at least half a line:
            // "Tøyengata 14," over "0578 Fjordvik", not the postcode
            // parted from its town.
            let rest = match line.rfind(", ") {
                Some(at) if measure(&line[..=at]) >= width / 2.0 => {
                    let rest = line[at + 2..].to_owned();
                    line.truncate(at + 1);
                    rest
                }
                _ => String::new(),
            };
            lines.push(std::mem::replace(&mut line, rest));
            let candidate = joined(&line, word);
            if measure(&candidate) <= width {
                line = candidate;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
        }
        for c in word.chars() {
            line.push(c);
            if measure(&line) > width && line.chars().count() > 1 {
                line.pop();
                lines.push(std::mem::replace(&mut line, c.to_string()));
            }
        }
    }
    if !line.is_empty() || lines.is_empty() {
        lines.push(line);
    }
    lines
}

/// The blocks in pages of lines: a block that does not fit on what is left
/// of a page starts the next, with the block it must be kept with; a block
/// taller than a page is broken where the page ends.
fn paginate(blocks: &[Block], running_head: &str) -> Vec<Vec<Line>> {
    let bottom = PAGE_HEIGHT - MARGIN - 2.0 * FURNITURE_SIZE * LEADING;
    let top_after_head = MARGIN + 2.0 * FURNITURE_SIZE * LEADING;
    let set_blocks: Vec<Vec<(f32, Line)>> = blocks
        .iter()
        .map(|b| b.paragraphs.iter().flat_map(set).collect())
        .collect();
    let heights: Vec<f32> = set_blocks
        .iter()
        .map(|lines| lines.iter().map(|(h, _)| h).sum())
        .collect();
    let mut pages: Vec<Vec<Line>> = vec![Vec::new()];
    let mut y = MARGIN;
    for (i, lines) in set_blocks.into_iter().enumerate() {
        // What must go on this page with the block: the blocks it is kept
        // with, as far as the first one that is not kept with the next.
        let mut needed = heights[i];
        let mut j = i;
        while blocks[j].keep_with_next && j + 1 < blocks.len() {
            j += 1;
            needed += heights[j];
        }
        let empty = pages.last().is_none_or(Vec::is_empty);
        if y + needed > bottom && !empty {
            pages.push(Vec::new());
            y = top_after_head;
        }
        for (step, mut line) in lines {
            if y + step > bottom && pages.last().is_some_and(|p| !p.is_empty()) {
                pages.push(Vec::new());
                y = top_after_head;
            }
            y += step;
            line.y = y;
            pages.last_mut().expect("a page").push(line);
        }
    }
    for page in pages.iter_mut().skip(1) {
        page.insert(
            0,
            Line {
                x: MARGIN,
                y: MARGIN + FURNITURE_SIZE,
                text: running_head.to_owned(),
                size: FURNITURE_SIZE,
                weight: Weight::Regular,
                struck: false,
            },
        );
    }
    pages
}

/// The blocks on as many A4 pages as they need, as a PDF.
pub fn write(blocks: &[Block], furniture: &Furniture) -> Result<Vec<u8>, String> {
    let pages = paginate(blocks, &furniture.running_head);
    let count = pages.len();
    let mut document = Document::new();
    document.set_metadata(
        Metadata::new()
            .title(furniture.title.clone())
            .language(furniture.lang.to_owned())
            .creator("Treffpunkt".to_owned()),
    );
    let foot = PAGE_HEIGHT - MARGIN;
    for (n, lines) in pages.into_iter().enumerate() {
        let settings = PageSettings::from_wh(PAGE_WIDTH, PAGE_HEIGHT).expect("A4 is a size");
        let mut page = document.start_page_with(settings);
        let mut surface = page.surface();
        for line in &lines {
            let face = line.weight.face();
            face.draw(
                &mut surface,
                Point::from_xy(line.x, line.y),
                &line.text,
                line.size,
            );
            if line.struck {
                // Through the middle of the lower-case letters.
                let y = line.y - line.size * 0.3;
                let mut path = PathBuilder::new();
                path.move_to(line.x, y);
                path.line_to(line.x + face.width(&line.text, line.size), y);
                if let Some(path) = path.finish() {
                    surface.set_stroke(Some(Stroke {
                        width: line.size / 14.0,
                        ..Stroke::default()
                    }));
                    surface.draw_path(&path);
                    surface.set_stroke(None);
                }
            }
        }
        // The footer last: read after the page it closes.
        let page_of = (furniture.page_of)(n + 1, count);
        let right = PAGE_WIDTH - MARGIN - REGULAR.width(&page_of, FURNITURE_SIZE);
        // Side by side when they fit, else the footer on the line above
        // (the foot has room for two lines).
        let beside = MARGIN + REGULAR.width(&furniture.footer, FURNITURE_SIZE) + 20.0 <= right;
        let footer_y = if beside {
            foot
        } else {
            foot - FURNITURE_SIZE * LEADING
        };
        let furniture_lines = [
            (MARGIN, footer_y, furniture.footer.as_str()),
            (right, foot, page_of.as_str()),
        ];
        for (x, y, text) in furniture_lines {
            REGULAR.draw(&mut surface, Point::from_xy(x, y), text, FURNITURE_SIZE);
        }
        surface.finish();
        page.finish();
    }
    document.finish().map_err(|e| format!("{e:?}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The text of `pdf`, page by page, as a reader extracts it: a line
    /// each, spaces and line breaks as single spaces.
    pub fn text_of(pdf: &[u8]) -> String {
        let document = lopdf::Document::load_mem(pdf).expect("a PDF");
        let pages: Vec<u32> = document.get_pages().into_keys().collect();
        let text = document.extract_text(&pages).expect("its text");
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    #[test]
    fn lines_break_between_words_and_a_long_word_between_letters() {
        let measure = |t: &str| t.chars().count() as f32;
        assert_eq!(
            wrap("Sterk og stødig for deg", 10.0, measure),
            ["Sterk og", "stødig for", "deg"]
        );
        assert_eq!(
            wrap("Lærings-og-mestringskurs", 10.0, measure),
            ["Lærings-og", "-mestrings", "kurs"]
        );
        assert_eq!(wrap("", 10.0, measure), [""]);
        assert_eq!(
            wrap("Bydelshus, Tøyengata 14, 0578 Fjordvik", 20.0, measure),
            ["Bydelshus,", "Tøyengata 14,", "0578 Fjordvik"]
        );
        // A comma early in the line is no place to break.
        assert_eq!(
            wrap("Hus, Tøyengata 14 og mer", 20.0, measure),
            ["Hus, Tøyengata 14 og", "mer"]
        );
    }

    #[test]
    fn a_heading_goes_to_the_next_page_with_what_it_heads() {
        let item = |text: &str| Block {
            paragraphs: vec![Paragraph::new(text, 16.0, Weight::Regular); 6],
            keep_with_next: false,
        };
        let heading = Block {
            paragraphs: vec![Paragraph::new("Tirsdag", 20.0, Weight::Bold)],
            keep_with_next: true,
        };
        // Five items of six lines fill most of the first page; the heading
        // and the sixth do not fit below them together.
        let mut blocks: Vec<Block> = (0..5).map(|i| item(&format!("item {i}"))).collect();
        blocks.push(heading);
        blocks.push(item("after"));
        let pages = paginate(&blocks, "head");
        assert_eq!(pages.len(), 2);
        let second: Vec<&str> = pages[1].iter().map(|l| l.text.as_str()).collect();
        assert_eq!(second[..3], ["head", "Tirsdag", "after"]);
        assert!(pages.iter().flatten().all(|l| l.y <= PAGE_HEIGHT - MARGIN));
    }

    #[test]
    fn a_long_paper_runs_onto_pages_each_with_its_head_and_number() {
        let blocks: Vec<Block> = (1..=40)
            .map(|i| Block {
                paragraphs: vec![
                    Paragraph::new(format!("Tilbud nummer {i}"), 16.0, Weight::Bold),
                    Paragraph::new("Åpent for alle · Gratis", 16.0, Weight::Regular),
                ],
                keep_with_next: false,
            })
            .collect();
        let furniture = Furniture {
            running_head: "Ukeprogram (fortsatt)".into(),
            footer: "Skrevet ut i dag".into(),
            page_of: Box::new(|page, pages| format!("Side {page} av {pages}")),
            title: "Ukeprogram".into(),
            lang: "nb",
        };
        let pdf = write(&blocks, &furniture).unwrap();
        let text = text_of(&pdf);
        let pages = paginate(&blocks, "").len();
        assert!(pages >= 2, "{pages}");
        for page in 1..=pages {
            assert!(text.contains(&format!("Side {page} av {pages}")), "{text}");
        }
        assert_eq!(text.matches("Ukeprogram (fortsatt)").count(), pages - 1);
        assert_eq!(text.matches("Skrevet ut i dag").count(), pages);
        for i in 1..=40 {
            let line = format!("Tilbud nummer {i} Åpent for alle");
            assert_eq!(text.matches(&line).count(), 1, "{line} in {text}");
        }
    }

    #[test]
    fn every_letter_of_norwegian_and_sami_is_in_the_typeface() {
        let letters = "æøåÆØÅáÁčČđĐŋŊšŠŧŦžŽïÏäÄöÖâÂ";
        for face in [&*REGULAR, &*BOLD] {
            for c in letters.chars() {
                assert!(face.metrics.glyph_index(c).is_some(), "{c}");
            }
        }
    }
}
