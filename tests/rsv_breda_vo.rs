//! The RSV Breda VO forms (bijlage 6a TLV VSO, 6b arrangementsverklaring):
//! what an intern begeleider sees for real filled-in requests.

mod common;

use aanvraagwijzer::{has_blocking, progress, validate, Severity};
use common::{codes, fixture, form, today};

fn has(findings: &[aanvraagwijzer::Finding], code: &str, path: &str) -> bool {
    findings.iter().any(|f| f.code == code && f.path == path)
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
            "rule:deskundige-1-gedragswetenschapper",
            "/answers/deskundige_1/functie",
        ),
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
                matches!(x.kind, aanvraagwijzer::FieldKind::Signature)
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
