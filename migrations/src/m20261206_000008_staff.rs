//! The staff area: accounts with a role, the organisations a coordinator
//! may work for, emailed sign-in codes, server-side sign-in sessions and
//! an append-only audit log; and the single dates an offering is
//! cancelled on, with the reason.
//!
//! The course meetings' table was called `session`; it becomes
//! `course_session` first, so that nobody mistakes one kind of session for
//! the other once sign-in sessions have a table.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Session {
    Table,
}

#[derive(DeriveIden)]
enum CourseSession {
    Table,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    PublishesDirectly,
}

#[derive(DeriveIden)]
enum Account {
    Table,
    Id,
    Email,
    Name,
    Role,
    Active,
    CreatedAt,
    LastSignInAt,
}

#[derive(DeriveIden)]
enum AccountOrganisation {
    Table,
    AccountId,
    OrganisationId,
}

#[derive(DeriveIden)]
enum SignIn {
    Table,
    Id,
    AccountId,
    CodeHash,
    TokenHash,
    Attempts,
    ExpiresAt,
    UsedAt,
    CreatedAt,
}

#[derive(DeriveIden)]
enum StaffSession {
    Table,
    Id,
    TokenHash,
    AccountId,
    SharedComputer,
    CreatedAt,
    LastSeenAt,
    ExpiresAt,
}

#[derive(DeriveIden)]
enum AuditEvent {
    Table,
    Id,
    At,
    AccountId,
    Action,
    OfferingId,
    Subject,
    Detail,
}

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
    ReviewComment,
    ConfirmedAt,
    StaleRemindedAt,
}

#[derive(DeriveIden)]
enum CancelledDate {
    Table,
    Id,
    OfferingId,
    Date,
    Reason,
    AccountId,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    SignInId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .rename_table(
                Table::rename()
                    .table(Session::Table, CourseSession::Table)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Organisation::Table)
                    .add_column(boolean(Organisation::PublishesDirectly).default(false))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Account::Table)
                    .col(pk_auto(Account::Id))
                    // Stored lower-cased: one account per mailbox.
                    .col(string_uniq(Account::Email))
                    .col(string(Account::Name))
                    .col(string(Account::Role))
                    .col(boolean(Account::Active).default(true))
                    .col(date_time(Account::CreatedAt))
                    .col(date_time_null(Account::LastSignInAt))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AccountOrganisation::Table)
                    .col(integer(AccountOrganisation::AccountId))
                    .col(integer(AccountOrganisation::OrganisationId))
                    .primary_key(
                        Index::create()
                            .col(AccountOrganisation::AccountId)
                            .col(AccountOrganisation::OrganisationId),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(AccountOrganisation::Table, AccountOrganisation::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .foreign_key(
                        ForeignKey::create()
                            .from(
                                AccountOrganisation::Table,
                                AccountOrganisation::OrganisationId,
                            )
                            .to(Organisation::Table, Organisation::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SignIn::Table)
                    .col(pk_auto(SignIn::Id))
                    .col(integer(SignIn::AccountId))
                    // Both are written when the email is, and only as hashes.
                    .col(string_null(SignIn::CodeHash))
                    .col(string_null(SignIn::TokenHash))
                    .col(integer(SignIn::Attempts).default(0))
                    .col(date_time(SignIn::ExpiresAt))
                    .col(date_time_null(SignIn::UsedAt))
                    .col(date_time(SignIn::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(SignIn::Table, SignIn::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sign_in_account_created")
                    .table(SignIn::Table)
                    .col(SignIn::AccountId)
                    .col(SignIn::CreatedAt)
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("sign_in_token")
                    .table(SignIn::Table)
                    .col(SignIn::TokenHash)
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(StaffSession::Table)
                    .col(pk_auto(StaffSession::Id))
                    .col(string_uniq(StaffSession::TokenHash))
                    .col(integer(StaffSession::AccountId))
                    .col(boolean(StaffSession::SharedComputer))
                    .col(date_time(StaffSession::CreatedAt))
                    .col(date_time(StaffSession::LastSeenAt))
                    .col(date_time(StaffSession::ExpiresAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(StaffSession::Table, StaffSession::AccountId)
                            .to(Account::Table, Account::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("staff_session_account")
                    .table(StaffSession::Table)
                    .col(StaffSession::AccountId)
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(AuditEvent::Table)
                    .col(pk_auto(AuditEvent::Id))
                    .col(date_time(AuditEvent::At))
                    // No foreign keys: the log outlives what it speaks of.
                    .col(integer_null(AuditEvent::AccountId))
                    .col(string(AuditEvent::Action))
                    .col(integer_null(AuditEvent::OfferingId))
                    .col(string_null(AuditEvent::Subject))
                    .col(text_null(AuditEvent::Detail))
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("audit_event_at")
                    .table(AuditEvent::Table)
                    .col(AuditEvent::At)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Offering::Table)
                    // An editor's word to the organisation when a
                    // submission goes back to them.
                    .add_column(text_null(Offering::ReviewComment))
                    .take(),
            )
            .await?;
        // When someone last said the listing is right (an edit says so
        // too), and when its organisation was last reminded to.
        for column in [Offering::ConfirmedAt, Offering::StaleRemindedAt] {
            manager
                .alter_table(
                    Table::alter()
                        .table(Offering::Table)
                        .add_column(date_time_null(column))
                        .take(),
                )
                .await?;
        }
        manager
            .create_table(
                Table::create()
                    .table(CancelledDate::Table)
                    .col(pk_auto(CancelledDate::Id))
                    .col(integer(CancelledDate::OfferingId))
                    .col(date(CancelledDate::Date))
                    .col(string(CancelledDate::Reason))
                    .col(integer_null(CancelledDate::AccountId))
                    .col(date_time(CancelledDate::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CancelledDate::Table, CancelledDate::OfferingId)
                            .to(Offering::Table, Offering::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("cancelled_date_offering_date")
                    .table(CancelledDate::Table)
                    .col(CancelledDate::OfferingId)
                    .col(CancelledDate::Date)
                    .unique()
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(integer_null(Outbox::SignInId))
                    .take(),
            )
            .await?;
        Ok(())
    }
}
