//! Answers are judged, stored and printed in Unicode NFC (issue 11 §1): "Zoë"
//! pasted from a Mac (NFD: "e" + combining diaeresis) is the same name as
//! "Zoë" typed on Windows.

use aanvraagwijzer::{applicable_answers, find_form, validate, Document};
use chrono::NaiveDate;
use serde_json::Value;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("test date")
}

fn fixture(path: &str) -> Document {
    let full = format!("{}/tests/fixtures/{path}", env!("CARGO_MANIFEST_DIR"));
    let text = std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("{full}: {e}"));
    Document::from_json(&text).expect("fixture parses")
}

const NFD: &str = "Zoe\u{308} de Vrie\u{301}s";
const NFC: &str = "Zo\u{eb} de Vri\u{e9}s";

#[test]
fn a_decomposed_name_is_stored_composed_and_judged_the_same() {
    let mut nfd = fixture("rsv-breda-vo/tlv-vso/valid-daan-bakker.json");
    let form = find_form(&nfd.form).expect("form exists");
    let mut nfc = nfd.clone();
    nfd.answers.insert("achternaam".into(), NFD.into());
    nfc.answers.insert("achternaam".into(), NFC.into());

    // What goes into the package (and the PDF) is NFC.
    let (stored, _) = applicable_answers(form, &nfd, today());
    assert_eq!(stored.answers.get("achternaam"), Some(&Value::from(NFC)));
    assert_eq!(stored, applicable_answers(form, &nfc, today()).0);

    // Both spellings get the same findings (none about odd characters).
    let findings = validate(form, &nfd, today());
    assert_eq!(findings, validate(form, &nfc, today()));
    assert!(
        findings.iter().all(|f| f.code != "unprintable"),
        "{findings:?}"
    );

    // The document itself keeps what was typed.
    assert_eq!(nfd.answers.get("achternaam"), Some(&Value::from(NFD)));
}
