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
use crate::state::{FormState, SessionAnswers};
use crate::widgets::field_view;
use crate::widgets::file_picker::{file_picker, FilePicker};
use crate::{clock, drafts, files, focus};

/// The whole page of one form.
#[component]
pub fn FormPage(form: &'static Form) -> impl IntoView {
    let session = use_context::<SessionAnswers>().unwrap_or_default();
    let state = FormState::new(form, clock::today(), session.get(&form.id));
    session.follow(state);
    let has_draft = RwSignal::new(drafts::exists(&form.id));
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
        <DraftNotice state=state has_draft=has_draft/>
        {form.intro.clone().map(|intro| view! { <p class="utrecht-paragraph utrecht-paragraph--lead">{intro}</p> })}
        <Notes form=form/>
        <HowToSubmit form=form/>
        <ProgressLine state=state/>
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
        <DraftBox state=state has_draft=has_draft/>
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
                    let other = aanvraagwijzer::find_form(&doc.form).map(|f| f.id.clone());
                    Err((
                        "Dit bestand is een aanvraag voor een ander formulier. Uw antwoorden op deze pagina zijn niet veranderd.".to_owned(),
                        other,
                    ))
                }
                Ok(doc) => {
                    state.replace(doc.answers);
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

/// "Download als JSON".
#[component]
fn DownloadBox(state: FormState) -> impl IntoView {
    let failed = RwSignal::new(false);
    let blocking = Memo::new(move |_| state.findings.with(|f| has_blocking(f)));
    let download = move |_| {
        let text = state.document.with_untracked(|doc| {
            state
                .findings
                .with_untracked(|f| files::download_json(doc, f, state.today))
        });
        let name = files::file_name(&state.form.id, state.today);
        failed.set(files::save_file(&name, &text).is_err());
    };
    view! {
        <section class="aw-box" aria-labelledby="downloaden-titel">
            <h2 class="utrecht-heading-2" id="downloaden-titel">"Aanvraag downloaden"</h2>
            <p class="utrecht-paragraph">
                "Sla de aanvraag op als bestand op uw computer. Dat bestand kunt u later weer openen om verder te gaan."
            </p>
            <Show when=move || blocking.get()>
                <p class="utrecht-paragraph aw-download-note">
                    <strong>"Let op:"</strong>
                    " de aanvraag is nog niet compleet. U kunt hem toch downloaden, om later verder te werken. "
                    "Kies \"Controleer aanvraag\" om te zien wat nog ontbreekt."
                </p>
            </Show>
            <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=download>
                "Download als JSON"
            </button>
            <Show when=move || failed.get()>
                <p class="utrecht-form-field-error-message" role="alert">
                    <strong>"Fout:"</strong> " Downloaden lukte niet in deze browser. Probeer een andere browser."
                </p>
            </Show>
        </section>
    }
}

/// Replaces the answers with the form's stored draft; the outcome in Dutch.
fn open_draft(state: FormState) -> Result<&'static str, String> {
    match drafts::load(&state.form.id) {
        Some(Ok(doc)) => {
            state.replace(doc.answers);
            Ok("Het bewaarde concept is geopend.")
        }
        Some(Err(e)) => Err(e),
        None => Err("Er is geen concept bewaard in deze browser.".to_owned()),
    }
}

/// At the top of the page: a draft of this form is stored in this browser.
/// Shown until the user opens or wipes it; opening is always a choice.
#[component]
fn DraftNotice(state: FormState, has_draft: RwSignal<bool>) -> impl IntoView {
    let dismissed = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let open = move |_| match open_draft(state) {
        Ok(_) => dismissed.set(true),
        Err(e) => error.set(Some(e)),
    };
    view! {
        <Show when=move || has_draft.get() && !dismissed.get()>
            <div class="utrecht-alert utrecht-alert--info aw-notes aw-draft-notice">
                <div class="utrecht-alert__content">
                    <p class="utrecht-paragraph">
                        "In deze browser staat een bewaard concept van dit formulier. "
                        "Wilt u daarmee verder? Uw antwoorden op deze pagina worden dan vervangen."
                    </p>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=open>
                        "Open bewaard concept"
                    </button>
                    {move || error.get().map(|e| view! {
                        <p class="utrecht-form-field-error-message" role="alert">
                            <strong>"Fout:"</strong> " " {e}
                        </p>
                    })}
                </div>
            </div>
        </Show>
    }
}

/// Drafts, only on request: save, open, wipe.
#[component]
fn DraftBox(state: FormState, has_draft: RwSignal<bool>) -> impl IntoView {
    let form_id = state.form.id.as_str();
    let status = RwSignal::new(None::<Result<&'static str, String>>);
    let save = move |_| {
        let result = state.document.with_untracked(drafts::save);
        has_draft.set(drafts::exists(form_id));
        status.set(Some(result.map(|()| {
            "Het concept is bewaard in deze browser. Wis het als u klaar bent, zeker op een computer die u met anderen deelt."
        })));
    };
    let open = move |_| status.set(Some(open_draft(state)));
    let wipe = move |_| {
        drafts::wipe(form_id);
        has_draft.set(drafts::exists(form_id));
        status.set(Some(Ok("Het concept is gewist uit deze browser.")));
    };
    view! {
        <section class="aw-box" aria-labelledby="concept-titel">
            <h2 class="utrecht-heading-2" id="concept-titel">"Later verder werken"</h2>
            <p class="utrecht-paragraph">
                "Deze website bewaart uw antwoorden niet vanzelf. Wilt u later verder? Bewaar dan een concept in deze browser, "
                "op deze computer. Iedereen die deze computer en browser gebruikt, kan het concept openen. "
                "Wis het daarom als u klaar bent."
            </p>
            <div class="utrecht-button-group">
                <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=save>
                    "Bewaar concept in deze browser"
                </button>
                <Show when=move || has_draft.get()>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=open>
                        "Open bewaard concept"
                    </button>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=wipe>
                        "Wis concept"
                    </button>
                </Show>
            </div>
            <div aria-live="polite">
                {move || status.get().map(|s| match s {
                    Ok(text) => view! { <p class="utrecht-paragraph aw-status">{text}</p> }.into_any(),
                    Err(text) => view! {
                        <p class="utrecht-form-field-error-message" role="alert">
                            <strong>"Fout:"</strong> " " {text}
                        </p>
                    }.into_any(),
                })}
            </div>
        </section>
    }
}
