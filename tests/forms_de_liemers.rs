//! SWV Onderwijs op Maat de Liemers (seed 003): arrangement basisonderwijs and
//! the end-of-year verantwoording, as a school would notice them.

mod support;

use aanvraagwijzer::{field_applies, has_blocking, summary, validate, Severity};
use serde_json::json;
use support::{check, find, form, has, today, with};

const ARR: &str = "de-liemers/arrangement-basisonderwijs";
const VER: &str = "de-liemers/verantwoording";
const SANNE: &str = "valid-sanne-januari.json";

#[test]
fn the_two_forms_are_published() {
    for id in [ARR, VER] {
        assert_eq!(form(id).swv_name, "SWV Onderwijs op Maat de Liemers");
    }
}

#[test]
fn four_hours_a_week_is_refused_on_the_hours_field() {
    let findings = check(ARR, "invalid-4-uur-per-week.json");
    let f = find(&findings, "rule:max-3-uur", "/answers/uren_per_week");
    assert_eq!(f.severity, Severity::Fout);
    assert!(f.message.contains("3 uur per week"), "{}", f.message);
    let source = f.source.as_ref().expect("source");
    assert_eq!(source.document, "003_6071880e707fe36e.txt");
    assert!(form(ARR).sources[&source.key]
        .quote
        .contains("maximaal 3 uur"));
    for (hours, blocked) in [("3", false), ("3,0", false), ("3,5", true)] {
        let doc = with(
            ARR,
            SANNE,
            &[
                ("/uren_per_week", json!(hours)),
                ("/noodzakelijke_uren_per_week", json!("7")),
            ],
        );
        let findings = validate(form(ARR), &doc, today());
        assert_eq!(
            has(&findings, "rule:max-3-uur", "/answers/uren_per_week"),
            blocked,
            "{hours}"
        );
    }
}

#[test]
fn the_50_percent_guideline_warns_and_asks_for_an_argument() {
    let f = form(ARR);
    let half = with(ARR, SANNE, &[("/eigen_inzet_uren_per_week", json!("3"))]);
    assert!(!field_applies(
        f,
        &half,
        today(),
        "onderbouwing_eigen_inzet"
    ));
    let less = with(ARR, SANNE, &[("/eigen_inzet_uren_per_week", json!("2,9"))]);
    assert!(field_applies(f, &less, today(), "onderbouwing_eigen_inzet"));
    let findings = validate(f, &less, today());
    let warning = find(
        &findings,
        "rule:eigen-inzet-50-procent",
        "/answers/eigen_inzet_uren_per_week",
    );
    assert_eq!(warning.severity, Severity::Waarschuwing);
    // Not argued yet: that blocks. Argued: only the warning remains.
    assert!(has(
        &findings,
        "required",
        "/answers/onderbouwing_eigen_inzet"
    ));
    let argued = check(ARR, "warning-start-augustus-eigen-inzet-onderbouwd.json");
    assert!(!has_blocking(&argued), "{argued:#?}");
    assert_eq!(argued.len(), 1);
}

#[test]
fn start_in_august_september_or_january_and_end_on_31_july() {
    let f = form(ARR);
    let start = |date: &str| {
        let doc = with(
            ARR,
            SANNE,
            &[("/startdatum", json!(date)), ("/aantal_weken", json!("20"))],
        );
        has(
            &validate(f, &doc, today()),
            "rule:start-augustus-september-of-januari",
            "/answers/startdatum",
        )
    };
    assert!(!start("31-01-2027"));
    assert!(start("01-02-2027"));
    assert!(start("15-12-2026"));
    let end = with(ARR, SANNE, &[("/einddatum", json!("17-07-2027"))]);
    let findings = validate(f, &end, today());
    let e = find(&findings, "rule:einde-schooljaar", "/answers/einddatum");
    assert!(e.message.contains("31 juli"));
}

#[test]
fn the_hours_count_for_the_school_year_of_the_request() {
    // A request on 10-11-2026 is in school year 2026-2027: a start in August 2027 is the next one.
    let next_year = with(
        ARR,
        SANNE,
        &[
            ("/startdatum", json!("23-08-2027")),
            ("/einddatum", json!("31-07-2028")),
        ],
    );
    let findings = validate(form(ARR), &next_year, today());
    assert!(has(
        &findings,
        "rule:schooljaar-van-aanvraag",
        "/answers/startdatum"
    ));
    assert!(!has(
        &findings,
        "rule:einde-schooljaar",
        "/answers/einddatum"
    ));
}

#[test]
fn the_amount_is_hours_times_rate_paid_75_and_25_percent() {
    let doc = support::fixture(&format!("{ARR}/{SANNE}"));
    let lines = summary(form(ARR), &doc, today());
    let value = |label: &str| {
        lines
            .iter()
            .find(|l| l.label == label)
            .and_then(|l| l.value.clone())
    };
    assert_eq!(value("Eigen inzet van de school").as_deref(), Some("50%"));
    assert_eq!(
        value("Uren arrangement in totaal").as_deref(),
        Some("72 uur")
    );
    assert_eq!(value("Bedrag arrangement").as_deref(), Some("€ 2.340,00"));
    assert_eq!(value("Bij toekenning (75%)").as_deref(), Some("€ 1.755,00"));
    assert_eq!(
        value("Na de verantwoording (25%)").as_deref(),
        Some("€ 585,00")
    );
}

#[test]
fn half_a_year_of_planned_hgw_before_the_request() {
    let f = form(ARR);
    let six = with(ARR, SANNE, &[("/hgw_sinds", json!("10-05-2026"))]);
    assert!(validate(f, &six, today()).is_empty());
    let five = with(ARR, SANNE, &[("/hgw_sinds", json!("11-05-2026"))]);
    assert!(has(
        &validate(f, &five, today()),
        "rule:half-jaar-hgw",
        "/answers/hgw_sinds"
    ));
}

#[test]
fn verantwoording_shows_the_remaining_25_percent() {
    let doc = support::fixture(&format!("{VER}/valid-sanne-schooljaar-2025-2026.json"));
    let lines = summary(form(VER), &doc, today());
    assert_eq!(lines[0].value.as_deref(), Some("100%"));
    assert_eq!(lines[2].value.as_deref(), Some("€ 585,00"));
}

#[test]
fn verantwoording_must_be_filled_in_with_parents_and_ab() {
    let findings = check(VER, "invalid-niet-samen-ingevuld.json");
    for (code, path) in [
        ("rule:samen-met-ouders", "/answers/ingevuld_met_ouders"),
        ("rule:samen-met-ab", "/answers/ingevuld_met_ab"),
    ] {
        assert_eq!(find(&findings, code, path).severity, Severity::Fout);
    }
}

#[test]
fn fewer_hours_than_granted_warns_and_asks_why() {
    let doc = with(
        VER,
        "valid-sanne-schooljaar-2025-2026.json",
        &[("/gerealiseerde_uren", json!("64"))],
    );
    let findings = validate(form(VER), &doc, today());
    assert_eq!(
        find(
            &findings,
            "rule:minder-uren-dan-toegekend",
            "/answers/gerealiseerde_uren"
        )
        .severity,
        Severity::Waarschuwing
    );
    assert_eq!(
        find(&findings, "recommended", "/answers/reden_minder_uren").severity,
        Severity::Waarschuwing
    );
    assert!(!has_blocking(&findings));
}

#[test]
fn the_start_is_never_before_the_request() {
    let f = form(ARR);
    // Requested on 10-11-2026: the start of the school year has passed, January is next.
    let past = check(ARR, "invalid-start-voor-aanvraag.json");
    let e = find(
        &past,
        "rule:start-niet-voor-aanvraag",
        "/answers/startdatum",
    );
    assert_eq!(e.severity, Severity::Fout);
    assert!(e.message.contains("januari"), "{}", e.message);
    // Requested on 20-08-2026: a start that day is fine, the day before is not.
    let fx = "warning-start-augustus-eigen-inzet-onderbouwd.json";
    let start = |date: &str| {
        let doc = with(ARR, fx, &[("/startdatum", json!(date))]);
        has(
            &validate(f, &doc, today()),
            "rule:start-niet-voor-aanvraag",
            "/answers/startdatum",
        )
    };
    assert!(!start("20-08-2026"));
    assert!(start("19-08-2026"));
}

#[test]
fn fields_the_document_does_not_ask_for_are_not_required() {
    let mut doc = support::fixture(&format!("{ARR}/{SANNE}"));
    for id in ["groep", "bsn", "brin", "uurtarief", "activiteiten"] {
        doc.answers.remove(id);
    }
    assert!(validate(form(ARR), &doc, today()).is_empty());
    let mut ver = support::fixture(&format!("{VER}/valid-sanne-schooljaar-2025-2026.json"));
    for id in ["bsn", "brin", "toegekend_bedrag", "verlenging_gewenst"] {
        ver.answers.remove(id);
    }
    assert!(validate(form(VER), &ver, today()).is_empty());
}

#[test]
fn social_schools_and_a_late_verantwoording_warn_but_do_not_block() {
    let f = form(VER);
    let fx = "valid-sanne-schooljaar-2025-2026.json";
    let late = |date: &str| {
        let doc = with(VER, fx, &[("/datum_verantwoording", json!(date))]);
        validate(f, &doc, today())
    };
    // The arrangement started 26-01-2026: the school year ends 31-07-2026.
    assert!(late("31-07-2026").is_empty());
    let after = late("01-08-2026");
    let w = find(
        &after,
        "rule:voor-einde-schooljaar",
        "/answers/datum_verantwoording",
    );
    assert_eq!(w.severity, Severity::Waarschuwing);
    assert!(!has_blocking(&after));
    let not_shared = with(VER, fx, &[("/gedeeld_social_schools", json!("nee"))]);
    let findings = validate(f, &not_shared, today());
    let s = find(
        &findings,
        "rule:social-schools",
        "/answers/gedeeld_social_schools",
    );
    assert_eq!(s.severity, Severity::Waarschuwing);
    assert!(!has_blocking(&findings), "{findings:#?}");
    assert!(check(VER, "warning-te-laat-en-onvolledig.json")
        .iter()
        .all(|f| f.severity == Severity::Waarschuwing));
}
