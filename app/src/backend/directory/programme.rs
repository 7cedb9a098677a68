//! A district's week, day by day, for the printed programme: what meets
//! from Monday to Sunday, with the times, places, phone numbers and
//! prices a noticeboard needs, read from the offerings the listing shows.

use chrono::{Days, NaiveDate, NaiveDateTime};

use super::Directory;
use crate::domain::error::AppError;
use crate::domain::filter::{ListingFilter, PAGE_SIZE};
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingDetail;
use crate::domain::programme::{
    PROGRAMME_MAX, Programme, ProgrammeData, ProgrammeDay, ProgrammeItem, week_from_query,
};
use crate::domain::schedule::Occurrence;

/// Pages of the listing read at most for one week: the offerings that
/// meet soonest come first, so past these the week is a long way off.
const PAGES_READ: u32 = 10;

impl Directory {
    /// The week `week` names (`2026-W50`; this week when it names none,
    /// or one out of range) in `district_slug`, narrowed by `filter`, with
    /// what the paper's head and foot say: the printed page and its PDF.
    pub async fn week_programme(
        &self,
        district_slug: &str,
        filter: &ListingFilter,
        week: Option<&str>,
        municipality: &str,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<ProgrammeData, AppError> {
        let monday = week_from_query(week, now.date());
        let district = self.district(district_slug, lang).await?;
        let programme = self
            .programme(district_slug, filter, monday, lang, now)
            .await?;
        Ok(ProgrammeData {
            district,
            municipality: municipality.to_owned(),
            programme,
            today: now.date(),
        })
    }

    /// The week from `monday` in `district_slug`, narrowed by `filter`:
    /// every meeting of the offerings the listing shows that falls in
    /// it, called-off ones marked; at most [`PROGRAMME_MAX`] offerings.
    pub async fn programme(
        &self,
        district_slug: &str,
        filter: &ListingFilter,
        monday: NaiveDate,
        lang: Lang,
        now: NaiveDateTime,
    ) -> Result<Programme, AppError> {
        let sunday = monday + Days::new(6);
        let week_ends = (sunday + Days::new(1)).and_time(chrono::NaiveTime::MIN);
        // The list goes by the next meeting from now that is not called
        // off. What met on the first days of a week already under way,
        // or is called off in the week, meets next up to a week later:
        // read that far, so the paper has the whole week and says what
        // is called off. (An offering called off two weeks running, or a
        // course whose last session was earlier this week, is not there:
        // the list has moved past it.)
        let read_until = week_ends + Days::new(7);
        let mut days: Vec<ProgrammeDay> = (0..7)
            .map(|i| ProgrammeDay {
                date: monday + Days::new(i),
                items: Vec::new(),
            })
            .collect();
        // A search lists by relevance, not by the next meeting: then no
        // card says where to stop, and every page read is looked through.
        let searching = !filter.search_words().is_empty();
        let (mut candidates, mut cut) = (Vec::new(), false);
        'pages: for page in 1..=PAGES_READ {
            let listing = self
                .listing(Some(district_slug), filter, lang, page)
                .await?;
            for card in listing.cards {
                if card.next.is_none_or(|n| n.starts_at() >= read_until) {
                    if searching {
                        continue;
                    }
                    // Nothing further down meets in the week.
                    break 'pages;
                }
                candidates.push(card.slug);
            }
            if page * PAGE_SIZE >= listing.total {
                break;
            }
            if page == PAGES_READ {
                // Read as far as one programme reads, and the list goes on.
                cut = true;
            }
        }
        let (mut offerings, mut rest) = (0, candidates.as_slice());
        'chunks: while !rest.is_empty() {
            // As many as the programme has room for, and one to tell
            // whether it is cut: nearly all that the list shows first meet
            // in the week, and building the rest in full is wasted.
            let (chunk, after) = rest.split_at((PROGRAMME_MAX + 1 - offerings).min(rest.len()));
            rest = after;
            for (_, detail) in self.offerings_by_slug(chunk, lang, now).await? {
                let meetings = meetings_in(&detail, monday, sunday);
                if meetings.is_empty() {
                    continue;
                }
                if offerings == PROGRAMME_MAX {
                    cut = true;
                    break 'chunks;
                }
                offerings += 1;
                for meeting in meetings {
                    let day = (meeting.date - monday).num_days();
                    if let Some(day) = usize::try_from(day).ok().and_then(|d| days.get_mut(d)) {
                        day.items.push(item(&detail, &meeting));
                    }
                }
            }
        }
        for day in &mut days {
            day.items
                .sort_by(|a, b| (a.start, &a.text.title).cmp(&(b.start, &b.text.title)));
        }
        Ok(Programme { monday, days, cut })
    }
}

/// `detail`'s meetings from `monday` to `sunday`: its weekly times and
/// its course sessions, called-off ones among them.
fn meetings_in(detail: &OfferingDetail, monday: NaiveDate, sunday: NaiveDate) -> Vec<Occurrence> {
    let weekly = detail.weekly.iter().flat_map(|slot| {
        slot.occurrences_from(monday)
            .take_while(|o| o.date <= sunday)
    });
    let sessions = detail
        .course
        .iter()
        .flat_map(|c| c.sessions.iter().copied())
        .filter(|s| (monday..=sunday).contains(&s.date));
    weekly.chain(sessions).collect()
}

fn item(detail: &OfferingDetail, meeting: &Occurrence) -> ProgrammeItem {
    let card = &detail.card;
    ProgrammeItem {
        slug: card.slug.clone(),
        kind: card.kind,
        text: card.text.clone(),
        start: meeting.start,
        end: meeting.end,
        place: detail.venue.as_ref().map(|v| v.one_line()),
        phone: detail.contact.phone.clone(),
        price_nok: card.price_nok,
        sign_up_required: card.sign_up_required,
        referral: card.referral,
        cancelled: detail
            .cancelled
            .iter()
            .find(|c| c.date == meeting.date)
            .map(|c| c.reason.clone()),
    }
}
