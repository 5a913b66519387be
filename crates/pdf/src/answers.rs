//! The answers as people read them: one block per question, and the budget.

use aanvraagwijzer::attachments::size_nl;
use aanvraagwijzer::dates::{format_date, parse_date};
use aanvraagwijzer::definition::{Field, FieldKind, Part, CONFIRMATIONS_KEY, NO, SIZE_KEY, YES};
use aanvraagwijzer::ident::{parse_brin_vestiging, parse_postcode, parse_pupil_number};
use aanvraagwijzer::numbers::{format_euro, parse_decimal_nl};
use aanvraagwijzer::{attachment_answers, item_field_applies, summary, Document, Form};
use serde_json::Value;

use crate::layout::{Flow, Style, BLACK, GRAY};
use crate::text::Face;
use crate::{heading, BODY, EMPTY, H2, INDENT, LABEL, SMALL};

/// One question with its answer.
pub(crate) fn field_block(
    f: &mut Flow,
    form: &Form,
    doc: &Document,
    today: chrono::NaiveDate,
    field: &Field,
) {
    let value = doc.answers.get(&field.id);
    let lines = answer_lines(field, value);
    f.ensure(LABEL.leading + BODY.leading + 4.0);
    f.gap(4.0);
    f.paragraph(&field.label, LABEL, 0.0);
    match (&field.kind, value) {
        (
            FieldKind::List {
                fields, item_label, ..
            },
            Some(Value::Array(items)),
        ) if !items.is_empty() => {
            for (i, item) in items.iter().enumerate() {
                f.ensure(H2.leading + BODY.leading);
                f.gap(2.0);
                f.paragraph(
                    &format!("{} {}", aanvraagwijzer::capitalise(item_label), i + 1),
                    Style::new(Face::Bold, 9.5, GRAY),
                    INDENT,
                );
                for sub in fields {
                    if !item_field_applies(form, doc, today, &field.id, i, &sub.id) {
                        continue;
                    }
                    let v = item.get(&sub.id);
                    f.paragraph(&sub.label, Style::new(Face::Bold, 9.0, BLACK), 2.0 * INDENT);
                    write_answer(f, answer_lines(sub, v), 2.0 * INDENT);
                }
            }
        }
        _ => write_answer(f, lines, INDENT),
    }
}

fn write_answer(f: &mut Flow, lines: Option<Vec<String>>, indent: f32) {
    match lines {
        Some(lines) => {
            for l in lines {
                match l.strip_prefix("• ") {
                    Some(item) => f.bullet(item, BODY, indent),
                    None => f.paragraph(&l, BODY, indent),
                }
            }
        }
        None => f.paragraph("(niet ingevuld)", EMPTY, indent),
    }
}

pub(crate) fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { YES } else { NO }.into()),
        _ => None,
    }
}

/// A typed date as dd-mm-jjjj; as typed when it cannot be read.
pub(crate) fn date_nl(raw: &str) -> String {
    parse_date(raw).map_or_else(|_| raw.to_owned(), format_date)
}

/// The answer as lines of text for people; `None` when not answered.
fn answer_lines(field: &Field, value: Option<&Value>) -> Option<Vec<String>> {
    let value = value?;
    let lines = match &field.kind {
        FieldKind::Choice { .. } | FieldKind::YesNo => {
            let v = text_of(Some(value))?;
            vec![field
                .kind
                .options()
                .unwrap_or_default()
                .iter()
                .find(|o| o.value == v)
                .map_or(v, |o| o.label.clone())]
        }
        FieldKind::MultiChoice { options } => {
            let Value::Array(items) = value else {
                return text_of(Some(value)).map(|t| vec![t]);
            };
            items
                .iter()
                .filter_map(|i| text_of(Some(i)))
                .map(|v| {
                    let label = options
                        .iter()
                        .find(|o| o.value == v)
                        .map_or(v, |o| o.label.clone());
                    format!("• {label}")
                })
                .collect()
        }
        FieldKind::Money { .. } => {
            let raw = text_of(Some(value))?;
            vec![parse_decimal_nl(&raw, true).map_or(raw, format_euro)]
        }
        // Printed one way whatever way it was typed: dd-mm-jjjj, BSN as nine
        // digits, BRIN and postcode in capitals. An answer the parser refuses is
        // printed as typed (its finding says what is wrong).
        FieldKind::Date { .. } => vec![date_nl(&text_of(Some(value))?)],
        FieldKind::Bsn => {
            let raw = text_of(Some(value))?;
            vec![parse_pupil_number(&raw).map_or(raw, |(digits, _)| digits)]
        }
        FieldKind::Brin => {
            let raw = text_of(Some(value))?;
            vec![parse_brin_vestiging(&raw).unwrap_or(raw)]
        }
        FieldKind::Postcode => {
            let raw = text_of(Some(value))?;
            vec![parse_postcode(&raw).unwrap_or(raw)]
        }
        FieldKind::Number { unit, .. } => {
            let raw = text_of(Some(value))?;
            vec![match unit {
                Some(u) => format!("{raw} {u}"),
                None => raw,
            }]
        }
        FieldKind::Person | FieldKind::Signature { .. } => {
            let part = |p: Part| text_of(value.get(p.key()));
            let mut out = Vec::new();
            if let Some(n) = part(Part::Naam) {
                out.push(n);
            }
            if let Some(fu) = part(Part::Functie) {
                out.push(fu);
            }
            if let Some(d) = part(Part::Datum) {
                out.push(format!("getekend op {}", date_nl(&d)));
            }
            if out.is_empty() {
                return None;
            }
            vec![out.join(", ")]
        }
        FieldKind::Attachment { confirmations } => {
            let mut out = Vec::new();
            if let Some(n) = text_of(value.get(Part::Bestandsnaam.key())) {
                out.push(match value.get(SIZE_KEY).and_then(Value::as_u64) {
                    Some(size) => format!("Bestand: {n} ({})", size_nl(size)),
                    None => format!("Bestand: {n}"),
                });
            }
            if let Some(d) = text_of(value.get(Part::Omschrijving.key())) {
                out.push(d);
            }
            let ticked = value.get(CONFIRMATIONS_KEY).and_then(Value::as_array);
            for (i, c) in confirmations.iter().enumerate() {
                let yes = ticked
                    .and_then(|t| t.get(i))
                    .and_then(Value::as_bool)
                    .unwrap_or(false);
                out.push(format!("{} {c}", if yes { "[x] Ja:" } else { "[  ] Nee:" }));
            }
            if out.is_empty() {
                return None;
            }
            out
        }
        FieldKind::List { .. } => return None,
        _ => vec![match value {
            Value::String(_) | Value::Number(_) | Value::Bool(_) => text_of(Some(value))?,
            Value::Null => return None,
            // A shape the field does not expect: show it as it is.
            other => other.to_string(),
        }],
    };
    if lines.is_empty() {
        None
    } else {
        Some(lines)
    }
}

/// "Bijlagen": every file the answers list, with its size and the question
/// it belongs to. In a package these are exactly the files under bijlagen/
/// (the package refuses to be made otherwise, and `verify` compares them).
pub(crate) fn attachments(f: &mut Flow, form: &Form, doc: &Document) {
    let list = attachment_answers(form, doc);
    if list.is_empty() {
        return;
    }
    heading(f, "Bijlagen");
    f.paragraph(
        "Deze bestanden horen bij de aanvraag en zitten in het pakket, in de map bijlagen:",
        BODY,
        0.0,
    );
    for a in list {
        let size = a
            .size
            .map(|s| format!(", {}", size_nl(s)))
            .unwrap_or_default();
        f.bullet(
            &format!("{}{size} (bij: {})", a.name, a.label),
            BODY,
            INDENT,
        );
    }
}

pub(crate) fn budget(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate) {
    let lines = summary(form, doc, today);
    if lines.is_empty() {
        return;
    }
    heading(f, "Berekening");
    for line in lines {
        f.ensure(2.0 * BODY.leading);
        f.gap(3.0);
        let value = line
            .value
            .unwrap_or_else(|| "nog niet te berekenen".to_owned());
        f.paragraph(&format!("{}: {value}", line.label), BODY, 0.0);
        if let Some(h) = line.hint {
            f.paragraph(&h, SMALL, INDENT);
        }
    }
}
