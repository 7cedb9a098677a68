//! Course sign-ups and the mail outbox. Every email is a row here, written
//! in the same transaction as the change that causes it, so a crash can
//! neither lose nor invent one.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum SignUp {
    Table,
    Id,
    OfferingId,
    Status,
    ParticipantName,
    ParticipantEmail,
    ParticipantPhone,
    RegistrantName,
    RegistrantEmail,
    NeedsNote,
    Lang,
    DedupeKey,
    HoldExpiresAt,
    EmailConfirmedAt,
    CancelledAt,
    ReminderSentAt,
    AnonymisedAt,
    CreatedAt,
    UpdatedAt,
}

#[derive(DeriveIden)]
enum SignUpToken {
    Table,
    Id,
    SignUpId,
    Purpose,
    TokenHash,
    ExpiresAt,
    UsedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    Recipient,
    Subject,
    BodyText,
    BodyHtml,
    Attachment,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimedUntil,
    LastError,
    CreatedAt,
    SentAt,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(SignUp::Table)
                    .col(pk_auto(SignUp::Id))
                    .col(integer(SignUp::OfferingId))
                    .col(string(SignUp::Status))
                    .col(string(SignUp::ParticipantName))
                    .col(string_null(SignUp::ParticipantEmail))
                    .col(string_null(SignUp::ParticipantPhone))
                    .col(string_null(SignUp::RegistrantName))
                    .col(string_null(SignUp::RegistrantEmail))
                    .col(text_null(SignUp::NeedsNote))
                    .col(string_len(SignUp::Lang, 2))
                    // Who holds the place, lower-cased, so one address cannot hold
                    // two places; null once anonymised.
                    .col(string_null(SignUp::DedupeKey))
                    .col(date_time_null(SignUp::HoldExpiresAt))
                    .col(date_time_null(SignUp::EmailConfirmedAt))
                    .col(date_time_null(SignUp::CancelledAt))
                    .col(date_time_null(SignUp::ReminderSentAt))
                    .col(date_time_null(SignUp::AnonymisedAt))
                    .col(date_time(SignUp::CreatedAt))
                    .col(date_time(SignUp::UpdatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignUp::Table, SignUp::OfferingId)
                            .to(Offering::Table, Offering::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_sign_up_offering_status")
                    .table(SignUp::Table)
                    .col(SignUp::OfferingId)
                    .col(SignUp::Status)
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignUpToken::Table)
                    .col(pk_auto(SignUpToken::Id))
                    .col(integer(SignUpToken::SignUpId))
                    .col(string(SignUpToken::Purpose))
                    // SHA-256 of the link's token: a leaked database reveals no
                    // working link. Every email gets fresh tokens, so earlier
                    // emails' links keep working until they expire.
                    .col(string_uniq(SignUpToken::TokenHash))
                    .col(date_time(SignUpToken::ExpiresAt))
                    .col(date_time_null(SignUpToken::UsedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignUpToken::Table, SignUpToken::SignUpId)
                            .to(SignUp::Table, SignUp::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_auto(Outbox::Id))
                    .col(string(Outbox::Recipient))
                    .col(string(Outbox::Subject))
                    .col(text(Outbox::BodyText))
                    .col(text(Outbox::BodyHtml))
                    .col(text_null(Outbox::Attachment))
                    .col(string(Outbox::Status))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(date_time(Outbox::NextAttemptAt))
                    .col(date_time_null(Outbox::ClaimedUntil))
                    .col(text_null(Outbox::LastError))
                    .col(date_time(Outbox::CreatedAt))
                    .col(date_time_null(Outbox::SentAt))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_outbox_status_next")
                    .table(Outbox::Table)
                    .col(Outbox::Status)
                    .col(Outbox::NextAttemptAt)
                    .take(),
            )
            .await?;
        Ok(())
    }
}
