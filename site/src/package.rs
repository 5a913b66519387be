//! "Download aanvraag (pakket)" and "Open pakket": the submission package (ZIP
//! with aanvraag.json, samenvatting.pdf, the attachments and a manifest).
//!
//! The code that makes and opens packages (PDF writer, SHA-256, ZIP) is a
//! second wasm module, `crates/package-wasm`, built to `pkg-package/`. It is
//! fetched with a dynamic `import()` the first time the user needs it, so the
//! form page does not carry it. Attachments stay in memory, never in storage.

use aanvraagwijzer::{Field, FieldKind, Form};
use leptos::prelude::*;
use leptos::task::spawn_local;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::answers::{self, AnswerPath};
use crate::state::FormState;
use crate::tab::TabAnswers;
use crate::widgets::file_picker::{file_picker, FilePicker};

/// Largest attachment, as the package format allows (see aanvraagwijzer-package `Limits`).
const MAX_ATTACHMENT_BYTES: f64 = 32.0 * 1024.0 * 1024.0;
/// All attachments together.
const MAX_TOTAL_BYTES: usize = 60 * 1024 * 1024;

#[wasm_bindgen(inline_js = r#"
let loading = null;
export function loadPackageModule() {
  if (!loading) {
    const url = new URL('pkg-package/aanvraagwijzer_package_wasm.js', document.baseURI).href;
    loading = import(url).then(async (m) => { await m.default(); return m; });
    loading.catch(() => { loading = null; });
  }
  return loading;
}
"#)]
extern "C" {
    /// Loads the package module once; later calls get the same module.
    #[wasm_bindgen(js_name = loadPackageModule)]
    fn load_package_module() -> js_sys::Promise;
}

/// A file the user picked for an attachment field (or restored from a package).
#[derive(Clone, PartialEq)]
struct Picked {
    /// The attachment field it belongs to; empty when unknown (from a package).
    field: String,
    name: String,
    bytes: Vec<u8>,
}

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

/// The Dutch message of a JS error, or a general one.
fn message_of(err: &JsValue) -> String {
    js_sys::Reflect::get(err, &"message".into())
        .ok()
        .and_then(|m| m.as_string())
        .filter(|m| !m.is_empty())
        .unwrap_or_else(|| {
            "Het pakket kon niet worden gemaakt in deze browser. Vernieuw de pagina en probeer het opnieuw.".to_owned()
        })
}

/// Calls `name(args…)` on the lazily loaded module.
async fn call(name: &str, args: &[JsValue]) -> Result<JsValue, String> {
    let module = JsFuture::from(load_package_module())
        .await
        .map_err(|_| {
            "Het onderdeel dat pakketten maakt kon niet worden geladen. Controleer de verbinding en probeer het opnieuw.".to_owned()
        })?;
    let function: js_sys::Function = js_sys::Reflect::get(&module, &name.into())
        .ok()
        .and_then(|f| f.dyn_into().ok())
        .ok_or_else(|| {
            "Het onderdeel dat pakketten maakt is onvolledig. Vernieuw de pagina.".to_owned()
        })?;
    let list = js_sys::Array::new();
    for a in args {
        list.push(a);
    }
    function.apply(&module, &list).map_err(|e| message_of(&e))
}

/// The package module's `renamed` list (`[{from, to}]`) as one Dutch
/// sentence, or "" when every attachment kept its name.
fn renamed_note(built: &JsValue) -> String {
    let list = js_sys::Reflect::get(built, &"renamed".into()).unwrap_or_default();
    // The old name may hold the very bidi controls that made it unsafe:
    // shown as U+FFFD so the sentence reads as written.
    let text = |item: &JsValue, key: &str| -> String {
        js_sys::Reflect::get(item, &key.into())
            .ok()
            .and_then(|v| v.as_string())
            .unwrap_or_default()
            .chars()
            .map(|c| match c {
                '\u{061C}'
                | '\u{200B}'..='\u{200F}'
                | '\u{202A}'..='\u{202E}'
                | '\u{2060}'..='\u{2069}'
                | '\u{FEFF}' => '\u{FFFD}',
                c if c.is_control() => '\u{FFFD}',
                c => c,
            })
            .collect()
    };
    let renamed: Vec<String> = js_sys::Array::from(&list)
        .iter()
        .map(|item| {
            format!(
                "\"{}\" heet nu \"{}\"",
                text(&item, "from"),
                text(&item, "to")
            )
        })
        .collect();
    if renamed.is_empty() {
        return String::new();
    }
    format!(
        "Let op: sommige bijlagen hebben in het pakket een andere naam gekregen, zodat ze op elke computer goed uitpakken: {}.",
        renamed.join("; ")
    )
}

fn attachment_fields(form: &'static Form) -> Vec<&'static Field> {
    form.fields()
        .filter(|f| matches!(f.kind, FieldKind::Attachment { .. }))
        .collect()
}

/// Hands bytes to the browser as a download.
fn save_bytes(name: &str, bytes: &[u8], mime: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let array = js_sys::Uint8Array::from(bytes);
    let parts = js_sys::Array::of1(&array);
    let options = web_sys::BlobPropertyBag::new();
    options.set_type(mime);
    let blob = web_sys::Blob::new_with_u8_array_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        std::time::Duration::from_secs(30),
    );
    Ok(())
}

/// The package box: attachments to add, the download button, open a package.
#[component]
pub fn PackageBox(state: FormState) -> impl IntoView {
    let picked = RwSignal::new(Vec::<Picked>::new());
    let busy = RwSignal::new(false);
    let status = RwSignal::new(None::<Status>);
    let fields = attachment_fields(state.form);
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
        let valid = state
            .findings
            .with_untracked(|f| !aanvraagwijzer::has_blocking(f));
        let files = js_sys::Array::new();
        picked.with_untracked(|list| {
            for p in list {
                let item = js_sys::Object::new();
                let _ = js_sys::Reflect::set(&item, &"name".into(), &p.name.as_str().into());
                let _ = js_sys::Reflect::set(
                    &item,
                    &"bytes".into(),
                    &js_sys::Uint8Array::from(p.bytes.as_slice()).into(),
                );
                files.push(&item);
            }
        });
        // Initials, form and day: which pupil's request it is, at a glance.
        let name = state
            .document
            .with_untracked(|d| format!("{}.zip", d.file_stem(state.today)));
        spawn_local(async move {
            let result = call(
                "make_package",
                &[json.into(), files.into(), JsValue::UNDEFINED],
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

    let pick = move |field: &'static Field, ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        let name = file.name();
        if file.size() > MAX_ATTACHMENT_BYTES {
            status.set(Some(Status::Failed(format!(
                "Het bestand \"{name}\" is groter dan 32 MB en past niet in een pakket. Kies een kleiner bestand, bijvoorbeeld een PDF in plaats van een scan."
            ))));
            return;
        }
        spawn_local(async move {
            let file = gloo_file::File::from(file);
            match gloo_file::futures::read_as_bytes(&file).await {
                Ok(bytes) => {
                    let total: usize = picked.with_untracked(|l| {
                        l.iter()
                            .filter(|p| p.field != field.id)
                            .map(|p| p.bytes.len())
                            .sum()
                    });
                    if total + bytes.len() > MAX_TOTAL_BYTES {
                        status.set(Some(Status::Failed("De bijlagen zijn samen groter dan 60 MB en passen niet in een pakket. Kies kleinere bestanden.".to_owned())));
                        return;
                    }
                    picked.update(|l| {
                        l.retain(|p| p.field != field.id);
                        l.push(Picked {
                            field: field.id.clone(),
                            name: name.clone(),
                            bytes,
                        });
                    });
                    // Fill in the file name when the user has not typed one.
                    let path = AnswerPath::field(&field.id).child("bestandsnaam");
                    if state
                        .answers
                        .with_untracked(|a| answers::text(a, &path).trim().is_empty())
                    {
                        state.set(&path, Value::String(name));
                    }
                    status.set(None);
                }
                Err(_) => status.set(Some(Status::Failed(format!(
                    "Het bestand \"{name}\" kon niet worden gelezen. Probeer het nog eens."
                )))),
            }
        });
    };

    let open_package = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|l| l.get(0)) else {
            return;
        };
        input.set_value("");
        if file.size() > 64.0 * 1024.0 * 1024.0 {
            status.set(Some(Status::Failed(
                "Dit pakket is groter dan 64 MB en kan niet worden geopend.".to_owned(),
            )));
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
            let result = call("open_package", &[array.into()])
                .await
                .and_then(|opened| restore(state, picked, &opened));
            if result.is_ok() {
                tab.mark_kept(state);
            }
            status.set(Some(result.into()));
        });
    };

    let has_files = !fields.is_empty();
    let pickers = fields
        .into_iter()
        .map(|field| {
            let id = format!("pakket-bijlage-{}", field.id);
            let chosen = move || {
                picked.with(|l| {
                    l.iter()
                        .find(|p| p.field == field.id)
                        .map(|p| format!("Gekozen: {} ({} kB)", p.name, p.bytes.len().div_ceil(1024)))
                })
            };
            view! {
                <div class="utrecht-form-field aw-field">
                    <div class="utrecht-form-field__label">
                        <label class="utrecht-form-label" for=id.clone()>{format!("Bestand voor: {}", field.label)}</label>
                    </div>
                    <div class="utrecht-form-field__input">
                        <input type="file" id=id.clone() on:change=move |ev| pick(field, ev)/>
                    </div>
                    {move || chosen().map(|c| view! { <p class="utrecht-paragraph">{c}</p> })}
                </div>
            }
        })
        .collect_view();
    let restored = move || {
        picked.with(|l| {
            l.iter()
                .filter(|p| p.field.is_empty())
                .map(|p| p.name.clone())
                .collect::<Vec<_>>()
        })
    };

    view! {
        <section class="aw-box" aria-labelledby="pakket-titel">
            <h2 class="utrecht-heading-2" id="pakket-titel">"Aanvraag downloaden"</h2>
            <p class="utrecht-paragraph">
                "Het pakket is één ZIP-bestand met uw antwoorden (aanvraag.json), een samenvatting om te lezen en te tekenen (samenvatting.pdf), "
                "de bijlagen en een lijst met controlegetallen. Het samenwerkingsverband ziet zo of er na het maken iets is veranderd. "
                "Alles gebeurt in deze browser; er wordt niets verstuurd."
            </p>
            {has_files.then(|| view! { <h3 class="utrecht-heading-3">"Bijlagen in het pakket"</h3> })}
            {pickers}
            <Show when=move || !restored().is_empty()>
                <p class="utrecht-paragraph">
                    {move || format!("Bijlagen uit het geopende pakket: {}", restored().join(", "))}
                </p>
            </Show>
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
                    hint: "Kies een pakket dat u eerder hebt gemaakt. De antwoorden en bijlagen op deze pagina worden dan vervangen.",
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

/// Puts an opened package's answers and attachments on the page.
fn restore(
    state: FormState,
    picked: RwSignal<Vec<Picked>>,
    opened: &JsValue,
) -> Result<String, String> {
    let get = |k: &str| js_sys::Reflect::get(opened, &k.into()).ok();
    let json = get("document")
        .and_then(|v| v.as_string())
        .ok_or("Het pakket bevat geen leesbare antwoorden.")?;
    let doc = aanvraagwijzer::Document::from_json(&json).map_err(|e| e.message_nl())?;
    if doc.form != state.form.id {
        return Err(format!(
            "Dit pakket hoort bij een ander formulier ({}). Uw antwoorden op deze pagina zijn niet veranderd.",
            doc.form
        ));
    }
    let mut files = Vec::new();
    if let Some(list) = get("attachments").and_then(|v| v.dyn_into::<js_sys::Array>().ok()) {
        for item in list.iter() {
            let name = js_sys::Reflect::get(&item, &"name".into())
                .ok()
                .and_then(|v| v.as_string())
                .unwrap_or_default();
            let bytes = js_sys::Reflect::get(&item, &"bytes".into())
                .ok()
                .and_then(|v| v.dyn_into::<js_sys::Uint8Array>().ok())
                .map(|a| a.to_vec())
                .unwrap_or_default();
            // Give it back to the attachment field that names this file.
            let field = attachment_fields(state.form)
                .into_iter()
                .find(|f| {
                    doc.answers
                        .get(&f.id)
                        .and_then(|v| v.get("bestandsnaam"))
                        .and_then(Value::as_str)
                        .is_some_and(|n| n == name)
                })
                .map(|f| f.id.clone())
                .filter(|id| files.iter().all(|p: &Picked| &p.field != id))
                .unwrap_or_default();
            files.push(Picked { field, name, bytes });
        }
    }
    // Files no field names go to the attachment fields still without one, in order.
    for field in attachment_fields(state.form) {
        if files.iter().any(|p| p.field == field.id) {
            continue;
        }
        if let Some(p) = files.iter_mut().find(|p| p.field.is_empty()) {
            p.field = field.id.clone();
        }
    }
    let count = files.len();
    state.replace(doc.answers);
    picked.set(files);
    Ok(match count {
        0 => "Het pakket is geopend. Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt.".to_owned(),
        1 => "Het pakket is geopend, met 1 bijlage. Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt.".to_owned(),
        n => format!("Het pakket is geopend, met {n} bijlagen. Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt."),
    })
}
