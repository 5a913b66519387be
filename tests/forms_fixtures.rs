//! Every fixture of the RSV Breda PO, Berséba, De Meierij and De Liemers forms:
//! complete requests pass without any finding; each invalid request shows the
//! user exactly the findings it lists under `expect` (code, field, severity).

mod support;

use aanvraagwijzer::{has_blocking, validate, Severity};
use support::{codes, covered_forms, fixtures_of, today};

#[test]
fn the_eleven_forms_of_the_four_swvs_are_published() {
    let ids: Vec<&str> = covered_forms().iter().map(|f| f.id.as_str()).collect();
    for id in [
        "rsv-breda-po/opp",
        "rsv-breda-po/individueel-arrangement",
        "rsv-breda-po/groepsarrangement",
        "berseba/tlv-sbo-so",
        "berseba/extra-ondersteuning",
        "berseba/jrk",
        "de-meierij/groepsarrangement",
        "de-meierij/tlv",
        "de-meierij/verlenging",
        "de-liemers/arrangement-basisonderwijs",
        "de-liemers/verantwoording",
    ] {
        assert!(ids.contains(&id), "{id} is not published; found {ids:?}");
    }
}

#[test]
fn every_form_has_a_valid_and_an_invalid_fixture() {
    let forms = covered_forms();
    assert!(
        !forms.is_empty(),
        "no forms of the covered SWVs are embedded"
    );
    for form in forms {
        let fixtures = fixtures_of(&form.id);
        assert!(
            fixtures.iter().any(|f| f.is_valid()),
            "{}: no valid-*.json fixture",
            form.id
        );
        assert!(
            fixtures.iter().any(|f| f.name.starts_with("invalid-")),
            "{}: no invalid-*.json fixture",
            form.id
        );
    }
}

#[test]
fn valid_fixtures_pass_without_findings() {
    let mut problems = Vec::new();
    for form in covered_forms() {
        for fx in fixtures_of(&form.id).iter().filter(|f| f.is_valid()) {
            assert_eq!(fx.doc.form, form.id, "{}/{}", form.id, fx.name);
            for f in validate(form, &fx.doc, today()) {
                problems.push(format!(
                    "{}/{}: {} at {}: {}",
                    form.id, fx.name, f.code, f.path, f.message
                ));
            }
        }
    }
    assert!(
        problems.is_empty(),
        "valid fixtures with findings:\n{}",
        problems.join("\n")
    );
}

#[test]
fn invalid_fixtures_show_the_expected_findings() {
    for form in covered_forms() {
        for fx in fixtures_of(&form.id).iter().filter(|f| !f.is_valid()) {
            let place = format!("{}/{}", form.id, fx.name);
            assert!(!fx.expect.is_empty(), "{place}: lists no expected findings");
            let findings = validate(form, &fx.doc, today());
            for e in &fx.expect {
                let hit = findings
                    .iter()
                    .find(|f| f.code == e.code && f.path == e.path);
                let Some(hit) = hit else {
                    panic!(
                        "{place}: expected {} at {}, found {:#?}",
                        e.code,
                        e.path,
                        codes(&findings)
                    );
                };
                if let Some(sev) = e.severity {
                    assert_eq!(hit.severity, sev, "{place}: severity of {}", e.code);
                }
                assert!(!hit.message.trim().is_empty(), "{place}: empty message");
                if e.code.starts_with("rule:") {
                    assert!(hit.source.is_some(), "{place}: {} has no source", e.code);
                }
            }
            let expects_fout = fx
                .expect
                .iter()
                .any(|e| e.severity.unwrap_or(Severity::Fout) == Severity::Fout);
            assert_eq!(
                has_blocking(&findings),
                expects_fout,
                "{place}: blocking findings {:#?}",
                codes(&findings)
            );
        }
    }
}

#[test]
fn every_source_quotes_its_seed_and_every_message_says_what_to_do() {
    for form in covered_forms() {
        assert!(!form.sources.is_empty(), "{}", form.id);
        for (key, s) in &form.sources {
            assert!(
                s.document.ends_with(".txt") && s.quote.chars().count() >= 20,
                "{}: source {key} should name the seed file and quote the passage",
                form.id
            );
        }
        for rule in &form.rules {
            let words: Vec<&str> = rule.message.split_whitespace().collect();
            assert!(
                words.len() >= 8,
                "{}: message of {} is too short to say what to do",
                form.id,
                rule.id
            );
        }
    }
}
