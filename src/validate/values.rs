//! Reading answers: lookup by dotted path, emptiness, and evaluating the
//! conditions and expressions of form definitions.

use chrono::{Datelike, NaiveDate};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::dates::{
    age_in_years, duration_months, months_between, parse_date, school_years_short, SchoolYear,
};
use crate::definition::{CmpOp, Condition, Expr, FieldKind, Form};
use crate::numbers::parse_decimal_nl;

/// What the validator looks at: the form, the answers, today, and (inside a
/// list) the current item.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub form: &'a Form,
    pub answers: &'a Map<String, Value>,
    pub today: NaiveDate,
    /// (list field id, item) while checking inside a list.
    pub item: Option<(&'a str, &'a Map<String, Value>)>,
}

/// A computed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    Number(Decimal),
    Date(NaiveDate),
}

impl<'a> Scope<'a> {
    /// The scope of the whole document: no list item.
    pub fn new(form: &'a Form, answers: &'a Map<String, Value>, today: NaiveDate) -> Scope<'a> {
        Scope {
            form,
            answers,
            today,
            item: None,
        }
    }

    /// This scope with `item` of the list `list` as the current item.
    pub fn in_item(&self, list: &'a str, item: &'a Map<String, Value>) -> Scope<'a> {
        Scope {
            item: Some((list, item)),
            ..*self
        }
    }

    /// One scope per item of the list `list`, with the item's index in the
    /// answer; items that are not objects are skipped (their shape is the
    /// field check's business).
    pub fn items(&self, list: &'a str) -> impl Iterator<Item = (usize, Scope<'a>)> + 'a {
        let outer = *self;
        outer
            .answers
            .get(list)
            .and_then(Value::as_array)
            .into_iter()
            .flatten()
            .enumerate()
            .filter_map(move |(i, item)| Some((i, outer.in_item(list, item.as_object()?))))
    }

    /// The raw answer at a dotted path; inside a list item, paths into that
    /// list read the current item.
    pub fn raw(&self, path: &str) -> Option<&'a Value> {
        let (first, rest) = match path.split_once('.') {
            Some((f, r)) => (f, Some(r)),
            None => (path, None),
        };
        if let (Some((list, item)), Some(rest)) = (self.item, rest) {
            if list == first {
                // A part of a composite field inside the item: `deskundigen.deskundige.functie`.
                return match rest.split_once('.') {
                    Some((sub, part)) => item.get(sub)?.get(part),
                    None => item.get(rest),
                };
            }
        }
        let v = self.answers.get(first)?;
        match rest {
            Some(part) => v.get(part),
            None => Some(v),
        }
    }

    /// The answer as trimmed, non-empty text.
    pub fn text(&self, path: &str) -> Option<&'a str> {
        self.raw(path)
            .and_then(Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    }

    /// Whether the text at `path` contains any of `words`, ignoring case and
    /// spaces around the answer and the words (a blank word matches nothing);
    /// `None` when the answer is empty. The one reading of `contains_any`, for
    /// rules and conditions alike.
    pub fn contains_any(&self, path: &str, words: &[String]) -> Option<bool> {
        let lower = self.text(path)?.to_lowercase();
        Some(
            words
                .iter()
                .map(|w| w.trim())
                .filter(|w| !w.is_empty())
                .any(|w| lower.contains(&w.to_lowercase())),
        )
    }

    /// Evaluates a condition; comparisons with empty values are false.
    pub fn holds(&self, cond: &Condition) -> bool {
        match cond {
            Condition::Equals { field, equals } => self.texts(field).iter().any(|t| t == equals),
            Condition::OneOf { field, one_of } => self
                .texts(field)
                .iter()
                .any(|t| one_of.iter().any(|o| o == t)),
            Condition::Filled { field, filled } => {
                self.raw(field).is_some_and(|v| !is_empty(v)) == *filled
            }
            Condition::SameAs { field, same_as } => match (self.text(field), self.text(same_as)) {
                (Some(a), Some(b)) => a.to_lowercase() == b.to_lowercase(),
                _ => false,
            },
            Condition::Compare { left, op, right } => {
                self.compare(left, *op, right).unwrap_or(false)
            }
            Condition::All { all } => all.iter().all(|c| self.holds(c)),
            Condition::Any { any } => any.iter().any(|c| self.holds(c)),
            Condition::AtLeast { at_least, of } => {
                of.iter().filter(|c| self.holds(c)).count() >= *at_least
            }
            Condition::Not { not } => !self.holds(not),
            Condition::Named { condition } => self
                .form
                .conditions
                .get(condition)
                .is_some_and(|c| self.holds(c)),
            Condition::ContainsAny {
                field,
                contains_any,
            } => self.contains_any(field, contains_any).unwrap_or(false),
            Condition::MonthIn { field, month_in } => match self.field_value(field) {
                Some(Val::Date(d)) => month_in.contains(&d.month()),
                _ => false,
            },
        }
    }

    /// Compares two expressions; `None` when either is empty or they differ in type.
    pub fn compare(&self, left: &Expr, op: CmpOp, right: &Expr) -> Option<bool> {
        match (self.eval(left)?, self.eval(right)?) {
            (Val::Number(a), Val::Number(b)) => Some(op.holds(a.cmp(&b))),
            (Val::Date(a), Val::Date(b)) => Some(op.holds(a.cmp(&b))),
            _ => None,
        }
    }

    /// The text answers at a path: one for a plain field, all chosen for a multi-choice.
    fn texts(&self, path: &str) -> Vec<&'a str> {
        match self.raw(path) {
            Some(Value::String(s)) => vec![s.trim()],
            Some(Value::Array(items)) => items.iter().filter_map(Value::as_str).collect(),
            _ => Vec::new(),
        }
    }

    /// Evaluates an expression; `None` when an answer it needs is empty or unreadable.
    pub fn eval(&self, e: &Expr) -> Option<Val> {
        match e {
            Expr::Field(path) => self.field_value(path),
            Expr::Number(n) => Some(Val::Number(*n)),
            Expr::Date(s) => parse_date(s).ok().map(Val::Date),
            Expr::Today => Some(Val::Date(self.today)),
            Expr::Age { birth, on } => match (self.eval(birth)?, self.eval(on)?) {
                (Val::Date(b), Val::Date(o)) => Some(Val::Number(age_in_years(b, o).into())),
                _ => None,
            },
            Expr::MonthsBetween { from, to } => match (self.eval(from)?, self.eval(to)?) {
                (Val::Date(a), Val::Date(b)) => Some(Val::Number(months_between(a, b).into())),
                _ => None,
            },
            Expr::Count(path) => {
                let n = self.raw(path).and_then(Value::as_array).map_or(0, Vec::len);
                Some(Val::Number(Decimal::from(n)))
            }
            Expr::Sum(path) => {
                let (list, sub) = path.split_once('.')?;
                // No list answer at all is no total (unlike an empty list).
                self.answers.get(list).and_then(Value::as_array)?;
                let mut total = Decimal::ZERO;
                for (_, inner) in self.items(list) {
                    if let Some(Val::Number(n)) = inner.field_value(&format!("{list}.{sub}")) {
                        total = total.checked_add(n)?;
                    }
                }
                Some(Val::Number(total))
            }
            Expr::Product(es) => {
                let mut acc = Decimal::ONE;
                for x in es {
                    match self.eval(x)? {
                        Val::Number(n) => acc = acc.checked_mul(n)?,
                        Val::Date(_) => return None,
                    }
                }
                Some(Val::Number(acc))
            }
            Expr::Plus(es) => {
                let mut acc = Decimal::ZERO;
                for x in es {
                    match self.eval(x)? {
                        Val::Number(n) => acc = acc.checked_add(n)?,
                        Val::Date(_) => return None,
                    }
                }
                Some(Val::Number(acc))
            }
            Expr::Minus(es) => {
                let (first, rest) = es.split_first()?;
                let Val::Number(mut acc) = self.eval(first)? else {
                    return None;
                };
                for x in rest {
                    match self.eval(x)? {
                        Val::Number(n) => acc = acc.checked_sub(n)?,
                        Val::Date(_) => return None,
                    }
                }
                Some(Val::Number(acc))
            }
            Expr::FirstOf(es) => es.iter().find_map(|x| self.eval(x)),
            // The build refuses cycles, so this recursion ends.
            Expr::Value(name) => self.eval(self.form.values.get(name)?),
            Expr::DaysBetween { from, to } => match (self.eval(from)?, self.eval(to)?) {
                (Val::Date(a), Val::Date(b)) => Some(Val::Number((b - a).num_days().into())),
                _ => None,
            },
            Expr::DurationMonths { from, to } => match (self.eval(from)?, self.eval(to)?) {
                (Val::Date(a), Val::Date(b)) => Some(Val::Number(duration_months(a, b).into())),
                _ => None,
            },
            Expr::SchoolYearStart(d) => match self.eval(d)? {
                Val::Date(d) => Some(Val::Date(SchoolYear::of(d).first_day())),
                Val::Number(_) => None,
            },
            Expr::SchoolYearEnd(d) => match self.eval(d)? {
                Val::Date(d) => Some(Val::Date(SchoolYear::of(d).last_day())),
                Val::Number(_) => None,
            },
            Expr::SchoolYears { from, to } => match (self.eval(from)?, self.eval(to)?) {
                (Val::Date(a), Val::Date(b)) if a <= b => Some(Val::Number(
                    (SchoolYear::of(b).0 - SchoolYear::of(a).0 + 1).into(),
                )),
                (Val::Date(_), Val::Date(_)) => Some(Val::Number(Decimal::ZERO)),
                _ => None,
            },
            Expr::SchoolYearsShort {
                dates,
                at_least,
                from,
                to,
                min_months,
            } => match (self.eval(from)?, self.eval(to)?) {
                (Val::Date(a), Val::Date(b)) if a <= b => {
                    let list = dates.split_once('.').map_or(dates.as_str(), |(l, _)| l);
                    // Unreadable dates are the date check's business; they count for nothing here.
                    let found: Vec<NaiveDate> = self
                        .items(list)
                        .filter_map(|(_, inner)| match inner.field_value(dates) {
                            Some(Val::Date(d)) => Some(d),
                            _ => None,
                        })
                        .collect();
                    let min = i32::try_from(*min_months).unwrap_or(i32::MAX);
                    let short = school_years_short(a, b, min, &found, *at_least as usize);
                    Some(Val::Number(Decimal::from(short)))
                }
                _ => None,
            },
            Expr::CountWhere { list, condition } => {
                let n = self
                    .items(list)
                    .filter(|(_, inner)| inner.holds(condition))
                    .count();
                Some(Val::Number(Decimal::from(n)))
            }
            Expr::Percentage { part, whole } => match (self.eval(part)?, self.eval(whole)?) {
                (Val::Number(p), Val::Number(w)) if !w.is_zero() => Some(Val::Number(
                    p.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(w)?,
                )),
                _ => None,
            },
        }
    }

    /// A field's answer read according to its type.
    pub(crate) fn field_value(&self, path: &str) -> Option<Val> {
        let r = self.form.lookup(path)?;
        let text = self.text(path)?;
        if r.is_date() {
            return parse_date(text).ok().map(Val::Date);
        }
        match (&r.field.kind, r.part) {
            (FieldKind::Number { .. }, None) => parse_decimal_nl(text, false).map(Val::Number),
            (FieldKind::Money { .. }, None) => parse_decimal_nl(text, true).map(Val::Number),
            // "Groep 1".."8": the build lets rules compare such a choice.
            (FieldKind::Choice { options }, None)
                if options
                    .iter()
                    .all(|o| o.value.bytes().all(|b| b.is_ascii_digit())) =>
            {
                parse_decimal_nl(text, false).map(Val::Number)
            }
            _ => None,
        }
    }
}

/// Whether an answer counts as not given: missing, null, blank text, empty
/// list, or an object whose parts are all empty.
pub(crate) fn is_empty(v: &Value) -> bool {
    match v {
        Value::Null => true,
        Value::String(s) => s.trim().is_empty(),
        Value::Array(a) => a.is_empty(),
        Value::Object(o) => o.values().all(|x| match x {
            // Unticked confirmations alone do not make an attachment "given".
            Value::Bool(b) => !b,
            other => is_empty(other),
        }),
        Value::Bool(_) | Value::Number(_) => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Form;
    use aanvraagwijzer_test_support::{today, FormToml};

    /// Dates, numbers, an amount and a list of support lines with a level.
    fn form_toml() -> String {
        FormToml::new("test/vocab")
            .field("start", "date")
            .field("eind", "date")
            .field("uren", "number")
            .field("bedrag", "money")
            .list(
                "steun",
                "regel",
                &[(
                    "niveau",
                    "choice",
                    r#"options = [{ value = "licht", label = "Licht" }, { value = "zwaar", label = "Zwaar" }]"#,
                )],
            )
            .build()
    }

    fn form() -> Form {
        toml::from_str(&form_toml()).expect("test form parses")
    }

    fn eval(form: &Form, answers: serde_json::Value, expr: &str) -> Option<Val> {
        let answers = answers.as_object().cloned().unwrap_or_default();
        let scope = Scope::new(form, &answers, today());
        let e: Expr = toml::from_str::<toml::Value>(expr)
            .ok()
            .and_then(|v| v.get("e").cloned())
            .and_then(|v| v.try_into().ok())
            .expect("test expression parses");
        scope.eval(&e)
    }

    fn num(n: i64) -> Option<Val> {
        Some(Val::Number(Decimal::from(n)))
    }

    fn date(y: i32, m: u32, d: u32) -> Option<Val> {
        Some(Val::Date(NaiveDate::from_ymd_opt(y, m, d).expect("date")))
    }

    #[test]
    fn plus_adds_exactly_and_needs_every_operand() {
        let f = form();
        let a = serde_json::json!({"uren": "2,5", "bedrag": "€ 1.100,10"});
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { plus = [{ field = "uren" }, { field = "bedrag" }, { number = "0.40" }] }"#
            ),
            Some(Val::Number(Decimal::new(110300, 2)))
        );
        assert_eq!(
            eval(
                &f,
                serde_json::json!({"uren": "2"}),
                r#"e = { plus = [{ field = "uren" }, { field = "bedrag" }] }"#
            ),
            None
        );
    }

    #[test]
    fn minus_and_first_of_compute_a_learning_delay_exactly() {
        let f = form();
        // (DL - DLE) / DL: 57 months of education, DLE 43.
        let delay = r#"e = { percentage = { part = { minus = [{ field = "uren" }, { number = "43" }] }, whole = { field = "uren" } } }"#;
        let Some(Val::Number(n)) = eval(&f, serde_json::json!({"uren": "57"}), delay) else {
            panic!("no number");
        };
        assert!(n < Decimal::from(25) && n > Decimal::new(2455, 2), "{n}");
        assert_eq!(
            eval(
                &f,
                serde_json::json!({"uren": "10", "bedrag": "2,5"}),
                r#"e = { minus = [{ field = "uren" }, { field = "bedrag" }, { number = "0.5" }] }"#
            ),
            num(7)
        );
        assert_eq!(
            eval(
                &f,
                serde_json::json!({"uren": "10"}),
                r#"e = { minus = [{ field = "uren" }, { field = "start" }] }"#
            ),
            None
        );
        let first = r#"e = { first_of = [{ field = "uren" }, { field = "bedrag" }] }"#;
        assert_eq!(
            eval(&f, serde_json::json!({"uren": "4", "bedrag": "9"}), first),
            num(4)
        );
        assert_eq!(
            eval(&f, serde_json::json!({"uren": " ", "bedrag": "9"}), first),
            num(9)
        );
        assert_eq!(eval(&f, serde_json::json!({}), first), None);
        assert_eq!(
            eval(
                &f,
                serde_json::json!({}),
                r#"e = { first_of = [{ field = "start" }, "today"] }"#
            ),
            Some(Val::Date(today()))
        );
    }

    #[test]
    fn named_values_and_conditions_are_read_from_the_form() {
        let f: Form = toml::from_str(&format!(
            "{}\n[values]\ntotaal = {{ plus = [{{ field = \"uren\" }}, {{ number = \"1\" }}] }}\n\
             [conditions]\nveel = {{ left = {{ value = \"totaal\" }}, op = \">\", right = {{ number = \"3\" }} }}\n",
            form_toml()
        ))
        .expect("test form parses");
        assert_eq!(
            eval(
                &f,
                serde_json::json!({"uren": "2"}),
                r#"e = { value = "totaal" }"#
            ),
            num(3)
        );
        assert_eq!(
            eval(
                &f,
                serde_json::json!({}),
                r#"e = { value = "bestaat_niet" }"#
            ),
            None
        );
        let answers = |uren: &str| {
            serde_json::json!({ "uren": uren })
                .as_object()
                .cloned()
                .unwrap_or_default()
        };
        let named = Condition::Named {
            condition: "veel".into(),
        };
        for (uren, holds) in [("2", false), ("2,5", true)] {
            let a = answers(uren);
            let scope = Scope::new(&f, &a, today());
            assert_eq!(scope.holds(&named), holds, "uren {uren}");
        }
    }

    #[test]
    fn periods_and_school_years() {
        let f = form();
        let a = serde_json::json!({"start": "01-01-2027", "eind": "31-07-2028"});
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { days_between = { from = { field = "start" }, to = { date = "31-01-2027" } } }"#
            ),
            num(30)
        );
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { duration_months = { from = { field = "start" }, to = { field = "eind" } } }"#
            ),
            num(19)
        );
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { school_years = { from = { field = "start" }, to = { field = "eind" } } }"#
            ),
            num(2)
        );
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { school_year_start = { field = "start" } }"#
            ),
            date(2026, 8, 1)
        );
        assert_eq!(
            eval(
                &f,
                a.clone(),
                r#"e = { school_year_end = { field = "start" } }"#
            ),
            date(2027, 7, 31)
        );
        assert_eq!(
            eval(&f, a, r#"e = { school_year_end = { field = "eind" } }"#),
            date(2028, 7, 31)
        );
    }

    #[test]
    fn school_years_short_counts_per_substantially_covered_school_year() {
        let f: Form = toml::from_str(&form_toml().replace(
            "    [[sections.fields.fields]]\n    id = \"niveau\"",
            "    [[sections.fields.fields]]\n    id = \"datum\"\n    label = \"Datum\"\n    type = \"date\"\n    [[sections.fields.fields]]\n    id = \"niveau\"",
        ))
        .expect("test form parses");
        let e = r#"e = { school_years_short = { dates = "steun.datum", at_least = 2, from = { field = "start" }, to = { field = "eind" }, min_months = 6 } }"#;
        let dated = |start: &str, eind: &str, dates: &[&str]| {
            let steun: Vec<_> = dates
                .iter()
                .map(|d| serde_json::json!({ "datum": d }))
                .collect();
            serde_json::json!({ "start": start, "eind": eind, "steun": steun })
        };
        // The July before the plan's only school year asks nothing: 2 evaluations suffice.
        let summer = ["01-12-2027", "01-05-2028"];
        assert_eq!(
            eval(&f, dated("01-07-2027", "30-06-2028", &summer), e),
            num(0)
        );
        assert_eq!(
            eval(&f, dated("01-07-2027", "30-06-2028", &summer[..1]), e),
            num(1)
        );
        // Six evaluations in the first of three school years leave two years short.
        let first_year = [
            "01-09-2027",
            "01-10-2027",
            "01-11-2027",
            "01-12-2027",
            "01-02-2028",
            "01-03-2028",
        ];
        assert_eq!(
            eval(&f, dated("01-08-2027", "31-07-2030", &first_year), e),
            num(2)
        );
        // Exactly 6 months of a school year counts; 5 months does not.
        assert_eq!(eval(&f, dated("01-02-2027", "31-07-2027", &[]), e), num(1));
        assert_eq!(eval(&f, dated("01-03-2027", "31-07-2027", &[]), e), num(0));
        // Dates outside the period, and unreadable ones, count for no school year.
        assert_eq!(
            eval(
                &f,
                dated(
                    "01-08-2027",
                    "31-07-2028",
                    &["15-07-2027", "01-12-2027", "nooit"]
                ),
                e
            ),
            num(1)
        );
        // An end before the start, or an empty date, gives nothing to compare.
        assert_eq!(eval(&f, dated("01-08-2028", "31-07-2027", &[]), e), None);
        assert_eq!(eval(&f, dated("01-08-2027", "", &[]), e), None);
    }

    #[test]
    fn count_where_reads_each_item() {
        let f = form();
        let a = serde_json::json!({"steun": [{"niveau": "zwaar"}, {"niveau": "licht"}, {"niveau": "zwaar"}, "kapot"]});
        let e = r#"e = { count_where = { list = "steun", where = { field = "steun.niveau", equals = "zwaar" } } }"#;
        assert_eq!(eval(&f, a, e), num(2));
        assert_eq!(eval(&f, serde_json::json!({}), e), num(0));
    }

    #[test]
    fn parts_of_composites_inside_list_items_are_read() {
        let f: Form = toml::from_str(&form_toml().replace(
            "    [[sections.fields.fields]]\n    id = \"niveau\"",
            "    [[sections.fields.fields]]\n    id = \"wie\"\n    label = \"Wie\"\n    type = \"person\"\n    [[sections.fields.fields]]\n    id = \"niveau\"",
        ))
        .expect("test form parses");
        let a = serde_json::json!({"steun": [{"wie": {"naam": "Ilse", "functie": "Orthopedagoog"}}, {"wie": {"naam": "Jan", "functie": "leerkracht"}}]});
        let e = r#"e = { count_where = { list = "steun", where = { field = "steun.wie.functie", contains_any = ["orthopedagoog"] } } }"#;
        assert_eq!(eval(&f, a, e), num(1));
    }

    #[test]
    fn month_in_reads_the_date() {
        let f = form();
        let answers = serde_json::json!({"start": "15-01-2027", "eind": "nooit"});
        let answers = answers.as_object().cloned().unwrap_or_default();
        let scope = Scope::new(&f, &answers, today());
        let cond = |field: &str, months: Vec<u32>| Condition::MonthIn {
            field: field.into(),
            month_in: months,
        };
        assert!(scope.holds(&cond("start", vec![8, 9, 1])));
        assert!(!scope.holds(&cond("start", vec![8, 9])));
        assert!(!scope.holds(&cond("eind", vec![1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12])));
        let contains = |field: &str, words: &[&str]| Condition::ContainsAny {
            field: field.into(),
            contains_any: words.iter().map(|w| w.to_string()).collect(),
        };
        assert!(scope.holds(&contains("eind", &["NOOIT"])));
        // Spaces around a word do not count, and a blank word matches nothing.
        assert!(scope.holds(&contains("eind", &[" nooit "])));
        assert!(!scope.holds(&contains("eind", &[" ", "altijd"])));
        assert!(!scope.holds(&contains("eind", &["altijd"])));
        assert!(!scope.holds(&contains("uren", &["nooit"])));
    }
}
