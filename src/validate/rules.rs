//! Form-level rules: a check across fields with the SWV's own message.

use super::applicable::path_applies;
use super::values::Scope;
use super::Out;
use crate::definition::{Check, Rule};
use crate::finding::{Finding, SourceRef};

/// Where a rule runs: once on the answers, or, for a rule on a field inside
/// a list, once per item (with the item's index, for the finding's pointer).
/// Empty when the rule's field does not exist.
fn runs<'a>(scope: &Scope<'a>, rule: &'a Rule) -> Vec<(Option<usize>, Scope<'a>)> {
    match scope.form.lookup(&rule.field) {
        None => Vec::new(),
        Some(target) if target.in_list => {
            let list = rule
                .field
                .split_once('.')
                .map_or(rule.field.as_str(), |(l, _)| l);
            scope.items(list).map(|(i, s)| (Some(i), s)).collect()
        }
        Some(_) => vec![(None, *scope)],
    }
}

/// Evaluates one rule; rules on a field inside a list run once per item.
pub(crate) fn check_rule(scope: &Scope, rule: &Rule, out: &mut Out) {
    for (index, inner) in runs(scope, rule) {
        if evaluate(&inner, rule) != Some(false) {
            continue;
        }
        let path = match (index, rule.field.split_once('.')) {
            (Some(i), Some((list, rest))) => format!("/answers/{list}/{i}/{rest}"),
            _ => format!("/answers/{}", rule.field.replace('.', "/")),
        };
        out.findings.push(Finding {
            code: format!("rule:{}", rule.id),
            path,
            severity: rule.severity,
            message: rule.message.clone(),
            source: SourceRef::from_form(scope.form, &rule.source),
        });
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
    let mut result = RuleOutcome::NotApplicable;
    for (_, inner) in runs(scope, rule) {
        match evaluate(&inner, rule) {
            Some(false) => return RuleOutcome::Failed,
            Some(true) => result = RuleOutcome::Passed,
            None => {}
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
        Check::ContainsAny(words) => scope.contains_any(&rule.field, words),
        // An empty operand is the "required" check's business, not this rule's.
        Check::Compare { left, op, right } => scope.compare(left, *op, right),
        Check::Holds(cond) => Some(scope.holds(cond)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::Form;
    use aanvraagwijzer_test_support::{today, FormToml};

    /// Hours with a maximum, and a list whose items each must say "ja".
    fn form_toml() -> String {
        FormToml::new("test/outcomes")
            .field("uren", "number")
            .list("regels", "regel", &[("akkoord", "yes_no", "")])
            .raw(
                r#"[[rules]]
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
check.holds = { field = "regels.akkoord", equals = "ja" }"#,
            )
            .build()
    }

    fn outcomes(answers: serde_json::Value) -> Vec<RuleOutcome> {
        let form: Form = toml::from_str(&form_toml()).expect("test form parses");
        let answers = answers.as_object().cloned().unwrap_or_default();
        let scope = Scope::new(&form, &answers, today());
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
