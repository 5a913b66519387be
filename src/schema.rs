//! JSON Schema (draft 2020-12) of a form's [`Document`](crate::Document), so an
//! SWV's own systems (Tommy included) can read the answer format.
//!
//! The schema describes the *shape* of the answers: one property per field,
//! the type of each answer, the patterns people may type (dates, BSN, postcode,
//! BRIN, numbers), the options of choice fields and the fields that are always
//! required. It is deliberately no stricter than [`validate`](crate::validate()):
//! every answer the validator accepts without a blocking finding also matches
//! its schema (apart from spaces around choice values, which the site never
//! stores). What a schema cannot say, [`validate`](crate::validate()) checks:
//! conditional fields, the 11-proef, dates in the future, bounds of numbers and
//! the SWV's cross-field rules.

use serde_json::{json, Map, Value};

use crate::definition::{ChoiceOption, Field, FieldKind, Form, Part, CONFIRMATIONS_KEY, SIZE_KEY};
use crate::numbers::format_number;

/// The JSON Schema dialect the generated schemas declare.
pub const DIALECT: &str = "https://json-schema.org/draft/2020-12/schema";

/// A date as people type it: `dd-mm-jjjj`, also with `/`, `.` or spaces, and
/// single-digit days and months, or the month as a Dutch word (see
/// [`crate::dates::parse_date`]).
const DATE: &str = r"[-/. ]*[0-9]{1,2}[-/. ]+(?:[0-9]{1,2}|[A-Za-z]{3,9})[-/. ]+[0-9]{4}[-/. ]*";
/// Nine digits, optionally grouped with spaces, points, dashes and their
/// look-alikes from Word and PDFs (exactly [`crate::ident::DIGIT_GROUP_SEPARATORS`];
/// a test keeps the two in step).
const BSN: &str =
    "[ .\u{00A0}\u{202F}\u{2009}\u{2007}\u{2010}\u{2011}\u{2012}\u{2013}\u{2212}-]*(?:[0-9][ .\u{00A0}\u{202F}\u{2009}\u{2007}\u{2010}\u{2011}\u{2012}\u{2013}\u{2212}-]*){9}";
/// Four digits (not starting with 0) and two letters A-Z (no other letters:
/// the validator refuses "ß" and ligatures), spaces anywhere.
const POSTCODE: &str = r"[1-9]\s*(?:[0-9]\s*){3}[A-Za-z]\s*[A-Za-z]";
/// Two digits, two letters, two digits (the vestiging), spaces anywhere.
const BRIN: &str = r"[0-9]\s*[0-9]\s*[A-Za-z]\s*[A-Za-z]\s*[0-9]\s*[0-9]";
/// A Dutch number or amount: digits with `,` or `.`, optionally `€` and `,-`.
const NUMBER: &str = r"€?[\s0-9.,-]*[0-9][\s0-9.,-]*";

/// The JSON Schema of documents for `form`.
pub fn document_schema(form: &Form) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for section in &form.sections {
        for field in &section.fields {
            let always = section.when.is_none() && always_required(field);
            if always {
                required.push(Value::String(field.id.clone()));
            }
            properties.insert(field.id.clone(), field_schema(field, always));
        }
    }
    let mut answers = json!({
        "type": "object",
        "description": "De antwoorden per veld, met het veld-id als sleutel. Elk antwoord is tekst zoals de gebruiker die typte; samengestelde velden zijn objecten, lijsten zijn arrays. Onbekende sleutels zijn toegestaan, maar leveren een tip op.",
        "properties": properties,
    });
    if !required.is_empty() {
        answers["required"] = Value::Array(required);
    }
    let mut description = format!(
        "Een ingevulde aanvraag voor het formulier \"{}\" van {} (versie {}). Dit schema beschrijft de vorm van de antwoorden; of de aanvraag compleet is, bepaalt de controle van Aanvraagwijzer (POST …/validate).",
        form.title, form.swv_name, form.version
    );
    if let Some(intro) = &form.intro {
        description.push_str("\n\n");
        description.push_str(intro);
    }
    json!({
        "$schema": DIALECT,
        "title": form.title,
        "description": description,
        "type": "object",
        "required": ["form", "form_version"],
        "properties": {
            "form": {
                "title": "Formulier-id",
                "const": form.id,
            },
            "form_version": {
                "title": "Versie van het formulier",
                "description": format!("De versie waarvoor de antwoorden zijn gegeven. Een andere versie dan {} geeft een waarschuwing.", form.version),
                "type": "string",
                "examples": [form.version],
            },
            "answers": answers,
        },
    })
}

/// Required whatever the other answers are: `required` without a condition.
fn always_required(field: &Field) -> bool {
    field.required && field.when.is_none()
}

/// The schema of one field's answer; `must_fill` when an empty answer is
/// always a blocking finding.
fn field_schema(field: &Field, must_fill: bool) -> Value {
    let mut notes: Vec<String> = field.hint.iter().cloned().collect();
    if field.when.is_some() {
        notes.push("Alleen van toepassing onder een voorwaarde van het formulier; anders wordt het antwoord niet gecontroleerd.".into());
    }
    if field.required && !must_fill {
        notes.push("Verplicht wanneer het veld van toepassing is.".into());
    } else if field.recommended {
        notes.push("Aanbevolen: leeg geeft een waarschuwing.".into());
    }
    let mut schema = match &field.kind {
        FieldKind::Text { max_length } => {
            let mut s = text(must_fill);
            if let Some(max) = max_length {
                s["maxLength"] = json!(max);
            }
            s
        }
        FieldKind::LongText {
            max_length,
            min_words,
        } => {
            let mut s = text(must_fill);
            if let Some(max) = max_length {
                s["maxLength"] = json!(max);
            }
            if let Some(words) = min_words {
                notes.push(format!(
                    "Richtlijn: minstens {words} woorden (minder geeft een waarschuwing)."
                ));
            }
            s
        }
        FieldKind::Date { not_in_future } => {
            notes.push("Datum als dd-mm-jjjj.".into());
            if *not_in_future {
                notes.push("Mag niet in de toekomst liggen.".into());
            }
            let mut s = pattern(DATE, must_fill);
            s["examples"] = json!(["03-09-2012"]);
            s
        }
        FieldKind::Choice { options } => choice(options, must_fill),
        FieldKind::MultiChoice { options } => {
            let values: Vec<&str> = options.iter().map(|o| o.value.as_str()).collect();
            notes.push(option_labels(options));
            let mut s = json!({
                "type": nullable("array", must_fill),
                "items": { "enum": values },
            });
            if must_fill {
                s["minItems"] = json!(1);
            }
            s
        }
        FieldKind::YesNo => json!({
            "enum": enum_values(option_values(&field.kind), must_fill),
        }),
        FieldKind::Bsn => {
            notes.push(
                "Burgerservicenummer of onderwijsnummer: 9 cijfers die aan de elfproef voldoen."
                    .into(),
            );
            let mut s = pattern(BSN, must_fill);
            s["examples"] = json!(["111222333"]);
            s
        }
        FieldKind::Postcode => {
            notes.push("4 cijfers en 2 letters, bijvoorbeeld 4811 AB.".into());
            let mut s = pattern(POSTCODE, must_fill);
            s["examples"] = json!(["4811 AB"]);
            s
        }
        FieldKind::Brin => {
            notes.push("BRIN-nummer met vestiging: 2 cijfers, 2 letters, 2 cijfers.".into());
            let mut s = pattern(BRIN, must_fill);
            s["examples"] = json!(["12AB00"]);
            s
        }
        FieldKind::Number {
            min,
            max,
            unit,
            integer,
        } => {
            notes.push(number_note(
                min.map(format_number),
                max.map(format_number),
                *integer,
            ));
            if let Some(unit) = unit {
                notes.push(format!("Eenheid: {unit}."));
            }
            let mut s = pattern(NUMBER, must_fill);
            s["examples"] = json!(["2,5"]);
            s
        }
        FieldKind::Money { max } => {
            notes.push(match max {
                Some(m) => format!(
                    "Bedrag in euro, hoogstens 2 decimalen, hoogstens {}.",
                    crate::numbers::format_euro(*m)
                ),
                None => "Bedrag in euro, hoogstens 2 decimalen.".into(),
            });
            let mut s = pattern(NUMBER, must_fill);
            s["examples"] = json!(["1.250,00"]);
            s
        }
        FieldKind::Person => composite(&field.kind, must_fill),
        FieldKind::Signature { signer, signs_for } => {
            let mut who = format!("Getekend door: {}", signer.name_nl());
            if let Some(f) = signs_for {
                who.push_str(&format!(", {}", f.nl()));
            }
            notes.push(format!("{who}."));
            notes.push("Datum van ondertekening als dd-mm-jjjj.".into());
            let mut s = composite(&field.kind, must_fill);
            s["properties"]["functie"]["title"] = json!(field.part_label(Part::Functie).0);
            s["x-signer"] = json!(signer);
            s
        }
        FieldKind::Attachment { confirmations } => {
            let mut s = composite(&field.kind, must_fill);
            s["properties"][SIZE_KEY] = json!({
                "title": "Grootte in bytes",
                "description": "Wordt ingevuld als het bestand wordt gekozen.",
                "type": ["integer", "null"],
                "minimum": 0,
            });
            if !confirmations.is_empty() {
                let items: Vec<Value> = confirmations
                    .iter()
                    .map(|c| json!({ "title": c, "const": true }))
                    .collect();
                s["properties"][CONFIRMATIONS_KEY] = json!({
                    "title": "Bevestigingen",
                    "description": "Eén vinkje (true) per verklaring, in deze volgorde.",
                    "type": "array",
                    "prefixItems": items,
                    "items": { "type": "boolean" },
                });
            }
            s
        }
        FieldKind::List {
            fields,
            min_items,
            max_items,
            item_label,
        } => list(fields, *min_items, *max_items, item_label, must_fill),
    };
    schema["title"] = json!(field.label);
    if !notes.is_empty() {
        schema["description"] = json!(notes.join(" "));
    }
    schema
}

/// `"string"`, or `["string", "null"]` when the answer may be left empty.
fn nullable(kind: &str, must_fill: bool) -> Value {
    if must_fill {
        json!(kind)
    } else {
        json!([kind, "null"])
    }
}

/// Free text; when it must be filled, at least one character that is not a space.
fn text(must_fill: bool) -> Value {
    if must_fill {
        json!({ "type": "string", "pattern": r"\S" })
    } else {
        json!({ "type": ["string", "null"] })
    }
}

/// Text of a given shape, with spaces around it; blank too unless `must_fill`.
fn pattern(core: &str, must_fill: bool) -> Value {
    let pattern = if must_fill {
        format!(r"^\s*{core}\s*$")
    } else {
        format!(r"^\s*(?:{core})?\s*$")
    };
    json!({ "type": nullable("string", must_fill), "pattern": pattern })
}

fn enum_values<'a>(values: impl Iterator<Item = &'a str>, must_fill: bool) -> Vec<Value> {
    let mut out: Vec<Value> = values.map(|v| json!(v)).collect();
    if !must_fill {
        out.push(json!(""));
        out.push(Value::Null);
    }
    out
}

/// The stored values of a choice or yes/no field.
fn option_values(kind: &FieldKind) -> impl Iterator<Item = &str> {
    kind.options()
        .unwrap_or_default()
        .iter()
        .map(|o| o.value.as_str())
}

fn choice(options: &[ChoiceOption], must_fill: bool) -> Value {
    json!({
        "enum": enum_values(options.iter().map(|o| o.value.as_str()), must_fill),
        "description": option_labels(options),
    })
}

fn option_labels(options: &[ChoiceOption]) -> String {
    let list: Vec<String> = options
        .iter()
        .map(|o| format!("\"{}\" ({})", o.value, o.label))
        .collect();
    format!("Keuzes: {}.", list.join(", "))
}

fn number_note(min: Option<String>, max: Option<String>, integer: bool) -> String {
    let what = if integer { "Geheel getal" } else { "Getal" };
    match (min, max) {
        (Some(a), Some(b)) => format!("{what} van {a} tot en met {b}."),
        (Some(a), None) => format!("{what} van minstens {a}."),
        (None, Some(b)) => format!("{what} van hoogstens {b}."),
        (None, None) => format!("{what}."),
    }
}

/// An object of named text parts (`naam`, `functie`, `datum`…). When it must
/// be filled, the kind's needed parts are required (as the validator demands).
fn composite(kind: &FieldKind, must_fill: bool) -> Value {
    let needed = if must_fill { kind.needed_parts() } else { &[] };
    let mut properties = Map::new();
    for part in kind.parts() {
        let schema = if part.is_date() {
            pattern(DATE, false)
        } else {
            text(needed.contains(part))
        };
        properties.insert(part.key().to_owned(), schema);
    }
    let mut s = json!({
        "type": nullable("object", must_fill),
        "properties": properties,
    });
    if !needed.is_empty() {
        s["required"] = json!(needed.iter().map(|p| p.key()).collect::<Vec<_>>());
    }
    s
}

fn list(
    fields: &[Field],
    min_items: Option<usize>,
    max_items: Option<usize>,
    item_label: &str,
    must_fill: bool,
) -> Value {
    let mut properties = Map::new();
    let mut required = Vec::new();
    for sub in fields {
        let always = always_required(sub);
        if always {
            required.push(json!(sub.id));
        }
        properties.insert(sub.id.clone(), field_schema(sub, always));
    }
    let mut item = json!({
        "type": "object",
        "title": item_label,
        "properties": properties,
    });
    if !required.is_empty() {
        item["required"] = Value::Array(required);
    }
    let mut s = json!({
        "type": nullable("array", must_fill),
        "items": item,
    });
    if let Some(max) = max_items {
        s["maxItems"] = json!(max);
    }
    // An empty list is "not answered": only the required check sees it, so a
    // minimum applies to an empty list only when the list must be filled.
    let min = min_items.unwrap_or(0).max(usize::from(must_fill));
    if min > 0 {
        if must_fill {
            s["minItems"] = json!(min);
        } else {
            s["anyOf"] = json!([{ "maxItems": 0 }, { "minItems": min }]);
        }
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_form_has_a_schema_with_one_property_per_field() {
        for form in crate::forms() {
            let schema = document_schema(form);
            assert_eq!(schema["$schema"], DIALECT);
            assert_eq!(schema["properties"]["form"]["const"], form.id.as_str());
            let props = schema["properties"]["answers"]["properties"]
                .as_object()
                .expect("answers has properties");
            assert_eq!(props.len(), form.fields().count(), "{}", form.id);
            for field in form.fields() {
                assert_eq!(props[&field.id]["title"], field.label.as_str());
            }
        }
    }

    #[test]
    fn the_bsn_pattern_allows_exactly_the_validators_separators() {
        let class = BSN
            .strip_prefix('[')
            .and_then(|s| s.split_once(']'))
            .map(|(class, _)| class)
            .expect("BSN starts with a character class");
        let mut in_pattern: Vec<char> = class.chars().collect();
        let mut in_validator = crate::ident::DIGIT_GROUP_SEPARATORS.to_vec();
        in_pattern.sort_unstable();
        in_validator.sort_unstable();
        assert_eq!(in_pattern, in_validator);
        // The hyphen is last in the class, so it is literal, not a range.
        assert!(class.ends_with('-'));
    }

    #[test]
    fn choice_fields_list_their_values() {
        for form in crate::forms() {
            for field in form.fields() {
                if let FieldKind::Choice { options } = &field.kind {
                    let s = field_schema(field, true);
                    let values = s["enum"].as_array().expect("enum");
                    assert_eq!(values.len(), options.len());
                }
            }
        }
    }
}
