//! The submission package in the browser, as a separate wasm module.
//!
//! The site loads this module with a dynamic `import()` only when the user
//! clicks "Download pakket voor Tommy" or opens a package, so the PDF writer,
//! SHA-256 and the ZIP code never weigh on the form page. It embeds the same
//! validation core as the site, the CLI and the server, so the verdict in the
//! package is the verdict `aanvraagwijzer verify` recomputes; it carries no
//! forms: every call gets the definition the page loaded and checked (the
//! published form file); the page's core checked it, so this module does not
//! carry the form checker again (see `given_form`).
//!
//! Errors are JavaScript `Error`s with a Dutch message for people.
//!
//! Unicode NFC (answers, attachment names) is the browser's own, as on the
//! page: the module is built without the normalisation tables.
//!
//! The PDF's font (DejaVu Sans, two faces) is not compiled in either: the
//! page's loader fetches the two files the build puts beside the module and
//! hands them over with [`use_fonts`] before any call.

use aanvraagwijzer::{Document, Form};
use aanvraagwijzer_package::{
    build, open_with, render_pdf, verify_with, Attachment, Limits, PackageError, CREATED_FORMAT,
};
use chrono::{DateTime, NaiveDateTime, Utc};
use js_sys::{Array, Object, Reflect, Uint8Array};
use wasm_bindgen::prelude::*;

/// Hands the core the browser's NFC when the module loads, before any call.
#[wasm_bindgen(start)]
pub fn start() {
    aanvraagwijzer::normalize::use_platform_nfc(browser_nfc);
}

/// Hands the PDF writer its two faces, the files the build puts beside this
/// module (`fonts/DejaVuSans.ttf`, `fonts/DejaVuSans-Bold.ttf`, hashed names).
/// The module is built without them (162 KB brotli less to load); the page's
/// loader fetches them with the module and calls this before anything else.
#[wasm_bindgen]
pub fn use_fonts(regular: Vec<u8>, bold: Vec<u8>) -> Result<(), JsError> {
    aanvraagwijzer_pdf::use_fonts(regular, bold).map_err(|_| {
        JsError::new("De letters voor de PDF zijn beschadigd aangekomen. Vernieuw de pagina en probeer het opnieuw; uw antwoorden in dit tabblad blijven bewaard.")
    })
}

fn browser_nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}

/// The local time in the browser, or `created` (`yyyy-mm-ddThh:mm:ss`) when given.
fn created_at(created: Option<String>) -> Result<NaiveDateTime, JsError> {
    match created {
        Some(s) => NaiveDateTime::parse_from_str(&s, CREATED_FORMAT)
            .map_err(|_| JsError::new("De aanmaaktijd is geen tijd als 2026-11-22T16:40:00.")),
        None => {
            let now = js_sys::Date::new_0();
            chrono::NaiveDate::from_ymd_opt(
                now.get_full_year() as i32,
                now.get_month() + 1,
                now.get_date(),
            )
            .and_then(|d| d.and_hms_opt(now.get_hours(), now.get_minutes(), now.get_seconds()))
            .ok_or_else(|| JsError::new("De klok van deze browser geeft geen geldige tijd."))
        }
    }
}

/// The definition the page hands in: the form it loaded and shows, as JSON.
/// The page's own core has checked it already (`published::load_form_json`
/// on a published form, the studio's check on an edited one: the same
/// `check_form` as the build), so it is parsed here, not checked again: a
/// second form checker in this module would be a second copy of the core.
/// The package pins the form's SHA-256, and `verify` checks it in full.
/// `id`, when given, is the form the document or package names.
fn given_form(form_json: &str, id: Option<&str>) -> Result<Form, JsError> {
    let form: Form = serde_json::from_str(form_json)
        .map_err(|_| JsError::new("Het formulier van deze pagina kon niet worden gelezen. Vernieuw de pagina en probeer het opnieuw; uw antwoorden in dit tabblad blijven bewaard."))?;
    match id {
        Some(id) if id != form.id => Err(JsError::new(&format!(
            "Deze antwoorden horen bij een ander formulier ({id}). Open ze op de pagina van dat formulier. Uw antwoorden op deze pagina zijn niet veranderd."
        ))),
        _ => Ok(form),
    }
}

fn document_and_form(document_json: &str, form_json: &str) -> Result<(Document, Form), JsError> {
    let doc = Document::from_json(document_json).map_err(|e| JsError::new(&e.message_nl()))?;
    let form = given_form(form_json, Some(&doc.form))?;
    Ok((doc, form))
}

/// The browser's clock as UTC, for the future-creation-time check.
fn now_utc() -> Result<DateTime<Utc>, JsError> {
    DateTime::from_timestamp_millis(js_sys::Date::now() as i64)
        .ok_or_else(|| JsError::new("De klok van deze browser geeft geen geldige tijd."))
}

/// The PDF summary alone (samenvatting.pdf), for a document as JSON text:
/// the same bytes a package made at `created` holds.
/// `form_json`: the definition the page shows (see [`given_form`]).
#[wasm_bindgen(js_name = render_pdf)]
pub fn render_summary(
    document_json: &str,
    form_json: &str,
    created: Option<String>,
) -> Result<Vec<u8>, JsError> {
    let (doc, form) = document_and_form(document_json, form_json)?;
    render_pdf(&form, &doc, created_at(created)?).map_err(|e| JsError::new(&e.message_nl()))
}

/// The package: `{bytes: Uint8Array, renamed: [{from, to}], hidden_left_out:
/// number}`. The ZIP holds aanvraag.json, samenvatting.pdf (rendered here from
/// the answers), the attachments (`[{name, bytes: Uint8Array}]`) under
/// bijlagen/ and manifest.json. Answers to fields that do not apply are left
/// out and `hidden_left_out` says how many; `renamed` lists attachments whose
/// names were changed so they unpack well on Windows and macOS (tell the user).
/// `form_json`: the definition the page loaded and shows (a published or
/// edited form too); the manifest pins its SHA-256.
#[wasm_bindgen]
pub fn make_package(
    document_json: &str,
    attachments: Array,
    form_json: &str,
    created: Option<String>,
) -> Result<Object, JsError> {
    let (doc, form) = document_and_form(document_json, form_json)?;
    let created = created_at(created)?;
    let mut files = Vec::new();
    for item in attachments.iter() {
        let name = Reflect::get(&item, &"name".into())
            .ok()
            .and_then(|v| v.as_string())
            .ok_or_else(|| JsError::new("Een bijlage heeft geen naam."))?;
        let bytes = Reflect::get(&item, &"bytes".into())
            .ok()
            .and_then(|v| v.dyn_into::<Uint8Array>().ok())
            .ok_or_else(|| {
                JsError::new(&format!("De bijlage \"{name}\" kon niet worden gelezen."))
            })?;
        files.push(Attachment {
            name,
            bytes: bytes.to_vec(),
        });
    }
    let built = build(&form, &doc, &files, created).map_err(|e| JsError::new(&e.message_nl()))?;
    let renamed = Array::new();
    for r in &built.renamed {
        let item = Object::new();
        set(&item, "from", &r.from.as_str().into())?;
        set(&item, "to", &r.to.as_str().into())?;
        renamed.push(&item);
    }
    let out = Object::new();
    set(
        &out,
        "bytes",
        &Uint8Array::from(built.bytes.as_slice()).into(),
    )?;
    set(&out, "renamed", &renamed.into())?;
    set(
        &out,
        "hidden_left_out",
        &JsValue::from(built.hidden_answers_left_out as u32),
    )?;
    Ok(out)
}

/// Opens a package to restore the form the page shows (`form_json`, the
/// definition it loaded): `{document: <JSON text>, form, attachments:
/// [{name, bytes}]}`. Hostile packages give an error, never a panic.
#[wasm_bindgen]
pub fn open_package(bytes: &[u8], form_json: &str) -> Result<Object, JsError> {
    let form = given_form(form_json, None)?;
    let opened = open_with(bytes, &Limits::default(), std::slice::from_ref(&form)).map_err(|e| {
        match e {
            // The page knows one form: a package of another belongs on its page.
            PackageError::UnknownForm { form: other } => JsError::new(&format!(
                "Dit pakket hoort bij een ander formulier ({other}). Open het op de pagina van dat formulier. Uw antwoorden op deze pagina zijn niet veranderd."
            )),
            e => JsError::new(&e.message_nl()),
        }
    })?;
    let json = serde_json::to_string(&opened.document)
        .map_err(|_| JsError::new("De antwoorden in het pakket konden niet worden gelezen."))?;
    let out = Object::new();
    let list = Array::new();
    for a in &opened.attachments {
        let item = Object::new();
        set(&item, "name", &a.name.as_str().into())?;
        set(&item, "bytes", &Uint8Array::from(a.bytes.as_slice()).into())?;
        list.push(&item);
    }
    set(&out, "document", &json.into())?;
    set(&out, "form", &opened.document.form.as_str().into())?;
    set(&out, "attachments", &list.into())?;
    Ok(out)
}

/// Verifies a package as `aanvraagwijzer verify --json` does; returns that
/// JSON text, judged with `form_json` (the definition the page loaded); a
/// package pinned to another definition is refused by name.
#[wasm_bindgen]
pub fn verify_package(bytes: &[u8], form_json: &str) -> Result<String, JsError> {
    let form = given_form(form_json, None)?;
    let report = verify_with(
        bytes,
        &Limits::default(),
        now_utc()?,
        std::slice::from_ref(&form),
    )
    .map_err(|e| JsError::new(&e.message_nl()))?;
    serde_json::to_string(&report)
        .map_err(|_| JsError::new("Het resultaat van de controle kon niet worden gemaakt."))
}

fn set(target: &Object, key: &str, value: &JsValue) -> Result<(), JsError> {
    Reflect::set(target, &key.into(), value)
        .map(|_| ())
        .map_err(|_| JsError::new("Het pakket kon niet worden uitgepakt in deze browser."))
}
