//! The public directory: districts, organisations, venues, offerings with
//! their per-language texts, categories, audiences and schedules.

use sea_orm_migration::{prelude::*, schema::*};

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum District {
    Table,
    Id,
    Slug,
    NameNb,
    NameNn,
    NameEn,
    SortOrder,
}

#[derive(DeriveIden)]
enum Category {
    Table,
    Id,
    Slug,
    NameNb,
    NameNn,
    NameEn,
}

#[derive(DeriveIden)]
enum Organisation {
    Table,
    Id,
    Slug,
    Name,
    Kind,
    Email,
    Phone,
    Website,
}

#[derive(DeriveIden)]
enum OrganisationDistrict {
    Table,
    OrganisationId,
    DistrictId,
}

#[derive(DeriveIden)]
enum Venue {
    Table,
    Id,
    Slug,
    Name,
    Address,
    Postcode,
    City,
    DistrictId,
    Latitude,
    Longitude,
    StepFree,
    AccessibleToilet,
    HearingLoop,
    Parking,
    BusStop,
    AccessNoteNb,
    AccessNoteNn,
    AccessNoteEn,
    CheckedOn,
}

#[derive(DeriveIden)]
enum Offering {
    Table,
    Id,
    Slug,
    Kind,
    Status,
    DistrictId,
    VenueId,
    OrganisationId,
    PriceNok,
    SignUpRequired,
    ContactName,
    ContactEmail,
    ContactPhone,
    Capacity,
    SignUpOpens,
    SignUpCloses,
    WaitingList,
    SearchText,
}

#[derive(DeriveIden)]
enum OfferingText {
    Table,
    OfferingId,
    Lang,
    Title,
    Summary,
    Description,
    CostNote,
}

#[derive(DeriveIden)]
enum OfferingCategory {
    Table,
    OfferingId,
    CategoryId,
}

#[derive(DeriveIden)]
enum OfferingAudience {
    Table,
    OfferingId,
    Audience,
}

#[derive(DeriveIden)]
enum WeeklySlot {
    Table,
    Id,
    OfferingId,
    Weekday,
    StartTime,
    EndTime,
    ValidFrom,
    ValidTo,
}

#[derive(DeriveIden)]
enum SkippedDate {
    Table,
    WeeklySlotId,
    Date,
}

#[derive(DeriveIden)]
enum Session {
    Table,
    Id,
    OfferingId,
    StartsAt,
    EndsAt,
}

fn fk(
    from_table: impl IntoIden,
    from_col: impl IntoIden,
    to_table: impl IntoIden,
    to_col: impl IntoIden,
) -> ForeignKeyCreateStatement {
    ForeignKey::create()
        .from(from_table, from_col)
        .to(to_table, to_col)
        .on_delete(ForeignKeyAction::Cascade)
        .take()
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        manager
            .create_table(
                Table::create()
                    .table(District::Table)
                    .col(pk_auto(District::Id))
                    .col(string_uniq(District::Slug))
                    .col(string(District::NameNb))
                    .col(string(District::NameNn))
                    .col(string(District::NameEn))
                    .col(integer(District::SortOrder))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Category::Table)
                    .col(pk_auto(Category::Id))
                    .col(string_uniq(Category::Slug))
                    .col(string(Category::NameNb))
                    .col(string(Category::NameNn))
                    .col(string(Category::NameEn))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Organisation::Table)
                    .col(pk_auto(Organisation::Id))
                    .col(string_uniq(Organisation::Slug))
                    .col(string(Organisation::Name))
                    .col(string(Organisation::Kind))
                    .col(string(Organisation::Email))
                    .col(string(Organisation::Phone))
                    .col(string_null(Organisation::Website))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OrganisationDistrict::Table)
                    .col(integer(OrganisationDistrict::OrganisationId))
                    .col(integer(OrganisationDistrict::DistrictId))
                    .primary_key(
                        Index::create()
                            .col(OrganisationDistrict::OrganisationId)
                            .col(OrganisationDistrict::DistrictId),
                    )
                    .foreign_key(&mut fk(
                        OrganisationDistrict::Table,
                        OrganisationDistrict::OrganisationId,
                        Organisation::Table,
                        Organisation::Id,
                    ))
                    .foreign_key(&mut fk(
                        OrganisationDistrict::Table,
                        OrganisationDistrict::DistrictId,
                        District::Table,
                        District::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Venue::Table)
                    .col(pk_auto(Venue::Id))
                    .col(string_uniq(Venue::Slug))
                    .col(string(Venue::Name))
                    .col(string(Venue::Address))
                    .col(string(Venue::Postcode))
                    .col(string(Venue::City))
                    .col(integer(Venue::DistrictId))
                    .col(double_null(Venue::Latitude))
                    .col(double_null(Venue::Longitude))
                    .col(boolean(Venue::StepFree))
                    .col(boolean(Venue::AccessibleToilet))
                    .col(boolean(Venue::HearingLoop))
                    .col(boolean(Venue::Parking))
                    .col(string_null(Venue::BusStop))
                    .col(text_null(Venue::AccessNoteNb))
                    .col(text_null(Venue::AccessNoteNn))
                    .col(text_null(Venue::AccessNoteEn))
                    .col(date(Venue::CheckedOn))
                    .foreign_key(&mut fk(
                        Venue::Table,
                        Venue::DistrictId,
                        District::Table,
                        District::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(timestamps(
                Table::create()
                    .table(Offering::Table)
                    .col(pk_auto(Offering::Id))
                    .col(string_uniq(Offering::Slug))
                    .col(string(Offering::Kind))
                    .col(string(Offering::Status))
                    .col(integer(Offering::DistrictId))
                    .col(integer_null(Offering::VenueId))
                    .col(integer(Offering::OrganisationId))
                    .col(integer(Offering::PriceNok))
                    .col(boolean(Offering::SignUpRequired))
                    .col(string(Offering::ContactName))
                    .col(string(Offering::ContactEmail))
                    .col(string_null(Offering::ContactPhone))
                    .col(integer_null(Offering::Capacity))
                    .col(date_null(Offering::SignUpOpens))
                    .col(date_null(Offering::SignUpCloses))
                    .col(boolean(Offering::WaitingList))
                    // Lower-cased titles and texts in every language, so that
                    // search treats "Ø" and "ø" alike on both databases.
                    .col(text(Offering::SearchText))
                    .foreign_key(&mut fk(
                        Offering::Table,
                        Offering::DistrictId,
                        District::Table,
                        District::Id,
                    ))
                    .foreign_key(
                        &mut ForeignKey::create()
                            .from(Offering::Table, Offering::VenueId)
                            .to(Venue::Table, Venue::Id)
                            .on_delete(ForeignKeyAction::SetNull)
                            .take(),
                    )
                    .foreign_key(&mut fk(
                        Offering::Table,
                        Offering::OrganisationId,
                        Organisation::Table,
                        Organisation::Id,
                    ))
                    .take(),
            ))
            .await?;
        manager
            .create_index(
                Index::create()
                    .name("idx_offering_district_status")
                    .table(Offering::Table)
                    .col(Offering::DistrictId)
                    .col(Offering::Status)
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferingText::Table)
                    .col(integer(OfferingText::OfferingId))
                    .col(string_len(OfferingText::Lang, 2))
                    .col(string(OfferingText::Title))
                    .col(text(OfferingText::Summary))
                    .col(text(OfferingText::Description))
                    .col(text_null(OfferingText::CostNote))
                    .primary_key(
                        Index::create()
                            .col(OfferingText::OfferingId)
                            .col(OfferingText::Lang),
                    )
                    .foreign_key(&mut fk(
                        OfferingText::Table,
                        OfferingText::OfferingId,
                        Offering::Table,
                        Offering::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferingCategory::Table)
                    .col(integer(OfferingCategory::OfferingId))
                    .col(integer(OfferingCategory::CategoryId))
                    .primary_key(
                        Index::create()
                            .col(OfferingCategory::OfferingId)
                            .col(OfferingCategory::CategoryId),
                    )
                    .foreign_key(&mut fk(
                        OfferingCategory::Table,
                        OfferingCategory::OfferingId,
                        Offering::Table,
                        Offering::Id,
                    ))
                    .foreign_key(&mut fk(
                        OfferingCategory::Table,
                        OfferingCategory::CategoryId,
                        Category::Table,
                        Category::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(OfferingAudience::Table)
                    .col(integer(OfferingAudience::OfferingId))
                    .col(string(OfferingAudience::Audience))
                    .primary_key(
                        Index::create()
                            .col(OfferingAudience::OfferingId)
                            .col(OfferingAudience::Audience),
                    )
                    .foreign_key(&mut fk(
                        OfferingAudience::Table,
                        OfferingAudience::OfferingId,
                        Offering::Table,
                        Offering::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(WeeklySlot::Table)
                    .col(pk_auto(WeeklySlot::Id))
                    .col(integer(WeeklySlot::OfferingId))
                    // ISO weekday: 1 = Monday … 7 = Sunday.
                    .col(small_integer(WeeklySlot::Weekday))
                    .col(time(WeeklySlot::StartTime))
                    .col(time(WeeklySlot::EndTime))
                    .col(date(WeeklySlot::ValidFrom))
                    .col(date_null(WeeklySlot::ValidTo))
                    .foreign_key(&mut fk(
                        WeeklySlot::Table,
                        WeeklySlot::OfferingId,
                        Offering::Table,
                        Offering::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(SkippedDate::Table)
                    .col(integer(SkippedDate::WeeklySlotId))
                    .col(date(SkippedDate::Date))
                    .primary_key(
                        Index::create()
                            .col(SkippedDate::WeeklySlotId)
                            .col(SkippedDate::Date),
                    )
                    .foreign_key(&mut fk(
                        SkippedDate::Table,
                        SkippedDate::WeeklySlotId,
                        WeeklySlot::Table,
                        WeeklySlot::Id,
                    ))
                    .take(),
            )
            .await?;
        manager
            .create_table(
                Table::create()
                    .table(Session::Table)
                    .col(pk_auto(Session::Id))
                    .col(integer(Session::OfferingId))
                    // Local wall-clock time in Europe/Oslo: a course meets "at 18.00"
                    // whatever the UTC offset that day.
                    .col(date_time(Session::StartsAt))
                    .col(date_time(Session::EndsAt))
                    .foreign_key(&mut fk(
                        Session::Table,
                        Session::OfferingId,
                        Offering::Table,
                        Offering::Id,
                    ))
                    .take(),
            )
            .await?;
        Ok(())
    }
}
