//! Drafts in the browser's localStorage, only when the user asks for it.
//!
//! One draft per form, under `aanvraagwijzer-concept:<form id>`. Nothing is
//! stored unless the user presses "Bewaar concept in deze browser".

use aanvraagwijzer::Document;
use gloo_storage::{LocalStorage, Storage};

/// The storage key of a form's draft.
fn key(form_id: &str) -> String {
    format!("aanvraagwijzer-concept:{form_id}")
}

/// Whether localStorage can be used at all (it can be switched off); gloo
/// would throw when it is not there.
fn available() -> bool {
    web_sys::window()
        .and_then(|w| w.local_storage().ok().flatten())
        .is_some()
}

const UNAVAILABLE: &str =
    "Deze browser staat niet toe dat de website iets bewaart. Gebruik \"Download als JSON\" om uw antwoorden te bewaren.";

/// Stores the document as this form's draft.
pub fn save(doc: &Document) -> Result<(), String> {
    if !available() {
        return Err(UNAVAILABLE.to_owned());
    }
    LocalStorage::set(key(&doc.form), doc).map_err(|_| {
        "Het concept kon niet worden bewaard (de opslag van de browser is vol of geblokkeerd). Gebruik \"Download als JSON\".".to_owned()
    })
}

/// The stored draft of a form, if any; a damaged draft gives a Dutch message.
pub fn load(form_id: &str) -> Option<Result<Document, String>> {
    if !available() {
        return None;
    }
    let text = LocalStorage::raw().get_item(&key(form_id)).ok().flatten()?;
    Some(Document::from_json(&text).map_err(|e| e.message_nl()))
}

/// Whether a form has a stored draft.
pub fn exists(form_id: &str) -> bool {
    available()
        && LocalStorage::raw()
            .get_item(&key(form_id))
            .ok()
            .flatten()
            .is_some()
}

/// Removes a form's draft.
pub fn wipe(form_id: &str) {
    if available() {
        LocalStorage::delete(key(form_id));
    }
}
