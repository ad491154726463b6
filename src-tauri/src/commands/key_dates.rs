//! Key dates: the brand's own, yearly ones, and French public holidays.

use tribu_core::model::{KeyDate, KeyDateInput};
use tribu_core::time::parse_date;

use super::commands;

commands! {
    /// Key dates between two days, both included; with `includeHolidays`,
    /// the French public holidays too, labelled in `locale`.
    fn key_dates_list_range(cx, start: String, end: String, include_holidays: bool, locale: String) -> Vec<KeyDate> {
        cx.with(|store| {
            store.key_dates_with_holidays(
                parse_date(&start)?,
                parse_date(&end)?,
                include_holidays,
                &locale,
            )
        })
    }

    fn key_date_create(cx, input: KeyDateInput) -> KeyDate {
        cx.with(|store| store.create_key_date(&input))
    }

    fn key_date_delete(cx, id: String) -> () {
        cx.with(|store| store.delete_key_date(&id))
    }
}
