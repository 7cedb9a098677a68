//! The directory remembers the version of its last edit.
//!
//! The version goes up with every change to what lists show, and most of
//! those changes are only time passing: a meeting ends and its card moves
//! on to the next. A server that drops its rendered pages for every one
//! of them renders a whole country's worth of pages once a minute, and
//! the visitors who ask meanwhile wait for those renders. Knowing which
//! versions were edits, a server can keep showing a page rendered since
//! the last edit while it renders the page anew, and drop only what an
//! edit has made wrong.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum DirectoryState {
    Table,
    Version,
    LastEdit,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .alter_table(
                Table::alter()
                    .table(DirectoryState::Table)
                    .add_column(
                        ColumnDef::new(DirectoryState::LastEdit)
                            .big_integer()
                            .not_null()
                            .default(0),
                    )
                    .take(),
            )
            .await?;
        // What came before is unknown: take it all as edited.
        manager
            .exec_stmt(
                Query::update()
                    .table(DirectoryState::Table)
                    .value(DirectoryState::LastEdit, Expr::col(DirectoryState::Version))
                    .take(),
            )
            .await?;
        Ok(())
    }
}
