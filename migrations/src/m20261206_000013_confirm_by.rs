//! A sign-up no longer holds a place before it is confirmed (migration
//! 12): its deadline is when the confirm link stops working, so the column
//! says so. The index on (status, deadline) follows the column on both
//! databases.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignUp {
    Table,
    HoldExpiresAt,
    ConfirmBy,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(SignUp::Table)
                    .rename_column(SignUp::HoldExpiresAt, SignUp::ConfirmBy)
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(SignUp::Table)
                    .rename_column(SignUp::ConfirmBy, SignUp::HoldExpiresAt)
                    .take(),
            )
            .await
    }
}
