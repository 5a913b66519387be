//! How a finding reads on the page: severity in words and the message above
//! the input (GOV.UK pattern), and after the input a "Waarom?" disclosure with
//! the SWV's own passage, so tabbing from field to field does not stop at it
//! before reaching the input.

use aanvraagwijzer::{has_blocking, Finding, Form, Severity};
use leptos::prelude::*;

/// The word before a message, so severity never depends on colour alone.
pub fn severity_prefix(severity: Severity) -> &'static str {
    match severity {
        Severity::Fout => "Fout:",
        Severity::Waarschuwing => "Let op:",
        Severity::Tip => "Tip:",
    }
}

/// CSS class per severity (colour and icon come on top of the word).
fn severity_class(severity: Severity) -> &'static str {
    match severity {
        Severity::Fout => "aw-finding aw-finding--fout",
        Severity::Waarschuwing => "aw-finding aw-finding--waarschuwing",
        Severity::Tip => "aw-finding aw-finding--tip",
    }
}

/// One finding beside its field.
#[component]
pub fn FindingMessage(finding: Finding) -> impl IntoView {
    view! {
        <div class=severity_class(finding.severity)>
            <p class="aw-finding__message">
                <strong class="aw-finding__severity">{severity_prefix(finding.severity)}</strong>
                " "
                {finding.message}
            </p>
        </div>
    }
}

/// The "Waarom?" disclosure: where a rule comes from, quoted; `document` is
/// the document's own title, never its file name.
#[component]
pub fn Why(document: String, section: String, quote: String) -> impl IntoView {
    view! {
        <details class="aw-why">
            <summary class="aw-why__summary">"Waarom?"</summary>
            <div class="aw-why__body">
                <p class="utrecht-paragraph">
                    "Dit staat in " <cite>{document}</cite> ", " {section} ":"
                </p>
                <blockquote class="utrecht-blockquote utrecht-blockquote--html-blockquote">
                    <p>{quote}</p>
                </blockquote>
            </div>
        </details>
    }
}

/// The findings block of one field or group, with the id `aria-describedby`
/// points at; renders nothing while there is nothing to show.
pub fn findings_block(id: String, findings: Vec<Finding>) -> impl IntoView {
    (!findings.is_empty()).then(|| {
        let blocking = has_blocking(&findings);
        let class = if blocking {
            "utrecht-form-field-error-message aw-findings"
        } else {
            "utrecht-form-field-description utrecht-form-field-description--warning aw-findings"
        };
        view! {
            <div class=class id=id>
                {findings
                    .into_iter()
                    .map(|finding| view! { <FindingMessage finding=finding/> })
                    .collect_view()}
            </div>
        }
    })
}

/// The "Waarom?" disclosures of a field's findings, one per cited passage;
/// placed after the input.
pub fn why_block(form: &'static Form, findings: Vec<Finding>) -> impl IntoView {
    let mut keys: Vec<&str> = Vec::new();
    for f in &findings {
        if let Some(s) = &f.source {
            if !keys.contains(&s.key.as_str()) {
                keys.push(&s.key);
            }
        }
    }
    keys.into_iter()
        .filter_map(|key| {
            let source = form.sources.get(key)?;
            Some(view! {
                <Why document=form.document_title(&source.document).to_owned() section=source.section.clone() quote=source.quote.clone()/>
            })
        })
        .collect_view()
}
