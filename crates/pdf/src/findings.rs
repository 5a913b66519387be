//! What is still missing or needs attention, each finding named by its field.

use aanvraagwijzer::{Form, Severity, Verdict};

use crate::layout::{Color, Flow, Role, Style, GRAY, RED};
use crate::text::Face;
use crate::{heading, BODY, H2, INDENT, LABEL, SMALL};

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
        f.within(Role::H3, |f| {
            f.paragraph(
                &format!("{title}: {}", items.len()),
                Style::new(Face::Bold, 10.5, color),
                0.0,
            );
        });
        for finding in items {
            f.ensure(3.0 * BODY.leading);
            f.gap(3.0);
            // One list item: the field, what is wrong, the source.
            f.item(&form.pointer_label(&finding.path), LABEL, 0.0, |f| {
                f.paragraph(&finding.message, BODY, INDENT);
                if let Some(s) = &finding.source {
                    f.paragraph(&format!("Bron: {}", s.citation()), SMALL, INDENT);
                }
            });
        }
    }
}
