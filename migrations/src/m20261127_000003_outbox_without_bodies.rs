//! Nothing personal outlives its purpose, and every background job finds
//! its rows through an index.
//!
//! - The outbox no longer stores emails. A row says which email to write
//!   (its kind, the sign-up or course it is about, the language) and to
//!   whom; the worker writes it, with fresh link tokens, at the moment it
//!   sends, so the database never holds a body, a subject or a working
//!   link. The recipient is removed a short while after sending and a
//!   masked one is kept for staff. Each row carries its Message-ID from the
//!   start (so a retry reuses it) and the token of the claim that may
//!   finish it. The old outbox held whole messages; it is replaced, and
//!   email that was still queued in it is not carried over (no release
//!   has shipped with it).
//! - A course's first and last session are kept on the offering, so the
//!   reminder and anonymisation jobs select due courses by index instead
//!   of reading every session.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
    FirstSessionAt,
    LastSessionEndAt,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    OfferingId,
    StartsAt,
    EndsAt,
}

#[derive(DeriveIden)]
enum SignUp {
    Table,
    Id,
    OfferingId,
    Status,
    DedupeKey,
    HoldExpiresAt,
    AnonymisedAt,
}

#[derive(DeriveIden)]
enum SignUpToken {
    Table,
    SignUpId,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    Id,
    MessageId,
    Kind,
    OfferingId,
    SignUpId,
    Lang,
    Recipient,
    RecipientMasked,
    Status,
    Attempts,
    NextAttemptAt,
    ClaimToken,
    ClaimedUntil,
    LastError,
    CreatedAt,
    FinishedAt,
    PurgedAt,
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for col in cols {
        index.col(col);
    }
    index
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for col in [Offering::FirstSessionAt, Offering::LastSessionEndAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Offering::Table)
                        .add_column(date_time_null(col))
                        .take(),
                )
                .await?;
        }
        // Courses already imported get their span from their sessions.
        manager
            .exec_stmt(
                Query::update()
                    .table(Offering::Table)
                    .value(
                        Offering::FirstSessionAt,
                        Query::select()
                            .expr(Expr::col((Session::Table, Session::StartsAt)).min())
                            .from(Session::Table)
                            .and_where(
                                Expr::col((Session::Table, Session::OfferingId))
                                    .equals((Offering::Table, Offering::Id)),
                            )
                            .take(),
                    )
                    .value(
                        Offering::LastSessionEndAt,
                        Query::select()
                            .expr(Expr::col((Session::Table, Session::EndsAt)).max())
                            .from(Session::Table)
                            .and_where(
                                Expr::col((Session::Table, Session::OfferingId))
                                    .equals((Offering::Table, Offering::Id)),
                            )
                            .take(),
                    )
                    .take(),
            )
            .await?;
        for statement in [
            index(
                "idx_offering_first_session",
                Offering::Table,
                vec![Offering::FirstSessionAt.into_iden()],
            ),
            index(
                "idx_offering_last_session_end",
                Offering::Table,
                vec![Offering::LastSessionEndAt.into_iden()],
            ),
            index(
                "idx_sign_up_dedupe",
                SignUp::Table,
                vec![
                    SignUp::OfferingId.into_iden(),
                    SignUp::DedupeKey.into_iden(),
                ],
            ),
            index(
                "idx_sign_up_hold",
                SignUp::Table,
                vec![
                    SignUp::Status.into_iden(),
                    SignUp::HoldExpiresAt.into_iden(),
                ],
            ),
            index(
                "idx_sign_up_anonymised",
                SignUp::Table,
                vec![
                    SignUp::AnonymisedAt.into_iden(),
                    SignUp::OfferingId.into_iden(),
                ],
            ),
            index(
                "idx_sign_up_token_sign_up",
                SignUpToken::Table,
                vec![SignUpToken::SignUpId.into_iden()],
            ),
        ] {
            manager.create_index(statement).await?;
        }

        manager
            .drop_table(Table::drop().table(Outbox::Table).take())
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Outbox::Table)
                    .col(pk_auto(Outbox::Id))
                    // Random, so it is unique across rebuilt databases and
                    // between staging and production.
                    .col(string_uniq(Outbox::MessageId))
                    .col(string(Outbox::Kind))
                    .col(integer_null(Outbox::OfferingId))
                    .col(integer_null(Outbox::SignUpId))
                    .col(string_len(Outbox::Lang, 2))
                    // Removed a while after sending; the mask stays for staff.
                    .col(string_null(Outbox::Recipient))
                    .col(string(Outbox::RecipientMasked))
                    .col(string(Outbox::Status))
                    .col(integer(Outbox::Attempts).default(0))
                    .col(date_time(Outbox::NextAttemptAt))
                    .col(string_null(Outbox::ClaimToken))
                    .col(date_time_null(Outbox::ClaimedUntil))
                    .col(text_null(Outbox::LastError))
                    .col(date_time(Outbox::CreatedAt))
                    .col(date_time_null(Outbox::FinishedAt))
                    .col(date_time_null(Outbox::PurgedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outbox::Table, Outbox::OfferingId)
                            .to(Offering::Table, Offering::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(Outbox::Table, Outbox::SignUpId)
                            .to(SignUp::Table, SignUp::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        for statement in [
            index(
                "idx_outbox_due",
                Outbox::Table,
                vec![
                    Outbox::Status.into_iden(),
                    Outbox::NextAttemptAt.into_iden(),
                ],
            ),
            index(
                "idx_outbox_claim",
                Outbox::Table,
                vec![Outbox::Status.into_iden(), Outbox::ClaimedUntil.into_iden()],
            ),
            index(
                "idx_outbox_purge",
                Outbox::Table,
                vec![Outbox::PurgedAt.into_iden(), Outbox::FinishedAt.into_iden()],
            ),
            index(
                "idx_outbox_sign_up",
                Outbox::Table,
                vec![Outbox::SignUpId.into_iden()],
            ),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }
}
