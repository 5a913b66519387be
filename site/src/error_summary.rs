//! The result of "Controleer aanvraag" (GOV.UK error summary): a box at the
//! top of the form that takes focus and links to each field.
//!
//! It shows a snapshot taken at the moment of checking, not a live list: a
//! region that changed on every keystroke would keep interrupting screen
//! reader users. The messages beside the fields do stay live.

use aanvraagwijzer::{has_blocking, Finding, Form, Severity};
use leptos::prelude::*;

use crate::answers::dom_id_for_pointer;
use crate::focus;
use crate::widgets::findings::severity_prefix;

/// The id the check button moves focus to.
pub const RESULT_ID: &str = "controle-resultaat";

/// The check result; nothing before the first check.
#[component]
pub fn ErrorSummary(report: RwSignal<Option<Vec<Finding>>>, form: &'static Form) -> impl IntoView {
    move || report.get().map(|findings| result_box(form, findings))
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
    // Errors first, then warnings and tips, each in form order.
    let mut sorted = findings;
    sorted.sort_by_key(|f| f.severity != Severity::Fout);
    let items = sorted.into_iter().map(summary_item).collect_view();
    view! {
        <div class=class id=RESULT_ID tabindex="-1" role="alert" aria-labelledby="controle-resultaat-titel">
            <div class="utrecht-alert__content">
                <h2 class="utrecht-heading-2" id="controle-resultaat-titel">{heading}</h2>
                <p class="utrecht-paragraph">{intro}</p>
                <ul class="utrecht-unordered-list aw-result__list">{items}</ul>
            </div>
        </div>
    }
    .into_any()
}

/// One line: a link that moves focus to the field, when there is one.
fn summary_item(finding: Finding) -> impl IntoView {
    let text = format!("{} {}", severity_prefix(finding.severity), finding.message);
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
