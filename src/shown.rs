//! An answer as people read it back ("Controleer uw antwoorden"): choices by
//! their label, composite answers part by part, lists per item. The document
//! keeps the stored values; this is only how they are shown.

use serde_json::Value;

use crate::capitalise;
use crate::definition::{Field, FieldKind, Part, CONFIRMATIONS_KEY};
use crate::validate::is_answered;

/// One block of a shown answer: a list item has a heading ("Doel 2").
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShownItem {
    /// "Doel 2" for the second item of a list; `None` outside lists.
    pub heading: Option<String>,
    /// The lines of the answer, in the form's order.
    pub lines: Vec<String>,
}

/// The answer of `field` as lines to read back; empty when nothing was
/// answered (the site shows "Niet ingevuld").
pub fn shown_answer(field: &Field, value: Option<&Value>) -> Vec<ShownItem> {
    if !is_answered(value) {
        return Vec::new();
    }
    let Some(value) = value else {
        return Vec::new();
    };
    match &field.kind {
        FieldKind::List {
            fields, item_label, ..
        } => value
            .as_array()
            .map(|items| {
                items
                    .iter()
                    .enumerate()
                    .map(|(i, item)| ShownItem {
                        heading: Some(format!("{} {}", capitalise(item_label), i + 1)),
                        lines: fields
                            .iter()
                            .map(|sub| {
                                let lines = plain_lines(sub, item.get(&sub.id));
                                let text = if lines.is_empty() {
                                    "Niet ingevuld".to_owned()
                                } else {
                                    lines.join(", ")
                                };
                                format!("{}: {text}", sub.label)
                            })
                            .collect(),
                    })
                    .collect()
            })
            .unwrap_or_default(),
        _ => vec![ShownItem {
            heading: None,
            lines: plain_lines(field, Some(value)),
        }],
    }
}

/// The lines of an answer that is not a list.
fn plain_lines(field: &Field, value: Option<&Value>) -> Vec<String> {
    let Some(value) = value.filter(|v| is_answered(Some(v))) else {
        return Vec::new();
    };
    let label_of = |v: &str| {
        field
            .kind
            .options()
            .and_then(|opts| opts.iter().find(|o| o.value == v))
            .map_or_else(|| v.to_owned(), |o| o.label.clone())
    };
    match (&field.kind, value) {
        (FieldKind::Choice { .. } | FieldKind::YesNo, Value::String(s)) => vec![label_of(s)],
        (FieldKind::MultiChoice { .. }, Value::Array(chosen)) => chosen
            .iter()
            .filter_map(Value::as_str)
            .map(label_of)
            .collect(),
        (FieldKind::Attachment { confirmations, .. }, Value::Object(map)) => {
            let mut lines = parts(field.kind.parts(), map);
            let ticked = map.get(CONFIRMATIONS_KEY).and_then(Value::as_array);
            for (i, text) in confirmations.iter().enumerate() {
                let on = ticked
                    .and_then(|t| t.get(i))
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                let mark = if on { "Aangevinkt" } else { "Niet aangevinkt" };
                lines.push(format!("{mark}: {text}"));
            }
            lines
        }
        (_, Value::Object(map)) => parts(field.kind.parts(), map),
        (_, Value::String(s)) => vec![s.trim().to_owned()],
        (_, other) => vec![other.to_string()],
    }
}

/// "Naam: J. Jansen", one line per filled part.
fn parts(parts: &[Part], map: &serde_json::Map<String, Value>) -> Vec<String> {
    parts
        .iter()
        .filter_map(|p| {
            let text = map.get(p.key()).and_then(Value::as_str)?.trim();
            let label = p.label().trim_end_matches(" (niet verplicht)");
            (!text.is_empty()).then(|| format!("{label}: {text}"))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn field(kind: FieldKind) -> Field {
        Field {
            id: "x".into(),
            label: "Vraag".into(),
            hint: None,
            kind,
            required: false,
            recommended: false,
            when: None,
            source: None,
            missing_message: None,
        }
    }

    fn lines(f: &Field, v: Value) -> Vec<String> {
        shown_answer(f, Some(&v))
            .into_iter()
            .flat_map(|i| i.heading.into_iter().chain(i.lines))
            .collect()
    }

    #[test]
    fn choices_show_their_labels_and_empty_shows_nothing() {
        assert_eq!(lines(&field(FieldKind::YesNo), json!("ja")), ["Ja"]);
        let opts = crate::catalog::find_form("rsv-breda-po/opp")
            .and_then(|f| f.fields().find(|f| f.id == "groep"))
            .cloned()
            .expect("groep");
        assert_eq!(lines(&opts, json!("6")), ["Groep 6"]);
        assert!(shown_answer(&opts, Some(&json!(" "))).is_empty());
        assert!(shown_answer(&opts, None).is_empty());
    }

    #[test]
    fn composites_and_lists_show_part_by_part() {
        let sig = field(FieldKind::Person);
        assert_eq!(
            lines(&sig, json!({"naam": "J. Jansen", "functie": ""})),
            ["Naam: J. Jansen"]
        );
        let list = field(FieldKind::List {
            fields: vec![field(FieldKind::YesNo)],
            min_items: None,
            max_items: None,
            item_label: "doel".into(),
        });
        assert_eq!(
            lines(&list, json!([{"x": "nee"}, {}])),
            ["Doel 1", "Vraag: Nee", "Doel 2", "Vraag: Niet ingevuld"]
        );
    }
}
