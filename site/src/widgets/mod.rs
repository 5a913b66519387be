//! Field widgets, rendered from the form definition: one function per family
//! of field kinds, chosen by [`field_view`]. No widget knows any form.

mod attachment;
mod choice;
mod composite;
pub mod file_picker;
pub mod findings;
mod list;
mod text;

use aanvraagwijzer::{Field, FieldKind};
use leptos::prelude::*;

use crate::answers::AnswerPath;
use crate::state::FormState;

/// Renders one field at `path`, hidden while `applies` is false (its `when`).
pub fn field_view(
    state: FormState,
    field: &'static Field,
    path: AnswerPath,
    applies: Memo<bool>,
) -> impl IntoView {
    view! {
        <Show when=move || applies.get()>
            {
                let path = path.clone();
                match &field.kind {
                    FieldKind::Choice { .. } | FieldKind::YesNo => {
                        choice::radio_group(state, field, path).into_any()
                    }
                    FieldKind::MultiChoice { .. } => {
                        choice::checkbox_group(state, field, path).into_any()
                    }
                    FieldKind::Person | FieldKind::Signature { .. } => {
                        composite::composite(state, field, path).into_any()
                    }
                    FieldKind::Attachment { .. } => {
                        attachment::attachment(state, field, path).into_any()
                    }
                    FieldKind::List { .. } => list::list(state, field, path).into_any(),
                    _ => text::field_input(state, field, path).into_any(),
                }
            }
        </Show>
    }
}

/// The label as shown: optional fields say so (GOV.UK marks the exception).
pub fn label_text(field: &Field) -> String {
    if field.required {
        field.label.clone()
    } else if field.recommended {
        format!("{} (aanbevolen)", field.label)
    } else {
        format!("{} (niet verplicht)", field.label)
    }
}

/// `aria-describedby`: the hint and, while shown, the findings.
pub fn described_by(base: &str, has_hint: bool, has_findings: bool) -> Option<String> {
    let mut ids = Vec::new();
    if has_hint {
        ids.push(format!("{base}-hint"));
    }
    if has_findings {
        ids.push(format!("{base}-fout"));
    }
    (!ids.is_empty()).then(|| ids.join(" "))
}

/// A hint paragraph with the id `aria-describedby` points at.
pub fn hint_view(base: &str, hint: Option<String>) -> impl IntoView {
    hint.map(|hint| {
        view! {
            <div class="utrecht-form-field-description" id=format!("{base}-hint")>
                {hint}
            </div>
        }
    })
}
