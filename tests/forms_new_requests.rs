//! The requests added for issue 9 (sections 2-4): De Meierij's first request
//! for an individueel arrangement, RSV Breda PO's evaluation of a
//! groepsarrangement, and Berséba's verantwoording and omzetting, as a school
//! would notice them beyond what the generic fixture tests show.

mod forms_support;

use aanvraagwijzer::{field_applies, has_blocking, summary, validate, Severity};
use forms_support::{check, find, fixture, form, today, with};
use serde_json::json;

const MEIERIJ_IA: &str = "de-meierij/individueel-arrangement";

#[test]
fn the_individueel_arrangement_is_published_next_to_the_extension() {
    let f = form(MEIERIJ_IA);
    assert_eq!(f.swv_name, "SWV PO de Meierij");
    assert!(aanvraagwijzer::find_form("de-meierij/verlenging").is_some());
    assert!(
        !serde_json::to_string(f)
            .expect("form serialises")
            .contains("Tommy"),
        "De Meierij does not use Tommy"
    );
}

#[test]
fn another_school_is_asked_only_when_the_support_exceeds_the_school() {
    let f = form(MEIERIJ_IA);
    let within = fixture(&format!("{MEIERIJ_IA}/valid-noor-groep-4.json"));
    assert!(!field_applies(
        f,
        &within,
        today(),
        "andere_school_besproken"
    ));
    let beyond = with(
        MEIERIJ_IA,
        "valid-noor-groep-4.json",
        &[("/overstijgt_school", json!("ja"))],
    );
    assert!(field_applies(
        f,
        &beyond,
        today(),
        "andere_school_besproken"
    ));
    let findings = validate(f, &beyond, today());
    assert_eq!(
        find(&findings, "required", "/answers/andere_school_besproken").severity,
        Severity::Fout
    );
}

#[test]
fn the_age_of_2_to_14_only_warns_and_the_summary_shows_it() {
    let f = form(MEIERIJ_IA);
    let fourteen = check(MEIERIJ_IA, "warning-14-op-startdatum.json");
    assert!(!has_blocking(&fourteen), "{fourteen:#?}");
    let doc = fixture(&format!("{MEIERIJ_IA}/warning-14-op-startdatum.json"));
    let lines = summary(f, &doc, today());
    let age = lines
        .iter()
        .find(|l| l.label == "Leeftijd op de startdatum")
        .expect("age line");
    assert_eq!(age.value.as_deref(), Some("14 jaar"));
    let two = fixture(&format!(
        "{MEIERIJ_IA}/valid-sem-peutergroep-precies-2.json"
    ));
    let lines = summary(f, &two, today());
    assert_eq!(lines[1].value.as_deref(), Some("2 jaar"));
    assert_eq!(lines[0].value.as_deref(), Some("6 maanden"));
}
