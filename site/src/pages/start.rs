//! The start page: the forms per SWV, each with its introduction.

use aanvraagwijzer::catalog::by_swv;
use leptos::prelude::*;

use crate::drafts;
use crate::pages::form::{Expired, WipeAll};
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
        <StoredDrafts/>
        {groups}
    }
}

/// The drafts stored in this browser, by form and date (nothing else about
/// them is readable without their password), and "Wis alle concepten".
#[component]
fn StoredDrafts() -> impl IntoView {
    let list = RwSignal::new(drafts::list());
    let expired = use_context::<Expired>()
        .map(|e| e.0.get_untracked())
        .unwrap_or(0);
    let legacy = RwSignal::new(drafts::legacy_forms());
    let shown = RwSignal::new(
        !list.with_untracked(Vec::is_empty) || !legacy.with_untracked(Vec::is_empty) || expired > 0,
    );
    view! {
        <Show when=move || shown.get()>
            <section class="aw-box" aria-labelledby="concepten-titel">
                <h2 class="utrecht-heading-2" id="concepten-titel">"Bewaarde concepten in deze browser"</h2>
                {(expired > 0).then(|| view! {
                    <p class="utrecht-paragraph aw-expired">
                        {match expired {
                            1 => format!("1 concept was ouder dan {} dagen en is gewist.", drafts::KEEP_DAYS),
                            n => format!("{n} concepten waren ouder dan {} dagen en zijn gewist.", drafts::KEEP_DAYS),
                        }}
                    </p>
                })}
                {move || {
                    let items = list.get();
                    (!items.is_empty()).then(|| view! {
                        <p class="utrecht-paragraph">"Open een concept op de pagina van het formulier, met het wachtwoord dat u koos."</p>
                        <ul class="aw-drafts">
                            {items.into_iter().map(|d| {
                                let title = aanvraagwijzer::find_form(&d.form)
                                    .map(|f| format!("{} ({})", f.title, f.swv_name))
                                    .unwrap_or_else(|| d.form.clone());
                                view! {
                                    <li class="aw-draft">
                                        <a class="utrecht-link utrecht-link--html-a" href=Route::href_form(&d.form)>{title}</a>
                                        {format!(": concept van {}, wordt gewist op {}", drafts::date_time_nl(d.saved), drafts::date_nl(d.expires))}
                                    </li>
                                }
                            }).collect_view()}
                        </ul>
                    })
                }}
                {move || legacy.with(|forms| (!forms.is_empty()).then(|| {
                    let links = forms.iter().map(|id| {
                        let title = aanvraagwijzer::find_form(id).map(|f| f.title.clone()).unwrap_or_else(|| id.clone());
                        view! { <li><a class="utrecht-link utrecht-link--html-a" href=Route::href_form(id)>{title}</a></li> }
                    }).collect_view();
                    view! {
                        <p class="utrecht-paragraph">
                            "Er staan ook oude concepten in deze browser, uit een eerdere versie van deze website. Ze zijn niet versleuteld. "
                            "Open het formulier om zo'n concept opnieuw te bewaren met een wachtwoord, of wis het."
                        </p>
                        <ul class="utrecht-unordered-list">{links}</ul>
                    }
                }))}
                <WipeAll on_wiped=Callback::new(move |()| {
                    list.set(drafts::list());
                    legacy.set(drafts::legacy_forms());
                })/>
            </section>
        </Show>
    }
}
