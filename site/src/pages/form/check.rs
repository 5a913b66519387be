//! "Controleer uw antwoorden" (GOV.UK check answers): every finding at the
//! top, every answer per section as the user sees it with a "Wijzig" link to
//! that question, then the budget and the package to download.

use aanvraagwijzer::shown::shown_answer;
use aanvraagwijzer::{applicable_answers, field_applies, section_applies, Field, Section};
use leptos::prelude::*;

use super::{back_to_overview, BudgetSummary};
use crate::answers::{AnswerPath, DomId};
use crate::error_summary::ErrorSummary;
use crate::route::Route;
use crate::state::FormState;

/// The check page.
#[component]
pub fn CheckPage(state: FormState) -> impl IntoView {
    let form = state.form;
    // Arriving here is "checking": every finding shows beside its field from
    // now on, on every page.
    Effect::new(move |_| state.checked.set(true));
    let sections = move || {
        let doc = state.document.get();
        let (effective, _) = applicable_answers(form, &doc, state.today);
        form.sections
            .iter()
            .filter(|s| section_applies(form, &doc, state.today, &s.id))
            .map(|section| {
                let rows = section
                    .fields
                    .iter()
                    .filter(|f| field_applies(form, &doc, state.today, &f.id))
                    .map(|field| answer_row(&form.id, section, field, effective.answers.get(&field.id)))
                    .collect_view();
                // Not "controle-…": a section may be called "resultaat" (RESULT_ID).
                let heading_id = format!("antwoorden-{}", section.id);
                view! {
                    <section class="aw-check-section" aria-labelledby=heading_id.clone()>
                        <h2 class="utrecht-heading-2" id=heading_id.clone()>{section.title.clone()}</h2>
                        <dl class="aw-summary-list">{rows}</dl>
                    </section>
                }
            })
            .collect_view()
    };
    view! {
        <p class="utrecht-pre-heading">{form.title.clone()}</p>
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">"Controleer uw antwoorden"</h1>
        <ErrorSummary shown=Signal::stored(true) findings=state.findings form=form across_pages=true/>
        <p class="utrecht-paragraph">
            "Kijk uw antwoorden na. Met \"Wijzig\" past u een antwoord aan. Onderaan deze pagina downloadt u de aanvraag."
        </p>
        {sections}
        <BudgetSummary state=state/>
        <p class="utrecht-paragraph">{back_to_overview(form)}</p>
        // The package box follows (see `FormPage`).
    }
}

/// One row: the question, the answer as shown, and "Wijzig <vraag>".
fn answer_row(
    form_id: &str,
    section: &Section,
    field: &'static Field,
    value: Option<&serde_json::Value>,
) -> impl IntoView {
    let dom_id = AnswerPath::field(&field.id).dom_id();
    let href = Route::href_section(form_id, &section.id, Some(&dom_id));
    let items = shown_answer(field, value);
    let answer = if items.is_empty() {
        view! { <span class="aw-summary-list__empty">"Niet ingevuld"</span> }.into_any()
    } else {
        items
            .into_iter()
            .map(|item| {
                view! {
                    {item.heading.map(|h| view! { <p class="aw-summary-list__item">{h}</p> })}
                    <ul class="aw-summary-list__lines">
                        {item.lines.into_iter().map(|l| view! { <li>{l}</li> }).collect_view()}
                    </ul>
                }
            })
            .collect_view()
            .into_any()
    };
    view! {
        <div class="aw-summary-list__row" data-field=field.id.clone()>
            <dt class="aw-summary-list__key">{field.label.clone()}</dt>
            <dd class="aw-summary-list__value">{answer}</dd>
            <dd class="aw-summary-list__actions">
                <a class="utrecht-link utrecht-link--html-a" href=href>
                    "Wijzig"
                    <span class="aw-visually-hidden">{format!(" {}", field.label)}</span>
                </a>
            </dd>
        </div>
    }
}
