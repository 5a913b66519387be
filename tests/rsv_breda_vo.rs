//! The RSV Breda VO forms (bijlage 6a TLV VSO, 6b arrangementsverklaring):
//! what an intern begeleider sees for real filled-in requests, and the
//! boundaries of seed 004 on both sides (today is 22-11-2026).

mod support;

use aanvraagwijzer::{has_blocking, progress, summary, validate, Document, Severity};
use serde_json::{json, Value};
use support::{codes, fixture, form, today};

fn has(findings: &[aanvraagwijzer::Finding], code: &str, path: &str) -> bool {
    findings.iter().any(|f| f.code == code && f.path == path)
}

const TLV: &str = "rsv-breda-vo/tlv-vso";
const AV: &str = "rsv-breda-vo/arrangementsverklaring";

/// A fixture of `form_id` with some top-level answers replaced.
fn with(form_id: &str, name: &str, changes: &[(&str, Value)]) -> Document {
    let mut doc = fixture(&format!("{form_id}/{name}"));
    for (key, value) in changes {
        doc.answers.insert((*key).to_owned(), value.clone());
    }
    doc
}

/// Findings of a changed fixture as (code, path, severity).
fn verdict(form_id: &str, doc: &Document) -> Vec<(String, String, Severity)> {
    validate(form(form_id), doc, today())
        .into_iter()
        .map(|f| (f.code, f.path, f.severity))
        .collect()
}

fn one(code: &str, path: &str, severity: Severity) -> Vec<(String, String, Severity)> {
    vec![(code.to_owned(), path.to_owned(), severity)]
}

#[test]
fn complete_tlv_requests_pass_without_findings() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    for name in ["valid-daan-bakker.json", "valid-with-current-tlv.json"] {
        let doc = fixture(&format!("rsv-breda-vo/tlv-vso/{name}"));
        let findings = validate(tlv, &doc, today());
        assert!(findings.is_empty(), "{name}: {:#?}", codes(&findings));
        let p = progress(tlv, &doc, &findings, today());
        assert_eq!(p.complete, p.required, "{name}: progress {p:?}");
    }
}

#[test]
fn typos_in_a_tlv_request_each_get_their_own_message() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let findings = validate(tlv, &doc, today());
    assert!(has_blocking(&findings));
    for (code, path) in [
        ("postcode-invalid", "/answers/postcode"),
        ("date-impossible", "/answers/geboortedatum"),
        ("bsn-invalid", "/answers/bsn"),
        ("brin-invalid", "/answers/brin"),
        ("required", "/answers/beschikking_nummer"),
        ("required", "/answers/beschikking_afloopdatum"),
        (
            "confirmation-missing",
            "/answers/groeidocument/bevestigingen/1",
        ),
        ("part-missing", "/answers/bevoegd_gezag/functie"),
        ("date-in-future", "/answers/deskundige_1/datum"),
        (
            "rule:deskundigen-verschillend",
            "/answers/deskundige_2/naam",
        ),
    ] {
        assert!(
            has(&findings, code, path),
            "missing {code} at {path}; got {:#?}",
            codes(&findings)
        );
    }
    let bsn = findings
        .iter()
        .find(|f| f.path == "/answers/bsn")
        .expect("bsn finding");
    assert!(bsn.message.contains("elfproef"), "{}", bsn.message);
    let date = findings
        .iter()
        .find(|f| f.path == "/answers/geboortedatum")
        .expect("date finding");
    assert!(
        date.message.contains("februari 2012 heeft geen 31 dagen"),
        "{}",
        date.message
    );
}

#[test]
fn beschikking_number_is_asked_only_when_the_pupil_has_one() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    assert_eq!(doc.answers["heeft_beschikking"], "nee");
    assert!(!has(
        &validate(tlv, &doc, today()),
        "required",
        "/answers/beschikking_nummer"
    ));
    doc.answers.insert("heeft_beschikking".into(), "ja".into());
    let findings = validate(tlv, &doc, today());
    assert!(has(&findings, "required", "/answers/beschikking_nummer"));
    assert!(has(
        &findings,
        "required",
        "/answers/beschikking_afloopdatum"
    ));
}

#[test]
fn tlv_needs_two_signing_experts_and_6b_one() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let av = form("rsv-breda-vo/arrangementsverklaring");
    let signatures = |f: &aanvraagwijzer::Form| {
        f.fields()
            .filter(|x| {
                matches!(x.kind, aanvraagwijzer::FieldKind::Signature { .. })
                    && x.id.starts_with("deskundige")
            })
            .count()
    };
    assert_eq!(signatures(tlv), 2);
    assert_eq!(signatures(av), 1);

    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    doc.answers.remove("deskundige_2");
    let findings = validate(tlv, &doc, today());
    assert!(has(&findings, "required", "/answers/deskundige_2"));
}

#[test]
fn every_finding_of_a_form_rule_cites_the_seed() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    for f in validate(tlv, &doc, today()) {
        if f.code.starts_with("rule:") || f.code == "required" || f.code == "confirmation-missing" {
            let source = f
                .source
                .as_ref()
                .unwrap_or_else(|| panic!("{} has no source", f.code));
            assert_eq!(source.document, "004_a6ac0186845f0866.txt");
            assert!(tlv.sources[&source.key].quote.len() > 40);
        }
    }
}

#[test]
fn arrangementsverklaring_valid_and_invalid() {
    let av = form("rsv-breda-vo/arrangementsverklaring");
    let ok = validate(
        av,
        &fixture("rsv-breda-vo/arrangementsverklaring/valid-opdc.json"),
        today(),
    );
    assert!(ok.is_empty(), "{:#?}", codes(&ok));

    let bad = validate(
        av,
        &fixture("rsv-breda-vo/arrangementsverklaring/invalid-empty-choice.json"),
        today(),
    );
    for (code, path) in [
        ("required", "/answers/aanvraag_betreft"),
        ("date-format", "/answers/geboortedatum"),
        ("bsn-invalid", "/answers/bsn"),
        ("choice-unknown", "/answers/heeft_beschikking"),
        ("required", "/answers/groeidocument"),
        ("part-missing", "/answers/bevoegd_gezag/functie"),
    ] {
        assert!(
            has(&bad, code, path),
            "missing {code} at {path}; got {:#?}",
            codes(&bad)
        );
    }
    let eight = bad
        .iter()
        .find(|f| f.path == "/answers/bsn")
        .expect("bsn finding");
    assert!(
        eight.message.contains("u hebt er 8 ingevuld"),
        "{}",
        eight.message
    );
}

#[test]
fn a_document_for_another_form_is_refused_not_misread() {
    let av = form("rsv-breda-vo/arrangementsverklaring");
    let doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let findings = validate(av, &doc, today());
    let first = &findings[0];
    assert_eq!(
        (first.code.as_str(), first.path.as_str()),
        ("form-mismatch", "/form")
    );
    assert_eq!(first.severity, Severity::Fout);
    // The TLV's second expert is not a question of 6b: reported as a tip, not dropped.
    assert!(has(&findings, "unknown-answer", "/answers/deskundige_2"));
}

#[test]
fn an_incomplete_voortraject_warns_but_does_not_block() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let doc = fixture("rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json");
    let findings = validate(tlv, &doc, today());
    let warning = findings
        .iter()
        .find(|f| f.code == "rule:voortraject-compleet")
        .expect("three of six points ticked, no explanation");
    assert_eq!(warning.severity, Severity::Waarschuwing);
    assert_eq!(warning.path, "/answers/voortraject");

    // Explaining what is missing satisfies the guideline.
    let mut explained = doc.clone();
    explained.answers.insert(
        "voortraject_toelichting".into(),
        "De leerling woont pas sinds september in Nederland.".into(),
    );
    assert!(!validate(tlv, &explained, today())
        .iter()
        .any(|f| f.code == "rule:voortraject-compleet"));

    // An empty checklist gets one gentle reminder, not two.
    let mut empty = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    empty.answers.remove("voortraject");
    let findings = validate(tlv, &empty, today());
    assert_eq!(
        codes(&findings),
        vec![("recommended".to_owned(), "/answers/voortraject".to_owned())]
    );
    assert!(!has_blocking(&findings));
}

#[test]
fn any_function_of_the_two_signing_experts_is_accepted() {
    // Bijlage 6a asks name and function of two deskundigen and prescribes no
    // function; the psycholoog/orthopedagoog of 6.1 sits in the SWV's commission.
    let doc = with(
        TLV,
        "valid-daan-bakker.json",
        &[
            (
                "deskundige_1",
                json!({"naam": "A. El Amrani", "functie": "Ondersteuningscoördinator"}),
            ),
            (
                "deskundige_2",
                json!({"naam": "J. Wouters", "functie": "Schoolmaatschappelijk werker"}),
            ),
        ],
    );
    assert_eq!(verdict(TLV, &doc), vec![]);
    let label = form(TLV)
        .fields()
        .find(|f| f.id == "deskundige_1")
        .map(|f| f.label.clone());
    assert_eq!(label.as_deref(), Some("Deskundige 1"));
}

#[test]
fn only_cluster_3_or_4_can_be_asked_of_the_swv() {
    for cluster in ["cluster_3", "cluster_4"] {
        let doc = with(
            TLV,
            "valid-daan-bakker.json",
            &[("cluster", json!(cluster))],
        );
        assert_eq!(verdict(TLV, &doc), vec![], "{cluster}");
    }
    let doc = with(
        TLV,
        "valid-daan-bakker.json",
        &[("cluster", json!("cluster_1_2"))],
    );
    let findings = validate(form(TLV), &doc, today());
    assert_eq!(
        verdict(TLV, &doc),
        one(
            "rule:alleen-cluster-3-of-4",
            "/answers/cluster",
            Severity::Fout
        )
    );
    assert!(
        findings[0].message.contains("Visio"),
        "{}",
        findings[0].message
    );
    assert!(
        findings[0].message.contains("Spreekhoorn"),
        "{}",
        findings[0].message
    );
}

#[test]
fn the_opp_is_asked_only_where_it_is_prescribed() {
    // No extra support ticked and no OPP prescribed: nothing to say.
    let mut doc = with(
        TLV,
        "valid-with-current-tlv.json",
        &[("opp", json!("niet_voorgeschreven"))],
    );
    assert_eq!(verdict(TLV, &doc), vec![]);
    // With an onderwijsarrangement (extra support) an OPP is prescribed: check it.
    doc.answers.insert(
        "voortraject".into(),
        json!([
            "extra_mogelijkheden",
            "zorg_adviesteam",
            "handelingsplannen",
            "drie_leefwerelden",
            "conclusie_school",
            "onderwijsarrangement"
        ]),
    );
    assert_eq!(
        verdict(TLV, &doc),
        one(
            "rule:opp-bij-extra-ondersteuning",
            "/answers/opp",
            Severity::Waarschuwing
        )
    );
    // A prescribed OPP that is missing makes the groeidocument incomplete.
    doc.answers.insert("opp".into(), json!("ontbreekt"));
    assert_eq!(
        verdict(TLV, &doc),
        one("rule:opp-in-groeidocument", "/answers/opp", Severity::Fout)
    );
    // The groeidocument no longer demands an OPP tick for everyone.
    let groei = form(TLV)
        .fields()
        .find(|f| f.id == "groeidocument")
        .expect("field");
    let aanvraagwijzer::FieldKind::Attachment { confirmations } = &groei.kind else {
        panic!("groeidocument is an attachment");
    };
    assert!(
        confirmations.iter().all(|c| !c.contains("OPP")),
        "{confirmations:?}"
    );
}

#[test]
fn a_current_tlv_running_past_the_next_school_year_is_questioned() {
    // Today is 22-11-2026: the next school year ends on 31-07-2028.
    for (date, expected) in [
        ("31-07-2028", vec![]),
        ("30-06-2026", vec![]),
        (
            "01-08-2028",
            one(
                "rule:huidige-tlv-afloopdatum",
                "/answers/beschikking_afloopdatum",
                Severity::Waarschuwing,
            ),
        ),
    ] {
        let doc = with(
            TLV,
            "valid-with-current-tlv.json",
            &[("beschikking_afloopdatum", json!(date))],
        );
        assert_eq!(verdict(TLV, &doc), expected, "{date}");
    }
}

#[test]
fn parents_not_involved_warn_until_the_school_explains() {
    let doc = with(
        TLV,
        "valid-daan-bakker.json",
        &[("ouders_betrokken", json!("niet_betrokken"))],
    );
    assert_eq!(
        verdict(TLV, &doc),
        one(
            "rule:ouders-betrokken",
            "/answers/ouders_betrokken",
            Severity::Waarschuwing
        )
    );
    let mut explained = doc;
    explained.answers.insert(
        "ouders_toelichting".into(),
        json!("Vader is opgenomen in het ziekenhuis; de mentor bespreekt de aanvraag op 2 december met moeder."),
    );
    assert_eq!(verdict(TLV, &explained), vec![]);
}

#[test]
fn the_vso_questions_the_commission_weighs_warn_when_empty_but_never_block() {
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    for key in [
        "cluster",
        "vso_school",
        "alternatieven",
        "waarom_vso",
        "opp",
        "ouders_betrokken",
    ] {
        doc.answers.remove(key);
    }
    let findings = validate(form(TLV), &doc, today());
    assert!(!has_blocking(&findings), "{:#?}", codes(&findings));
    for key in [
        "cluster",
        "vso_school",
        "alternatieven",
        "waarom_vso",
        "opp",
        "ouders_betrokken",
    ] {
        assert!(
            has(&findings, "recommended", &format!("/answers/{key}")),
            "{key}: {:#?}",
            codes(&findings)
        );
    }
}

#[test]
fn an_opdc_placement_lasts_at_most_two_years() {
    // 01-02-2027 to 31-01-2029 is exactly two years, counting the last day.
    let ok = fixture("rsv-breda-vo/arrangementsverklaring/valid-opdc.json");
    assert_eq!(ok.answers["opdc_einddatum"], "31-01-2029");
    assert_eq!(verdict(AV, &ok), vec![]);
    let lines = summary(form(AV), &ok, today());
    assert_eq!(lines[0].value.as_deref(), Some("24 maanden"), "{lines:?}");
    assert_eq!(lines[1].value.as_deref(), Some("€ 500,00"), "{lines:?}");

    let one_day_more = with(
        AV,
        "valid-opdc.json",
        &[("opdc_einddatum", json!("01-02-2029"))],
    );
    assert_eq!(
        verdict(AV, &one_day_more),
        one(
            "rule:opdc-maximaal-twee-jaar",
            "/answers/opdc_einddatum",
            Severity::Fout
        )
    );
}

#[test]
fn opdc_questions_are_not_judged_for_a_specifieke_school() {
    // Answers left behind from an earlier choice for the opdc do not count.
    let doc = with(
        AV,
        "valid-specifieke-school-christoffel.json",
        &[
            ("opdc_startdatum", json!("01-02-2027")),
            ("opdc_einddatum", json!("01-02-2030")),
        ],
    );
    assert!(!has_blocking(&validate(form(AV), &doc, today())));
    assert!(!verdict(AV, &doc)
        .iter()
        .any(|(code, _, _)| code.starts_with("rule:opdc")));
}

#[test]
fn a_specifieke_school_request_names_the_school_and_the_way_in() {
    let ok =
        fixture("rsv-breda-vo/arrangementsverklaring/valid-specifieke-school-christoffel.json");
    assert_eq!(verdict(AV, &ok), vec![]);
    let mut doc = ok.clone();
    doc.answers.remove("specifieke_school");
    doc.answers.remove("instroom");
    let findings = verdict(AV, &doc);
    assert!(findings.contains(&(
        "recommended".to_owned(),
        "/answers/specifieke_school".to_owned(),
        Severity::Waarschuwing
    )));
    assert!(findings.contains(&(
        "recommended".to_owned(),
        "/answers/instroom".to_owned(),
        Severity::Waarschuwing
    )));
    assert_eq!(findings.len(), 2, "{findings:#?}");
}

#[test]
fn the_vo_forms_never_send_the_school_to_tommy() {
    // Tommy is the PO SWV's portal (seed 000); seed 004 never names it.
    for id in [TLV, AV] {
        let text = serde_json::to_string(form(id)).expect("serialises");
        assert!(!text.contains("Tommy"), "{id} mentions Tommy");
    }
}
