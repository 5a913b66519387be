//! A form's pages: the task list (`task_list`), one page per section
//! (`section`) and "Controleer uw antwoorden" (`check`), sharing one
//! `FormState`, so nothing typed is lost between pages; and the boxes they
//! show (how to submit, notes, autosave, budget, open and save a file).

use std::collections::BTreeSet;

use aanvraagwijzer::{has_blocking, summary, Form};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::package::PackageBox;
use crate::route::{FormView, Route};
use crate::state::FormState;
use crate::tab::TabAnswers;
use crate::takeover::Later;
use crate::widgets::file_picker::{file_picker, FilePicker};
use crate::{clock, files, focus};

mod added;
mod check;
mod draft_box;
mod section;
mod task_list;
use draft_box::DraftsShared;
pub use draft_box::{Expired, WipeAll};

/// Which page of the form, without the field to focus (that changes no page).
#[derive(Clone, PartialEq)]
enum Page {
    Overview,
    Section(String),
    Check,
}

/// All pages of one form; mounted once per form, so its state lives while
/// the user moves between them. `expose` receives the form's state (the
/// form studio reads the example answers from it).
#[component]
pub fn FormPage(
    form: &'static Form,
    view: Memo<FormView>,
    #[prop(optional)] expose: Option<RwSignal<Option<FormState>>>,
) -> impl IntoView {
    let tab = use_context::<TabAnswers>().unwrap_or_default();
    let state = FormState::new(form, clock::today(), tab.get(&form.id));
    if let Some(expose) = expose {
        expose.set(Some(state));
    }
    tab.follow(state);
    let shared = DraftsShared::new(&form.id);
    // Sections left with "Opslaan en verder": their findings and error
    // summary show when the user comes back.
    let saved = RwSignal::new(BTreeSet::<String>::new());
    let page = Memo::new(move |_| match view.get() {
        FormView::Overview => Page::Overview,
        FormView::Section(id, _) => Page::Section(id),
        FormView::Check => Page::Check,
    });
    let body = move || match page.get() {
        Page::Overview => view! { <task_list::TaskListPage state=state shared=shared/> }.into_any(),
        Page::Section(id) => match form.sections.iter().find(|s| s.id == id) {
            Some(section) => {
                view! { <section::SectionPage state=state section=section saved=saved/> }.into_any()
            }
            None => view! { <task_list::TaskListPage state=state shared=shared/> }.into_any(),
        },
        Page::Check => view! { <check::CheckPage state=state/> }.into_any(),
    };
    view! {
        <p class="aw-back">
            <a class="utrecht-link utrecht-link--html-a" href=crate::route::Route::href_home()>"Alle formulieren"</a>
        </p>
        <div id=focus::ANNOUNCER_ID class="aw-visually-hidden" aria-live="polite"></div>
        <div class="aw-form-pages" data-form=form.id.clone()>
            {body}
            // The package box ends the check page (a school downloads after
            // checking). It stays mounted on every page of the form, hidden
            // elsewhere, so attachments chosen in it survive a "Wijzig".
            <div class="aw-package-slot" hidden=move || page.get() != Page::Check>
                <Later><PackageBox state=state/></Later>
            </div>
        </div>
    }
}

/// "Terug naar het overzicht": the form's task list.
fn back_to_overview(form: &Form) -> impl IntoView {
    view! {
        <a class="utrecht-link utrecht-link--html-a aw-overview-link" href=Route::href_form(&form.id)>
            "Terug naar het overzicht"
        </a>
    }
}

/// Where the finished request goes: per SWV, in its own words.
#[component]
fn HowToSubmit(form: &'static Form) -> impl IntoView {
    view! {
        <div class="aw-submit-how">
            <h2 class="utrecht-heading-3">"Zo dient u de aanvraag in"</h2>
            <p class="utrecht-paragraph">{form.submission_text()}</p>
            {form.signing.as_ref().map(|s| view! { <p class="utrecht-paragraph">{s.text.clone()}</p> })}
        </div>
    }
}

/// Where the form definition chose or deviated from its sources.
#[component]
fn Notes(form: &'static Form) -> impl IntoView {
    (!form.notes.is_empty()).then(|| {
        view! {
            <div class="utrecht-alert utrecht-alert--info aw-notes">
                <div class="utrecht-alert__content">
                    <h2 class="utrecht-heading-3">"Over dit formulier"</h2>
                    <ul class="utrecht-unordered-list">
                        {form.notes.iter().map(|n| view! { <li>{n.text().to_owned()}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}

/// One quiet line on what the tab keeps (sessionStorage, see `tab`).
#[component]
fn AutosaveLine() -> impl IntoView {
    let text = if TabAnswers::available() {
        "Uw antwoorden blijven bewaard zolang dit tabblad open is."
    } else {
        "Deze browser bewaart uw antwoorden niet als u de pagina vernieuwt. Bewaar een concept of download de aanvraag om ze te bewaren."
    };
    view! { <p class="utrecht-paragraph aw-autosave">{text}</p> }
}

/// The computed lines (hours, money) of forms that have them.
#[component]
fn BudgetSummary(state: FormState) -> impl IntoView {
    (!state.form.summary.is_empty()).then(|| {
        let lines = Memo::new(move |_| {
            state
                .document
                .with(|doc| summary(state.form, doc, state.today))
        });
        view! {
            <section class="aw-section aw-budget" aria-labelledby="samenvatting-titel">
                <h2 class="utrecht-heading-2" id="samenvatting-titel">"Samenvatting"</h2>
                <dl class="aw-budget__list">
                    {move || {
                        lines
                            .get()
                            .into_iter()
                            .map(|line| {
                                view! {
                                    <div class="aw-budget__line">
                                        <dt>{line.label}</dt>
                                        <dd>
                                            {line.value.unwrap_or_else(|| "nog niet te berekenen".to_owned())}
                                            {line.hint.map(|h| view! { <span class="aw-budget__hint">{h}</span> })}
                                        </dd>
                                    </div>
                                }
                            })
                            .collect_view()
                    }}
                </dl>
            </section>
        }
    })
}

/// "Open JSON": reads a saved file; on a bad file the answers stay as they are.
#[component]
fn OpenFile(state: FormState) -> impl IntoView {
    let tab = use_context::<TabAnswers>().unwrap_or_default();
    let message = RwSignal::new(None::<Result<String, (String, Option<String>)>>);
    let on_change = move |file: web_sys::File| {
        spawn_local(async move {
            let outcome = match files::read_document(file).await {
                Err(e) => Err((e, None)),
                Ok(doc) if doc.form != state.form.id => {
                    let other = crate::forms::entry(&doc.form).map(|f| f.id);
                    Err((
                        "Dit bestand is een aanvraag voor een ander formulier. Uw antwoorden op deze pagina zijn niet veranderd.".to_owned(),
                        other,
                    ))
                }
                Ok(doc) => {
                    state.replace(doc.answers);
                    tab.mark_kept(state);
                    Ok("Het bestand is geopend. Het overzicht hieronder laat zien wat nog ontbreekt.".to_owned())
                }
            };
            message.set(Some(outcome));
        });
    };
    view! {
        <section class="aw-box" aria-labelledby="openen-titel">
            <h2 class="utrecht-heading-3" id="openen-titel">"Verder met een opgeslagen aanvraag"</h2>
            {file_picker(
                FilePicker {
                    id: "open-json",
                    label: "Open een bewaard bestand",
                    hint: "Kies het bestand dat u eerder met \"Bewaar de antwoorden als bestand\" hebt opgeslagen. De antwoorden op deze pagina worden dan vervangen.",
                    accept: ".json,application/json",
                    status_id: "open-json-melding",
                },
                on_change,
            )}
            <div id="open-json-melding" aria-live="polite">
                {move || message.get().map(|m| match m {
                    Ok(text) => view! { <p class="utrecht-paragraph aw-status">{text}</p> }.into_any(),
                    Err((text, other)) => view! {
                        <p class="utrecht-form-field-error-message aw-file-error" role="alert">
                            <strong>"Fout:"</strong> " " {text}
                            {other.map(|id| view! {
                                " "
                                <a class="utrecht-link utrecht-link--html-a" href=Route::href_form(&id)>
                                    "Ga naar dat formulier"
                                </a>
                            })}
                        </p>
                    }.into_any(),
                })}
            </div>
        </section>
    }
}

/// "Download als JSON": the way to keep work and move it between computers.
#[component]
fn DownloadBox(state: FormState) -> impl IntoView {
    let tab = use_context::<TabAnswers>().unwrap_or_default();
    let failed = RwSignal::new(false);
    let blocking = Memo::new(move |_| state.findings.with(|f| has_blocking(f)));
    let download = move |_| {
        let text = state.document.with_untracked(|doc| {
            state
                .findings
                .with_untracked(|f| files::download_json(doc, f, state.today))
        });
        let name = files::file_name(&state.form.id, state.today);
        let ok = files::save_file(&name, &text).is_ok();
        if ok {
            tab.mark_kept(state);
        }
        failed.set(!ok);
    };
    view! {
        <section class="aw-box" aria-labelledby="downloaden-titel">
            <h2 class="utrecht-heading-2" id="downloaden-titel">"Bewaar om later verder te gaan"</h2>
            <p class="utrecht-paragraph" id="downloaden-uitleg">
                "Download de aanvraag als bestand. Met dat bestand werkt u later verder, ook op een andere computer: "
                "kies daar \"Open een bewaard bestand\". Indienen doet u met \"Download aanvraag (pakket)\"."
            </p>
            <p class="utrecht-paragraph" id="downloaden-privacy">
                <strong>"Het bestand bevat gegevens van de leerling"</strong>
                ", zoals naam, BSN en wat u over de ondersteuning schrijft. Het is niet versleuteld. "
                "Bewaar het alleen op een beveiligde plek van de school, niet op een gedeelde computer of een USB-stick."
            </p>
            <Show when=move || blocking.get()>
                <p class="utrecht-paragraph aw-download-note">
                    <strong>"Let op:"</strong>
                    " de aanvraag is nog niet compleet. U kunt hem toch downloaden, om later verder te werken. "
                    "Onder \"Controleer uw antwoorden\" ziet u wat nog ontbreekt."
                </p>
            </Show>
            <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                aria-describedby="downloaden-privacy"
                on:click=download
            >
                "Bewaar de antwoorden als bestand (met leerlinggegevens)"
            </button>
            <Show when=move || failed.get()>
                <p class="utrecht-form-field-error-message" role="alert">
                    <strong>"Fout:"</strong> " Downloaden lukte niet in deze browser. Probeer een andere browser."
                </p>
            </Show>
        </section>
    }
}
