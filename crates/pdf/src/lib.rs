//! The PDF summary of a request, for people: what parents read and sign, what
//! goes to the SWV next to the JSON.
//!
//! A4, the built-in Helvetica with WinAnsiEncoding (no font files, so the wasm
//! module stays small): Dutch diacritics and the euro sign render and extract
//! as text; characters WinAnsi lacks get a readable stand-in. Every page has a
//! header, a footer with "pagina x van y" and, while blocking findings remain,
//! a CONCEPT marking.
//!
//! Output is deterministic: the same inputs give the same bytes.

#![warn(missing_docs)]

mod layout;
mod metrics;
pub mod text;

use aanvraagwijzer::definition::{Field, FieldKind, Part, CONFIRMATIONS_KEY, NO, YES};
use aanvraagwijzer::numbers::{format_euro, parse_decimal_nl};
use aanvraagwijzer::{
    applicable_answers, field_applies, item_field_applies, section_applies, summary, Document,
    Form, Severity, Verdict,
};
use chrono::{Datelike, NaiveDateTime, Timelike};
use pdf_writer::{Content, Date, Finish, Name, Pdf, Rect, Ref, Str, TextStr};
use serde_json::Value;

use layout::{
    fit, Color, Flow, Op, Style, BLACK, BLUE, BOTTOM, CONTENT_W, GRAY, GREEN, LIGHT, MARGIN_X,
    PAGE_H, PAGE_W, RED,
};
use text::{encode, width_bytes, Face};

/// Extra inputs for [`render_with`].
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// A line that ties the PDF to its package (see `aanvraagwijzer_package::pdf_tie`):
    /// written into the PDF's metadata as-is, and its hash shown in the closing section.
    pub tie: Option<String>,
    /// The SHA-256 of aanvraag.json, shown to people in the closing section.
    pub document_sha256: Option<String>,
}

/// Renders the summary of `doc` with its `verdict`, made at `made` (local time).
pub fn render(form: &Form, doc: &Document, verdict: &Verdict, made: NaiveDateTime) -> Vec<u8> {
    render_with(form, doc, verdict, made, &Options::default())
}

const TITLE: Style = Style::new(Face::Bold, 17.0, BLACK);
const SUBTITLE: Style = Style::new(Face::Regular, 12.0, BLACK);
const H1: Style = Style::new(Face::Bold, 13.0, BLUE);
const H2: Style = Style::new(Face::Bold, 10.5, BLACK);
const LABEL: Style = Style::new(Face::Bold, 9.5, BLACK);
const BODY: Style = Style::new(Face::Regular, 10.0, BLACK);
const EMPTY: Style = Style::new(Face::Regular, 10.0, GRAY);
const SMALL: Style = Style::new(Face::Regular, 8.5, GRAY);
const INDENT: f32 = 12.0;

/// Renders the summary with [`Options`].
pub fn render_with(
    form: &Form,
    doc: &Document,
    verdict: &Verdict,
    made: NaiveDateTime,
    options: &Options,
) -> Vec<u8> {
    let today = made.date();
    // Answers to fields that do not apply never appear, whatever the caller
    // passes (a package passes the minimised document already).
    let (doc, _) = applicable_answers(form, doc, today);
    let doc = &doc;
    let mut f = Flow::new();

    // Title block.
    f.paragraph(&form.title, TITLE, 0.0);
    f.gap(2.0);
    f.paragraph(&form.swv_name, SUBTITLE, 0.0);
    f.paragraph(
        &format!("Samenvatting gemaakt op {}.", date_time_nl(made)),
        SMALL,
        0.0,
    );
    f.gap(10.0);
    status_box(&mut f, verdict);

    // The answers, section by section.
    for section in &form.sections {
        if !section_applies(form, doc, today, &section.id) {
            continue;
        }
        heading(&mut f, &section.title);
        for field in &section.fields {
            if !field_applies(form, doc, today, &field.id) {
                continue;
            }
            field_block(&mut f, form, doc, today, field);
        }
    }

    budget(&mut f, form, doc, today);
    findings(&mut f, form, verdict);
    signatures(&mut f, form, doc, today);
    sources(&mut f, form, verdict, made, options);

    write_pdf(form, verdict, made, options, f.pages)
}

fn date_time_nl(t: NaiveDateTime) -> String {
    format!(
        "{:02}-{:02}-{} om {:02}:{:02}",
        t.day(),
        t.month(),
        t.year(),
        t.hour(),
        t.minute()
    )
}

fn heading(f: &mut Flow, title: &str) {
    // Keep a heading with at least three lines of what follows.
    f.ensure(H1.leading + 14.0 + 3.0 * BODY.leading);
    f.gap(14.0);
    f.paragraph(title, H1, 0.0);
    f.gap(3.0);
    f.rule(LIGHT);
    f.gap(4.0);
}

fn status_box(f: &mut Flow, verdict: &Verdict) {
    let (color, title) = if verdict.valid {
        (GREEN, "Compleet volgens de criteria".to_owned())
    } else {
        (
            RED,
            "CONCEPT: deze aanvraag is nog niet compleet".to_owned(),
        )
    };
    let body = format!(
        "{} {}.",
        verdict.headline_nl(),
        verdict.progress.message_nl()
    );
    let indent = 10.0;
    let h = H2.leading + f.lines(&body, BODY, indent) as f32 * BODY.leading + 8.0;
    f.ensure(h);
    let top = f.y;
    f.gap(4.0);
    f.paragraph(&title, Style::new(Face::Bold, 10.5, color), indent);
    f.paragraph(&body, BODY, indent);
    f.gap(4.0);
    let bottom = f.y;
    f.rect(MARGIN_X, bottom, 3.0, top - bottom, color);
}

/// One question with its answer.
fn field_block(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate, field: &Field) {
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

fn text_of(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_owned()),
        Value::Number(n) => Some(n.to_string()),
        Value::Bool(b) => Some(if *b { YES } else { NO }.into()),
        _ => None,
    }
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
        FieldKind::Number { unit, .. } => {
            let raw = text_of(Some(value))?;
            vec![match unit {
                Some(u) => format!("{raw} {u}"),
                None => raw,
            }]
        }
        FieldKind::Person | FieldKind::Signature => {
            let part = |p: Part| text_of(value.get(p.key()));
            let mut out = Vec::new();
            if let Some(n) = part(Part::Naam) {
                out.push(n);
            }
            if let Some(fu) = part(Part::Functie) {
                out.push(fu);
            }
            if let Some(d) = part(Part::Datum) {
                out.push(format!("getekend op {d}"));
            }
            if out.is_empty() {
                return None;
            }
            vec![out.join(", ")]
        }
        FieldKind::Attachment { confirmations } => {
            let mut out = Vec::new();
            if let Some(n) = text_of(value.get(Part::Bestandsnaam.key())) {
                out.push(format!("Bestand: {n}"));
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

fn budget(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate) {
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

fn findings(f: &mut Flow, form: &Form, verdict: &Verdict) {
    heading(f, "Wat nog ontbreekt of aandacht vraagt");
    if verdict.findings.is_empty() {
        f.paragraph(
            &format!(
                "Niets: de aanvraag is compleet volgens de criteria van {}.",
                form.swv_name
            ),
            BODY,
            0.0,
        );
        return;
    }
    let groups = [
        (Severity::Fout, "Moet nog worden opgelost (fout)", RED),
        (
            Severity::Waarschuwing,
            "Let op (waarschuwing)",
            Color(0.6, 0.35, 0.0),
        ),
        (Severity::Tip, "Tip", GRAY),
    ];
    for (severity, title, color) in groups {
        let items: Vec<_> = verdict
            .findings
            .iter()
            .filter(|x| x.severity == severity)
            .collect();
        if items.is_empty() {
            continue;
        }
        f.ensure(H2.leading + 2.0 * BODY.leading);
        f.gap(6.0);
        f.paragraph(
            &format!("{title}: {}", items.len()),
            Style::new(Face::Bold, 10.5, color),
            0.0,
        );
        for finding in items {
            f.ensure(3.0 * BODY.leading);
            f.gap(3.0);
            f.bullet(&form.pointer_label(&finding.path), LABEL, 0.0);
            f.paragraph(&finding.message, BODY, INDENT);
            if let Some(s) = &finding.source {
                f.paragraph(&format!("Bron: {}", s.citation()), SMALL, INDENT);
            }
        }
    }
}

/// A signatory block: who, name, function, date, a line to sign on.
struct Block {
    title: String,
    rows: Vec<(String, Option<String>)>,
}

fn mentions_parents(s: &str) -> bool {
    s.to_lowercase().contains("ouder")
}

fn signatures(f: &mut Flow, form: &Form, doc: &Document, today: chrono::NaiveDate) {
    let mut blocks = Vec::new();
    let mut parents_sign = false;
    for field in form.fields() {
        if !matches!(field.kind, FieldKind::Signature)
            || !field_applies(form, doc, today, &field.id)
        {
            continue;
        }
        let v = doc.answers.get(&field.id);
        let part = |p: Part| text_of(v.and_then(|v| v.get(p.key())));
        let parent = mentions_parents(&field.id) || mentions_parents(&field.label);
        parents_sign |= parent;
        blocks.push(Block {
            title: if parent {
                format!("Ouder(s)/verzorger(s): {}", field.label)
            } else {
                field.label.clone()
            },
            rows: vec![
                ("Naam".into(), part(Part::Naam)),
                (
                    if parent {
                        "Relatie tot de leerling"
                    } else {
                        "Functie"
                    }
                    .into(),
                    part(Part::Functie),
                ),
                ("Datum".into(), part(Part::Datum)),
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
                let bytes = fit(
                    &encode(&v),
                    Face::Regular,
                    10.0,
                    line_end - MARGIN_X - label_w - 4.0,
                );
                f.text_at(MARGIN_X + label_w + 2.0, base + 2.5, bytes, BODY);
            }
        }
    }
}

fn sources(f: &mut Flow, form: &Form, verdict: &Verdict, made: NaiveDateTime, options: &Options) {
    heading(f, "Criteria en bronnen");
    f.paragraph(
        &format!(
            "Deze samenvatting is gemaakt op {} met Aanvraagwijzer {} en de criteria van {} voor het formulier “{}”. De bevindingen gelden voor {}. Welke versie van het formulier is gebruikt, staat in het pakket.",
            date_time_nl(made),
            verdict.core_version,
            form.swv_name,
            form.title,
            verdict.checked_on
        ),
        BODY,
        0.0,
    );
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for s in form.sources.values() {
        if !seen.contains(&(s.document.as_str(), s.section.as_str())) {
            seen.push((&s.document, &s.section));
        }
    }
    if !seen.is_empty() {
        f.gap(6.0);
        f.paragraph("De criteria komen uit:", LABEL, 0.0);
        for (document, section) in seen {
            f.bullet(
                &format!("{}, {section}", form.document_title(document)),
                BODY,
                INDENT,
            );
        }
    }
    if !form.notes.is_empty() {
        f.gap(6.0);
        f.paragraph("Keuzes in dit formulier:", LABEL, 0.0);
        for n in &form.notes {
            f.bullet(n, BODY, INDENT);
        }
    }
    if let Some(hash) = &options.document_sha256 {
        f.gap(6.0);
        f.paragraph("Controlegetal van aanvraag.json (SHA-256):", LABEL, 0.0);
        f.paragraph(hash, Style::new(Face::Regular, 8.5, BLACK), 0.0);
        f.paragraph(
            "Dit getal hoort bij het bestand aanvraag.json in hetzelfde pakket. Verandert er iets aan de antwoorden, dan klopt het getal niet meer; aanvraagwijzer verify controleert dat.",
            SMALL,
            0.0,
        );
    }
}

/// Header, footer and CONCEPT marking around each page's content, then the PDF.
fn write_pdf(
    form: &Form,
    verdict: &Verdict,
    made: NaiveDateTime,
    options: &Options,
    pages: Vec<Vec<Op>>,
) -> Vec<u8> {
    let total = pages.len();
    let catalog_id = Ref::new(1);
    let tree_id = Ref::new(2);
    let regular_id = Ref::new(3);
    let bold_id = Ref::new(4);
    let info_id = Ref::new(5);
    let first_page = 6;
    let page_ids: Vec<Ref> = (0..total)
        .map(|i| Ref::new(first_page + 2 * i as i32))
        .collect();

    let mut pdf = Pdf::new();
    pdf.set_version(1, 7);
    pdf.catalog(catalog_id)
        .pages(tree_id)
        .lang(TextStr("nl-NL"));
    pdf.pages(tree_id)
        .kids(page_ids.iter().copied())
        .count(total as i32);
    pdf.type1_font(regular_id)
        .base_font(Name(b"Helvetica"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    pdf.type1_font(bold_id)
        .base_font(Name(b"Helvetica-Bold"))
        .encoding_predefined(Name(b"WinAnsiEncoding"));
    {
        let mut info = pdf.document_info(info_id);
        info.title(TextStr(&format!("Samenvatting: {}", form.title)));
        info.author(TextStr(&form.swv_name));
        info.creator(TextStr("Aanvraagwijzer"));
        info.producer(TextStr("Aanvraagwijzer (pdf-writer)"));
        info.creation_date(
            Date::new(made.year().clamp(0, 9999) as u16)
                .month(made.month() as u8)
                .day(made.day() as u8)
                .hour(made.hour() as u8)
                .minute(made.minute() as u8)
                .second(made.second() as u8),
        );
        if let Some(tie) = &options.tie {
            info.keywords(TextStr(tie));
        }
    }

    let header = encode(&format!("{} – {}", form.swv_name, form.title));
    let footer = encode(&format!("Gemaakt op {}", date_time_nl(made)));
    for (i, ops) in pages.into_iter().enumerate() {
        let mut all = Vec::new();
        if !verdict.valid {
            all.push(Op::Diagonal {
                x: 150.0,
                y: 250.0,
                size: 110.0,
                color: Color(0.93, 0.93, 0.93),
                bytes: b"CONCEPT".to_vec(),
            });
        }
        let top = PAGE_H - 40.0;
        let concept = encode("CONCEPT – niet compleet");
        let concept_w = width_bytes(&concept, Face::Bold, 8.5);
        let header_room = if verdict.valid {
            CONTENT_W
        } else {
            CONTENT_W - concept_w - 12.0
        };
        all.push(Op::Text {
            x: MARGIN_X,
            y: top,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            bytes: fit(&header, Face::Regular, 8.5, header_room),
        });
        if !verdict.valid {
            all.push(Op::Text {
                x: MARGIN_X + CONTENT_W - concept_w,
                y: top,
                face: Face::Bold,
                size: 8.5,
                color: RED,
                bytes: concept,
            });
        }
        all.push(Op::Line {
            x1: MARGIN_X,
            y1: top - 5.0,
            x2: MARGIN_X + CONTENT_W,
            y2: top - 5.0,
            width: 0.5,
            color: LIGHT,
        });
        all.extend(ops);
        let bottom = BOTTOM - 30.0;
        let page_no = encode(&format!("pagina {} van {}", i + 1, total));
        let page_w = width_bytes(&page_no, Face::Regular, 8.5);
        all.push(Op::Line {
            x1: MARGIN_X,
            y1: bottom + 11.0,
            x2: MARGIN_X + CONTENT_W,
            y2: bottom + 11.0,
            width: 0.5,
            color: LIGHT,
        });
        all.push(Op::Text {
            x: MARGIN_X,
            y: bottom,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            bytes: fit(&footer, Face::Regular, 8.5, CONTENT_W - page_w - 12.0),
        });
        all.push(Op::Text {
            x: MARGIN_X + CONTENT_W - page_w,
            y: bottom,
            face: Face::Regular,
            size: 8.5,
            color: GRAY,
            bytes: page_no,
        });

        let content_id = Ref::new(page_ids[i].get() + 1);
        let data = content(&all);
        let mut page = pdf.page(page_ids[i]);
        page.parent(tree_id)
            .media_box(Rect::new(0.0, 0.0, PAGE_W, PAGE_H))
            .contents(content_id);
        page.resources()
            .fonts()
            .pair(Name(b"F1"), regular_id)
            .pair(Name(b"F2"), bold_id);
        page.finish();
        pdf.stream(content_id, &data);
    }
    pdf.finish()
}

fn content(ops: &[Op]) -> Vec<u8> {
    let mut c = Content::new();
    for op in ops {
        match op {
            Op::Text {
                x,
                y,
                face,
                size,
                color,
                bytes,
            } => {
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(font_name(*face), *size);
                c.next_line(*x, *y);
                c.show(Str(bytes));
                c.end_text();
            }
            Op::Diagonal {
                x,
                y,
                size,
                color,
                bytes,
            } => {
                let (s, k) = (
                    std::f32::consts::FRAC_1_SQRT_2,
                    std::f32::consts::FRAC_1_SQRT_2,
                );
                c.set_fill_rgb(color.0, color.1, color.2);
                c.begin_text();
                c.set_font(font_name(Face::Bold), *size);
                c.set_text_matrix([k, s, -s, k, *x, *y]);
                c.show(Str(bytes));
                c.end_text();
            }
            Op::Line {
                x1,
                y1,
                x2,
                y2,
                width,
                color,
            } => {
                c.set_stroke_rgb(color.0, color.1, color.2);
                c.set_line_width(*width);
                c.move_to(*x1, *y1);
                c.line_to(*x2, *y2);
                c.stroke();
            }
            Op::Rect { x, y, w, h, color } => {
                c.set_fill_rgb(color.0, color.1, color.2);
                c.rect(*x, *y, *w, *h);
                c.fill_nonzero();
            }
        }
    }
    c.finish().into_vec()
}

fn font_name(face: Face) -> Name<'static> {
    match face {
        Face::Regular => Name(b"F1"),
        Face::Bold => Name(b"F2"),
    }
}
