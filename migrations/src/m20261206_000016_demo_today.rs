//! The day a demo's dates are written for, as they were last moved: the
//! demo municipality moves with the calendar, a week at a time, so a demo
//! left running for months still has courses opening and this week's
//! happenings. Empty for a municipality's own data, which never moves.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::date_null;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirectoryState {
    Table,
    DemoToday,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DirectoryState::Table)
                    .add_column(date_null(DirectoryState::DemoToday))
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DirectoryState::Table)
                    .drop_column(DirectoryState::DemoToday)
                    .take(),
            )
            .await
    }
}
