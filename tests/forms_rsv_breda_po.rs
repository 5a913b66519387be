//! RSV Breda PO (seed 000): OPP, aanvraag individueel arrangement and plan van
//! aanpak groepsarrangement, as an intern begeleider would notice them.

mod support;

use aanvraagwijzer::{has_blocking, summary, validate, Finding, Severity};
use serde_json::json;
use support::{check, find, form, has, today, with};

const OPP: &str = "rsv-breda-po/opp";
const IA: &str = "rsv-breda-po/individueel-arrangement";
const GA: &str = "rsv-breda-po/groepsarrangement";
const EV: &str = "rsv-breda-po/tussentijdse-evaluatie-groepsarrangement";

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
    let doc = support::fixture(&format!("{IA}/valid-lotte-eerste-aanvraag.json"));
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

/// The findings of one rule (code `rule:<id>`).
fn of<'a>(findings: &'a [Finding], rule: &str) -> Vec<&'a Finding> {
    let code = format!("rule:{rule}");
    findings.iter().filter(|f| f.code == code).collect()
}

#[test]
fn a_pupil_at_so_level_without_an_opp_yet_is_a_warning_and_a_lighter_pupil_needs_none() {
    // Stroomschema step 8: the OPPs follow the plan, so a missing one does not block.
    let findings = check(GA, "warning-opp-volgt-na-indienen.json");
    let f = find(
        &findings,
        "rule:opp-voor-iedere-leerling",
        "/answers/leerlingen/3/opp_opgesteld",
    );
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert!(f.message.contains("na zodra het klaar is"), "{}", f.message);
    assert!(!has_blocking(&findings), "{findings:#?}");
    // The same pupil with a lighter need is not asked for an OPP at all.
    let lighter = with(
        GA,
        "warning-opp-volgt-na-indienen.json",
        &[("/leerlingen/3/niveau_so", json!("nee"))],
    );
    assert!(of(
        &validate(form(GA), &lighter, today()),
        "opp-voor-iedere-leerling"
    )
    .is_empty());
}

#[test]
fn a_plan_without_named_pupils_passes_with_a_warning() {
    let doc = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[("/leerlingen", json!([]))],
    );
    let findings = validate(form(GA), &doc, today());
    let f = find(&findings, "recommended", "/answers/leerlingen");
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert_eq!(findings.len(), 1, "{findings:#?}");
}

#[test]
fn more_pupils_than_the_average_is_a_tip_until_explained_and_has_no_upper_limit() {
    let findings = check(GA, "warning-opp-volgt-na-indienen.json");
    let tip = find(
        &findings,
        "rule:aantal-leerlingen-klopt",
        "/answers/aantal_leerlingen",
    );
    assert_eq!(tip.severity, Severity::Tip);
    // Four pupils against an average of 3, explained: no tip.
    let explained = check(GA, "valid-zomerstart-een-schooljaar.json");
    assert!(explained.is_empty(), "{explained:#?}");
    // As many as the average: no tip either.
    let equal = with(
        GA,
        "warning-opp-volgt-na-indienen.json",
        &[("/aantal_leerlingen", json!("4"))],
    );
    assert!(of(
        &validate(form(GA), &equal, today()),
        "aantal-leerlingen-klopt"
    )
    .is_empty());
    // The document names no maximum: 61 pupils on average is accepted.
    let many = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[("/aantal_leerlingen", json!("61"))],
    );
    assert!(validate(form(GA), &many, today()).is_empty());
}

#[test]
fn two_evaluations_in_every_school_year_the_plan_substantially_covers() {
    let short = |doc| {
        of(
            &validate(form(GA), &doc, today()),
            "twee-evaluaties-per-schooljaar",
        )
        .len()
    };
    // 01-07-2027 .. 30-06-2028: the July before asks nothing, 2 evaluations in 2027-2028 suffice.
    assert!(check(GA, "valid-zomerstart-een-schooljaar.json").is_empty());
    let one = with(
        GA,
        "valid-zomerstart-een-schooljaar.json",
        &[("/evaluatiemomenten", json!([{"datum": "10-12-2027"}]))],
    );
    assert_eq!(short(one), 1);
    // Six evaluations, all in the first of three school years: a warning, not a block.
    let findings = check(GA, "warning-alle-evaluaties-in-het-eerste-jaar.json");
    let f = find(
        &findings,
        "rule:twee-evaluaties-per-schooljaar",
        "/answers/evaluatiemomenten",
    );
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert!(!has_blocking(&findings));
    // Half a school year (01-02 .. 31-07) counts; 5 months (01-03 .. 31-07) does not.
    let later_years = json!([{"datum": "15-11-2027"}, {"datum": "15-04-2028"}, {"datum": "15-11-2028"}, {"datum": "15-04-2029"}]);
    let from_february = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[("/evaluatiemomenten", later_years.clone())],
    );
    assert_eq!(short(from_february), 1);
    let from_march = with(
        GA,
        "valid-rekenkracht-werkeenheid.json",
        &[
            ("/startdatum", json!("01-03-2027")),
            ("/evaluatiemomenten", later_years),
        ],
    );
    assert_eq!(short(from_march), 0);
}

#[test]
fn the_process_steps_of_the_groepsarrangement_warn_but_do_not_block() {
    let findings = check(GA, "invalid-te-lang-en-opp-ontbreekt.json");
    for rule in [
        "jeugdprofessional",
        "evaluatie-delen",
        "evaluatie-binnen-looptijd",
    ] {
        let hits = of(&findings, rule);
        assert_eq!(hits.len(), 1, "{rule}: {findings:#?}");
        assert_eq!(hits[0].severity, Severity::Waarschuwing, "{rule}");
    }
    // Only the 3-year limit blocks this plan.
    let blocking: Vec<_> = findings
        .iter()
        .filter(|f| f.severity == Severity::Fout)
        .map(|f| f.code.as_str())
        .collect();
    assert_eq!(blocking, ["rule:max-3-jaar"]);
}

#[test]
fn an_individueel_arrangement_ends_at_the_latest_when_groep_8_ends() {
    // Lotte is in groep 6 in 2026-2027: groep 8 ends on 31-07-2029.
    let rule = |end: &str, groep: &str| {
        let doc = with(
            IA,
            "valid-lotte-eerste-aanvraag.json",
            &[("/einddatum", json!(end)), ("/groep", json!(groep))],
        );
        of(
            &validate(form(IA), &doc, today()),
            "uiterlijk-einde-basisschool",
        )
        .iter()
        .map(|f| f.severity)
        .collect::<Vec<_>>()
    };
    assert!(rule("31-07-2029", "6").is_empty());
    assert_eq!(rule("01-08-2029", "6"), [Severity::Fout]);
    assert!(rule("31-07-2027", "8").is_empty());
    assert_eq!(rule("01-08-2027", "8"), [Severity::Fout]);
    let findings = check(IA, "invalid-verlenging-opp-niet-geevalueerd.json");
    let f = find(
        &findings,
        "rule:uiterlijk-einde-basisschool",
        "/answers/einddatum",
    );
    assert!(
        f.message.contains("hele verdere schoolloopbaan"),
        "{}",
        f.message
    );
}

#[test]
fn a_verlenging_rests_on_the_evaluated_opp() {
    let findings = check(IA, "invalid-verlenging-opp-niet-geevalueerd.json");
    let f = find(
        &findings,
        "rule:verlenging-na-evaluatie-opp",
        "/answers/opp_geevalueerd",
    );
    assert_eq!(f.severity, Severity::Fout);
    assert!(form(IA).sources[&f.source.as_ref().expect("source").key]
        .quote
        .contains("op basis van de evaluatie van het OPP"));
    // A first request is not asked about an evaluation.
    assert!(check(IA, "valid-lotte-eerste-aanvraag.json").is_empty());
    assert!(check(IA, "valid-lotte-verlenging-hele-schoolloopbaan.json").is_empty());
}

#[test]
fn costs_above_the_so_level_are_a_warning_up_to_equal_costs_none() {
    let findings = check(IA, "warning-kosten-boven-so-bekostiging.json");
    let f = find(
        &findings,
        "rule:bekostiging-max-so",
        "/answers/so_bekostiging",
    );
    assert_eq!(f.severity, Severity::Waarschuwing);
    assert!(!has_blocking(&findings));
    // € 9.000,00 of inzet against exactly € 9.000,00: no finding.
    let equal = with(
        IA,
        "warning-kosten-boven-so-bekostiging.json",
        &[("/so_bekostiging", json!("9.000"))],
    );
    assert!(validate(form(IA), &equal, today()).is_empty());
    // Without the SO amount there is nothing to compare, and nothing is asked.
    let none = with(
        IA,
        "valid-lotte-eerste-aanvraag.json",
        &[("/so_bekostiging", json!(""))],
    );
    assert!(validate(form(IA), &none, today()).is_empty());
}

#[test]
fn possibilities_not_used_warn_until_the_school_explains() {
    let unexplained = with(
        IA,
        "warning-kosten-boven-so-bekostiging.json",
        &[("/mogelijkheden_toelichting", json!(""))],
    );
    let findings = validate(form(IA), &unexplained, today());
    let f = find(
        &findings,
        "rule:mogelijkheden-benut",
        "/answers/mogelijkheden_benut",
    );
    assert_eq!(f.severity, Severity::Waarschuwing);
    let explained = check(IA, "warning-kosten-boven-so-bekostiging.json");
    assert!(of(&explained, "mogelijkheden-benut").is_empty());
}

#[test]
fn the_parents_view_must_be_in_the_opp_explicitly_not_read_back() {
    let doc = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/visie_ouders", json!(""))],
    );
    let findings = validate(form(OPP), &doc, today());
    let f = find(&findings, "required", "/answers/visie_ouders");
    assert_eq!(f.severity, Severity::Fout);
    assert!(form(OPP).sources[&f.source.as_ref().expect("source").key]
        .quote
        .contains("expliciet en duidelijk"));
    let ia_opp = form(IA)
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .find(|f| f.id == "opp")
        .expect("opp attachment");
    let aanvraagwijzer::FieldKind::Attachment { confirmations } = &ia_opp.kind else {
        panic!("opp is an attachment");
    };
    assert!(confirmations
        .iter()
        .any(|c| c.contains("expliciet en duidelijk")));
    assert!(!confirmations.iter().any(|c| c.contains("eigen woorden")));
}

#[test]
fn parents_signing_before_the_opp_date_is_a_warning_and_on_that_date_fine() {
    let findings = check(OPP, "warning-ouders-tekenden-voor-opp-datum.json");
    for (rule, path) in [
        (
            "ouders-tekenen-doelen-na-opstellen",
            "/answers/ouders_doelen_gezien/datum",
        ),
        (
            "ouders-akkoord-na-opstellen",
            "/answers/ouders_handelingsdeel_akkoord/datum",
        ),
    ] {
        assert_eq!(
            find(&findings, &format!("rule:{rule}"), path).severity,
            Severity::Waarschuwing
        );
    }
    assert!(!has_blocking(&findings));
    let same_day = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[
            ("/ouders_doelen_gezien/datum", json!("02-11-2026")),
            ("/ouders_handelingsdeel_akkoord/datum", json!("02-11-2026")),
        ],
    );
    assert!(validate(form(OPP), &same_day, today()).is_empty());
}

#[test]
fn at_the_evaluation_only_a_pupil_at_so_level_without_an_opp_blocks() {
    // Line 75 asks an OPP for pupils at SO level only; lighter pupils may join (l.19).
    let findings = check(EV, "invalid-leerling-zonder-opp-niet-gedeeld.json");
    let f = find(
        &findings,
        "rule:opp-voor-iedere-leerling",
        "/answers/leerlingen/4/opp_opgesteld",
    );
    assert_eq!(f.severity, Severity::Fout);
    let lighter = with(
        EV,
        "invalid-leerling-zonder-opp-niet-gedeeld.json",
        &[("/leerlingen/4/niveau_so", json!("nee"))],
    );
    assert!(of(
        &validate(form(EV), &lighter, today()),
        "opp-voor-iedere-leerling"
    )
    .is_empty());
}

#[test]
fn a_goal_left_empty_cites_the_passage_about_goals() {
    // The list `doelen` names its own passage; its sub-fields inherit it
    // (as the build check assumes), not the section's general one.
    let doc = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/doelen/0/omschrijving", json!(" "))],
    );
    let findings = validate(form(OPP), &doc, today());
    let f = find(&findings, "required", "/answers/doelen/0/omschrijving");
    assert_eq!(
        f.source.as_ref().map(|s| s.key.as_str()),
        Some("opp-doelen")
    );
}

#[test]
fn a_parent_signature_asks_the_relation_and_names_the_signer_without_quotes() {
    let doc = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/ouders_handelingsdeel_akkoord/functie", json!(null))],
    );
    let findings = validate(form(OPP), &doc, today());
    let f = find(
        &findings,
        "part-missing",
        "/answers/ouders_handelingsdeel_akkoord/functie",
    );
    assert_eq!(
        f.message,
        "Vul de relatie tot de leerling in bij de handtekening van de ouder of verzorger (voor overeenstemming)."
    );
    assert!(!f.message.contains("functie"));
}
