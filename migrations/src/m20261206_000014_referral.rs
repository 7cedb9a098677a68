//! Whether an offering needs a referral from a doctor ("henvisning"): not
//! needed (most), recommended, or required. Kept on the offering and on
//! its listing row, where the "no referral needed" filter tests it inside
//! the list indexes as it tests the others (migration 6), so the three
//! list indexes are made again with the column at their end.

use sea_orm_migration::prelude::*;
use sea_orm_migration::schema::string_len;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum Offering {
    Table,
    Referral,
}

#[derive(DeriveIden, Clone, Copy, PartialEq)]
enum Listing {
    Table,
    OfferingId,
    Kind,
    DistrictId,
    TitleNb,
    SortAt,
    PriceNok,
    SignUpRequired,
    StepFree,
    Audiences,
    Slots,
    Referral,
}

/// What every existing offering is: open to all.
const NOT_NEEDED: &str = "not_needed";

const INDEXES: [(&str, Option<Listing>); 3] = [
    ("idx_listing_order_filters", None),
    (
        "idx_listing_district_order_filters",
        Some(Listing::DistrictId),
    ),
    ("idx_listing_kind_order_filters", Some(Listing::Kind)),
];

/// `first`, the list order, then every column a filter tests; with or
/// without the referral.
fn listing_index(name: &str, first: Option<Listing>, referral: bool) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(Listing::Table).take();
    let order = [Listing::SortAt, Listing::TitleNb, Listing::OfferingId];
    let filters = [
        Listing::DistrictId,
        Listing::Kind,
        Listing::PriceNok,
        Listing::SignUpRequired,
        Listing::StepFree,
        Listing::Audiences,
        Listing::Slots,
    ];
    let rest = filters
        .into_iter()
        .filter(|c| Some(*c) != first)
        .chain(referral.then_some(Listing::Referral));
    for col in first.into_iter().chain(order).chain(rest) {
        index.col(col);
    }
    index
}

async fn rebuild_indexes(manager: &SchemaManager<'_>, referral: bool) -> Result<(), DbErr> {
    for (name, first) in INDEXES {
        manager
            .drop_index(Index::drop().name(name).table(Listing::Table).to_owned())
            .await?;
        manager
            .create_index(listing_index(name, first, referral))
            .await?;
    }
    Ok(())
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column a statement: SQLite adds no more.
        manager
            .alter_table(
                Table::alter()
                    .table(Offering::Table)
                    .add_column(string_len(Offering::Referral, 16).default(NOT_NEEDED))
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Listing::Table)
                    .add_column(string_len(Listing::Referral, 16).default(NOT_NEEDED))
                    .take(),
            )
            .await?;
        rebuild_indexes(manager, true).await
    }

    async fn down(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        rebuild_indexes(manager, false).await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Listing::Table)
                    .drop_column(Listing::Referral)
                    .take(),
            )
            .await?;
        manager
            .alter_table(
                Table::alter()
                    .table(Offering::Table)
                    .drop_column(Offering::Referral)
                    .take(),
            )
            .await
    }
}
