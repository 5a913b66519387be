//! The closing section: criteria, sources, the form's choices and the checksum.

use aanvraagwijzer::{Form, Verdict};
use chrono::NaiveDateTime;

use crate::layout::{Flow, Style, BLACK};
use crate::text::Face;
use crate::{date_time_nl, heading, Options, BODY, INDENT, LABEL, SMALL};

pub(crate) fn sources(
    f: &mut Flow,
    form: &Form,
    verdict: &Verdict,
    made: NaiveDateTime,
    options: &Options,
) {
    heading(f, "Criteria en bronnen");
    f.paragraph(
        &format!(
            "Deze samenvatting is gemaakt op {} met Aanvraagwijzer {} en de criteria van {}: formulier {}, versie {}. De bevindingen gelden voor {}.",
            date_time_nl(made),
            verdict.core_version,
            form.swv_name,
            form.id,
            form.version,
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
            f.bullet(&format!("{section} ({document})"), BODY, INDENT);
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
