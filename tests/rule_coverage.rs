//! Rule coverage: every rule in `forms/` is triggered by some fixture and
//! passed (applied and held) by another. Prints a table per form:
//! `cargo test --test rule_coverage -- --nocapture`.

mod support;

use std::collections::BTreeMap;

use aanvraagwijzer::validate::{rule_outcomes, RuleOutcome};
use support::{fixtures_of, today};

#[derive(Default)]
struct Tally {
    failed_in: Vec<String>,
    passed_in: Vec<String>,
}

#[test]
fn every_rule_is_triggered_by_one_fixture_and_passed_by_another() {
    let mut report = String::from(
        "\nform                                         rules  triggered  passed  covered\n",
    );
    let mut uncovered = Vec::new();
    let (mut total, mut total_covered) = (0, 0);
    for form in aanvraagwijzer::forms() {
        let mut tally: BTreeMap<&str, Tally> = form
            .rules
            .iter()
            .map(|r| (r.id.as_str(), Tally::default()))
            .collect();
        for fx in fixtures_of(&form.id) {
            for (id, outcome) in rule_outcomes(form, &fx.doc, today()) {
                let Some(t) = tally.get_mut(id.as_str()) else {
                    continue;
                };
                match outcome {
                    RuleOutcome::Failed => t.failed_in.push(fx.name.clone()),
                    RuleOutcome::Passed => t.passed_in.push(fx.name.clone()),
                    RuleOutcome::NotApplicable => {}
                }
            }
        }
        let triggered = tally.values().filter(|t| !t.failed_in.is_empty()).count();
        let passed = tally.values().filter(|t| !t.passed_in.is_empty()).count();
        let covered = tally
            .values()
            .filter(|t| !t.failed_in.is_empty() && !t.passed_in.is_empty())
            .count();
        total += tally.len();
        total_covered += covered;
        report.push_str(&format!(
            "{:<44} {:>5}  {:>9}  {:>6}  {:>7}\n",
            form.id,
            tally.len(),
            triggered,
            passed,
            covered
        ));
        for (id, t) in &tally {
            if t.failed_in.is_empty() || t.passed_in.is_empty() {
                uncovered.push(format!(
                    "{}: rule {id} (triggered by {:?}, passed by {:?})",
                    form.id, t.failed_in, t.passed_in
                ));
            }
        }
    }
    report.push_str(&format!(
        "total: {total_covered} of {total} rules covered\n"
    ));
    println!("{report}");
    assert!(
        uncovered.is_empty(),
        "{report}\nrules not both triggered and passed by fixtures:\n{}",
        uncovered.join("\n")
    );
}
