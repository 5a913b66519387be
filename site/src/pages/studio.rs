//! The form studio (`#/studio`): SWV staff open or paste a form file (TOML)
//! and see at once every problem the build's `check_form` finds (line and
//! column), the form as schools will see it with live validation, which
//! rules their example answers made pass or fail, what changed against the
//! published version, and a download ready to publish. The TOML parser and
//! the diff live in the lazily loaded studio module (`bridge`); nothing
//! leaves the browser.
//!
//! The preview is the real `FormPage` with the checked form under the id
//! `studio/<form id>`, so its links (`#/studio/<form id>/<section>`) stay in
//! the studio and its answers never mix with a school's answers to the
//! published form in this tab.

use std::cell::RefCell;
use std::collections::BTreeMap;
use std::time::Duration;

use aanvraagwijzer::published::{FormIndex, IndexEntry};
use aanvraagwijzer::validate::{rule_outcomes, RuleOutcome};
use aanvraagwijzer::{Form, Severity};
use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::files;
use crate::focus;
use crate::pages::form::FormPage;
use crate::route::FormView;
use crate::state::FormState;
use crate::widgets::file_picker::{file_picker, FilePicker};

mod bridge;
use bridge::{Change, Problem};

/// The id of the text area (error summary links go to its lines).
const TEXT_ID: &str = "studio-tekst";
/// The part of a preview form's id before the real one.
const PREVIEW_PREFIX: &str = "studio/";
/// Pause after the last keystroke before the text is checked again.
const DEBOUNCE: Duration = Duration::from_millis(700);

thread_local! {
    /// The text, kept while the user visits other pages of the site (memory
    /// only, like everything in the studio).
    static LAST_TEXT: RefCell<String> = const { RefCell::new(String::new()) };
}

/// One check of the text: what was checked and what came of it.
#[derive(Clone)]
struct Outcome {
    /// The text exactly as checked (what "Download" gives).
    text: String,
    problems: Vec<Problem>,
    /// Only when there are no problems.
    sound: Option<Sound>,
}

/// A file without problems.
#[derive(Clone)]
struct Sound {
    /// The form with its real id.
    form: &'static Form,
    /// The same form under `studio/<id>`, for the preview.
    preview: &'static Form,
    /// As the site publishes it: `forms/<swv>/<form>.json`.
    json: String,
    /// Against the published version; `None`: no published form has this id.
    changes: Option<Vec<Change>>,
}

/// What the example answers did to one rule so far in this session.
#[derive(Clone, Copy, Default, PartialEq)]
struct Seen {
    passed: bool,
    failed: bool,
    not_applicable: bool,
}

/// The preview page for the studio's part of the URL (`<form id>/<section>`).
fn preview_view(rest: &str, form_id: &str) -> FormView {
    let (path, query) = rest.split_once('?').unwrap_or((rest, ""));
    let Some(tail) = path.strip_prefix(form_id) else {
        return FormView::Overview;
    };
    match tail.trim_matches('/') {
        "" => FormView::Overview,
        "controleer" => FormView::Check,
        section => {
            let focus = query
                .split('&')
                .find_map(|p| p.strip_prefix("veld="))
                .filter(|v| v.starts_with("veld-"))
                .map(str::to_owned);
            FormView::Section(section.to_owned(), focus)
        }
    }
}

/// Checks `text` and compares a sound form with the published one.
async fn run_check(text: String) -> Result<Outcome, String> {
    let checked = bridge::check(&text).await?;
    let sound = match checked.form {
        Some(json) if checked.problems.is_empty() => {
            let form = bridge::form_from_json(&json).ok_or_else(|| {
                "Het formulier kon niet worden getoond. Vernieuw de pagina en probeer het opnieuw."
                    .to_owned()
            })?;
            let changes = match bridge::published_form_json(&form.id).await? {
                Some(published) => Some(bridge::compare(&published, &json).await?),
                None => None,
            };
            let mut preview = form.clone();
            preview.id = format!("{PREVIEW_PREFIX}{}", form.id);
            // Each check that succeeds leaks one form: the studio is a tool
            // page used for minutes, and FormPage needs `&'static Form`.
            Some(Sound {
                form: Box::leak(Box::new(form)),
                preview: Box::leak(Box::new(preview)),
                json,
                changes,
            })
        }
        _ => None,
    };
    Ok(Outcome {
        text,
        problems: checked.problems,
        sound,
    })
}

/// The studio page. `rest` is the part of the route after `#/studio/`.
#[component]
pub fn StudioPage(rest: Memo<String>) -> impl IntoView {
    let text = RwSignal::new(LAST_TEXT.with(|t| t.borrow().clone()));
    let outcome = RwSignal::new(None::<Outcome>);
    let failure = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    // Which check is the latest: an older answer arriving late is dropped.
    let generation = StoredValue::new(0u64);
    let coverage = RwSignal::new(BTreeMap::<String, Seen>::new());
    let preview_state = RwSignal::new(None::<FormState>);

    let check_now = move || {
        let current = text.get_untracked();
        LAST_TEXT.with(|t| *t.borrow_mut() = current.clone());
        if current.trim().is_empty() {
            outcome.set(None);
            return;
        }
        generation.update_value(|g| *g += 1);
        let mine = generation.get_value();
        busy.set(true);
        spawn_local(async move {
            let result = run_check(current).await;
            if generation.get_value() != mine {
                return;
            }
            busy.set(false);
            match result {
                Ok(o) => {
                    failure.set(None);
                    let summary = if o.problems.is_empty() {
                        "Het formulier is gecontroleerd: geen problemen.".to_owned()
                    } else {
                        format!(
                            "Het formulier is gecontroleerd: {} problemen.",
                            o.problems.len()
                        )
                    };
                    focus::announce(&summary);
                    outcome.set(Some(o));
                }
                Err(e) => failure.set(Some(e)),
            }
        });
    };
    // Checked again a moment after the last keystroke.
    let typed = StoredValue::new(0u64);
    let on_input = move |ev: leptos::ev::Event| {
        text.set(event_target_value(&ev));
        typed.update_value(|n| *n += 1);
        let mine = typed.get_value();
        set_timeout(
            move || {
                if typed.try_get_value() == Some(mine) {
                    check_now();
                }
            },
            DEBOUNCE,
        );
    };
    if !text.get_untracked().is_empty() {
        check_now();
    }

    // Every change of the example answers adds to what each rule has shown.
    Effect::new(move |_| {
        let Some(state) = preview_state.get() else {
            return;
        };
        let Some(outcomes) = state
            .document
            .try_with(|doc| rule_outcomes(state.form, doc, state.today))
        else {
            return;
        };
        coverage.update(|seen| {
            for (id, o) in outcomes {
                let entry = seen.entry(id).or_default();
                match o {
                    RuleOutcome::Passed => entry.passed = true,
                    RuleOutcome::Failed => entry.failed = true,
                    RuleOutcome::NotApplicable => entry.not_applicable = true,
                }
            }
        });
    });

    let form_view = Memo::new(move |_| {
        let id = outcome.with(|o| {
            o.as_ref()
                .and_then(|o| o.sound.as_ref())
                .map(|s| s.form.id.clone())
        });
        id.map_or(FormView::Overview, |id| rest.with(|r| preview_view(r, &id)))
    });
    // A link inside the preview keeps the studio mounted; show where it went.
    Effect::new(move |first: Option<()>| {
        let view = form_view.get();
        if first.is_none() {
            return;
        }
        request_animation_frame(move || {
            if let FormView::Section(_, Some(field)) = &view {
                focus::focus_field(field);
            } else if let Some(el) = document().get_element_by_id("studio-voorbeeld") {
                el.scroll_into_view();
            }
        });
    });

    view! {
        <h1 class="utrecht-heading-1" id="studio-titel" tabindex="-1">"Formulierstudio"</h1>
        <p class="utrecht-paragraph">
            "Hier past u als samenwerkingsverband een formulier aan en ziet u meteen of het klopt, "
            "hoe scholen het zien en wat er verandert. Alles blijft in deze browser: er wordt niets verstuurd."
        </p>
        <StartFrom text=text check_now=check_now/>
        <section class="aw-box" aria-labelledby="studio-tekst-titel">
            <h2 class="utrecht-heading-2" id="studio-tekst-titel">"Het formulierbestand"</h2>
            <div class="utrecht-form-field aw-field">
                <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for=TEXT_ID>"Tekst van het formulierbestand (TOML)"</label>
                </div>
                <div class="utrecht-form-field-description" id="studio-tekst-uitleg">
                    "Plak de tekst hier, of pas hem aan. Na elke wijziging controleert de studio het formulier opnieuw."
                </div>
                <div class="utrecht-form-field__input">
                    <textarea
                        id=TEXT_ID
                        class="utrecht-textarea aw-studio-text"
                        rows="20"
                        spellcheck="false"
                        aria-describedby="studio-tekst-uitleg"
                        aria-invalid=move || outcome.with(|o| o.as_ref().is_some_and(|o| !o.problems.is_empty())).then_some("true")
                        prop:value=move || text.get()
                        on:input=on_input
                    ></textarea>
                </div>
            </div>
            <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=move |_| check_now()>
                "Controleer en bekijk"
            </button>
            <p class="utrecht-paragraph aw-status" aria-live="polite">
                {move || busy.get().then_some("Bezig met controleren…")}
            </p>
            {move || failure.get().map(|e| view! {
                <p class="utrecht-form-field-error-message" role="alert"><strong>"Fout:"</strong> " " {e}</p>
            })}
        </section>
        {move || outcome.get().map(|o| match o.sound {
            None => view! { <Problems problems=o.problems/> }.into_any(),
            Some(sound) => view! {
                <p class="utrecht-paragraph aw-studio-ok" role="status">
                    "Geen problemen gevonden: dit formulier kan worden gepubliceerd."
                </p>
                <Changes changes=sound.changes.clone()/>
                <Coverage form=sound.form coverage=coverage/>
                <Download form=sound.form toml=o.text.clone() json=sound.json.clone()/>
                <section class="aw-studio-preview" id="studio-voorbeeld" aria-labelledby="studio-voorbeeld-titel">
                    <h2 class="utrecht-heading-2" id="studio-voorbeeld-titel">"Zo zien scholen het formulier"</h2>
                    <p class="utrecht-paragraph">
                        "Probeer hier voorbeeldantwoorden. De meldingen zijn dezelfde als scholen krijgen; "
                        "hierboven ziet u welke regels daardoor zijn gehaald of niet."
                    </p>
                    <FormPage form=sound.preview view=form_view expose=preview_state/>
                </section>
            }.into_any(),
        })}
    }
}

/// Where to start: a published form, a file, or pasted text (the text area).
#[component]
fn StartFrom(text: RwSignal<String>, check_now: impl Fn() + Copy + 'static) -> impl IntoView {
    let message = RwSignal::new(None::<Result<String, String>>);
    let chosen = RwSignal::new(
        crate::forms::entries()
            .first()
            .map(|f| f.id.clone())
            .unwrap_or_default(),
    );
    let open_published = move |_| {
        let id = chosen.get_untracked();
        spawn_local(async move {
            match bridge::published_form_toml(&id).await {
                Ok(t) => {
                    text.set(t);
                    message.set(Some(Ok(
                        "Het gepubliceerde formulier staat hieronder.".to_owned()
                    )));
                    check_now();
                }
                Err(e) => message.set(Some(Err(e))),
            }
        });
    };
    let on_file = move |file: web_sys::File| {
        spawn_local(async move {
            let file = gloo_file::File::from(file);
            match gloo_file::futures::read_as_text(&file).await {
                Ok(t) => {
                    text.set(t);
                    message.set(Some(Ok(format!(
                        "Het bestand \"{}\" staat hieronder.",
                        file.name()
                    ))));
                    check_now();
                }
                Err(_) => message.set(Some(Err(
                    "Het bestand kon niet worden gelezen. Kies een tekstbestand (.toml)."
                        .to_owned(),
                ))),
            }
        });
    };
    view! {
        <section class="aw-box" aria-labelledby="studio-start-titel">
            <h2 class="utrecht-heading-2" id="studio-start-titel">"Begin met een formulier"</h2>
            <div class="utrecht-form-field aw-field">
                <div class="utrecht-form-field__label">
                    <label class="utrecht-form-label" for="studio-gepubliceerd">"Een gepubliceerd formulier"</label>
                </div>
                <div class="utrecht-form-field__input">
                    <select
                        id="studio-gepubliceerd"
                        class="utrecht-select"
                        on:change=move |ev| chosen.set(event_target_value(&ev))
                    >
                        {crate::forms::entries().into_iter().map(|f| view! {
                            <option value=f.id.clone()>{format!("{} – {}", f.swv_name, f.title)}</option>
                        }).collect_view()}
                    </select>
                </div>
            </div>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=open_published>
                "Open dit formulier"
            </button>
            {file_picker(
                FilePicker {
                    id: "studio-bestand",
                    label: "Open een formulierbestand",
                    hint: "Kies een .toml-bestand van uw computer. Het bestand blijft op uw computer.",
                    accept: ".toml,text/plain",
                    status_id: "studio-start-melding",
                },
                on_file,
            )}
            <p class="utrecht-paragraph">"Of plak de tekst hieronder in het tekstvak."</p>
            <div id="studio-start-melding" aria-live="polite">
                {move || message.get().map(|m| match m {
                    Ok(t) => view! { <p class="utrecht-paragraph aw-status">{t}</p> }.into_any(),
                    Err(e) => view! {
                        <p class="utrecht-form-field-error-message" role="alert"><strong>"Fout:"</strong> " " {e}</p>
                    }.into_any(),
                })}
            </div>
        </section>
    }
}

/// Every problem, as an error summary; each links to its line in the text.
#[component]
fn Problems(problems: Vec<Problem>) -> impl IntoView {
    let count = problems.len();
    view! {
        <div class="utrecht-alert utrecht-alert--error aw-error-summary" role="alert" aria-labelledby="studio-fouten-titel">
            <h2 class="utrecht-heading-2" id="studio-fouten-titel">
                {if count == 1 { "Er is 1 probleem in het formulier".to_owned() } else { format!("Er zijn {count} problemen in het formulier") }}
            </h2>
            <p class="utrecht-paragraph">"Verbeter deze punten. Kies een punt om naar die regel in het tekstvak te gaan."</p>
            <ul class="utrecht-unordered-list aw-studio-problems">
                {problems.into_iter().map(|p| {
                    let (line, column) = (p.line, p.column);
                    view! {
                        <li>
                            <a
                                class="utrecht-link utrecht-link--html-a"
                                href=format!("#{TEXT_ID}")
                                on:click=move |ev| {
                                    ev.prevent_default();
                                    bridge::select_line(TEXT_ID, line, column);
                                }
                            >
                                {format!("Regel {line}, kolom {column}")}
                            </a>
                            ": " {p.message}
                        </li>
                    }
                }).collect_view()}
            </ul>
        </div>
    }
}

/// What changed against the published version.
#[component]
fn Changes(changes: Option<Vec<Change>>) -> impl IntoView {
    let body = match changes {
        None => view! {
            <p class="utrecht-paragraph">"Er is nog geen gepubliceerd formulier met dit id: alles is nieuw."</p>
        }
        .into_any(),
        Some(list) if list.is_empty() => view! {
            <p class="utrecht-paragraph">"Niets veranderd: dit formulier is gelijk aan de gepubliceerde versie."</p>
        }
        .into_any(),
        Some(list) => view! {
            <ul class="utrecht-unordered-list aw-studio-changes">
                {list.into_iter().map(|c| {
                    let label = match c.kind.as_str() {
                        "added" => "Nieuw",
                        "removed" => "Weggehaald",
                        _ => "Veranderd",
                    };
                    view! { <li data-kind=c.kind data-id=c.id><strong>{label} ": "</strong>{c.description_nl}</li> }
                }).collect_view()}
            </ul>
        }
        .into_any(),
    };
    view! {
        <section class="aw-box" aria-labelledby="studio-verschil-titel">
            <h2 class="utrecht-heading-2" id="studio-verschil-titel">"Wat is er anders dan de gepubliceerde versie"</h2>
            {body}
        </section>
    }
}

/// Per rule: did the example answers make it pass, fail or not apply.
#[component]
fn Coverage(form: &'static Form, coverage: RwSignal<BTreeMap<String, Seen>>) -> impl IntoView {
    let yes_no = |b: bool| if b { "ja" } else { "nog niet" };
    view! {
        <section class="aw-box" aria-labelledby="studio-regels-titel">
            <h2 class="utrecht-heading-2" id="studio-regels-titel">"Regels getest met uw voorbeeldantwoorden"</h2>
            <p class="utrecht-paragraph">
                "Vul hieronder in het voorbeeld antwoorden in. Test elke regel zo dat hij een keer wordt gehaald en een keer niet."
            </p>
            {form.rules.is_empty().then(|| view! { <p class="utrecht-paragraph">"Dit formulier heeft geen regels."</p> })}
            <table class="utrecht-table aw-studio-coverage" hidden=form.rules.is_empty()>
                <thead class="utrecht-table__header">
                    <tr class="utrecht-table__row">
                        <th class="utrecht-table__header-cell" scope="col">"Regel"</th>
                        <th class="utrecht-table__header-cell" scope="col">"Soort"</th>
                        <th class="utrecht-table__header-cell" scope="col">"Gehaald"</th>
                        <th class="utrecht-table__header-cell" scope="col">"Niet gehaald"</th>
                        <th class="utrecht-table__header-cell" scope="col">"Niet van toepassing"</th>
                    </tr>
                </thead>
                <tbody class="utrecht-table__body">
                    {form.rules.iter().map(|r| {
                        let id = r.id.clone();
                        let seen = Memo::new(move |_| coverage.with(|c| c.get(&id).copied().unwrap_or_default()));
                        let severity = match r.severity {
                            Severity::Fout => "fout",
                            Severity::Waarschuwing => "waarschuwing",
                            Severity::Tip => "tip",
                        };
                        view! {
                            <tr class="utrecht-table__row" data-rule=r.id.clone()>
                                <th class="utrecht-table__header-cell" scope="row">
                                    <code>{r.id.clone()}</code>
                                    <span class="aw-studio-rule-message">{r.message.clone()}</span>
                                </th>
                                <td class="utrecht-table__cell">{severity}</td>
                                <td class="utrecht-table__cell" data-outcome="passed">{move || yes_no(seen.get().passed)}</td>
                                <td class="utrecht-table__cell" data-outcome="failed">{move || yes_no(seen.get().failed)}</td>
                                <td class="utrecht-table__cell" data-outcome="not-applicable">{move || yes_no(seen.get().not_applicable)}</td>
                            </tr>
                        }
                    }).collect_view()}
                </tbody>
            </table>
        </section>
    }
}

/// The checked file, ready to publish: the TOML as checked, the form data,
/// and the site's list of forms with this form as it now is (needed when the
/// form is new or its title, description or version changed: the start page
/// lists forms from that list).
#[component]
fn Download(form: &'static Form, toml: String, json: String) -> impl IntoView {
    let failed = RwSignal::new(false);
    let name = form.id.rsplit('/').next().unwrap_or(&form.id).to_owned();
    let (toml_name, json_name) = (format!("{name}.toml"), format!("{name}.json"));
    let published = FormIndex {
        forms: crate::forms::entries(),
    };
    let listed_as_now = published.find(&form.id) == Some(&IndexEntry::of(form));
    let index_json = serde_json::to_string(&published.with(form)).unwrap_or_default();
    let save = move |file: String, content: String| {
        move |_| failed.set(files::save_file(&file, &content).is_err())
    };
    view! {
        <section class="aw-box" aria-labelledby="studio-download-titel">
            <h2 class="utrecht-heading-2" id="studio-download-titel">"Klaar om te publiceren"</h2>
            <p class="utrecht-paragraph">
                {format!(
                    "Bewaar het formulierbestand bij uw formulieren (forms/{0}.toml). Zet de formuliergegevens op uw website als forms/{0}.json.",
                    form.id
                )}
            </p>
            <p class="utrecht-paragraph" id="studio-lijst-uitleg">
                {if listed_as_now {
                    "De lijst met formulieren op de startpagina hoeft niet te veranderen: titel, beschrijving en versie staan er al zo in."
                } else {
                    "Zet ook de nieuwe lijst met formulieren op uw website, als forms/index.json: het formulier is nieuw, of de titel, beschrijving of versie is veranderd. De startpagina toont de formulieren uit die lijst."
                }}
            </p>
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=save(toml_name, toml)>
                "Download het formulierbestand (.toml)"
            </button>
            " "
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=save(json_name, json)>
                "Download de formuliergegevens (.json)"
            </button>
            " "
            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=save("index.json".to_owned(), index_json)>
                "Download de lijst met formulieren (index.json)"
            </button>
            <Show when=move || failed.get()>
                <p class="utrecht-form-field-error-message" role="alert">
                    <strong>"Fout:"</strong> " Downloaden lukte niet in deze browser. Probeer een andere browser."
                </p>
            </Show>
        </section>
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn preview_links_lead_to_the_preview_pages() {
        let id = "rsv-breda-po/opp";
        assert_eq!(preview_view("rsv-breda-po/opp", id), FormView::Overview);
        assert_eq!(preview_view("", id), FormView::Overview);
        assert_eq!(
            preview_view("rsv-breda-po/opp/controleer", id),
            FormView::Check
        );
        assert_eq!(
            preview_view("rsv-breda-po/opp/beeld?veld=veld-x", id),
            FormView::Section("beeld".into(), Some("veld-x".into()))
        );
    }
}
