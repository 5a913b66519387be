//! The start page: the forms per SWV, each with its introduction.

use aanvraagwijzer::catalog::by_swv;
use leptos::prelude::*;

use crate::route::Route;

/// Lists every form, grouped by SWV.
#[component]
pub fn Start() -> impl IntoView {
    let groups = by_swv()
        .into_iter()
        .map(|(swv, swv_name, forms)| {
            let items = forms
                .into_iter()
                .map(|form| {
                    view! {
                        <li class="aw-form-list__item">
                            <h3 class="utrecht-heading-3">
                                <a class="utrecht-link utrecht-link--html-a" href=Route::href_form(&form.id)>
                                    {form.title.clone()}
                                </a>
                            </h3>
                            {form.intro.clone().map(|intro| view! { <p class="utrecht-paragraph">{intro}</p> })}
                        </li>
                    }
                })
                .collect_view();
            view! {
                <section class="aw-swv" aria-labelledby=format!("swv-{swv}")>
                    <h2 class="utrecht-heading-2" id=format!("swv-{swv}")>{swv_name}</h2>
                    <ul class="aw-form-list">{items}</ul>
                </section>
            }
        })
        .collect_view();
    view! {
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">"Aanvraag voor extra ondersteuning"</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">
            "Vul hier de aanvraag voor uw samenwerkingsverband in. U ziet meteen wat nog ontbreekt, "
            "volgens de regels van dat samenwerkingsverband. Daarna downloadt u de aanvraag en stuurt u die in via Tommy."
        </p>
        <p class="utrecht-paragraph">
            "Uw gegevens blijven op deze computer. Deze website stuurt niets naar een server."
        </p>
        {groups}
    }
}
