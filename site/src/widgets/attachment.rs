//! An attachment field: the file is chosen here, where the form asks for it.
//!
//! The file stays in this tab's memory (`FormState::files`), never in
//! storage; the answer is its name and size as chosen, so what the form lists
//! and what the package holds cannot differ: there is no name to type. After
//! a reload the answer is left and the file is not: the field says so, as a
//! finding ("Kies het bestand opnieuw"), never a silent loss.

use aanvraagwijzer::attachments::size_nl;
use aanvraagwijzer::{has_blocking, Field, Part, SIZE_KEY};
use aanvraagwijzer_package::{Limits, MB};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;

use super::composite::confirmations_view;
use super::file_picker::chosen_file;
use super::findings::{findings_block, why_block};
use super::text::{text_control, TextSpec};
use super::{described_by, hint_view, label_text};
use crate::answers::{self, AnswerPath, DomId};
use crate::state::{ChosenFile, FormState, FILE_NOT_KEPT};

/// What a package may hold; checked when a file is chosen, before the
/// package module loads, so a file that cannot go in is refused at once.
const LIMITS: Limits = Limits::DEFAULT;

/// The attachment field at `path`: the chosen file with "Verwijder", the
/// file input, an optional description and the confirmations to tick.
pub fn attachment(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let id = path.dom_id();
    let name_path = path.child(Part::Bestandsnaam);
    let size_path = path.child(SIZE_KEY);
    let input_id = name_path.dom_id();
    let shown = {
        let (at, part) = (path.clone(), name_path.clone());
        Memo::new(move |_| {
            let pointers = [at.pointer(), part.pointer()];
            // A file that is no longer in memory shows at once: the user
            // must know before making the package.
            let may_show = state.may_show(&at);
            state.findings.with(|all| {
                all.iter()
                    .filter(|f| pointers.contains(&f.path))
                    .filter(|f| may_show || f.code == FILE_NOT_KEPT)
                    .cloned()
                    .collect::<Vec<_>>()
            })
        })
    };
    let invalid = move || shown.with(|f| has_blocking(f));
    let chosen_name = {
        let name_path = name_path.clone();
        Memo::new(move |_| {
            state
                .answers
                .with(|a| answers::text(a, &name_path).trim().to_owned())
        })
    };
    let chosen_size = {
        let size_path = size_path.clone();
        Memo::new(move |_| {
            state
                .answers
                .with(|a| answers::get(a, &size_path).and_then(Value::as_u64))
        })
    };
    let in_memory = {
        let at = path.clone();
        Memo::new(move |_| {
            let name = chosen_name.get();
            state
                .files
                .with(|l| l.iter().any(|f| f.path == at && f.name.trim() == name))
        })
    };
    let problem = RwSignal::new(None::<String>);

    let choose = {
        let (at, name_path, size_path) = (path.clone(), name_path.clone(), size_path.clone());
        move |file: web_sys::File| {
            let name = file.name();
            if file.size() > LIMITS.max_entry_bytes as f64 {
                let max = LIMITS.max_entry_bytes / MB;
                problem.set(Some(format!(
                    "Het bestand \"{name}\" is groter dan {max} MB en past niet in een pakket. Kies een kleiner bestand, bijvoorbeeld een PDF in plaats van een scan."
                )));
                return;
            }
            let (at, name_path, size_path) = (at.clone(), name_path.clone(), size_path.clone());
            spawn_local(async move {
                let file = gloo_file::File::from(file);
                let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                    problem.set(Some(format!(
                        "Het bestand \"{name}\" kon niet worden gelezen. Probeer het nog eens."
                    )));
                    return;
                };
                let others: usize = state.files.with_untracked(|l| {
                    l.iter()
                        .filter(|f| f.path != at)
                        .map(|f| f.bytes.len())
                        .sum()
                });
                if (others + bytes.len()) as u64 > LIMITS.max_attachments_bytes() {
                    let max = LIMITS.max_attachments_bytes() / MB;
                    problem.set(Some(format!(
                        "De bijlagen zijn samen groter dan {max} MB en passen niet in een pakket. Kies een kleiner bestand."
                    )));
                    return;
                }
                let size = bytes.len() as u64;
                state.files.update(|l| {
                    l.retain(|f| f.path != at);
                    l.push(ChosenFile {
                        path: at.clone(),
                        name: name.clone(),
                        bytes,
                    });
                });
                state.set(&name_path, Value::String(name));
                state.set(&size_path, Value::from(size));
                state.touch(&name_path);
                problem.set(None);
            });
        }
    };
    let remove = {
        let (at, name_path, size_path, input_id) = (
            path.clone(),
            name_path.clone(),
            size_path.clone(),
            input_id.clone(),
        );
        move |_| {
            state.files.update(|l| l.retain(|f| f.path != at));
            state.set(&name_path, Value::Null);
            state.set(&size_path, Value::Null);
            problem.set(None);
            // The button is gone: focus goes to the input that replaces it.
            crate::focus::focus_element(&input_id);
        }
    };

    let chosen_view = move || {
        let name = chosen_name.get();
        (!name.is_empty()).then(|| {
            let size = chosen_size
                .get()
                .map(|s| format!(" ({})", size_nl(s)))
                .unwrap_or_default();
            let remove = remove.clone();
            view! {
                <div class="aw-attachment__chosen">
                    <p class="utrecht-paragraph">
                        <strong>"Gekozen bestand: "</strong>
                        <span class="aw-attachment__name">{name.clone()}</span>
                        {size}
                    </p>
                    <button
                        type="button"
                        class="utrecht-button utrecht-button--secondary-action"
                        aria-label=format!("Verwijder {name}")
                        on:click=remove
                    >
                        "Verwijder"
                    </button>
                </div>
            }
        })
    };
    let input_label = move || {
        if chosen_name.with(String::is_empty) {
            "Kies het bestand"
        } else if in_memory.get() {
            "Kies een ander bestand"
        } else {
            "Kies het bestand opnieuw"
        }
    };
    let has_hint = field.hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, shown.with(|f| !f.is_empty()))
    };
    let findings_id = format!("{id}-fout");
    let input_described = format!("{id}-bestand-hint");
    let description = text_control(
        state,
        path.child(Part::Omschrijving),
        TextSpec {
            label: Part::Omschrijving.label().to_owned(),
            hint: None,
            multiline: false,
            inputmode: None,
            size_class: "",
            suffix: None,
            prefix: None,
        },
    );
    let confirmations = confirmations_view(state, field, &path);
    view! {
        <fieldset
            class=move || {
                if invalid() {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--invalid aw-group aw-attachment"
                } else {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset aw-group aw-attachment"
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
            {chosen_view}
            <div class="utrecht-form-field aw-field">
                <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for=input_id.clone()>{input_label}</label>
                </div>
                <div class="utrecht-form-field-description" id=input_described.clone()>
                    {Part::Bestandsnaam.hint()}
                </div>
                <div class="utrecht-form-field__input">
                    <input
                        type="file"
                        id=input_id.clone()
                        aria-describedby=input_described
                        aria-invalid=move || invalid().then_some("true")
                        on:change=move |ev| {
                            if let Some(file) = chosen_file(&ev) {
                                choose(file);
                            }
                        }
                    />
                </div>
                {move || problem.get().map(|text| view! {
                    <p class="utrecht-form-field-error-message" role="alert">
                        <strong>"Fout:"</strong> " " {text}
                    </p>
                })}
            </div>
            {description}
            {confirmations}
            {move || why_block(state.form, shown.get())}
        </fieldset>
    }
}
