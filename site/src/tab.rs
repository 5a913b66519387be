//! Answers kept for the open tab, and the warning before leaving it.
//!
//! Every change is written to sessionStorage (one entry per form), which the
//! browser keeps across a reload and its crash restore and drops when the tab
//! is closed. Next to the answers the entry holds a fingerprint of the answers
//! last put somewhere lasting (an encrypted draft, a download, an opened
//! file); while the answers differ from that, leaving the page asks first
//! (`beforeunload`).
//!
//! A keystroke's own frame does not wait for the write: the answers change in
//! memory at once, and sessionStorage gets them in a task after the next
//! frame (at most one write per form per frame), or at once when the page is
//! left or hidden (`beforeunload`, `pagehide`, `visibilitychange`).

use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};

use leptos::prelude::*;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;
use web_sys::Storage;

use crate::state::FormState;

const PREFIX: &str = "aanvraagwijzer-tabblad:";

thread_local! {
    /// Forms whose answers in this tab are kept nowhere else.
    static UNSAVED: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
    /// Forms whose answers changed in memory since sessionStorage got them.
    static PENDING: RefCell<BTreeSet<String>> = const { RefCell::new(BTreeSet::new()) };
}

/// One form's entry in sessionStorage.
#[derive(Serialize, Deserialize, Default, Clone)]
struct Entry {
    answers: Map<String, Value>,
    /// Fingerprint of the answers last kept elsewhere.
    kept: String,
}

fn storage() -> Option<Storage> {
    web_sys::window().and_then(|w| w.session_storage().ok().flatten())
}

/// FNV-1a over the answers' JSON: enough to tell "changed since" apart.
fn fingerprint(answers: &Map<String, Value>) -> String {
    fingerprint_of(&serde_json::to_string(answers).unwrap_or_default())
}

/// [`fingerprint`] of answers already written as JSON.
fn fingerprint_of(text: &str) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for b in text.bytes() {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0100_0000_01b3);
    }
    format!("{h:016x}")
}

/// Whether anything was typed, chosen or ticked (empty strings do not count:
/// a field typed in and cleared again holds nothing to lose).
fn has_content(value: &Value) -> bool {
    match value {
        Value::Null => false,
        Value::Bool(b) => *b,
        Value::String(s) => !s.trim().is_empty(),
        Value::Number(_) => true,
        Value::Array(items) => items.iter().any(has_content),
        Value::Object(map) => map.values().any(has_content),
    }
}

fn unsaved(entry: &Entry) -> bool {
    unsaved_as(
        entry,
        &serde_json::to_string(&entry.answers).unwrap_or_default(),
    )
}

/// [`unsaved`] with the answers already written as JSON (`answers`).
fn unsaved_as(entry: &Entry, answers: &str) -> bool {
    entry.answers.values().any(has_content) && fingerprint_of(answers) != entry.kept
}

/// The tab's answers per form. Provided once by the app (`Copy`: a handle).
#[derive(Clone, Copy)]
pub struct TabAnswers(StoredValue<HashMap<String, Entry>>);

impl TabAnswers {
    /// Reads what this tab kept before a reload and installs the warning
    /// before leaving.
    pub fn new() -> TabAnswers {
        let mut entries = HashMap::new();
        if let Some(store) = storage() {
            let n = store.length().unwrap_or(0);
            for key in (0..n).filter_map(|i| store.key(i).ok().flatten()) {
                let Some(form) = key.strip_prefix(PREFIX) else {
                    continue;
                };
                let Some(entry) = store
                    .get_item(&key)
                    .ok()
                    .flatten()
                    .and_then(|t| serde_json::from_str::<Entry>(&t).ok())
                else {
                    continue;
                };
                mark(form, unsaved(&entry));
                entries.insert(form.to_owned(), entry);
            }
        }
        let tab = TabAnswers(StoredValue::new(entries));
        install_leave_handlers(tab);
        tab
    }

    /// Whether the tab can keep answers across a reload in this browser.
    pub fn available() -> bool {
        storage().is_some()
    }

    /// The answers last given to a form in this tab.
    pub fn get(&self, form_id: &str) -> Map<String, Value> {
        self.0
            .with_value(|m| m.get(form_id).map(|e| e.answers.clone()))
            .unwrap_or_default()
    }

    /// Follows a form's answers from now on: every change is stored, in
    /// memory at once and in sessionStorage after the frame (see the module).
    pub fn follow(&self, state: FormState) {
        let tab = *self;
        Effect::new(move |_| {
            let answers = state.answers.get();
            let form_id = &state.form.id;
            tab.0
                .update_value(|m| m.entry(form_id.clone()).or_default().answers = answers);
            tab.write_after_frame(form_id);
        });
    }

    /// Writes `form_id`'s answers to sessionStorage in a task after the next
    /// frame, so that a keystroke is painted first.
    fn write_after_frame(&self, form_id: &str) {
        let first = PENDING.with(|p| {
            let mut p = p.borrow_mut();
            let first = p.is_empty();
            p.insert(form_id.to_owned());
            first
        });
        if first {
            let tab = *self;
            crate::state::after_frame(move || tab.flush());
        }
    }

    /// Writes every form whose answers changed since their last write.
    fn flush(&self) {
        let pending = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
        for form_id in pending {
            self.store(&form_id, |_| {});
        }
    }

    /// The current answers of the form are now kept elsewhere (a draft, a
    /// download, an opened file): no warning until they change again.
    pub fn mark_kept(&self, state: FormState) {
        let answers = state.answers.get_untracked();
        self.store(&state.form.id, |e| {
            e.kept = fingerprint(&answers);
            e.answers = answers;
        });
    }

    /// Changes a form's entry and writes it to sessionStorage now.
    fn store(&self, form_id: &str, change: impl FnOnce(&mut Entry)) {
        // Called after every keystroke's frame: the answers are written out
        // once, and that one text serves both the "unsaved" check and the
        // storage.
        let written = self.0.try_update_value(|m| {
            let entry = m.entry(form_id.to_owned()).or_default();
            change(entry);
            written(entry)
        });
        let Some(Some((unsaved, text))) = written else {
            return;
        };
        mark(form_id, unsaved);
        if let Some(store) = storage() {
            // A full storage only costs the reload safety net; the page
            // keeps working from memory.
            let _ = store.set_item(&format!("{PREFIX}{form_id}"), &text);
        }
    }
}

/// Whether `entry` holds answers not kept in a file, and the JSON to store
/// (the same as `serde_json::to_string(entry)`), writing the answers once.
fn written(entry: &Entry) -> Option<(bool, String)> {
    let answers = serde_json::to_string(&entry.answers).ok()?;
    let unsaved = unsaved_as(entry, &answers);
    let kept = serde_json::to_string(&entry.kept).ok()?;
    Some((unsaved, format!(r#"{{"answers":{answers},"kept":{kept}}}"#)))
}

impl Default for TabAnswers {
    fn default() -> Self {
        TabAnswers::new()
    }
}

fn mark(form_id: &str, unsaved: bool) {
    UNSAVED.with(|set| {
        let mut set = set.borrow_mut();
        if unsaved {
            set.insert(form_id.to_owned());
        } else {
            set.remove(form_id);
        }
    });
}

/// Writes what is pending when the page is left or hidden (a reload, a link
/// away, a closed tab, a phone switching apps), and asks the browser to
/// confirm leaving while some answers are kept only in this tab. Browsers
/// show their own text; ours is for older ones.
fn install_leave_handlers(tab: TabAnswers) {
    let Some(window) = web_sys::window() else {
        return;
    };
    let before_unload = Closure::<dyn Fn(web_sys::BeforeUnloadEvent)>::new(
        move |ev: web_sys::BeforeUnloadEvent| {
            tab.flush();
            if UNSAVED.with(|s| !s.borrow().is_empty()) {
                ev.prevent_default();
                ev.set_return_value(
                    "U hebt antwoorden die nog niet als concept zijn bewaard of gedownload.",
                );
            }
        },
    );
    let _ = window
        .add_event_listener_with_callback("beforeunload", before_unload.as_ref().unchecked_ref());
    let leave = Closure::<dyn Fn()>::new(move || tab.flush());
    for event in ["pagehide", "visibilitychange"] {
        let _ = window.add_event_listener_with_callback(event, leave.as_ref().unchecked_ref());
    }
    // The listeners live as long as the page.
    before_unload.forget();
    leave.forget();
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn entry(answers: Value, kept: &str) -> Entry {
        Entry {
            answers: answers.as_object().cloned().unwrap_or_default(),
            kept: kept.to_owned(),
        }
    }

    #[test]
    fn an_empty_or_cleared_form_has_nothing_to_lose() {
        assert!(!unsaved(&entry(json!({}), "")));
        let cleared = json!({"naam": " ", "adres": {"straat": ""}, "lijst": [{}], "vink": false});
        assert!(!unsaved(&entry(cleared, "")));
    }

    #[test]
    fn typed_answers_are_unsaved_until_kept_and_again_after_a_change() {
        let answers = json!({"bsn": "111222333"});
        assert!(unsaved(&entry(answers.clone(), "")));
        let kept = fingerprint(answers.as_object().unwrap());
        assert!(!unsaved(&entry(answers, &kept)));
        assert!(unsaved(&entry(json!({"bsn": "111222334"}), &kept)));
        assert!(unsaved(&entry(json!({"lijst": [{"x": true}]}), &kept)));
    }

    #[test]
    fn what_is_stored_per_keystroke_reads_back_as_the_same_answers() {
        let answers = json!({
            "naam": "Zoë \"Ayşe\" Kowalczyk-Öztürk",
            "toelichting": "Regel 1\nRegel 2 <b>& meer</b>",
            "lijst": [{"datum": "2026-11-29", "uren": 2.5}],
        });
        let kept = fingerprint(answers.as_object().unwrap());
        for (kept, unsaved) in [("", true), (kept.as_str(), false)] {
            let e = entry(answers.clone(), kept);
            let (is_unsaved, text) = written(&e).unwrap();
            assert_eq!(is_unsaved, unsaved);
            assert_eq!(text, serde_json::to_string(&e).unwrap());
            let back: Entry = serde_json::from_str(&text).unwrap();
            assert_eq!(back.answers, e.answers);
            assert_eq!(back.kept, e.kept);
        }
    }
}
