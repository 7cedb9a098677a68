//! Keeps the demo municipality current. Its data file names the day its
//! dates were written for, and the import moves them to the week it runs
//! in; a demo left running would still go stale, so once a week has passed
//! since, every date in it moves on by the whole weeks, as the import
//! would have moved them: the same weekdays, courses opening, nearly full,
//! just over and later. A municipality's own data has no such day and
//! never moves. Courses someone signed up for keep their dates: people
//! were told them, and their personal data is removed by them.

use std::collections::HashSet;

use chrono::{Days, NaiveDate, NaiveDateTime};
use sea_orm::sea_query::Expr;
use sea_orm::{
    ActiveModelTrait, ColumnTrait, Condition, EntityTrait, IntoActiveModel, QueryFilter,
    QuerySelect, Set,
};

use crate::backend::clock::Now;
use crate::backend::db::Db;
use crate::backend::directory::read_model::{self, Why};
use crate::backend::entities::{
    cancelled_date, course_session, directory_state, offering, sign_up, skipped_date, venue,
    weekly_slot,
};
use crate::backend::import::{DEMO_SIGN_UP_DOMAIN, DEMO_SIGN_UP_PREFIX};
use crate::domain::error::AppError;

/// Moves the demo's dates on by the whole weeks since they were last
/// moved, if a week or more has passed; returns by how many weeks. Several
/// servers may try at once: the one whose update of the demo's day finds
/// it unchanged does the move, in the same transaction.
pub async fn run(db: &Db, now: Now) -> Result<u64, AppError> {
    let state = directory_state::Entity::find_by_id(1)
        .one(db.read())
        .await?;
    let Some(written) = state.and_then(|s| s.demo_today) else {
        return Ok(0);
    };
    let weeks = (now.local.date() - written).num_days().div_euclid(7);
    let Ok(weeks @ 1..) = u64::try_from(weeks) else {
        return Ok(0);
    };
    let by = Days::new(weeks * 7);
    let day = |d: NaiveDate| d + by;
    let time = |t: NaiveDateTime| NaiveDateTime::new(t.date() + by, t.time());
    let txn = db.begin().await?;
    let claimed = directory_state::Entity::update_many()
        .col_expr(
            directory_state::Column::DemoToday,
            Expr::value(day(written)),
        )
        .filter(directory_state::Column::Id.eq(1))
        .filter(directory_state::Column::DemoToday.eq(written))
        .exec(&txn)
        .await?;
    if claimed.rows_affected == 0 {
        txn.rollback().await?;
        return Ok(0);
    }
    // Courses people have signed up for keep their dates while their
    // sign-ups hold anything personal: the people were told those dates,
    // and their data is removed by them. The demo's own sign-ups are
    // nobody's.
    let demo_address = format!("{DEMO_SIGN_UP_PREFIX}%@{DEMO_SIGN_UP_DOMAIN}");
    let signed_up: HashSet<i32> = sign_up::Entity::find()
        .select_only()
        .column(sign_up::Column::OfferingId)
        .distinct()
        .filter(sign_up::Column::AnonymisedAt.is_null())
        .filter(
            Condition::any()
                .add(sign_up::Column::ParticipantEmail.is_null())
                .add(sign_up::Column::ParticipantEmail.not_like(&demo_address)),
        )
        .into_tuple::<i32>()
        .all(&txn)
        .await?
        .into_iter()
        .collect();
    let moves = |offering_id: i32| !signed_up.contains(&offering_id);
    for row in weekly_slot::Entity::find().all(&txn).await? {
        let (from, to) = (row.valid_from, row.valid_to);
        let mut row = row.into_active_model();
        row.valid_from = Set(day(from));
        row.valid_to = Set(to.map(day));
        row.update(&txn).await?;
    }
    // The date is part of a skipped date's key: written anew, moved.
    let skipped = skipped_date::Entity::find().all(&txn).await?;
    skipped_date::Entity::delete_many().exec(&txn).await?;
    if !skipped.is_empty() {
        skipped_date::Entity::insert_many(skipped.into_iter().map(|s| skipped_date::ActiveModel {
            weekly_slot_id: Set(s.weekly_slot_id),
            date: Set(day(s.date)),
        }))
        .exec(&txn)
        .await?;
    }
    for row in cancelled_date::Entity::find().all(&txn).await? {
        if !moves(row.offering_id) {
            continue;
        }
        let date = row.date;
        let mut row = row.into_active_model();
        row.date = Set(day(date));
        row.update(&txn).await?;
    }
    for row in course_session::Entity::find().all(&txn).await? {
        if !moves(row.offering_id) {
            continue;
        }
        let (starts, ends) = (row.starts_at, row.ends_at);
        let mut row = row.into_active_model();
        row.starts_at = Set(time(starts));
        row.ends_at = Set(time(ends));
        row.update(&txn).await?;
    }
    for row in venue::Entity::find().all(&txn).await? {
        let checked = row.checked_on;
        let mut row = row.into_active_model();
        row.checked_on = Set(day(checked));
        row.update(&txn).await?;
    }
    let offerings = offering::Entity::find().all(&txn).await?;
    let ids: Vec<i32> = offerings.iter().map(|o| o.id).collect();
    for o in offerings.into_iter().filter(|o| moves(o.id)) {
        let (opens, closes) = (o.sign_up_opens, o.sign_up_closes);
        let (first, last, confirmed) = (o.first_session_at, o.last_session_end_at, o.confirmed_at);
        let mut row = o.into_active_model();
        row.sign_up_opens = Set(opens.map(day));
        row.sign_up_closes = Set(closes.map(day));
        row.first_session_at = Set(first.map(time));
        row.last_session_end_at = Set(last.map(time));
        row.confirmed_at = Set(confirmed.map(time));
        row.update(&txn).await?;
    }
    read_model::refresh(&txn, &ids, now.local, Why::Edited).await?;
    txn.commit().await?;
    tracing::info!(weeks, "moved the demo's dates on");
    Ok(weeks)
}
