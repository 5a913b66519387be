//! Which HTML file this is. The build prerenders the start page
//! (`index.html`) and every form's own page (`<swv>/<form>/index.html`, an
//! address an SWV's website can link to) with the app's own components
//! (site/prerender.mjs). A form's page names its form and the way back to the
//! build's root folder in two `<meta>` elements; the app reads them here, so
//! it finds its files from any folder and opens on that page's form.

use std::sync::OnceLock;

use wasm_bindgen::JsCast;

/// This page's two facts, read once.
struct ThisPage {
    /// From this page to the build's root folder: `""` or `"../../"`.
    root: String,
    /// The form whose own page this is (`rsv-breda-po/opp`).
    form: Option<String>,
}

fn this_page() -> &'static ThisPage {
    static PAGE: OnceLock<ThisPage> = OnceLock::new();
    PAGE.get_or_init(|| {
        // Host unit tests have no browser: they are the start page.
        let doc = if cfg!(target_arch = "wasm32") {
            web_sys::window().and_then(|w| w.document())
        } else {
            None
        };
        let meta = |name| doc.as_ref().and_then(|d| crate::branding::meta(d, name));
        ThisPage {
            // Only a relative way up: the page never names another origin.
            root: meta("root")
                .filter(|r| r.split('/').all(|p| p.is_empty() || p == ".."))
                .unwrap_or_default(),
            form: meta("formulier"),
        }
    })
}

/// The way from this page to the build's root folder (`""` on the start
/// page, `"../../"` on a form's own page). Files of the site are named from
/// the root, so every fetch and every link out of the page starts with it.
pub fn root() -> &'static str {
    &this_page().root
}

/// The form this page is the own page of, if it is one.
pub fn form() -> Option<&'static str> {
    this_page().form.as_deref()
}

/// What a prerendered page held when the app took it over: what the user
/// typed or ticked before the wasm had loaded, and where the focus was.
pub struct Carried {
    values: Vec<(String, Control)>,
    /// The focused element's place among the page's focusable elements:
    /// the app draws the same page, so the same place is the same element.
    focus: Option<u32>,
}

/// What can have the focus on a page (links, controls, targets of skip links).
const FOCUSABLE: &str = "a[href], button, input, select, textarea, summary, [tabindex]";

/// One control's state that differs from the page as built.
enum Control {
    Text(String),
    Checked(bool),
}

impl Carried {
    /// Reads the controls of the prerendered page in `root` that the user
    /// changed (by id), and the focused element's place ([`FOCUSABLE`]).
    pub fn take(root: &web_sys::Element) -> Carried {
        let mut values = Vec::new();
        if let Ok(list) = root.query_selector_all("input[id], textarea[id]") {
            for i in 0..list.length() {
                let Some(node) = list.item(i) else { continue };
                if let Some(input) = node.dyn_ref::<web_sys::HtmlInputElement>() {
                    let kind = input.type_();
                    // A radio button the user left is unticked by the one
                    // they chose: only the chosen one is carried, so the
                    // order of the events cannot undo the choice.
                    if kind == "radio" {
                        if input.checked() && !input.default_checked() {
                            values.push((input.id(), Control::Checked(true)));
                        }
                    } else if kind == "checkbox" {
                        if input.checked() != input.default_checked() {
                            values.push((input.id(), Control::Checked(input.checked())));
                        }
                    } else if kind != "file" && input.value() != input.default_value() {
                        values.push((input.id(), Control::Text(input.value())));
                    }
                } else if let Some(area) = node.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                    if area.default_value().is_ok_and(|d| d != area.value()) {
                        values.push((area.id(), Control::Text(area.value())));
                    }
                }
            }
        }
        let active = web_sys::window()
            .and_then(|w| w.document())
            .and_then(|d| d.active_element());
        let focus = active.and_then(|active| {
            let list = root.query_selector_all(FOCUSABLE).ok()?;
            (0..list.length()).find(|i| {
                list.item(*i)
                    .is_some_and(|n| n.is_same_node(Some(active.unchecked_ref())))
            })
        });
        Carried { values, focus }
    }

    /// Puts the carried state into the app's page, as if typed there: an
    /// `input` and a `change` event per control, so the app's own handlers
    /// take the values in (and keep them in the tab).
    pub fn restore(self, root: &web_sys::Element) {
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return;
        };
        for (id, control) in self.values {
            let Some(element) = doc.get_element_by_id(&id) else {
                continue;
            };
            match (&control, element.dyn_ref::<web_sys::HtmlInputElement>()) {
                (Control::Checked(on), Some(input)) => input.set_checked(*on),
                (Control::Text(text), Some(input)) => input.set_value(text),
                (Control::Text(text), None) => {
                    if let Some(area) = element.dyn_ref::<web_sys::HtmlTextAreaElement>() {
                        area.set_value(text);
                    }
                }
                (Control::Checked(_), None) => continue,
            }
            for kind in ["input", "change"] {
                let init = web_sys::EventInit::new();
                init.set_bubbles(true);
                if let Ok(event) = web_sys::Event::new_with_event_init_dict(kind, &init) {
                    let _ = element.dispatch_event(&event);
                }
            }
        }
        let focused = self.focus.and_then(|i| {
            let list = root.query_selector_all(FOCUSABLE).ok()?;
            list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()
        });
        if let Some(element) = focused {
            let _ = element.focus();
        }
    }
}
