//! Hash routing: `#/` is the start page (`#/?swv=<swv>&soort=<kind>` with
//! its choices), `#/<swv>/<form>` a form.
//!
//! Hash routes need no server support, so the site is plain static files.

use aanvraagwijzer::RequestKind;
use leptos::prelude::*;

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the list of forms, narrowed by the choices in the URL.
    Start(StartFilter),
    /// A form id (`rsv-breda-vo/tlv-vso`), known to exist.
    Form(String),
    /// Anything else; shown as a Dutch "not found" page, never a blank one.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (`#/rsv-breda-vo/tlv-vso`).
    pub fn parse(hash: &str) -> Route {
        let rest = hash.trim_start_matches('#');
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.trim_matches('/');
        if path.is_empty() {
            return Route::Start(StartFilter::parse(query));
        }
        match crate::catalog::entry(path) {
            Some(entry) => Route::Form(entry.id),
            None => Route::NotFound(path.to_owned()),
        }
    }

    /// The link to the start page with these choices.
    pub fn href_start(filter: &StartFilter) -> String {
        let mut parts = Vec::new();
        if let Some(swv) = &filter.swv {
            parts.push(format!("swv={swv}"));
        }
        if let Some(kind) = filter.kind {
            parts.push(format!("soort={}", kind.value()));
        }
        if parts.is_empty() {
            "#/".to_owned()
        } else {
            format!("#/?{}", parts.join("&"))
        }
    }

    /// The link to a form.
    pub fn href_form(id: &str) -> String {
        format!("#/{id}")
    }
}

/// The start page's choices: which SWV, what kind of request (none: all).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct StartFilter {
    /// An SWV id that has forms (`berseba`).
    pub swv: Option<String>,
    /// What is asked for.
    pub kind: Option<RequestKind>,
}

impl StartFilter {
    /// Reads `swv=berseba&soort=toelating`; unknown values are ignored.
    fn parse(query: &str) -> StartFilter {
        let mut filter = StartFilter::default();
        for pair in query.split('&') {
            match pair.split_once('=') {
                Some(("swv", v)) if crate::catalog::entries().iter().any(|f| f.swv() == v) => {
                    filter.swv = Some(v.to_owned());
                }
                Some(("soort", v)) => filter.kind = RequestKind::from_value(v),
                _ => {}
            }
        }
        filter
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_start_page_reads_its_choices_from_the_url() {
        assert_eq!(Route::parse(""), Route::Start(StartFilter::default()));
        assert_eq!(Route::parse("#/"), Route::Start(StartFilter::default()));
        assert_eq!(
            Route::parse("#/?swv=berseba&soort=toelating"),
            Route::Start(StartFilter {
                swv: Some("berseba".into()),
                kind: Some(RequestKind::Toelating),
            })
        );
        // Unknown values are ignored, not a "not found" page.
        assert_eq!(
            Route::parse("#/?swv=onbekend&soort=iets"),
            Route::Start(StartFilter::default())
        );
        assert_eq!(
            Route::parse("#/rsv-breda-vo/tlv-vso"),
            Route::Form("rsv-breda-vo/tlv-vso".into())
        );
    }

    #[test]
    fn start_links_round_trip() {
        let filter = StartFilter {
            swv: Some("de-meierij".into()),
            kind: Some(RequestKind::Verlenging),
        };
        let href = Route::href_start(&filter);
        assert_eq!(href, "#/?swv=de-meierij&soort=verlenging");
        assert_eq!(Route::parse(&href), Route::Start(filter));
        assert_eq!(Route::href_start(&StartFilter::default()), "#/");
    }
}
