//! Dates as people type them (dd-mm-jjjj) and school years.

use chrono::{Datelike, NaiveDate};

// The parser lives with the form definitions so that `build.rs` checks the
// dates in form files with exactly this function (see `src/definition/date.rs`).
pub use crate::definition::date::{parse_date, DateError};

/// Formats a date the Dutch way, `03-09-2012`.
pub fn format_date(date: NaiveDate) -> String {
    date.format("%d-%m-%Y").to_string()
}

/// Age in whole years on `on` for someone born on `birth`.
pub fn age_in_years(birth: NaiveDate, on: NaiveDate) -> i32 {
    let mut age = on.year() - birth.year();
    if (on.month(), on.day()) < (birth.month(), birth.day()) {
        age -= 1;
    }
    age
}

/// Whole months from `from` to `to` (negative when `to` is earlier).
pub fn months_between(from: NaiveDate, to: NaiveDate) -> i32 {
    let mut months = (to.year() - from.year()) * 12 + to.month() as i32 - from.month() as i32;
    if months > 0 && to.day() < from.day() {
        months -= 1;
    } else if months < 0 && to.day() > from.day() {
        months += 1;
    }
    months
}

/// The length of the period `from`..=`to` in whole months, counting the last
/// day: 01-08-2026 to 31-07-2027 is 12 months, 15-01-2027 to 14-07-2027 is 6.
pub fn duration_months(from: NaiveDate, to: NaiveDate) -> i32 {
    match to.succ_opt() {
        Some(next) if to >= from => months_between(from, next),
        _ => months_between(from, to),
    }
}

/// A school year runs from 1 August to 31 July; named by its first calendar year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct SchoolYear(pub i32);

impl SchoolYear {
    /// The school year a date falls in.
    pub fn of(date: NaiveDate) -> SchoolYear {
        if date.month() >= 8 {
            SchoolYear(date.year())
        } else {
            SchoolYear(date.year() - 1)
        }
    }

    /// 1 August.
    pub fn first_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0, 8, 1).unwrap_or(NaiveDate::MIN)
    }

    /// 31 July of the next calendar year.
    pub fn last_day(self) -> NaiveDate {
        NaiveDate::from_ymd_opt(self.0 + 1, 7, 31).unwrap_or(NaiveDate::MAX)
    }
}

/// How many school years that `from`..=`to` covers for at least `min_months`
/// months (counting the last day) hold fewer than `at_least` of `dates` within
/// `from`..=`to`. A date outside the period counts for no school year.
pub fn school_years_short(
    from: NaiveDate,
    to: NaiveDate,
    min_months: i32,
    dates: &[NaiveDate],
    at_least: usize,
) -> usize {
    (SchoolYear::of(from).0..=SchoolYear::of(to).0)
        .map(SchoolYear)
        .filter(|year| {
            let first = from.max(year.first_day());
            let last = to.min(year.last_day());
            let inside = dates.iter().filter(|d| (first..=last).contains(d)).count();
            first <= last && duration_months(first, last) >= min_months && inside < at_least
        })
        .count()
}

impl std::fmt::Display for SchoolYear {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}-{}", self.0, self.0 + 1)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).expect("valid test date")
    }

    #[test]
    fn reads_dates_as_people_type_them() {
        assert_eq!(parse_date("03-09-2012"), Ok(d(2012, 9, 3)));
        assert_eq!(parse_date("3-9-2012"), Ok(d(2012, 9, 3)));
        assert_eq!(parse_date("03/09/2012"), Ok(d(2012, 9, 3)));
        assert_eq!(parse_date(" 29-02-2012 "), Ok(d(2012, 2, 29)));
        assert_eq!(parse_date("3/9/2025"), Ok(d(2025, 9, 3)));
        assert_eq!(parse_date("03.09.2025"), Ok(d(2025, 9, 3)));
    }

    #[test]
    fn reads_dutch_month_names() {
        assert_eq!(parse_date("3 september 2025"), Ok(d(2025, 9, 3)));
        assert_eq!(parse_date("3 sept. 2025"), Ok(d(2025, 9, 3)));
        assert_eq!(parse_date("1 maart 2026"), Ok(d(2026, 3, 1)));
        assert_eq!(parse_date("1 mrt 2026"), Ok(d(2026, 3, 1)));
        assert_eq!(parse_date("15 Oktober 2024"), Ok(d(2024, 10, 15)));
        assert_eq!(parse_date("31 mei 2025"), Ok(d(2025, 5, 31)));
        // A month name does not make an impossible day possible.
        assert_eq!(
            parse_date("30 februari 2025"),
            Err(DateError::Impossible {
                day: 30,
                month: 2,
                year: 2025
            })
        );
        // Not a month, and English names are not guessed at.
        assert_eq!(parse_date("3 septembre 2025"), Err(DateError::Format));
        assert_eq!(parse_date("3 may 2025"), Err(DateError::Format));
    }

    #[test]
    fn tells_impossible_from_malformed() {
        assert_eq!(
            parse_date("31-02-2012"),
            Err(DateError::Impossible {
                day: 31,
                month: 2,
                year: 2012
            })
        );
        assert_eq!(
            parse_date("29-02-2013"),
            Err(DateError::Impossible {
                day: 29,
                month: 2,
                year: 2013
            })
        );
        assert_eq!(
            parse_date("12-13-2012"),
            Err(DateError::Impossible {
                day: 12,
                month: 13,
                year: 2012
            })
        );
        assert_eq!(parse_date("2012-09-03"), Err(DateError::Format));
        assert_eq!(parse_date("03-09-12"), Err(DateError::Format));
        assert_eq!(parse_date("drie september"), Err(DateError::Format));
        assert_eq!(parse_date("03-09-1812"), Err(DateError::Implausible(1812)));
    }

    #[test]
    fn ages_and_school_years() {
        assert_eq!(age_in_years(d(2012, 9, 3), d(2026, 9, 2)), 13);
        assert_eq!(age_in_years(d(2012, 9, 3), d(2026, 9, 3)), 14);
        assert_eq!(SchoolYear::of(d(2026, 7, 31)), SchoolYear(2025));
        assert_eq!(SchoolYear::of(d(2026, 8, 1)), SchoolYear(2026));
        assert_eq!(SchoolYear(2026).to_string(), "2026-2027");
        assert_eq!(months_between(d(2026, 1, 15), d(2026, 7, 14)), 5);
        assert_eq!(months_between(d(2026, 1, 15), d(2026, 7, 15)), 6);
    }

    #[test]
    fn durations_count_the_last_day() {
        assert_eq!(duration_months(d(2026, 8, 1), d(2027, 7, 31)), 12);
        assert_eq!(months_between(d(2026, 8, 1), d(2027, 7, 31)), 11);
        assert_eq!(duration_months(d(2027, 1, 15), d(2027, 7, 14)), 6);
        assert_eq!(duration_months(d(2027, 1, 15), d(2027, 7, 13)), 5);
        assert_eq!(duration_months(d(2026, 9, 1), d(2026, 9, 30)), 1);
        assert_eq!(duration_months(d(2026, 9, 1), d(2026, 9, 29)), 0);
    }
}
