//! RSV Breda VO (seed 004, bijlage 5 and 7.1): the request for an aanwijzing
//! lwoo or a TLV praktijkonderwijs. The form computes the leerachterstand per
//! area from DL and DLE, exactly, and judges the national criteria on it; these
//! tests check the arithmetic and every boundary as a school would notice it.

mod support;

use aanvraagwijzer::validate::{rule_outcomes, RuleOutcome};
use aanvraagwijzer::{summary, validate, Document, Severity};
use serde_json::{json, Value};
use support::{check, codes, fixtures_of, form, today, with};

const ID: &str = "rsv-breda-vo/lwoo-pro";
const PRO: &str = "valid-pro-sanne-verhoeven.json";
const LWOO: &str = "valid-lwoo-milan-de-bruijn.json";

/// The summary line with this label, as shown ("30%", "Pro.").
fn line(doc: &Document, label: &str) -> Option<String> {
    summary(form(ID), doc, today())
        .into_iter()
        .find(|l| l.label == label)
        .unwrap_or_else(|| panic!("no summary line {label}"))
        .value
}

fn outcome(doc: &Document, rule: &str) -> RuleOutcome {
    rule_outcomes(form(ID), doc, today())
        .into_iter()
        .find(|(id, _)| id == rule)
        .unwrap_or_else(|| panic!("no rule {rule}"))
        .1
}

fn doc(base: &str, changes: &[(&str, Value)]) -> Document {
    with(ID, base, changes)
}

#[test]
fn every_fixture_shows_exactly_the_findings_it_lists() {
    let fixtures = fixtures_of(ID);
    assert!(fixtures.len() >= 20, "only {} fixtures", fixtures.len());
    for fx in fixtures {
        let mut found = codes(&validate(form(ID), &fx.doc, today()));
        let mut expected: Vec<(String, String)> = fx
            .expect
            .iter()
            .map(|e| (e.code.clone(), e.path.clone()))
            .collect();
        found.sort();
        expected.sort();
        assert_eq!(found, expected, "{}", fx.name);
    }
}

#[test]
fn the_achterstand_per_area_is_computed_from_dl_and_dle() {
    // Milan: DL 60; DLE 42, 40, 48, 45.
    let d = doc(LWOO, &[]);
    assert_eq!(
        line(&d, "Leerachterstand technisch lezen").as_deref(),
        Some("30%")
    );
    assert_eq!(
        line(&d, "Leerachterstand begrijpend lezen").as_deref(),
        Some("33,3%")
    );
    assert_eq!(line(&d, "Leerachterstand spelling").as_deref(), Some("20%"));
    assert_eq!(
        line(&d, "Leerachterstand inzichtelijk rekenen").as_deref(),
        Some("25%")
    );
    assert_eq!(line(&d, "Past bij").as_deref(), Some("Lwoo."));
}

#[test]
fn the_achterstand_is_judged_exactly_not_on_the_rounded_percentage() {
    // (57 - 43) / 57 = 24,56..% is below 25 even though it shows as 24,6%;
    // (60 - 45) / 60 = 25% exactly is inside the lwoo range.
    let below = doc(
        LWOO,
        &[
            ("/dl", json!("57")),
            ("/dle_tl", json!("40")),
            ("/dle_bl", json!("43")),
            ("/dle_sp", json!("40")),
            ("/dle_ir", json!("43")),
        ],
    );
    assert_eq!(
        line(&below, "Leerachterstand begrijpend lezen").as_deref(),
        Some("24,6%")
    );
    assert_eq!(outcome(&below, "achterstand-past"), RuleOutcome::Failed);
    // 1/3 of the DL: exact division, no float drift at the 33,3..% boundary.
    let third = doc(
        LWOO,
        &[
            ("/dl", json!("45")),
            ("/dle_tl", json!("30")),
            ("/dle_bl", json!("30")),
            ("/dle_sp", json!("30")),
            ("/dle_ir", json!("30")),
        ],
    );
    assert_eq!(outcome(&third, "achterstand-past"), RuleOutcome::Passed);
    assert!(validate(form(ID), &third, today()).is_empty());
}

#[test]
fn entered_percentages_count_only_without_dl_and_dle() {
    // With DL and DLE filled in, a stray percentage is not used.
    let both = doc(LWOO, &[("/achterstand_bl", json!("80"))]);
    assert_eq!(
        line(&both, "Leerachterstand begrijpend lezen").as_deref(),
        Some("33,3%")
    );
    // Without the DL, the percentages are what the school has.
    let pct = doc(
        LWOO,
        &[
            ("/dl", json!("")),
            ("/achterstand_tl", json!("30")),
            ("/achterstand_bl", json!("49,5")),
            ("/achterstand_sp", json!("10")),
            ("/achterstand_ir", json!("12")),
        ],
    );
    assert_eq!(
        line(&pct, "Leerachterstand begrijpend lezen").as_deref(),
        Some("49,5%")
    );
    assert!(
        validate(form(ID), &pct, today()).is_empty(),
        "{:#?}",
        codes(&validate(form(ID), &pct, today()))
    );
}

#[test]
fn fifty_percent_counts_for_pro_and_for_lwoo() {
    let at = |pct: &str| {
        doc(
            LWOO,
            &[
                ("/dl", json!("")),
                ("/achterstand_tl", json!("10")),
                ("/achterstand_bl", json!(pct)),
                ("/achterstand_sp", json!(pct)),
                ("/achterstand_ir", json!("10")),
                ("/iq", json!("78")),
                (
                    "/motivatie",
                    json!("Zie het onderzoeksverslag: de leerling past bij beide."),
                ),
            ],
        )
    };
    assert_eq!(
        line(&at("50"), "Past bij").as_deref(),
        Some("Pro én lwoo: de uitslagen vallen in de overlap van beide. Motiveer de keuze.")
    );
    assert_eq!(line(&at("49,9"), "Past bij").as_deref(), Some("Lwoo."));
    assert_eq!(line(&at("50,1"), "Past bij").as_deref(), Some("Pro."));
    // 50,1% is no longer lwoo, so an lwoo request with IQ 78 is contradictory but allowed.
    assert_eq!(outcome(&at("50,1"), "lwoo-past"), RuleOutcome::Passed);
    assert_eq!(outcome(&at("50,1"), "lwoo-motivatie"), RuleOutcome::Passed);
}

#[test]
fn iq_boundaries_follow_bijlage_5() {
    // (iq, request, rule, outcome)
    let cases = [
        ("54", PRO, "iq-past", RuleOutcome::Failed),
        ("55", PRO, "iq-past", RuleOutcome::Passed),
        ("120", LWOO, "iq-past", RuleOutcome::Passed),
        ("121", LWOO, "iq-past", RuleOutcome::Failed),
        ("74", PRO, "pro-motivatie", RuleOutcome::NotApplicable),
        ("75", PRO, "pro-motivatie", RuleOutcome::Failed),
        ("80", PRO, "pro-motivatie", RuleOutcome::Failed),
        ("74", LWOO, "lwoo-motivatie", RuleOutcome::Failed),
        ("75", LWOO, "lwoo-motivatie", RuleOutcome::Failed),
        ("80", LWOO, "lwoo-motivatie", RuleOutcome::Failed),
        ("81", LWOO, "lwoo-motivatie", RuleOutcome::NotApplicable),
        (
            "90",
            LWOO,
            "lwoo-sociaal-emotioneel",
            RuleOutcome::NotApplicable,
        ),
        ("91", LWOO, "lwoo-sociaal-emotioneel", RuleOutcome::Failed),
        ("120", LWOO, "lwoo-sociaal-emotioneel", RuleOutcome::Failed),
        (
            "121",
            LWOO,
            "lwoo-sociaal-emotioneel",
            RuleOutcome::NotApplicable,
        ),
    ];
    for (iq, base, rule, expected) in cases {
        let d = doc(base, &[("/iq", json!(iq))]);
        assert_eq!(outcome(&d, rule), expected, "IQ {iq}, {base}, {rule}");
    }
    // Sanne's achterstand is pro: with IQ 80 she fits pro, with 81 the IQ points to lwoo.
    assert_eq!(
        line(&doc(PRO, &[("/iq", json!("80"))]), "Past bij").as_deref(),
        Some("Pro.")
    );
    assert!(line(&doc(PRO, &[("/iq", json!("81"))]), "Past bij")
        .is_some_and(|t| t.starts_with("Tegenstrijdig")));
    assert!(line(&doc(PRO, &[("/iq", json!("121"))]), "Past bij")
        .is_some_and(|t| t.starts_with("Geen van beide")));
}

#[test]
fn a_request_against_every_result_is_blocked_and_says_which_fits() {
    let findings = check(ID, "invalid-lwoo-iq-74-past-bij-pro.json");
    let f = support::find(&findings, "rule:lwoo-past", "/answers/aanvraag");
    assert_eq!(f.severity, Severity::Fout);
    assert!(f.message.contains("TLV pro"), "{}", f.message);
    let findings = check(ID, "invalid-pro-iq-81-past-bij-lwoo.json");
    let f = support::find(&findings, "rule:pro-past", "/answers/aanvraag");
    assert!(f.message.contains("lwoo"), "{}", f.message);
}

#[test]
fn the_summary_says_where_the_decision_is_valid_and_waits_for_the_results() {
    let empty = Document {
        form: ID.into(),
        form_version: form(ID).version.clone(),
        answers: Default::default(),
    };
    assert_eq!(line(&empty, "Past bij"), None);
    assert_eq!(line(&empty, "Leerachterstand spelling"), None);
    assert!(line(&empty, "Geldigheid").is_some_and(|t| t.contains("heel Nederland")));
}

#[test]
fn the_count_date_warning_starts_on_1_october_for_pupils_in_the_vo() {
    let on = |date: &str, leerjaar: &str| {
        doc(
            LWOO,
            &[
                ("/datum_aanvraag", json!(date)),
                ("/leerjaar", json!(leerjaar)),
            ],
        )
    };
    assert_eq!(
        outcome(&on("30-09-2026", "vo_1"), "telling-1-oktober"),
        RuleOutcome::Passed
    );
    assert_eq!(
        outcome(&on("01-10-2026", "vo_1"), "telling-1-oktober"),
        RuleOutcome::Failed
    );
    assert_eq!(
        outcome(&on("01-10-2026", "groep_8"), "telling-1-oktober"),
        RuleOutcome::NotApplicable
    );
    // Without a date the form uses today (22-11-2026 in these tests).
    assert_eq!(
        outcome(&on("", "vo_1"), "telling-1-oktober"),
        RuleOutcome::Failed
    );
}
