//! Which answers count: the answers of fields that apply.
//!
//! The site keeps the answer of a field that the user hid (by changing an
//! earlier answer), so switching back restores it. Such an answer must never
//! produce a finding and never reach the SWV. Everything that judges or shows a
//! document (field checks, rules, conditions, summary lines, the PDF, the
//! package) therefore works on the *effective answers*: the answers with those
//! of non-applicable fields (section `when`, field `when`, list-item sub-field
//! `when`) removed.

use std::borrow::Cow;

use chrono::NaiveDate;
use serde_json::{Map, Value};

use super::values::{is_empty, Scope};
use crate::definition::{Condition, FieldKind, Form};

/// The answers of fields that apply, in NFC (see
/// [`crate::document::nfc_answers`]), and how many non-empty answers were
/// removed. Borrows `answers` when nothing needs removing or normalising.
///
/// Fields are visited in form order and a removal takes effect at once, so a
/// condition reading an earlier hidden field sees it as empty; passes repeat
/// until nothing changes, because a `when` may also read a later field. Every
/// pass removes something or ends the loop, so it terminates; at the end every
/// remaining answer belongs to a field whose conditions hold on the remaining
/// answers.
pub(crate) fn effective<'a>(
    form: &Form,
    answers: &'a Map<String, Value>,
    today: NaiveDate,
) -> (Cow<'a, Map<String, Value>>, usize) {
    // Everything that judges, stores or prints answers passes here, so this
    // is the one place they become NFC.
    let mut current = crate::document::nfc_answers(answers);
    let mut hidden = 0;
    loop {
        let mut changed = false;
        for section in &form.sections {
            for field in &section.fields {
                if !current.contains_key(&field.id) {
                    continue;
                }
                let on = {
                    let scope = Scope::new(form, &current, today);
                    holds(&scope, section.when.as_ref()) && holds(&scope, field.when.as_ref())
                };
                if !on {
                    if let Some(v) = current.to_mut().remove(&field.id) {
                        hidden += usize::from(!is_empty(&v));
                    }
                    changed = true;
                    continue;
                }
                let FieldKind::List { fields: subs, .. } = &field.kind else {
                    continue;
                };
                if subs.iter().all(|s| s.when.is_none()) {
                    continue;
                }
                let count = current
                    .get(&field.id)
                    .and_then(Value::as_array)
                    .map_or(0, Vec::len);
                for i in 0..count {
                    for sub in subs.iter().filter(|s| s.when.is_some()) {
                        let off = {
                            let Some(item) = current
                                .get(&field.id)
                                .and_then(|v| v.get(i))
                                .and_then(Value::as_object)
                            else {
                                break;
                            };
                            if !item.contains_key(&sub.id) {
                                continue;
                            }
                            let inner = Scope::new(form, &current, today).in_item(&field.id, item);
                            !holds(&inner, sub.when.as_ref())
                        };
                        if off {
                            let removed = current
                                .to_mut()
                                .get_mut(&field.id)
                                .and_then(|v| v.get_mut(i))
                                .and_then(Value::as_object_mut)
                                .and_then(|item| item.remove(&sub.id));
                            if let Some(v) = removed {
                                hidden += usize::from(!is_empty(&v));
                            }
                            changed = true;
                        }
                    }
                }
            }
        }
        if !changed {
            return (current, hidden);
        }
    }
}

fn holds(scope: &Scope, cond: Option<&Condition>) -> bool {
    cond.is_none_or(|c| scope.holds(c))
}

/// Whether the field at a dotted path applies, on effective answers: its
/// section's and its own `when` hold, and for a field inside the list whose
/// item is in scope, the sub-field's `when` holds for that item. A path into
/// another list applies when that list does (it reads every item).
pub(crate) fn path_applies(scope: &Scope, path: &str) -> bool {
    let mut parts = path.split('.');
    let Some(first) = parts.next() else {
        return false;
    };
    let top = scope.form.sections.iter().find_map(|s| {
        s.fields
            .iter()
            .find(|f| f.id == first)
            .map(|f| (s.when.as_ref(), f))
    });
    let Some((section_when, field)) = top else {
        return false;
    };
    if !holds(scope, section_when) || !holds(scope, field.when.as_ref()) {
        return false;
    }
    let (Some((list, _)), FieldKind::List { fields: subs, .. }) = (scope.item, &field.kind) else {
        return true;
    };
    if list != first {
        return true;
    }
    match parts.next().and_then(|id| subs.iter().find(|s| s.id == id)) {
        Some(sub) => holds(scope, sub.when.as_ref()),
        None => true,
    }
}
