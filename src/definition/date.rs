//! Reading a date as people type it (dd-mm-jjjj).
//!
//! Part of the definition module (compiled into `build.rs` too) so that a date
//! written in a form file is checked at build time by the very function that
//! reads it at run time: a date the runtime cannot read never passes the build.
//! `crate::dates` re-exports it for the rest of the core.

use chrono::NaiveDate;

/// Why a typed date could not be read.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DateError {
    /// Not of the shape dd-mm-jjjj.
    #[error("not of the form dd-mm-jjjj")]
    Format,
    /// The shape is right but the day does not exist (31-02-2012).
    #[error("day {day} does not exist in month {month} of {year}")]
    Impossible { day: u32, month: u32, year: i32 },
    /// A year outside 1900..=2100, almost always a typo.
    #[error("year {0} is implausible")]
    Implausible(i32),
}

/// A Dutch month name or its usual abbreviation ("maart", "mrt", "sept"),
/// any case, as its number.
fn month_by_name(word: &str) -> Option<u32> {
    const MONTHS: [&[&str]; 12] = [
        &["januari", "jan"],
        &["februari", "feb", "febr"],
        &["maart", "mrt", "mar", "maa"],
        &["april", "apr"],
        &["mei"],
        &["juni", "jun"],
        &["juli", "jul"],
        &["augustus", "aug"],
        &["september", "sep", "sept"],
        &["oktober", "okt", "oct"],
        &["november", "nov"],
        &["december", "dec"],
    ];
    let word = word.to_lowercase();
    MONTHS
        .iter()
        .position(|names| names.contains(&word.as_str()))
        .and_then(|i| u32::try_from(i + 1).ok())
}

/// Parses `dd-mm-jjjj`; `/`, `.` and spaces are accepted as separators and
/// single-digit days and months too, since people type "3-9-2012"; the month
/// may also be written as a Dutch word ("3 september 2025", "3 sept. 2025").
pub fn parse_date(input: &str) -> Result<NaiveDate, DateError> {
    let parts: Vec<&str> = input
        .trim()
        .split(['-', '/', '.', ' '])
        .filter(|p| !p.is_empty())
        .collect();
    let [d, m, y] = parts.as_slice() else {
        return Err(DateError::Format);
    };
    let all_digits = |s: &str, max: usize| {
        !s.is_empty() && s.len() <= max && s.bytes().all(|b| b.is_ascii_digit())
    };
    if !all_digits(d, 2) || y.len() != 4 || !all_digits(y, 4) {
        return Err(DateError::Format);
    }
    let month = if all_digits(m, 2) {
        m.parse().ok()
    } else {
        month_by_name(m)
    };
    let (day, month, year): (u32, u32, i32) = match (d.parse(), month, y.parse()) {
        (Ok(d), Some(m), Ok(y)) => (d, m, y),
        _ => return Err(DateError::Format),
    };
    if !(1900..=2100).contains(&year) {
        return Err(DateError::Implausible(year));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible { day, month, year })
}
