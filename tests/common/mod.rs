//! Helpers shared by the integration tests.
#![allow(dead_code)]

use std::path::{Path, PathBuf};

use aanvraagwijzer::{find_form, Document, Finding, Form};
use chrono::NaiveDate;

/// The fixed "today" of the tests, so age and date rules are deterministic.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures")
}

/// Reads a fixture document, e.g. `rsv-breda-vo/tlv-vso/valid-daan-bakker.json`.
pub fn fixture(rel: &str) -> Document {
    let path = fixtures_dir().join(rel);
    let text = std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
    Document::from_json(&text).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

pub fn form(id: &str) -> &'static Form {
    find_form(id).unwrap_or_else(|| panic!("form {id} is not embedded"))
}

/// (code, path) pairs, the part of findings that tests compare.
pub fn codes(findings: &[Finding]) -> Vec<(String, String)> {
    findings
        .iter()
        .map(|f| (f.code.clone(), f.path.clone()))
        .collect()
}
