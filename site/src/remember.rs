//! The SWV the user asked this computer to remember (issue 12 §10): only on
//! request, only the SWV's id, and gone again when the box is unticked.

use web_sys::Storage;

/// The one localStorage key; it holds an SWV id (`berseba`) and nothing else.
/// Outside the drafts' key family, so "Wis alle concepten" leaves it alone.
const KEY: &str = "aanvraagwijzer-swv";

fn storage() -> Option<Storage> {
    web_sys::window().and_then(|w| w.local_storage().ok().flatten())
}

/// The remembered SWV id, if any and if it still has forms.
pub fn swv() -> Option<String> {
    let id = storage()?.get_item(KEY).ok().flatten()?;
    crate::forms::entries()
        .iter()
        .any(|f| f.swv() == id)
        .then_some(id)
}

/// Remembers this SWV id on this computer; a blocked or full storage just
/// means it is not remembered (the choice still works for this visit).
pub fn keep(id: &str) {
    if let Some(store) = storage() {
        let _ = store.set_item(KEY, id);
    }
}

/// Forgets the remembered SWV.
pub fn forget() {
    if let Some(store) = storage() {
        let _ = store.remove_item(KEY);
    }
}
