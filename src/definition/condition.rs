//! Conditions: when a section, field or rule applies.
//!
//! Written in form files as small TOML tables that read as sentences:
//! `when = { field = "heeft_beschikking", equals = "ja" }`.

use serde::Serialize;

use super::expr::{CmpOp, Expr};

/// A yes/no question about the answers.
///
/// Written untagged; read in one pass by `read.rs`, which tells the shapes
/// apart by their keys and refuses keys of two shapes at once.
#[derive(Debug, Clone, Serialize, PartialEq)]
#[serde(untagged)]
pub enum Condition {
    /// The field's value equals this (`"ja"`, an option value…).
    Equals { field: String, equals: String },
    /// The field's value is one of these; for a multi-choice field: any chosen
    /// option is one of these.
    OneOf { field: String, one_of: Vec<String> },
    /// The field is (not) filled in.
    Filled { field: String, filled: bool },
    /// Both fields hold the same text (ignoring case and spaces around it);
    /// false when either is empty.
    SameAs { field: String, same_as: String },
    /// A comparison of two values (numbers or dates); false when either is empty.
    Compare { left: Expr, op: CmpOp, right: Expr },
    /// All of these hold.
    All { all: Vec<Condition> },
    /// At least one of these holds.
    Any { any: Vec<Condition> },
    /// At least `at_least` of these hold ("in ten minste 2 van de 3 milieus").
    AtLeast { at_least: usize, of: Vec<Condition> },
    /// This does not hold.
    Not { not: Box<Condition> },
    /// The date at `field` falls in one of these months (1 = januari … 12 =
    /// december): `{ field = "startdatum", month_in = [8, 9, 1] }`; false when empty.
    MonthIn { field: String, month_in: Vec<u32> },
    /// The text at `field` contains at least one of these words (ignoring
    /// case): `{ field = "deskundige.functie", contains_any = ["orthopedagoog"] }`;
    /// false when empty.
    ContainsAny {
        field: String,
        contains_any: Vec<String>,
    },
    /// A named condition of the form's `[conditions]` table:
    /// `{ condition = "past_bij_pro" }`.
    Named { condition: String },
}

impl Condition {
    /// Every field path this condition reads, for the build-time check.
    pub fn field_paths(&self) -> Vec<&str> {
        let mut out = Vec::new();
        self.collect_paths(&mut out);
        out
    }

    fn collect_paths<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Condition::Equals { field, .. }
            | Condition::OneOf { field, .. }
            | Condition::Filled { field, .. }
            | Condition::MonthIn { field, .. }
            | Condition::ContainsAny { field, .. } => out.push(field),
            Condition::SameAs { field, same_as } => {
                out.push(field);
                out.push(same_as);
            }
            Condition::Compare { left, right, .. } => {
                left.collect_paths(out);
                right.collect_paths(out);
            }
            Condition::All { all: cs }
            | Condition::Any { any: cs }
            | Condition::AtLeast { of: cs, .. } => {
                for c in cs {
                    c.collect_paths(out);
                }
            }
            Condition::Not { not } => not.collect_paths(out),
            // A named condition's own paths are checked where it is defined.
            Condition::Named { .. } => {}
        }
    }

    /// The named values and conditions this condition refers to directly,
    /// as `value:<name>` and `condition:<name>` (for the build-time cycle check).
    pub fn names(&self) -> Vec<String> {
        match self {
            Condition::Named { condition } => vec![format!("condition:{condition}")],
            Condition::Compare { left, right, .. } => {
                let mut out = left.names();
                out.extend(right.names());
                out
            }
            Condition::All { all: cs }
            | Condition::Any { any: cs }
            | Condition::AtLeast { of: cs, .. } => cs.iter().flat_map(Condition::names).collect(),
            Condition::Not { not } => not.names(),
            Condition::Equals { .. }
            | Condition::OneOf { .. }
            | Condition::Filled { .. }
            | Condition::SameAs { .. }
            | Condition::MonthIn { .. }
            | Condition::ContainsAny { .. } => Vec::new(),
        }
    }
}
