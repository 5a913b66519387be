//! RSV Breda PO (seed 000): OPP, aanvraag individueel arrangement and plan van
//! aanpak groepsarrangement, as an intern begeleider would notice them.

mod forms_support;

use aanvraagwijzer::{summary, validate, Severity};
use forms_support::{check, find, form, has, today, with};
use serde_json::json;

const OPP: &str = "rsv-breda-po/opp";
const IA: &str = "rsv-breda-po/individueel-arrangement";
const GA: &str = "rsv-breda-po/groepsarrangement";

#[test]
fn the_three_forms_are_published() {
    for id in [OPP, IA, GA] {
        assert_eq!(form(id).swv_name, "RSV Breda PO");
    }
}

#[test]
fn uitstroomperspectief_is_asked_from_groep_6_on() {
    let groep5 = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/groep", json!("5")), ("/uitstroomperspectief", json!(""))],
    );
    assert!(validate(form(OPP), &groep5, today()).is_empty());
    let groep6 = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/uitstroomperspectief", json!(""))],
    );
    let findings = validate(form(OPP), &groep6, today());
    let f = find(&findings, "required", "/answers/uitstroomperspectief");
    assert!(f.message.contains("groep 6"), "{}", f.message);
    assert_eq!(
        f.source.as_ref().map(|s| s.key.as_str()),
        Some("opp-uitstroom")
    );
}

#[test]
fn an_opp_without_any_zware_ondersteuning_is_refused_with_its_source() {
    let findings = check(OPP, "invalid-gaten-en-geen-zware-ondersteuning.json");
    let f = find(
        &findings,
        "rule:zware-ondersteuning-nodig",
        "/answers/ondersteuning",
    );
    assert_eq!(f.severity, Severity::Fout);
    let source = f.source.as_ref().expect("source");
    assert_eq!(source.document, "000_bef09de8bfd96816.txt");
    assert!(form(OPP).sources[&source.key]
        .quote
        .contains("basis- en lichte ondersteuning overstijgen"));
}

#[test]
fn an_unmeasurable_result_is_a_warning_not_a_block() {
    let doc = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[(
            "/handelingsdeel/1/meetbaar_resultaat",
            json!("Ze doet beter haar best"),
        )],
    );
    let findings = validate(form(OPP), &doc, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:handelingsdeel-meetbaar");
    assert_eq!(
        findings[0].path,
        "/answers/handelingsdeel/1/meetbaar_resultaat"
    );
    assert_eq!(findings[0].severity, Severity::Waarschuwing);
}

#[test]
fn an_arrangement_of_less_than_a_month_is_refused() {
    let ok = with(
        IA,
        "valid-lotte-eerste-aanvraag.json",
        &[("/einddatum", json!("03-02-2027"))],
    );
    assert!(validate(form(IA), &ok, today()).is_empty());
    let short = with(
        IA,
        "valid-lotte-eerste-aanvraag.json",
        &[("/einddatum", json!("02-02-2027"))],
    );
    assert!(has(
        &validate(form(IA), &short, today()),
        "rule:minimaal-een-maand",
        "/answers/einddatum"
    ));
}

#[test]
fn the_whole_school_career_needs_no_end_date() {
    let doc = with(
        IA,
        "valid-lotte-eerste-aanvraag.json",
        &[
            ("/duur_soort", json!("schoolloopbaan")),
            ("/einddatum", json!("")),
        ],
    );
    assert!(validate(form(IA), &doc, today()).is_empty());
}

#[test]
fn a_deskundige_named_orthopedagoog_in_any_case_counts() {
    let doc = with(
        IA,
        "valid-lotte-eerste-aanvraag.json",
        &[(
            "/externe_deskundigen",
            json!([{"deskundige": {"naam": "P. de Wit", "functie": "GZ-Psycholoog"}, "bijdrage": "Onderzoek naar de intelligentie en het werkgeheugen."}]),
        )],
    );
    assert!(validate(form(IA), &doc, today()).is_empty());
}

#[test]
fn the_budget_summary_adds_up_the_inzet() {
    let doc = forms_support::fixture(&format!("{IA}/valid-lotte-eerste-aanvraag.json"));
    let lines = summary(form(IA), &doc, today());
    let value = |label: &str| {
        lines
            .iter()
            .find(|l| l.label == label)
            .and_then(|l| l.value.clone())
    };
    assert_eq!(value("Uren inzet per week").as_deref(), Some("5,5 uur"));
    assert_eq!(
        value("Kosten per schooljaar").as_deref(),
        Some("€ 9.000,00")
    );
    assert_eq!(
        value("Kosten als deel van de SO-bekostiging").as_deref(),
        Some("72%")
    );
}

#[test]
fn a_groepsarrangement_of_more_than_3_years_is_refused() {
    let exactly_3 = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[("/einddatum", json!("31-01-2030"))],
    );
    let findings = validate(form(GA), &exactly_3, today());
    assert!(
        !has(&findings, "rule:max-3-jaar", "/answers/einddatum"),
        "{findings:#?}"
    );
    let longer = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[("/einddatum", json!("01-02-2030"))],
    );
    assert!(has(
        &validate(form(GA), &longer, today()),
        "rule:max-3-jaar",
        "/answers/einddatum"
    ));
}

#[test]
fn every_participating_pupil_needs_an_opp() {
    let findings = check(GA, "invalid-te-lang-en-opp-ontbreekt.json");
    let f = find(
        &findings,
        "rule:opp-voor-iedere-leerling",
        "/answers/leerlingen/2/opp_opgesteld",
    );
    assert!(f.message.contains("OPP"));
    assert!(!has(
        &findings,
        "rule:opp-voor-iedere-leerling",
        "/answers/leerlingen/0/opp_opgesteld"
    ));
}

#[test]
fn two_evaluations_per_school_year_of_the_arrangement() {
    // 01-02-2027 .. 31-07-2029 touches 3 school years: 6 evaluations.
    let five = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[(
            "/evaluatiemomenten",
            json!([{"datum": "15-03-2027"}, {"datum": "15-06-2027"}, {"datum": "15-11-2027"}, {"datum": "15-04-2028"}, {"datum": "15-11-2028"}]),
        )],
    );
    assert!(has(
        &validate(form(GA), &five, today()),
        "rule:twee-evaluaties-per-schooljaar",
        "/answers/evaluatiemomenten"
    ));
}
