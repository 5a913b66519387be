//! One section on its own page: its fields, the error summary of this
//! section only, "Opslaan en verder" to the next section that applies (or the
//! check page after the last) and a way back to the task list.

use std::collections::BTreeSet;

use aanvraagwijzer::{section_applies, Finding, Section};
use leptos::prelude::*;

use super::added::{added_note, AddedNotes};
use super::back_to_overview;
use crate::answers::AnswerPath;
use crate::error_summary::ErrorSummary;
use crate::route::Route;
use crate::state::FormState;
use crate::takeover::Later;
use crate::widgets::field_view;

/// The page of one section.
#[component]
pub fn SectionPage(
    state: FormState,
    section: &'static Section,
    saved: RwSignal<BTreeSet<String>>,
) -> impl IntoView {
    let form = state.form;
    let today = state.today;
    let applies = state.section_applies(&section.id);
    let findings = Memo::new(move |_| {
        state.findings.with(|all| {
            all.iter()
                .filter(|f| {
                    f.field_id()
                        .is_some_and(|id| section.fields.iter().any(|x| x.id == id))
                })
                .cloned()
                .collect::<Vec<Finding>>()
        })
    });
    let shown = Signal::derive(move || {
        (state.checked.get() || saved.with(|s| s.contains(&section.id)))
            && findings.with(|f| !f.is_empty())
    });
    let notes = AddedNotes::new(state);
    let fields = move || {
        section
            .fields
            .iter()
            .map(|field| {
                let applies = state.field_applies(&field.id);
                // A question per task when the app takes the page over.
                view! {
                    <Later>
                        {field_view(state, field, AnswerPath::field(&field.id), applies)}
                        {added_note(notes, field, applies)}
                    </Later>
                }
            })
            .collect_view()
    };
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        // Every question of the section counts as seen now: its findings show
        // here and in the task list; moving on is never blocked.
        for field in &section.fields {
            state.touch(&AnswerPath::field(&field.id));
        }
        saved.update(|s| {
            s.insert(section.id.clone());
        });
        let next = state.document.with_untracked(|doc| {
            form.sections
                .iter()
                .skip_while(|s| s.id != section.id)
                .skip(1)
                .find(|s| section_applies(form, doc, today, &s.id))
                .map(|s| Route::href_section(&form.id, &s.id, None))
        });
        let href = next.unwrap_or_else(|| Route::href_check(&form.id));
        if let Some(w) = web_sys::window() {
            let _ = w.location().set_hash(&href);
        }
    };
    view! {
        <p class="utrecht-pre-heading">{form.title.clone()}</p>
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">{section.title.clone()}</h1>
        <ErrorSummary shown=shown findings=findings form=form/>
        {section.hint.clone().map(|h| view! { <p class="utrecht-paragraph aw-section__hint">{h}</p> })}
        {move || (!applies.get()).then(|| view! {
            <p class="utrecht-paragraph aw-not-applicable">
                "Dit onderdeel hoeft u niet in te vullen: het geldt niet bij uw eerdere antwoorden."
            </p>
        })}
        <form class="aw-form" data-form=form.id.clone() data-section=section.id.clone() novalidate on:submit=save>
            // Rebuilt only when the section's `when` flips, not while typing.
            <Show when=move || applies.get()>
                <div class="aw-section">{fields()}</div>
            </Show>
            <div class="utrecht-button-group aw-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action">
                    "Opslaan en verder"
                </button>
            </div>
        </form>
        <p class="utrecht-paragraph">{back_to_overview(form)}</p>
    }
}
