//! The result of "Controleer aanvraag" (GOV.UK error summary): a box at the
//! top of the form that takes focus and links to each field.
//!
//! Once shown it stays true: it follows the findings as the user fixes them,
//! so a fixed error leaves the list at once. Errors and warnings are two
//! lists, errors first.

use aanvraagwijzer::{capitalise, has_blocking, FieldKind, Finding, Form, Severity};
use leptos::prelude::*;

use crate::answers::{dom_id_for_pointer, AnswerPath};
use crate::focus;
use crate::widgets::findings::severity_prefix;

/// The id the check button moves focus to.
pub const RESULT_ID: &str = "controle-resultaat";

/// The check result; nothing before the first check, live after it.
#[component]
pub fn ErrorSummary(
    shown: RwSignal<bool>,
    findings: Memo<Vec<Finding>>,
    form: &'static Form,
) -> impl IntoView {
    move || shown.get().then(|| result_box(form, findings.get()))
}

fn result_box(form: &'static Form, findings: Vec<Finding>) -> AnyView {
    if findings.is_empty() {
        return view! {
            <div class="utrecht-alert utrecht-alert--ok aw-result" id=RESULT_ID tabindex="-1" role="status">
                <div class="utrecht-alert__content">
                    <h2 class="utrecht-heading-2">"Geen problemen gevonden"</h2>
                    <p class="utrecht-paragraph">
                        "De aanvraag is compleet volgens de regels van het samenwerkingsverband. "
                        "Download de aanvraag onderaan deze pagina. "
                        {form.submission_text()}
                        {form.signing.as_ref().map(|s| format!(" {}", s.text))}
                    </p>
                </div>
            </div>
        }
        .into_any();
    }
    let blocking = has_blocking(&findings);
    let (class, heading, intro) = if blocking {
        (
            "utrecht-alert utrecht-alert--error aw-result",
            "Er zijn problemen",
            "Pas deze punten aan. Anders neemt het samenwerkingsverband de aanvraag niet in behandeling.",
        )
    } else {
        (
            "utrecht-alert utrecht-alert--warning aw-result",
            "Geen fouten, wel punten om na te lopen",
            "De aanvraag kan zo worden ingestuurd. Lees deze punten wel even na.",
        )
    };
    // Errors in one list, warnings and tips in their own, each in form order.
    let (errors, others): (Vec<Finding>, Vec<Finding>) = findings
        .into_iter()
        .partition(|f| f.severity == Severity::Fout);
    let other_list = (!others.is_empty()).then(|| {
        let heading = if blocking {
            Some(view! { <h3 class="utrecht-heading-3 aw-result__subheading">"Lees deze punten ook na"</h3> })
        } else {
            None
        };
        let items = others
            .into_iter()
            .map(|f| summary_item(form, f))
            .collect_view();
        view! {
            {heading}
            <ul class="utrecht-unordered-list aw-result__list aw-result__list--warnings">{items}</ul>
        }
    });
    let error_list = (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|f| summary_item(form, f))
            .collect_view();
        view! { <ul class="utrecht-unordered-list aw-result__list aw-result__list--errors">{items}</ul> }
    });
    view! {
        <div class=class id=RESULT_ID tabindex="-1" role="alert" aria-labelledby="controle-resultaat-titel">
            <div class="utrecht-alert__content">
                <h2 class="utrecht-heading-2" id="controle-resultaat-titel">{heading}</h2>
                <p class="utrecht-paragraph">{intro}</p>
                {error_list}
                {other_list}
            </div>
        </div>
    }
    .into_any()
}

/// "Doel 2: " for a finding inside the second item of the list `doelen`;
/// empty for findings outside a repeated group.
fn item_prefix(form: &Form, pointer: &str) -> String {
    let Some(path) = AnswerPath::parse(pointer) else {
        return String::new();
    };
    let Some((list_id, index)) = path.list_item() else {
        return String::new();
    };
    let label = form.fields().find_map(|f| match &f.kind {
        FieldKind::List { item_label, .. } if f.id == list_id => Some(item_label.as_str()),
        _ => None,
    });
    match label {
        Some(label) => format!("{} {}: ", capitalise(label), index + 1),
        None => String::new(),
    }
}

/// One line: a link that moves focus to the field, when there is one.
fn summary_item(form: &Form, finding: Finding) -> impl IntoView {
    let text = format!(
        "{} {}{}",
        severity_prefix(finding.severity),
        item_prefix(form, &finding.path),
        finding.message
    );
    match dom_id_for_pointer(&finding.path) {
        Some(id) => {
            let href = format!("#{id}");
            view! {
                <li>
                    <a
                        class="utrecht-link utrecht-link--html-a"
                        href=href
                        on:click=move |ev| {
                            // The hash is the route here: move focus instead.
                            ev.prevent_default();
                            focus::focus_field(&id);
                        }
                    >
                        {text}
                    </a>
                </li>
            }
            .into_any()
        }
        None => view! { <li>{text}</li> }.into_any(),
    }
}
