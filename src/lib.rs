//! Aanvraagwijzer's validation core.
//!
//! The SWVs' forms and criteria are data (`forms/`, checked and embedded by
//! `build.rs`); a school's answers are a [`Document`]; [`validate()`] returns
//! [`Finding`]s. The same code runs in the browser (wasm) and on the server.
//! No web, IO or async dependencies live here.

pub mod attachments;
pub mod catalog;
pub mod dates;
pub mod definition;
#[cfg(feature = "diagnose")]
pub mod diagnose;
pub mod document;
pub mod finding;
pub mod form_diff;
pub mod ident;
pub mod normalize;
pub mod numbers;
pub mod pointer;
pub mod printable;
pub mod problems_nl;
pub mod progress;
pub mod published;
pub mod schema;
pub mod shown;
pub mod summary;
pub mod tasks;
pub mod text;
pub mod validate;
pub mod verdict;

pub use attachments::{attachment_answers, AttachmentAnswer};
pub use catalog::{find_form, forms};
pub use definition::{
    Field, FieldKind, Form, Note, Part, RequestKind, Section, Severity, Signer, SignsFor,
    Submission, CONFIRMATIONS_KEY, SIZE_KEY,
};
pub use document::{Document, DocumentError};
pub use finding::{Finding, SourceRef};
pub use pointer::{AnswerPath, Target};
pub use progress::{progress, Progress};
pub use summary::{summary, SummaryLine};
pub use tasks::{task_list, SectionStatus, Task};
pub use text::capitalise;
pub use validate::{
    applicable_answers, applying, field_applies, is_answered, item_field_applies, notes_that_apply,
    section_applies, Applying,
};
pub use validate::{has_blocking, validate, MAX_FINDINGS_PER_GROUP};
pub use verdict::Verdict;

/// Version of this core; goes into every package manifest.
pub const CORE_VERSION: &str = env!("CARGO_PKG_VERSION");
