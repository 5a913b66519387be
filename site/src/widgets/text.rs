//! One-line and multi-line text inputs: text, long text, date, BSN, postcode,
//! BRIN, number, money, and the parts of composite fields.

use aanvraagwijzer::{has_blocking, Field, FieldKind};
use leptos::prelude::*;

use super::findings::{findings_block, why_block};
use super::{described_by, hint_view, label_text};
use crate::answers::{self, AnswerPath, DomId};
use crate::state::FormState;

/// What differs between the text-like inputs.
pub struct TextSpec {
    /// The visible label (with "(niet verplicht)" where that applies).
    pub label: String,
    /// Help text under the label, tied to the input by `aria-describedby`.
    pub hint: Option<String>,
    /// A textarea instead of a one-line input.
    pub multiline: bool,
    /// `inputmode` for mobile keyboards (numeric, decimal).
    pub inputmode: Option<&'static str>,
    /// Utrecht size modifier, e.g. `utrecht-textbox--postal-code-nl-size`.
    pub size_class: &'static str,
    /// Text after the input, e.g. the unit "uur per week".
    pub suffix: Option<String>,
    /// Text before the input, e.g. "€".
    pub prefix: Option<&'static str>,
}

/// A whole text-like field from its definition.
pub fn field_input(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let prefix = matches!(field.kind, FieldKind::Money { .. }).then_some("€");
    let (inputmode, size_class, suffix, default_hint) = match &field.kind {
        FieldKind::Date { .. } => (
            Some("numeric"),
            "aw-size-date",
            None,
            Some("Typ de datum als dd-mm-jjjj, bijvoorbeeld 03-09-2012."),
        ),
        FieldKind::Bsn => (Some("numeric"), "aw-size-bsn", None, None),
        FieldKind::Postcode => (None, "utrecht-textbox--postal-code-nl-size", None, None),
        FieldKind::Brin => (None, "aw-size-brin", None, None),
        FieldKind::Number { unit, .. } => (Some("decimal"), "aw-size-number", unit.clone(), None),
        FieldKind::Money { .. } => (
            Some("decimal"),
            "aw-size-number",
            None,
            Some("Bedrag in euro, bijvoorbeeld 1250,50."),
        ),
        _ => (None, "", None, None),
    };
    let spec = TextSpec {
        label: label_text(field),
        hint: field
            .hint
            .clone()
            .or_else(|| default_hint.map(str::to_owned)),
        multiline: matches!(field.kind, FieldKind::LongText { .. }),
        inputmode,
        size_class,
        suffix,
        prefix,
    };
    text_control(state, path, spec)
}

/// A labelled text input bound to the answer at `path`.
pub fn text_control(state: FormState, path: AnswerPath, spec: TextSpec) -> impl IntoView {
    crate::focus::listen_to_pointer();
    let form = state.form;
    let id = path.dom_id();
    let at = path.clone();
    let value = {
        let path = path.clone();
        Memo::new(move |_| state.answers.with(|a| answers::text(a, &path)))
    };
    let shown = state.shown_at(&at);
    let invalid = move || shown.with(|f| has_blocking(f));
    let has_hint = spec.hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, shown.with(|f| !f.is_empty()))
    };
    // What the input itself last sent. The answer goes back into the input
    // only when it differs (an opened file, a removed list item), never on
    // the input's own keystroke: re-setting the value would send the whole
    // text to the DOM again on every key.
    let typed = StoredValue::new(String::new());
    let on_input = {
        let path = path.clone();
        move |ev| {
            let text = event_target_value(&ev);
            typed.set_value(text.clone());
            state.type_text(&path, text);
        }
    };
    let textarea = NodeRef::<leptos::html::Textarea>::new();
    let input = NodeRef::<leptos::html::Input>::new();
    Effect::new(move |_| {
        let text = value.get();
        if typed.with_value(|t| *t == text) {
            return;
        }
        typed.set_value(text.clone());
        if let Some(el) = textarea.get_untracked() {
            el.set_value(&text);
        }
        if let Some(el) = input.get_untracked() {
            el.set_value(&text);
        }
    });
    // `change` fires when the user leaves the input after changing it: the
    // moment GOV.UK judges a field. Tabbing through an empty field does not
    // count, so nobody is scolded for a field they have not started.
    let on_change = {
        let path = path.clone();
        // Deferred while a mouse button is down: see `after_pointer_release`.
        move |_| {
            let path = path.clone();
            crate::focus::after_pointer_release(move || state.touch(&path));
        }
    };
    let size_class = spec.size_class;
    let control = if spec.multiline {
        view! {
            <textarea
                class=move || {
                    if invalid() {
                        "utrecht-textarea utrecht-textarea--html-textarea utrecht-textarea--invalid"
                    } else {
                        "utrecht-textarea utrecht-textarea--html-textarea"
                    }
                }
                id=id.clone()
                name=id.clone()
                rows="6"
                aria-describedby=describedby.clone()
                aria-invalid=move || invalid().then_some("true")
                node_ref=textarea
                prop:value=value.get_untracked()
                on:input=on_input
                on:change=on_change
            ></textarea>
        }
        .into_any()
    } else {
        view! {
            <input
                type="text"
                class=move || {
                    let base = "utrecht-textbox utrecht-textbox--html-input";
                    let invalid = if invalid() { " utrecht-textbox--invalid" } else { "" };
                    format!("{base} {size_class}{invalid}")
                }
                id=id.clone()
                name=id.clone()
                inputmode=spec.inputmode
                autocomplete="off"
                spellcheck="false"
                aria-describedby=describedby.clone()
                aria-invalid=move || invalid().then_some("true")
                node_ref=input
                prop:value=value.get_untracked()
                on:input=on_input
                on:change=on_change
            />
        }
        .into_any()
    };
    let findings_id = format!("{id}-fout");
    view! {
        <div class=move || {
            if invalid() {
                "utrecht-form-field utrecht-form-field--text utrecht-form-field--invalid aw-field"
            } else {
                "utrecht-form-field utrecht-form-field--text aw-field"
            }
        }>
            <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for=id.clone()>{spec.label}</label>
            </div>
            {hint_view(&id, spec.hint)}
            {move || findings_block(findings_id.clone(), shown.get())}
            <div class="utrecht-form-field__input aw-input-row">
                {spec.prefix.map(|s| view! { <span class="aw-prefix" aria-hidden="true">{s}</span> })}
                {control}
                {spec.suffix.map(|s| view! { <span class="aw-suffix">{s}</span> })}
            </div>
            {move || why_block(form, shown.get())}
        </div>
    }
}
