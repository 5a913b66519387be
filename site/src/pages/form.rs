//! A form page: sections and fields from the definition, progress, budget
//! summary, the check, download/open and drafts.

use aanvraagwijzer::{
    field_applies, has_blocking, progress, section_applies, summary, Form, Section,
};
use leptos::prelude::*;
use leptos::task::spawn_local;
use wasm_bindgen::JsCast;

use crate::answers::AnswerPath;
use crate::error_summary::{ErrorSummary, RESULT_ID};
use crate::package::PackageBox;
use crate::route::Route;
use crate::state::FormState;
use crate::tab::TabAnswers;
use crate::widgets::field_view;
use crate::widgets::file_picker::{file_picker, FilePicker};
use crate::{clock, files, focus};

mod draft_box;
use draft_box::{DraftBox, DraftNotice, DraftsShared};
pub use draft_box::{Expired, WipeAll};

/// The whole page of one form.
#[component]
pub fn FormPage(form: &'static Form) -> impl IntoView {
    let tab = use_context::<TabAnswers>().unwrap_or_default();
    let state = FormState::new(form, clock::today(), tab.get(&form.id));
    tab.follow(state);
    let shared = DraftsShared::new(&form.id);
    let report = RwSignal::new(false);
    let check = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        state.checked.set(true);
        report.set(true);
        request_animation_frame(|| focus::focus_element(RESULT_ID));
    };
    let sections = form
        .sections
        .iter()
        .map(|section| section_view(state, section))
        .collect_view();
    view! {
        <p class="aw-back">
            <a class="utrecht-link utrecht-link--html-a" href="#/">"Alle formulieren"</a>
        </p>
        <p class="utrecht-pre-heading">{form.swv_name.clone()}</p>
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">{form.title.clone()}</h1>
        <ErrorSummary shown=report findings=state.findings form=form/>
        <div id=focus::ANNOUNCER_ID class="aw-visually-hidden" aria-live="polite"></div>
        <DraftNotice state=state shared=shared/>
        {form.intro.clone().map(|intro| view! { <p class="utrecht-paragraph utrecht-paragraph--lead">{intro}</p> })}
        <Notes form=form/>
        <HowToSubmit form=form/>
        <ProgressLine state=state/>
        <AutosaveLine/>
        <OpenFile state=state/>
        <form class="aw-form" data-form=form.id.clone() novalidate on:submit=check>
            {sections}
            <BudgetSummary state=state/>
            <div class="utrecht-button-group aw-actions">
                <button type="submit" class="utrecht-button utrecht-button--primary-action">
                    "Controleer aanvraag"
                </button>
            </div>
        </form>
        <DownloadBox state=state/>
        <PackageBox state=state/>
        <DraftBox state=state shared=shared/>
    }
}

/// One section, hidden while its `when` is false.
fn section_view(state: FormState, section: &'static Section) -> impl IntoView {
    let form = state.form;
    let today = state.today;
    let applies = Memo::new(move |_| {
        state
            .document
            .with(|d| section_applies(form, d, today, &section.id))
    });
    let heading_id = format!("deel-{}", section.id);
    let fields = move || {
        section
            .fields
            .iter()
            .map(|field| {
                let applies = Memo::new(move |_| {
                    state
                        .document
                        .with(|d| field_applies(form, d, today, &field.id))
                });
                field_view(state, field, AnswerPath::field(&field.id), applies)
            })
            .collect_view()
    };
    view! {
        // Rebuilt only when the section's `when` flips, not while typing.
        <Show when=move || applies.get()>
            <section class="aw-section" aria-labelledby=heading_id.clone()>
                <h2 class="utrecht-heading-2" id=heading_id.clone()>{section.title.clone()}</h2>
                {section.hint.clone().map(|h| view! { <p class="utrecht-paragraph aw-section__hint">{h}</p> })}
                {fields()}
            </section>
        </Show>
    }
}

/// Where the finished request goes: per SWV, in its own words.
#[component]
fn HowToSubmit(form: &'static Form) -> impl IntoView {
    view! {
        <div class="aw-submit-how">
            <h2 class="utrecht-heading-3">"Zo dient u de aanvraag in"</h2>
            <p class="utrecht-paragraph">{form.submission_text()}</p>
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
                        {form.notes.iter().map(|n| view! { <li>{n.clone()}</li> }).collect_view()}
                    </ul>
                </div>
            </div>
        }
    })
}

/// "7 van 12 verplichte onderdelen compleet".
#[component]
fn ProgressLine(state: FormState) -> impl IntoView {
    let line = Memo::new(move |_| {
        state.document.with(|doc| {
            state
                .findings
                .with(|f| progress(state.form, doc, f, state.today).message_nl())
        })
    });
    view! { <p class="utrecht-paragraph aw-progress">{line}</p> }
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
    let on_change = move |ev: leptos::ev::Event| {
        let Some(input) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok())
        else {
            return;
        };
        let Some(file) = input.files().and_then(|list| list.get(0)) else {
            return;
        };
        // Allow choosing the same file again after fixing it.
        input.set_value("");
        spawn_local(async move {
            let outcome = match files::read_document(file).await {
                Err(e) => Err((e, None)),
                Ok(doc) if doc.form != state.form.id => {
                    let other = crate::catalog::entry(&doc.form).map(|f| f.id);
                    Err((
                        "Dit bestand is een aanvraag voor een ander formulier. Uw antwoorden op deze pagina zijn niet veranderd.".to_owned(),
                        other,
                    ))
                }
                Ok(doc) => {
                    state.replace(doc.answers);
                    tab.mark_kept(state);
                    Ok("Het bestand is geopend. Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt.".to_owned())
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
                    label: "Open JSON",
                    hint: "Kies het bestand dat u eerder met \"Download als JSON\" hebt opgeslagen. De antwoorden op deze pagina worden dan vervangen.",
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
                "kies daar \"Open JSON\". Indienen doet u met \"Download aanvraag (pakket)\"."
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
                    "Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt."
                </p>
            </Show>
            <button
                type="button"
                class="utrecht-button utrecht-button--primary-action"
                aria-describedby="downloaden-privacy"
                on:click=download
            >
                "Download als JSON (met leerlinggegevens)"
            </button>
            <Show when=move || failed.get()>
                <p class="utrecht-form-field-error-message" role="alert">
                    <strong>"Fout:"</strong> " Downloaden lukte niet in deze browser. Probeer een andere browser."
                </p>
            </Show>
        </section>
    }
}
