//! Reading and editing the answers map by path.
//!
//! Pure functions over `serde_json` values, so the widgets stay thin. Answers
//! are kept exactly as typed (strings), the shape `Document` expects:
//! composites are objects, lists are arrays of objects, multi-choice an array
//! of strings, attachment confirmations an array of booleans.

use serde_json::{Map, Value};

pub use aanvraagwijzer::AnswerPath;

/// The HTML id of the element that shows an answer: `veld-deskundige_1-naam`.
pub trait DomId {
    /// The id; findings link to it and focus moves to it.
    fn dom_id(&self) -> String;
}

impl DomId for AnswerPath {
    fn dom_id(&self) -> String {
        format!("veld-{}", self.segments().join("-"))
    }
}

/// The HTML id for a finding's JSON Pointer (same scheme as [`DomId::dom_id`]);
/// `None` for pointers outside `/answers` (form id, version).
pub fn dom_id_for_pointer(pointer: &str) -> Option<String> {
    AnswerPath::parse(pointer).map(|p| p.dom_id())
}

/// The answer at a path, if any.
pub fn get<'a>(answers: &'a Map<String, Value>, path: &AnswerPath) -> Option<&'a Value> {
    let (first, rest) = path.segments().split_first()?;
    let mut value = answers.get(first)?;
    for segment in rest {
        value = match value {
            Value::Object(map) => map.get(segment)?,
            Value::Array(items) => items.get(segment.parse::<usize>().ok()?)?,
            _ => return None,
        };
    }
    Some(value)
}

/// The text at a path; empty when absent or not text (a hand-edited file).
pub fn text(answers: &Map<String, Value>, path: &AnswerPath) -> String {
    get(answers, path)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// Whether a checkbox at a path is ticked (`true`).
pub fn is_ticked(answers: &Map<String, Value>, path: &AnswerPath) -> bool {
    get(answers, path).and_then(Value::as_bool).unwrap_or(false)
}

/// Whether a multi-choice answer at a path contains `option`.
pub fn has_choice(answers: &Map<String, Value>, path: &AnswerPath, option: &str) -> bool {
    get(answers, path)
        .and_then(Value::as_array)
        .is_some_and(|chosen| chosen.iter().any(|v| v.as_str() == Some(option)))
}

/// The number of items of a list answer.
pub fn list_len(answers: &Map<String, Value>, path: &AnswerPath) -> usize {
    get(answers, path)
        .and_then(Value::as_array)
        .map_or(0, Vec::len)
}

/// Sets the answer at a path, creating the objects and arrays on the way.
/// A value of the wrong shape on the way (from a hand-edited file) is replaced:
/// what the user does now wins over what the file held.
pub fn set(answers: &mut Map<String, Value>, path: &AnswerPath, new: Value) {
    let Some((first, rest)) = path.segments().split_first() else {
        return;
    };
    let mut slot = answers.entry(first.clone()).or_insert(Value::Null);
    for segment in rest {
        slot = match segment.parse::<usize>() {
            Ok(index) => {
                if !slot.is_array() {
                    *slot = Value::Array(Vec::new());
                }
                let Value::Array(items) = slot else { return };
                if items.len() <= index {
                    items.resize(index + 1, Value::Null);
                }
                &mut items[index]
            }
            Err(_) => {
                if !slot.is_object() {
                    *slot = Value::Object(Map::new());
                }
                let Value::Object(map) = slot else { return };
                map.entry(segment.clone()).or_insert(Value::Null)
            }
        };
    }
    *slot = new;
}

/// Ticks or unticks one option of a multi-choice answer, keeping the others.
pub fn set_choice(answers: &mut Map<String, Value>, path: &AnswerPath, option: &str, on: bool) {
    let mut chosen: Vec<Value> = get(answers, path)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    chosen.retain(|v| v.as_str() != Some(option));
    if on {
        chosen.push(Value::String(option.to_owned()));
    }
    set(answers, path, Value::Array(chosen));
}

/// Adds an empty item to the end of a list answer.
pub fn push_item(answers: &mut Map<String, Value>, path: &AnswerPath) {
    let len = list_len(answers, path);
    set(answers, &path.child(len), Value::Object(Map::new()));
}

/// Removes item `index` of a list answer (later items move up).
pub fn remove_item(answers: &mut Map<String, Value>, path: &AnswerPath, index: usize) {
    let mut items: Vec<Value> = get(answers, path)
        .and_then(Value::as_array)
        .cloned()
        .unwrap_or_default();
    if index < items.len() {
        items.remove(index);
    }
    set(answers, path, Value::Array(items));
}

/// Renumbers remembered paths after item `index` of the list at `list` was
/// removed: that item's paths go, later ones move up, so "the user has
/// visited this field" stays attached to the right field.
pub fn renumber_after_remove(
    paths: impl IntoIterator<Item = AnswerPath>,
    list: &AnswerPath,
    index: usize,
) -> Vec<AnswerPath> {
    let depth = list.segments().len();
    paths
        .into_iter()
        .filter_map(|p| {
            let item = p
                .starts_with(list)
                .then(|| p.segments().get(depth)?.parse::<usize>().ok())
                .flatten();
            let Some(i) = item else {
                return Some(p);
            };
            match i.cmp(&index) {
                std::cmp::Ordering::Less => Some(p),
                std::cmp::Ordering::Equal => None,
                std::cmp::Ordering::Greater => {
                    let mut moved = list.child(i - 1);
                    for segment in &p.segments()[depth + 1..] {
                        moved = moved.child(segment);
                    }
                    Some(moved)
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn set_creates_objects_and_arrays() {
        let mut a = Map::new();
        let p = AnswerPath::field("groeidocument")
            .child("bevestigingen")
            .child(2);
        set(&mut a, &p, Value::Bool(true));
        assert_eq!(
            Value::Object(a.clone()),
            json!({"groeidocument": {"bevestigingen": [null, null, true]}})
        );
        assert!(is_ticked(&a, &p));
        assert_eq!(p.pointer(), "/answers/groeidocument/bevestigingen/2");
        assert_eq!(p.dom_id(), "veld-groeidocument-bevestigingen-2");
    }

    #[test]
    fn lists_and_renumbering() {
        let mut a = Map::new();
        let l = AnswerPath::field("doelen");
        push_item(&mut a, &l);
        push_item(&mut a, &l);
        set(&mut a, &l.child(1).child("tekst"), json!("b"));
        remove_item(&mut a, &l, 0);
        assert_eq!(text(&a, &l.child(0).child("tekst")), "b");
        let touched = [
            l.child(0).child("tekst"),
            l.child(1).child("tekst"),
            AnswerPath::field("bsn"),
        ];
        assert_eq!(
            renumber_after_remove(touched, &l, 0),
            vec![l.child(0).child("tekst"), AnswerPath::field("bsn")]
        );
    }
}
