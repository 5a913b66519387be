//! The budget summary: computed lines (hours, money, percentages) and texts
//! chosen by the answers, as a form defines them.

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::definition::{Form, Unit};
use crate::document::Document;
use crate::numbers::{format_euro, format_number};
use crate::validate::values::{Scope, Val};

/// One line as shown to people.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SummaryLine {
    pub label: String,
    /// Formatted in Dutch ("€ 1.650,00", "3 uur"); `None` while answers it needs are empty.
    pub value: Option<String>,
    pub hint: Option<String>,
}

/// Computes the form's summary lines for a document, from the answers of
/// fields that apply (a hidden amount is not counted).
pub fn summary(form: &Form, doc: &Document, today: NaiveDate) -> Vec<SummaryLine> {
    let (doc, _) = crate::validate::applicable_answers(form, doc, today);
    let scope = Scope::new(form, &doc.answers, today);
    form.summary
        .iter()
        .map(|item| SummaryLine {
            label: item.label.clone(),
            value: match &item.value {
                None => item
                    .texts
                    .iter()
                    .find(|t| t.when.as_ref().is_none_or(|c| scope.holds(c)))
                    .map(|t| t.text.clone()),
                Some(expr) => match scope.eval(expr) {
                    Some(Val::Number(n)) => Some(match item.unit {
                        Unit::Euro => format_euro(n),
                        Unit::Getal => format_number(n.round_dp(2)),
                        Unit::Uur => format!("{} uur", format_number(n.round_dp(2))),
                        Unit::Procent => format!("{}%", format_number(n.round_dp(1))),
                        Unit::Maanden => format!("{} maanden", format_number(n)),
                        Unit::Jaar => format!("{} jaar", format_number(n)),
                    }),
                    _ => None,
                },
            },
            hint: item.hint.clone(),
        })
        .collect()
}
