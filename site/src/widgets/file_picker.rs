//! A labelled file input with a hint, for opening a saved file or package,
//! and the one place that turns an input's change event into the chosen file.

use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What a file picker says and accepts. `status_id` is the live region where
/// the page reports the outcome; the input is described by hint and status.
pub struct FilePicker {
    pub id: &'static str,
    pub label: &'static str,
    pub hint: &'static str,
    pub accept: &'static str,
    pub status_id: &'static str,
}

/// The file chosen in a file input's change event, if any. The input is
/// emptied, so choosing the same file again (after fixing it) fires again.
pub fn chosen_file(ev: &leptos::ev::Event) -> Option<web_sys::File> {
    let input = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())?;
    let file = input.files().and_then(|list| list.get(0))?;
    input.set_value("");
    Some(file)
}

/// Renders the picker; `on_file` receives the chosen file.
pub fn file_picker(
    spec: FilePicker,
    mut on_file: impl FnMut(web_sys::File) + 'static,
) -> impl IntoView {
    let on_change = move |ev: leptos::ev::Event| {
        if let Some(file) = chosen_file(&ev) {
            on_file(file);
        }
    };
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
