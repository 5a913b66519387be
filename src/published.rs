//! Forms as published data: one JSON file per form (`forms/<swv>/<form>.json`)
//! plus an index (`forms/index.json`), loaded at run time by the site, and
//! TOML files in the repository's layout (`<dir>/<swv>/<form>.toml`), loaded
//! by the CLI and server with `--forms DIR`.
//!
//! Every loader here ends in the same [`check_form`] that `build.rs` runs, so a
//! form reaches a user only after the checks the built-in forms pass. No IO:
//! callers read the files and hand over their text.

use serde::{Deserialize, Serialize};

use crate::definition::check::check_form;
use crate::definition::{Form, RequestKind};
use crate::problems_nl;

/// Where the site finds the index of published forms, relative to its page.
pub const INDEX_FILE: &str = "forms/index.json";

/// What the start page needs of every published form, without its content.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndexEntry {
    /// Form id, `<swv>/<form>`.
    pub id: String,
    /// The form's data file, relative to the site (`forms/<swv>/<form>.json`).
    pub file: String,
    /// The SWV's display name.
    pub swv_name: String,
    /// The form's title.
    pub title: String,
    /// The form's short description.
    pub description: String,
    /// What is asked for.
    pub kind: RequestKind,
    /// The form's version.
    pub version: String,
}

impl IndexEntry {
    /// The index entry of a form.
    pub fn of(form: &Form) -> IndexEntry {
        IndexEntry {
            id: form.id.clone(),
            file: data_file(&form.id),
            swv_name: form.swv_name.clone(),
            title: form.title.clone(),
            description: form.description.clone(),
            kind: form.kind,
            version: form.version.clone(),
        }
    }

    /// The SWV part of the id (`berseba`).
    pub fn swv(&self) -> &str {
        self.id.split('/').next().unwrap_or(&self.id)
    }
}

/// The index of a published site: its forms, sorted by id.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct FormIndex {
    /// The forms, sorted by id.
    pub forms: Vec<IndexEntry>,
}

impl FormIndex {
    /// The index of these forms, sorted by id.
    pub fn of<'a>(forms: impl IntoIterator<Item = &'a Form>) -> FormIndex {
        let mut forms: Vec<IndexEntry> = forms.into_iter().map(IndexEntry::of).collect();
        forms.sort_by(|a, b| a.id.cmp(&b.id));
        FormIndex { forms }
    }

    /// Reads `forms/index.json`.
    pub fn from_json(text: &str) -> Result<FormIndex, LoadError> {
        serde_json::from_str(text).map_err(|e| LoadError {
            file: INDEX_FILE.to_owned(),
            problems: vec![format!("geen geldige lijst van formulieren: {e}")],
        })
    }

    /// An entry by form id.
    pub fn find(&self, id: &str) -> Option<&IndexEntry> {
        self.forms.iter().find(|f| f.id == id)
    }

    /// This index with `form`'s entry in it: replacing the entry of the same
    /// id (a changed title, description or version), or added in id order
    /// (a new form). What the studio hands an SWV to publish next to a
    /// changed form file, so the start page lists it as it now is.
    pub fn with(&self, form: &Form) -> FormIndex {
        let mut forms: Vec<IndexEntry> = self
            .forms
            .iter()
            .filter(|f| f.id != form.id)
            .cloned()
            .collect();
        forms.push(IndexEntry::of(form));
        forms.sort_by(|a, b| a.id.cmp(&b.id));
        FormIndex { forms }
    }
}

/// The data file of a form id, relative to the site: `forms/<swv>/<form>.json`.
pub fn data_file(id: &str) -> String {
    format!("forms/{id}.json")
}

/// A form file that cannot be used: the file and every problem in it.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{file}: {}", problems.join("; "))]
pub struct LoadError {
    /// The file, as the user knows it (`forms/berseba/tlv.json`).
    pub file: String,
    /// Every problem found, one line each.
    pub problems: Vec<String>,
}

impl LoadError {
    /// A Dutch heading for a page or message about this file.
    pub fn message_nl(&self) -> String {
        format!(
            "Het formulierbestand {} kan niet worden gebruikt. Het heeft {} {}. \
             Neem contact op met het samenwerkingsverband: het bestand moet worden verbeterd.",
            self.file,
            self.problems.len(),
            if self.problems.len() == 1 {
                "fout"
            } else {
                "fouten"
            }
        )
    }
}

/// Parses a published form (JSON) and checks it exactly as the build does.
/// `file` names it in problems; `expected_id`, when given, is the id the
/// index promised (a file that holds another form is refused).
pub fn load_form_json(
    file: &str,
    text: &str,
    expected_id: Option<&str>,
) -> Result<Form, LoadError> {
    let form: Form = serde_json::from_str(text).map_err(|e| LoadError {
        file: file.to_owned(),
        problems: vec![format!("geen geldig formulierbestand (JSON): {e}")],
    })?;
    checked(file, form, expected_id)
}

/// Checks a form the caller parsed (from TOML: the site does not carry a TOML
/// parser). `folder` is the SWV folder the file lies in; the id must start
/// with it, as at build time.
pub fn check_loaded(file: &str, folder: &str, form: Form) -> Result<Form, LoadError> {
    let errors = check_form(&form, folder);
    if errors.is_empty() {
        Ok(form)
    } else {
        Err(LoadError {
            file: file.to_owned(),
            problems: errors.iter().map(problems_nl::message_nl).collect(),
        })
    }
}

fn checked(file: &str, form: Form, expected_id: Option<&str>) -> Result<Form, LoadError> {
    let folder = form.swv().to_owned();
    let mut problems: Vec<String> = check_form(&form, &folder)
        .iter()
        .map(problems_nl::message_nl)
        .collect();
    if let Some(id) = expected_id.filter(|id| id.contains('/')) {
        if form.id != id {
            problems.push(format!(
                "het bestand bevat formulier `{}`, maar de lijst verwacht `{id}`",
                form.id
            ));
        }
    }
    if problems.is_empty() {
        Ok(form)
    } else {
        Err(LoadError {
            file: file.to_owned(),
            problems,
        })
    }
}

/// Reads every `<dir>/<swv>/<form>.toml` (the repository's layout), checks
/// each as the build does, and returns the forms sorted by id, or every
/// problem of every broken file.
#[cfg(feature = "forms-dir")]
pub fn load_dir(dir: &std::path::Path) -> Result<Vec<Form>, Vec<LoadError>> {
    let mut forms = Vec::new();
    let mut errors = Vec::new();
    let fail = |file: &std::path::Path, problem: String| LoadError {
        file: file.display().to_string(),
        problems: vec![problem],
    };
    let folders = match sorted_entries(dir) {
        Ok(f) => f,
        Err(e) => return Err(vec![fail(dir, format!("map kan niet worden gelezen: {e}"))]),
    };
    for folder in folders.into_iter().filter(|p| p.is_dir()) {
        let swv = folder
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        let files = match sorted_entries(&folder) {
            Ok(f) => f,
            Err(e) => {
                errors.push(fail(&folder, format!("map kan niet worden gelezen: {e}")));
                continue;
            }
        };
        for file in files
            .into_iter()
            .filter(|p| p.extension().is_some_and(|e| e == "toml"))
            .filter(|p| p.file_name().is_some_and(|n| n != "swv.toml"))
        {
            let shown = file.display().to_string();
            let text = match std::fs::read_to_string(&file) {
                Ok(t) => t,
                Err(e) => {
                    errors.push(fail(&file, format!("bestand kan niet worden gelezen: {e}")));
                    continue;
                }
            };
            // The same check_form as the build, reported as `forms check`
            // does: in Dutch, with line and column.
            let problems = crate::diagnose::check_form_text(&text, &swv);
            if !problems.is_empty() {
                errors.push(LoadError {
                    file: shown,
                    problems: problems
                        .iter()
                        .map(|d| format!("regel {}, kolom {}: {}", d.line, d.column, d.message_nl))
                        .collect(),
                });
                continue;
            }
            match toml::from_str::<Form>(&text) {
                Ok(form) => match check_loaded(&shown, &swv, form) {
                    Ok(form) => forms.push(form),
                    Err(e) => errors.push(e),
                },
                Err(e) => errors.push(fail(
                    &file,
                    format!("geen geldig formulierbestand (TOML): {e}"),
                )),
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    for form in &forms {
        if !seen.insert(form.id.clone()) {
            errors.push(LoadError {
                file: dir.display().to_string(),
                problems: vec![format!("formulier `{}` staat er twee keer in", form.id)],
            });
        }
    }
    if errors.is_empty() {
        forms.sort_by(|a, b| a.id.cmp(&b.id));
        Ok(forms)
    } else {
        Err(errors)
    }
}

#[cfg(feature = "forms-dir")]
fn sorted_entries(dir: &std::path::Path) -> std::io::Result<Vec<std::path::PathBuf>> {
    let mut out = std::fs::read_dir(dir)?
        .map(|e| e.map(|e| e.path()))
        .collect::<std::io::Result<Vec<_>>>()?;
    out.sort();
    Ok(out)
}

#[cfg(all(test, feature = "builtin-forms"))]
mod tests {
    use super::*;

    fn a_form_with_rules() -> Form {
        crate::forms()
            .iter()
            .find(|f| !f.rules.is_empty())
            .expect("a form with rules")
            .clone()
    }

    #[test]
    fn a_published_form_loads_as_it_was_written() {
        let form = a_form_with_rules();
        let file = data_file(&form.id);
        let text = serde_json::to_string(&form).expect("serialises");
        assert_eq!(load_form_json(&file, &text, Some(&form.id)), Ok(form));
    }

    #[test]
    fn a_broken_file_is_refused_with_its_name_and_dutch_problems() {
        let mut form = a_form_with_rules();
        let file = data_file(&form.id);
        form.rules[0].field = "bestaat_niet".to_owned();
        let text = serde_json::to_string(&form).expect("serialises");
        let error = load_form_json(&file, &text, Some(&form.id)).expect_err("refused");
        assert_eq!(error.file, file);
        assert!(
            error
                .problems
                .iter()
                .any(|p| p.contains("`bestaat_niet`") && p.contains("bestaat niet")),
            "{:?}",
            error.problems
        );

        let error = load_form_json(&file, "{\"id\": ", None).expect_err("not JSON");
        assert_eq!(error.problems.len(), 1);
        assert!(error.problems[0].starts_with("geen geldig formulierbestand (JSON)"));

        // A file that holds another form than the index promised.
        let other = a_form_with_rules();
        let text = serde_json::to_string(&other).expect("serialises");
        let error = load_form_json("forms/x/y.json", &text, Some("x/y")).expect_err("other id");
        assert!(error
            .problems
            .iter()
            .any(|p| p.contains("de lijst verwacht `x/y`")));
    }

    #[test]
    fn the_index_takes_a_changed_form_in_place_and_a_new_form_in_id_order() {
        let published = FormIndex::of(crate::forms());
        let mut changed = crate::forms()[1].clone();
        changed.title = "Aanvraag extra ondersteuning (nieuwe versie)".to_owned();
        changed.version = format!("{}-2", changed.version);
        let index = published.with(&changed);
        assert_eq!(index.forms.len(), published.forms.len());
        assert_eq!(index.find(&changed.id), Some(&IndexEntry::of(&changed)));
        assert_eq!(index.forms[1].id, changed.id);
        // Every other entry unchanged.
        for (before, after) in published.forms.iter().zip(&index.forms) {
            if before.id != changed.id {
                assert_eq!(before, after);
            }
        }
        let mut new = crate::forms()[0].clone();
        new.id = format!("{}/aaa-nieuw", new.swv());
        let index = published.with(&new);
        assert_eq!(index.forms.len(), published.forms.len() + 1);
        let ids: Vec<&str> = index.forms.iter().map(|f| f.id.as_str()).collect();
        let mut sorted = ids.clone();
        sorted.sort_unstable();
        assert_eq!(ids, sorted);
        assert_eq!(
            index.find(&new.id).map(|e| e.file.as_str()),
            Some(data_file(&new.id).as_str())
        );
    }
}
