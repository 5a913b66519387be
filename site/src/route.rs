//! Hash routing: `#/` is the start page (`#/?swv=<swv>&soort=<kind>` with
//! its choices), `#/<swv>/<form>` a form's task list, `#/<swv>/<form>/<section>`
//! one section (`?veld=<dom id>`: focus that field), `#/<swv>/<form>/controleer`
//! the check page.
//!
//! Hash routes need no server support, so the site is plain static files.

use aanvraagwijzer::RequestKind;
use leptos::prelude::*;

/// Where the user is.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Route {
    /// `#/`: the list of forms, narrowed by the choices in the URL.
    Start(StartFilter),
    /// A form id (`rsv-breda-vo/tlv-vso`) of the index, and which of its
    /// pages (a section is checked against the form once it has loaded).
    Form(String, FormView),
    /// `#/studio`: the form studio for SWV staff; the string is the rest of
    /// the path and query (`<form id>/<section>`, the preview's own pages).
    /// Only the studio's own build (`studio/`) shows it; the school's build
    /// points there.
    Studio(String),
    /// Anything else; shown as a Dutch "not found" page, never a blank one.
    NotFound(String),
}

impl Route {
    /// Reads a `location.hash` value (`#/rsv-breda-vo/tlv-vso`) on the
    /// start page.
    #[cfg(test)]
    pub fn parse(hash: &str) -> Route {
        Route::parse_on(hash, None)
    }

    /// Reads a `location.hash` value on the page it is the address of: a
    /// form's own page (`rsv-breda-po/opp/`, [`crate::page::form`]) opens
    /// on that form when the hash names no other page.
    pub fn parse_on(hash: &str, page_form: Option<&str>) -> Route {
        let rest = hash.trim_start_matches('#');
        // `#inhoud` (a skip link followed before the app had loaded) is a
        // place on the page, not a route.
        let rest = if rest.starts_with('/') { rest } else { "" };
        let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
        let path = path.trim_matches('/');
        // The studio's own build (feature `studio`, dist/studio/) opens on it.
        if path.is_empty() && cfg!(feature = "studio") {
            return Route::Studio(String::new());
        }
        if path.is_empty() && query.is_empty() {
            if let Some(id) = page_form.and_then(crate::forms::entry).map(|e| e.id) {
                return Route::Form(id, FormView::Overview);
            }
        }
        if path.is_empty() {
            return Route::Start(StartFilter::parse(query));
        }
        if let Some(studio) = path.strip_prefix(STUDIO) {
            if studio.is_empty() || studio.starts_with('/') {
                let rest = studio.trim_start_matches('/');
                return Route::Studio(if query.is_empty() {
                    rest.to_owned()
                } else {
                    format!("{rest}?{query}")
                });
            }
        }
        // The index knows the form ids; the sections are known only once the
        // form has loaded (`forms::FormRoute` shows "not found" for a
        // section the form does not have).
        if crate::forms::entry(path).is_some() {
            return Route::Form(path.to_owned(), FormView::Overview);
        }
        let view = path.rsplit_once('/').and_then(|(id, page)| {
            let id = crate::forms::entry(id)?.id;
            let view = if page == CHECK {
                FormView::Check
            } else {
                let focus = query
                    .split('&')
                    .find_map(|p| p.strip_prefix("veld="))
                    .filter(|v| v.starts_with("veld-"))
                    .map(str::to_owned);
                FormView::Section(page.to_owned(), focus)
            };
            Some(Route::Form(id, view))
        });
        view.unwrap_or_else(|| Route::NotFound(path.to_owned()))
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
        let root = crate::page::root();
        if parts.is_empty() {
            format!("{root}#/")
        } else {
            format!("{root}#/?{}", parts.join("&"))
        }
    }

    /// The link to the start page with all forms (from a form's own page:
    /// the start page's own file, prerendered).
    pub fn href_home() -> String {
        Route::href_start(&StartFilter::default())
    }

    /// The link to a form (its task list).
    pub fn href_form(id: &str) -> String {
        format!("#/{id}")
    }

    /// The link to a section's page, optionally focusing a field (its DOM id).
    pub fn href_section(form: &str, section: &str, focus: Option<&str>) -> String {
        match focus {
            Some(dom_id) => format!("#/{form}/{section}?veld={dom_id}"),
            None => format!("#/{form}/{section}"),
        }
    }

    /// The link to a form's "Controleer uw antwoorden" page.
    pub fn href_check(form: &str) -> String {
        format!("#/{form}/{CHECK}")
    }
}

/// The form studio's address (`#/studio`); no SWV may have this id.
const STUDIO: &str = "studio";

/// The last path segment of the check page; `check_form` refuses a section
/// with this id, wherever a form is loaded.
use aanvraagwijzer::definition::check::CHECK_PAGE as CHECK;

/// Which page of a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormView {
    /// The task list: every section with its status.
    Overview,
    /// One section (its id), and the DOM id of a field to focus on arrival.
    Section(String, Option<String>),
    /// "Controleer uw antwoorden": all answers, findings and the package.
    Check,
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
                Some(("swv", v)) if crate::forms::entries().iter().any(|f| f.swv() == v) => {
                    filter.swv = Some(v.to_owned());
                }
                Some(("soort", v)) => filter.kind = RequestKind::from_value(v),
                _ => {}
            }
        }
        filter
    }
}

/// The route of the address the browser shows now, on this page.
pub fn current() -> Route {
    let hash = web_sys::window()
        .and_then(|w| w.location().hash().ok())
        .unwrap_or_default();
    Route::parse_on(&hash, crate::page::form())
}

/// The current route, following `hashchange`.
pub fn use_route() -> ReadSignal<Route> {
    let (route, set_route) = signal(current());
    let handle = window_event_listener(leptos::ev::hashchange, move |_| {
        set_route.set(current());
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
    use aanvraagwijzer::published::{FormIndex, IndexEntry};

    /// An index as the build writes it, for the forms these tests name.
    fn with_index() {
        let entry = |id: &str| IndexEntry {
            id: id.to_owned(),
            file: aanvraagwijzer::published::data_file(id),
            swv_name: id.to_owned(),
            title: id.to_owned(),
            description: String::new(),
            kind: RequestKind::Toelating,
            version: "1".to_owned(),
        };
        crate::forms::set_index(FormIndex {
            forms: [
                "berseba/tlv",
                "de-meierij/tlv",
                "rsv-breda-po/opp",
                "rsv-breda-vo/tlv-vso",
            ]
            .into_iter()
            .map(entry)
            .collect(),
        });
    }

    #[test]
    #[cfg_attr(feature = "studio", ignore = "the studio's build opens on the studio")]
    fn the_start_page_reads_its_choices_from_the_url() {
        with_index();
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
            Route::Form("rsv-breda-vo/tlv-vso".into(), FormView::Overview)
        );
    }

    #[test]
    fn section_and_check_pages_round_trip() {
        with_index();
        let form = "rsv-breda-po/opp";
        assert_eq!(
            Route::parse(&Route::href_section(form, "beeld", None)),
            Route::Form(form.into(), FormView::Section("beeld".into(), None))
        );
        assert_eq!(
            Route::parse(&Route::href_section(form, "leerling", Some("veld-bsn"))),
            Route::Form(
                form.into(),
                FormView::Section("leerling".into(), Some("veld-bsn".into()))
            )
        );
        assert_eq!(
            Route::parse(&Route::href_check(form)),
            Route::Form(form.into(), FormView::Check)
        );
        // A form the index does not have is "not found" at once.
        assert_eq!(
            Route::parse("#/rsv-breda-po/bestaat-niet/beeld"),
            Route::NotFound("rsv-breda-po/bestaat-niet/beeld".into())
        );
    }

    #[test]
    fn the_studio_keeps_its_preview_pages() {
        with_index();
        assert_eq!(Route::parse("#/studio"), Route::Studio(String::new()));
        assert_eq!(
            Route::parse("#/studio/rsv-breda-po/opp/beeld?veld=veld-x"),
            Route::Studio("rsv-breda-po/opp/beeld?veld=veld-x".into())
        );
        assert!(crate::forms::entries().iter().all(|f| f.swv() != STUDIO));
    }

    #[test]
    #[cfg(feature = "studio")]
    fn the_studio_build_opens_on_the_studio() {
        assert_eq!(Route::parse(""), Route::Studio(String::new()));
        assert_eq!(Route::parse("#/"), Route::Studio(String::new()));
    }

    #[test]
    #[cfg_attr(feature = "studio", ignore = "the studio's build opens on the studio")]
    fn start_links_round_trip() {
        with_index();
        let filter = StartFilter {
            swv: Some("de-meierij".into()),
            kind: Some(RequestKind::Verlenging),
        };
        let href = Route::href_start(&filter);
        assert_eq!(href, "#/?swv=de-meierij&soort=verlenging");
        assert_eq!(Route::parse(&href), Route::Start(filter));
        assert_eq!(Route::href_start(&StartFilter::default()), "#/");
        assert_eq!(Route::href_home(), "#/");
    }

    #[test]
    #[cfg_attr(feature = "studio", ignore = "the studio's build opens on the studio")]
    fn a_forms_own_page_opens_on_its_form() {
        with_index();
        let own = Some("rsv-breda-po/opp");
        let overview = Route::Form("rsv-breda-po/opp".into(), FormView::Overview);
        assert_eq!(Route::parse_on("", own), overview);
        assert_eq!(Route::parse_on("#/", own), overview);
        // A skip link's `#inhoud` is no route: the page stays the form.
        assert_eq!(Route::parse_on("#inhoud", own), overview);
        assert_eq!(
            Route::parse_on("#inhoud", None),
            Route::Start(StartFilter::default())
        );
        // The hash still names any page, on any page (old links keep working).
        assert_eq!(
            Route::parse_on("#/rsv-breda-po/opp/beeld", own),
            Route::Form(
                "rsv-breda-po/opp".into(),
                FormView::Section("beeld".into(), None)
            )
        );
        assert_eq!(
            Route::parse_on("#/berseba/tlv", own),
            Route::Form("berseba/tlv".into(), FormView::Overview)
        );
        // Choices for the start page are the start page.
        assert_eq!(
            Route::parse_on("#/?swv=berseba", own),
            Route::Start(StartFilter {
                swv: Some("berseba".into()),
                kind: None
            })
        );
        // A page naming a form the index does not have is the start page.
        assert_eq!(
            Route::parse_on("", Some("weg/formulier")),
            Route::Start(StartFilter::default())
        );
    }
}
