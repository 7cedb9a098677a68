//! Indexes that only matter at the size of the country, found by reading
//! the query plans of a directory of 100 000 offerings:
//!
//! - An offering's page reads its weekly times, sessions and categories by
//!   the offering's id, and the category filter reads offerings by
//!   category. Without these, each page scanned the whole table: the
//!   offering page and the calendar file did not answer under load.
//! - The lists sort by the next start, then the title, then the id. The
//!   first read model indexed the next start only, so every page sorted
//!   all the rows that tied on it (every offering without times ties) to
//!   find its twenty. Indexed in full order, a page reads its twenty rows
//!   in order and stops.
//! - A district page counts what its filters match. Counting through the
//!   ordered index read every row of the district from the table (rows
//!   with three languages' summaries), 12–29 ms a page on SQLite; an index
//!   that carries the filtered columns answers the count by itself, in
//!   about 1 ms.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
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
}

#[derive(DeriveIden)]
enum WeeklySlot {
    Table,
    OfferingId,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    OfferingId,
    StartsAt,
}

#[derive(DeriveIden)]
enum OfferingCategory {
    Table,
    OfferingId,
    CategoryId,
}

fn index(name: &str, table: impl IntoIden, cols: Vec<DynIden>) -> IndexCreateStatement {
    let mut index = Index::create().name(name).table(table).take();
    for col in cols {
        index.col(col);
    }
    index
}

/// The order every list is read in, after the columns it is narrowed by.
fn in_list_order(first: Vec<DynIden>) -> Vec<DynIden> {
    let mut cols = first;
    cols.extend([
        Listing::SortAt.into_iden(),
        Listing::TitleNb.into_iden(),
        Listing::OfferingId.into_iden(),
    ]);
    cols
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        for old in [
            "idx_listing_sort",
            "idx_listing_district_sort",
            "idx_listing_kind_sort",
        ] {
            manager
                .drop_index(Index::drop().name(old).table(Listing::Table).to_owned())
                .await?;
        }
        for statement in [
            index("idx_listing_order", Listing::Table, in_list_order(vec![])),
            index(
                "idx_listing_district_order",
                Listing::Table,
                in_list_order(vec![Listing::DistrictId.into_iden()]),
            ),
            index(
                "idx_listing_kind_order",
                Listing::Table,
                in_list_order(vec![Listing::Kind.into_iden()]),
            ),
            index(
                "idx_listing_district_filters",
                Listing::Table,
                vec![
                    Listing::DistrictId.into_iden(),
                    Listing::SortAt.into_iden(),
                    Listing::Kind.into_iden(),
                    Listing::PriceNok.into_iden(),
                    Listing::SignUpRequired.into_iden(),
                    Listing::StepFree.into_iden(),
                    Listing::Audiences.into_iden(),
                    Listing::Slots.into_iden(),
                ],
            ),
            index(
                "idx_weekly_slot_offering",
                WeeklySlot::Table,
                vec![WeeklySlot::OfferingId.into_iden()],
            ),
            index(
                "idx_session_offering",
                Session::Table,
                vec![
                    Session::OfferingId.into_iden(),
                    Session::StartsAt.into_iden(),
                ],
            ),
            index(
                "idx_offering_category_category",
                OfferingCategory::Table,
                vec![
                    OfferingCategory::CategoryId.into_iden(),
                    OfferingCategory::OfferingId.into_iden(),
                ],
            ),
        ] {
            manager.create_index(statement).await?;
        }
        Ok(())
    }
}
