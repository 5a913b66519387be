//! "Download aanvraag (pakket)" and "Open pakket": the submission package (ZIP
//! with aanvraag.json, samenvatting.pdf, the attachments and a manifest).
//!
//! The code that makes and opens packages (PDF writer, SHA-256, ZIP) is a
//! second wasm module, `crates/package-wasm`, built to `pkg-package/`. It is
//! fetched with a dynamic `import()` the first time the user needs it, so the
//! form page does not carry it. Attachments stay in memory, never in storage.

mod attachments;
mod bridge;

use aanvraagwijzer_package::{Limits, MB};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::prelude::*;

use attachments::{listed_files, restore};
use bridge::{call, renamed_note, save_bytes};

use crate::state::FormState;
use crate::tab::TabAnswers;
use crate::widgets::file_picker::{file_picker, FilePicker};

/// What a package may hold; the site checks sizes before the module loads.
const LIMITS: Limits = Limits::DEFAULT;

/// What the box tells the user after an action.
#[derive(Clone, PartialEq)]
enum Status {
    Done(String),
    /// Done, but something needs attention (an incomplete request).
    Warning(String),
    Failed(String),
}

impl From<Result<String, String>> for Status {
    fn from(r: Result<String, String>) -> Status {
        match r {
            Ok(text) => Status::Done(text),
            Err(text) => Status::Failed(text),
        }
    }
}

/// The package box: the download button and opening a package. The files go
/// in from their attachment fields (`widgets/attachment.rs`), never from here.
#[component]
pub fn PackageBox(state: FormState) -> impl IntoView {
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Status>);
    let tab = use_context::<TabAnswers>().unwrap_or_default();

    let download = move |_| {
        if busy.get_untracked() {
            return;
        }
        busy.set(true);
        status.set(Some(Status::Done("Het pakket wordt gemaakt…".to_owned())));
        let json = state
            .document
            .with_untracked(|d| serde_json::to_string(d).unwrap_or_default());
        // The definition this page shows goes with the answers: the package
        // is made (and pinned) with exactly that form, published or built in.
        let form_json = form_json(state);
        let valid = state
            .findings
            .with_untracked(|f| !aanvraagwijzer::has_blocking(f));
        // Exactly the files the answers list, in form order; one not in
        // memory makes the package module refuse, naming its field.
        let files = js_sys::Array::new();
        for (name, bytes) in listed_files(state) {
            let item = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&item, &"name".into(), &name.as_str().into());
            let _ = js_sys::Reflect::set(
                &item,
                &"bytes".into(),
                &js_sys::Uint8Array::from(bytes.as_slice()).into(),
            );
            files.push(&item);
        }
        // Initials, form and day: which pupil's request it is, at a glance.
        let name = state
            .document
            .with_untracked(|d| format!("{}.zip", d.file_stem(state.today)));
        spawn_local(async move {
            let result = call(
                "make_package",
                &[
                    json.into(),
                    files.into(),
                    form_json.into(),
                    JsValue::UNDEFINED,
                ],
            )
            .await
            .and_then(|built| {
                let get = |k: &str| js_sys::Reflect::get(&built, &k.into()).ok();
                let zip = get("bytes").ok_or_else(|| {
                    "Het pakket kon niet worden gemaakt in deze browser. Vernieuw de pagina en probeer het opnieuw.".to_owned()
                })?;
                let hidden = get("hidden_left_out")
                    .and_then(|v| v.as_f64())
                    .map_or(0, |n| n as usize);
                let bytes = js_sys::Uint8Array::new(&zip).to_vec();
                save_bytes(&name, &bytes, "application/zip").map_err(|_| {
                    "Downloaden lukte niet in deze browser. Probeer een andere browser.".to_owned()
                })?;
                Ok((hidden, renamed_note(&built)))
            });
            if result.is_ok() {
                // The package holds aanvraag.json: the answers are kept.
                tab.mark_kept(state);
            }
            status.set(Some(match result {
                Ok((hidden, note)) if valid && note.is_empty() => Status::Done(format!(
                    "Het pakket {name} is gedownload. {}{}",
                    state.form.submission_text(),
                    left_out_nl(hidden)
                )),
                Ok((hidden, note)) if valid => Status::Warning(format!(
                    "Het pakket {name} is gedownload. {}{} {note}",
                    state.form.submission_text(),
                    left_out_nl(hidden)
                )),
                Ok((hidden, note)) => Status::Warning(
                    format!(
                        "Het pakket {name} is gedownload, maar de aanvraag is nog niet compleet: in de samenvatting staat CONCEPT. Los eerst de fouten op voordat u de aanvraag indient.{} {note}",
                        left_out_nl(hidden)
                    )
                    .trim_end()
                    .to_owned(),
                ),
                Err(e) => Status::Failed(e),
            }));
            busy.set(false);
        });
    };

    let open_package = move |file: web_sys::File| {
        if file.size() > LIMITS.max_package_bytes as f64 {
            let max = LIMITS.max_package_bytes / MB;
            status.set(Some(Status::Failed(format!(
                "Dit pakket is groter dan {max} MB en kan niet worden geopend."
            ))));
            return;
        }
        spawn_local(async move {
            let file = gloo_file::File::from(file);
            let Ok(bytes) = gloo_file::futures::read_as_bytes(&file).await else {
                status.set(Some(Status::Failed(
                    "Het bestand kon niet worden gelezen. Probeer het nog eens.".to_owned(),
                )));
                return;
            };
            let array = js_sys::Uint8Array::from(bytes.as_slice());
            let form_json = form_json(state);
            let result = call("open_package", &[array.into(), form_json.into()])
                .await
                .and_then(|opened| restore(state, &opened));
            if result.is_ok() {
                tab.mark_kept(state);
            }
            status.set(Some(result.into()));
        });
    };

    view! {
        <section class="aw-box" aria-labelledby="pakket-titel">
            <h2 class="utrecht-heading-2" id="pakket-titel">"Aanvraag downloaden"</h2>
            <p class="utrecht-paragraph">
                "Het pakket is één ZIP-bestand met uw antwoorden (aanvraag.json), een samenvatting om te lezen en te tekenen (samenvatting.pdf), "
                "de bestanden die u bij de vragen hebt gekozen en een lijst met controlegetallen. Het samenwerkingsverband ziet zo of er na het maken iets is veranderd. "
                "Alles gebeurt in deze browser; er wordt niets verstuurd."
            </p>
            <div class="utrecht-button-group aw-actions">
                <button
                    type="button"
                    class="utrecht-button utrecht-button--primary-action"
                    on:click=download
                    aria-disabled=move || busy.get().then_some("true")
                >
                    "Download aanvraag (pakket)"
                </button>
            </div>
            {file_picker(
                FilePicker {
                    id: "open-pakket",
                    label: "Open pakket (ZIP)",
                    hint: "Kies een pakket dat u eerder hebt gemaakt. De antwoorden en gekozen bestanden op deze pagina worden dan vervangen.",
                    accept: ".zip,application/zip",
                    status_id: "pakket-melding",
                },
                open_package,
            )}
            <div id="pakket-melding" aria-live="polite">
                {move || status.get().map(|s| match s {
                    Status::Done(text) => view! { <p class="utrecht-paragraph aw-status">{text}</p> }.into_any(),
                    Status::Warning(text) => view! {
                        <div class="utrecht-alert utrecht-alert--warning">
                            <div class="utrecht-alert__content">
                                <p class="utrecht-paragraph"><strong>"Let op:"</strong> " " {text}</p>
                            </div>
                        </div>
                    }.into_any(),
                    Status::Failed(text) => view! {
                        <p class="utrecht-form-field-error-message" role="alert">
                            <strong>"Fout:"</strong> " " {text}
                        </p>
                    }.into_any(),
                })}
            </div>
        </section>
    }
}

/// The sentence about answers the package left out (with a leading space),
/// or nothing. The answers stay on the page and in "Download JSON", so
/// switching back to the question restores them.
fn left_out_nl(hidden: usize) -> String {
    match hidden {
        0 => String::new(),
        1 => " 1 antwoord op een vraag die niet meer van toepassing is, is niet in het pakket gezet.".to_owned(),
        n => format!(" {n} antwoorden op vragen die niet meer van toepassing zijn, zijn niet in het pakket gezet."),
    }
}

/// The form this page shows, as the JSON the package module takes with
/// every call (it carries no forms of its own).
fn form_json(state: FormState) -> String {
    serde_json::to_string(state.form).unwrap_or_default()
}
