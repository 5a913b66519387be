//! The start page: "Bij welk samenwerkingsverband?" and "Wat wilt u
//! aanvragen?" narrow the list of forms; each form shows its short
//! description first.
//!
//! The choices are plain radio buttons in fieldsets (keyboard and screen
//! reader friendly); the list below follows them at once and a live region
//! says how many forms are left. The choices live in the URL
//! (`#/?swv=berseba&soort=toelating`), so an SWV's website can link straight
//! to its own forms and the browser's back button undoes a choice.

use aanvraagwijzer::published::IndexEntry;
use aanvraagwijzer::RequestKind;
use leptos::prelude::*;

use crate::branding;
use crate::drafts;
use crate::forms::{by_swv, entries as forms};
use crate::pages::form::{Expired, WipeAll};
use crate::remember;
use crate::route::{Route, StartFilter};
use crate::takeover::Later;

/// Lists the forms, narrowed by SWV and by what is asked for.
#[component]
pub fn Start(filter: StartFilter) -> impl IntoView {
    // A per-SWV site shows its own SWV only, with no choice of SWV.
    let own = branding::current().map(|b| b.swv.clone());
    // A link's own choice wins over the remembered SWV.
    let remembered = own.is_none().then(remember::swv).flatten();
    let keep = RwSignal::new(remembered.is_some());
    let swv = RwSignal::new(own.clone().or(filter.swv).or(remembered));
    // Only while the box is ticked, and only the SWV's id.
    Effect::new(move |_| match (keep.get(), swv.get()) {
        _ if branding::current().is_some() => {}
        (true, Some(id)) => remember::keep(&id),
        (true, None) => {
            remember::forget();
            keep.set(false);
        }
        (false, _) => remember::forget(),
    });
    let kind = RwSignal::new(filter.kind);
    // Keep the URL in step, without a new history entry per click.
    Effect::new(move |_| {
        let href = Route::href_start(&StartFilter {
            swv: swv.get(),
            kind: kind.get(),
        });
        if let Some(history) = web_sys::window().and_then(|w| w.history().ok()) {
            let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&href));
        }
    });
    let shown = move || {
        let swv = swv.get();
        let kind = kind.get();
        forms()
            .iter()
            .filter(|f| swv.as_deref().is_none_or(|s| f.swv() == s))
            .filter(|f| kind.is_none_or(|k| f.kind == k))
            .count()
    };
    view! {
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">"Aanvraag voor extra ondersteuning"</h1>
        <p class="utrecht-paragraph utrecht-paragraph--lead">
            "Vul hier de aanvraag voor uw samenwerkingsverband in. U ziet meteen wat nog ontbreekt, "
            "volgens de regels van dat samenwerkingsverband. Daarna downloadt u de aanvraag en dient u die in "
            "zoals bij het formulier staat."
        </p>
        <p class="utrecht-paragraph">
            "Uw gegevens blijven op deze computer. Deze website stuurt niets naar een server."
        </p>
        // Drawn in pieces when the app takes the page over (crate::takeover).
        <Later><StoredDrafts/></Later>
        <form class="aw-filter" aria-label="Formulieren zoeken" on:submit=|ev: leptos::ev::SubmitEvent| ev.prevent_default()>
            {own.is_none().then(|| view! {
                <SwvChoice swv=swv kind=kind/>
                <RememberSwv swv=swv keep=keep/>
            })}
            <KindChoice swv=swv kind=kind/>
        </form>
        <p class="utrecht-paragraph aw-filter__count" role="status" aria-live="polite">
            {move || match shown() {
                0 => "Er is geen formulier voor deze keuze. Kies iets anders hierboven.".to_owned(),
                1 => "1 formulier past bij uw keuze.".to_owned(),
                n => format!("{n} formulieren passen bij uw keuze."),
            }}
        </p>
        <Later>{move || form_groups(swv.get(), kind.get())}</Later>
    }
}

/// "Bij welk samenwerkingsverband hoort uw school?"
#[component]
fn SwvChoice(swv: RwSignal<Option<String>>, kind: RwSignal<Option<RequestKind>>) -> impl IntoView {
    let count = move |s: Option<&str>| {
        let k = kind.get();
        forms()
            .iter()
            .filter(|f| s.is_none_or(|s| f.swv() == s))
            .filter(|f| k.is_none_or(|k| f.kind == k))
            .count()
    };
    let options = by_swv()
        .into_iter()
        .map(|(id, name, _)| {
            let value = id.clone();
            let for_checked = id.clone();
            let checked = move || swv.get().as_deref() == Some(for_checked.as_str());
            view! {
                <RadioOption
                    group="swv"
                    value=value.clone()
                    label=name
                    count=Signal::derive(move || count(Some(id.as_str())))
                    checked=Signal::derive(checked)
                    on_pick=Callback::new(move |()| swv.set(Some(value.clone())))
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="utrecht-form-fieldset aw-filter__group">
            <legend class="utrecht-form-fieldset__legend utrecht-heading-2">"Bij welk samenwerkingsverband hoort uw school?"</legend>
            <RadioOption
                group="swv"
                value="alle".to_owned()
                label="Alle samenwerkingsverbanden".to_owned()
                count=Signal::derive(move || count(None))
                checked=Signal::derive(move || swv.get().is_none())
                on_pick=Callback::new(move |()| swv.set(None))
            />
            {options}
        </fieldset>
    }
}

/// "Onthoud mijn samenwerkingsverband op deze computer": shown once an SWV
/// is chosen; unticking it forgets the SWV at once.
#[component]
fn RememberSwv(swv: RwSignal<Option<String>>, keep: RwSignal<bool>) -> impl IntoView {
    view! {
        <Show when=move || swv.with(Option::is_some)>
            <div class="utrecht-form-field utrecht-form-field--checkbox aw-filter__remember">
                <input
                    type="checkbox"
                    class="utrecht-checkbox utrecht-checkbox--html-input"
                    id="onthoud-swv"
                    aria-describedby="onthoud-swv-uitleg"
                    prop:checked=move || keep.get()
                    on:change=move |ev| keep.set(event_target_checked(&ev))
                />
                <label class="utrecht-form-label utrecht-form-label--checkbox" for="onthoud-swv">
                    "Onthoud mijn samenwerkingsverband op deze computer"
                </label>
                <p class="utrecht-form-field-description" id="onthoud-swv-uitleg">
                    "Dan staat het de volgende keer al gekozen. Deze computer bewaart alleen welk samenwerkingsverband het is. "
                    "Haal het vinkje weg om het te vergeten."
                </p>
            </div>
        </Show>
    }
}

/// "Wat wilt u aanvragen?"
#[component]
fn KindChoice(swv: RwSignal<Option<String>>, kind: RwSignal<Option<RequestKind>>) -> impl IntoView {
    let count = move |k: Option<RequestKind>| {
        let s = swv.get();
        forms()
            .iter()
            .filter(|f| s.as_deref().is_none_or(|s| f.swv() == s))
            .filter(|f| k.is_none_or(|k| f.kind == k))
            .count()
    };
    let options = RequestKind::ALL
        .into_iter()
        .filter(|k| forms().iter().any(|f| f.kind == *k))
        .map(|k| {
            view! {
                <RadioOption
                    group="soort"
                    value=k.value().to_owned()
                    label=k.label().to_owned()
                    count=Signal::derive(move || count(Some(k)))
                    checked=Signal::derive(move || kind.get() == Some(k))
                    on_pick=Callback::new(move |()| kind.set(Some(k)))
                />
            }
        })
        .collect_view();
    view! {
        <fieldset class="utrecht-form-fieldset aw-filter__group">
            <legend class="utrecht-form-fieldset__legend utrecht-heading-2">"Wat wilt u aanvragen?"</legend>
            <RadioOption
                group="soort"
                value="alles".to_owned()
                label="Alle soorten aanvragen".to_owned()
                count=Signal::derive(move || count(None))
                checked=Signal::derive(move || kind.get().is_none())
                on_pick=Callback::new(move |()| kind.set(None))
            />
            {options}
        </fieldset>
    }
}

/// One radio button with its label and how many forms it leaves.
#[component]
fn RadioOption(
    group: &'static str,
    value: String,
    label: String,
    count: Signal<usize>,
    checked: Signal<bool>,
    on_pick: Callback<()>,
) -> impl IntoView {
    let id = format!("kies-{group}-{value}");
    view! {
        <div class="utrecht-form-field utrecht-form-field--radio aw-filter__option">
            <input
                type="radio"
                class="utrecht-radio-button utrecht-radio-button--html-input"
                id=id.clone()
                name=group
                value=value
                prop:checked=move || checked.get()
                on:change=move |_| on_pick.run(())
            />
            <label class="utrecht-form-label utrecht-form-label--radio" for=id>
                {label}
                <span class="aw-filter__n">{move || format!(" ({})", count.get())}</span>
            </label>
        </div>
    }
}

/// The forms that match, grouped by SWV.
fn form_groups(swv: Option<String>, kind: Option<RequestKind>) -> impl IntoView {
    by_swv()
        .into_iter()
        .filter(|(id, _, _)| swv.as_deref().is_none_or(|s| s == id.as_str()))
        .filter_map(|(id, name, list)| {
            let list: Vec<IndexEntry> = list
                .into_iter()
                .filter(|f| kind.is_none_or(|k| f.kind == k))
                .collect();
            (!list.is_empty()).then(|| {
                view! {
                    <section class="aw-swv" aria-labelledby=format!("swv-{id}")>
                        <h2 class="utrecht-heading-2" id=format!("swv-{id}")>{name}</h2>
                        <ul class="aw-form-list">{list.into_iter().map(form_item).collect_view()}</ul>
                    </section>
                }
            })
        })
        .collect_view()
}

fn form_item(form: IndexEntry) -> impl IntoView {
    view! {
        <li class="aw-form-list__item">
            <h3 class="utrecht-heading-3">
                <a class="utrecht-link utrecht-link--html-a" href=Route::href_form(&form.id)>
                    {form.title.clone()}
                </a>
            </h3>
            <p class="utrecht-paragraph">{form.description.clone()}</p>
            <p class="utrecht-paragraph aw-form-list__kind">{form.kind.label()}</p>
        </li>
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
                                let title = crate::forms::entry(&d.form)
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
                        let title = crate::forms::entry(id).map(|f| f.title).unwrap_or_else(|| id.clone());
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
