//! The files that go into a package, and putting an opened package's files
//! back at their fields. The files themselves are chosen at the attachment
//! fields (`widgets/attachment.rs`) and live in `FormState::files`, in memory
//! only, never in storage.

use aanvraagwijzer::{applicable_answers, attachment_answers};
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::{ChosenFile, FormState};

/// (name, bytes) of every file the answers list that is in memory, in form
/// order: what the package module gets. A listed file that is not in memory
/// is left out, and the package module refuses the package naming its field.
pub(super) fn listed_files(state: FormState) -> Vec<(String, Vec<u8>)> {
    let (effective, _) = state
        .document
        .with_untracked(|doc| applicable_answers(state.form, doc, state.today));
    state.files.with_untracked(|files| {
        attachment_answers(state.form, &effective)
            .into_iter()
            .filter_map(|a| {
                files
                    .iter()
                    .find(|f| f.path == a.path && f.name.trim() == a.name)
                    .map(|f| (f.name.clone(), f.bytes.clone()))
            })
            .collect()
    })
}

/// Puts an opened package's answers and files on the page: each file goes
/// back to the attachment answer that names it (in the package, the answers
/// name exactly its files).
pub(super) fn restore(state: FormState, opened: &JsValue) -> Result<String, String> {
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
    let mut packed: Vec<Option<(String, Vec<u8>)>> = Vec::new();
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
            packed.push(Some((name, bytes)));
        }
    }
    let mut files = Vec::new();
    for answer in attachment_answers(state.form, &doc) {
        let found = packed
            .iter_mut()
            .find(|p| p.as_ref().is_some_and(|(n, _)| n.trim() == answer.name))
            .and_then(Option::take);
        if let Some((name, bytes)) = found {
            files.push(ChosenFile {
                path: answer.path,
                name,
                bytes,
            });
        }
    }
    let unasked: Vec<String> = packed.into_iter().flatten().map(|(n, _)| n).collect();
    let count = files.len();
    state.files.set(files);
    state.replace(doc.answers);
    let opened = match count {
        0 => "Het pakket is geopend.".to_owned(),
        1 => "Het pakket is geopend, met 1 bestand bij de vragen.".to_owned(),
        n => format!("Het pakket is geopend, met {n} bestanden bij de vragen."),
    };
    let unasked = if unasked.is_empty() {
        String::new()
    } else {
        format!(
            " Deze bestanden in het pakket horen bij geen vraag en zijn niet overgenomen: {}.",
            unasked.join(", ")
        )
    };
    Ok(format!(
        "{opened}{unasked} Wat nog ontbreekt, staat bovenaan deze pagina."
    ))
}
