//! The page for an unknown address: never a blank page.

use leptos::prelude::*;

/// Shown for any hash that is not the start page or a known form.
#[component]
pub fn NotFound(path: String) -> impl IntoView {
    view! {
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">"Deze pagina bestaat niet"</h1>
        <p class="utrecht-paragraph">
            "Er is geen formulier op het adres " <code>{path}</code> ". "
            "Misschien is de link niet compleet of is het formulier vervangen."
        </p>
        <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href=crate::route::Route::href_home()>"Ga naar alle formulieren"</a>
        </p>
    }
}
