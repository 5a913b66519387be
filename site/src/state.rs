//! The state of one open form: answers, which fields the user has visited,
//! and the findings derived from them.

use std::collections::BTreeSet;

use aanvraagwijzer::{
    applicable_answers, applying, attachment_answers, validate, Applying, Document, Finding, Form,
    Severity,
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
    /// Which sections and top-level fields apply, once per change of the
    /// answers (not once per field): each field's own memo reads it, so a
    /// keystroke re-renders only a field whose `when` flipped.
    pub applying: Memo<Applying>,
    /// A keystroke in a text input ([`FormState::type_text`]) is stored at
    /// once but judged (findings, applicability) in a task after its frame,
    /// so the character is painted first; leaving the input, or any other
    /// change, judges at once ([`FormState::judge_now`]).
    typing: StoredValue<bool>,
    /// Notified when deferred judging is due.
    judge: Trigger,
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
        let typing = StoredValue::new(false);
        let judge = Trigger::new();
        let findings = judged(document, judge, typing, move |doc| {
            let mut all = validate(form, doc, today);
            all.extend(files_not_kept(form, doc, today, &files.get()));
            all
        });
        let applying = judged(document, judge, typing, move |doc| {
            applying(form, doc, today)
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
            applying,
            typing,
            judge,
        }
    }

    /// Replaces all answers (an opened file or draft); the user starts fresh:
    /// nothing is judged until visited or checked again.
    pub fn replace(&self, new: Map<String, Value>) {
        self.judge_now();
        self.answers.set(new);
        self.touched.set(BTreeSet::new());
        self.checked.set(false);
    }

    /// Stores the answer at a path.
    pub fn set(&self, path: &AnswerPath, value: Value) {
        self.update_answers(|a| answers::set(a, path, value));
    }

    /// Changes the answers (a choice, a list item added), judged at once.
    pub fn update_answers(&self, change: impl FnOnce(&mut Map<String, Value>)) {
        self.judge_now();
        self.answers.update(change);
    }

    /// Stores what a text input holds after a keystroke: at once, so nothing
    /// typed is lost, but judged after the keystroke's frame (see `typing`).
    pub fn type_text(&self, path: &AnswerPath, text: String) {
        let scheduled = self.typing.get_value();
        self.typing.set_value(true);
        self.answers
            .update(|a| answers::set(a, path, Value::String(text)));
        if !scheduled {
            let state = *self;
            after_frame(move || state.judge_now());
        }
    }

    /// Judges a pending keystroke now (the user left the input, changed
    /// something else, or the frame has passed).
    pub fn judge_now(&self) {
        if self.typing.get_value() {
            self.typing.set_value(false);
            self.judge.notify();
        }
    }

    /// Marks an input as visited (its findings may show from now on).
    pub fn touch(&self, path: &AnswerPath) {
        // Its message shows for what it holds now, not a keystroke ago.
        self.judge_now();
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

    /// The findings at `path` (shown or not), as a memo of their own keyed on
    /// the pointer: it notifies only when this element's findings change, so
    /// a keystroke elsewhere, or one that changes other findings, does not
    /// re-render this element.
    pub fn findings_at(&self, path: &AnswerPath) -> Memo<Vec<Finding>> {
        let findings = self.findings;
        let pointer = path.pointer();
        Memo::new(move |_| {
            findings.with(|all| all.iter().filter(|f| f.path == pointer).cloned().collect())
        })
    }

    /// The findings to show beside the element for `path`: its own
    /// [`FormState::findings_at`] once it may show (GOV.UK: after leaving the
    /// field, or after a check).
    pub fn shown_at(&self, path: &AnswerPath) -> Memo<Vec<Finding>> {
        let state = *self;
        let at = path.clone();
        let own = self.findings_at(path);
        Memo::new(move |_| {
            if state.may_show(&at) {
                own.get()
            } else {
                Vec::new()
            }
        })
    }

    /// Whether the top-level field `field_id` applies, as its own memo.
    pub fn field_applies(&self, field_id: &'static str) -> Memo<bool> {
        let applying = self.applying;
        Memo::new(move |_| applying.with(|a| a.fields.contains(field_id)))
    }

    /// Whether section `section_id` applies, as its own memo.
    pub fn section_applies(&self, section_id: &'static str) -> Memo<bool> {
        let applying = self.applying;
        Memo::new(move |_| applying.with(|a| a.sections.contains(section_id)))
    }
}

/// A memo of what the core judges from the document (`judge`): every change
/// of the answers recomputes it, except a keystroke being typed (`typing`),
/// which keeps the last value until `judge` is notified after its frame.
fn judged<T: PartialEq + Send + Sync + 'static>(
    document: Memo<Document>,
    judge: Trigger,
    typing: StoredValue<bool>,
    of: impl Fn(&Document) -> T + Send + Sync + 'static,
) -> Memo<T> {
    Memo::new_owning(move |last: Option<T>| {
        judge.track();
        match last {
            // Only `judge` is read: reading `document` would rebuild it (a
            // copy of every answer) on each key for a value not used. Every
            // way out of `typing` notifies `judge`.
            Some(last) if typing.get_value() => (last, false),
            last => {
                let now = document.with(&of);
                let changed = last.as_ref() != Some(&now);
                (now, changed)
            }
        }
    })
}

/// Runs `f` in a task after the next frame has been painted (the keystroke's
/// own frame does not wait for it).
pub(crate) fn after_frame(f: impl FnOnce() + 'static) {
    request_animation_frame(move || set_timeout(f, std::time::Duration::ZERO));
}

/// A blocking finding per attachment answer (of a field that applies) whose
/// file is not in memory: "Kies het bestand opnieuw".
fn files_not_kept(
    form: &Form,
    doc: &Document,
    today: NaiveDate,
    files: &[ChosenFile],
) -> Vec<Finding> {
    // Most forms and answers have no attachment: no effective answers (a
    // copy of the document) on every keystroke for nothing.
    if attachment_answers(form, doc).is_empty() {
        return Vec::new();
    }
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
