//! The task list's statuses and the "a question is added" announcement, on
//! the RSV Breda PO OPP as an intern begeleider fills it in.

mod support;

use aanvraagwijzer::tasks::{done_line_nl, fields_added, fields_added_nl};
use aanvraagwijzer::{task_list, validate, AnswerPath, Document, SectionStatus};
use serde_json::{json, Map, Value};
use support::{form, today, with};

const OPP: &str = "rsv-breda-po/opp";

fn doc(answers: Value) -> Document {
    let f = form(OPP);
    Document {
        form: f.id.clone(),
        form_version: f.version.clone(),
        answers: answers.as_object().cloned().unwrap_or_else(Map::new),
    }
}

fn statuses(d: &Document, seen: impl Fn(&AnswerPath) -> bool) -> Vec<(String, SectionStatus)> {
    let f = form(OPP);
    let findings = validate(f, d, today());
    task_list(f, d, &findings, today(), seen)
        .into_iter()
        .map(|t| (t.section.id.clone(), t.status))
        .collect()
}

fn status_of(list: &[(String, SectionStatus)], id: &str) -> SectionStatus {
    list.iter()
        .find(|(s, _)| s == id)
        .map(|(_, st)| *st)
        .expect(id)
}

#[test]
fn an_empty_form_has_every_section_not_started() {
    let list = statuses(&doc(json!({})), |_| false);
    assert_eq!(list.len(), form(OPP).sections.len());
    assert!(
        list.iter().all(|(_, s)| *s == SectionStatus::NotStarted),
        "{list:?}"
    );
    let tasks = task_list(form(OPP), &doc(json!({})), &[], today(), |_| false);
    assert_eq!(done_line_nl(&tasks), "U heeft 0 van 7 onderdelen afgerond.");
}

#[test]
fn a_half_filled_section_is_in_progress_until_its_errors_are_shown() {
    let d = doc(json!({ "achternaam": "Vries, de" }));
    assert_eq!(
        status_of(&statuses(&d, |_| false), "leerling"),
        SectionStatus::InProgress
    );
    // Saved ("Opslaan en verder" visits every field): the open questions are errors now.
    let list = statuses(&d, |_| true);
    assert_eq!(status_of(&list, "leerling"), SectionStatus::HasErrors);
    // A wrong answer the user left shows at once.
    let d = doc(json!({ "bsn": "111222334" }));
    let list = statuses(&d, |p| p.field_id() == "bsn");
    assert_eq!(status_of(&list, "leerling"), SectionStatus::HasErrors);
    assert_eq!(status_of(&list, "beeld"), SectionStatus::NotStarted);
}

#[test]
fn a_complete_section_is_done_and_counted() {
    let d = with(OPP, "valid-lotte-groep-6.json", &[]);
    let f = form(OPP);
    let findings = validate(f, &d, today());
    let tasks = task_list(f, &d, &findings, today(), |_| true);
    assert!(
        tasks.iter().all(|t| t.status == SectionStatus::Done),
        "{tasks:?}"
    );
    assert_eq!(
        done_line_nl(&tasks),
        format!("U heeft {0} van {0} onderdelen afgerond.", tasks.len())
    );
    // One field emptied again: that section only has errors.
    let d = with(
        OPP,
        "valid-lotte-groep-6.json",
        &[("/achternaam", json!(""))],
    );
    let list = statuses(&d, |_| true);
    assert_eq!(status_of(&list, "leerling"), SectionStatus::HasErrors);
    assert_eq!(status_of(&list, "beeld"), SectionStatus::Done);
}

#[test]
fn a_choice_that_adds_a_question_names_its_section() {
    let f = form(OPP);
    let before = doc(json!({ "groep": "5" }));
    let after = doc(json!({ "groep": "6" }));
    let added = fields_added(f, &before, &after, today());
    assert_eq!(added.len(), 1);
    assert_eq!(added[0].0.id, "doelen_sectie");
    assert_eq!(
        fields_added_nl(&added).as_deref(),
        Some("Door dit antwoord komt er een vraag bij in 'Doelen en uitstroomperspectief'.")
    );
    // Going back removes the question: nothing to announce.
    assert!(fields_added(f, &after, &before, today()).is_empty());
    assert_eq!(fields_added_nl(&[]), None);
    // Typing in a field that no `when` reads adds nothing.
    let typed = doc(json!({ "groep": "5", "achternaam": "Jansen" }));
    assert!(fields_added(f, &before, &typed, today()).is_empty());
}
