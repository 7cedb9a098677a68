//! The emails about a sign-up, written from Fluent in the sign-up's
//! language: plain text and HTML with the same content, and the course's
//! calendar file where it helps.

use chrono::{DateTime, Datelike, NaiveDate, NaiveDateTime, Utc};

use super::EmailKind;
use crate::backend::entities::sign_up;
use crate::backend::ics;
use crate::domain::Code;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingDetail;
use crate::i18n::format::when;
use crate::i18n::{Arg, Tr};

/// What an email is written from.
pub struct Input<'a> {
    pub kind: EmailKind,
    pub lang: Lang,
    pub to: &'a str,
    /// The sign-up it is about; none when nothing was stored.
    pub sign_up: Option<&'a sign_up::Model>,
    pub detail: &'a OfferingDetail,
    /// Place on the waiting list.
    pub position: Option<u32>,
    pub confirm_url: Option<String>,
    pub cancel_url: Option<String>,
    /// Oslo time the confirm link works until.
    pub confirm_by: Option<NaiveDateTime>,
    /// The organiser's words, in an email that carries them.
    pub message: Option<String>,
    pub today: NaiveDate,
    /// The course's public page, absolute, for the calendar file.
    pub page_url: String,
    pub stamp: DateTime<Utc>,
}

/// A finished email. It exists only while it is being sent: the outbox
/// keeps which email to write, never the email.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An iCalendar file to attach.
    pub calendar: Option<String>,
}

/// Whether the email carries the course's calendar file.
fn with_calendar(kind: EmailKind) -> bool {
    matches!(
        kind,
        EmailKind::Confirmed | EmailKind::Promoted | EmailKind::Reminder | EmailKind::DateCancelled
    )
}

/// The Fluent keys of an email's subject and first paragraph.
pub fn keys(kind: EmailKind) -> [String; 2] {
    [
        format!("email-{}-subject", kind.code()),
        format!("email-{}-body", kind.code()),
    ]
}

/// One block of an email: a paragraph, a list, or a link.
enum Block {
    Para(String),
    List(Vec<String>),
    Link { label: String, url: String },
}

/// Writes the email. The subject carries only the course's public title,
/// never a diagnosis or the person's name.
pub fn render(input: &Input<'_>) -> Email {
    let tr = Tr::new(input.lang);
    let d = input.detail;
    let title = d.card.text.title.clone();
    let [subject_key, body_key] = keys(input.kind);
    let mut blocks = vec![Block::Para(match greeting_name(input) {
        Some(name) => tr.t_with("email-greeting", &[("name", name.into())]),
        None => tr.t("email-greeting-anonymous"),
    })];
    let mut args: Vec<(&str, Arg)> = vec![("course", title.clone().into())];
    if let Some(row) = input.sign_up {
        args.push(("participant", row.participant_name.clone().into()));
    }
    if let Some(position) = input.position {
        args.push(("position", position.into()));
    }
    if let Some(until) = input.confirm_by {
        let when = format!(
            "{} {}",
            tr.date(until.date(), input.today.year()),
            tr.t_with("clock", &[("time", tr.time(until.time()).into())])
        );
        args.push(("until", when.into()));
    }
    blocks.push(Block::Para(tr.t_with(&body_key, &args)));
    if let Some(message) = &input.message {
        blocks.extend(message.split("\n\n").map(|p| Block::Para(p.to_owned())));
    }
    if input.kind == EmailKind::DateCancelled {
        let off = d
            .course
            .as_ref()
            .map(|c| c.sessions.as_slice())
            .unwrap_or_default()
            .iter()
            .filter_map(|s| {
                let c = d.cancelled.iter().find(|c| c.date == s.date)?;
                let when = when(&tr, s, input.today);
                Some(if c.reason.is_empty() {
                    when
                } else {
                    format!("{when}: {}", c.reason)
                })
            })
            .collect();
        blocks.push(Block::List(off));
    }
    if let Some(row) = input.sign_up
        && let (Some(name), Some(_)) = (&row.registrant_name, &row.registrant_email)
    {
        blocks.push(Block::Para(tr.t_with(
            "email-on-behalf",
            &[
                ("registrant", name.clone().into()),
                ("participant", row.participant_name.clone().into()),
            ],
        )));
    }
    if let Some(url) = &input.confirm_url {
        if input.kind == EmailKind::AlreadySignedUp {
            blocks.push(Block::Para(tr.t("email-already-confirm-again")));
        }
        blocks.push(Block::Link {
            label: tr.t("email-confirm-link"),
            url: url.clone(),
        });
    }

    blocks.push(Block::Para(tr.t("email-sessions")));
    let sessions = d
        .course
        .as_ref()
        .map(|c| c.sessions.as_slice())
        .unwrap_or_default();
    blocks.push(Block::List(
        sessions.iter().map(|s| when(&tr, s, input.today)).collect(),
    ));
    if let Some(v) = &d.venue {
        let mut place = v.one_line();
        let facts: Vec<String> = [
            (v.access.step_free, "access-step-free"),
            (v.access.accessible_toilet, "access-toilet"),
            (v.access.hearing_loop, "access-hearing-loop"),
        ]
        .into_iter()
        .filter(|(yes, _)| *yes)
        .map(|(_, k)| tr.t(k))
        .collect();
        if !facts.is_empty() {
            place.push_str(&format!(" ({})", facts.join(", ")));
        }
        blocks.push(Block::Para(
            tr.t_with("email-place", &[("place", place.into())]),
        ));
    }
    let c = &d.contact;
    let mut contact = format!("{}, {} <{}>", c.organiser, c.name, c.email);
    if let Some(phone) = &c.phone {
        contact.push_str(&format!(", {phone}"));
    }
    blocks.push(Block::Para(
        tr.t_with("email-contact", &[("contact", contact.into())]),
    ));
    if let Some(url) = &input.cancel_url {
        blocks.push(Block::Link {
            label: tr.t("email-cancel-link"),
            url: url.clone(),
        });
    }
    blocks.push(Block::Para(tr.t("email-privacy")));

    let (text, html) = write(&blocks, input.lang);
    Email {
        to: input.to.to_string(),
        subject: tr.t_with(&subject_key, &[("course", title.into())]),
        text,
        html,
        calendar: with_calendar(input.kind)
            .then(|| ics::offering_calendar(d, &input.page_url, input.stamp)),
    }
}

/// What a staff sign-in email is written from.
pub struct SignInInput<'a> {
    pub lang: Lang,
    pub to: &'a str,
    pub name: &'a str,
    pub code: &'a str,
    /// The link's page, absolute.
    pub link: String,
    /// How long code and link work.
    pub minutes: i64,
}

/// The sign-in email: the code to type, and the link to the page with the
/// button. The subject says what it is and carries no code, so that a
/// phone's lock screen does not show it.
pub fn sign_in(input: &SignInInput<'_>) -> Email {
    let tr = Tr::new(input.lang);
    let [subject_key, body_key] = keys(EmailKind::SignInCode);
    let blocks = [
        Block::Para(tr.t_with("email-greeting", &[("name", input.name.into())])),
        Block::Para(tr.t_with(
            &body_key,
            &[
                ("code", input.code.into()),
                ("minutes", input.minutes.into()),
            ],
        )),
        Block::Link {
            label: tr.t("email-sign_in_code-link"),
            url: input.link.clone(),
        },
        Block::Para(tr.t("email-sign_in_code-not-you")),
    ];
    let (text, html) = write(&blocks, input.lang);
    Email {
        to: input.to.to_string(),
        subject: tr.t(&subject_key),
        text,
        html,
        calendar: None,
    }
}

/// What a stale-listing reminder is written from.
pub struct StaleInput<'a> {
    pub lang: Lang,
    pub to: &'a str,
    pub title: &'a str,
    pub confirmed_on: Option<NaiveDate>,
    /// The offering's form in the staff area, absolute.
    pub link: String,
    pub today: NaiveDate,
}

/// The reminder to confirm or update a listing.
pub fn stale(input: &StaleInput<'_>) -> Email {
    let tr = Tr::new(input.lang);
    let [subject_key, body_key] = keys(EmailKind::StaleReminder);
    let since = input
        .confirmed_on
        .map(|d| tr.date(d, input.today.year()))
        .unwrap_or_default();
    let blocks = [
        Block::Para(tr.t("email-greeting-anonymous")),
        Block::Para(tr.t_with(
            &body_key,
            &[("offering", input.title.into()), ("since", since.into())],
        )),
        Block::Link {
            label: tr.t("email-stale_reminder-link"),
            url: input.link.clone(),
        },
    ];
    let (text, html) = write(&blocks, input.lang);
    Email {
        to: input.to.to_string(),
        subject: tr.t_with(&subject_key, &[("offering", input.title.into())]),
        text,
        html,
        calendar: None,
    }
}

/// The blocks as plain text and as HTML, every text escaped.
fn write(blocks: &[Block], lang: Lang) -> (String, String) {
    use html_escape::{encode_double_quoted_attribute as attr, encode_text as text_of};
    let mut text = String::new();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:sans-serif;font-size:18px;line-height:1.5\">",
        lang.code()
    );
    for block in blocks {
        match block {
            Block::Para(p) => {
                text.push_str(p);
                text.push_str("\n\n");
                // A line break typed in an organiser's message stays one.
                html.push_str(&format!("<p>{}</p>", text_of(p).replace('\n', "<br>\n")));
            }
            Block::List(items) => {
                html.push_str("<ul>");
                for item in items {
                    text.push_str(&format!("- {item}\n"));
                    html.push_str(&format!("<li>{}</li>", text_of(item)));
                }
                text.push('\n');
                html.push_str("</ul>");
            }
            Block::Link { label, url } => {
                text.push_str(&format!("{label}:\n{url}\n\n"));
                html.push_str(&format!(
                    "<p><a href=\"{}\">{}</a></p>",
                    attr(url),
                    text_of(label)
                ));
            }
        }
    }
    html.push_str("</body></html>");
    (text.trim_end().to_string() + "\n", html)
}

/// The participant's name, or the registrant's when the email goes to the
/// registrant; none when nothing about the person was stored.
fn greeting_name(input: &Input<'_>) -> Option<String> {
    let row = input.sign_up?;
    Some(match (&row.registrant_email, &row.registrant_name) {
        (Some(email), Some(name))
            if email.eq_ignore_ascii_case(input.to)
                && !row
                    .participant_email
                    .as_deref()
                    .is_some_and(|p| p.eq_ignore_ascii_case(input.to)) =>
        {
            name.clone()
        }
        _ => row.participant_name.clone(),
    })
}
