//! Today's date from the browser clock.
//!
//! The core reads no clock (`validate` takes `today`), so the site passes the
//! user's local date, as the CLI and server pass theirs.

use chrono::NaiveDate;

/// Today's local date in the browser.
pub fn today() -> NaiveDate {
    let now = js_sys::Date::new_0();
    NaiveDate::from_ymd_opt(
        now.get_full_year() as i32,
        now.get_month() + 1,
        now.get_date(),
    )
    // The browser's clock always gives a real date; the fallback only keeps
    // the page alive should it not.
    .unwrap_or_default()
}

/// `2026-11-22`: for file names and the `created` key of a download.
pub fn iso(date: NaiveDate) -> String {
    date.format("%Y-%m-%d").to_string()
}
