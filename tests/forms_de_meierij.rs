//! SWV PO de Meierij (seed 002): groepsarrangement, TLV and verlenging, as a
//! school would notice them.

mod forms_support;

use aanvraagwijzer::{field_applies, summary, validate, Severity};
use forms_support::{check, find, form, has, today, with};
use serde_json::json;

const GA: &str = "de-meierij/groepsarrangement";
const TLV: &str = "de-meierij/tlv";
const VERL: &str = "de-meierij/verlenging";

#[test]
fn the_three_forms_are_published() {
    for id in [GA, TLV, VERL] {
        assert_eq!(form(id).swv_name, "SWV PO de Meierij");
    }
}

#[test]
fn vervangend_short_medium_long_are_half_one_and_two_years() {
    let f = form(GA);
    // (looptijd, last allowed end, first end that is too late) for a start on 01-02-2027.
    for (looptijd, ok, late) in [
        ("short", "31-07-2027", "01-08-2027"),
        ("medium", "31-01-2028", "01-02-2028"),
        ("long", "31-01-2029", "01-02-2029"),
    ] {
        let doc = |end: &str| {
            with(
                GA,
                "valid-fleur-top-groep-medium.json",
                &[
                    ("/looptijd", json!(looptijd)),
                    ("/startdatum", json!("01-02-2027")),
                    ("/einddatum", json!(end)),
                    ("/evaluatiedatum", json!("01-06-2027")),
                ],
            )
        };
        let fine = validate(f, &doc(ok), today());
        assert!(fine.is_empty(), "{looptijd} until {ok}: {fine:#?}");
        let too_long = validate(f, &doc(late), today());
        let rule = match looptijd {
            "short" => "rule:short-half-jaar",
            "medium" => "rule:medium-een-jaar",
            _ => "rule:long-twee-jaar",
        };
        assert!(
            has(&too_long, rule, "/answers/einddatum"),
            "{looptijd} until {late}"
        );
    }
}

#[test]
fn aanvullend_arrangements_have_no_looptijd_choice() {
    let f = form(GA);
    let doc = forms_support::fixture(&format!("{GA}/valid-doen-groep-aanvullend.json"));
    assert!(!field_applies(f, &doc, today(), "looptijd"));
    let ander = with(
        GA,
        "valid-doen-groep-aanvullend.json",
        &[
            ("/groepsarrangement", json!("ander")),
            ("/soort", json!("vervangend")),
        ],
    );
    assert!(field_applies(f, &ander, today(), "looptijd"));
    let lines = summary(f, &doc, today());
    assert_eq!(lines[0].value.as_deref(), Some("7 maanden"));
}

#[test]
fn a_tlv_without_the_parents_is_refused() {
    let findings = check(TLV, "invalid-zonder-ouders.json");
    let f = find(
        &findings,
        "rule:in-overleg-met-ouders",
        "/answers/in_overleg_met_ouders",
    );
    assert_eq!(f.severity, Severity::Fout);
    assert!(f.message.contains("ouders"));
    let source = f.source.as_ref().expect("source");
    assert!(form(TLV).sources[&source.key]
        .quote
        .contains("in overleg met ouders"));
}

#[test]
fn observation_or_temporary_placement_needs_a_return_plan() {
    let f = form(TLV);
    let doc = with(
        TLV,
        "valid-yusuf-langere-periode.json",
        &[("/doel_plaatsing", json!("observatie"))],
    );
    let findings = validate(f, &doc, today());
    assert!(has(&findings, "required", "/answers/plan_terugkeer"));
    assert!(has(&findings, "required", "/answers/verwachte_terugkeer"));
}

#[test]
fn an_extension_without_the_evaluation_attached_is_refused() {
    let findings = check(VERL, "invalid-zonder-evaluatie.json");
    assert_eq!(
        find(&findings, "required", "/answers/evaluatie").severity,
        Severity::Fout
    );
    let unconfirmed = with(
        VERL,
        "valid-lars-verlenging.json",
        &[("/evaluatie/bevestigingen", json!([false]))],
    );
    assert!(has(
        &validate(form(VERL), &unconfirmed, today()),
        "confirmation-missing",
        "/answers/evaluatie/bevestigingen/0"
    ));
}

#[test]
fn reached_goals_warn_on_an_extension_but_not_on_an_adjustment() {
    let verl = with(
        VERL,
        "valid-lars-verlenging.json",
        &[("/doelen_bereikt", json!("ja"))],
    );
    let findings = validate(form(VERL), &verl, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:doelen-bereikt");
    assert_eq!(findings[0].severity, Severity::Waarschuwing);
    assert!(check(VERL, "valid-bijstelling-groepsarrangement.json").is_empty());
}
