//! Reading answers: lookup by dotted path, emptiness, and evaluating the
//! conditions and expressions of form definitions.

use chrono::NaiveDate;
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use crate::dates::{age_in_years, months_between, parse_date};
use crate::definition::{CmpOp, Condition, Expr, FieldKind, Form};
use crate::numbers::parse_decimal_nl;

/// What the validator looks at: the form, the answers, today, and (inside a
/// list) the current item.
#[derive(Clone, Copy)]
pub(crate) struct Scope<'a> {
    pub form: &'a Form,
    pub answers: &'a Map<String, Value>,
    pub today: NaiveDate,
    /// (list field id, item index, item) while checking inside a list.
    pub item: Option<(&'a str, usize, &'a Map<String, Value>)>,
}

/// A computed value.
#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Val {
    Number(Decimal),
    Date(NaiveDate),
}

impl<'a> Scope<'a> {
    /// The raw answer at a dotted path; inside a list item, paths into that
    /// list read the current item.
    pub fn raw(&self, path: &str) -> Option<&'a Value> {
        let (first, rest) = match path.split_once('.') {
            Some((f, r)) => (f, Some(r)),
            None => (path, None),
        };
        if let (Some((list, _, item)), Some(rest)) = (self.item, rest) {
            if list == first {
                return item.get(rest);
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
                let items = self.answers.get(list).and_then(Value::as_array)?;
                let mut total = Decimal::ZERO;
                for item in items.iter().filter_map(Value::as_object) {
                    let inner = Scope {
                        item: Some((list, 0, item)),
                        ..*self
                    };
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
            Expr::Percentage { part, whole } => match (self.eval(part)?, self.eval(whole)?) {
                (Val::Number(p), Val::Number(w)) if !w.is_zero() => Some(Val::Number(
                    p.checked_mul(Decimal::ONE_HUNDRED)?.checked_div(w)?,
                )),
                _ => None,
            },
        }
    }

    /// A field's answer read according to its type.
    fn field_value(&self, path: &str) -> Option<Val> {
        let r = self.form.lookup(path)?;
        let text = self.text(path)?;
        match (&r.field.kind, r.part.as_deref()) {
            (FieldKind::Date { .. }, None) | (FieldKind::Signature, Some("datum")) => {
                parse_date(text).ok().map(Val::Date)
            }
            (FieldKind::Number { .. }, None) => parse_decimal_nl(text, false).map(Val::Number),
            (FieldKind::Money { .. }, None) => parse_decimal_nl(text, true).map(Val::Number),
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
