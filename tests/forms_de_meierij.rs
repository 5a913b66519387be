//! SWV PO de Meierij (seed 002): groepsarrangement, TLV and verlenging, as a
//! school would notice them.

mod support;

use aanvraagwijzer::{field_applies, has_blocking, summary, validate, Severity};
use serde_json::json;
use support::{check, find, form, has, today, with};

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
fn vervangend_short_medium_long_are_half_one_and_two_years_with_a_margin() {
    let f = form(GA);
    // (looptijd, rule, shortest end, longest end, first end too short, first end too long),
    // for a start on 01-02-2027; 2 months either side of ½, 1 or 2 years pass.
    for (looptijd, rule, short_ok, long_ok, too_short, too_long) in [
        (
            "short",
            "rule:short-half-jaar",
            "31-05-2027",
            "30-09-2027",
            "30-05-2027",
            "01-10-2027",
        ),
        (
            "medium",
            "rule:medium-een-jaar",
            "30-11-2027",
            "31-03-2028",
            "29-11-2027",
            "01-04-2028",
        ),
        (
            "long",
            "rule:long-twee-jaar",
            "30-11-2028",
            "31-03-2029",
            "29-11-2028",
            "01-04-2029",
        ),
    ] {
        let doc = |end: &str| {
            with(
                GA,
                "valid-fleur-top-groep-medium.json",
                &[
                    ("/looptijd", json!(looptijd)),
                    ("/startdatum", json!("01-02-2027")),
                    ("/einddatum", json!(end)),
                    ("/evaluatiedatum", json!("01-05-2027")),
                ],
            )
        };
        for end in [short_ok, long_ok] {
            let fine = validate(f, &doc(end), today());
            assert!(fine.is_empty(), "{looptijd} until {end}: {fine:#?}");
        }
        for end in [too_short, too_long] {
            let off = validate(f, &doc(end), today());
            let warning = find(&off, rule, "/answers/einddatum");
            // The document describes the offer; it sets no maximum: a warning, not a fout.
            assert_eq!(
                warning.severity,
                Severity::Waarschuwing,
                "{looptijd} until {end}"
            );
            assert!(!has_blocking(&off), "{looptijd} until {end}: {off:#?}");
        }
    }
}

#[test]
fn a_long_arrangement_of_half_a_year_is_noticed() {
    let findings = check(GA, "invalid-long-maar-half-jaar.json");
    let f = find(&findings, "rule:long-twee-jaar", "/answers/einddatum");
    assert!(f.message.contains("twee jaar"), "{}", f.message);
}

#[test]
fn the_age_2_to_14_is_a_mission_not_an_admission_rule() {
    let f = form(GA);
    let age = |birth: &str| {
        let doc = with(
            GA,
            "valid-fleur-top-groep-medium.json",
            &[("/geboortedatum", json!(birth))],
        );
        validate(f, &doc, today())
    };
    // Start 04-01-2027: born 04-01-2013 is 14 that day, born 05-01-2013 still 13.
    assert!(age("05-01-2013").is_empty());
    let fourteen = age("04-01-2013");
    let w = find(
        &fourteen,
        "rule:leeftijd-2-tot-14",
        "/answers/geboortedatum",
    );
    assert_eq!(w.severity, Severity::Waarschuwing);
    assert!(!has_blocking(&fourteen));
    // Born 05-01-2025 is not yet 2 on the start; born 04-01-2025 is.
    assert!(age("04-01-2025").is_empty());
    assert!(has(
        &age("05-01-2025"),
        "rule:leeftijd-2-tot-14",
        "/answers/geboortedatum"
    ));
}

#[test]
fn aanvullend_arrangements_have_no_looptijd_choice() {
    let f = form(GA);
    let doc = support::fixture(&format!("{GA}/valid-doen-groep-aanvullend.json"));
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
fn observation_or_temporary_placement_asks_for_a_return_plan_without_blocking() {
    let f = form(TLV);
    let doc = with(
        TLV,
        "valid-yusuf-langere-periode.json",
        &[("/doel_plaatsing", json!("observatie"))],
    );
    let findings = validate(f, &doc, today());
    for path in ["/answers/plan_terugkeer", "/answers/verwachte_terugkeer"] {
        assert_eq!(
            find(&findings, "recommended", path).severity,
            Severity::Waarschuwing
        );
    }
    assert!(!has_blocking(&findings), "{findings:#?}");
    // A return date in the past is no rule of the document.
    let past = with(
        TLV,
        "valid-observatie-met-terugkeer.json",
        &[("/verwachte_terugkeer", json!("01-10-2026"))],
    );
    assert!(validate(f, &past, today()).is_empty());
}

#[test]
fn another_school_not_discussed_warns_on_a_tlv() {
    let doc = with(
        TLV,
        "valid-yusuf-langere-periode.json",
        &[("/andere_school_besproken", json!("nee"))],
    );
    let findings = validate(form(TLV), &doc, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let w = find(
        &findings,
        "rule:andere-school-besproken",
        "/answers/andere_school_besproken",
    );
    assert_eq!(w.severity, Severity::Waarschuwing);
    // Not answered at all: the question is conditional, so no finding.
    let mut unanswered = support::fixture(&format!("{TLV}/valid-yusuf-langere-periode.json"));
    unanswered.answers.remove("andere_school_besproken");
    assert!(validate(form(TLV), &unanswered, today()).is_empty());
}

#[test]
fn parents_signing_before_the_conversation_is_no_finding() {
    let doc = with(
        TLV,
        "valid-yusuf-langere-periode.json",
        &[("/ouders/datum", json!("01-11-2026"))],
    );
    assert!(validate(form(TLV), &doc, today()).is_empty());
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

#[test]
fn an_extension_is_evaluated_at_the_end_of_the_previous_period() {
    let f = form(VERL);
    // The previous period ends 31-12-2026: an evaluation from 01-09-2026 on is "at the end".
    let at = |date: &str, soort: &str| {
        let doc = with(
            VERL,
            "valid-lars-verlenging.json",
            &[
                ("/evaluatie_datum", json!(date)),
                ("/soort_aanvraag", json!(soort)),
                ("/wat_verandert", json!("De begeleiding gaat van drie naar twee ochtenden per week, omdat Lars het lezen nu zelfstandig oefent en de leerkracht het rekenen in de groep overneemt.")),
            ],
        );
        validate(f, &doc, today())
    };
    assert!(at("01-09-2026", "verlenging").is_empty());
    let early = at("31-08-2026", "verlenging");
    let w = find(
        &early,
        "rule:evaluatie-aan-einde-looptijd",
        "/answers/evaluatie_datum",
    );
    assert_eq!(w.severity, Severity::Waarschuwing);
    // A bijstelling may follow an evaluation halfway ("na een afgesproken periode").
    assert!(at("31-08-2026", "bijstelling").is_empty());
    let fx = check(VERL, "warning-evaluatie-halverwege-periode.json");
    assert!(has(
        &fx,
        "rule:evaluatie-aan-einde-looptijd",
        "/answers/evaluatie_datum"
    ));
}

#[test]
fn a_gap_before_the_extension_is_no_finding() {
    let doc = with(
        VERL,
        "valid-lars-verlenging.json",
        &[
            ("/nieuwe_start", json!("01-04-2027")),
            ("/nieuwe_eind", json!("31-07-2027")),
        ],
    );
    assert!(validate(form(VERL), &doc, today()).is_empty());
}
