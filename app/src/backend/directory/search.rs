//! Search that forgives the way people type: an index in each server's
//! memory (tantivy), built from the read model at start-up and kept up
//! with it by the directory's version, so a change made through any server
//! is found on every server within seconds.
//!
//! A search word finds an offering through any of:
//! - its stem, in Bokmål or Nynorsk (Snowball's Norwegian stemmer, which
//!   knows both `-er` and `-ar` plurals), after folding æ, ø and å to ae, o
//!   and a, so `sondag` finds `Søndagskafé`;
//! - the start or the end of a longer word in a title or summary, so
//!   `trim` finds `Lungetrim` and `treff` finds `Formiddagstreff`;
//! - a word one or two letters off (`bocia`, `strikkekafe`);
//! - a synonym from `locales/search/synonyms.txt` (`mobil`, `smarttelefon`).
//!
//! Every word must be found (common words like `og` aside); when that finds
//! nothing, offerings with any of the words are listed. The filters of the
//! listing are terms in the same index, so counting and paging are exact.

use std::cmp::Reverse;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::sync::{Arc, Mutex, RwLock};

use sea_orm::{
    ColumnTrait, DatabaseTransaction, EntityTrait, PaginatorTrait, QueryFilter, QueryOrder,
    QuerySelect, TransactionTrait,
};
use tantivy::collector::{Collector, SegmentCollector};
use tantivy::columnar::ColumnValues;
use tantivy::query::{
    BooleanQuery, BoostQuery, DisjunctionMaxQuery, FuzzyTermQuery, Occur, Query, TermQuery,
};
use tantivy::schema::{
    FAST, Field, INDEXED, IndexRecordOption, STRING, Schema, TextFieldIndexing, TextOptions,
};
use tantivy::tokenizer::{
    AsciiFoldingFilter, Language, LowerCaser, RemoveLongFilter, SimpleTokenizer, Stemmer,
    TextAnalyzer, WhitespaceTokenizer,
};
use tantivy::{
    DocId, Index, IndexReader, IndexWriter, ReloadPolicy, Score, SegmentOrdinal, SegmentReader,
    TantivyDocument, Term,
};

use super::read_model;
use crate::backend::db::Db;
use crate::backend::entities::{listing, offering, offering_category};
use crate::domain::Code;
use crate::domain::error::AppError;
use crate::domain::filter::ListingFilter;
use crate::domain::offering::{Audience, Referral};

/// Built-in synonyms and common words: data, in `locales/`.
const SYNONYMS: &str = include_str!("../../../../locales/search/synonyms.txt");
const STOPWORDS: &str = include_str!("../../../../locales/search/stopwords.txt");
const FORMS: &str = include_str!("../../../../locales/search/forms.txt");
const AUDIENCES: &str = include_str!("../../../../locales/search/audiences.txt");

/// Rows read from the database at a time while indexing.
const BATCH: u64 = 2_000;
/// The analyzer of titles and texts: words, lower case, folded, stemmed.
const NORWEGIAN: &str = "norwegian";
/// The analyzer of word parts: already split and folded.
const PARTS: &str = "parts";
/// Words shorter than this are not split into parts.
const PART_MIN: usize = 3;

#[derive(Debug, thiserror::Error)]
#[error("search index: {0}")]
pub struct SearchError(#[from] tantivy::TantivyError);

impl From<SearchError> for AppError {
    fn from(e: SearchError) -> Self {
        AppError::internal(e)
    }
}

struct Fields {
    id: Field,
    /// When the offering next meets, for "soonest first" among equals.
    sort_at: Field,
    title: Field,
    summary: Field,
    body: Field,
    /// Parts of the words of titles, and of summaries.
    title_parts: Field,
    summary_parts: Field,
    tags: Field,
}

/// Which words mean the same, which are forms of one word the stemmer
/// does not join, which name an audience, and which are too common to
/// search for.
struct Lexicon {
    synonyms: HashMap<String, Vec<String>>,
    forms: HashMap<String, Vec<String>>,
    /// Folded word → the audience tag (`a:seniors`) it names.
    audiences: HashMap<String, String>,
    stopwords: HashSet<String>,
}

/// The lines of a word list: trimmed, lower-cased, without blanks and
/// `#` comments.
fn lines(text: &str) -> Vec<String> {
    text.lines()
        .map(str::trim)
        .filter(|l| !l.is_empty() && !l.starts_with('#'))
        .map(str::to_lowercase)
        .collect()
}

/// Comma-separated groups, one a line: each word maps to the others of
/// its group.
fn groups(text: &str) -> HashMap<String, Vec<String>> {
    let mut groups: HashMap<String, Vec<String>> = HashMap::new();
    for line in lines(text) {
        let words: Vec<String> = line
            .split(',')
            .map(|w| w.trim().to_string())
            .filter(|w| !w.is_empty())
            .collect();
        for w in &words {
            let entry = groups.entry(w.clone()).or_default();
            entry.extend(words.iter().filter(|o| *o != w).cloned());
        }
    }
    groups
}

impl Lexicon {
    fn parse(synonyms: &str, stopwords: &str) -> Self {
        let mut folder = folder();
        let mut audiences = HashMap::new();
        for line in lines(AUDIENCES) {
            let Some((code, words)) = line.split_once(':') else {
                continue;
            };
            for word in words.split(',').map(str::trim).filter(|w| !w.is_empty()) {
                audiences.insert(
                    tokens(&mut folder, word).concat(),
                    format!("a:{}", code.trim()),
                );
            }
        }
        Lexicon {
            synonyms: groups(synonyms),
            forms: groups(FORMS),
            audiences,
            stopwords: lines(stopwords).into_iter().collect(),
        }
    }
}

/// One server's search index.
#[derive(Clone)]
pub struct Search {
    inner: Arc<Inner>,
}

struct Inner {
    reader: IndexReader,
    writer: Mutex<IndexWriter>,
    fields: Fields,
    lexicon: Lexicon,
    /// How far the index has read the read model: the highest
    /// `listing.changed_seq` indexed, and the directory version it last
    /// caught up with. Held while catching up, so only one task does.
    progress: tokio::sync::Mutex<Progress>,
    /// Words of titles and summaries for "did you mean": by their folded
    /// form, the word as written (lower case) and how often it occurs.
    vocabulary: RwLock<HashMap<String, (String, u32)>>,
}

fn analyzer() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .filter(Stemmer::new(Language::Norwegian))
        .build()
}

fn lower() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .build()
}

fn folder() -> TextAnalyzer {
    TextAnalyzer::builder(SimpleTokenizer::default())
        .filter(RemoveLongFilter::limit(40))
        .filter(LowerCaser)
        .filter(AsciiFoldingFilter)
        .build()
}

/// The most words a suggestion looks up, and the longest it looks up.
const SUGGEST_WORDS_MAX: usize = 3;
const SUGGEST_CHARS_MAX: usize = 24;

/// The most terms (word forms, synonyms' forms and compound halves) one
/// search looks for, and of them the most it looks for one or two letters
/// off. The cost of a search grows with both, fuzzy terms most, whatever
/// the characters: `abcdefgh-abcdefgh-…` is one word of eleven terms.
const TERMS_MAX: usize = 12;
const FUZZY_MAX: usize = 3;

/// The analyzers a query is made with, and what it has spent of its
/// budget of terms.
struct Tools {
    analyzer: TextAnalyzer,
    folder: TextAnalyzer,
    terms: usize,
    fuzzy: usize,
}

impl Tools {
    fn new() -> Self {
        Tools {
            analyzer: analyzer(),
            folder: folder(),
            terms: 0,
            fuzzy: 0,
        }
    }

    /// Takes one term from the budget; false once it is spent.
    fn term(&mut self) -> bool {
        self.terms += 1;
        self.terms <= TERMS_MAX
    }

    /// Takes one fuzzy term from its budget.
    fn fuzzy(&mut self) -> bool {
        self.fuzzy += 1;
        self.fuzzy <= FUZZY_MAX
    }
}

/// The tokens `analyzer` makes of `text`.
fn tokens(analyzer: &mut TextAnalyzer, text: &str) -> Vec<String> {
    let mut out = Vec::new();
    analyzer
        .token_stream(text)
        .process(&mut |t| out.push(t.text.clone()));
    out
}

/// The starts and ends of each longer word, e.g. `lungetrim`: `lun`,
/// `lung`, …, `rim`, `trim`, `etrim`, …: what lets a part of a compound be
/// found.
fn parts_of(words: &[String]) -> String {
    let mut parts = Vec::new();
    for word in words {
        let chars: Vec<char> = word.chars().collect();
        if chars.len() <= PART_MIN {
            continue;
        }
        for n in PART_MIN..chars.len() {
            parts.push(chars[..n].iter().collect::<String>());
            parts.push(chars[chars.len() - n..].iter().collect::<String>());
        }
    }
    parts.join(" ")
}

/// The tags a row is filtered by, the same way the listing query filters.
fn tags(row: &listing::Model, categories: &[i32]) -> Vec<String> {
    let mut tags = vec![
        format!("d:{}", row.district_id),
        format!("k:{}", row.kind.code()),
    ];
    if row.price_nok == 0 {
        tags.push("free".into());
    }
    if !row.sign_up_required {
        tags.push("drop-in".into());
    }
    if row.step_free {
        tags.push("step-free".into());
    }
    if row.referral != Referral::Required {
        tags.push("no-referral".into());
    }
    for audience in <Audience as strum::IntoEnumIterator>::iter() {
        if row.audiences & read_model::audience_bit(audience) != 0 {
            tags.push(format!("a:{}", audience.code()));
        }
    }
    for bit in 0..21 {
        if row.slots & (1 << bit) != 0 {
            tags.push(format!("s:{bit}"));
        }
    }
    tags.extend(categories.iter().map(|c| format!("c:{c}")));
    tags
}

#[derive(Default)]
struct Progress {
    seq: i64,
    version: i64,
    /// The version of the last edit this pass saw.
    last_edit: i64,
    /// The last row indexed, for reading on in batches.
    offering_id: i32,
    /// The offerings in the index.
    indexed: HashSet<i32>,
}

/// What a search found: offering ids, best first, and how many there are
/// in all.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Found {
    pub ids: Vec<i32>,
    pub total: u32,
}

/// Where to search: the listing's filters, with the district and category
/// the filter names by slug already looked up.
pub struct Scope<'a> {
    pub filter: &'a ListingFilter,
    pub district: Option<i32>,
    pub category: Option<i32>,
}

impl Search {
    /// An empty index; [`Search::catch_up`] fills it.
    pub fn new() -> Result<Search, SearchError> {
        Self::with_lexicon(Lexicon::parse(SYNONYMS, STOPWORDS))
    }

    /// An index with the synonyms of `synonyms` (the text of a synonyms
    /// file) instead of the built-in ones.
    pub fn with_synonyms(synonyms: &str) -> Result<Search, SearchError> {
        Self::with_lexicon(Lexicon::parse(synonyms, STOPWORDS))
    }

    fn with_lexicon(lexicon: Lexicon) -> Result<Search, SearchError> {
        let mut schema = Schema::builder();
        // Neither how often a word occurs nor how long the text is counts:
        // offerings are short, and "Sterk og stødig" in five districts
        // should score the same, so that the soonest comes first. What
        // counts is where a word matched, how, and how rare it is.
        let text = |tokenizer: &str| {
            TextOptions::default().set_indexing_options(
                TextFieldIndexing::default()
                    .set_tokenizer(tokenizer)
                    .set_index_option(IndexRecordOption::Basic)
                    .set_fieldnorms(false),
            )
        };
        let fields = Fields {
            id: schema.add_u64_field("id", INDEXED | FAST),
            sort_at: schema.add_i64_field("sort_at", FAST),
            title: schema.add_text_field("title", text(NORWEGIAN)),
            summary: schema.add_text_field("summary", text(NORWEGIAN)),
            body: schema.add_text_field("body", text(NORWEGIAN)),
            title_parts: schema.add_text_field("title_parts", text(PARTS)),
            summary_parts: schema.add_text_field("summary_parts", text(PARTS)),
            tags: schema.add_text_field("tags", STRING),
        };
        let index = Index::create_in_ram(schema.build());
        index.tokenizers().register(NORWEGIAN, analyzer());
        index.tokenizers().register(
            PARTS,
            TextAnalyzer::builder(WhitespaceTokenizer::default()).build(),
        );
        // Tantivy's smallest budget: the whole country indexes in a few
        // segments anyway, and a server's memory goes to serving.
        let writer = index.writer_with_num_threads(1, 15_000_000)?;
        let reader = index
            .reader_builder()
            .reload_policy(ReloadPolicy::Manual)
            .try_into()?;
        Ok(Search {
            inner: Arc::new(Inner {
                reader,
                writer: Mutex::new(writer),
                fields,
                lexicon,
                progress: tokio::sync::Mutex::new(Progress {
                    seq: -1,
                    version: -1,
                    last_edit: -1,
                    ..Progress::default()
                }),
                vocabulary: RwLock::default(),
            }),
        })
    }

    /// Indexes what changed in the read model since the last call (all of
    /// it, the first time), if the directory's version says anything did.
    /// Returns how many rows it read.
    pub async fn catch_up(&self, db: &Db, version: i64) -> Result<u32, AppError> {
        let mut progress = self.inner.progress.lock().await;
        if version <= progress.version {
            return Ok(0);
        }
        // The version this pass reaches is read with the rows, in one
        // transaction: one snapshot on SQLite. Read apart, a pooled
        // connection could see a newer version than another one saw rows,
        // and the rows in between would never be indexed.
        let txn = db.read().begin().await?;
        let version = read_model::version(&txn).await?;
        let mut read = 0;
        loop {
            // On from the last row indexed, in (changed_seq, offering_id)
            // order, so that no batch boundary skips a row.
            let rows = listing::Entity::find()
                .filter(
                    sea_orm::Condition::any()
                        .add(listing::Column::ChangedSeq.gt(progress.seq))
                        .add(
                            sea_orm::Condition::all()
                                .add(listing::Column::ChangedSeq.eq(progress.seq))
                                .add(listing::Column::OfferingId.gt(progress.offering_id)),
                        ),
                )
                .order_by_asc(listing::Column::ChangedSeq)
                .order_by_asc(listing::Column::OfferingId)
                .limit(BATCH)
                .all(&txn)
                .await?;
            let Some(last) = rows.last() else {
                break;
            };
            (progress.seq, progress.offering_id) = (last.changed_seq, last.offering_id);
            let ids: Vec<i32> = rows.iter().map(|r| r.offering_id).collect();
            let texts: HashMap<i32, String> = offering::Entity::find()
                .select_only()
                .column(offering::Column::Id)
                .column(offering::Column::SearchText)
                .filter(offering::Column::Id.is_in(ids.iter().copied()))
                .into_tuple::<(i32, String)>()
                .all(&txn)
                .await?
                .into_iter()
                .collect();
            let mut categories: HashMap<i32, Vec<i32>> = HashMap::new();
            for c in offering_category::Entity::find()
                .filter(offering_category::Column::OfferingId.is_in(ids.iter().copied()))
                .all(&txn)
                .await?
            {
                categories
                    .entry(c.offering_id)
                    .or_default()
                    .push(c.category_id);
            }
            read += u32::try_from(rows.len()).unwrap_or(u32::MAX);
            self.index_rows(&rows, &texts, &categories, &mut progress.indexed)?;
        }
        if u64::from(read) > BATCH {
            self.compact();
        }
        // Only an edit deletes an offering; time passing (a new version
        // every minute at a country's size) does not.
        if version.last_edit > progress.last_edit {
            self.forget_deleted(&txn, &mut progress).await?;
        }
        txn.commit().await?;
        progress.version = version.current;
        progress.last_edit = version.last_edit;
        Ok(read)
    }

    /// An offering deleted leaves no row to read: when the index holds
    /// more than the read model lists, drops what it no longer has.
    /// Counting the listed rows takes 20 ms at 100 000 offerings on
    /// PostgreSQL, with every search waiting behind it, so only after an
    /// edit.
    async fn forget_deleted(
        &self,
        txn: &DatabaseTransaction,
        progress: &mut Progress,
    ) -> Result<(), AppError> {
        let listed = listing::Entity::find()
            .filter(listing::Column::SortAt.is_not_null())
            .count(txn)
            .await?;
        if progress.indexed.len() as u64 == listed {
            return Ok(());
        }
        let ids: HashSet<i32> = listing::Entity::find()
            .select_only()
            .column(listing::Column::OfferingId)
            .filter(listing::Column::SortAt.is_not_null())
            .into_tuple::<i32>()
            .all(txn)
            .await?
            .into_iter()
            .collect();
        let gone: Vec<i32> = progress.indexed.difference(&ids).copied().collect();
        self.forget(&gone)?;
        for id in gone {
            progress.indexed.remove(&id);
        }
        Ok(())
    }

    /// Merges the index into one segment and searches that. A bulk read
    /// (the whole country at start-up) commits a segment per batch, and
    /// every search builds its fuzzy automata and unions once per
    /// segment: at 100 000 offerings that was most of a search's time.
    /// Later edits add small segments that tantivy merges as it goes.
    fn compact(&self) {
        let mut writer = self.inner.writer.lock().expect("writer");
        let merged = writer
            .index()
            .searchable_segment_ids()
            .and_then(|ids| match ids.len() {
                0 | 1 => Ok(None),
                _ => writer.merge(&ids).wait(),
            });
        drop(writer);
        // Not merging costs time, not results.
        if let Err(e) = merged.map_err(SearchError::from).and_then(|_| {
            self.inner.reader.reload()?;
            Ok(())
        }) {
            tracing::warn!(error = %e, "search index not merged");
        }
    }

    fn forget(&self, ids: &[i32]) -> Result<(), SearchError> {
        if ids.is_empty() {
            return Ok(());
        }
        let mut writer = self.inner.writer.lock().expect("writer");
        for id in ids {
            let id = u64::try_from(*id).unwrap_or_default();
            writer.delete_term(Term::from_field_u64(self.inner.fields.id, id));
        }
        writer.commit()?;
        drop(writer);
        self.inner.reader.reload()?;
        Ok(())
    }

    fn index_rows(
        &self,
        rows: &[listing::Model],
        texts: &HashMap<i32, String>,
        categories: &HashMap<i32, Vec<i32>>,
        indexed: &mut HashSet<i32>,
    ) -> Result<(), SearchError> {
        let f = &self.inner.fields;
        let (mut folder, mut lower) = (folder(), lower());
        let mut words: Vec<String> = Vec::new();
        {
            let mut writer = self.inner.writer.lock().expect("writer");
            for row in rows {
                let id = u64::try_from(row.offering_id).unwrap_or_default();
                writer.delete_term(Term::from_field_u64(f.id, id));
                let Some(sort_at) = row.sort_at else {
                    indexed.remove(&row.offering_id);
                    continue;
                };
                indexed.insert(row.offering_id);
                let titles = [
                    Some(&row.title_nb),
                    row.title_nn.as_ref(),
                    row.title_en.as_ref(),
                ]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
                let summaries = [
                    Some(&row.summary_nb),
                    row.summary_nn.as_ref(),
                    row.summary_en.as_ref(),
                ]
                .into_iter()
                .flatten()
                .cloned()
                .collect::<Vec<_>>()
                .join("\n");
                let shown = format!("{titles}\n{summaries}");
                let mut doc = TantivyDocument::default();
                doc.add_u64(f.id, id);
                doc.add_i64(f.sort_at, sort_at.and_utc().timestamp());
                doc.add_text(f.title, &titles);
                doc.add_text(f.summary, &summaries);
                doc.add_text(f.body, texts.get(&row.offering_id).unwrap_or(&summaries));
                doc.add_text(f.title_parts, parts_of(&tokens(&mut folder, &titles)));
                doc.add_text(f.summary_parts, parts_of(&tokens(&mut folder, &summaries)));
                for tag in tags(
                    row,
                    categories.get(&row.offering_id).map_or(&[], Vec::as_slice),
                ) {
                    doc.add_text(f.tags, tag);
                }
                writer.add_document(doc)?;
                words.extend(tokens(&mut lower, &shown));
            }
            writer.commit()?;
        }
        self.inner.reader.reload()?;
        let mut vocabulary = self.inner.vocabulary.write().expect("vocabulary");
        for word in words.into_iter().filter(|w| w.chars().count() > 2) {
            let folded = tokens(&mut folder, &word).concat();
            vocabulary.entry(folded).or_insert((word, 0)).1 += 1;
        }
        Ok(())
    }

    /// The query for one search word: the best of the word itself, its
    /// synonyms and, for a compound no text has, its two halves.
    fn word_query(&self, word: &str, tools: &mut Tools) -> Option<Box<dyn Query>> {
        let mut alternatives: Vec<Box<dyn Query>> = Vec::new();
        alternatives.extend(self.form_query(word, 1.0, true, tools));
        let lexicon = &self.inner.lexicon;
        if let Some(forms) = lexicon.forms.get(word) {
            // Another form of the same word counts as the word.
            alternatives.extend(
                forms
                    .iter()
                    .filter_map(|f| self.form_query(f, 0.9, false, tools)),
            );
        }
        let folded = tokens(&mut tools.folder, word).concat();
        if let Some(tag) = lexicon.audiences.get(&folded) {
            // "pensjonist" finds what is made for seniors, whatever its
            // text calls them.
            alternatives.push(Box::new(BoostQuery::new(
                Box::new(TermQuery::new(
                    Term::from_field_text(self.inner.fields.tags, tag),
                    IndexRecordOption::Basic,
                )),
                0.5,
            )));
        }
        if let Some(more) = lexicon.synonyms.get(word) {
            // A synonym counts for less than the word typed.
            alternatives.extend(
                more.iter()
                    .filter_map(|s| self.form_query(s, 0.6, false, tools)),
            );
        }
        if let Some((left, right)) = self.halves(word, tools) {
            let both: Vec<(Occur, Box<dyn Query>)> = [left, right]
                .iter()
                .filter_map(|half| self.word_query(half, tools))
                .map(|q| (Occur::Must, q))
                .collect();
            if both.len() == 2 {
                alternatives.push(Box::new(BoostQuery::new(
                    Box::new(BooleanQuery::new(both)),
                    0.5,
                )));
            }
        }
        (!alternatives.is_empty()).then(|| {
            Box::new(DisjunctionMaxQuery::with_tie_breaker(alternatives, 0.1)) as Box<dyn Query>
        })
    }

    /// One form of a search word in every field: its stem in titles
    /// (weighing most), summaries and whole texts, as part of a longer word, and, for the
    /// word typed, one or two letters off.
    fn form_query(
        &self,
        form: &str,
        weight: f32,
        fuzzy: bool,
        tools: &mut Tools,
    ) -> Option<Box<dyn Query>> {
        let f = &self.inner.fields;
        let boosted = |q: Box<dyn Query>, b: f32| -> (Occur, Box<dyn Query>) {
            (Occur::Should, Box::new(BoostQuery::new(q, b * weight)))
        };
        let term_query = |field, text: &str| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(field, text),
                IndexRecordOption::Basic,
            ))
        };
        let mut clauses: Vec<(Occur, Box<dyn Query>)> = Vec::new();
        for stem in tokens(&mut tools.analyzer, form) {
            if !tools.term() {
                break;
            }
            clauses.push(boosted(term_query(f.title, &stem), 4.0));
            clauses.push(boosted(term_query(f.summary, &stem), 2.0));
            clauses.push(boosted(term_query(f.body, &stem), 1.0));
            let chars = stem.chars().count();
            if fuzzy && chars >= 4 && tools.fuzzy() {
                let distance = if chars >= 8 { 2 } else { 1 };
                let near = |field| {
                    Box::new(FuzzyTermQuery::new(
                        Term::from_field_text(field, &stem),
                        distance,
                        true,
                    ))
                };
                clauses.push(boosted(near(f.title), 1.0));
                clauses.push(boosted(near(f.summary), 0.5));
                clauses.push(boosted(near(f.body), 0.3));
            }
        }
        for folded in tokens(&mut tools.folder, form) {
            if folded.chars().count() >= PART_MIN {
                clauses.push(boosted(term_query(f.title_parts, &folded), 3.0));
                clauses.push(boosted(term_query(f.summary_parts, &folded), 1.0));
            }
        }
        (!clauses.is_empty()).then(|| Box::new(BooleanQuery::new(clauses)) as Box<dyn Query>)
    }

    /// A compound typed that no text has, as two words the texts have:
    /// `lungetrim` is `lunge` and `trim`, `hjertekurs` `hjerte` and `kurs`,
    /// also across a joining s or e (`formiddagstreff`).
    fn halves(&self, word: &str, tools: &mut Tools) -> Option<(String, String)> {
        let folded = tokens(&mut tools.folder, word).concat();
        let vocabulary = self.inner.vocabulary.read().expect("vocabulary");
        if vocabulary.contains_key(&folded) {
            return None;
        }
        let chars: Vec<char> = folded.chars().collect();
        let known = |w: &[char]| {
            w.len() >= PART_MIN && vocabulary.contains_key(&w.iter().collect::<String>())
        };
        // The most even split first: it is the likeliest reading.
        let mut splits: Vec<usize> = (PART_MIN..chars.len().saturating_sub(PART_MIN - 1)).collect();
        splits.sort_by_key(|i| (chars.len() / 2).abs_diff(*i));
        for i in splits {
            let right = &chars[i..];
            let mut lefts = vec![&chars[..i]];
            if matches!(chars[i - 1], 's' | 'e') {
                lefts.push(&chars[..i - 1]);
            }
            if let Some(left) = lefts.into_iter().find(|l| known(l))
                && known(right)
            {
                return Some((left.iter().collect(), right.iter().collect()));
            }
        }
        None
    }

    /// The scope's conditions as terms that must match.
    fn scope_clauses(&self, scope: &Scope<'_>) -> Vec<(Occur, Box<dyn Query>)> {
        let f = &self.inner.fields;
        let (filter, district, category) = (scope.filter, scope.district, scope.category);
        let tag = |t: String| -> Box<dyn Query> {
            Box::new(TermQuery::new(
                Term::from_field_text(f.tags, &t),
                IndexRecordOption::Basic,
            ))
        };
        let mut must: Vec<Box<dyn Query>> = Vec::new();
        if let Some(d) = district {
            must.push(tag(format!("d:{d}")));
        }
        if let Some(kind) = filter.kind {
            must.push(tag(format!("k:{}", kind.code())));
        }
        if filter.free_only {
            must.push(tag("free".into()));
        }
        if filter.no_sign_up {
            must.push(tag("drop-in".into()));
        }
        if filter.step_free {
            must.push(tag("step-free".into()));
        }
        if filter.no_referral {
            must.push(tag("no-referral".into()));
        }
        if let Some(audience) = filter.audience {
            must.push(tag(format!("a:{}", audience.code())));
        }
        if let Some(c) = category {
            must.push(tag(format!("c:{c}")));
        }
        if filter.weekday.is_some() || filter.time_of_day.is_some() {
            let mask = read_model::slot_mask(filter.weekday, filter.time_of_day);
            let any: Vec<Box<dyn Query>> = (0..21)
                .filter(|bit| mask & (1 << bit) != 0)
                .map(|bit| tag(format!("s:{bit}")))
                .collect();
            must.push(Box::new(BooleanQuery::union(any)));
        }
        must.into_iter().map(|q| (Occur::Must, q)).collect()
    }

    /// The offerings matching `words` and the filter, most relevant
    /// first and among equally relevant the soonest: `limit` of them from
    /// `offset`, and how many there are. Every word must match; if that
    /// finds nothing, any word may.
    pub fn find(
        &self,
        words: &[String],
        scope: &Scope<'_>,
        offset: usize,
        limit: usize,
    ) -> Result<Found, SearchError> {
        let words = self.meaningful(words);
        let mut tools = Tools::new();
        let word_queries: Vec<Box<dyn Query>> = words
            .iter()
            .filter_map(|w| self.word_query(w, &mut tools))
            .collect();
        if word_queries.is_empty() {
            return Ok(Found::default());
        }
        let searcher = self.inner.reader.searcher();
        // With one word, "any word" is the same search again.
        let occurs: &[Occur] = if word_queries.len() > 1 {
            &[Occur::Must, Occur::Should]
        } else {
            &[Occur::Must]
        };
        for &occur in occurs {
            let mut clauses = self.scope_clauses(scope);
            let words: Vec<(Occur, Box<dyn Query>)> = word_queries
                .iter()
                .map(|q| (occur, q.box_clone()))
                .collect();
            clauses.push((Occur::Must, Box::new(BooleanQuery::new(words))));
            let query = BooleanQuery::new(clauses);
            let found = searcher.search(&query, &Matches)?;
            let Some(best) = found.iter().map(|m| m.score).reduce(f32::max) else {
                continue;
            };
            let total = u32::try_from(found.len()).unwrap_or(u32::MAX);
            // Only the rows up to the end of the page need to be in order.
            let end = offset.saturating_add(limit).min(found.len());
            // Scores within a twentieth of each other count as equally good,
            // so that a common word lists its matches soonest first while
            // a match in the title still comes before one in the text.
            let level = |score: Score| (score / best * 20.0).floor() as i64;
            // The page is made of the best levels: only their matches need
            // their time and id read to be put in order. A common word
            // matches tens of thousands of offerings, most of them lower.
            let mut per_level: BTreeMap<i64, usize> = BTreeMap::new();
            for m in &found {
                *per_level.entry(level(m.score)).or_default() += 1;
            }
            let mut above = 0;
            let lowest = per_level
                .iter()
                .rev()
                .find_map(|(&l, &n)| {
                    above += n;
                    (above >= end).then_some(l)
                })
                .unwrap_or(i64::MIN);
            let columns = searcher
                .segment_readers()
                .iter()
                .map(|reader| {
                    let fast = reader.fast_fields();
                    Ok((
                        fast.i64("sort_at")?.first_or_default_col(i64::MAX),
                        fast.u64("id")?.first_or_default_col(0),
                    ))
                })
                .collect::<tantivy::Result<Vec<_>>>()?;
            // The order's key is worked out once per match, not per
            // comparison.
            let mut ranked: Vec<(Reverse<i64>, i64, u64)> = found
                .iter()
                .filter_map(|m| {
                    let l = level(m.score);
                    let (sort_at, ids) = columns.get(m.segment as usize)?;
                    (l >= lowest).then(|| (Reverse(l), sort_at.get_val(m.doc), ids.get_val(m.doc)))
                })
                .collect();
            let end = end.min(ranked.len());
            if end < ranked.len() {
                if let Some(last) = end.checked_sub(1) {
                    ranked.select_nth_unstable(last);
                }
                ranked.truncate(end);
            }
            ranked.sort_unstable();
            return Ok(Found {
                ids: ranked
                    .iter()
                    .skip(offset)
                    .map(|(_, _, id)| i32::try_from(*id).unwrap_or_default())
                    .collect(),
                total,
            });
        }
        Ok(Found::default())
    }

    /// The search words without the common ones, unless that leaves none.
    fn meaningful(&self, words: &[String]) -> Vec<String> {
        let kept: Vec<String> = words
            .iter()
            .filter(|w| !self.inner.lexicon.stopwords.contains(w.as_str()))
            .cloned()
            .collect();
        if kept.is_empty() {
            words.to_vec()
        } else {
            kept
        }
    }

    /// A search like `words` that would find something: each word that is
    /// no word of any title or summary swapped for the nearest that is.
    pub fn suggest(&self, words: &[String]) -> Option<String> {
        let vocabulary = self.inner.vocabulary.read().expect("vocabulary");
        let mut folder = folder();
        let mut changed = false;
        // Each word looked up walks the whole vocabulary: a few words, of
        // a length a word has.
        let mut lookups = 0;
        let suggestion: Vec<String> = words
            .iter()
            .map(|word| {
                let folded = tokens(&mut folder, word).concat();
                let chars = folded.chars().count();
                if !(3..=SUGGEST_CHARS_MAX).contains(&chars) || vocabulary.contains_key(&folded) {
                    return word.clone();
                }
                lookups += 1;
                if lookups > SUGGEST_WORDS_MAX {
                    return word.clone();
                }
                let limit = if chars >= 7 { 3 } else { 2 };
                let best = vocabulary
                    .iter()
                    // Words whose lengths differ by more than the limit
                    // cannot be near; telling so costs no distance.
                    .filter(|(f, _)| f.len().abs_diff(folded.len()) <= 2 * limit)
                    .map(|(f, (w, n))| (levenshtein(&folded, f), std::cmp::Reverse(*n), w))
                    .filter(|(d, _, _)| *d <= limit)
                    .min();
                match best {
                    Some((_, _, w)) => {
                        changed = true;
                        w.clone()
                    }
                    None => word.clone(),
                }
            })
            .collect();
        changed.then(|| suggestion.join(" "))
    }
}

/// One match: its score, and where it is. Its next time and offering id
/// are read afterwards, for the matches that can make the page.
#[derive(Clone, Copy)]
struct Match {
    score: Score,
    segment: SegmentOrdinal,
    doc: DocId,
}

/// Every match, scored, in one pass over the index. Ranking needs the best
/// score before it can put the others in levels; asking for it first and
/// ranking after would evaluate the whole query twice, fuzzy words and
/// all. A common word matches tens of thousands of offerings at the size
/// of the country: a few hundred kilobytes here.
struct Matches;

struct SegmentMatches {
    segment: SegmentOrdinal,
    found: Vec<Match>,
}

impl Collector for Matches {
    type Fruit = Vec<Match>;
    type Child = SegmentMatches;

    fn for_segment(
        &self,
        segment: SegmentOrdinal,
        _reader: &SegmentReader,
    ) -> tantivy::Result<SegmentMatches> {
        Ok(SegmentMatches {
            segment,
            found: Vec::new(),
        })
    }

    fn requires_scoring(&self) -> bool {
        true
    }

    fn merge_fruits(&self, mut fruits: Vec<Vec<Match>>) -> tantivy::Result<Vec<Match>> {
        // The index is merged into one segment: nothing to copy then.
        if fruits.len() == 1 {
            return Ok(fruits.pop().unwrap_or_default());
        }
        Ok(fruits.concat())
    }
}

impl SegmentCollector for SegmentMatches {
    type Fruit = Vec<Match>;

    fn collect(&mut self, doc: DocId, score: Score) {
        self.found.push(Match {
            score,
            segment: self.segment,
            doc,
        });
    }

    fn harvest(self) -> Vec<Match> {
        self.found
    }
}

/// Edits between two words (insertions, deletions, substitutions).
fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut row: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut previous = row[0];
        row[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let current = row[j + 1];
            row[j + 1] = (previous + usize::from(ca != *cb))
                .min(row[j] + 1)
                .min(current + 1);
            previous = current;
        }
    }
    row[b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_are_folded_and_stemmed_for_both_written_norwegians() {
        let mut a = analyzer();
        assert_eq!(tokens(&mut a, "Søndagskafé"), ["sondagskaf"]);
        assert_eq!(tokens(&mut a, "sondagskafe"), ["sondagskaf"]);
        assert_eq!(tokens(&mut a, "seniorar seniorer"), ["senior", "senior"]);
        assert_eq!(tokens(&mut a, "kafeane kafeen"), ["kafe", "kafe"]);
    }

    #[test]
    fn compounds_can_be_found_by_their_parts() {
        let parts = parts_of(&["lungetrim".to_string()]);
        for p in ["lun", "lunge", "trim", "etrim"] {
            assert!(parts.split(' ').any(|x| x == p), "{p} in {parts}");
        }
        assert!(parts_of(&["kor".to_string()]).is_empty());
    }

    #[test]
    fn synonyms_go_both_ways_and_comments_are_skipped() {
        let l = Lexicon::parse("# x\neldre, senior\n", "og\n");
        assert_eq!(l.synonyms["eldre"], ["senior"]);
        assert_eq!(l.synonyms["senior"], ["eldre"]);
        assert!(l.stopwords.contains("og"));
    }

    #[test]
    fn a_query_built_to_be_costly_stays_within_its_budget() {
        let search = Search::new().unwrap();
        let mut tools = Tools::new();
        let costly = ["abcdefgh"; 11].join("-");
        let words = vec![costly.clone(); 8];
        let queries: Vec<String> = words
            .iter()
            .filter_map(|w| search.word_query(w, &mut tools))
            .map(|q| format!("{q:?}"))
            .collect();
        let all = queries.concat();
        // Three fields per fuzzy term; one exact term per field and stem.
        assert!(
            all.matches("FuzzyTermQuery").count() <= 3 * FUZZY_MAX,
            "{all}"
        );
        assert!(all.matches("TermQuery").count() <= 3 * TERMS_MAX + 3 * FUZZY_MAX + 2 * 11 * 8);
        // Any edit of it is one fuzzy word of two letters off, at most.
        let one = search.word_query("abcdefghij", &mut Tools::new()).unwrap();
        assert_eq!(format!("{one:?}").matches("FuzzyTermQuery").count(), 3);
    }

    #[test]
    fn edit_distance() {
        assert_eq!(levenshtein("bocia", "boccia"), 1);
        assert_eq!(levenshtein("strikking", "strikkekafe"), 5);
        assert_eq!(levenshtein("", "abc"), 3);
    }
}
