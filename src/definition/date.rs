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

/// Parses `dd-mm-jjjj`; `/`, `.` and spaces are accepted as separators and
/// single-digit days and months too, since people type "3-9-2012".
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
    if !all_digits(d, 2) || !all_digits(m, 2) || y.len() != 4 || !all_digits(y, 4) {
        return Err(DateError::Format);
    }
    let (day, month, year): (u32, u32, i32) = match (d.parse(), m.parse(), y.parse()) {
        (Ok(d), Ok(m), Ok(y)) => (d, m, y),
        _ => return Err(DateError::Format),
    };
    if !(1900..=2100).contains(&year) {
        return Err(DateError::Implausible(year));
    }
    NaiveDate::from_ymd_opt(year, month, day).ok_or(DateError::Impossible { day, month, year })
}
