//! Person and signature: a fieldset of named parts; and the statements to
//! tick that an attachment (`attachment.rs`) shows beside its file.

use aanvraagwijzer::{has_blocking, Field, FieldKind, CONFIRMATIONS_KEY};
use leptos::prelude::*;
use serde_json::Value;

use super::findings::{findings_block, why_block};
use super::text::{text_control, TextSpec};
use super::{described_by, hint_view, label_text};
use crate::answers::{self, AnswerPath, DomId};
use crate::state::FormState;

/// A composite field as a fieldset of its parts.
pub fn composite(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let id = path.dom_id();
    let at = path.clone();
    let shown = Memo::new(move |_| state.shown_at(&at));
    let invalid = move || shown.with(|f| has_blocking(f));
    let has_hint = field.hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, shown.with(|f| !f.is_empty()))
    };
    let parts = field
        .kind
        .parts()
        .iter()
        .map(|&part| {
            // A signature's second part follows its signer: a parent gives
            // the relation to the pupil, not a function.
            let (label, hint) = field.part_label(part);
            text_control(
                state,
                path.child(part),
                TextSpec {
                    label: label.to_owned(),
                    hint: hint.map(str::to_owned),
                    multiline: false,
                    inputmode: part.is_date().then_some("numeric"),
                    size_class: if part.is_date() { "aw-size-date" } else { "" },
                    suffix: None,
                    prefix: None,
                },
            )
        })
        .collect_view();
    let confirmations = confirmations_view(state, field, &path);
    let findings_id = format!("{id}-fout");
    view! {
        <fieldset
            class=move || {
                if invalid() {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--invalid aw-group"
                } else {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset aw-group"
                }
            }
            id=id.clone()
            aria-describedby=describedby
        >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {label_text(field)}
            </legend>
            {hint_view(&id, field.hint.clone())}
            {move || findings_block(findings_id.clone(), shown.get())}
            {parts}
            {confirmations}
            {move || why_block(state.form, shown.get())}
        </fieldset>
    }
}

/// One statement to tick (stored as `true`/`false` at its index).
pub(super) fn confirmation(state: FormState, path: AnswerPath, text: &str) -> impl IntoView {
    let id = path.dom_id();
    let at = path.clone();
    let shown = Memo::new(move |_| state.shown_at(&at));
    let invalid = move || shown.with(|f| has_blocking(f));
    let ticked = {
        let path = path.clone();
        Memo::new(move |_| state.answers.with(|a| answers::is_ticked(a, &path)))
    };
    let describedby = {
        let id = id.clone();
        move || described_by(&id, false, shown.with(|f| !f.is_empty()))
    };
    let findings_id = format!("{id}-fout");
    view! {
        <div class="utrecht-form-field utrecht-form-field--checkbox aw-option">
            <input
                type="checkbox"
                class="utrecht-checkbox utrecht-checkbox--html-input"
                id=id.clone()
                name=id.clone()
                aria-describedby=describedby
                aria-invalid=move || invalid().then_some("true")
                prop:checked=move || ticked.get()
                on:change=move |ev| {
                    state.set(&path, Value::Bool(event_target_checked(&ev)));
                    state.touch(&path);
                }
            />
            <label class="utrecht-form-label utrecht-form-label--checkbox" for=id>
                {text.to_owned()}
            </label>
            {move || findings_block(findings_id.clone(), shown.get())}
            {move || why_block(state.form, shown.get())}
        </div>
    }
}

/// An attachment's confirmations ("Vink aan wat klopt:"), beside its file or
/// its other parts; nothing when the field has none.
pub(crate) fn confirmations_view(
    state: FormState,
    field: &'static Field,
    path: &AnswerPath,
) -> Option<impl IntoView> {
    match &field.kind {
        FieldKind::Attachment { confirmations } if !confirmations.is_empty() => {
            let boxes = confirmations
                .iter()
                .enumerate()
                .map(|(i, text)| confirmation(state, path.child(CONFIRMATIONS_KEY).child(i), text))
                .collect_view();
            Some(view! {
                <div class="aw-confirmations">
                    <p class="utrecht-paragraph aw-confirmations__intro">"Vink aan wat klopt:"</p>
                    {boxes}
                </div>
            })
        }
        _ => None,
    }
}
