//! Offerings by venue: the open data API lists the venues where something
//! published meets, and without this index each of its pages read every
//! offering (150–190 ms at a country's size) to learn which.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offering {
    Table,
    VenueId,
}

const NAME: &str = "idx_offering_venue";

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_index(
                Index::create()
                    .name(NAME)
                    .table(Offering::Table)
                    .col(Offering::VenueId)
                    .take(),
            )
            .await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .drop_index(Index::drop().name(NAME).table(Offering::Table).to_owned())
            .await
    }
}
