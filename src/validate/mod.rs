//! `validate(form, document, today) -> findings`: never fails on user input.

mod applicable;
mod cap;
mod fields;
mod messages;
mod rules;
pub(crate) mod values;

use chrono::NaiveDate;
use serde_json::Value;

use crate::definition::{Form, Severity};
use crate::document::Document;
use crate::finding::{code, Finding, SourceRef};
pub use cap::MAX_FINDINGS_PER_GROUP;
pub use rules::RuleOutcome;
use values::Scope;

/// Collects findings, attaching each field's source.
pub(crate) struct Out<'a> {
    form: &'a Form,
    findings: Vec<Finding>,
}

impl Out<'_> {
    /// A finding of a field check; `source` is the field's source key (see
    /// [`Field::source_or`](crate::definition::Field::source_or)).
    fn push(
        &mut self,
        code: &str,
        path: &str,
        severity: Severity,
        message: String,
        source: Option<&str>,
    ) {
        self.findings.push(Finding {
            code: code.to_owned(),
            path: path.to_owned(),
            severity,
            message,
            source: source
                .filter(|_| code::cites_source(code))
                .and_then(|k| SourceRef::from_form(self.form, k)),
        });
    }
}

/// Checks a document against a form as of `today` (ages, dates in the future).
/// Findings come in form order: document-level first, then per section and
/// field, then cross-field rules.
///
/// Only the answers of fields that apply count (see [`applicable_answers`]): an
/// answer the user gave before hiding its field never produces a finding.
pub fn validate(form: &Form, doc: &Document, today: NaiveDate) -> Vec<Finding> {
    let mut out = Out {
        form,
        findings: Vec::new(),
    };
    if doc.form != form.id {
        out.findings.push(Finding {
            code: code::FORM_MISMATCH.into(),
            path: "/form".into(),
            severity: Severity::Fout,
            message: messages::form_mismatch(&doc.form, &form.title),
            source: None,
        });
    } else if doc.form_version != form.version {
        out.findings.push(Finding {
            code: code::VERSION_MISMATCH.into(),
            path: "/form_version".into(),
            severity: Severity::Waarschuwing,
            message: messages::version_mismatch(&doc.form_version, &form.version),
            source: None,
        });
    }
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    let scope = Scope::new(form, &answers, today);
    for section in &form.sections {
        if section.when.as_ref().is_some_and(|c| !scope.holds(c)) {
            continue;
        }
        for field in &section.fields {
            fields::check_field(
                &scope,
                field,
                section.source_or(form),
                answers.get(&field.id),
                &format!("/answers/{}", field.id),
                &mut out,
            );
        }
    }
    for rule in &form.rules {
        rules::check_rule(&scope, rule, &mut out);
    }
    for (key, value) in &doc.answers {
        if form.fields().all(|f| &f.id != key) && !value.is_null() {
            out.findings.push(Finding {
                code: code::UNKNOWN_ANSWER.into(),
                path: crate::pointer::AnswerPath::field(key).pointer(),
                severity: Severity::Tip,
                message: messages::UNKNOWN_ANSWER.into(),
                source: None,
            });
        }
    }
    crate::printable::check(form, &answers, &mut out.findings);
    cap::cap(out.findings)
}

/// What each rule of the form made of a document, in form order: not
/// applicable, passed or failed. Used by the rule-coverage report; the
/// findings of `validate` are exactly the failed rules (plus field checks).
pub fn rule_outcomes(form: &Form, doc: &Document, today: NaiveDate) -> Vec<(String, RuleOutcome)> {
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    let scope = Scope::new(form, &answers, today);
    form.rules
        .iter()
        .map(|r| (r.id.clone(), rules::outcome(&scope, r)))
        .collect()
}

/// Whether any finding blocks the request.
pub fn has_blocking(findings: &[Finding]) -> bool {
    findings.iter().any(|f| f.severity == Severity::Fout)
}

/// The document with only the answers of fields that apply, and how many
/// non-empty answers were left out.
///
/// A field does not apply when its section's `when`, its own `when` or (inside
/// a list item) its sub-field `when` does not hold. Conditions are evaluated on
/// the remaining answers until nothing changes, since a field's `when` may read
/// a field that is itself hidden (which then counts as empty). [`validate`],
/// [`field_applies`] and the summary see exactly these answers; the package
/// and its PDF contain only these (data minimisation), while the site keeps
/// the full document so that switching back restores an answer.
pub fn applicable_answers(form: &Form, doc: &Document, today: NaiveDate) -> (Document, usize) {
    let (answers, hidden) = applicable::effective(form, &doc.answers, today);
    let doc = Document {
        form: doc.form.clone(),
        form_version: doc.form_version.clone(),
        answers: answers.into_owned(),
    };
    (doc, hidden)
}

/// The texts of the form's notes that apply to these answers, in form order:
/// every note without `when`, and those whose `when` holds on the effective
/// answers (a Berséba TLV prints the notes of the chosen category only).
pub fn notes_that_apply<'f>(form: &'f Form, doc: &Document, today: NaiveDate) -> Vec<&'f str> {
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    let scope = Scope::new(form, &answers, today);
    form.notes
        .iter()
        .filter(|n| n.when().is_none_or(|c| scope.holds(c)))
        .map(|n| n.text())
        .collect()
}

/// Whether a field applies given the answers (its section's and its own
/// `when`, evaluated on the answers of fields that apply).
pub fn field_applies(form: &Form, doc: &Document, today: NaiveDate, field_id: &str) -> bool {
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    field_applies_in(form, &answers, today, field_id)
}

/// [`field_applies`] on answers that are already effective.
pub(crate) fn field_applies_in(
    form: &Form,
    answers: &serde_json::Map<String, Value>,
    today: NaiveDate,
    field_id: &str,
) -> bool {
    let scope = Scope::new(form, answers, today);
    form.sections.iter().any(|s| {
        s.when.as_ref().is_none_or(|c| scope.holds(c))
            && s.fields
                .iter()
                .any(|f| f.id == field_id && f.when.as_ref().is_none_or(|c| scope.holds(c)))
    })
}

/// Whether a section applies given the answers (its `when`, on the answers of
/// fields that apply); unknown ids do not.
pub fn section_applies(form: &Form, doc: &Document, today: NaiveDate, section_id: &str) -> bool {
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    section_applies_in(form, &answers, today, section_id)
}

/// [`section_applies`] on answers that are already effective.
pub(crate) fn section_applies_in(
    form: &Form,
    answers: &serde_json::Map<String, Value>,
    today: NaiveDate,
    section_id: &str,
) -> bool {
    let scope = Scope::new(form, answers, today);
    form.sections
        .iter()
        .any(|s| s.id == section_id && s.when.as_ref().is_none_or(|c| scope.holds(c)))
}

/// Whether field `field_id` inside item `index` of list `list_id` applies: the
/// list itself applies and the sub-field's `when` holds with that item in scope
/// (so the site hides exactly what `validate` skips).
pub fn item_field_applies(
    form: &Form,
    doc: &Document,
    today: NaiveDate,
    list_id: &str,
    index: usize,
    field_id: &str,
) -> bool {
    let (answers, _) = applicable::effective(form, &doc.answers, today);
    if !field_applies_in(form, &answers, today, list_id) {
        return false;
    }
    let Some(crate::definition::FieldKind::List { fields, .. }) =
        form.fields().find(|f| f.id == list_id).map(|f| &f.kind)
    else {
        return false;
    };
    let Some(sub) = fields.iter().find(|f| f.id == field_id) else {
        return false;
    };
    let item = answers
        .get(list_id)
        .and_then(|v| v.get(index))
        .and_then(Value::as_object);
    let scope = Scope::new(form, &answers, today);
    let scope = match item {
        Some(obj) => scope.in_item(list_id, obj),
        None => scope,
    };
    sub.when.as_ref().is_none_or(|c| scope.holds(c))
}

/// Whether an answer counts as given.
pub fn is_answered(value: Option<&Value>) -> bool {
    value.is_some_and(|v| !values::is_empty(v))
}
