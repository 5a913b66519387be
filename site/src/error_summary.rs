//! The GOV.UK error summary of a section page or the check page: a box at the
//! top of the form that takes focus and links to each field.
//!
//! Once shown it stays true: it follows the findings as the user fixes them,
//! so a fixed error leaves the list at once. Errors and warnings are two
//! lists, errors first. On a section page it lists that section's findings
//! and its links focus the field on the page; on the check page it lists all
//! findings and its links open the field's section page (`across_pages`).

use aanvraagwijzer::{capitalise, has_blocking, FieldKind, Finding, Form, Severity};
use leptos::prelude::*;

use crate::answers::{dom_id_for_pointer, AnswerPath};
use crate::focus;
use crate::route::Route;
use crate::widgets::findings::severity_prefix;

/// The id the check button moves focus to.
pub const RESULT_ID: &str = "controle-resultaat";

/// The check result; nothing before the first check, live after it.
#[component]
pub fn ErrorSummary(
    #[prop(into)] shown: Signal<bool>,
    #[prop(into)] findings: Signal<Vec<Finding>>,
    form: &'static Form,
    /// Links go to the field's section page instead of within this page.
    #[prop(optional)]
    across_pages: bool,
) -> impl IntoView {
    move || {
        shown
            .get()
            .then(|| result_box(form, findings.get(), across_pages))
    }
}

fn result_box(form: &'static Form, findings: Vec<Finding>, across_pages: bool) -> AnyView {
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
            // A section page speaks for its own questions only.
            if across_pages {
                "De aanvraag kan zo worden ingestuurd. Lees deze punten wel even na."
            } else {
                "Dit onderdeel heeft geen fouten. Lees deze punten wel even na."
            },
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
            .map(|f| summary_item(form, f, across_pages))
            .collect_view();
        view! {
            {heading}
            <ul class="utrecht-unordered-list aw-result__list aw-result__list--warnings">{items}</ul>
        }
    });
    let error_list = (!errors.is_empty()).then(|| {
        let items = errors
            .into_iter()
            .map(|f| summary_item(form, f, across_pages))
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
fn summary_item(form: &Form, finding: Finding, across_pages: bool) -> impl IntoView {
    let text = format!(
        "{} {}{}",
        severity_prefix(finding.severity),
        item_prefix(form, &finding.path),
        finding.message
    );
    let section = finding.field_id().and_then(|id| {
        form.sections
            .iter()
            .find(|s| s.fields.iter().any(|f| f.id == id))
    });
    match (dom_id_for_pointer(&finding.path), section) {
        (Some(id), Some(section)) if across_pages => {
            // A plain link: the section page opens and focuses the field.
            let href = Route::href_section(&form.id, &section.id, Some(&id));
            view! {
                <li>
                    <a class="utrecht-link utrecht-link--html-a" href=href>{text}</a>
                </li>
            }
            .into_any()
        }
        (Some(id), _) => {
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
        _ => view! { <li>{text}</li> }.into_any(),
    }
}
