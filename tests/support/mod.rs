//! Helpers shared by the core's integration tests: the per-SWV form tests,
//! the rule-coverage report and the document tests. The fixed date, fixture
//! reading and form lookup come from the dev-only `aanvraagwijzer-test-support`
//! crate, which the other crates' tests share.
//!
//! Fixtures live in `tests/fixtures/<swv>/<form>/`: `valid-*.json` are complete
//! requests that must pass without findings; `invalid-*.json` carry, next to the
//! document, an `expect` list of findings a user must see:
//! `"expect": [{"code": "rule:max-3-uur", "path": "/answers/uren_per_week", "severity": "fout"}]`.
//! `Document::from_json` ignores the extra key, so the file is still a document.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use aanvraagwijzer::{validate, Document, Finding, Form, Severity};
use serde::Deserialize;

pub use aanvraagwijzer_test_support::{codes, fixture, fixtures_dir, form, today};

/// The SWV folders whose forms these tests cover.
pub const SWVS: [&str; 5] = [
    "rsv-breda-vo",
    "rsv-breda-po",
    "berseba",
    "de-meierij",
    "de-liemers",
];

/// One expected finding of an invalid fixture.
#[derive(Debug, Clone, Deserialize)]
pub struct Expect {
    pub code: String,
    pub path: String,
    #[serde(default)]
    pub severity: Option<Severity>,
}

#[derive(Debug, Deserialize)]
struct ExpectFile {
    #[serde(default)]
    expect: Vec<Expect>,
}

/// A fixture: its file name, the document, and the findings it expects.
pub struct Fixture {
    pub name: String,
    pub doc: Document,
    pub expect: Vec<Expect>,
}

impl Fixture {
    pub fn is_valid(&self) -> bool {
        self.name.starts_with("valid-")
    }
}

fn read(path: &Path) -> Fixture {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let doc = Document::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    let expect: ExpectFile =
        serde_json::from_str(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Fixture {
        name: path
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default(),
        doc,
        expect: expect.expect,
    }
}

/// All fixtures of a form id (`berseba/jrk`), sorted by name.
pub fn fixtures_of(form_id: &str) -> Vec<Fixture> {
    let dir = fixtures_dir().join(form_id);
    let mut paths: Vec<PathBuf> = std::fs::read_dir(&dir)
        .into_iter()
        .flatten()
        .flatten()
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|e| e == "json"))
        .collect();
    paths.sort();
    paths.iter().map(|p| read(p)).collect()
}

/// Forms of the covered SWVs.
pub fn covered_forms() -> Vec<&'static Form> {
    aanvraagwijzer::forms()
        .iter()
        .filter(|f| SWVS.contains(&f.swv()))
        .collect()
}

pub fn has(findings: &[Finding], code: &str, path: &str) -> bool {
    findings.iter().any(|f| f.code == code && f.path == path)
}

/// The finding with this code and path, or a panic listing what was found.
pub fn find<'a>(findings: &'a [Finding], code: &str, path: &str) -> &'a Finding {
    findings
        .iter()
        .find(|f| f.code == code && f.path == path)
        .unwrap_or_else(|| panic!("no {code} at {path}; found {:#?}", codes(findings)))
}

/// Validates a fixture of a form with the fixed test date.
pub fn check(form_id: &str, name: &str) -> Vec<Finding> {
    let doc = fixture(&format!("{form_id}/{name}"));
    validate(form(form_id), &doc, today())
}

/// A copy of a fixture's document with some answers replaced (JSON pointers
/// below `/answers`, e.g. `/uren_per_week`, `/doelen/0/omschrijving`).
pub fn with(form_id: &str, name: &str, changes: &[(&str, serde_json::Value)]) -> Document {
    let mut doc = fixture(&format!("{form_id}/{name}"));
    let mut answers = serde_json::Value::Object(doc.answers.clone());
    for (ptr, value) in changes {
        match answers.pointer_mut(ptr) {
            Some(slot) => *slot = value.clone(),
            None => {
                let (parent, key) = ptr.rsplit_once('/').expect("pointer has a parent");
                let obj = answers
                    .pointer_mut(parent)
                    .and_then(|v| v.as_object_mut())
                    .unwrap_or_else(|| panic!("no object at {parent}"));
                obj.insert(key.to_owned(), value.clone());
            }
        }
    }
    doc.answers = answers.as_object().cloned().unwrap_or_default();
    doc
}
