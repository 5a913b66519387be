//! "Door dit antwoord komt er een vraag bij in 'Doelen'": said beside the
//! choice that made questions apply (their `when`), in a polite live region
//! whose space is reserved, so nothing below it moves when it appears.
//!
//! Which questions were added comes from the core (`fields_added`: the
//! applicability of every field before and after the change), not from
//! anything known about a particular form.

use std::collections::{BTreeSet, HashMap};

use aanvraagwijzer::tasks::{fields_added, fields_added_nl};
use aanvraagwijzer::{Document, Field, Form};
use leptos::prelude::*;

use crate::state::FormState;

/// The notes of one page: per field id, the sentence to show beside it.
#[derive(Clone, Copy)]
pub struct AddedNotes {
    notes: RwSignal<HashMap<String, String>>,
    /// Fields that some section's or field's `when` reads.
    deciding: StoredValue<BTreeSet<String>>,
}

impl AddedNotes {
    /// Starts following the answers: each change of a deciding field sets
    /// (or clears) that field's note.
    pub fn new(state: FormState) -> AddedNotes {
        let notes = AddedNotes {
            notes: RwSignal::new(HashMap::new()),
            deciding: StoredValue::new(deciding_fields(state.form)),
        };
        Effect::new(move |previous: Option<Document>| {
            let current = state.document.get();
            if let Some(previous) = previous {
                notes.follow(state, &previous, &current);
            }
            current
        });
        notes
    }

    fn follow(self, state: FormState, before: &Document, after: &Document) {
        let changed: Vec<String> = self.deciding.with_value(|deciding| {
            deciding
                .iter()
                .filter(|id| before.answers.get(*id) != after.answers.get(*id))
                .cloned()
                .collect()
        });
        if changed.is_empty() {
            return;
        }
        let added = fields_added(state.form, before, after, state.today);
        let text = fields_added_nl(&added);
        self.notes.update(|notes| {
            for id in changed {
                match &text {
                    Some(t) => notes.insert(id, t.clone()),
                    None => notes.remove(&id),
                };
            }
        });
    }
}

/// The top-level fields that a section's or field's `when` reads.
fn deciding_fields(form: &Form) -> BTreeSet<String> {
    let conditions = form.sections.iter().flat_map(|s| {
        s.when
            .iter()
            .chain(s.fields.iter().filter_map(|f| f.when.as_ref()))
    });
    conditions
        .flat_map(|c| c.field_paths())
        .filter_map(|path| path.split('.').next())
        .map(str::to_owned)
        .collect()
}

/// The note beside `field`, for fields that decide whether other questions
/// apply; nothing for the others.
pub fn added_note(notes: AddedNotes, field: &'static Field, applies: Memo<bool>) -> impl IntoView {
    let deciding = notes.deciding.with_value(|d| d.contains(&field.id));
    deciding.then(|| {
        let text = move || notes.notes.with(|n| n.get(&field.id).cloned());
        view! {
            <Show when=move || applies.get()>
                <p class="utrecht-paragraph aw-added" id=format!("veld-{}-erbij", field.id) aria-live="polite">
                    {text}
                </p>
            </Show>
        }
    })
}
