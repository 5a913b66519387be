//! A labelled file input with a hint, for opening a saved JSON or package.

use leptos::prelude::*;

/// What a file picker says and accepts. `status_id` is the live region where
/// the page reports the outcome; the input is described by hint and status.
pub struct FilePicker {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub accept: &'static str,
    pub status_id: &'static str,
}

/// Renders the picker; `on_change` receives the input's change event.
pub fn file_picker(
    spec: FilePicker,
    on_change: impl FnMut(leptos::ev::Event) + 'static,
) -> impl IntoView {
    let hint_id = format!("{}-hint", spec.id);
    view! {
        <div class="utrecht-form-field aw-field">
            <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for=spec.id>{spec.label}</label>
            </div>
            <div class="utrecht-form-field-description" id=hint_id.clone()>{spec.hint}</div>
            <div class="utrecht-form-field__input">
                <input
                    type="file"
                    id=spec.id
                    accept=spec.accept
                    aria-describedby=format!("{hint_id} {}", spec.status_id)
                    on:change=on_change
                />
            </div>
        </div>
    }
}
