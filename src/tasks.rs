//! The task list of a form (GOV.UK "task list" pattern): per section that
//! applies, whether it is not started, in progress, done or has errors, and
//! which sections gain questions when an answer changes.

use chrono::NaiveDate;

use crate::definition::{Form, Section, Severity};
use crate::document::Document;
use crate::finding::Finding;
use crate::pointer::AnswerPath;
use crate::validate::{applicable_answers, field_applies_in, is_answered, section_applies_in};

/// Where one section stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SectionStatus {
    /// Nothing answered and nothing visited yet.
    NotStarted,
    /// Something answered or visited; blocking findings remain that the user
    /// has not been shown yet (e.g. a required question still open).
    InProgress,
    /// No blocking finding in the section, and the user answered or saved it.
    Done,
    /// A blocking finding the user has been shown (a field left or the
    /// section saved with an error in it).
    HasErrors,
}

impl SectionStatus {
    /// The tag text people see (status as text, not colour alone).
    pub fn label_nl(self) -> &'static str {
        match self {
            SectionStatus::NotStarted => "Niet begonnen",
            SectionStatus::InProgress => "Bezig",
            SectionStatus::Done => "Klaar",
            SectionStatus::HasErrors => "Bevat fouten",
        }
    }
}

/// One line of the task list.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Task<'a> {
    /// The section, from the form's definition.
    pub section: &'a Section,
    /// Where it stands.
    pub status: SectionStatus,
}

/// The sections that apply, in form order, each with its status, given the
/// findings `validate` returned for `doc` and `seen`: whether the user has
/// visited (left, ticked or saved) the answer at a path, so its findings
/// show. Sections whose `when` does not hold are left out.
pub fn task_list<'a>(
    form: &'a Form,
    doc: &Document,
    findings: &[Finding],
    today: NaiveDate,
    seen: impl Fn(&AnswerPath) -> bool,
) -> Vec<Task<'a>> {
    let (doc, _) = applicable_answers(form, doc, today);
    form.sections
        .iter()
        .filter(|s| section_applies_in(form, &doc.answers, today, &s.id))
        .map(|section| {
            let in_section = |id: &str| section.fields.iter().any(|f| f.id == id);
            let filled = section
                .fields
                .iter()
                .any(|f| is_answered(doc.answers.get(&f.id)));
            let visited = section
                .fields
                .iter()
                .any(|f| seen(&AnswerPath::field(&f.id)));
            let mut errors = findings
                .iter()
                .filter(|f| f.severity == Severity::Fout)
                .filter_map(|f| AnswerPath::parse(&f.path))
                .filter(|p| in_section(p.field_id()))
                .peekable();
            let has_errors = errors.peek().is_some();
            let shown = errors.any(|p| seen(&p));
            let status = if shown {
                SectionStatus::HasErrors
            } else if !filled && !visited {
                SectionStatus::NotStarted
            } else if has_errors {
                SectionStatus::InProgress
            } else {
                SectionStatus::Done
            };
            Task { section, status }
        })
        .collect()
}

/// "U heeft 3 van 7 onderdelen afgerond."
pub fn done_line_nl(tasks: &[Task]) -> String {
    let done = tasks
        .iter()
        .filter(|t| t.status == SectionStatus::Done)
        .count();
    format!("U heeft {done} van {} onderdelen afgerond.", tasks.len())
}

/// Per section, how many top-level fields apply with `after`'s answers that
/// did not with `before`'s (a section that starts to apply brings all its
/// fields that apply), in form order; sections that gain nothing are left out.
/// The site announces these where the answer was given.
pub fn fields_added<'a>(
    form: &'a Form,
    before: &Document,
    after: &Document,
    today: NaiveDate,
) -> Vec<(&'a Section, usize)> {
    let (before, _) = applicable_answers(form, before, today);
    let (after, _) = applicable_answers(form, after, today);
    form.sections
        .iter()
        .filter_map(|section| {
            let added = section
                .fields
                .iter()
                .filter(|f| {
                    field_applies_in(form, &after.answers, today, &f.id)
                        && !field_applies_in(form, &before.answers, today, &f.id)
                })
                .count();
            (added > 0).then_some((section, added))
        })
        .collect()
}

/// "Door dit antwoord komt er een vraag bij in 'Doelen'." (or "komen er 2
/// vragen bij"), one sentence per section; `None` when nothing was added.
pub fn fields_added_nl(added: &[(&Section, usize)]) -> Option<String> {
    let parts: Vec<String> = added
        .iter()
        .map(|(section, n)| match n {
            1 => format!("komt er een vraag bij in '{}'", section.title),
            n => format!("komen er {n} vragen bij in '{}'", section.title),
        })
        .collect();
    (!parts.is_empty()).then(|| format!("Door dit antwoord {}.", parts.join(" en ")))
}
