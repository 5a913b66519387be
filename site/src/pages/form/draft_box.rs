//! "Later verder werken in deze browser": encrypted drafts of this form (save
//! with a password, list, open, remove), "Wis alle concepten", and the notice
//! at the top of the page about stored and old plaintext drafts.

use leptos::prelude::*;
use leptos::task::spawn_local;

use crate::drafts::{self, DraftInfo, OpenError};
use crate::focus;
use crate::state::FormState;
use crate::tab::TabAnswers;

/// What the notice on top and the box below share.
#[derive(Clone, Copy)]
pub struct DraftsShared {
    /// This form's encrypted drafts, newest first.
    pub list: RwSignal<Vec<DraftInfo>>,
    /// A plaintext draft from before encryption is stored for this form.
    pub legacy: RwSignal<bool>,
    /// The draft whose answers are on the page (saving may replace it).
    pub current: RwSignal<Option<DraftInfo>>,
}

impl DraftsShared {
    /// Reads what is stored for `form_id`.
    pub fn new(form_id: &str) -> DraftsShared {
        DraftsShared {
            list: RwSignal::new(drafts::list_for(form_id)),
            legacy: RwSignal::new(drafts::has_legacy(form_id)),
            current: RwSignal::new(None),
        }
    }

    fn refresh(&self, form_id: &str) {
        self.list.set(drafts::list_for(form_id));
        self.legacy.set(drafts::has_legacy(form_id));
    }
}

/// How many drafts were removed as expired when the site opened.
#[derive(Clone, Copy)]
pub struct Expired(pub RwSignal<usize>);

const BOX_HEADING: &str = "concept-titel";

/// At the top of the page: drafts of this form are stored, or an old
/// unencrypted draft that should be moved or wiped.
#[component]
pub fn DraftNotice(state: FormState, shared: DraftsShared) -> impl IntoView {
    let form_id = state.form.id.as_str();
    let error = RwSignal::new(None::<String>);
    let opened = RwSignal::new(false);
    let open_legacy = move |_| match drafts::load_legacy(form_id) {
        Some(Ok(doc)) => {
            // Not kept anywhere safe yet, so leaving the page asks first.
            state.replace(doc.answers);
            opened.set(true);
            error.set(None);
        }
        Some(Err(e)) => error.set(Some(e)),
        None => error.set(Some(
            "Het oude concept staat niet meer in deze browser.".to_owned(),
        )),
    };
    let wipe_legacy = move |_| {
        drafts::remove_legacy(form_id);
        shared.refresh(form_id);
    };
    let go_to_box = move |_| focus::focus_element(BOX_HEADING);
    let show_stored = move || {
        !shared.list.with(Vec::is_empty)
            && shared.current.with(Option::is_none)
            && state.answers.with(|a| a.is_empty())
    };
    view! {
        <Show when=move || shared.legacy.get()>
            <div class="utrecht-alert utrecht-alert--warning aw-notes aw-draft-notice aw-legacy-notice">
                <div class="utrecht-alert__content">
                    <h2 class="utrecht-heading-3">"Oud concept, niet beveiligd"</h2>
                    <p class="utrecht-paragraph">
                        "In deze browser staat een concept van dit formulier uit een eerdere versie van deze website. "
                        "Het is niet versleuteld: iedereen die deze computer gebruikt, kan het lezen."
                    </p>
                    <p class="utrecht-paragraph">
                        {move || if opened.get() {
                            "Het oude concept staat nu op deze pagina. Bewaar het hieronder opnieuw als concept, met een wachtwoord. Dan wordt het oude concept gewist."
                        } else {
                            "Open het en bewaar het daarna opnieuw als concept, met een wachtwoord: dan wordt het oude concept gewist. Hebt u het niet meer nodig? Wis het dan."
                        }}
                    </p>
                    <div class="utrecht-button-group">
                        <Show when=move || !opened.get()>
                            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=open_legacy>
                                "Open oud concept"
                            </button>
                        </Show>
                        <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=wipe_legacy>
                            "Wis oud concept"
                        </button>
                    </div>
                    {move || error.get().map(|e| view! {
                        <p class="utrecht-form-field-error-message" role="alert">
                            <strong>"Fout:"</strong> " " {e}
                        </p>
                    })}
                </div>
            </div>
        </Show>
        <Show when=show_stored>
            <div class="utrecht-alert utrecht-alert--info aw-notes aw-draft-notice">
                <div class="utrecht-alert__content">
                    <p class="utrecht-paragraph">
                        {move || match shared.list.with(Vec::len) {
                            1 => "In deze browser staat een bewaard concept van dit formulier.".to_owned(),
                            n => format!("In deze browser staan {n} bewaarde concepten van dit formulier."),
                        }}
                        " U opent een concept met het wachtwoord dat u bij het bewaren koos."
                    </p>
                    <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=go_to_box>
                        "Naar de bewaarde concepten"
                    </button>
                </div>
            </div>
        </Show>
    }
}

/// A labelled password input with its hint and error, tied by ARIA.
fn password_input(
    id: &'static str,
    label: &'static str,
    hint: Option<&'static str>,
    autocomplete: &'static str,
    value: RwSignal<String>,
    error: RwSignal<Option<String>>,
) -> impl IntoView {
    let hint_id = format!("{id}-hint");
    let error_id = format!("{id}-fout");
    let describedby = {
        let (hint_id, error_id) = (hint_id.clone(), error_id.clone());
        move || {
            let mut ids = Vec::new();
            if hint.is_some() {
                ids.push(hint_id.clone());
            }
            if error.with(Option::is_some) {
                ids.push(error_id.clone());
            }
            (!ids.is_empty()).then(|| ids.join(" "))
        }
    };
    view! {
        <div class=move || {
            if error.with(Option::is_some) {
                "utrecht-form-field utrecht-form-field--text utrecht-form-field--invalid aw-field"
            } else {
                "utrecht-form-field utrecht-form-field--text aw-field"
            }
        }>
            <div class="utrecht-form-field__label">
                <label class="utrecht-form-label" for=id>{label}</label>
            </div>
            {hint.map(|h| view! { <div class="utrecht-form-field-description" id=hint_id.clone()>{h}</div> })}
            {move || error.get().map(|e| view! {
                <p class="utrecht-form-field-error-message" id=error_id.clone()>
                    <strong>"Fout:"</strong> " " {e}
                </p>
            })}
            <div class="utrecht-form-field__input">
                <input
                    type="password"
                    class=move || {
                        if error.with(Option::is_some) {
                            "utrecht-textbox utrecht-textbox--html-input utrecht-textbox--invalid aw-size-password"
                        } else {
                            "utrecht-textbox utrecht-textbox--html-input aw-size-password"
                        }
                    }
                    id=id
                    name=id
                    autocomplete=autocomplete
                    spellcheck="false"
                    aria-describedby=describedby
                    aria-invalid=move || error.with(Option::is_some).then_some("true")
                    prop:value=move || value.get()
                    on:input=move |ev| value.set(event_target_value(&ev))
                />
            </div>
        </div>
    }
}

/// A status line: done (green) or an error.
fn status_view(status: Option<Result<String, String>>) -> impl IntoView {
    status.map(|s| match s {
        Ok(text) => view! { <p class="utrecht-paragraph aw-status">{text}</p> }.into_any(),
        Err(text) => view! {
            <p class="utrecht-form-field-error-message" role="alert">
                <strong>"Fout:"</strong> " " {text}
            </p>
        }
        .into_any(),
    })
}

/// Drafts, only on request: save with a password, open, remove, wipe all.
#[component]
pub fn DraftBox(state: FormState, shared: DraftsShared) -> impl IntoView {
    let tab = use_context::<TabAnswers>().unwrap_or_default();
    let expired = use_context::<Expired>()
        .map(|e| e.0.get_untracked())
        .unwrap_or(0);
    let form_id = state.form.id.as_str();
    let status = RwSignal::new(None::<Result<String, String>>);
    let busy = RwSignal::new(false);

    // Saving.
    let password = RwSignal::new(String::new());
    let repeat = RwSignal::new(String::new());
    let password_error = RwSignal::new(None::<String>);
    let repeat_error = RwSignal::new(None::<String>);
    let replace = RwSignal::new(None::<bool>);
    let replace_error = RwSignal::new(None::<String>);
    let save = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        if busy.get_untracked() {
            return;
        }
        let pw = password.get_untracked();
        let current = shared.current.get_untracked();
        replace_error.set(
            (current.is_some() && replace.get_untracked().is_none()).then(|| {
                "Kies of u het geopende concept wilt vervangen of een nieuw concept wilt bewaren."
                    .to_owned()
            }),
        );
        password_error.set((pw.chars().count() < drafts::MIN_PASSWORD).then(|| {
            format!(
                "Kies een wachtwoord van minstens {} tekens.",
                drafts::MIN_PASSWORD
            )
        }));
        repeat_error.set(
            (password_error.get_untracked().is_none() && repeat.get_untracked() != pw).then(|| {
                "De twee wachtwoorden zijn niet gelijk. Typ het wachtwoord hier nog een keer."
                    .to_owned()
            }),
        );
        let first_error = [
            (replace_error, "concept-vervangen-ja"),
            (password_error, "concept-wachtwoord"),
            (repeat_error, "concept-wachtwoord-herhaal"),
        ]
        .into_iter()
        .find(|(e, _)| e.with_untracked(Option::is_some));
        if let Some((_, id)) = first_error {
            status.set(None);
            focus::focus_element(id);
            return;
        }
        let target = current.filter(|_| replace.get_untracked() == Some(true));
        let had_legacy = shared.legacy.get_untracked();
        let doc = state.document.get_untracked();
        busy.set(true);
        status.set(Some(Ok(
            "Het concept wordt versleuteld en bewaard…".to_owned()
        )));
        spawn_local(async move {
            let outcome = drafts::save(&doc, &pw, target.map(|d| d.id)).await;
            busy.set(false);
            match outcome {
                Ok(info) => {
                    password.set(String::new());
                    repeat.set(String::new());
                    replace.set(None);
                    let mut text = format!(
                        "Het concept is versleuteld bewaard in deze browser, tot {} ({} dagen). Daarna wordt het gewist. U hebt het wachtwoord nodig om het te openen.",
                        drafts::date_nl(info.expires),
                        drafts::KEEP_DAYS
                    );
                    if had_legacy {
                        text.push_str(" Het oude, onversleutelde concept is gewist.");
                    }
                    shared.current.set(Some(info));
                    shared.refresh(form_id);
                    // Only if nothing changed while encrypting.
                    if state.answers.with_untracked(|a| *a == doc.answers) {
                        tab.mark_kept(state);
                    }
                    status.set(Some(Ok(text)));
                }
                Err(e) => status.set(Some(Err(e))),
            }
        });
    };

    // Opening.
    let opening = RwSignal::new(None::<DraftInfo>);
    let open_password = RwSignal::new(String::new());
    let open_error = RwSignal::new(None::<String>);
    let start_open = move |info: DraftInfo| {
        open_password.set(String::new());
        open_error.set(None);
        opening.set(Some(info));
        request_animation_frame(|| focus::focus_element("concept-open-wachtwoord"));
    };
    let open = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let Some(info) = opening.get_untracked() else {
            return;
        };
        if busy.get_untracked() {
            return;
        }
        let pw = open_password.get_untracked();
        if pw.is_empty() {
            open_error.set(Some(
                "Typ het wachtwoord dat u koos toen u dit concept bewaarde.".to_owned(),
            ));
            focus::focus_element("concept-open-wachtwoord");
            return;
        }
        busy.set(true);
        status.set(Some(Ok("Het concept wordt geopend…".to_owned())));
        spawn_local(async move {
            let outcome = drafts::open(&info.id, &pw).await;
            busy.set(false);
            match outcome {
                Ok(doc) if doc.form == state.form.id => {
                    state.replace(doc.answers);
                    tab.mark_kept(state);
                    let when = drafts::date_time_nl(info.saved);
                    shared.current.set(Some(info));
                    opening.set(None);
                    open_password.set(String::new());
                    open_error.set(None);
                    status.set(Some(Ok(format!(
                        "Het concept van {when} is geopend. In het overzicht ziet u per onderdeel hoe ver het is."
                    ))));
                }
                Ok(_) => {
                    status.set(None);
                    open_error.set(Some(
                        "Dit concept hoort bij een ander formulier. Uw antwoorden zijn niet veranderd."
                            .to_owned(),
                    ));
                }
                Err(OpenError::WrongPassword) => {
                    status.set(None);
                    open_error.set(Some(drafts::WRONG_PASSWORD.to_owned()));
                    open_password.set(String::new());
                    focus::focus_element("concept-open-wachtwoord");
                }
                Err(OpenError::Other(e)) => {
                    status.set(None);
                    open_error.set(Some(e));
                    shared.refresh(form_id);
                }
            }
        });
    };
    let remove = move |info: DraftInfo| {
        drafts::remove(&info.id);
        if shared.current.with_untracked(|c| c.as_ref() == Some(&info)) {
            shared.current.set(None);
        }
        if opening.with_untracked(|o| o.as_ref() == Some(&info)) {
            opening.set(None);
        }
        shared.refresh(form_id);
        status.set(Some(Ok(format!(
            "Het concept van {} is gewist.",
            drafts::date_time_nl(info.saved)
        ))));
        focus::focus_element(BOX_HEADING);
    };

    let item = move |info: DraftInfo| {
        let when = drafts::date_time_nl(info.saved);
        let until = drafts::date_nl(info.expires);
        let is_opening = {
            let info = info.clone();
            move || opening.with(|o| o.as_ref() == Some(&info))
        };
        let is_current = {
            let info = info.clone();
            move || shared.current.with(|c| c.as_ref() == Some(&info))
        };
        let (for_open, for_remove) = (info.clone(), info.clone());
        view! {
            <li class="aw-draft">
                <p class="utrecht-paragraph aw-draft__text">
                    {format!("Concept van {when}")}
                    <span class="aw-draft__until">{format!(" (wordt gewist op {until})")}</span>
                    <Show when=is_current.clone()>
                        <span class="aw-draft__current">" Dit concept staat nu op de pagina."</span>
                    </Show>
                </p>
                <div class="utrecht-button-group">
                    <button
                        type="button"
                        class="utrecht-button utrecht-button--secondary-action"
                        aria-label=format!("Open concept van {when}")
                        on:click=move |_| start_open(for_open.clone())
                    >"Open"</button>
                    <button
                        type="button"
                        class="utrecht-button utrecht-button--subtle"
                        aria-label=format!("Wis concept van {when}")
                        on:click=move |_| remove(for_remove.clone())
                    >"Wis"</button>
                </div>
                <Show when=is_opening>
                    <form class="aw-draft__open" novalidate on:submit=open>
                        {password_input(
                            "concept-open-wachtwoord",
                            "Wachtwoord van dit concept",
                            Some("Uw antwoorden op deze pagina worden vervangen door die uit het concept."),
                            "current-password",
                            open_password,
                            open_error,
                        )}
                        <div class="utrecht-button-group">
                            <button type="submit" class="utrecht-button utrecht-button--primary-action" aria-disabled=move || busy.get().then_some("true")>
                                "Open concept"
                            </button>
                            <button type="button" class="utrecht-button utrecht-button--subtle" on:click=move |_| opening.set(None)>
                                "Annuleer"
                            </button>
                        </div>
                    </form>
                </Show>
            </li>
        }
    };

    let replace_choice = move || {
        shared.current.get().map(|current| {
            let when = drafts::date_time_nl(current.saved);
            view! {
                <fieldset
                    class="utrecht-form-fieldset aw-field"
                    aria-describedby=move || replace_error.with(Option::is_some).then_some("concept-vervangen-fout")
                >
                    <legend class="utrecht-form-fieldset__legend utrecht-form-label">
                        {format!("U werkt verder in het concept van {when}. Wilt u dat concept vervangen?")}
                    </legend>
                    {move || replace_error.get().map(|e| view! {
                        <p class="utrecht-form-field-error-message" id="concept-vervangen-fout">
                            <strong>"Fout:"</strong> " " {e}
                        </p>
                    })}
                    <div class="utrecht-form-field utrecht-form-field--radio">
                        <input type="radio" class="utrecht-radio-button" id="concept-vervangen-ja" name="concept-vervangen"
                            prop:checked=move || replace.get() == Some(true)
                            on:change=move |_| { replace.set(Some(true)); replace_error.set(None); }/>
                        <label class="utrecht-form-label utrecht-form-label--radio" for="concept-vervangen-ja">
                            "Ja, vervang het concept"
                        </label>
                    </div>
                    <div class="utrecht-form-field utrecht-form-field--radio">
                        <input type="radio" class="utrecht-radio-button" id="concept-vervangen-nee" name="concept-vervangen"
                            prop:checked=move || replace.get() == Some(false)
                            on:change=move |_| { replace.set(Some(false)); replace_error.set(None); }/>
                        <label class="utrecht-form-label utrecht-form-label--radio" for="concept-vervangen-nee">
                            "Nee, bewaar een nieuw concept"
                        </label>
                    </div>
                </fieldset>
            }
        })
    };

    view! {
        <section class="aw-box" aria-labelledby=BOX_HEADING>
            <h2 class="utrecht-heading-2" id=BOX_HEADING tabindex="-1">"Later verder werken in deze browser"</h2>
            <p class="utrecht-paragraph">
                "Bewaar een concept met een wachtwoord dat u zelf kiest. Het concept wordt versleuteld bewaard in deze browser, op deze computer, "
                {format!("{} dagen lang. ", drafts::KEEP_DAYS)}
                "Zonder het wachtwoord kan niemand het openen, ook u niet. Wilt u op een andere computer verder? Download dan de aanvraag."
            </p>
            {(expired > 0).then(|| view! {
                <p class="utrecht-paragraph aw-expired">
                    {match expired {
                        1 => format!("1 concept was ouder dan {} dagen en is gewist.", drafts::KEEP_DAYS),
                        n => format!("{n} concepten waren ouder dan {} dagen en zijn gewist.", drafts::KEEP_DAYS),
                    }}
                </p>
            })}
            <form class="aw-draft-save" novalidate on:submit=save>
                <h3 class="utrecht-heading-3">"Concept bewaren"</h3>
                {replace_choice}
                {password_input(
                    "concept-wachtwoord",
                    "Kies een wachtwoord",
                    Some("Minstens 8 tekens. Onthoud het goed: zonder wachtwoord kan het concept niet meer open."),
                    "new-password",
                    password,
                    password_error,
                )}
                {password_input(
                    "concept-wachtwoord-herhaal",
                    "Typ het wachtwoord nog een keer",
                    None,
                    "new-password",
                    repeat,
                    repeat_error,
                )}
                <button type="submit" class="utrecht-button utrecht-button--secondary-action" aria-disabled=move || busy.get().then_some("true")>
                    "Bewaar concept"
                </button>
            </form>
            <h3 class="utrecht-heading-3">"Bewaarde concepten van dit formulier"</h3>
            {move || {
                let list = shared.list.get();
                if list.is_empty() {
                    view! {
                        <p class="utrecht-paragraph">"Er is geen concept van dit formulier bewaard in deze browser."</p>
                    }.into_any()
                } else {
                    view! {
                        <ul class="aw-drafts">{list.into_iter().map(item).collect_view()}</ul>
                    }.into_any()
                }
            }}
            <WipeAll on_wiped=Callback::new(move |()| {
                shared.current.set(None);
                opening.set(None);
                shared.refresh(form_id);
                status.set(None);
            })/>
            <div aria-live="polite" class="aw-draft-status">
                {move || status_view(status.get())}
            </div>
        </section>
    }
}

/// "Wis alle concepten", after a confirmation: every draft of every form.
#[component]
pub fn WipeAll(#[prop(into)] on_wiped: Callback<()>) -> impl IntoView {
    let confirming = RwSignal::new(false);
    let done = RwSignal::new(None::<String>);
    let ask = move |_| {
        done.set(None);
        confirming.set(true);
        request_animation_frame(|| focus::focus_element("wis-alles-vraag"));
    };
    let wipe = move |_| {
        drafts::wipe_all();
        confirming.set(false);
        on_wiped.run(());
        done.set(Some(
            "Alle concepten zijn gewist uit deze browser. Antwoorden die nu op de pagina staan, blijven staan tot u dit tabblad sluit."
                .to_owned(),
        ));
    };
    view! {
        <div class="aw-wipe-all">
            <Show
                when=move || confirming.get()
                fallback=move || view! {
                    <button type="button" class="utrecht-button utrecht-button--subtle" on:click=ask>
                        "Wis alle concepten"
                    </button>
                }
            >
                <div class="utrecht-alert utrecht-alert--warning" id="wis-alles-vraag" tabindex="-1">
                    <div class="utrecht-alert__content">
                        <p class="utrecht-paragraph">
                            "Alle concepten van alle formulieren worden gewist uit deze browser. Dit kan niet ongedaan worden gemaakt."
                        </p>
                        <div class="utrecht-button-group">
                            <button type="button" class="utrecht-button utrecht-button--primary-action" on:click=wipe>
                                "Ja, wis alle concepten"
                            </button>
                            <button type="button" class="utrecht-button utrecht-button--secondary-action" on:click=move |_| confirming.set(false)>
                                "Annuleer"
                            </button>
                        </div>
                    </div>
                </div>
            </Show>
            <div aria-live="polite">{move || status_view(done.get().map(Ok::<String, String>))}</div>
        </div>
    }
}
