//! The PDF summary of a request, for people: what parents read and sign, what
//! goes to the SWV next to the JSON.
//!
//! A4, an embedded subset of DejaVu Sans (see `font`): names in Latin, Greek,
//! Cyrillic, Hebrew and Arabic script print as typed and extract as text;
//! characters the font lacks get a stand-in (and a warning from `validate`,
//! `aanvraagwijzer::printable`). Every page has a
//! header, a footer with "pagina x van y" and, while blocking findings remain,
//! a CONCEPT marking.
//!
//! Output is deterministic: the same inputs give the same bytes.

#![warn(missing_docs)]

mod answers;
mod findings;
mod font;
mod layout;
mod signatures;
mod sources;
pub mod text;
mod writer;

use aanvraagwijzer::{applicable_answers, field_applies, section_applies, Document, Form, Verdict};
use chrono::{Datelike, NaiveDateTime, Timelike};

use layout::{Flow, Role, Style, BLACK, BLUE, GRAY, GREEN, LIGHT, MARGIN_X, RED};
use text::Face;

pub use font::{fonts_ready, use_fonts, FontError};

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

pub(crate) const TITLE: Style = Style::new(Face::Bold, 17.0, BLACK);
pub(crate) const SUBTITLE: Style = Style::new(Face::Regular, 12.0, BLACK);
pub(crate) const H1: Style = Style::new(Face::Bold, 13.0, BLUE);
pub(crate) const H2: Style = Style::new(Face::Bold, 10.5, BLACK);
pub(crate) const LABEL: Style = Style::new(Face::Bold, 9.5, BLACK);
pub(crate) const BODY: Style = Style::new(Face::Regular, 10.0, BLACK);
pub(crate) const EMPTY: Style = Style::new(Face::Regular, 10.0, GRAY);
pub(crate) const SMALL: Style = Style::new(Face::Regular, 8.5, GRAY);
pub(crate) const INDENT: f32 = 12.0;

/// The pupil's name as people write it ("Lotte de Vries"), from the
/// `voornamen` and `achternaam` answers every single-pupil form asks;
/// `None` for forms about a group. The surname is asked as "Vries, de".
pub fn pupil_name(doc: &Document) -> Option<String> {
    let text = |k: &str| {
        doc.answers
            .get(k)
            .and_then(serde_json::Value::as_str)
            .map(str::trim)
            .filter(|s| !s.is_empty())
    };
    let surname = text("achternaam")?;
    let surname = match surname.split_once(',') {
        Some((last, prefix)) if !prefix.trim().is_empty() => {
            format!("{} {}", prefix.trim(), last.trim())
        }
        _ => surname.trim_end_matches(',').to_owned(),
    };
    Some(match text("roepnaam").or_else(|| text("voornamen")) {
        Some(first) => format!("{first} {surname}"),
        None => surname,
    })
}

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
    f.within(Role::H1, |f| f.paragraph(&form.title, TITLE, 0.0));
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
            answers::field_block(&mut f, form, doc, today, field);
        }
    }

    answers::attachments(&mut f, form, doc);
    answers::budget(&mut f, form, doc, today);
    findings::findings(&mut f, form, verdict);
    signatures::signatures(&mut f, form, doc, today);
    sources::sources(&mut f, form, doc, verdict, made, options);

    let pupil = pupil_name(doc);
    writer::write_pdf(
        form,
        verdict,
        made,
        options,
        pupil.as_deref(),
        f.pages,
        &f.nodes,
    )
}

pub(crate) fn date_time_nl(t: NaiveDateTime) -> String {
    format!(
        "{:02}-{:02}-{} om {:02}:{:02}",
        t.day(),
        t.month(),
        t.year(),
        t.hour(),
        t.minute()
    )
}

pub(crate) fn heading(f: &mut Flow, title: &str) {
    // Keep a heading with at least three lines of what follows.
    f.ensure(H1.leading + 14.0 + 3.0 * BODY.leading);
    f.gap(14.0);
    f.within(Role::H2, |f| f.paragraph(title, H1, 0.0));
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
