//! The state of one open form: answers, which fields the user has visited,
//! and the findings derived from them.

use std::collections::BTreeSet;

use aanvraagwijzer::{
    applicable_answers, attachment_answers, validate, Document, Finding, Form, Severity,
};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::answers::{self, AnswerPath};

/// A file chosen at an attachment field: in this tab's memory only, never in
/// storage; after a reload only its answer (name and size) is left.
#[derive(Clone, PartialEq)]
pub struct ChosenFile {
    /// The attachment answer it belongs to.
    pub path: AnswerPath,
    /// The file's name as chosen (what the answer lists).
    pub name: String,
    /// The content.
    pub bytes: Vec<u8>,
}

/// The code of the finding on an attachment answer whose file is not in
/// memory (the page was reloaded, or answers were opened from a file).
pub const FILE_NOT_KEPT: &str = "file-not-kept";

/// Everything a form page and its widgets share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The form's definition (embedded in the core, so `'static`).
    pub form: &'static Form,
    /// The date validation judges against, read once when the page opens.
    pub today: NaiveDate,
    /// The answers exactly as typed.
    pub answers: RwSignal<Map<String, Value>>,
    /// The inputs the user has changed and left (GOV.UK: a field is judged
    /// only after the user moved on from it), or ticked/chosen.
    pub touched: RwSignal<BTreeSet<AnswerPath>>,
    /// The check page was opened: every finding shows beside its field.
    pub checked: RwSignal<bool>,
    /// The answers as a document (what validation, download and drafts use).
    pub document: Memo<Document>,
    /// The files chosen at attachment fields, in memory only.
    pub files: RwSignal<Vec<ChosenFile>>,
    /// All findings, computed once per change of the answers: the core's
    /// validation, and one per attachment answer whose file is not in memory
    /// (a finding, so the loss is never silent: the package needs the file).
    pub findings: Memo<Vec<Finding>>,
}

impl FormState {
    /// A form with `answers` (empty for a fresh form); nothing judged yet.
    pub fn new(form: &'static Form, today: NaiveDate, answers: Map<String, Value>) -> FormState {
        let answers = RwSignal::new(answers);
        let document = Memo::new(move |_| Document {
            form: form.id.clone(),
            form_version: form.version.clone(),
            answers: answers.get(),
        });
        let files = RwSignal::new(Vec::<ChosenFile>::new());
        let findings = Memo::new(move |_| {
            document.with(|doc| {
                let mut all = validate(form, doc, today);
                all.extend(files_not_kept(form, doc, today, &files.get()));
                all
            })
        });
        FormState {
            form,
            today,
            answers,
            touched: RwSignal::new(BTreeSet::new()),
            checked: RwSignal::new(false),
            document,
            files,
            findings,
        }
    }

    /// Replaces all answers (an opened file or draft); the user starts fresh:
    /// nothing is judged until visited or checked again.
    pub fn replace(&self, new: Map<String, Value>) {
        self.answers.set(new);
        self.touched.set(BTreeSet::new());
        self.checked.set(false);
    }

    /// Stores the answer at a path.
    pub fn set(&self, path: &AnswerPath, value: Value) {
        self.answers.update(|a| answers::set(a, path, value));
    }

    /// Marks an input as visited (its findings may show from now on).
    pub fn touch(&self, path: &AnswerPath) {
        if !self.touched.with_untracked(|t| t.contains(path)) {
            self.touched.update(|t| {
                t.insert(path.clone());
            });
        }
    }

    /// Whether findings at `path` may show: after a check, or once the user
    /// visited that input, a part of it (a group), or the group it belongs to.
    pub fn may_show(&self, path: &AnswerPath) -> bool {
        if self.checked.get() {
            return true;
        }
        self.touched.with(|touched| {
            touched
                .iter()
                .any(|t| t.starts_with(path) || path.starts_with(t))
        })
    }

    /// The findings to show beside the element for `path` right now.
    pub fn shown_at(&self, path: &AnswerPath) -> Vec<Finding> {
        if !self.may_show(path) {
            return Vec::new();
        }
        let pointer = path.pointer();
        self.findings
            .with(|all| all.iter().filter(|f| f.path == pointer).cloned().collect())
    }
}

/// A blocking finding per attachment answer (of a field that applies) whose
/// file is not in memory: "Kies het bestand opnieuw".
fn files_not_kept(
    form: &Form,
    doc: &Document,
    today: NaiveDate,
    files: &[ChosenFile],
) -> Vec<Finding> {
    let (effective, _) = applicable_answers(form, doc, today);
    attachment_answers(form, &effective)
        .into_iter()
        .filter(|a| {
            !files
                .iter()
                .any(|f| f.path == a.path && f.name.trim() == a.name)
        })
        .map(|a| Finding {
            code: FILE_NOT_KEPT.to_owned(),
            path: a.path.pointer(),
            severity: Severity::Fout,
            message: format!(
                "Kies het bestand opnieuw: {} is na het herladen niet meer bewaard.",
                a.name
            ),
            source: None,
        })
        .collect()
}
