//! What is still missing or needs attention, each finding named by its field.

use aanvraagwijzer::definition::FieldKind;
use aanvraagwijzer::{Form, Severity, Verdict};

use crate::layout::{Color, Flow, Style, GRAY, RED};
use crate::text::Face;
use crate::{heading, BODY, H2, INDENT, LABEL, SMALL};

/// "Burgerservicenummer", "Doelen, doel 2: Omschrijving" for a finding's path.
fn path_label(form: &Form, path: &str) -> String {
    let Some(rest) = path.strip_prefix("/answers/") else {
        return match path {
            "/form" => "Formulier".into(),
            "/form_version" => "Versie van het formulier".into(),
            _ => "Aanvraag".into(),
        };
    };
    let mut parts = rest.split('/');
    let Some(first) = parts.next() else {
        return path.into();
    };
    let Some(field) = form.fields().find(|f| f.id == first) else {
        return first.replace("~1", "/").replace("~0", "~");
    };
    let mut label = field.label.clone();
    let mut current = field;
    while let Some(p) = parts.next() {
        match &current.kind {
            FieldKind::List {
                fields, item_label, ..
            } => {
                if let Ok(i) = p.parse::<usize>() {
                    label.push_str(&format!(", {item_label} {}", i + 1));
                    if let Some(sub) = parts.next() {
                        if let Some(s) = fields.iter().find(|s| s.id == sub) {
                            label.push_str(&format!(": {}", s.label));
                            current = s;
                        }
                    }
                }
            }
            _ => {
                let part = match p {
                    "naam" => "naam",
                    "functie" => "functie",
                    "datum" => "datum",
                    "bestandsnaam" => "bestandsnaam",
                    "omschrijving" => "omschrijving",
                    "bevestigingen" => "bevestigingen",
                    _ => break,
                };
                label.push_str(&format!(" ({part})"));
                break;
            }
        }
    }
    label
}

pub(crate) fn findings(f: &mut Flow, form: &Form, verdict: &Verdict) {
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
            f.bullet(&path_label(form, &finding.path), LABEL, 0.0);
            f.paragraph(&finding.message, BODY, INDENT);
            if let Some(s) = &finding.source {
                f.paragraph(
                    &format!("Bron: {}, {}", s.section, s.document),
                    SMALL,
                    INDENT,
                );
            }
        }
    }
}
