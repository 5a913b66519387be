//! The signature section: a block with lines to sign on for each signatory.

use aanvraagwijzer::definition::FieldKind;
use aanvraagwijzer::{field_applies, Document, Form};

use crate::answers::text_of;
use crate::layout::{fit, Flow, CONTENT_W, GRAY, MARGIN_X};
use crate::text::{encode, Face};
use crate::{heading, BODY, H2, SMALL};

/// A signatory block: who, name, function, date, a line to sign on.
struct Block {
    title: String,
    rows: Vec<(String, Option<String>)>,
}

fn mentions_parents(s: &str) -> bool {
    s.to_lowercase().contains("ouder")
}

pub(crate) fn signatures(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate) {
    let mut blocks = Vec::new();
    let mut parents_sign = false;
    for field in form.fields() {
        if !matches!(field.kind, FieldKind::Signature)
            || !field_applies(form, doc, today, &field.id)
        {
            continue;
        }
        let v = doc.answers.get(&field.id);
        let part = |k: &str| text_of(v.and_then(|v| v.get(k)));
        let parent = mentions_parents(&field.id) || mentions_parents(&field.label);
        parents_sign |= parent;
        blocks.push(Block {
            title: if parent {
                format!("Ouder(s)/verzorger(s): {}", field.label)
            } else {
                field.label.clone()
            },
            rows: vec![
                ("Naam".into(), part("naam")),
                (
                    if parent {
                        "Relatie tot de leerling"
                    } else {
                        "Functie"
                    }
                    .into(),
                    part("functie"),
                ),
                ("Datum".into(), part("datum")),
            ],
        });
    }
    // Forms whose texts say parents sign, without a signature field of their own.
    let says_parents_sign = form.fields().any(|fl| {
        let mut texts = vec![fl.label.as_str()];
        texts.extend(fl.hint.as_deref());
        if let FieldKind::Attachment { confirmations } = &fl.kind {
            texts.extend(confirmations.iter().map(String::as_str));
        }
        texts
            .iter()
            .any(|t| mentions_parents(t) && t.to_lowercase().contains("tekend"))
    });
    if !parents_sign && says_parents_sign {
        for n in 1..=2 {
            blocks.push(Block {
                title: format!("Ouder(s)/verzorger(s): ouder of verzorger {n}"),
                rows: vec![
                    ("Naam".into(), None),
                    ("Relatie tot de leerling".into(), None),
                    ("Datum".into(), None),
                ],
            });
        }
    }
    if blocks.is_empty() {
        return;
    }
    heading(f, "Ondertekening");
    f.paragraph(
        "Wie tekent, verklaart de aanvraag te hebben gelezen. Vul met de hand in wat nog leeg is.",
        SMALL,
        0.0,
    );
    let label_w = 120.0;
    let line_end = MARGIN_X + CONTENT_W * 0.75;
    for b in blocks {
        let row_h = 20.0;
        let h = H2.leading + (b.rows.len() as f32 + 1.5) * row_h + 10.0;
        f.ensure(h);
        f.gap(10.0);
        f.paragraph(&b.title, H2, 0.0);
        for (label, value) in b
            .rows
            .iter()
            .map(|(l, v)| (l.as_str(), v.clone()))
            .chain(std::iter::once(("Handtekening", None)))
        {
            let extra = if label == "Handtekening" { 16.0 } else { 0.0 };
            f.gap(row_h + extra);
            let base = f.y;
            f.text_at(MARGIN_X, base + 2.0, encode(&format!("{label}:")), BODY);
            f.line(MARGIN_X + label_w, base, line_end, base, 0.5, GRAY);
            if let Some(v) = value {
                let text = fit(
                    &encode(&v),
                    Face::Regular,
                    10.0,
                    line_end - MARGIN_X - label_w - 4.0,
                );
                f.text_at(MARGIN_X + label_w + 2.0, base + 2.5, text, BODY);
            }
        }
    }
}
