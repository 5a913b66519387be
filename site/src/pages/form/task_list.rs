//! The form's first page (GOV.UK task list): title, intro, how to submit,
//! every section that applies with its status as text, and the boxes to
//! open, save and keep drafts.

use aanvraagwijzer::tasks::done_line_nl;
use aanvraagwijzer::{task_list, SectionStatus};
use leptos::prelude::*;

use super::draft_box::{DraftBox, DraftNotice, DraftsShared};
use super::{AutosaveLine, DownloadBox, HowToSubmit, Notes, OpenFile};
use crate::route::Route;
use crate::state::FormState;
use crate::takeover::Later;

/// The task list page.
#[component]
pub fn TaskListPage(state: FormState, shared: DraftsShared) -> impl IntoView {
    let form = state.form;
    // (section id, title, status); recomputed when answers, findings or
    // what the user has seen change.
    let tasks = Memo::new(move |_| {
        state.document.with(|doc| {
            state.findings.with(|findings| {
                let list = task_list(form, doc, findings, state.today, |p| state.may_show(p));
                let line = done_line_nl(&list);
                let rows: Vec<(String, String, SectionStatus)> = list
                    .into_iter()
                    .map(|t| (t.section.id.clone(), t.section.title.clone(), t.status))
                    .collect();
                (rows, line)
            })
        })
    });
    let rows = move || {
        tasks.with(|(rows, _)| {
            rows.iter()
                .map(|(id, title, status)| task_row(&form.id, id, title, *status))
                .collect_view()
        })
    };
    view! {
        <p class="utrecht-pre-heading">{form.swv_name.clone()}</p>
        <h1 class="utrecht-heading-1" id="pagina-titel" tabindex="-1">{form.title.clone()}</h1>
        <DraftNotice state=state shared=shared/>
        {form.intro.clone().map(|intro| view! { <p class="utrecht-paragraph utrecht-paragraph--lead">{intro}</p> })}
        // Drawn in pieces when the app takes the page over (crate::takeover).
        <Later><Notes form=form/></Later>
        <Later><HowToSubmit form=form/></Later>
        <h2 class="utrecht-heading-2" id="onderdelen-titel">"Onderdelen van de aanvraag"</h2>
        <Later>
            <p class="utrecht-paragraph aw-progress">{move || tasks.with(|(_, line)| line.clone())}</p>
            <ul class="aw-task-list" aria-labelledby="onderdelen-titel">{rows}</ul>
        </Later>
        <p class="utrecht-paragraph aw-task-list__check">
            <a class="utrecht-link utrecht-link--html-a" href=Route::href_check(&form.id)>
                "Controleer uw antwoorden en download de aanvraag"
            </a>
        </p>
        <AutosaveLine/>
        <Later><OpenFile state=state/></Later>
        <Later><DownloadBox state=state/></Later>
        <Later><DraftBox state=state shared=shared/></Later>
    }
}

/// One section: its name as a link, its status as a tag (text, not colour
/// alone), tied to the link with `aria-describedby`.
fn task_row(form_id: &str, id: &str, title: &str, status: SectionStatus) -> impl IntoView {
    let status_id = format!("status-{id}");
    let tag_class = match status {
        SectionStatus::Done => "aw-tag aw-tag--klaar",
        SectionStatus::HasErrors => "aw-tag aw-tag--fouten",
        SectionStatus::InProgress => "aw-tag aw-tag--bezig",
        SectionStatus::NotStarted => "aw-tag aw-tag--nieuw",
    };
    view! {
        <li class="aw-task-list__item" data-section=id.to_owned()>
            <a
                class="utrecht-link utrecht-link--html-a aw-task-list__link"
                href=Route::href_section(form_id, id, None)
                aria-describedby=status_id.clone()
            >
                {title.to_owned()}
            </a>
            <span class=tag_class id=status_id>{status.label_nl()}</span>
        </li>
    }
}
