//! Choice (radios), yes/no (radios) and multi-choice (checkboxes), each a
//! fieldset whose legend is the question.

use aanvraagwijzer::{has_blocking, Field};
use leptos::prelude::*;
use serde_json::Value;

use super::findings::{findings_block, why_block};
use super::{described_by, hint_view, label_text};
use crate::answers::{self, AnswerPath, DomId};
use crate::state::FormState;

/// The options of a choice, multi-choice or yes/no field as (value, label, hint).
fn options_of(field: &Field) -> Vec<(String, String, Option<String>)> {
    field
        .kind
        .options()
        .unwrap_or_default()
        .iter()
        .map(|o| (o.value.clone(), o.label.clone(), o.hint.clone()))
        .collect()
}

/// The hint under one option, tied to its input with `aria-describedby`.
fn option_hint(option_id: &str, hint: Option<String>) -> impl IntoView {
    hint.map(|text| {
        view! {
            <div class="utrecht-form-field-description aw-option__hint" id=format!("{option_id}-hint")>
                {text}
            </div>
        }
    })
}

/// A fieldset around options, with legend, hint and findings.
fn group(
    state: FormState,
    field: &'static Field,
    path: &AnswerPath,
    options: impl Fn(Signal<bool>) -> AnyView,
) -> impl IntoView {
    let id = path.dom_id();
    let at = path.clone();
    let shown = state.shown_at(&at);
    let invalid = Signal::derive(move || shown.with(|f| has_blocking(f)));
    let has_hint = field.hint.is_some();
    let describedby = {
        let id = id.clone();
        Signal::derive(move || described_by(&id, has_hint, shown.with(|f| !f.is_empty())))
    };
    let findings_id = format!("{id}-fout");
    view! {
        <fieldset
            class=move || {
                if invalid.get() {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--invalid aw-group"
                } else {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset aw-group"
                }
            }
            id=id.clone()
            aria-describedby=move || describedby.get()
        >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {label_text(field)}
            </legend>
            {hint_view(&id, field.hint.clone())}
            {move || findings_block(findings_id.clone(), shown.get())}
            {options(invalid)}
            {move || why_block(state.form, shown.get())}
        </fieldset>
    }
}

/// One option of several (choice, yes/no) as radio buttons.
pub fn radio_group(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let current = {
        let path = path.clone();
        Memo::new(move |_| state.answers.with(|a| answers::text(a, &path)))
    };
    let id = path.dom_id();
    let options = options_of(field);
    let path_for_options = path.clone();
    group(state, field, &path, move |invalid| {
        options
            .iter()
            .enumerate()
            .map(|(i, (value, label, hint))| {
                let option_id = format!("{id}-optie-{i}");
                let hint_id = hint.as_ref().map(|_| format!("{option_id}-hint"));
                let checked_value = value.clone();
                let set_value = value.clone();
                let path = path_for_options.clone();
                view! {
                    <div class="utrecht-form-field utrecht-form-field--radio aw-option">
                        <input
                            type="radio"
                            class="utrecht-radio-button utrecht-radio-button--html-input"
                            id=option_id.clone()
                            name=id.clone()
                            value=value.clone()
                            aria-invalid=move || invalid.get().then_some("true")
                            aria-describedby=hint_id
                            prop:checked=move || current.with(|c| *c == checked_value)
                            on:change=move |_| {
                                state.set(&path, Value::String(set_value.clone()));
                                state.touch(&path);
                            }
                        />
                        <label class="utrecht-form-label utrecht-form-label--radio" for=option_id.clone()>
                            {label.clone()}
                        </label>
                        {option_hint(&option_id, hint.clone())}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    })
}

/// Any number of options (multi-choice) as checkboxes; the answer is the
/// array of chosen values.
pub fn checkbox_group(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let id = path.dom_id();
    let options = options_of(field);
    let path_for_options = path.clone();
    group(state, field, &path, move |invalid| {
        options
            .iter()
            .enumerate()
            .map(|(i, (value, label, hint))| {
                let option_id = format!("{id}-optie-{i}");
                let hint_id = hint.as_ref().map(|_| format!("{option_id}-hint"));
                let value = value.clone();
                let path = path_for_options.clone();
                let checked = {
                    let path = path.clone();
                    let value = value.clone();
                    Memo::new(move |_| state.answers.with(|a| answers::has_choice(a, &path, &value)))
                };
                view! {
                    <div class="utrecht-form-field utrecht-form-field--checkbox aw-option">
                        <input
                            type="checkbox"
                            class="utrecht-checkbox utrecht-checkbox--html-input"
                            id=option_id.clone()
                            name=id.clone()
                            value=value.clone()
                            aria-invalid=move || invalid.get().then_some("true")
                            aria-describedby=hint_id
                            prop:checked=move || checked.get()
                            on:change=move |ev| {
                                let on = event_target_checked(&ev);
                                state.update_answers(|a| answers::set_choice(a, &path, &value, on));
                                state.touch(&path);
                            }
                        />
                        <label class="utrecht-form-label utrecht-form-label--checkbox" for=option_id.clone()>
                            {label.clone()}
                        </label>
                        {option_hint(&option_id, hint.clone())}
                    </div>
                }
            })
            .collect_view()
            .into_any()
    })
}
