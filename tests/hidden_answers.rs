//! A field that does not apply never produces a finding (issue 8 §2).
//!
//! The site keeps the answer of a field the user hid by changing an earlier
//! answer (so switching back restores it). Such answers must change nothing:
//! not the findings, not the rule outcomes, not the budget summary. The
//! property test fills every non-applicable field of every fixture with junk
//! and plausible-but-wrong values; the focused tests reproduce the cases that
//! blocked real requests.

mod support;

use aanvraagwijzer::validate::rule_outcomes;
use aanvraagwijzer::{
    applicable_answers, field_applies, forms, item_field_applies, summary, validate, Document,
    Field, FieldKind, Form,
};
use serde_json::{json, Map, Value};
use support::{fixtures_of, form, has, today, with};

/// A small deterministic PRNG (SplitMix64): reproducible junk without a dependency.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
}

/// Something a user could have typed in this field before hiding it, or junk
/// a hand-edited file could hold.
fn junk(rng: &mut Rng, field: &Field, depth: usize) -> Value {
    let plausible: Vec<Value> = match &field.kind {
        FieldKind::Choice { options } => options.iter().map(|o| json!(o.value)).collect(),
        FieldKind::MultiChoice { options } => options
            .iter()
            .map(|o| json!([o.value, "onbekende-optie"]))
            .collect(),
        FieldKind::YesNo => vec![json!("ja"), json!("nee")],
        FieldKind::Date { .. } => vec![json!("01-01-2000"), json!("31-02-2025"), json!("morgen")],
        FieldKind::Number { .. } | FieldKind::Money { .. } => {
            vec![json!("50"), json!("-3"), json!("99999999"), json!("12,345")]
        }
        FieldKind::Bsn => vec![json!("123456789"), json!("111222333")],
        FieldKind::Postcode => vec![json!("1234 ß"), json!("0000 AA")],
        FieldKind::Brin => vec![json!("ZZ99")],
        FieldKind::Person | FieldKind::Signature { .. } => {
            vec![json!({"naam": "", "functie": "leerkracht", "datum": "01-01-3000"})]
        }
        FieldKind::Attachment { .. } => vec![json!({"bestandsnaam": "", "bevestigd": [false]})],
        FieldKind::List { fields, .. } if depth < 2 => {
            let items = (0..1 + rng.below(3))
                .map(|_| {
                    let mut item = Map::new();
                    for sub in fields {
                        item.insert(sub.id.clone(), junk(rng, sub, depth + 1));
                    }
                    Value::Object(item)
                })
                .collect();
            vec![Value::Array(items), json!(["geen object"])]
        }
        _ => vec![json!("x".repeat(5000)), json!("dyslexie")],
    };
    let wild = [
        json!(null),
        json!(""),
        json!(42),
        json!(-1.5),
        json!(true),
        json!({"a": {"b": [1, 2]}}),
        json!([[], {}, "x"]),
        json!("€ 1.000.000,00"),
        json!("ja"),
    ];
    if rng.below(3) == 0 {
        wild[rng.below(wild.len())].clone()
    } else {
        plausible
            .get(rng.below(plausible.len().max(1)))
            .cloned()
            .unwrap_or_else(|| wild[rng.below(wild.len())].clone())
    }
}

/// A copy of the document with junk in every field that does not apply
/// (top-level fields and sub-fields of items of lists that apply). Returns the
/// document and how many answers were planted.
fn with_junk(form: &Form, doc: &Document, rng: &mut Rng) -> (Document, usize) {
    let mut out = doc.clone();
    let mut planted = 0;
    for field in form.fields() {
        if !field_applies(form, doc, today(), &field.id) {
            out.answers.insert(field.id.clone(), junk(rng, field, 0));
            planted += 1;
            continue;
        }
        let FieldKind::List { fields, .. } = &field.kind else {
            continue;
        };
        let count = doc
            .answers
            .get(&field.id)
            .and_then(Value::as_array)
            .map_or(0, Vec::len);
        for i in 0..count {
            for sub in fields {
                if item_field_applies(form, doc, today(), &field.id, i, &sub.id) {
                    continue;
                }
                let value = junk(rng, sub, 1);
                if let Some(item) = out
                    .answers
                    .get_mut(&field.id)
                    .and_then(|v| v.get_mut(i))
                    .and_then(Value::as_object_mut)
                {
                    item.insert(sub.id.clone(), value);
                    planted += 1;
                }
            }
        }
    }
    (out, planted)
}

#[test]
fn junk_in_fields_that_do_not_apply_changes_no_finding() {
    let mut rng = Rng(0x5EED_0008);
    let mut checked = 0;
    let mut planted_total = 0;
    for form in forms() {
        for fx in fixtures_of(&form.id) {
            let place = format!("{}/{}", form.id, fx.name);
            let findings = validate(form, &fx.doc, today());
            let outcomes = rule_outcomes(form, &fx.doc, today());
            let lines = summary(form, &fx.doc, today());
            for round in 0..8 {
                let (junked, planted) = with_junk(form, &fx.doc, &mut rng);
                if planted == 0 {
                    break;
                }
                planted_total += planted;
                checked += 1;
                assert_eq!(
                    validate(form, &junked, today()),
                    findings,
                    "{place} (round {round}): hidden answers changed the findings; document: {}",
                    serde_json::to_string(&junked.answers).unwrap_or_default()
                );
                assert_eq!(
                    rule_outcomes(form, &junked, today()),
                    outcomes,
                    "{place} (round {round}): hidden answers changed a rule's outcome"
                );
                assert_eq!(
                    summary(form, &junked, today()),
                    lines,
                    "{place} (round {round}): hidden answers changed the summary"
                );
                let (minimised, _) = applicable_answers(form, &junked, today());
                let (original, _) = applicable_answers(form, &fx.doc, today());
                assert_eq!(
                    minimised.answers, original.answers,
                    "{place} (round {round}): the package would carry hidden answers"
                );
            }
        }
    }
    eprintln!("{checked} documents with junk in hidden fields, {planted_total} junk answers");
    // The test means something only when fixtures do have hidden fields.
    assert!(checked > 100, "only {checked} junked documents checked");
    assert!(
        planted_total > 1000,
        "only {planted_total} junk answers planted"
    );
}

const DAAN: &str = "valid-2a-daan-jonger-dan-7.json";

#[test]
fn applicable_answers_counts_and_removes_only_hidden_answers() {
    let id = "berseba/tlv-sbo-so";
    let f = form(id);
    let doc = with(
        id,
        DAAN,
        &[
            ("/schoolervaring", json!("nee")),
            ("/overig_notitie", json!("niet in het formulier")),
        ],
    );
    let (kept, hidden) = applicable_answers(f, &doc, today());
    // Daan's IQ (84) and the other answers about school experience were typed
    // while he had school experience; every removed answer is counted.
    assert!(!kept.answers.contains_key("totaal_iq"));
    assert!(hidden >= 1);
    assert_eq!(kept.answers.len() + hidden, doc.answers.len());
    for key in kept.answers.keys() {
        assert!(
            key == "overig_notitie" || field_applies(f, &doc, today(), key),
            "{key} does not apply but was kept"
        );
    }
    for key in doc
        .answers
        .keys()
        .filter(|k| !kept.answers.contains_key(*k))
    {
        assert!(
            !field_applies(f, &doc, today(), key),
            "{key} applies but was removed"
        );
    }
    // An unknown key is not a hidden field: it stays (and gives its own tip).
    assert!(kept.answers.contains_key("overig_notitie"));
    assert_eq!(validate(f, &kept, today()), validate(f, &doc, today()));
}

#[test]
fn berseba_tlv_2a_without_school_experience_ignores_an_earlier_iq() {
    let id = "berseba/tlv-sbo-so";
    let without = with(
        id,
        DAAN,
        &[
            ("/schoolervaring", json!("nee")),
            ("/totaal_iq", json!(null)),
        ],
    );
    let earlier = with(
        id,
        DAAN,
        &[
            ("/schoolervaring", json!("nee")),
            ("/totaal_iq", json!("50")),
        ],
    );
    assert!(!field_applies(form(id), &earlier, today(), "totaal_iq"));
    let findings = validate(form(id), &earlier, today());
    assert!(
        !has(&findings, "rule:iq-niet-lager-dan-55", "/answers/totaal_iq"),
        "{findings:#?}"
    );
    assert_eq!(findings, validate(form(id), &without, today()));
    // The same IQ where the field applies (with school experience) still blocks.
    let shown = with(id, DAAN, &[("/totaal_iq", json!("50"))]);
    assert!(has(
        &validate(form(id), &shown, today()),
        "rule:iq-niet-lager-dan-55",
        "/answers/totaal_iq"
    ));
}

#[test]
fn berseba_hb_medium_ignores_earlier_medical_answers() {
    let id = "berseba/extra-ondersteuning";
    let name = "valid-hb-medium-ezra.json";
    let doc = with(
        id,
        name,
        &[
            ("/diagnose_vastgesteld", json!("nee")),
            ("/verzuim_door_ziekte", json!("nee")),
        ],
    );
    assert!(!field_applies(
        form(id),
        &doc,
        today(),
        "diagnose_vastgesteld"
    ));
    let findings = validate(form(id), &doc, today());
    assert!(findings.is_empty(), "{findings:#?}");
    let (kept, hidden) = applicable_answers(form(id), &doc, today());
    assert_eq!(hidden, 2);
    assert_eq!(
        kept.answers,
        support::fixture(&format!("{id}/{name}")).answers
    );
    // The same answers for a medical medium request still block.
    let medisch = with(
        id,
        "valid-medisch-medium-noor.json",
        &[
            ("/diagnose_vastgesteld", json!("nee")),
            ("/verzuim_door_ziekte", json!("nee")),
        ],
    );
    assert!(has(
        &validate(form(id), &medisch, today()),
        "rule:medisch-diagnose-of-verzuim",
        "/answers/diagnose_vastgesteld"
    ));
}

#[test]
fn de_meierij_doen_groep_ignores_an_earlier_looptijd() {
    let id = "de-meierij/groepsarrangement";
    // 01-12-2026 to 30-06-2027 would be too long for "short".
    let doc = with(
        id,
        "valid-doen-groep-aanvullend.json",
        &[("/looptijd", json!("short"))],
    );
    assert!(!field_applies(form(id), &doc, today(), "looptijd"));
    let findings = validate(form(id), &doc, today());
    assert!(findings.is_empty(), "{findings:#?}");
    let outcomes = rule_outcomes(form(id), &doc, today());
    assert!(outcomes
        .iter()
        .filter(|(r, _)| r.starts_with("short"))
        .all(|(_, o)| *o == aanvraagwijzer::validate::RuleOutcome::NotApplicable));
}
