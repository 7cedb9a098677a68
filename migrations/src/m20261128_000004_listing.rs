//! The directory's read model: one row per offering with everything a
//! card and the listing filters need, so that a page is one indexed query
//! and a count, whatever the size of the country. It is written from the
//! source tables (import, the staff area, the worker as time passes) and
//! never edited by hand.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
    OrganisationId,
}

#[derive(DeriveIden)]
enum Listing {
    Table,
    OfferingId,
    Slug,
    Kind,
    DistrictId,
    TitleNb,
    TitleNn,
    TitleEn,
    SummaryNb,
    SummaryNn,
    SummaryEn,
    VenueName,
    PriceNok,
    SignUpRequired,
    HasVenue,
    StepFree,
    HearingLoop,
    AccessibleToilet,
    Parking,
    Audiences,
    Slots,
    NextStart,
    NextEnd,
    SortAt,
    ChangedSeq,
}

#[derive(DeriveIden)]
enum DirectoryState {
    Table,
    Id,
    Version,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(Listing::Table)
                    .col(integer(Listing::OfferingId).primary_key())
                    .col(string(Listing::Slug))
                    .col(string(Listing::Kind))
                    .col(integer(Listing::DistrictId))
                    .col(string(Listing::TitleNb))
                    .col(string_null(Listing::TitleNn))
                    .col(string_null(Listing::TitleEn))
                    .col(text(Listing::SummaryNb))
                    .col(text_null(Listing::SummaryNn))
                    .col(text_null(Listing::SummaryEn))
                    .col(string_null(Listing::VenueName))
                    .col(integer(Listing::PriceNok))
                    .col(boolean(Listing::SignUpRequired))
                    .col(boolean(Listing::HasVenue))
                    .col(boolean(Listing::StepFree))
                    .col(boolean(Listing::HearingLoop))
                    .col(boolean(Listing::AccessibleToilet))
                    .col(boolean(Listing::Parking))
                    // Bit n: the offering is for audience n.
                    .col(integer(Listing::Audiences))
                    // Bit (weekday - 1) * 3 + part of day: a time still to
                    // come on that weekday at that part of the day.
                    .col(integer(Listing::Slots))
                    // The next meeting or opening that has not ended (local
                    // Oslo time), kept current by the worker.
                    .col(date_time_null(Listing::NextStart))
                    .col(date_time_null(Listing::NextEnd))
                    // What lists sort by: the next start, a far date for an
                    // offering without times, and null for one not shown
                    // (finished, or not published).
                    .col(date_time_null(Listing::SortAt))
                    // The directory version at the row's last change that
                    // search must know of.
                    .col(big_integer(Listing::ChangedSeq))
                    .foreign_key(
                        ForeignKey::create()
                            .from(Listing::Table, Listing::OfferingId)
                            .to(Offering::Table, Offering::Id)
                            .on_delete(ForeignKeyAction::Cascade),
                    )
                    .take(),
            )
            .await?;
        for (name, cols) in [
            ("idx_listing_sort", vec![Listing::SortAt]),
            (
                "idx_listing_district_sort",
                vec![Listing::DistrictId, Listing::SortAt],
            ),
            (
                "idx_listing_kind_sort",
                vec![Listing::Kind, Listing::SortAt],
            ),
            ("idx_listing_next_end", vec![Listing::NextEnd]),
            ("idx_listing_changed", vec![Listing::ChangedSeq]),
        ] {
            let mut index = Index::create().name(name).table(Listing::Table).take();
            for col in cols {
                index.col(col);
            }
            manager.create_index(index).await?;
        }
        // A volunteer centre's page lists what its organisation runs.
        manager
            .create_index(
                Index::create()
                    .name("idx_offering_organisation")
                    .table(Offering::Table)
                    .col(Offering::OrganisationId)
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(DirectoryState::Table)
                    .col(integer(DirectoryState::Id).primary_key())
                    // Goes up with every change to what lists show, so that
                    // each server can tell its caches and its search index
                    // are behind.
                    .col(big_integer(DirectoryState::Version))
                    .take(),
            )
            .await?;
        manager
            .exec_stmt(
                Query::insert()
                    .into_table(DirectoryState::Table)
                    .columns([DirectoryState::Id, DirectoryState::Version])
                    .values_panic([1.into(), 0.into()])
                    .take(),
            )
            .await?;
        Ok(())
    }
}
