//! Berséba (seed 001): TLV SBO/SO in 7 categories, extra
//! ondersteuningsarrangement, JRK-arrangement, as a school would notice them.

mod support;

use aanvraagwijzer::{field_applies, summary, validate, Severity};
use serde_json::json;
use support::{check, find, form, has, today, with};

const TLV: &str = "berseba/tlv-sbo-so";
const EOA: &str = "berseba/extra-ondersteuning";
const JRK: &str = "berseba/jrk";

#[test]
fn the_three_forms_are_published() {
    for id in [TLV, EOA, JRK] {
        assert_eq!(form(id).swv_name, "Berséba");
    }
}

#[test]
fn sbo_needs_an_iq_of_at_least_55() {
    let at_55 = with(TLV, "valid-sbo-jan.json", &[("/totaal_iq", json!("55"))]);
    assert!(validate(form(TLV), &at_55, today()).is_empty());
    let at_54 = with(TLV, "valid-sbo-jan.json", &[("/totaal_iq", json!("54"))]);
    let findings = validate(form(TLV), &at_54, today());
    let f = find(&findings, "rule:iq-niet-lager-dan-55", "/answers/totaal_iq");
    assert!(f.message.contains("soort 4"), "{}", f.message);
}

#[test]
fn category_2a_is_for_children_under_7_on_the_day_of_checking() {
    // today() is 22-11-2026: born 22-11-2019 is 7 today, a day later is still 6.
    let seven = with(
        TLV,
        "valid-2a-daan-jonger-dan-7.json",
        &[("/geboortedatum", json!("22-11-2019"))],
    );
    assert!(has(
        &validate(form(TLV), &seven, today()),
        "rule:jonger-dan-7",
        "/answers/geboortedatum"
    ));
    let six = with(
        TLV,
        "valid-2a-daan-jonger-dan-7.json",
        &[("/geboortedatum", json!("23-11-2019"))],
    );
    assert!(validate(form(TLV), &six, today()).is_empty());
}

#[test]
fn zml_iq_bands_ask_for_sociale_redzaamheid_between_55_and_70() {
    let f = form(TLV);
    let doc = |iq: &str| {
        with(
            TLV,
            "valid-zml-anna-zonder-schoolervaring.json",
            &[
                ("/totaal_iq", json!(iq)),
                ("/zeer_geringe_sociale_redzaamheid", json!("")),
                ("/sociale_redzaamheid_toelichting", json!("")),
            ],
        )
    };
    assert!(validate(f, &doc("54"), today()).is_empty());
    for iq in ["55", "70"] {
        let findings = validate(f, &doc(iq), today());
        assert!(
            has(
                &findings,
                "required",
                "/answers/zeer_geringe_sociale_redzaamheid"
            ),
            "IQ {iq}"
        );
    }
    let above = validate(f, &doc("71"), today());
    assert!(has(&above, "rule:zml-iq-of-down", "/answers/totaal_iq"));
    assert!(!has(
        &above,
        "required",
        "/answers/zeer_geringe_sociale_redzaamheid"
    ));
}

#[test]
fn zml_under_8_asks_for_a_bijkomende_stoornis() {
    let f = form(TLV);
    let under_8 = with(
        TLV,
        "valid-zml-anna-zonder-schoolervaring.json",
        &[("/geboortedatum", json!("23-11-2018"))],
    );
    assert!(field_applies(f, &under_8, today(), "bijkomende_stoornis"));
    let eight = with(
        TLV,
        "valid-zml-anna-zonder-schoolervaring.json",
        &[
            ("/geboortedatum", json!("22-11-2018")),
            ("/bijkomende_stoornis", json!("")),
        ],
    );
    assert!(!field_applies(f, &eight, today(), "bijkomende_stoornis"));
    assert!(validate(f, &eight, today()).is_empty());
}

#[test]
fn mg_iq_bands_ask_for_different_reports() {
    let f = form(TLV);
    let asks = |iq: &str, field: &str| {
        let doc = with(
            TLV,
            "valid-mg-ruben-iq-30.json",
            &[("/totaal_iq", json!(iq))],
        );
        field_applies(f, &doc, today(), field)
    };
    assert!(asks("19", "ontwikkelingsleeftijd_zelfredzaamheid"));
    assert!(!asks("20", "ontwikkelingsleeftijd_zelfredzaamheid"));
    assert!(asks("20", "verslag_sociaal_emotioneel"));
    // "tussen de 20 en 35" includes 35: the next band says "hoger dan 35".
    assert!(asks("35", "verslag_sociaal_emotioneel"));
    assert!(!asks("35", "zmlk_onvoldoende"));
    assert!(!asks("36", "verslag_sociaal_emotioneel"));
    assert!(asks("36", "zmlk_onvoldoende"));
    assert!(asks("54", "beperkt_gedragsrepertoire"));
    assert!(!asks("55", "beperkt_gedragsrepertoire"));
    assert!(!asks("55", "zmlk_onvoldoende"));
}

#[test]
fn iq_70_fits_neither_lg_nor_mg_and_sends_the_school_to_the_loket() {
    let f = form(TLV);
    for (fixture, other) in [
        ("valid-lg-iq-71.json", "rule:lg-iq-hoger-dan-70"),
        ("valid-mg-iq-69.json", "rule:mg-iq-lager-dan-70"),
    ] {
        assert!(
            validate(f, &support::fixture(&format!("{TLV}/{fixture}")), today()).is_empty(),
            "{fixture}"
        );
        let at_70 = with(TLV, fixture, &[("/totaal_iq", json!("70"))]);
        let findings = validate(f, &at_70, today());
        let hit = find(
            &findings,
            "rule:iq-70-past-bij-geen-soort",
            "/answers/totaal_iq",
        );
        assert!(hit.message.contains("Loket"), "{}", hit.message);
        // No second finding that sends the school to the other category.
        assert!(!has(&findings, other, "/answers/totaal_iq"), "{fixture}");
        assert_eq!(findings.len(), 1, "{findings:#?}");
    }
    // Below 70 LG still points to MG, above 70 MG still points to LG.
    let lg_69 = with(TLV, "valid-lg-iq-71.json", &[("/totaal_iq", json!("69"))]);
    let hit = find(
        &validate(f, &lg_69, today()),
        "rule:lg-iq-hoger-dan-70",
        "/answers/totaal_iq",
    )
    .message
    .clone();
    assert!(hit.contains("soort 7"), "{hit}");
}

#[test]
fn parents_take_part_but_need_not_sign_and_reports_are_asked_where_named() {
    let f = form(TLV);
    let without_signature = with(
        TLV,
        "valid-sbo-jan.json",
        &[("/ouders_akkoord", json!(null))],
    );
    assert!(validate(f, &without_signature, today()).is_empty());
    // "aangetoond" without a named report: a missing IQ report warns.
    let no_report = with(TLV, "valid-sbo-jan.json", &[("/iq_onderzoek", json!(null))]);
    let findings = validate(f, &no_report, today());
    assert_eq!(
        find(&findings, "recommended", "/answers/iq_onderzoek").severity,
        Severity::Waarschuwing
    );
    // MG below 55 names "een verslag van een intelligentieonderzoek": required.
    let mg = with(
        TLV,
        "valid-mg-ruben-iq-30.json",
        &[("/iq_onderzoek_mg", json!(null))],
    );
    let findings = validate(f, &mg, today());
    assert_eq!(
        find(&findings, "required", "/answers/iq_onderzoek_mg").severity,
        Severity::Fout
    );
}

#[test]
fn an_observatiecentrum_tlv_is_valid_for_one_year() {
    let f = form(TLV);
    let fixture = "valid-observatiecentrum-lieke-verlenging.json";
    let year = with(
        TLV,
        fixture,
        &[
            ("/observatie_ingang", json!("01-08-2027")),
            ("/observatie_einde", json!("31-07-2028")),
        ],
    );
    assert!(validate(f, &year, today()).is_empty());
    let day_more = with(TLV, fixture, &[("/observatie_einde", json!("01-08-2028"))]);
    assert!(has(
        &validate(f, &day_more, today()),
        "rule:observatie-een-jaar-geldig",
        "/answers/observatie_einde"
    ));
    // Both the school and the ambulant begeleider argue why JRK is not enough.
    let no_ab = with(TLV, fixture, &[("/jrk_onvoldoende_ab", json!(""))]);
    assert!(has(
        &validate(f, &no_ab, today()),
        "required",
        "/answers/jrk_onvoldoende_ab"
    ));
}

#[test]
fn without_school_experience_the_voortraject_is_not_asked() {
    let f = form(TLV);
    let zonder = support::fixture(&format!("{TLV}/valid-zml-anna-zonder-schoolervaring.json"));
    assert!(!field_applies(f, &zonder, today(), "handelingsplannen"));
    assert!(field_applies(f, &zonder, today(), "niet_bij_machte"));
    let met = with(
        TLV,
        "valid-zml-anna-zonder-schoolervaring.json",
        &[("/schoolervaring", json!("ja"))],
    );
    let findings = validate(f, &met, today());
    assert!(has(&findings, "required", "/answers/handelingsplannen"));
    assert!(has(
        &findings,
        "required",
        "/answers/besprekingen_ondersteuningsteam"
    ));
}

#[test]
fn gedrag_needs_school_and_one_other_milieu() {
    let findings = check(TLV, "invalid-gedrag-alleen-op-school.json");
    let f = find(&findings, "rule:gedrag-twee-milieus", "/answers/milieus");
    assert_eq!(
        f.source.as_ref().map(|s| s.key.as_str()),
        Some("gedrag-milieus")
    );
    let all_three = with(
        TLV,
        "valid-gedrag-sem.json",
        &[("/milieus", json!(["thuis", "school", "omgeving"]))],
    );
    assert!(validate(form(TLV), &all_three, today()).is_empty());
}

#[test]
fn the_euro_cap_is_hours_times_27_50_and_blocks_one_cent_above() {
    let f = form(EOA);
    // 160 hours × € 27,50 = € 4.400,00: exactly the cap for medium medisch.
    let exact = with(
        EOA,
        "valid-medisch-medium-noor.json",
        &[
            ("/uren_ondersteuner", json!("160")),
            ("/bedrag_materiaal", json!("0")),
            ("/materiaal_omschrijving", json!("")),
        ],
    );
    // At the cap of the bijlage: no block, but a warning that the uitwerking
    // names € 4.200, so the school sees which amount the commission may hold.
    let findings = validate(f, &exact, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:bedrag-uitwerking-medisch-medium");
    assert_eq!(findings[0].severity, Severity::Waarschuwing);
    assert!(findings[0].message.contains("€ 4.200"));
    let lines = summary(f, &exact, today());
    let total = lines
        .iter()
        .find(|l| l.label == "Totaal arrangement in middelen")
        .and_then(|l| l.value.clone());
    assert_eq!(total.as_deref(), Some("€ 4.400,00"));
    let cent_more = with(
        EOA,
        "valid-medisch-medium-noor.json",
        &[
            ("/uren_ondersteuner", json!("160")),
            ("/bedrag_materiaal", json!("0,01")),
        ],
    );
    let findings = validate(f, &cent_more, today());
    let hit = find(
        &findings,
        "rule:max-bedrag-medisch-medium",
        "/answers/uren_ondersteuner",
    );
    assert!(hit.message.contains("€ 4.400"));
    assert!(!has(
        &findings,
        "rule:bedrag-uitwerking-medisch-medium",
        "/answers/uren_ondersteuner"
    ));
    // € 4.200 itself (the uitwerking's amount) gives nothing.
    let uitwerking = with(
        EOA,
        "valid-medisch-medium-noor.json",
        &[
            ("/uren_ondersteuner", json!("140")),
            ("/bedrag_materiaal", json!("350")),
        ],
    );
    assert!(validate(f, &uitwerking, today()).is_empty());
}

#[test]
fn an_sbo_asks_only_for_cluster_3_arrangements() {
    let f = form(EOA);
    let findings = check(EOA, "invalid-sbo-gedrag.json");
    assert_eq!(
        find(&findings, "rule:sbo-alleen-cluster-3", "/answers/domein").severity,
        Severity::Fout
    );
    let bao = with(
        EOA,
        "invalid-sbo-gedrag.json",
        &[("/schoolsoort", json!("bao"))],
    );
    assert!(validate(f, &bao, today()).is_empty());
    let hb = support::fixture(&format!("{EOA}/valid-hb-medium-ezra.json"));
    let hb_sbo = with(
        EOA,
        "valid-hb-medium-ezra.json",
        &[("/schoolsoort", json!("sbo"))],
    );
    assert_eq!(validate(f, &hb, today()), validate(f, &hb_sbo, today()));
}

#[test]
fn a_shorter_arrangement_is_maatwerk_that_needs_a_reason() {
    let f = form(EOA);
    let year = with(
        EOA,
        "valid-medisch-intensief-half-jaar-maatwerk.json",
        &[
            ("/startdatum", json!("01-08-2026")),
            ("/einddatum", json!("31-07-2027")),
        ],
    );
    assert!(!field_applies(f, &year, today(), "reden_kortere_duur"));
    let findings = check(EOA, "warning-medisch-intensief-korter-zonder-reden.json");
    let hit = find(
        &findings,
        "rule:minimaal-1-jaar",
        "/answers/reden_kortere_duur",
    );
    assert_eq!(hit.severity, Severity::Waarschuwing);
    assert!(hit.message.contains("Leg uit waarom"), "{}", hit.message);
    assert!(check(EOA, "valid-medisch-intensief-half-jaar-maatwerk.json").is_empty());
}

#[test]
fn medisch_asks_regular_absence_for_medium_and_structural_for_intensief() {
    let f = form(EOA);
    let medium = support::fixture(&format!("{EOA}/valid-medisch-medium-noor.json"));
    assert!(field_applies(f, &medium, today(), "verzuim_door_ziekte"));
    assert!(!field_applies(f, &medium, today(), "structureel_verzuim"));
    let intensief = support::fixture(&format!("{EOA}/valid-medisch-intensief.json"));
    assert!(!field_applies(
        f,
        &intensief,
        today(),
        "verzuim_door_ziekte"
    ));
    assert!(field_applies(f, &intensief, today(), "structureel_verzuim"));
    let label = f
        .sections
        .iter()
        .flat_map(|s| &s.fields)
        .find(|x| x.id == "structureel_verzuim")
        .map(|x| x.label.clone())
        .unwrap_or_default();
    assert!(label.contains("structureel"), "{label}");
}

#[test]
fn gedrag_two_areas_is_a_warning_for_medium_only() {
    let f = form(EOA);
    let one_area = with(
        EOA,
        "valid-gedrag-medium-zonder-geld.json",
        &[("/gedrag_gebieden", json!(["werkhouding"]))],
    );
    assert_eq!(
        find(
            &validate(f, &one_area, today()),
            "rule:gedrag-twee-gebieden",
            "/answers/gedrag_gebieden"
        )
        .severity,
        Severity::Waarschuwing
    );
    let intensief = with(
        EOA,
        "valid-gedrag-medium-zonder-geld.json",
        &[
            ("/niveau", json!("intensief")),
            ("/ab_uren", json!("40")),
            ("/einddatum", json!("31-08-2027")),
        ],
    );
    assert!(!field_applies(f, &intensief, today(), "gedrag_gebieden"));
}

#[test]
fn the_form_says_which_euro_caps_it_follows() {
    let notes = form(EOA).notes.join(" ");
    assert!(
        notes.contains("€ 4.400") && notes.contains("€ 4.200") && notes.contains("€ 27,50"),
        "{notes}"
    );
    assert!(form(JRK).notes.join(" ").contains("€ 5.500"));
}

#[test]
fn materials_above_15_percent_warn_but_do_not_block() {
    // 120 h × 27,50 = 3.300; 700 materiaal = 17,5% of 4.000.
    let doc = with(
        EOA,
        "valid-medisch-medium-noor.json",
        &[("/bedrag_materiaal", json!("700"))],
    );
    let findings = validate(form(EOA), &doc, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:materiaal-ongeveer-15-procent");
    assert_eq!(findings[0].severity, Severity::Waarschuwing);
}

#[test]
fn a_light_arrangement_asks_no_money() {
    let doc = support::fixture(&format!("{EOA}/valid-gedrag-licht-levi.json"));
    assert!(!field_applies(
        form(EOA),
        &doc,
        today(),
        "uren_ondersteuner"
    ));
    let medium = with(
        EOA,
        "valid-gedrag-licht-levi.json",
        &[
            ("/niveau", json!("medium")),
            ("/crisis_middelen", json!("ja")),
        ],
    );
    assert!(field_applies(
        form(EOA),
        &medium,
        today(),
        "uren_ondersteuner"
    ));
}

#[test]
fn jrk_needs_13_lesweken_twice_a_week_15_minutes() {
    let f = form(JRK);
    let minimum = with(
        JRK,
        "valid-jesse-groep-1.json",
        &[
            ("/lesweken", json!("13")),
            ("/keer_per_week", json!("2")),
            ("/minuten_per_keer", json!("15")),
        ],
    );
    assert!(validate(f, &minimum, today()).is_empty());
    let lines = summary(f, &minimum, today());
    assert_eq!(lines[0].value.as_deref(), Some("390"));
    let findings = check(JRK, "invalid-te-weinig-begeleiding.json");
    for (code, path) in [
        ("rule:minimaal-13-lesweken", "/answers/lesweken"),
        ("rule:twee-keer-per-week", "/answers/keer_per_week"),
        ("rule:vijftien-minuten", "/answers/minuten_per_keer"),
    ] {
        assert_eq!(find(&findings, code, path).severity, Severity::Fout);
    }
}

#[test]
fn jrk_and_or_criteria_accept_any_one() {
    let f = form(JRK);
    for kenmerk in ["verwaarlozing", "ontwikkelingsstoornis"] {
        let doc = with(
            JRK,
            "valid-jesse-groep-1.json",
            &[("/kenmerken", json!([kenmerk]))],
        );
        assert!(validate(f, &doc, today()).is_empty(), "{kenmerk}");
    }
    let none = with(
        JRK,
        "valid-jesse-groep-1.json",
        &[("/kenmerken", json!([]))],
    );
    assert!(has(
        &validate(f, &none, today()),
        "required",
        "/answers/kenmerken"
    ));
    // A margin of 55-62 touches 60-80: allowed.
    let margin = with(
        JRK,
        "valid-jesse-groep-1.json",
        &[
            ("/iq_ondergrens", json!("55")),
            ("/iq_bovengrens", json!("62")),
        ],
    );
    assert!(validate(f, &margin, today()).is_empty());
}

#[test]
fn jrk_13_lesweken_are_enough_even_within_3_calendar_months() {
    // "ten minste 3 maanden (=13 lesweken)": 25-08 to 20-11 is under 3
    // calendar months but holds 13 lesweken.
    assert!(check(JRK, "valid-noah-13-lesweken-in-minder-dan-3-maanden.json").is_empty());
    let findings = check(JRK, "invalid-noah-12-lesweken.json");
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(findings[0].code, "rule:minimaal-13-lesweken");
    // The dates are optional: the lesweken count.
    let no_dates = with(
        JRK,
        "valid-noah-13-lesweken-in-minder-dan-3-maanden.json",
        &[
            ("/begeleiding_start", json!("")),
            ("/begeleiding_eind", json!("")),
        ],
    );
    assert!(validate(form(JRK), &no_dates, today()).is_empty());
}

#[test]
fn a_shorter_jrk_arrangement_or_an_amount_above_5250_warns() {
    let f = form(JRK);
    assert!(check(JRK, "valid-jesse-half-jaar-met-reden.json").is_empty());
    let no_reason = with(
        JRK,
        "valid-jesse-half-jaar-met-reden.json",
        &[("/reden_kortere_duur", json!(""))],
    );
    let findings = validate(f, &no_reason, today());
    assert_eq!(
        find(
            &findings,
            "rule:minimaal-1-jaar",
            "/answers/reden_kortere_duur"
        )
        .severity,
        Severity::Waarschuwing
    );
    // 190,90 hours × € 27,50 = € 5.249,75: under the uitwerking's amount.
    let under = with(
        JRK,
        "valid-jesse-groep-1.json",
        &[
            ("/uren_ondersteuner", json!("190,90")),
            ("/bedrag_materiaal", json!("0")),
        ],
    );
    assert!(validate(f, &under, today()).is_empty());
    let between = check(JRK, "warning-jesse-bedrag-boven-uitwerking.json");
    let hit = find(
        &between,
        "rule:bedrag-uitwerking-5250",
        "/answers/uren_ondersteuner",
    );
    assert!(hit.message.contains("€ 5.250") && hit.message.contains("€ 5.500"));
}

#[test]
fn from_an_mkd_not_all_jrk_criteria_apply() {
    let f = form(JRK);
    let mila = support::fixture(&format!("{JRK}/valid-mila-vanuit-mkd.json"));
    for field in [
        "lesweken",
        "handelingsverlegenheid",
        "ouders_voortraject",
        "zorgstappen_doorlopen",
    ] {
        assert!(!field_applies(f, &mila, today(), field), "{field}");
    }
    for field in [
        "onderwijsbehoeften",
        "behoefte_structuur",
        "onderwijsassistent",
    ] {
        assert!(field_applies(f, &mila, today(), field), "{field}");
    }
    let findings = check(JRK, "warning-mila-zonder-toelichting.json");
    assert_eq!(
        find(
            &findings,
            "rule:mkd-toelichting",
            "/answers/mkd_toelichting"
        )
        .severity,
        Severity::Tip
    );
}

#[test]
fn zml_with_down_syndrome_needs_no_iq() {
    // l.169/179: "een IQ lager dan 55 en/of het Syndroom van Down".
    let no_iq = with(
        TLV,
        "valid-zml-down-syndroom.json",
        &[("/totaal_iq", json!("")), ("/iq_onderzoek", json!(null))],
    );
    let findings = validate(form(TLV), &no_iq, today());
    assert!(findings.is_empty(), "{findings:#?}");
    // Without Down syndrome the IQ is asked again, and its absence blocks.
    let without_down = with(
        TLV,
        "valid-zml-down-syndroom.json",
        &[
            ("/totaal_iq", json!("")),
            ("/syndroom_van_down", json!("nee")),
        ],
    );
    let findings = validate(form(TLV), &without_down, today());
    let f = find(&findings, "required", "/answers/totaal_iq");
    assert_eq!(f.severity, Severity::Fout);
}
