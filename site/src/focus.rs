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
                let focused = target.focus().is_ok();
                // Focus alone scrolls just the input into view; the label
                // and the message above it belong in view too.
                let container = target
                    .closest(".aw-field, fieldset")
                    .ok()
                    .flatten()
                    .unwrap_or_else(|| target.clone().into());
                container.scroll_into_view_with_bool(true);
                return focused;
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

thread_local! {
    /// Whether a mouse button or finger is down on the page right now.
    static POINTER_DOWN: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
    /// Work held back until the pointer is released (see [`after_pointer_release`]).
    static PENDING: std::cell::RefCell<Vec<Box<dyn FnOnce()>>> =
        const { std::cell::RefCell::new(Vec::new()) };
    static LISTENING: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `work` now, or, while a mouse button or finger is down, right after
/// it is released and the click has been delivered.
///
/// Leaving a field by clicking the next question blurs the field on
/// mousedown; a message shown at that moment moves the page, and the mouseup
/// lands somewhere else, so the click is lost. Holding the message back until
/// after the click keeps the target where the user pressed it.
pub fn after_pointer_release(work: impl FnOnce() + 'static) {
    listen_to_pointer();
    if POINTER_DOWN.with(std::cell::Cell::get) {
        PENDING.with(|p| p.borrow_mut().push(Box::new(work)));
    } else {
        work();
    }
}

/// Starts following the mouse button; call before the first field can change
/// (installing it during a press would miss that press).
pub fn listen_to_pointer() {
    if LISTENING.with(|l| l.replace(true)) {
        return;
    }
    use leptos::prelude::window_event_listener;
    // The handles are never removed: one set of listeners lives as long as
    // the page.
    let _ = window_event_listener(leptos::ev::pointerdown, |_| {
        POINTER_DOWN.with(|d| d.set(true));
    });
    let release = |_| {
        POINTER_DOWN.with(|d| d.set(false));
        // `click` is dispatched after `pointerup` in the same task; a timeout
        // runs after it.
        leptos::prelude::set_timeout(flush_pending, std::time::Duration::ZERO);
    };
    let _ = window_event_listener(leptos::ev::pointerup, release);
    let _ = window_event_listener(leptos::ev::pointercancel, release);
}

fn flush_pending() {
    let pending: Vec<Box<dyn FnOnce()>> = PENDING.with(|p| std::mem::take(&mut *p.borrow_mut()));
    for work in pending {
        work();
    }
}

/// Says `message` through the page's polite live region (`#aw-melding`).
pub fn announce(message: &str) {
    let el = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id(ANNOUNCER_ID));
    if let Some(el) = el {
        // Clearing first makes a repeated message be read again.
        el.set_text_content(None);
        el.set_text_content(Some(message));
    }
}

/// The id of the polite live region [`announce`] writes to.
pub const ANNOUNCER_ID: &str = "aw-melding";
