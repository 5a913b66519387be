//! Values computed from the answers, for comparisons in rules and conditions.

use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// A value: a field's answer, a literal, or a fact computed from answers.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq)]
#[serde(rename_all = "snake_case")]
pub enum Expr {
    /// The answer of a field (number, money or date field).
    Field(String),
    /// A literal number, written as a string to keep it exact: `"27.50"`.
    Number(Decimal),
    /// A literal date, dd-mm-jjjj.
    Date(String),
    /// The date of validation.
    Today,
    /// Age in whole years on a date: `{ age = { birth = "geboortedatum", on = "today" } }`.
    Age { birth: Box<Expr>, on: Box<Expr> },
    /// Whole months from the first date to the second.
    MonthsBetween { from: Box<Expr>, to: Box<Expr> },
    /// Number of items in a list field.
    Count(String),
    /// Sum of a number field over the items of a list: `"inzet.uren"`.
    Sum(String),
    /// Product of numbers (hours × rate).
    Product(Vec<Expr>),
    /// `part` as a percentage of `whole`.
    Percentage { part: Box<Expr>, whole: Box<Expr> },
    /// The sum of numbers: `{ plus = [{ field = "bedrag_personeel" }, { field = "bedrag_materiaal" }] }`.
    Plus(Vec<Expr>),
    /// Whole days from the first date to the second (negative when earlier).
    DaysBetween { from: Box<Expr>, to: Box<Expr> },
    /// The length of a period in whole months, counting its last day:
    /// 01-08-2026 to 31-07-2027 is 12 (`months_between` gives 11 there).
    DurationMonths { from: Box<Expr>, to: Box<Expr> },
    /// 1 August of the school year a date falls in.
    SchoolYearStart(Box<Expr>),
    /// 31 July at the end of the school year a date falls in.
    SchoolYearEnd(Box<Expr>),
    /// How many school years (1 August to 31 July) a period touches, counting
    /// both ends: 01-01-2027 to 31-07-2028 touches 2.
    SchoolYears { from: Box<Expr>, to: Box<Expr> },
    /// How many school years fall short of "`at_least` keer per schooljaar":
    /// of the school years that the period `from`..=`to` covers for at least
    /// `min_months` months (a school year the period only grazes, such as a
    /// July, asks nothing), those holding fewer than `at_least` of the dates at
    /// `dates` (a date field inside a list) within the period. Nothing when the
    /// period ends before it starts.
    /// `{ school_years_short = { dates = "evaluaties.datum", at_least = 2,
    /// from = { field = "start" }, to = { field = "eind" }, min_months = 6 } }`
    SchoolYearsShort {
        dates: String,
        at_least: u32,
        from: Box<Expr>,
        to: Box<Expr>,
        min_months: u32,
    },
    /// Number of items of a list for which a condition holds; inside `where`,
    /// paths into the list read the item: `{ count_where = { list = "ondersteuning",
    /// where = { field = "ondersteuning.niveau", equals = "zwaar" } } }`.
    CountWhere {
        list: String,
        #[serde(rename = "where")]
        condition: Box<super::Condition>,
    },
    /// The first number minus the others, exactly: `{ minus = [{ field = "dl" },
    /// { field = "dle_bl" }] }` (a learning delay in months).
    Minus(Vec<Expr>),
    /// The first of these that has a value; for an answer that may come in two
    /// ways: `{ first_of = [{ percentage = … }, { field = "achterstand_bl" }] }`.
    FirstOf(Vec<Expr>),
    /// A named value of the form's `[values]` table.
    Value(String),
}

/// How two values compare.
#[derive(Debug, Clone, Copy, Serialize, Deserialize, PartialEq, Eq)]
pub enum CmpOp {
    #[serde(rename = "<")]
    Lt,
    #[serde(rename = "<=")]
    Le,
    #[serde(rename = "==")]
    Eq,
    #[serde(rename = "!=")]
    Ne,
    #[serde(rename = ">=")]
    Ge,
    #[serde(rename = ">")]
    Gt,
}

impl CmpOp {
    /// Applies the operator to an ordering.
    pub fn holds(self, ord: std::cmp::Ordering) -> bool {
        use std::cmp::Ordering::*;
        match self {
            CmpOp::Lt => ord == Less,
            CmpOp::Le => ord != Greater,
            CmpOp::Eq => ord == Equal,
            CmpOp::Ne => ord != Equal,
            CmpOp::Ge => ord != Less,
            CmpOp::Gt => ord == Greater,
        }
    }
}

impl Expr {
    pub(crate) fn collect_paths<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Expr::Field(p) | Expr::Count(p) | Expr::Sum(p) => out.push(p),
            // A named value's own paths are checked where it is defined.
            Expr::Number(_) | Expr::Date(_) | Expr::Today | Expr::Value(_) => {}
            Expr::Age { birth: a, on: b }
            | Expr::MonthsBetween { from: a, to: b }
            | Expr::Percentage { part: a, whole: b } => {
                a.collect_paths(out);
                b.collect_paths(out);
            }
            Expr::Product(es) | Expr::Plus(es) | Expr::Minus(es) | Expr::FirstOf(es) => {
                for e in es {
                    e.collect_paths(out);
                }
            }
            Expr::DaysBetween { from: a, to: b }
            | Expr::DurationMonths { from: a, to: b }
            | Expr::SchoolYears { from: a, to: b } => {
                a.collect_paths(out);
                b.collect_paths(out);
            }
            Expr::SchoolYearStart(a) | Expr::SchoolYearEnd(a) => a.collect_paths(out),
            Expr::SchoolYearsShort {
                dates, from, to, ..
            } => {
                out.push(dates);
                from.collect_paths(out);
                to.collect_paths(out);
            }
            Expr::CountWhere { list, condition } => {
                out.push(list);
                out.extend(condition.field_paths());
            }
        }
    }

    /// Every field path this expression reads.
    pub fn field_paths(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_paths(&mut out);
        out
    }

    /// The named values and conditions this expression refers to directly,
    /// as `value:<name>` and `condition:<name>` (for the build-time cycle check).
    pub fn names(&self) -> Vec<String> {
        match self {
            Expr::Value(name) => vec![format!("value:{name}")],
            Expr::Age { birth: a, on: b }
            | Expr::MonthsBetween { from: a, to: b }
            | Expr::Percentage { part: a, whole: b }
            | Expr::DaysBetween { from: a, to: b }
            | Expr::DurationMonths { from: a, to: b }
            | Expr::SchoolYears { from: a, to: b } => {
                let mut out = a.names();
                out.extend(b.names());
                out
            }
            Expr::Product(es) | Expr::Plus(es) | Expr::Minus(es) | Expr::FirstOf(es) => {
                es.iter().flat_map(Expr::names).collect()
            }
            Expr::SchoolYearStart(a) | Expr::SchoolYearEnd(a) => a.names(),
            Expr::SchoolYearsShort { from, to, .. } => {
                let mut out = from.names();
                out.extend(to.names());
                out
            }
            Expr::CountWhere { condition, .. } => condition.names(),
            Expr::Field(_)
            | Expr::Number(_)
            | Expr::Date(_)
            | Expr::Today
            | Expr::Count(_)
            | Expr::Sum(_) => Vec::new(),
        }
    }
}
