//! The requests added for issue 9 (sections 2-4): De Meierij's first request
//! for an individueel arrangement, RSV Breda PO's evaluation of a
//! groepsarrangement, and Berséba's verantwoording and omzetting, as a school
//! would notice them beyond what the generic fixture tests show.

mod support;

use aanvraagwijzer::{field_applies, has_blocking, summary, validate, Severity};
use serde_json::json;
use support::{check, find, fixture, form, today, with};

const MEIERIJ_IA: &str = "de-meierij/individueel-arrangement";

#[test]
fn the_individueel_arrangement_is_published_next_to_the_extension() {
    let f = form(MEIERIJ_IA);
    assert_eq!(f.swv_name, "SWV PO de Meierij");
    assert!(aanvraagwijzer::find_form("de-meierij/verlenging").is_some());
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
fn another_school_not_discussed_warns_but_does_not_block_the_arrangement() {
    // Seed 002 l.91 describes the conversation with the parents; it sets no
    // condition on the request, as the TLV form of De Meierij reads it too.
    let findings = check(MEIERIJ_IA, "warning-andere-school-niet-besproken.json");
    assert!(!has_blocking(&findings), "{findings:#?}");
    assert_eq!(
        find(
            &findings,
            "rule:andere-school-besproken",
            "/answers/andere_school_besproken"
        )
        .severity,
        Severity::Waarschuwing
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

const BREDA_EVAL: &str = "rsv-breda-po/tussentijdse-evaluatie-groepsarrangement";

#[test]
fn two_evaluations_in_different_school_years_warn_to_the_day() {
    let f = form(BREDA_EVAL);
    let planned = |date: &str| {
        let doc = with(
            BREDA_EVAL,
            "valid-eerste-evaluatie-structuurgroep.json",
            &[("/tweede_evaluatie_gepland", json!(date))],
        );
        validate(f, &doc, today())
    };
    assert!(planned("31-07-2027").is_empty());
    let late = planned("01-08-2027");
    assert_eq!(
        find(
            &late,
            "rule:tweede-evaluatie-zelfde-schooljaar",
            "/answers/tweede_evaluatie_gepland"
        )
        .severity,
        Severity::Waarschuwing,
        "planning the evaluations is the school's task after the grant (l.98), not a condition"
    );
    // The second evaluation cannot be planned before the first.
    assert!(!planned("09-11-2026").is_empty());

    let first = |date: &str| {
        let doc = with(
            BREDA_EVAL,
            "valid-tweede-evaluatie-vorig-schooljaar.json",
            &[("/eerste_evaluatie_datum", json!(date))],
        );
        validate(f, &doc, today())
    };
    assert!(first("01-08-2025").is_empty());
    let earlier = with(
        BREDA_EVAL,
        "valid-tweede-evaluatie-vorig-schooljaar.json",
        &[
            ("/startdatum", json!("01-02-2025")),
            ("/eerste_evaluatie_datum", json!("31-07-2025")),
        ],
    );
    let findings = validate(f, &earlier, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:eerste-evaluatie-zelfde-schooljaar");
}

#[test]
fn an_interim_evaluation_may_fall_on_the_first_and_last_day() {
    let f = form(BREDA_EVAL);
    let first_day = with(
        BREDA_EVAL,
        "valid-eerste-evaluatie-structuurgroep.json",
        &[
            ("/evaluatiedatum", json!("01-08-2025")),
            ("/tweede_evaluatie_gepland", json!("20-05-2026")),
        ],
    );
    assert!(validate(f, &first_day, today()).is_empty());
    let last_day = |date: &str| {
        let doc = with(
            BREDA_EVAL,
            "valid-tweede-evaluatie-vorig-schooljaar.json",
            &[
                ("/evaluatiedatum", json!(date)),
                ("/eerste_evaluatie_datum", json!("10-11-2027")),
            ],
        );
        validate(f, &doc, today())
    };
    assert!(last_day("31-07-2028").is_empty());
    let after_end = last_day("01-08-2028");
    assert!(has_blocking(&after_end));
    assert!(after_end
        .iter()
        .any(|x| x.code == "rule:tussentijds-binnen-looptijd"));
}

#[test]
fn the_evaluation_summary_counts_pupils_and_their_opp() {
    let f = form(BREDA_EVAL);
    let doc = fixture(&format!(
        "{BREDA_EVAL}/invalid-leerling-zonder-opp-niet-gedeeld.json"
    ));
    let lines = summary(f, &doc, today());
    let value = |label: &str| {
        lines
            .iter()
            .find(|l| l.label == label)
            .and_then(|l| l.value.clone())
            .unwrap_or_else(|| panic!("no line {label}: {lines:#?}"))
    };
    assert_eq!(value("Looptijd van het arrangement"), "36 maanden");
    assert_eq!(value("Aangesloten leerlingen"), "5");
    assert_eq!(value("Aangesloten leerlingen met een OPP"), "4");
    assert_eq!(value("Leerlingen waarop de bekostiging is gebaseerd"), "6");
    assert!(!field_applies(f, &doc, today(), "eerste_evaluatie_datum"));
    let na = fixture(&format!("{BREDA_EVAL}/valid-na-afloop-op-einddatum.json"));
    assert!(!field_applies(f, &na, today(), "tweede_evaluatie_gepland"));
    assert!(field_applies(f, &na, today(), "onderbouwing_voortzetten"));
}

const BERSEBA_VERANTW: &str = "berseba/verantwoording";

/// The summary line with this label, formatted, or a panic naming the lines.
fn line(form_id: &str, fixture_name: &str, label: &str) -> String {
    let doc = fixture(&format!("{form_id}/{fixture_name}"));
    let lines = summary(form(form_id), &doc, today());
    lines
        .iter()
        .find(|l| l.label == label)
        .and_then(|l| l.value.clone())
        .unwrap_or_else(|| panic!("no value for {label}: {lines:#?}"))
}

#[test]
fn the_verantwoording_sets_spent_against_granted() {
    let v = |name: &str, label: &str| line(BERSEBA_VERANTW, name, label);
    let lotte = "valid-lotte-medisch-precies-15-procent.json";
    assert_eq!(v(lotte, "Toegekend"), "€ 4.400,00");
    assert_eq!(v(lotte, "Totaal besteed"), "€ 4.400,00");
    assert_eq!(v(lotte, "Verschil (toegekend min besteed)"), "€ 0,00");
    assert_eq!(
        v(lotte, "Materiaal, als deel van het toegekende bedrag"),
        "15%"
    );
    assert_eq!(v(lotte, "Uren ondersteuner × € 27,50"), "€ 3.740,00");

    let gerrit = "valid-gerrit-zml-restant-toegelicht.json";
    assert_eq!(v(gerrit, "Totaal besteed"), "€ 12.200,00");
    assert_eq!(v(gerrit, "Verschil (toegekend min besteed)"), "€ 1.000,00");

    let over = "warning-meer-besteed-zonder-toelichting.json";
    assert_eq!(v(over, "Verschil (toegekend min besteed)"), "-€ 0,01");
}

#[test]
fn materials_above_about_15_percent_only_warn() {
    let findings = check(
        BERSEBA_VERANTW,
        "warning-materiaal-net-boven-15-procent.json",
    );
    assert_eq!(findings.len(), 1, "{findings:#?}");
    let f = &findings[0];
    assert_eq!(f.code, "rule:materiaal-ongeveer-15-procent");
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert!(f.message.contains("ongeveer 15%"));
    // No materials bought: the guideline does not apply at all.
    let none = with(
        BERSEBA_VERANTW,
        "valid-lotte-medisch-precies-15-procent.json",
        &[
            ("/bedrag_personeel", json!("4.400,00")),
            ("/bedrag_materiaal", json!("0")),
        ],
    );
    let f = form(BERSEBA_VERANTW);
    assert!(validate(f, &none, today()).is_empty());
    assert!(!field_applies(f, &none, today(), "materiaal_omschrijving"));
}

const BERSEBA_OMZ: &str = "berseba/omzetting";

#[test]
fn only_a_tlv_for_so_cluster_3_without_mg_can_be_converted() {
    let f = form(BERSEBA_OMZ);
    for (categorie, expected) in [
        ("zml", None),
        ("lzk", None),
        ("lg", None),
        ("mg", Some("rule:mg-uitgezonderd")),
        ("gedrag", Some("rule:alleen-so-cluster-3")),
        ("sbo", Some("rule:alleen-so-cluster-3")),
        ("sbo_jonger_dan_7", Some("rule:alleen-so-cluster-3")),
        ("sbo_observatie", Some("rule:alleen-so-cluster-3")),
    ] {
        let doc = with(
            BERSEBA_OMZ,
            "valid-pieter-lzk-sbo-intensief.json",
            &[("/tlv_categorie", json!(categorie))],
        );
        let findings = validate(f, &doc, today());
        let codes: Vec<&str> = findings.iter().map(|x| x.code.as_str()).collect();
        assert_eq!(
            codes,
            expected.into_iter().collect::<Vec<_>>(),
            "{categorie}"
        );
        if let Some(first) = findings.first() {
            assert_eq!(first.severity, Severity::Fout, "{categorie}");
            assert!(first.message.contains("Loket"), "{categorie}");
        }
    }
}

#[test]
fn a_placement_in_the_so_blocks_the_conversion_bao_and_sbo_do_not() {
    let f = form(BERSEBA_OMZ);
    for (plaatsing, blocked) in [("bao", false), ("sbo", false), ("so", true)] {
        let doc = with(
            BERSEBA_OMZ,
            "valid-hanna-zml-bao-medium-precies-jaar.json",
            &[("/plaatsing", json!(plaatsing))],
        );
        let findings = validate(f, &doc, today());
        assert_eq!(
            has_blocking(&findings),
            blocked,
            "{plaatsing}: {findings:#?}"
        );
    }
}

#[test]
fn only_rsv_breda_po_names_tommy() {
    for id in [MEIERIJ_IA, BERSEBA_VERANTW, BERSEBA_OMZ] {
        let text = serde_json::to_string(form(id)).expect("form serialises");
        assert!(!text.contains("Tommy"), "{id} names Tommy");
    }
}

#[test]
fn an_unanswered_choice_asks_to_choose_and_does_not_refuse() {
    let doc = with(
        BERSEBA_OMZ,
        "valid-hanna-zml-bao-medium-precies-jaar.json",
        &[("/tlv_categorie", json!("")), ("/plaatsing", json!(""))],
    );
    let findings = validate(form(BERSEBA_OMZ), &doc, today());
    let mut codes: Vec<(&str, &str)> = findings
        .iter()
        .map(|x| (x.code.as_str(), x.path.as_str()))
        .collect();
    codes.sort();
    assert_eq!(
        codes,
        [
            ("required", "/answers/plaatsing"),
            ("required", "/answers/tlv_categorie")
        ]
    );
}

#[test]
fn a_conversion_shorter_than_a_year_warns_until_the_school_explains() {
    // "Min. 1 jaar" (l.306-307), but the Loket may give a shorter arrangement (l.323).
    let f = form(BERSEBA_OMZ);
    let findings = check(
        BERSEBA_OMZ,
        "warning-medium-korter-dan-jaar-zonder-reden.json",
    );
    assert!(!has_blocking(&findings), "{findings:#?}");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:minimaal-1-jaar");
    assert_eq!(findings[0].severity, Severity::Waarschuwing);
    let explained = with(
        BERSEBA_OMZ,
        "warning-medium-korter-dan-jaar-zonder-reden.json",
        &[(
            "/reden_kortere_duur",
            json!("Het gezin verhuist in de zomer naar een andere regio en Hanna gaat daar naar een nieuwe school."),
        )],
    );
    assert!(validate(f, &explained, today()).is_empty());
}

#[test]
fn de_meierij_asks_no_bsn_brin_or_parents_signature_as_a_condition() {
    // Seed 002 names none of them; parents' involvement (l.89) is shown by the
    // signature, so a missing one warns.
    let doc = with(
        MEIERIJ_IA,
        "valid-noor-groep-4.json",
        &[
            ("/bsn", json!("")),
            ("/brin", json!("")),
            ("/ouders", json!(null)),
        ],
    );
    let findings = validate(form(MEIERIJ_IA), &doc, today());
    assert!(!has_blocking(&findings), "{findings:#?}");
    let f = find(&findings, "recommended", "/answers/ouders");
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert_eq!(findings.len(), 1, "{findings:#?}");
}
