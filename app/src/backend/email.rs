//! The emails about a sign-up, written from Fluent templates in the
//! sign-up's language, and put in the outbox in the caller's transaction.

use chrono::{Datelike, NaiveDate, NaiveDateTime};
use sea_orm::{ActiveModelTrait, ConnectionTrait, DbErr, Set};

use super::entities::{outbox, sign_up};
use super::ics;
use crate::components::card::when;
use crate::domain::lang::Lang;
use crate::domain::offering::OfferingDetail;
use crate::i18n::{Arg, Tr};

/// Which email to write.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Template {
    /// A place is held: confirm the address.
    ConfirmRequest,
    /// On the waiting list: confirm the address to keep the place in line.
    WaitingList {
        position: u32,
    },
    /// The place is confirmed: all the details, with a calendar file.
    Confirmed,
    /// A place freed up and is yours; `confirm` when the address is not
    /// confirmed yet.
    Promoted {
        confirm: bool,
    },
    Cancelled,
    /// Someone tried to sign this address up again; the first sign-up stands.
    AlreadySignedUp,
    /// The course starts soon.
    Reminder,
}

impl Template {
    fn key(self) -> &'static str {
        match self {
            Template::ConfirmRequest => "confirm-request",
            Template::WaitingList { .. } => "waiting-list",
            Template::Confirmed => "confirmed",
            Template::Promoted { .. } => "promoted",
            Template::Cancelled => "cancelled",
            Template::AlreadySignedUp => "already",
            Template::Reminder => "reminder",
        }
    }

    /// Whether the email carries the course's calendar file.
    fn with_calendar(self) -> bool {
        matches!(
            self,
            Template::Confirmed | Template::Promoted { .. } | Template::Reminder
        )
    }
}

/// What an email is written from.
pub struct Input<'a> {
    pub template: Template,
    pub lang: Lang,
    pub to: &'a str,
    pub sign_up: &'a sign_up::Model,
    pub detail: &'a OfferingDetail,
    pub confirm_url: Option<String>,
    pub cancel_url: Option<String>,
    /// Oslo time the held place is kept until.
    pub hold_until: Option<NaiveDateTime>,
    pub today: NaiveDate,
}

/// A finished email.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Email {
    pub to: String,
    pub subject: String,
    pub text: String,
    pub html: String,
    /// An iCalendar file to attach.
    pub calendar: Option<String>,
}

fn escape_html(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
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
    let key = input.template.key();
    let title = d.card.text.title.clone();
    let person = input.sign_up.participant_name.clone();
    let mut blocks = vec![Block::Para(
        tr.t_with("email-greeting", &[("name", greeting_name(input).into())]),
    )];
    let mut args: Vec<(&str, Arg)> = vec![
        ("course", title.clone().into()),
        ("participant", person.into()),
    ];
    if let Template::WaitingList { position } = input.template {
        args.push(("position", position.into()));
    }
    if let Some(until) = input.hold_until {
        let when = format!(
            "{} {}",
            tr.date(until.date(), input.today.year()),
            tr.t_with("clock", &[("time", tr.time(until.time()).into())])
        );
        args.push(("until", when.into()));
    }
    blocks.push(Block::Para(tr.t_with(&format!("email-{key}-body"), &args)));
    if let (Some(name), Some(_)) = (
        &input.sign_up.registrant_name,
        &input.sign_up.registrant_email,
    ) {
        blocks.push(Block::Para(tr.t_with(
            "email-on-behalf",
            &[
                ("registrant", name.clone().into()),
                ("participant", input.sign_up.participant_name.clone().into()),
            ],
        )));
    }
    if let Some(url) = &input.confirm_url {
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
        let mut place = format!("{}, {}, {} {}", v.name, v.address, v.postcode, v.city);
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

    let mut text = String::new();
    let mut html = format!(
        "<!DOCTYPE html><html lang=\"{}\"><body style=\"font-family:sans-serif;font-size:18px;line-height:1.5\">",
        input.lang.code()
    );
    for block in &blocks {
        match block {
            Block::Para(p) => {
                text.push_str(p);
                text.push_str("\n\n");
                html.push_str(&format!("<p>{}</p>", escape_html(p)));
            }
            Block::List(items) => {
                html.push_str("<ul>");
                for item in items {
                    text.push_str(&format!("- {item}\n"));
                    html.push_str(&format!("<li>{}</li>", escape_html(item)));
                }
                text.push('\n');
                html.push_str("</ul>");
            }
            Block::Link { label, url } => {
                text.push_str(&format!("{label}:\n{url}\n\n"));
                html.push_str(&format!(
                    "<p><a href=\"{}\">{}</a></p>",
                    escape_html(url),
                    escape_html(label)
                ));
            }
        }
    }
    html.push_str("</body></html>");

    Email {
        to: input.to.to_string(),
        subject: tr.t_with(&format!("email-{key}-subject"), &[("course", title.into())]),
        text: text.trim_end().to_string() + "\n",
        html,
        calendar: input.template.with_calendar().then(|| {
            ics::offering_calendar(d, &format!("/tilbud/{}", d.card.slug), chrono::Utc::now())
        }),
    }
}

/// "Kari" for the participant, or the registrant's name when the email
/// goes to the registrant.
fn greeting_name(input: &Input<'_>) -> String {
    match (
        &input.sign_up.registrant_email,
        &input.sign_up.registrant_name,
    ) {
        (Some(email), Some(name))
            if email == input.to
                && input.sign_up.participant_email.as_deref() != Some(input.to) =>
        {
            name.clone()
        }
        _ => input.sign_up.participant_name.clone(),
    }
}

/// Puts an email in the outbox, due now.
pub async fn enqueue(
    db: &impl ConnectionTrait,
    email: &Email,
    now: NaiveDateTime,
) -> Result<outbox::Model, DbErr> {
    outbox::ActiveModel {
        recipient: Set(email.to.clone()),
        subject: Set(email.subject.clone()),
        body_text: Set(email.text.clone()),
        body_html: Set(email.html.clone()),
        attachment: Set(email.calendar.clone()),
        status: Set(OutboxStatus::Pending.code().to_string()),
        attempts: Set(0),
        next_attempt_at: Set(now),
        created_at: Set(now),
        ..Default::default()
    }
    .insert(db)
    .await
}

/// Where an outbox row stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutboxStatus {
    Pending,
    /// Claimed by a worker; back to pending if the claim runs out.
    Sending,
    Sent,
    /// Gave up after the configured number of attempts; staff see these.
    Failed,
}

impl OutboxStatus {
    pub fn code(self) -> &'static str {
        match self {
            OutboxStatus::Pending => "pending",
            OutboxStatus::Sending => "sending",
            OutboxStatus::Sent => "sent",
            OutboxStatus::Failed => "failed",
        }
    }
}
