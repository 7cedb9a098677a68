//! An organiser's message to everyone signed up for a course.
//!
//! The outbox keeps which email to write, never its text: a message's
//! words live in `course_message` until every email that carries them has
//! left the queue and been purged, and go then (see the mail purge).

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum CourseMessage {
    Table,
    Id,
    OfferingId,
    AccountId,
    Body,
    CreatedAt,
}

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
}

#[derive(DeriveIden)]
enum Outbox {
    Table,
    CourseMessageId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(CourseMessage::Table)
                    .col(pk_auto(CourseMessage::Id))
                    .col(integer(CourseMessage::OfferingId))
                    .col(integer_null(CourseMessage::AccountId))
                    .col(text(CourseMessage::Body))
                    .col(date_time(CourseMessage::CreatedAt))
                    .foreign_key(
                        ForeignKey::create()
                            .from(CourseMessage::Table, CourseMessage::OfferingId)
                            .to(Offering::Table, Offering::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Outbox::Table)
                    .add_column(integer_null(Outbox::CourseMessageId))
                    .take(),
            )
            .await?;
        Ok(())
    }
}
