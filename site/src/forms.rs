//! The published forms, loaded at run time from the site's own files: the
//! index (`forms/index.json`) before the first page, a form's file
//! (`forms/<swv>/<form>.json`) only when it is opened. Each form goes through
//! the core's `check_form` (`published::load_form_json`) before anything
//! renders it, so a broken file gives a Dutch page naming it, never a
//! half-working form.
//!
//! Only relative URLs are fetched: the site never contacts another origin,
//! and works from any path on any static host.

use std::cell::RefCell;

use aanvraagwijzer::published::{self, FormIndex, IndexEntry, LoadError};
use aanvraagwijzer::Form;
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::pages::form::FormPage;
use crate::pages::not_found::NotFound;
use crate::route::FormView;
use crate::takeover::Later;

/// Where the site's own files are, seen from the build's root: the studio is
/// a build of the site in `studio/` and reads the published forms and the
/// package module of the site it belongs to.
const SITE_ROOT: &str = if cfg!(feature = "studio") { "../" } else { "" };

/// Where the site's own files are, seen from this page (a form's own page
/// is two folders down, [`crate::page::root`]).
pub fn site_root() -> String {
    format!("{}{SITE_ROOT}", crate::page::root())
}

thread_local! {
    static INDEX: RefCell<Result<FormIndex, LoadError>> = RefCell::new(Ok(FormIndex::default()));
    // Leaked once per form id, so pages hold `&'static Form` as they did with
    // embedded forms; a tab opens a handful at most.
    static LOADED: RefCell<Vec<&'static Form>> = const { RefCell::new(Vec::new()) };
}

/// Loads the index; called once before the app mounts.
pub async fn load_index() {
    let index = match fetch_text(published::INDEX_FILE).await {
        Ok(text) => FormIndex::from_json(&text),
        Err(problem) => Err(LoadError {
            file: published::INDEX_FILE.to_owned(),
            problems: vec![problem],
        }),
    };
    INDEX.with(|i| *i.borrow_mut() = index);
}

/// Sets the index without fetching it (unit tests).
#[cfg(test)]
pub fn set_index(index: FormIndex) {
    INDEX.with(|i| *i.borrow_mut() = Ok(index));
}

/// The index's problem, if it could not be loaded.
pub fn index_error() -> Option<LoadError> {
    INDEX.with(|i| i.borrow().as_ref().err().cloned())
}

/// Every published form's index entry, sorted by id.
pub fn entries() -> Vec<IndexEntry> {
    INDEX.with(|i| {
        i.borrow()
            .as_ref()
            .map(|i| i.forms.clone())
            .unwrap_or_default()
    })
}

/// The index entry of a form id.
pub fn entry(id: &str) -> Option<IndexEntry> {
    INDEX.with(|i| i.borrow().as_ref().ok().and_then(|i| i.find(id).cloned()))
}

/// The SWVs with their forms, in index order: (swv id, swv name, entries).
pub fn by_swv() -> Vec<(String, String, Vec<IndexEntry>)> {
    let mut out: Vec<(String, String, Vec<IndexEntry>)> = Vec::new();
    for entry in entries() {
        match out.last_mut() {
            Some((swv, _, list)) if swv == entry.swv() => list.push(entry),
            _ => out.push((entry.swv().to_owned(), entry.swv_name.clone(), vec![entry])),
        }
    }
    out
}

/// A form already loaded (and checked) in this tab.
pub fn loaded(id: &str) -> Option<&'static Form> {
    LOADED.with(|l| l.borrow().iter().copied().find(|f| f.id == id))
}

/// Loads, checks and keeps a form of the index (once per tab).
pub async fn load(id: &str) -> Result<&'static Form, LoadError> {
    if let Some(form) = loaded(id) {
        return Ok(form);
    }
    let file = entry(id)
        .map(|e| e.file)
        .unwrap_or_else(|| published::data_file(id));
    let text = fetch_text(&file).await.map_err(|problem| LoadError {
        file: file.clone(),
        problems: vec![problem],
    })?;
    let form = published::load_form_json(&file, &text, Some(id))?;
    // Another page may have loaded it while this one waited.
    if let Some(form) = loaded(id) {
        return Ok(form);
    }
    let form: &'static Form = Box::leak(Box::new(form));
    LOADED.with(|l| l.borrow_mut().push(form));
    Ok(form)
}

/// GETs a file of this site (named from the site's root, as the index names
/// them) as text; a Dutch problem on failure.
pub async fn fetch_text(relative: &str) -> Result<String, String> {
    // Relative only: never another origin (the CSP's connect-src 'self' agrees).
    if relative.contains("//") || relative.contains(':') {
        return Err("alleen bestanden van deze website worden geladen".to_owned());
    }
    let window = web_sys::window().ok_or_else(|| "geen browservenster".to_owned())?;
    let url = format!("{}{relative}", site_root());
    let response = JsFuture::from(window.fetch_with_str(&url))
        .await
        .map_err(|_| "het bestand kon niet worden opgehaald (is er verbinding?)".to_owned())?;
    let response: web_sys::Response = response
        .dyn_into()
        .map_err(|_| "onverwacht antwoord van de website".to_owned())?;
    if !response.ok() {
        return Err(format!(
            "het bestand staat niet op de website (HTTP {})",
            response.status()
        ));
    }
    let text = response
        .text()
        .map_err(|_| "het bestand kon niet worden gelezen".to_owned())?;
    JsFuture::from(text)
        .await
        .ok()
        .and_then(|t| t.as_string())
        .ok_or_else(|| "het bestand kon niet worden gelezen".to_owned())
}

/// Bumped whenever a form has loaded, so what shows a form's name (the tab
/// title) follows.
#[derive(Clone, Copy)]
pub struct Loaded(pub RwSignal<u32>);

/// A form by id: loads and checks its file first (once per tab), then shows
/// its pages; a section the form does not have is "not found".
#[component]
pub fn FormRoute(id: String, view: Memo<FormView>) -> impl IntoView {
    let state: RwSignal<Option<Result<&'static Form, LoadError>>> =
        RwSignal::new(loaded(&id).map(Ok));
    if state.get_untracked().is_none() {
        let tick = use_context::<Loaded>();
        spawn_local(async move {
            let result = load(&id).await;
            state.set(Some(result));
            if let Some(Loaded(t)) = tick {
                t.update(|n| *n += 1);
            }
        });
    }
    // The route names a section before the form is known; it is resolved
    // here. Changes only when "does this section exist" changes, so the form
    // stays mounted (and keeps its state) between its own pages.
    let unknown = Memo::new(move |_| {
        let Some(Ok(form)) = state.get() else {
            return None;
        };
        match view.get() {
            FormView::Section(s, _) if !form.sections.iter().any(|x| x.id == s) => {
                Some(format!("{}/{s}", form.id))
            }
            _ => None,
        }
    });
    move || match state.get() {
        None => view! {
            <p class="utrecht-paragraph aw-loading" role="status">"Het formulier wordt geladen…"</p>
        }
        .into_any(),
        Some(Err(error)) => view! { <BrokenForm error=error/> }.into_any(),
        Some(Ok(form)) => match unknown.get() {
            Some(path) => view! { <NotFound path=path/> }.into_any(),
            // Its own task when the app takes the page over (crate::takeover).
            None => view! { <Later><FormPage form=form view=view/></Later> }.into_any(),
        },
    }
}

/// "This form cannot be opened": the file, every problem, what to do next.
/// `index`: the list of forms itself could not be loaded.
#[component]
pub fn BrokenForm(error: LoadError, #[prop(optional)] index: bool) -> impl IntoView {
    let title = if index {
        "De lijst met formulieren kan niet worden geladen"
    } else {
        "Dit formulier kan niet worden geopend"
    };
    let problems = error
        .problems
        .iter()
        .map(|p| view! { <li>{p.clone()}</li> })
        .collect_view();
    view! {
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">{title}</h1>
        <div class="aw-box aw-broken-form" role="alert">
            <p class="utrecht-paragraph">
                "Het formulierbestand " <code class="aw-broken-form__file">{error.file.clone()}</code>
                " op deze website kan niet worden gebruikt. Daarom wordt het formulier niet getoond: "
                "met fouten erin zou het uw aanvraag verkeerd kunnen beoordelen."
            </p>
            <p class="utrecht-paragraph">
                {match error.problems.len() {
                    1 => "Dit is er mis:".to_owned(),
                    n => format!("Deze {n} dingen zijn er mis:"),
                }}
            </p>
            <ul class="utrecht-unordered-list aw-broken-form__problems">{problems}</ul>
        </div>
        <h2 class="utrecht-heading-2">"Wat kunt u doen?"</h2>
        <p class="utrecht-paragraph">
            "Meld dit aan het samenwerkingsverband, met de naam van het bestand hierboven; "
            "uw antwoorden in dit tabblad blijven bewaard. Probeer het later opnieuw door de pagina te vernieuwen."
        </p>
        <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href=crate::route::Route::href_home()>"Ga naar alle formulieren"</a>
        </p>
    }
}
