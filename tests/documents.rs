//! Documents round-trip losslessly, and no shape of JSON makes validation fail.

mod support;

use aanvraagwijzer::{forms, validate, Document, Severity};
use serde_json::json;
use support::{fixture, form, today};

#[test]
fn saving_and_opening_a_document_keeps_every_keystroke() {
    let doc = fixture("rsv-breda-vo/tlv-vso/valid-with-current-tlv.json");
    // What the user typed stays as typed: lower-case postcode, dotted BSN, d-m-jjjj.
    assert_eq!(doc.answers["postcode"], "4901ka");
    assert_eq!(doc.answers["bsn"], "1234.56.782");
    let text = serde_json::to_string(&doc).expect("serialises");
    assert_eq!(Document::from_json(&text).expect("reads back"), doc);
}

#[test]
fn a_saved_download_with_findings_opens_as_a_document() {
    let text = json!({
        "form": "rsv-breda-vo/tlv-vso", "form_version": "01-11-2014",
        "answers": {"achternaam": "Bakker"},
        "findings": [{"code": "required", "path": "/answers/bsn"}], "core_version": "0.1.0"
    })
    .to_string();
    let doc = Document::from_json(&text).expect("extra keys are ignored");
    assert_eq!(doc.answers["achternaam"], "Bakker");
}

#[test]
fn any_json_shape_gives_findings_never_a_panic() {
    let weird = [
        json!(12),
        json!(null),
        json!(true),
        json!([1, 2, 3]),
        json!({"nested": {"deep": [{"x": 1}]}}),
        json!("     "),
        json!({"naam": 5, "functie": ["a"], "datum": {}}),
        json!({"bestandsnaam": "x.pdf", "bevestigingen": "ja"}),
        json!([{"a": "b"}, "c", null]),
        json!("😀 ⁰ \u{202e} \u{0}"),
    ];
    for form in forms() {
        for value in &weird {
            let mut doc = Document::new(form);
            for field in form.fields() {
                doc.answers.insert(field.id.clone(), value.clone());
            }
            let findings = validate(form, &doc, today());
            assert!(
                findings
                    .iter()
                    // Also the summing-up of more than 20 findings of one
                    // kind names a question (the first one it stands for).
                    .all(|f| f.path.starts_with("/answers/") && !f.message.is_empty()),
                "{}",
                form.id
            );
        }
    }
}

#[test]
fn a_wrong_type_is_reported_on_its_field() {
    let tlv = form("rsv-breda-vo/tlv-vso");
    let mut doc = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    doc.answers.insert("bsn".into(), json!(111222333));
    let findings = validate(tlv, &doc, today());
    assert_eq!(findings.len(), 1, "{findings:#?}");
    assert_eq!(
        (findings[0].code.as_str(), findings[0].path.as_str()),
        ("wrong-type", "/answers/bsn")
    );
    assert_eq!(findings[0].severity, Severity::Fout);
}

#[test]
fn broken_json_and_huge_documents_are_clear_errors() {
    let err = Document::from_json("{\"form\": ").expect_err("broken");
    assert!(err.message_nl().contains("regel 1"), "{}", err.message_nl());
    let huge = format!(
        "{{\"form\":\"x\",\"form_version\":\"1\",\"answers\":{{\"a\":\"{}\"}}}}",
        "x".repeat(3 * 1024 * 1024)
    );
    assert!(matches!(
        Document::from_json(&huge),
        Err(aanvraagwijzer::DocumentError::TooLarge { .. })
    ));
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    assert!(Document::from_json(&deep).is_err());
    assert!(matches!(
        Document::from_json("[1,2]"),
        Err(aanvraagwijzer::DocumentError::Shape { .. })
    ));
}
