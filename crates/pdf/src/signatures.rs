//! The signature section: a block with lines to sign on for each signatory.

use aanvraagwijzer::{field_applies, Document, Form, Part, Signer, SignsFor};

use crate::answers::{date_nl, text_of};
use crate::layout::{fit, Flow, Role, CONTENT_W, GRAY, MARGIN_X};
use crate::text::{encode, Face};
use crate::{heading, BODY, H2, SMALL};

/// A signatory block: who, name, function, date, a line to sign on.
struct Block {
    title: String,
    rows: Vec<(String, Option<String>)>,
}

/// "Deskundige 1", "Ouder of verzorger (voor gezien): Ouders hebben de doelen
/// ondertekend voor gezien": the signer's title, and the label where it adds to it.
fn block_title(signer: Signer, signs_for: Option<SignsFor>, label: &str) -> String {
    let mut title = signer.title_nl().to_owned();
    if let Some(f) = signs_for {
        title.push_str(&format!(" ({})", f.nl()));
    }
    if label
        .to_lowercase()
        .starts_with(&signer.title_nl().to_lowercase())
        && signs_for.is_none()
    {
        label.to_owned()
    } else {
        format!("{title}: {label}")
    }
}

pub(crate) fn signatures(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate) {
    let mut blocks = Vec::new();
    for field in form.fields() {
        let Some((signer, signs_for)) = field.signer() else {
            continue;
        };
        if !field_applies(form, doc, today, &field.id) {
            continue;
        }
        let v = doc.answers.get(&field.id);
        let part = |p: Part| text_of(v.and_then(|v| v.get(p.key())));
        blocks.push(Block {
            title: block_title(signer, signs_for, &field.label),
            rows: vec![
                (Part::Naam.label().into(), part(Part::Naam)),
                (
                    field.part_label(Part::Functie).0.into(),
                    part(Part::Functie),
                ),
                ("Datum".into(), part(Part::Datum).map(|d| date_nl(&d))),
            ],
        });
    }
    if blocks.is_empty() && form.signing.is_none() {
        return;
    }
    heading(f, "Ondertekening");
    // Who signs what, in the SWV's words; only where its document says so.
    if let Some(signing) = &form.signing {
        f.paragraph(&signing.text, BODY, 0.0);
        f.gap(4.0);
    }
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
        f.within(Role::H3, |f| f.paragraph(&b.title, H2, 0.0));
        // Label and value side by side: a table of two columns, the
        // label its row header; the lines to write on are layout.
        f.open(Role::Table);
        for (label, value) in b
            .rows
            .iter()
            .map(|(l, v)| (l.as_str(), v.clone()))
            .chain(std::iter::once(("Handtekening", None)))
        {
            let extra = if label == "Handtekening" { 16.0 } else { 0.0 };
            f.gap(row_h + extra);
            let base = f.y;
            f.open(Role::TR);
            f.within(Role::TH, |f| {
                f.text_at(MARGIN_X, base + 2.0, encode(&format!("{label}:")), BODY);
            });
            f.line(MARGIN_X + label_w, base, line_end, base, 0.5, GRAY);
            f.within(Role::TD, |f| {
                if let Some(v) = value {
                    let text = fit(
                        &encode(&v),
                        Face::Regular,
                        10.0,
                        line_end - MARGIN_X - label_w - 4.0,
                    );
                    f.text_at(MARGIN_X + label_w + 2.0, base + 2.5, text, BODY);
                }
            });
            f.close();
        }
        f.close();
    }
}
