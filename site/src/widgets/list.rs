//! A repeated group (goals, pupils, experts): items with their sub-fields,
//! "Voeg een … toe" and "Verwijder".

use aanvraagwijzer::{capitalise, has_blocking, item_field_applies, Field, FieldKind};
use leptos::prelude::*;

use super::findings::{findings_block, why_block};
use super::{described_by, field_view, hint_view, label_text};
use crate::answers::{self, AnswerPath, DomId};
use crate::focus;
use crate::state::FormState;

/// A list field: a fieldset holding one fieldset per item.
pub fn list(state: FormState, field: &'static Field, path: AnswerPath) -> impl IntoView {
    let FieldKind::List {
        fields,
        max_items,
        item_label,
        ..
    } = &field.kind
    else {
        return ().into_any();
    };
    let id = path.dom_id();
    let shown = {
        let at = path.clone();
        state.shown_at(&at)
    };
    let invalid = move || shown.with(|f| has_blocking(f));
    let len = {
        let path = path.clone();
        Memo::new(move |_| state.answers.with(|a| answers::list_len(a, &path)))
    };
    let has_hint = field.hint.is_some();
    let describedby = {
        let id = id.clone();
        move || described_by(&id, has_hint, shown.with(|f| !f.is_empty()))
    };
    let can_add = move || max_items.is_none_or(|max| len.get() < max);
    let items = {
        let path = path.clone();
        move || {
            (0..len.get())
                .map(|index| item(state, field, fields, item_label, path.clone(), index))
                .collect_view()
        }
    };
    let add = {
        let path = path.clone();
        move |_| {
            let new_index = len.get_untracked();
            state.update_answers(|a| answers::push_item(a, &path));
            // Take the user to the new item's first input.
            if let Some(first) = fields.first() {
                let target = path.child(new_index).child(&first.id).dom_id();
                request_animation_frame(move || {
                    focus::focus_field(&target);
                });
            }
        }
    };
    let findings_id = format!("{id}-fout");
    let add_id = format!("{id}-toevoegen");
    view! {
        <fieldset
            class=move || {
                if invalid() {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset utrecht-form-fieldset--invalid aw-group aw-list"
                } else {
                    "utrecht-form-fieldset utrecht-form-fieldset--html-fieldset aw-group aw-list"
                }
            }
            id=id.clone()
            aria-describedby=describedby
        >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {label_text(field)}
            </legend>
            {hint_view(&id, field.hint.clone())}
            {move || findings_block(findings_id.clone(), shown.get())}
            {items}
            <Show when=can_add>
                <button
                    type="button"
                    id=add_id.clone()
                    class="utrecht-button utrecht-button--secondary-action aw-list__add"
                    on:click=add.clone()
                >
                    {format!("Voeg een {item_label} toe")}
                </button>
            </Show>
            {move || why_block(state.form, shown.get())}
        </fieldset>
    }
    .into_any()
}

/// One item of a list, numbered from 1 for people.
fn item(
    state: FormState,
    list_field: &'static Field,
    fields: &'static [Field],
    item_label: &'static str,
    list_path: AnswerPath,
    index: usize,
) -> impl IntoView {
    let form = state.form;
    let today = state.today;
    let number = index + 1;
    let top_level = form
        .sections
        .iter()
        .any(|s| s.fields.iter().any(|f| std::ptr::eq(f, list_field)));
    let sub_fields = fields
        .iter()
        .map(|sub| {
            // Without a `when` of its own a sub-field applies with its list:
            // no whole-document evaluation per sub-field per keystroke.
            let applies = if sub.when.is_none() && top_level {
                state.field_applies(&list_field.id)
            } else {
                Memo::new(move |_| {
                    state.document.with(|doc| {
                        item_field_applies(form, doc, today, &list_field.id, index, &sub.id)
                    })
                })
            };
            field_view(state, sub, list_path.child(index).child(&sub.id), applies)
        })
        .collect_view();
    // Findings about a whole item (a hand-edited file) link here.
    let item_id = list_path.child(index).dom_id();
    let first_sub = fields.first().map(|f| f.id.as_str());
    let add_button_id = format!("{}-toevoegen", list_path.dom_id());
    let remove = move |_| {
        let remaining = state
            .answers
            .with_untracked(|a| answers::list_len(a, &list_path))
            .saturating_sub(1);
        state
            .answers
            .update(|a| answers::remove_item(a, &list_path, index));
        state.touched.update(|t| {
            *t = answers::renumber_after_remove(std::mem::take(t), &list_path, index)
                .into_iter()
                .collect();
        });
        // Files chosen in later items move up with their answers; the
        // removed item's file goes with it.
        state.files.update(|files| {
            let kept = std::mem::take(files);
            for mut file in kept {
                if let Some(moved) =
                    answers::renumber_after_remove([file.path.clone()], &list_path, index).pop()
                {
                    file.path = moved;
                    files.push(file);
                }
            }
        });
        // Focus would fall to the top of the page with the removed button:
        // take it to the item before (or the one that moved up into this
        // place), or to the add button when the list is now empty.
        let neighbour = if index > 0 {
            Some(index - 1)
        } else if remaining > 0 {
            Some(0)
        } else {
            None
        };
        let label = capitalise(item_label);
        let (target, message) = match (neighbour, first_sub) {
            (Some(n), Some(sub)) => (
                list_path.child(n).child(sub).dom_id(),
                format!(
                    "{label} {number} is verwijderd. U bent nu bij {item_label} {}.",
                    n + 1
                ),
            ),
            _ => (
                add_button_id.clone(),
                format!("{label} {number} is verwijderd."),
            ),
        };
        request_animation_frame(move || {
            if !focus::focus_field(&target) {
                focus::focus_element(&target);
            }
            focus::announce(&message);
        });
    };
    view! {
        <fieldset
            class="utrecht-form-fieldset utrecht-form-fieldset--html-fieldset aw-list__item"
            id=item_id
        >
            <legend class="utrecht-form-fieldset__legend utrecht-form-fieldset__legend--html-legend">
                {format!("{} {number}", capitalise(item_label))}
            </legend>
            {sub_fields}
            <button
                type="button"
                class="utrecht-button utrecht-button--secondary-action aw-list__remove"
                on:click=remove
            >
                "Verwijder"
                <span class="aw-visually-hidden">{format!(" {item_label} {number}")}</span>
            </button>
        </fieldset>
    }
}
