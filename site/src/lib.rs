//! Aanvraagwijzer in the browser: a Leptos (client-side) app that renders the
//! SWVs' forms from their definitions and validates with the same core the
//! CLI and server use. Nothing leaves the browser except files the user
//! downloads.

mod answers;
mod branding;
mod clock;
mod crypto;
mod drafts;
mod error_summary;
mod files;
mod focus;
mod forms;
mod package;
mod page;
mod pages;
mod remember;
mod route;
mod state;
mod tab;
mod takeover;
mod widgets;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

#[cfg(feature = "studio")]
use pages::studio::StudioPage;
#[cfg(not(feature = "studio"))]
use pages::studio_moved::StudioMoved as StudioPage;
use pages::{not_found::NotFound, start::Start};
use route::{FormView, Route};

/// Which page component is mounted. A form's task list, section pages and
/// check page are one component, so moving between them keeps its state.
#[derive(Clone)]
enum Mounted {
    Start(route::StartFilter),
    Form(String),
    Studio,
    NotFound(String),
}

/// Only a form stays mounted while its route changes. Every other route
/// renders its page afresh, as a link does, also when it equals the last one:
/// the start page keeps choices the URL does not hold (`replaceState`), and a
/// link to `#/` must reset them.
impl PartialEq for Mounted {
    fn eq(&self, other: &Mounted) -> bool {
        matches!((self, other), (Mounted::Form(a), Mounted::Form(b)) if a == b)
            || matches!((self, other), (Mounted::Studio, Mounted::Studio))
    }
}

/// The app: header, the page for the current route, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_context(tab::TabAnswers::new());
    let loaded = forms::Loaded(RwSignal::new(0));
    provide_context(loaded);
    // Expired drafts go before anything lists them.
    provide_context(pages::form::Expired(RwSignal::new(drafts::purge_expired())));
    let route = use_route_with_title(loaded);
    let mounted = Memo::new(move |_| match route.get() {
        Route::Start(filter) => Mounted::Start(filter),
        Route::Form(id, _) => Mounted::Form(id),
        Route::Studio(_) => Mounted::Studio,
        Route::NotFound(path) => Mounted::NotFound(path),
    });
    let studio_rest = Memo::new(move |_| match route.get() {
        Route::Studio(rest) => rest,
        _ => String::new(),
    });
    let form_view = Memo::new(move |_| match route.get() {
        Route::Form(_, view) => view,
        _ => FormView::Overview,
    });
    let page = move || match mounted.get() {
        Mounted::Start(filter) => match forms::index_error() {
            Some(error) => view! { <forms::BrokenForm error=error index=true/> }.into_any(),
            None => view! { <Start filter=filter/> }.into_any(),
        },
        // A per-SWV site opens only its own SWV's forms.
        Mounted::Form(id) => {
            if forms::entry(&id).is_some_and(|e| branding::shows(e.swv())) {
                view! { <forms::FormRoute id=id view=form_view/> }.into_any()
            } else {
                view! { <NotFound path=id/> }.into_any()
            }
        }
        Mounted::Studio => view! { <StudioPage rest=studio_rest/> }.into_any(),
        Mounted::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
    };
    view! {
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" on:click=skip_to_content>
            "Naar de inhoud"
        </a>
        <branding::Header/>
        <main class="aw-container aw-main" id="inhoud" tabindex="-1">
            {page}
        </main>
        <footer class="aw-footer">
            <div class="aw-container">
                <branding::Contact/>
                <p class="utrecht-paragraph">
                    "Aanvraagwijzer stuurt uw gegevens nergens heen: alles blijft in deze browser, "
                    "tot u zelf een bestand downloadt. Er zijn geen cookies en er wordt niets gemeten."
                </p>
                <p class="utrecht-paragraph">
                    <a class="utrecht-link utrecht-link--html-a" href=format!("{}{}", page::root(), FOOTER_LINK.0)>
                        {FOOTER_LINK.1}
                    </a>
                </p>
            </div>
        </footer>
    }
}

/// The footer's link to the other build: the school's site leads SWV staff
/// to the studio, a build of its own in `studio/` (relative, so any sub-path
/// works); the studio leads back to the forms.
#[cfg(not(feature = "studio"))]
const FOOTER_LINK: (&str, &str) = (
    "studio/",
    "Voor samenwerkingsverbanden: formulier aanpassen",
);
#[cfg(feature = "studio")]
const FOOTER_LINK: (&str, &str) = ("../", "Naar de formulieren voor scholen");

/// A form's name for the tab title: "OPP voor zware ondersteuning" for
/// "Ontwikkelingsperspectiefplan (OPP) voor zware ondersteuning" (an
/// abbreviation in brackets stands for the words before it).
fn short_title(title: &str) -> String {
    let abbreviation = title
        .split_once('(')
        .and_then(|(_, rest)| rest.split_once(')'));
    match abbreviation {
        Some((abbr, rest)) if abbr.len() <= 6 && !abbr.contains(' ') => format!("{abbr}{rest}"),
        _ => title.to_owned(),
    }
}

/// The browser tab's title for a route ("Doelen – OPP … – Aanvraagwijzer").
fn page_title(route: &Route) -> String {
    let Route::Form(id, view) = route else {
        return match route {
            Route::NotFound(_) => "Pagina niet gevonden – Aanvraagwijzer".to_owned(),
            Route::Studio(_) => "Formulierstudio – Aanvraagwijzer".to_owned(),
            _ => "Aanvraagwijzer".to_owned(),
        };
    };
    // Until the form has loaded, the index knows its title.
    let Some(form) = forms::loaded(id) else {
        return match forms::entry(id) {
            Some(entry) => format!("{} – Aanvraagwijzer", entry.title),
            None => "Aanvraagwijzer".to_owned(),
        };
    };
    let short = short_title(&form.title);
    match view {
        FormView::Overview => format!("{} – Aanvraagwijzer", form.title),
        FormView::Section(section, _) => {
            let section = form.sections.iter().find(|s| &s.id == section);
            let name = section.map_or("", |s| s.title.as_str());
            format!("{name} – {short} – Aanvraagwijzer")
        }
        FormView::Check => format!("Controleer uw antwoorden – {short} – Aanvraagwijzer"),
    }
}

/// The route, keeping the browser tab's title in step with the page.
fn use_route_with_title(loaded: forms::Loaded) -> ReadSignal<Route> {
    let route = route::use_route();
    // The title names the form's section once the form has loaded.
    Effect::new(move |before: Option<u32>| {
        let now = loaded.0.get();
        let current = route.get();
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&page_title(&current));
        }
        // A field named in the address (a reload of a "Wijzig" link) exists
        // only once its form has loaded.
        if before.is_some_and(|b| b != now) {
            if let Route::Form(_, FormView::Section(_, Some(field))) = current {
                takeover::after_frame_on_screen(move || {
                    focus::focus_field(&field);
                });
            }
        }
        now
    });
    Effect::new(move |first_run: Option<()>| {
        let current = route.get();
        // A "Wijzig" link or a finding on the check page names a field:
        // focus goes there (also on a reload of such an address).
        if let Route::Form(_, FormView::Section(_, Some(field))) = current {
            takeover::after_frame_on_screen(move || {
                focus::focus_field(&field);
            });
        } else if first_run.is_some() {
            // After a link within the site, start screen readers at the new
            // page's heading (the link that had focus is gone); not on the
            // first load.
            takeover::after_frame_on_screen(|| focus::focus_element("pagina-titel"));
        }
    });
    route
}

/// The skip link's target is `#inhoud`, but the hash is the route here.
fn skip_to_content(ev: leptos::ev::MouseEvent) {
    ev.prevent_default();
    focus::focus_element("inhoud");
}

/// Entry point, called by wasm-bindgen when the module loads.
#[wasm_bindgen(start)]
pub fn start() {
    aanvraagwijzer::normalize::use_platform_nfc(browser_nfc);
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The index of published forms comes first: every page lists or finds
    // forms by it. Until then the page shows what the build prerendered
    // (site/prerender.mjs), or index.html's "loading" text.
    // wasm-bindgen's spawner, not Leptos's: Leptos sets up its executor
    // only when the app mounts, and spawning on it before that panics.
    wasm_bindgen_futures::spawn_local(async move {
        forms::load_index().await;
        // A form's own page keeps its prerendered questions until the app
        // can draw the same page, not a "loading" line in between.
        let route = route::current();
        if let Route::Form(id, _) = &route {
            if page::form() == Some(id.as_str()) {
                // A broken file shows its own page once mounted.
                let _ = forms::load(id).await;
                // Reading the form was a task's work; drawing is the next's.
                takeover::next_task().await;
            }
        }
        // The prerendered page is replaced, not hydrated: a form file an SWV
        // published after the build may differ from the HTML, and must win.
        // The app draws off screen, in pieces (see `takeover`), and replaces
        // the page in one step; what was typed meanwhile goes over.
        let Some(next) = root
            .clone_node()
            .ok()
            .and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok())
        else {
            return;
        };
        takeover::begin();
        leptos::mount::mount_to(next.clone(), App).forget();
        takeover::settled().await;
        let carried = page::Carried::take(&root);
        if root.replace_with_with_node_1(&next).is_err() {
            return;
        }
        // Focus held back for the swap first (a reload of a "Wijzig" link),
        // then what the user typed and focused on the prerendered page, so
        // their own focus wins.
        takeover::end();
        carried.restore(&next);
        // For scripts and the browser tests: the page is the app's now.
        if let Some(html) = next.owner_document().and_then(|d| d.document_element()) {
            let _ = html.set_attribute("data-app-started", "");
        }
    });
}

/// Validates a document (JSON text) with its published form (loaded if need
/// be) as of today and resolves to its findings as a plain JavaScript array.
/// For scripts and the browser tests:
/// `await aanvraagwijzer.validateDocument(text)` in the console. Runs in the
/// page; nothing is sent anywhere.
#[wasm_bindgen(js_name = validateDocument)]
pub async fn validate_document(json: String) -> Result<JsValue, JsValue> {
    let doc = aanvraagwijzer::Document::from_json(&json)
        .map_err(|e| JsValue::from_str(&e.message_nl()))?;
    if forms::entry(&doc.form).is_none() {
        return Err(JsValue::from_str("Onbekend formulier."));
    }
    let form = forms::load(&doc.form)
        .await
        .map_err(|e| JsValue::from_str(&e.message_nl()))?;
    let findings = aanvraagwijzer::validate(form, &doc, clock::today());
    // json_compatible: plain objects, not JS Maps, so tests can compare.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&findings, &serializer).map_err(JsValue::from)
}

/// The browser's `String.prototype.normalize("NFC")`: every browser has it,
/// so the site carries no normalisation tables (`aanvraagwijzer::normalize`).
fn browser_nfc(s: &str) -> String {
    String::from(js_sys::JsString::from(s).normalize("NFC"))
}
