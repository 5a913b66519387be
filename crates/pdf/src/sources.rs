//! The closing section: criteria, sources, the form's choices and the checksum.

use aanvraagwijzer::validate::{rule_outcomes, RuleOutcome};
use aanvraagwijzer::{field_applies, notes_that_apply, section_applies, Document, Form, Verdict};
use chrono::{NaiveDate, NaiveDateTime};

use crate::layout::{Flow, Style, BLACK};
use crate::text::Face;
use crate::{date_time_nl, heading, Options, BODY, INDENT, LABEL, SMALL};

pub(crate) fn sources(
    f: &mut Flow,
    form: &Form,
    doc: &Document,
    verdict: &Verdict,
    made: NaiveDateTime,
    options: &Options,
) {
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
    // The checksum comes before the lists of sources and choices, so it is
    // never alone on a last page, apart from what it vouches for.
    if let Some(hash) = &options.document_sha256 {
        f.ensure(6.0 + LABEL.leading + 8.5 * 1.3 + 3.0 * SMALL.leading);
        f.gap(6.0);
        f.paragraph("Controlegetal van aanvraag.json (SHA-256):", LABEL, 0.0);
        f.paragraph(hash, Style::new(Face::Regular, 8.5, BLACK), 0.0);
        f.paragraph(
            "Dit getal hoort bij het bestand aanvraag.json in hetzelfde pakket. Verandert er iets aan de antwoorden, dan klopt het getal niet meer; aanvraagwijzer verify controleert dat.",
            SMALL,
            0.0,
        );
    }
    let mut seen: Vec<(&str, &str)> = Vec::new();
    for key in applicable_sources(form, doc, made.date()) {
        if let Some(s) = form.sources.get(key) {
            if !seen.contains(&(s.document.as_str(), s.section.as_str())) {
                seen.push((&s.document, &s.section));
            }
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
    // Only the choices that bear on this request: a Berséba TLV for
    // category 7 explains the IQ bands of category 7, not those of all eight.
    let notes = notes_that_apply(form, doc, made.date());
    if !notes.is_empty() {
        f.gap(6.0);
        f.paragraph("Keuzes in dit formulier:", LABEL, 0.0);
        for n in notes {
            f.bullet(n, BODY, INDENT);
        }
    }
}

/// The source keys of what applies to this request, in form order: the
/// fields and sections shown (with their inherited source) and the rules that
/// were checked. A Berséba TLV for category 7 lists category 7's passages, not
/// those of all eight (the same applicability the validation uses).
fn applicable_sources<'a>(form: &'a Form, doc: &Document, today: NaiveDate) -> Vec<&'a str> {
    let mut keys = Vec::new();
    let mut add = |k: Option<&'a str>| {
        if let Some(k) = k {
            if !keys.contains(&k) {
                keys.push(k);
            }
        }
    };
    for section in &form.sections {
        if !section_applies(form, doc, today, &section.id) {
            continue;
        }
        let inherited = section.source.as_deref().or(form.source.as_deref());
        for field in &section.fields {
            if field_applies(form, doc, today, &field.id) {
                add(field.source.as_deref().or(inherited));
            }
        }
    }
    let outcomes = rule_outcomes(form, doc, today);
    for rule in &form.rules {
        let checked = outcomes
            .iter()
            .any(|(id, o)| *id == rule.id && *o != RuleOutcome::NotApplicable);
        if checked {
            add(Some(rule.source.as_str()));
        }
    }
    keys
}
