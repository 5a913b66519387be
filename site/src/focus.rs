//! Moving keyboard focus to a field (error summary links, new list items).

use wasm_bindgen::JsCast;
use web_sys::HtmlElement;

/// Focuses the element with `id`; for a group (fieldset) its first input. When
/// no element has that id (a part of a hidden group), the nearest enclosing
/// field (`veld-a-b` -> `veld-a`) is tried. Returns whether focus moved.
pub fn focus_field(id: &str) -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else {
        return false;
    };
    let mut candidate = id.to_owned();
    loop {
        if let Some(el) = document.get_element_by_id(&candidate) {
            let target = if matches!(el.tag_name().as_str(), "INPUT" | "TEXTAREA" | "SELECT") {
                Some(el)
            } else {
                // A group (radios, a signature): its first input; an empty
                // list: its "Voeg een … toe" button.
                el.query_selector("input, textarea, select, button")
                    .ok()
                    .flatten()
            };
            if let Some(target) = target.and_then(|t| t.dyn_into::<HtmlElement>().ok()) {
                target.scroll_into_view();
                return target.focus().is_ok();
            }
            return false;
        }
        match candidate.rfind('-') {
            Some(cut) if candidate[..cut].len() > "veld".len() => candidate.truncate(cut),
            _ => return false,
        }
    }
}

/// Focuses any element by id (a heading or alert with `tabindex="-1"`).
pub fn focus_element(id: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(id))
        .and_then(|e| e.dyn_into::<HtmlElement>().ok());
    if let Some(el) = el {
        let _ = el.focus();
    }
}
