//! Where a finding points: the JSON Pointer of [`Finding::path`] parsed in one
//! place, and its label for people ("Deskundige 1 (functie)").
//!
//! Findings keep the pointer as a string (it is the stable JSON format of the
//! CLI, the HTTP API and the package); everything that needs to know *what*
//! it points at goes through [`Target::parse`] or [`AnswerPath::parse`].
//!
//! [`Finding::path`]: crate::Finding::path

use crate::definition::{FieldKind, Form, Part, CONFIRMATIONS_KEY};

/// The prefix of every pointer to an answer.
const ANSWERS: &str = "/answers/";

/// The raw (still escaped) segments below `/answers`; `None` for pointers
/// elsewhere. The one place a finding's pointer is split.
pub(crate) fn raw_segments(pointer: &str) -> Option<std::str::Split<'_, char>> {
    pointer.strip_prefix(ANSWERS).map(|rest| rest.split('/'))
}

/// RFC 6901: `~1` is `/`, `~0` is `~` (answer keys from files may hold anything).
fn unescape(segment: &str) -> String {
    segment.replace("~1", "/").replace("~0", "~")
}

/// RFC 6901 escaping of one segment.
fn escape(segment: &str) -> String {
    segment.replace('~', "~0").replace('/', "~1")
}

/// The place of one answer below `/answers`: the field id, then list indexes,
/// sub-field ids and composite parts, e.g. `["deskundige_1", "naam"]` or
/// `["doelen", "0", "tekst"]`.
#[derive(Clone, Debug, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct AnswerPath(Vec<String>);

impl AnswerPath {
    /// The path of a top-level field.
    pub fn field(id: &str) -> AnswerPath {
        AnswerPath(vec![id.to_owned()])
    }

    /// The path one level deeper (a composite part, a list index, a sub-field).
    pub fn child(&self, segment: impl ToString) -> AnswerPath {
        let mut segments = self.0.clone();
        segments.push(segment.to_string());
        AnswerPath(segments)
    }

    /// The path of a pointer below `/answers` (`/answers/doelen/0/tekst`);
    /// `None` for a pointer elsewhere (`/form`) or to all answers.
    pub fn parse(pointer: &str) -> Option<AnswerPath> {
        let segments: Vec<String> = raw_segments(pointer)?.map(unescape).collect();
        (!segments[0].is_empty()).then_some(AnswerPath(segments))
    }

    /// The segments, unescaped.
    pub fn segments(&self) -> &[String] {
        &self.0
    }

    /// The top-level field the answer belongs to.
    pub fn field_id(&self) -> &str {
        self.0.first().map_or("", String::as_str)
    }

    /// The list item the answer is in: the list's field id and the index.
    pub fn list_item(&self) -> Option<(&str, usize)> {
        match self.0.as_slice() {
            [list, index, ..] => Some((list, index.parse().ok()?)),
            _ => None,
        }
    }

    /// Whether `self` is `other` or lies inside it (a part of a composite,
    /// an item of a list).
    pub fn starts_with(&self, other: &AnswerPath) -> bool {
        self.0.starts_with(&other.0)
    }

    /// The JSON Pointer findings use: `/answers/deskundige_1/naam`.
    pub fn pointer(&self) -> String {
        let mut out = String::from("/answers");
        for s in &self.0 {
            out.push('/');
            out.push_str(&escape(s));
        }
        out
    }
}

/// What a finding's pointer points at.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Target {
    /// `/form`: the form id of the document.
    Form,
    /// `/form_version`: the version of the form the answers were given to.
    FormVersion,
    /// An answer.
    Answer(AnswerPath),
    /// The document as a whole (any other pointer).
    Document,
}

impl Target {
    /// Parses a finding's JSON Pointer.
    pub fn parse(pointer: &str) -> Target {
        match pointer {
            "/form" => Target::Form,
            "/form_version" => Target::FormVersion,
            _ => AnswerPath::parse(pointer).map_or(Target::Document, Target::Answer),
        }
    }
}

impl Form {
    /// A finding's pointer as people read it: "Burgerservicenummer",
    /// "Deskundige 1 (functie)", "Doelen, doel 2: Omschrijving".
    pub fn pointer_label(&self, pointer: &str) -> String {
        let path = match Target::parse(pointer) {
            Target::Form => return "Formulier".into(),
            Target::FormVersion => return "Versie van het formulier".into(),
            Target::Document => return "Aanvraag".into(),
            Target::Answer(path) => path,
        };
        let mut segments = path.segments().iter();
        let first = path.field_id();
        segments.next();
        let Some(field) = self.fields().find(|f| f.id == first) else {
            return first.to_owned();
        };
        let mut label = field.label.clone();
        let mut current = field;
        while let Some(segment) = segments.next() {
            match &current.kind {
                FieldKind::List {
                    fields, item_label, ..
                } => {
                    let Ok(i) = segment.parse::<usize>() else {
                        break;
                    };
                    label.push_str(&format!(", {item_label} {}", i + 1));
                    let sub = segments
                        .next()
                        .and_then(|id| fields.iter().find(|s| &s.id == id));
                    if let Some(sub) = sub {
                        label.push_str(&format!(": {}", sub.label));
                        current = sub;
                    }
                }
                _ => {
                    let part = match Part::from_key(segment) {
                        Some(part) => part.key(),
                        None if segment == CONFIRMATIONS_KEY => CONFIRMATIONS_KEY,
                        None => break,
                    };
                    label.push_str(&format!(" ({part})"));
                    break;
                }
            }
        }
        label
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_pointer_parses_into_its_segments_and_back() {
        let p = AnswerPath::parse("/answers/doelen/1/tekst").expect("an answer");
        assert_eq!(p.segments(), ["doelen", "1", "tekst"]);
        assert_eq!(p.field_id(), "doelen");
        assert_eq!(p.list_item(), Some(("doelen", 1)));
        assert_eq!(p.pointer(), "/answers/doelen/1/tekst");
        assert!(p.starts_with(&AnswerPath::field("doelen").child(1)));
        assert!(!p.starts_with(&AnswerPath::field("doel")));
        let odd = AnswerPath::field("a/b~c");
        assert_eq!(odd.pointer(), "/answers/a~1b~0c");
        assert_eq!(AnswerPath::parse(&odd.pointer()), Some(odd));
        assert_eq!(Target::parse("/form"), Target::Form);
        assert_eq!(Target::parse("/answers"), Target::Document);
        assert_eq!(Target::parse("/answers/"), Target::Document);
    }
}
