//! "Download als JSON" and "Open JSON": the answers as a file on the user's
//! own computer, the only way data leaves the page.

use std::time::Duration;

use aanvraagwijzer::document::MAX_DOCUMENT_BYTES;
use aanvraagwijzer::{Document, DocumentError, Finding, CORE_VERSION};
use chrono::NaiveDate;
use leptos::prelude::set_timeout;
use serde::Serialize;
use serde_json::{Map, Value};
use wasm_bindgen::{JsCast, JsValue};

use crate::clock;

/// What "Download als JSON" writes. `Document::from_json` reads it back (it
/// ignores the extra keys), and the CLI validates it.
#[derive(Serialize)]
struct Download<'a> {
    form: &'a str,
    form_version: &'a str,
    answers: &'a Map<String, Value>,
    /// The findings the page showed, so the reader sees what the school saw.
    findings: &'a [Finding],
    core_version: &'a str,
    /// The date the file was made (and validated), `yyyy-mm-dd`.
    created: String,
}

/// The download's JSON text.
pub fn download_json(doc: &Document, findings: &[Finding], today: NaiveDate) -> String {
    let download = Download {
        form: &doc.form,
        form_version: &doc.form_version,
        answers: &doc.answers,
        findings,
        core_version: CORE_VERSION,
        created: clock::iso(today),
    };
    // Serialising maps of strings cannot fail; fall back to an empty object.
    serde_json::to_string_pretty(&download).unwrap_or_else(|_| "{}".to_owned())
}

/// A file name like `aanvraag-rsv-breda-vo-tlv-vso-2026-11-22.json`.
pub fn file_name(form_id: &str, today: NaiveDate) -> String {
    format!(
        "aanvraag-{}-{}.json",
        form_id.replace('/', "-"),
        clock::iso(today)
    )
}

/// Hands `text` to the browser as a download named `name`.
pub fn save_file(name: &str, text: &str) -> Result<(), JsValue> {
    let window = web_sys::window().ok_or("no window")?;
    let document = window.document().ok_or("no document")?;
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = web_sys::BlobPropertyBag::new();
    options.set_type("application/json");
    let blob = web_sys::Blob::new_with_str_sequence_and_options(&parts, &options)?;
    let url = web_sys::Url::create_object_url_with_blob(&blob)?;
    let link: web_sys::HtmlAnchorElement = document.create_element("a")?.dyn_into()?;
    link.set_href(&url);
    link.set_download(name);
    link.click();
    // Give the browser time to start the download before freeing the blob.
    set_timeout(
        move || {
            let _ = web_sys::Url::revoke_object_url(&url);
        },
        Duration::from_secs(30),
    );
    Ok(())
}

/// Reads a chosen file as a document; the error is a Dutch message.
pub async fn read_document(file: web_sys::File) -> Result<Document, String> {
    let size = file.size() as usize;
    if size > MAX_DOCUMENT_BYTES {
        return Err(DocumentError::TooLarge {
            size,
            max: MAX_DOCUMENT_BYTES,
        }
        .message_nl());
    }
    let file = gloo_file::File::from(file);
    let text = gloo_file::futures::read_as_text(&file).await.map_err(|_| {
        "Het bestand kon niet worden gelezen. Probeer het nog eens, of kies een ander bestand."
            .to_owned()
    })?;
    Document::from_json(&text).map_err(|e| e.message_nl())
}
