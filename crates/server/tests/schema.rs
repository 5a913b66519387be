//! The JSON Schema the API serves, checked with a real validator (the
//! `jsonschema` crate, draft 2020-12): it is a valid schema, every complete
//! fixture matches it, and answers of the wrong type do not.

mod common;

use aanvraagwijzer::{find_form, forms};
use common::*;
use serde_json::{json, Value};

async fn served_schema(app: &axum::Router, form_id: &str) -> Value {
    let (status, schema) = json(get(app, &format!("/api/v1/forms/{form_id}/schema")).await).await;
    assert!(status.is_success(), "{form_id}: {status}");
    schema
}

fn validator(schema: &Value) -> jsonschema::Validator {
    jsonschema::draft202012::options()
        .should_validate_formats(true)
        .build(schema)
        .unwrap_or_else(|e| panic!("not a valid 2020-12 schema: {e}"))
}

#[tokio::test]
async fn every_form_schema_is_a_valid_draft_2020_12_schema() {
    let app = app();
    for form in forms() {
        let schema = served_schema(&app, &form.id).await;
        jsonschema::meta::validate(&schema)
            .unwrap_or_else(|e| panic!("{}: schema fails the meta-schema: {e}", form.id));
        let _ = validator(&schema);
    }
}

#[tokio::test]
async fn every_complete_fixture_matches_its_schema() {
    let app = app();
    let mut checked = 0;
    for fx in fixtures().iter().filter(|f| f.is_valid()) {
        let schema = served_schema(&app, &fx.form_id).await;
        let doc: Value = serde_json::from_str(&fx.text).expect("fixture JSON");
        let v = validator(&schema);
        let errors: Vec<String> = v
            .iter_errors(&doc)
            .map(|e| format!("{} at {}", e, e.instance_path()))
            .collect();
        assert!(errors.is_empty(), "{}/{}: {errors:#?}", fx.form_id, fx.name);
        checked += 1;
    }
    assert!(checked >= 3, "only {checked} complete fixtures");
}

#[tokio::test]
async fn wrong_types_and_shapes_fail_the_schema() {
    let app = app();
    let schema = served_schema(&app, "rsv-breda-vo/tlv-vso").await;
    let v = validator(&schema);
    let fixture = fixtures()
        .into_iter()
        .find(|f| f.form_id == "rsv-breda-vo/tlv-vso" && f.is_valid())
        .expect("a complete TLV fixture");
    let good: Value = serde_json::from_str(&fixture.text).expect("JSON");
    assert!(v.is_valid(&good));
    let broken = [
        ("/answers/bsn", json!(111222333)),
        ("/answers/bsn", json!("12345")),
        ("/answers/postcode", json!("0123 AB")),
        ("/answers/brin", json!("12AB")),
        ("/answers/geslacht", json!("anders")),
        ("/answers/geboortedatum", json!("2012-03-14")),
        ("/answers/heeft_beschikking", json!(true)),
        ("/answers/bevoegd_gezag", json!("mr. H.J. van Dijk")),
        ("/answers/achternaam", json!("   ")),
        ("/form", json!("rsv-breda-vo/arrangementsverklaring")),
    ];
    for (pointer, value) in broken {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).expect("pointer exists") = value.clone();
        assert!(
            !v.is_valid(&doc),
            "{pointer} = {value} should fail the schema"
        );
    }
    let mut missing = good.clone();
    missing["answers"]
        .as_object_mut()
        .expect("answers")
        .remove("bsn");
    assert!(
        !v.is_valid(&missing),
        "a required field may not be left out"
    );
}

#[tokio::test]
async fn answers_people_type_in_other_ways_still_match() {
    // The validator accepts these spellings; the schema must too.
    let app = app();
    let schema = served_schema(&app, "rsv-breda-vo/tlv-vso").await;
    let v = validator(&schema);
    let fixture = fixtures()
        .into_iter()
        .find(|f| f.form_id == "rsv-breda-vo/tlv-vso" && f.is_valid())
        .expect("a complete TLV fixture");
    let good: Value = serde_json::from_str(&fixture.text).expect("JSON");
    let form = find_form("rsv-breda-vo/tlv-vso").expect("form");
    for (pointer, value) in [
        ("/answers/bsn", "111.222.333"),
        ("/answers/bsn", " 111 222 333 "),
        ("/answers/postcode", "4814gh"),
        ("/answers/brin", "12 ab 00"),
        ("/answers/geboortedatum", "3-9-2012"),
        ("/answers/geboortedatum", "03/09/2012"),
    ] {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).expect("pointer") = json!(value);
        let parsed = aanvraagwijzer::Document::from_json(&doc.to_string()).expect("doc");
        let findings = aanvraagwijzer::validate(form, &parsed, today());
        assert!(
            !aanvraagwijzer::has_blocking(&findings),
            "{pointer} = {value:?}: the validator accepts it ({findings:?})"
        );
        let errors: Vec<String> = v.iter_errors(&doc).map(|e| e.to_string()).collect();
        assert!(errors.is_empty(), "{pointer} = {value:?}: {errors:?}");
    }
}

#[tokio::test]
async fn schema_and_validator_agree_on_pasted_separators_and_letters() {
    // Pasted from Word or a PDF: no-break, narrow and thin spaces, Unicode
    // hyphens and the en dash between digit groups are accepted by both; a
    // letter outside A-Z (a ligature, ß, an accent) is refused by both.
    let app = app();
    let schema = served_schema(&app, "rsv-breda-vo/tlv-vso").await;
    let v = validator(&schema);
    let fixture = fixtures()
        .into_iter()
        .find(|f| f.form_id == "rsv-breda-vo/tlv-vso" && f.is_valid())
        .expect("a complete TLV fixture");
    let good: Value = serde_json::from_str(&fixture.text).expect("JSON");
    let form = find_form("rsv-breda-vo/tlv-vso").expect("form");
    let cases = [
        ("/answers/bsn", "111\u{00A0}222\u{00A0}333", true),
        ("/answers/bsn", "111\u{202F}222\u{202F}333", true),
        ("/answers/bsn", "111\u{2009}222\u{2009}333", true),
        ("/answers/bsn", "111\u{2013}222\u{2013}333", true),
        ("/answers/bsn", "111\u{2011}222\u{2212}333", true),
        ("/answers/bsn", "111_222_333", false),
        ("/answers/bsn", "111\u{2014}222\u{2014}333", false),
        ("/answers/postcode", "4814\u{00A0}GH", true),
        ("/answers/postcode", "4811 \u{FB06}", false),
        ("/answers/postcode", "1234 ß", false),
        ("/answers/postcode", "4811 ÁB", false),
        ("/answers/brin", "12\u{FB06}00", false),
        ("/answers/brin", "12aß00", false),
    ];
    for (pointer, value, accepted) in cases {
        let mut doc = good.clone();
        *doc.pointer_mut(pointer).expect("pointer") = json!(value);
        let parsed = aanvraagwijzer::Document::from_json(&doc.to_string()).expect("doc");
        let findings = aanvraagwijzer::validate(form, &parsed, today());
        assert_eq!(
            !aanvraagwijzer::has_blocking(&findings),
            accepted,
            "validator on {pointer} = {value:?}: {findings:?}"
        );
        assert_eq!(
            v.is_valid(&doc),
            accepted,
            "schema on {pointer} = {value:?}"
        );
    }
}
