//! Aanvraagwijzer in the browser: a Leptos (client-side) app that renders the
//! SWVs' forms from their definitions and validates with the same core the
//! CLI and server use. Nothing leaves the browser except files the user
//! downloads.

mod answers;
mod catalog;
mod clock;
mod crypto;
mod drafts;
mod error_summary;
mod files;
mod focus;
mod package;
mod pages;
mod published_page;
mod route;
mod state;
mod tab;
mod widgets;

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use pages::{not_found::NotFound, start::Start};
use route::Route;

/// The app: header, the page for the current route, footer.
#[component]
pub fn App() -> impl IntoView {
    provide_context(tab::TabAnswers::new());
    // Expired drafts go before anything lists them.
    provide_context(pages::form::Expired(RwSignal::new(drafts::purge_expired())));
    let route = use_route_with_title();
    if let Some(error) = catalog::index_error() {
        return view! {
            <main class="aw-container aw-main" id="inhoud" tabindex="-1">
                <published_page::Broken error=error/>
            </main>
        }
        .into_any();
    }
    let page = move || match route.get() {
        Route::Start(filter) => view! { <Start filter=filter/> }.into_any(),
        Route::Form(id) => view! { <published_page::FormRoute id=id/> }.into_any(),
        Route::NotFound(path) => view! { <NotFound path=path/> }.into_any(),
    };
    view! {
        <a class="utrecht-skip-link utrecht-skip-link--visible-on-focus" href="#inhoud" on:click=skip_to_content>
            "Naar de inhoud"
        </a>
        <header class="aw-header">
            <div class="aw-container">
                <a class="aw-header__name" href="#/">"Aanvraagwijzer"</a>
                <span class="aw-header__tagline">"aanvragen passend onderwijs, meteen gecontroleerd"</span>
            </div>
        </header>
        <main class="aw-container aw-main" id="inhoud" tabindex="-1">
            {page}
        </main>
        <footer class="aw-footer">
            <div class="aw-container">
                <p class="utrecht-paragraph">
                    "Aanvraagwijzer stuurt uw gegevens nergens heen: alles blijft in deze browser, "
                    "tot u zelf een bestand downloadt. Er zijn geen cookies en er wordt niets gemeten."
                </p>
            </div>
        </footer>
    }
    .into_any()
}

/// The route, keeping the browser tab's title in step with the page.
fn use_route_with_title() -> ReadSignal<Route> {
    let route = route::use_route();
    Effect::new(move |first_run: Option<()>| {
        let title = match route.get() {
            Route::Start(_) => "Aanvraagwijzer".to_owned(),
            Route::Form(id) => catalog::entry(&id)
                .map(|f| format!("{} - Aanvraagwijzer", f.title))
                .unwrap_or_default(),
            Route::NotFound(_) => "Pagina niet gevonden - Aanvraagwijzer".to_owned(),
        };
        if let Some(doc) = web_sys::window().and_then(|w| w.document()) {
            doc.set_title(&title);
        }
        // After a link within the site, start screen readers at the new page's
        // heading (the link that had focus is gone); not on the first load.
        if first_run.is_some() {
            request_animation_frame(|| focus::focus_element("pagina-titel"));
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
    console_error_panic_hook::set_once();
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("app"))
        .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
    else {
        return;
    };
    // The index of published forms first (a few KB); index.html shows its
    // "loading" text until then.
    wasm_bindgen_futures::spawn_local(async move {
        catalog::load_index().await;
        root.set_inner_html("");
        leptos::mount::mount_to(root, App).forget();
    });
}

/// Validates a document (JSON text) with its published form (loaded and
/// checked if need be) as of today and resolves to its findings as a plain
/// JavaScript array. For scripts and the
/// browser tests: `aanvraagwijzer.validateDocument(text)` in the console.
/// Runs in the page; nothing is sent anywhere.
#[wasm_bindgen(js_name = validateDocument)]
pub async fn validate_document(json: String) -> Result<JsValue, JsValue> {
    let doc = aanvraagwijzer::Document::from_json(&json)
        .map_err(|e| JsValue::from_str(&e.message_nl()))?;
    if catalog::entry(&doc.form).is_none() {
        return Err(JsValue::from_str("Onbekend formulier."));
    }
    let form = catalog::load_form(&doc.form)
        .await
        .map_err(|e| JsValue::from_str(&e.to_string()))?;
    let findings = aanvraagwijzer::validate(form, &doc, clock::today());
    // json_compatible: plain objects, not JS Maps, so tests can compare.
    let serializer = serde_wasm_bindgen::Serializer::json_compatible();
    serde::Serialize::serialize(&findings, &serializer).map_err(JsValue::from)
}
