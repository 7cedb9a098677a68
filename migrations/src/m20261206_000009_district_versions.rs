//! Each district remembers the directory versions that last changed it.
//!
//! The staff area saves an offering at a time, and a busy municipality
//! saves several a minute. With one version for the whole directory every
//! save made every rendered listing page wrong, in every district: the
//! page cache rendered a country's worth of pages after each save, and the
//! visitors who asked meanwhile waited for those renders. A district page
//! shows only its own district's offerings, so it needs to know only when
//! its district last changed (`changed_seq`, time passing included) and
//! when it was last edited (`edit_seq`).
//!
//! Both start at 0: a server keeps rendered pages in memory only, so after
//! the upgrade every kept page is rendered at a later version than that.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum District {
    Table,
    ChangedSeq,
    EditSeq,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [District::ChangedSeq, District::EditSeq] {
            manager
                .alter_table(
                    Table::alter()
                        .table(District::Table)
                        .add_column(ColumnDef::new(column).big_integer().not_null().default(0))
                        .take(),
                )
                .await?;
        }
        Ok(())
    }
}
