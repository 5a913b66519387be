//! The state of one open form: answers, which fields the user has visited,
//! and the findings derived from them.

use std::collections::BTreeSet;

use aanvraagwijzer::{validate, Document, Finding, Form};
use chrono::NaiveDate;
use leptos::prelude::*;
use serde_json::{Map, Value};

use crate::answers::{self, AnswerPath};

/// Everything a form page and its widgets share. `Copy`: signals are handles.
#[derive(Clone, Copy)]
pub struct FormState {
    /// The form's definition (embedded in the core, so `'static`).
    pub form: &'static Form,
    /// The date validation judges against, read once when the page opens.
    pub today: NaiveDate,
    /// The answers exactly as typed.
    pub answers: RwSignal<Map<String, Value>>,
    /// Pointers of the inputs the user has changed and left (GOV.UK: a field
    /// is judged only after the user moved on from it), or ticked/chosen.
    pub touched: RwSignal<BTreeSet<String>>,
    /// "Controleer aanvraag" was pressed: every finding shows beside its field.
    pub checked: RwSignal<bool>,
    /// The answers as a document (what validation, download and drafts use).
    pub document: Memo<Document>,
    /// All findings, computed once per change of the answers.
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
        let findings = Memo::new(move |_| document.with(|doc| validate(form, doc, today)));
        FormState {
            form,
            today,
            answers,
            touched: RwSignal::new(BTreeSet::new()),
            checked: RwSignal::new(false),
            document,
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
        let pointer = path.pointer();
        if !self.touched.with_untracked(|t| t.contains(&pointer)) {
            self.touched.update(|t| {
                t.insert(pointer);
            });
        }
    }

    /// Whether findings at `pointer` may show: after a check, or once the user
    /// visited that input, a part of it (a group), or the group it belongs to.
    pub fn may_show(&self, pointer: &str) -> bool {
        if self.checked.get() {
            return true;
        }
        self.touched.with(|touched| {
            touched.iter().any(|t| {
                t == pointer
                    || t.strip_prefix(pointer).is_some_and(|r| r.starts_with('/'))
                    || pointer
                        .strip_prefix(t.as_str())
                        .is_some_and(|r| r.starts_with('/'))
            })
        })
    }

    /// The findings to show beside the element for `pointer` right now.
    pub fn shown_at(&self, pointer: &str) -> Vec<Finding> {
        if !self.may_show(pointer) {
            return Vec::new();
        }
        self.findings
            .with(|all| all.iter().filter(|f| f.path == pointer).cloned().collect())
    }
}
