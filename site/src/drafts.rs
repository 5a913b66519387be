//! Drafts in the browser's localStorage, only when the user asks for it, and
//! always encrypted with a password the user chooses (see `crypto`).
//!
//! Each draft is its own entry, `aanvraagwijzer-concept-v2:<random id>`. In
//! readable form an entry holds only the form id and the dates; the answers
//! (name, BSN, everything) are AES-GCM ciphertext. Drafts expire after
//! `KEEP_DAYS` and are removed on the next visit after that.
//!
//! Before version 2 a draft was plain JSON under `aanvraagwijzer-concept:<form
//! id>` ("legacy"); such a draft can still be opened once, and is removed as
//! soon as the user saves an encrypted draft of that form or wipes it.

use aanvraagwijzer::Document;
use serde::{Deserialize, Serialize};
use web_sys::Storage;

use crate::crypto::{self, base64_decode, base64_encode, CryptoError, Sealed};

/// How long a draft is kept.
pub const KEEP_DAYS: u64 = 30;
const DAY_MS: u64 = 24 * 60 * 60 * 1000;
/// Every key this module writes starts with this (legacy ones too).
const FAMILY: &str = "aanvraagwijzer-concept";
const PREFIX: &str = "aanvraagwijzer-concept-v2:";
const LEGACY_PREFIX: &str = "aanvraagwijzer-concept:";
/// The shortest password accepted.
pub const MIN_PASSWORD: usize = 8;

/// What an entry holds; only `form` and the dates are readable.
#[derive(Serialize, Deserialize)]
struct Stored {
    v: u32,
    form: String,
    /// Milliseconds since 1970 (UTC), as `Date.now()`.
    saved: u64,
    expires: u64,
    kdf: String,
    iterations: u32,
    salt: String,
    nonce: String,
    data: String,
}

/// A stored draft as the list shows it: no answer is readable here.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DraftInfo {
    /// The random id (part of the storage key).
    pub id: String,
    /// The form the draft belongs to.
    pub form: String,
    /// When it was saved (ms since 1970).
    pub saved: u64,
    /// When it will be removed (ms since 1970).
    pub expires: u64,
}

/// The browser's clock, in ms since 1970; tests control it through `Date`.
pub fn now_ms() -> u64 {
    js_sys::Date::now() as u64
}

fn storage() -> Option<Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

const UNAVAILABLE: &str =
    "Deze browser staat niet toe dat de website iets bewaart. Kies \"Bewaar de antwoorden als bestand\" om uw antwoorden te bewaren.";

fn keys(store: &Storage) -> Vec<String> {
    let n = store.length().unwrap_or(0);
    (0..n).filter_map(|i| store.key(i).ok().flatten()).collect()
}

/// The additional authenticated data: the entry's readable facts, so that
/// changing its form or dates in storage makes it fail to open.
fn aad(id: &str, form: &str, saved: u64, expires: u64) -> Vec<u8> {
    format!("{PREFIX}{id}\n{form}\n{saved}\n{expires}").into_bytes()
}

fn read(store: &Storage, id: &str) -> Option<Stored> {
    let text = store.get_item(&format!("{PREFIX}{id}")).ok().flatten()?;
    serde_json::from_str::<Stored>(&text)
        .ok()
        .filter(|s| s.v == 2)
}

/// All drafts still valid, newest first.
pub fn list() -> Vec<DraftInfo> {
    let Some(store) = storage() else {
        return Vec::new();
    };
    let now = now_ms();
    let mut drafts: Vec<DraftInfo> = keys(&store)
        .into_iter()
        .filter_map(|k| k.strip_prefix(PREFIX).map(str::to_owned))
        .filter_map(|id| {
            let s = read(&store, &id)?;
            (s.expires > now).then_some(DraftInfo {
                id,
                form: s.form,
                saved: s.saved,
                expires: s.expires,
            })
        })
        .collect();
    drafts.sort_by(|a, b| b.saved.cmp(&a.saved).then_with(|| a.id.cmp(&b.id)));
    drafts
}

/// The drafts of one form, newest first.
pub fn list_for(form_id: &str) -> Vec<DraftInfo> {
    list().into_iter().filter(|d| d.form == form_id).collect()
}

/// Removes expired and unreadable entries; returns how many expired.
pub fn purge_expired() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let now = now_ms();
    let mut expired = 0;
    for key in keys(&store) {
        let Some(id) = key.strip_prefix(PREFIX) else {
            continue;
        };
        match read(&store, id) {
            Some(s) if s.expires > now => {}
            Some(_) => {
                expired += 1;
                let _ = store.remove_item(&key);
            }
            // Damaged beyond reading: nobody can ever open it.
            None => {
                let _ = store.remove_item(&key);
            }
        }
    }
    expired
}

/// Encrypts `doc` under `password` and stores it as a new draft, or in place
/// of draft `replace`. Returns the stored draft's facts.
pub async fn save(
    doc: &Document,
    password: &str,
    replace: Option<String>,
) -> Result<DraftInfo, String> {
    let store = storage().ok_or(UNAVAILABLE)?;
    let id = match replace {
        Some(id) => id,
        None => hex(&crypto::random_bytes(16).map_err(crypto_message)?),
    };
    let saved = now_ms();
    let expires = saved + KEEP_DAYS * DAY_MS;
    let plain = serde_json::to_vec(doc).map_err(|_| FULL.to_owned())?;
    let sealed = crypto::encrypt(password, &plain, &aad(&id, &doc.form, saved, expires))
        .await
        .map_err(crypto_message)?;
    let stored = Stored {
        v: 2,
        form: doc.form.clone(),
        saved,
        expires,
        kdf: "PBKDF2-SHA-256".to_owned(),
        iterations: crypto::ITERATIONS,
        salt: base64_encode(&sealed.salt),
        nonce: base64_encode(&sealed.nonce),
        data: base64_encode(&sealed.data),
    };
    let text = serde_json::to_string(&stored).map_err(|_| FULL.to_owned())?;
    store
        .set_item(&format!("{PREFIX}{id}"), &text)
        .map_err(|_| FULL.to_owned())?;
    // The plaintext draft of this form, if any, is replaced by this one.
    let _ = store.remove_item(&format!("{LEGACY_PREFIX}{}", doc.form));
    Ok(DraftInfo {
        id,
        form: doc.form.clone(),
        saved,
        expires,
    })
}

const FULL: &str = "Het concept kon niet worden bewaard (de opslag van de browser is vol of geblokkeerd). Kies \"Bewaar de antwoorden als bestand\".";

fn crypto_message(e: CryptoError) -> String {
    match e {
        CryptoError::Unavailable => "Deze browser kan het concept niet versleutelen. Gebruik een recente versie van Firefox, Chrome, Edge of Safari, of kies \"Bewaar de antwoorden als bestand\".".to_owned(),
        CryptoError::WrongPassword => WRONG_PASSWORD.to_owned(),
        CryptoError::Failed(_) => "Versleutelen lukte niet in deze browser. Probeer het nog eens, of kies \"Bewaar de antwoorden als bestand\".".to_owned(),
    }
}

/// Shown for a wrong password; the draft itself is untouched.
pub const WRONG_PASSWORD: &str =
    "Dit wachtwoord klopt niet. Het concept is niet gewist. Typ het wachtwoord opnieuw.";

/// Why a draft did not open.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum OpenError {
    /// The password does not fit: say so beside the password input.
    WrongPassword,
    /// Anything else, in Dutch.
    Other(String),
}

/// Decrypts draft `id` with `password`.
pub async fn open(id: &str, password: &str) -> Result<Document, OpenError> {
    let store = storage().ok_or_else(|| OpenError::Other(UNAVAILABLE.to_owned()))?;
    let gone = || {
        OpenError::Other(
            "Dit concept staat niet meer in deze browser. Misschien is het verlopen of gewist."
                .to_owned(),
        )
    };
    let s = read(&store, id).ok_or_else(gone)?;
    if s.expires <= now_ms() {
        return Err(gone());
    }
    let damaged =
        || OpenError::Other("Dit concept is beschadigd en kan niet worden geopend.".to_owned());
    let sealed = Sealed {
        salt: base64_decode(&s.salt).ok_or_else(damaged)?,
        nonce: base64_decode(&s.nonce).ok_or_else(damaged)?,
        data: base64_decode(&s.data).ok_or_else(damaged)?,
    };
    let plain = crypto::decrypt(
        password,
        &sealed,
        s.iterations,
        &aad(id, &s.form, s.saved, s.expires),
    )
    .await
    .map_err(|e| match e {
        CryptoError::WrongPassword => OpenError::WrongPassword,
        other => OpenError::Other(crypto_message(other)),
    })?;
    let text = String::from_utf8(plain).map_err(|_| damaged())?;
    Document::from_json(&text).map_err(|e| OpenError::Other(e.message_nl()))
}

/// Removes one draft.
pub fn remove(id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{PREFIX}{id}"));
    }
}

/// Removes every draft of every form, encrypted or legacy, damaged or not.
/// Returns how many entries went.
pub fn wipe_all() -> usize {
    let Some(store) = storage() else {
        return 0;
    };
    let doomed: Vec<String> = keys(&store)
        .into_iter()
        .filter(|k| k.starts_with(FAMILY))
        .collect();
    for key in &doomed {
        let _ = store.remove_item(key);
    }
    doomed.len()
}

/// Whether a form has a plaintext draft from before encryption.
pub fn has_legacy(form_id: &str) -> bool {
    storage()
        .and_then(|s| {
            s.get_item(&format!("{LEGACY_PREFIX}{form_id}"))
                .ok()
                .flatten()
        })
        .is_some()
}

/// A form's plaintext draft from before encryption.
pub fn load_legacy(form_id: &str) -> Option<Result<Document, String>> {
    let text = storage()?
        .get_item(&format!("{LEGACY_PREFIX}{form_id}"))
        .ok()
        .flatten()?;
    Some(Document::from_json(&text).map_err(|e| e.message_nl()))
}

/// The forms with a plaintext draft from before encryption.
pub fn legacy_forms() -> Vec<String> {
    storage()
        .map(|s| {
            keys(&s)
                .into_iter()
                .filter_map(|k| k.strip_prefix(LEGACY_PREFIX).map(str::to_owned))
                .collect()
        })
        .unwrap_or_default()
}

/// Removes a form's plaintext draft.
pub fn remove_legacy(form_id: &str) {
    if let Some(store) = storage() {
        let _ = store.remove_item(&format!("{LEGACY_PREFIX}{form_id}"));
    }
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// `28-11-2026 om 21:15`, in the browser's time zone.
pub fn date_time_nl(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}-{:02}-{} om {:02}:{:02}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year(),
        d.get_hours(),
        d.get_minutes()
    )
}

/// `28-12-2026`, in the browser's time zone.
pub fn date_nl(ms: u64) -> String {
    let d = js_sys::Date::new(&wasm_bindgen::JsValue::from_f64(ms as f64));
    format!(
        "{:02}-{:02}-{}",
        d.get_date(),
        d.get_month() + 1,
        d.get_full_year()
    )
}
