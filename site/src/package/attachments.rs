//! The attachments of a package: the files picked per attachment field (in
//! memory only, never in storage) and putting an opened package back on the
//! page.

use aanvraagwijzer::{Field, FieldKind, Form, Part};
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use crate::state::FormState;

/// A file the user picked for an attachment field (or restored from a package).
#[derive(Clone, PartialEq)]
pub(super) struct Picked {
    /// The attachment field it belongs to; empty when unknown (from a package).
    pub(super) field: String,
    pub(super) name: String,
    pub(super) bytes: Vec<u8>,
}

/// The attachment fields of a form, in form order.
pub(super) fn attachment_fields(form: &'static Form) -> Vec<&'static Field> {
    form.fields()
        .filter(|f| matches!(f.kind, FieldKind::Attachment { .. }))
        .collect()
}

/// Puts an opened package's answers and attachments on the page.
pub(super) fn restore(
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
                        .and_then(|v| v.get(Part::Bestandsnaam.key()))
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
