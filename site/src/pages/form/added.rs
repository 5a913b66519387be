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

/// The deciding fields' answers at one moment, by field id.
type Decisive = Vec<(String, Option<serde_json::Value>)>;

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
        // Only the deciding answers are kept between changes, not a copy of
        // the whole document per keystroke: typing in a text field leaves
        // them alone and costs one comparison.
        Effect::new(move |previous: Option<Decisive>| {
            let current = state.document.with(|doc| notes.decisive(doc));
            if let Some(previous) = previous {
                if previous != current {
                    state
                        .document
                        .with(|doc| notes.follow(state, &previous, doc));
                }
            }
            current
        });
        notes
    }

    /// The answers of the deciding fields in `doc` (absent ones as `None`).
    fn decisive(self, doc: &Document) -> Decisive {
        self.deciding.with_value(|deciding| {
            deciding
                .iter()
                .map(|id| (id.clone(), doc.answers.get(id).cloned()))
                .collect()
        })
    }

    fn follow(self, state: FormState, previous: &Decisive, after: &Document) {
        let changed: Vec<String> = previous
            .iter()
            .filter(|(id, value)| after.answers.get(id.as_str()) != value.as_ref())
            .map(|(id, _)| id.clone())
            .collect();
        if changed.is_empty() {
            return;
        }
        // Whether a field applies depends on the deciding answers only
        // (they are what every `when` reads), so the document before the
        // change is this one with those answers as they were.
        let mut before = after.clone();
        for (id, value) in previous {
            match value {
                Some(v) => before.answers.insert(id.clone(), v.clone()),
                None => before.answers.remove(id),
            };
        }
        let added = fields_added(state.form, &before, after, state.today);
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
