//! What the tests of every crate share (dev-only; the model is
//! rust-analyzer's `test_utils`): the fixed "today" of the tests, reading the
//! fixture documents under `tests/fixtures/`, and a builder for the small
//! test forms that unit tests parse.
//!
//! The core's own unit tests use only [`today`] and [`FormToml`]: the core
//! they are compiled into is another crate than the one this crate links, so
//! its types ([`Document`], [`Form`]) are for integration tests.

use std::path::{Path, PathBuf};

use aanvraagwijzer::{find_form, Document, Finding, Form};
use chrono::{NaiveDate, NaiveDateTime};

/// The fixed "today" of the tests as people type it (CLI `--date`).
pub const TODAY: &str = "22-11-2026";

/// The fixed "today" of the tests, so age and date rules are deterministic.
pub fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 11, 22).expect("valid date")
}

/// The moment a test package or PDF is made: [`today`] at 16:40:12.
pub fn made() -> NaiveDateTime {
    today().and_hms_opt(16, 40, 12).expect("valid time")
}

/// `tests/fixtures/` of the repository: `<swv>/<form>/<name>.json`.
pub fn fixtures_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

/// The text of a fixture file, e.g. `rsv-breda-vo/tlv-vso/valid-daan-bakker.json`.
pub fn fixture_text(rel: &str) -> String {
    let path = fixtures_dir().join(rel);
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{}: {e}", path.display()))
}

/// A fixture document, read as the CLI and the server read documents.
pub fn fixture(rel: &str) -> Document {
    Document::from_json(&fixture_text(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"))
}

/// An embedded form by id.
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

/// A small form file for tests: the header every form needs (id, title,
/// one source `s`), then sections, fields and rules as the test adds them.
/// Labels are the ids with a capital ("uren" -> "Uren").
///
/// ```
/// let toml = aanvraagwijzer_test_support::FormToml::new("test/vocab")
///     .field("uren", "number")
///     .list("regels", "regel", &[("akkoord", "yes_no", "")])
///     .build();
/// assert!(toml.contains("[[sections.fields.fields]]"));
/// ```
#[derive(Debug, Clone)]
pub struct FormToml(String);

impl FormToml {
    /// The header only: add `[[sections]]` with [`FormToml::raw`].
    pub fn header(id: &str) -> FormToml {
        FormToml(format!(
            r#"
id = "{id}"
version = "1"
swv_name = "Test"
title = "Test"
kind = "arrangement"
description = "Een formulier om te testen."
[documents]
d = "Testdocument"
[sources.s]
document = "d"
section = "s"
quote = "q"
"#
        ))
    }

    /// The header and one section `a`, to add fields to.
    pub fn new(id: &str) -> FormToml {
        FormToml::header(id).raw("[[sections]]\nid = \"a\"\ntitle = \"A\"\n")
    }

    /// A field of type `kind` (`date`, `number`, `text`…) in the last section.
    pub fn field(self, id: &str, kind: &str) -> FormToml {
        self.field_with(id, kind, "")
    }

    /// A field with more keys (`"required = true"`, `options = […]`), one per line.
    pub fn field_with(self, id: &str, kind: &str, extra: &str) -> FormToml {
        let text = field_text("  [[sections.fields]]", "  ", id, kind, extra);
        self.raw(&text)
    }

    /// A list field; `fields` are its sub-fields as (id, kind, extra keys).
    pub fn list(self, id: &str, item_label: &str, fields: &[(&str, &str, &str)]) -> FormToml {
        let mut out = self.field_with(id, "list", &format!("item_label = \"{item_label}\""));
        for (sub, kind, extra) in fields {
            let text = field_text("    [[sections.fields.fields]]", "    ", sub, kind, extra);
            out = out.raw(&text);
        }
        out
    }

    /// Any TOML, as it stands (rules, `[values]`, another section).
    pub fn raw(mut self, toml: &str) -> FormToml {
        self.0.push_str(toml);
        if !toml.ends_with('\n') {
            self.0.push('\n');
        }
        self
    }

    /// The form file's text.
    pub fn build(self) -> String {
        self.0
    }
}

fn field_text(table: &str, indent: &str, id: &str, kind: &str, extra: &str) -> String {
    let mut text = format!(
        "{table}\n{indent}id = \"{id}\"\n{indent}label = \"{}\"\n{indent}type = \"{kind}\"\n",
        aanvraagwijzer::capitalise(id)
    );
    for line in extra.lines().filter(|l| !l.trim().is_empty()) {
        text.push_str(indent);
        text.push_str(line.trim());
        text.push('\n');
    }
    text
}
