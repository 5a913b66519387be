//! `#/studio` in the school's build: the studio is a build of its own in
//! `studio/` (site feature `studio`), so its page code is not in the wasm a
//! school downloads. Old links land here and are pointed onwards.

use leptos::prelude::*;

/// Points `#/studio…` to the studio's own address, keeping the rest of the
/// route (a preview page) so the link lands where the old one did.
#[component]
pub fn StudioMoved(rest: Memo<String>) -> impl IntoView {
    let href = move || {
        let rest = rest.get();
        if rest.is_empty() {
            "studio/".to_owned()
        } else {
            format!("studio/#/studio/{rest}")
        }
    };
    view! {
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">"De formulierstudio is verhuisd"</h1>
        <p class="utrecht-paragraph">
            "De formulierstudio voor samenwerkingsverbanden heeft een eigen adres gekregen. "
            "Pas uw bladwijzer aan als u die gebruikt."
        </p>
        <p class="utrecht-paragraph">
            <a class="utrecht-link utrecht-link--html-a" href=href>"Ga naar de formulierstudio"</a>
        </p>
    }
}
