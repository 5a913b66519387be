//! Form-level rules: a check across fields with the SWV's own message.

use serde_json::Value;

use super::values::Scope;
use super::Out;
use crate::definition::{Check, Rule};
use crate::finding::{Finding, SourceRef};

/// Evaluates one rule; rules on a field inside a list run once per item.
pub(crate) fn check_rule(scope: &Scope, rule: &Rule, out: &mut Out) {
    let Some(target) = scope.form.lookup(&rule.field) else {
        return;
    };
    let (first, rest) = rule.field.split_once('.').unwrap_or((&rule.field, ""));
    if target.in_list {
        let items = scope.answers.get(first).and_then(Value::as_array);
        for (i, item) in items.into_iter().flatten().enumerate() {
            let Some(obj) = item.as_object() else {
                continue;
            };
            let inner = Scope {
                item: Some((first, i, obj)),
                ..*scope
            };
            check_in(&inner, rule, &format!("/answers/{first}/{i}/{rest}"), out);
        }
    } else {
        check_in(
            scope,
            rule,
            &format!("/answers/{}", rule.field.replace('.', "/")),
            out,
        );
    }
}

fn check_in(scope: &Scope, rule: &Rule, ptr: &str, out: &mut Out) {
    if rule.when.as_ref().is_some_and(|c| !scope.holds(c)) {
        return;
    }
    let ok = match &rule.check {
        Check::ContainsAny(words) => match scope.text(&rule.field) {
            None => true,
            Some(text) => {
                let lower = text.to_lowercase();
                words.iter().any(|w| lower.contains(&w.to_lowercase()))
            }
        },
        // An empty operand is the "required" check's business, not this rule's.
        Check::Compare { left, op, right } => scope.compare(left, *op, right).unwrap_or(true),
        Check::Holds(cond) => scope.holds(cond),
    };
    if !ok {
        out.findings.push(Finding {
            code: format!("rule:{}", rule.id),
            path: ptr.to_owned(),
            severity: rule.severity,
            message: rule.message.clone(),
            source: SourceRef::from_form(scope.form, &rule.source),
        });
    }
}
