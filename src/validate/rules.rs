//! Form-level rules: a check across fields with the SWV's own message.

use serde_json::Value;

use super::applicable::path_applies;
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

/// What a rule made of the answers (for rule coverage reports and tests).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RuleOutcome {
    /// The rule's `when` does not hold, its field or a field its check reads
    /// does not apply, or an answer it compares is empty (for a rule inside a
    /// list: no item it applied to).
    NotApplicable,
    /// The rule applied and holds (for a list: for every item it applied to).
    Passed,
    /// The rule applied and does not hold (for a list: for some item).
    Failed,
}

/// The outcome of one rule on the answers.
pub(crate) fn outcome(scope: &Scope, rule: &Rule) -> RuleOutcome {
    let Some(target) = scope.form.lookup(&rule.field) else {
        return RuleOutcome::NotApplicable;
    };
    let (first, _) = rule.field.split_once('.').unwrap_or((&rule.field, ""));
    let single = |s: &Scope| match evaluate(s, rule) {
        None => RuleOutcome::NotApplicable,
        Some(true) => RuleOutcome::Passed,
        Some(false) => RuleOutcome::Failed,
    };
    if !target.in_list {
        return single(scope);
    }
    let items = scope.answers.get(first).and_then(Value::as_array);
    let mut result = RuleOutcome::NotApplicable;
    for (i, item) in items.into_iter().flatten().enumerate() {
        let Some(obj) = item.as_object() else {
            continue;
        };
        let inner = Scope {
            item: Some((first, i, obj)),
            ..*scope
        };
        match single(&inner) {
            RuleOutcome::Failed => return RuleOutcome::Failed,
            RuleOutcome::Passed => result = RuleOutcome::Passed,
            RuleOutcome::NotApplicable => {}
        }
    }
    result
}

/// `None` when the rule does not apply (its `when` is false, its field or a
/// field its check reads does not apply, or an operand it needs is empty);
/// otherwise whether it holds.
///
/// The scope holds the effective answers (hidden answers removed), so a
/// hidden field read by `when` counts as empty. A hidden field read by the
/// check makes the rule not applicable instead: the user cannot see it, so
/// a rule demanding something of it could never be met.
fn evaluate(scope: &Scope, rule: &Rule) -> Option<bool> {
    if rule.when.as_ref().is_some_and(|c| !scope.holds(c)) {
        return None;
    }
    let reads = rule.check.field_paths();
    if !path_applies(scope, &rule.field) || reads.iter().any(|p| !path_applies(scope, p)) {
        return None;
    }
    match &rule.check {
        Check::ContainsAny(words) => scope.text(&rule.field).map(|text| {
            let lower = text.to_lowercase();
            words.iter().any(|w| lower.contains(&w.to_lowercase()))
        }),
        // An empty operand is the "required" check's business, not this rule's.
        Check::Compare { left, op, right } => scope.compare(left, *op, right),
        Check::Holds(cond) => Some(scope.holds(cond)),
    }
}

fn check_in(scope: &Scope, rule: &Rule, ptr: &str, out: &mut Out) {
    if evaluate(scope, rule) == Some(false) {
        out.findings.push(Finding {
            code: format!("rule:{}", rule.id),
            path: ptr.to_owned(),
            severity: rule.severity,
            message: rule.message.clone(),
            source: SourceRef::from_form(scope.form, &rule.source),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Form;
    use chrono::NaiveDate;

    const FORM: &str = r#"
id = "test/outcomes"
version = "1"
swv_name = "Test"
title = "Test"
kind = "arrangement"
description = "Een formulier om te testen."
[sources.s]
document = "d"
section = "s"
quote = "q"
[[sections]]
id = "a"
title = "A"
  [[sections.fields]]
  id = "uren"
  label = "Uren"
  type = "number"
  [[sections.fields]]
  id = "regels"
  label = "Regels"
  type = "list"
  item_label = "regel"
    [[sections.fields.fields]]
    id = "akkoord"
    label = "Akkoord"
    type = "yes_no"
[[rules]]
id = "max-3"
field = "uren"
message = "m"
source = "s"
check.compare = { left = { field = "uren" }, op = "<=", right = { number = "3" } }
[[rules]]
id = "akkoord"
field = "regels.akkoord"
message = "m"
source = "s"
when = { field = "regels.akkoord", filled = true }
check.holds = { field = "regels.akkoord", equals = "ja" }
"#;

    fn outcomes(answers: serde_json::Value) -> Vec<RuleOutcome> {
        let form: Form = toml::from_str(FORM).expect("test form parses");
        let answers = answers.as_object().cloned().unwrap_or_default();
        let scope = Scope {
            form: &form,
            answers: &answers,
            today: NaiveDate::from_ymd_opt(2026, 11, 22).expect("date"),
            item: None,
        };
        form.rules.iter().map(|r| outcome(&scope, r)).collect()
    }

    #[test]
    fn outcomes_tell_not_applicable_from_passed_and_failed() {
        use RuleOutcome::*;
        assert_eq!(
            outcomes(serde_json::json!({})),
            [NotApplicable, NotApplicable]
        );
        assert_eq!(
            outcomes(serde_json::json!({"uren": "3", "regels": [{"akkoord": "ja"}, {}]})),
            [Passed, Passed]
        );
        assert_eq!(
            outcomes(
                serde_json::json!({"uren": "3,5", "regels": [{"akkoord": "ja"}, {"akkoord": "nee"}]})
            ),
            [Failed, Failed]
        );
    }
}
