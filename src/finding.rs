//! A finding: one thing the user should know about their answers.

use serde::{Deserialize, Serialize};

use crate::definition::{Form, Severity};

/// One finding. The UI, the PDF, the CLI and the HTTP API print the same ones.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct Finding {
    /// Stable code: a built-in one (see [`code`]) or `rule:<rule id>`.
    pub code: String,
    /// JSON Pointer into the document: `/answers/bsn`, `/answers/doelen/0/tekst`.
    pub path: String,
    pub severity: Severity,
    /// Dutch, plain language; says what to do.
    pub message: String,
    /// Where the rule comes from, when it comes from an SWV document.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub source: Option<SourceRef>,
}

/// A rule's source, as printed next to a finding.
#[derive(Debug, Clone, Serialize, Deserialize, PartialEq, Eq, Hash)]
pub struct SourceRef {
    /// Key in the form's `[sources]`, to look up the quoted passage.
    pub key: String,
    /// File name of the document, for traceability; not for people.
    pub document: String,
    /// The document's own title, as people know it.
    #[serde(default)]
    pub title: String,
    pub section: String,
}

impl SourceRef {
    /// Resolves a source key of a form (checked at build time to exist).
    pub fn from_form(form: &Form, key: &str) -> Option<SourceRef> {
        form.sources.get(key).map(|s| SourceRef {
            key: key.to_owned(),
            document: s.document.clone(),
            title: form.document_title(&s.document).to_owned(),
            section: s.section.clone(),
        })
    }

    /// "Ondersteuningsplan RSV Breda VO 2015-2018, 6.1 Deskundigen": how a
    /// person finds the passage. Falls back to the file name for findings of
    /// older clients that did not send a title.
    pub fn citation(&self) -> String {
        let title = if self.title.is_empty() {
            &self.document
        } else {
            &self.title
        };
        format!("{title}, {}", self.section)
    }
}

impl Finding {
    /// The field id a finding belongs to (first segment after `/answers/`).
    pub fn field_id(&self) -> Option<&str> {
        crate::pointer::raw_segments(&self.path)?.next()
    }

    /// What the finding points at.
    pub fn target(&self) -> crate::pointer::Target {
        crate::pointer::Target::parse(&self.path)
    }
}

/// Stable codes of the built-in checks.
pub mod code {
    pub const FORM_MISMATCH: &str = "form-mismatch";
    pub const VERSION_MISMATCH: &str = "version-mismatch";
    pub const REQUIRED: &str = "required";
    pub const RECOMMENDED: &str = "recommended";
    pub const WRONG_TYPE: &str = "wrong-type";
    pub const TOO_LONG: &str = "too-long";
    pub const TOO_FEW_WORDS: &str = "too-few-words";
    pub const DATE_FORMAT: &str = "date-format";
    pub const DATE_IMPOSSIBLE: &str = "date-impossible";
    pub const DATE_IMPLAUSIBLE: &str = "date-implausible";
    pub const DATE_IN_FUTURE: &str = "date-in-future";
    pub const CHOICE_UNKNOWN: &str = "choice-unknown";
    /// Text the PDF summary cannot print as typed.
    pub const UNPRINTABLE: &str = "unprintable";
    pub const BSN_INVALID: &str = "bsn-invalid";
    pub const POSTCODE_INVALID: &str = "postcode-invalid";
    pub const BRIN_INVALID: &str = "brin-invalid";
    pub const NUMBER_INVALID: &str = "number-invalid";
    pub const NUMBER_TOO_SMALL: &str = "number-too-small";
    pub const NUMBER_TOO_LARGE: &str = "number-too-large";
    pub const NUMBER_NOT_WHOLE: &str = "number-not-whole";
    pub const PART_MISSING: &str = "part-missing";
    pub const CONFIRMATION_MISSING: &str = "confirmation-missing";
    pub const LIST_TOO_SHORT: &str = "list-too-short";
    pub const LIST_TOO_LONG: &str = "list-too-long";
    pub const UNKNOWN_ANSWER: &str = "unknown-answer";
    /// Stands for the findings of one kind in one place beyond the first 20.
    pub const MORE_FINDINGS: &str = "more-findings";

    /// Whether a finding with this code comes from the SWV's document, so its
    /// "Waarom?" may quote the field's source. The format checks (a BSN's
    /// elfproef, a date that does not exist, a postcode) are the tool's own:
    /// quoting an OPP passage as the reason a BSN is wrong misleads.
    pub fn cites_source(code: &str) -> bool {
        matches!(
            code,
            REQUIRED
                | RECOMMENDED
                | TOO_FEW_WORDS
                | PART_MISSING
                | CONFIRMATION_MISSING
                | LIST_TOO_SHORT
                | LIST_TOO_LONG
                | NUMBER_TOO_SMALL
                | NUMBER_TOO_LARGE
        ) || code.starts_with("rule:")
    }
}
