//! Limits on sign-ups that hold across every server on one database.
//!
//! A sign-up keeps where it was posted from (`client_key`: an IPv4 address
//! or an IPv6 /64; `network_key`: an IPv4 /24 or an IPv6 /48) and the
//! mailbox of whoever signed someone else up (`registrant_key`), so the
//! sign-up counts them per course under the course's lock. They are
//! personal data and go with the rest of it when the sign-up is
//! anonymised.
//!
//! A place in line is now taken when an address is confirmed, not when
//! the form is sent, so the waiting list keeps its own order
//! (`queue_number`, per course) rather than the order of the rows; those
//! already in line keep theirs.

use sea_orm_migration::prelude::*;

#[derive(DeriveMigrationName)]
pub struct Migration;

#[derive(DeriveIden)]
enum SignUp {
    Table,
    ClientKey,
    NetworkKey,
    RegistrantKey,
    QueueNumber,
    Id,
    Status,
    OfferingId,
}

#[async_trait::async_trait]
impl MigrationTrait for Migration {
    async fn up(&self, manager: &SchemaManager) -> Result<(), DbErr> {
        // One column per statement: SQLite adds one at a time.
        for column in [SignUp::ClientKey, SignUp::NetworkKey, SignUp::RegistrantKey] {
            manager
                .alter_table(
                    Table::alter()
                        .table(SignUp::Table)
                        .add_column(ColumnDef::new(column).string().null())
                        .take(),
                )
                .await?;
        }
        manager
            .alter_table(
                Table::alter()
                    .table(SignUp::Table)
                    .add_column(ColumnDef::new(SignUp::QueueNumber).integer().null())
                    .take(),
            )
            .await?;
        // The limits count a course's sign-ups per key: each count reads
        // only the few rows of one course and key, however many the course
        // has.
        for (name, column) in [
            ("idx_sign_up_offering_client", SignUp::ClientKey),
            ("idx_sign_up_offering_network", SignUp::NetworkKey),
            ("idx_sign_up_offering_registrant", SignUp::RegistrantKey),
        ] {
            manager
                .create_index(
                    Index::create()
                        .name(name)
                        .table(SignUp::Table)
                        .col(SignUp::OfferingId)
                        .col(column)
                        .take(),
                )
                .await?;
        }
        manager
            .exec_stmt(
                Query::update()
                    .table(SignUp::Table)
                    .value(SignUp::QueueNumber, Expr::col(SignUp::Id))
                    .and_where(Expr::col(SignUp::Status).eq("waiting_list"))
                    .take(),
            )
            .await?;
        Ok(())
    }
}
