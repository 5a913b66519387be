//! A filled-in form: the answers exactly as the user typed them.
//!
//! Every leaf answer is kept as the string the user typed (dates, numbers and
//! identifiers included), so opening a saved document restores the form
//! losslessly; interpretation is the validator's job.

use crate::normalize::{is_nfc, nfc};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Largest document accepted, in bytes (the largest real form is a few tens of KB).
pub const MAX_DOCUMENT_BYTES: usize = 2 * 1024 * 1024;

/// A school's answers to one form.
#[derive(Debug, Clone, Default, Serialize, Deserialize, PartialEq)]
pub struct Document {
    /// Form id, e.g. `rsv-breda-vo/tlv-vso`.
    pub form: String,
    /// Version of the form the answers were given to.
    pub form_version: String,
    /// Answers by field id. Composite fields are objects, lists are arrays.
    #[serde(default)]
    pub answers: Map<String, Value>,
}

/// Why a document could not be read at all.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DocumentError {
    #[error("document is {size} bytes, more than the {max} allowed")]
    TooLarge { size: usize, max: usize },
    #[error("not valid JSON at line {line}, column {column}: {reason}")]
    Json {
        line: usize,
        column: usize,
        reason: String,
    },
    #[error("JSON is not an Aanvraagwijzer document: {reason}")]
    Shape { reason: String },
}

impl DocumentError {
    /// The Dutch message for people, saying what to do.
    pub fn message_nl(&self) -> String {
        match self {
            DocumentError::TooLarge { .. } => {
                "Dit bestand is te groot voor een aanvraag. Kies het bestand dat u eerder met \"Bewaar de antwoorden als bestand\" hebt opgeslagen.".into()
            }
            DocumentError::Json { line, column, .. } => format!(
                "Dit bestand kan Aanvraagwijzer niet lezen (fout op regel {line}, kolom {column}). Kies het bestand dat u eerder met \"Bewaar de antwoorden als bestand\" hebt opgeslagen."
            ),
            DocumentError::Shape { .. } => {
                "Dit bestand is geen aanvraag van Aanvraagwijzer. Kies het bestand dat u met \"Bewaar de antwoorden als bestand\" hebt opgeslagen.".into()
            }
        }
    }
}

impl Document {
    /// The name of a download, without extension, that says which pupil, form
    /// and day it is without spelling out the name: `LMdV-rsv-breda-po-opp-2026-11-22`
    /// for Lotte Maria de Vries ("Vries, de"). Forms about a group have no
    /// pupil: the name starts with the form.
    pub fn file_stem(&self, on: chrono::NaiveDate) -> String {
        let text = |k: &str| self.answers.get(k).and_then(Value::as_str).unwrap_or("");
        let initials_of = |s: &str| -> String {
            s.split(|c: char| c.is_whitespace() || c == '-')
                .filter_map(|w| w.chars().find(|c| c.is_alphabetic()))
                .collect()
        };
        // "Vries, de": the prefix goes first, in lower case, as people write it.
        let surname = match text("achternaam").split_once(',') {
            Some((last, prefix)) => format!(
                "{}{}",
                initials_of(prefix).to_lowercase(),
                initials_of(last).to_uppercase()
            ),
            None => initials_of(text("achternaam")).to_uppercase(),
        };
        let initials = format!("{}{surname}", initials_of(text("voornamen")).to_uppercase());
        let form = self.form.replace('/', "-");
        let date = on.format("%Y-%m-%d");
        if initials.is_empty() {
            format!("{form}-{date}")
        } else {
            format!("{initials}-{form}-{date}")
        }
    }

    /// An empty document for a form.
    pub fn new(form: &crate::Form) -> Document {
        Document {
            form: form.id.clone(),
            form_version: form.version.clone(),
            answers: Map::new(),
        }
    }

    /// Reads a document from JSON; bounded in size (and, by serde_json, in depth).
    /// A saved download (answers + findings) is read too: extra keys are ignored.
    pub fn from_json(text: &str) -> Result<Document, DocumentError> {
        if text.len() > MAX_DOCUMENT_BYTES {
            return Err(DocumentError::TooLarge {
                size: text.len(),
                max: MAX_DOCUMENT_BYTES,
            });
        }
        let value: Value = serde_json::from_str(text).map_err(|e| DocumentError::Json {
            line: e.line(),
            column: e.column(),
            reason: e.to_string(),
        })?;
        serde_json::from_value(value).map_err(|e| DocumentError::Shape {
            reason: e.to_string(),
        })
    }

    /// The answer at a dotted path (`bsn`, `deskundige_1.naam`), if any.
    pub fn answer(&self, path: &str) -> Option<&Value> {
        let mut parts = path.split('.');
        let mut v = self.answers.get(parts.next()?)?;
        for p in parts {
            v = v.get(p)?;
        }
        Some(v)
    }
}

/// The answers with every string (keys and values, at any depth) in Unicode
/// NFC. Borrows `answers` when they are already NFC, as typed text nearly
/// always is.
///
/// The same name can arrive as different code points: "Zoë" typed on Windows
/// is NFC, pasted from a Mac it is often NFD ("e" plus a combining diaeresis).
/// Judging (length limits, patterns), the package's aanvraag.json and the PDF
/// all work on NFC, so the two spellings give the same findings, the same
/// bytes and the same printed name. The document itself keeps what was typed.
pub fn nfc_answers(answers: &Map<String, Value>) -> std::borrow::Cow<'_, Map<String, Value>> {
    if answers.iter().all(|(k, v)| is_nfc(k) && value_is_nfc(v)) {
        return std::borrow::Cow::Borrowed(answers);
    }
    std::borrow::Cow::Owned(
        answers
            .iter()
            .map(|(k, v)| (nfc(k), nfc_value(v)))
            .collect(),
    )
}

fn value_is_nfc(v: &Value) -> bool {
    match v {
        Value::String(s) => is_nfc(s),
        Value::Array(items) => items.iter().all(value_is_nfc),
        Value::Object(map) => map.iter().all(|(k, v)| is_nfc(k) && value_is_nfc(v)),
        _ => true,
    }
}

fn nfc_value(v: &Value) -> Value {
    match v {
        Value::String(s) => Value::String(nfc(s)),
        Value::Array(items) => Value::Array(items.iter().map(nfc_value).collect()),
        Value::Object(map) => {
            Value::Object(map.iter().map(|(k, v)| (nfc(k), nfc_value(v))).collect())
        }
        other => other.clone(),
    }
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_download_says_which_pupil_form_and_day_by_initials() {
        let on = chrono::NaiveDate::from_ymd_opt(2026, 11, 22).expect("date");
        let doc = |voornamen: &str, achternaam: &str| {
            super::Document::from_json(&format!(
                r#"{{"form": "rsv-breda-po/opp", "form_version": "1", "answers": {{"voornamen": "{voornamen}", "achternaam": "{achternaam}"}}}}"#
            ))
            .expect("document")
        };
        assert_eq!(
            doc("Lotte Maria", "Vries, de").file_stem(on),
            "LMdV-rsv-breda-po-opp-2026-11-22"
        );
        assert_eq!(
            doc("Daan", "Bakker").file_stem(on),
            "DB-rsv-breda-po-opp-2026-11-22"
        );
        assert_eq!(doc("", "").file_stem(on), "rsv-breda-po-opp-2026-11-22");
    }
}
