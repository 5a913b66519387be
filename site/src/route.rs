//! Hash routing: `#/` is the start page, `#/<swv>/<form>` a form.
//!
//! Hash routes need no server support, so the site is plain static files.

use leptos::prelude::*;

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the list of forms.
    Start,
    /// A form id (`rsv-breda-vo/tlv-vso`), known to exist.
    Form(String),
    /// Anything else; shown as a Dutch "not found" page, never a blank one.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (`#/rsv-breda-vo/tlv-vso`).
    pub fn parse(hash: &str) -> Route {
        let path = hash.trim_start_matches('#').trim_matches('/');
        if path.is_empty() {
            return Route::Start;
        }
        match aanvraagwijzer::find_form(path) {
            Some(form) => Route::Form(form.id.clone()),
            None => Route::NotFound(path.to_owned()),
        }
    }

    /// The link to a form.
    pub fn href_form(id: &str) -> String {
        format!("#/{id}")
    }
}

/// The current route, following `hashchange`.
pub fn use_route() -> ReadSignal<Route> {
    let current = || {
        web_sys::window()
            .and_then(|w| w.location().hash().ok())
            .unwrap_or_default()
    };
    let (route, set_route) = signal(Route::parse(&current()));
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(Route::parse(&current()));
        // A new page starts at the top, as after a normal link.
        if let Some(w) = web_sys::window() {
            w.scroll_to_with_x_and_y(0.0, 0.0);
        }
    });
    on_cleanup(move || handle.remove());
    route
}
