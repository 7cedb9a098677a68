//! Database schema for Treffpunkt. Every migration runs unchanged on SQLite
//! (the embedded default) and PostgreSQL (production).

pub use sea_orm_migration::prelude::*;

mod m20261125_000001_directory;
mod m20261125_000002_sign_up;
mod m20261127_000003_outbox_without_bodies;
mod m20261128_000004_listing;
mod m20261129_000005_indexes_for_size;
mod m20261130_000006_filters_in_list_order;
mod m20261201_000007_last_edit;
mod m20261206_000008_staff;
mod m20261206_000009_district_versions;
mod m20261206_000010_passwords;
mod m20261206_000011_course_message;
mod m20261206_000012_sign_up_origin;
mod m20261206_000013_confirm_by;
mod m20261206_000014_referral;
mod m20261206_000015_org_number;
mod m20261206_000016_demo_today;
mod m20261207_000017_offering_venue_index;

/// Applies the migrations in order; the server runs it at start-up.
pub struct Migrator;

#[async_trait::async_trait]
impl MigratorTrait for Migrator {
    fn migrations() -> Vec<Box<dyn MigrationTrait>> {
        vec![
            Box::new(m20261125_000001_directory::Migration),
            Box::new(m20261125_000002_sign_up::Migration),
            Box::new(m20261127_000003_outbox_without_bodies::Migration),
            Box::new(m20261128_000004_listing::Migration),
            Box::new(m20261129_000005_indexes_for_size::Migration),
            Box::new(m20261130_000006_filters_in_list_order::Migration),
            Box::new(m20261201_000007_last_edit::Migration),
            Box::new(m20261206_000008_staff::Migration),
            Box::new(m20261206_000009_district_versions::Migration),
            Box::new(m20261206_000010_passwords::Migration),
            Box::new(m20261206_000011_course_message::Migration),
            Box::new(m20261206_000012_sign_up_origin::Migration),
            Box::new(m20261206_000013_confirm_by::Migration),
            Box::new(m20261206_000014_referral::Migration),
            Box::new(m20261206_000015_org_number::Migration),
            Box::new(m20261206_000016_demo_today::Migration),
            Box::new(m20261207_000017_offering_venue_index::Migration),
        ]
    }
}
