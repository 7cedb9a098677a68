//! A member of staff may add a password beside the emailed code.
//!
//! Only an Argon2id hash is kept (`password_hash`, in the PHC string form,
//! which carries its own salt and parameters). Wrong passwords are counted
//! per account (`password_failures`); past a limit, passwords do not work
//! for a while (`password_paused_until`) and the emailed code is the way
//! in, so a guesser with many addresses gains nothing from each.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Account {
    Table,
    PasswordHash,
    PasswordFailures,
    PasswordPausedUntil,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        let columns = [
            ColumnDef::new(Account::PasswordHash).string().null().take(),
            ColumnDef::new(Account::PasswordFailures)
                .integer()
                .not_null()
                .default(0)
                .take(),
            ColumnDef::new(Account::PasswordPausedUntil)
                .date_time()
                .null()
                .take(),
        ];
        for mut column in columns {
            manager
                .alter_table(
                    Table::alter()
                        .table(Account::Table)
                        .add_column(&mut column)
                        .take(),
                )
                .await?;
        }
        Ok(())
    }
}
