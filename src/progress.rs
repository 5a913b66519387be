//! "7 van 12 verplichte onderdelen compleet".

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::definition::{Form, Severity};
use crate::document::Document;
use crate::finding::Finding;
use crate::validate::{applicable_answers, field_applies_in, is_answered};

/// How far a document is: required fields that apply, and how many of them are
/// answered without a blocking finding.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct Progress {
    pub complete: usize,
    pub required: usize,
}

impl Progress {
    /// The Dutch progress line.
    pub fn message_nl(&self) -> String {
        format!(
            "{} van {} verplichte onderdelen compleet",
            self.complete, self.required
        )
    }
}

/// Counts progress given the findings `validate` returned for the same document.
pub fn progress(form: &Form, doc: &Document, findings: &[Finding], today: NaiveDate) -> Progress {
    let (doc, _) = applicable_answers(form, doc, today);
    let mut p = Progress {
        complete: 0,
        required: 0,
    };
    for field in form.fields().filter(|f| f.required) {
        if !field_applies_in(form, &doc.answers, today, &field.id) {
            continue;
        }
        p.required += 1;
        let blocked = findings
            .iter()
            .any(|f| f.severity == Severity::Fout && f.field_id() == Some(&field.id));
        if is_answered(doc.answers.get(&field.id)) && !blocked {
            p.complete += 1;
        }
    }
    p
}
