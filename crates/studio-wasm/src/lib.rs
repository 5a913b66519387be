//! The form studio's engine in the browser, as a separate wasm module.
//!
//! The site loads this module with a dynamic `import()` only on `#/studio`,
//! so the TOML parser, the line/column diagnostics and the form diff never
//! weigh on a school's pages. It embeds the same core as the build
//! (`check_form` through `aanvraagwijzer::diagnose`), so a file the studio
//! accepts is a file the build accepts.
//!
//! Answers cross as JSON text: the site already reads `Form` from JSON, so
//! it needs no second representation.

use aanvraagwijzer::diagnose::check_form_text;
use aanvraagwijzer::form_diff::{diff, Change};
use aanvraagwijzer::Form;
use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

/// One problem in the form file, for the site.
#[derive(Serialize)]
struct Problem {
    line: usize,
    column: usize,
    message: String,
}

/// What `check` answers: every problem, and the form when there are none.
#[derive(Serialize)]
struct Checked {
    problems: Vec<Problem>,
    /// The form as the site publishes it (`serde_json::to_string(&form)`),
    /// only when the file has no problems.
    form: Option<String>,
}

/// Just the id, to know the SWV folder the file belongs in.
#[derive(Deserialize)]
struct IdOnly {
    id: Option<String>,
}

/// The SWV folder a form file belongs in: the part of its id before `/`.
/// A file in the studio has no folder of its own; the id says where it will
/// be published.
fn folder_of(text: &str) -> String {
    toml::from_str::<IdOnly>(text)
        .ok()
        .and_then(|i| i.id)
        .and_then(|id| id.split('/').next().map(str::to_owned))
        .unwrap_or_default()
}

/// The pure check, for host tests and the export.
fn check_text(text: &str) -> Checked {
    let problems: Vec<Problem> = check_form_text(text, &folder_of(text))
        .into_iter()
        .map(|d| Problem {
            line: d.line,
            column: d.column,
            message: d.message_nl,
        })
        .collect();
    let form = if problems.is_empty() {
        toml::from_str::<Form>(text)
            .ok()
            .and_then(|f| serde_json::to_string(&f).ok())
    } else {
        None
    };
    Checked { problems, form }
}

/// Checks a form file's TOML text: `{"problems": [{line, column, message}],
/// "form": "<form JSON>" | null}` as JSON text. Problems are in Dutch, with
/// 1-based line and column.
#[wasm_bindgen]
pub fn check(text: &str) -> String {
    serde_json::to_string(&check_text(text)).unwrap_or_else(|_| {
        r#"{"problems":[{"line":1,"column":1,"message":"Het bestand kon niet worden gecontroleerd. Vernieuw de pagina en probeer het opnieuw."}],"form":null}"#.to_owned()
    })
}

/// The differences from the published form to the edited one (both as form
/// JSON), as a JSON array of `{subject, kind, id, description_nl}`.
#[wasm_bindgen]
pub fn compare(published_json: &str, edited_json: &str) -> Result<String, JsError> {
    let read = |text: &str| -> Result<Form, JsError> {
        serde_json::from_str(text).map_err(|_| {
            JsError::new(
                "Een van de formulieren kon niet worden gelezen. Controleer het bestand opnieuw.",
            )
        })
    };
    let changes: Vec<Change> = diff(&read(published_json)?, &read(edited_json)?);
    serde_json::to_string(&changes)
        .map_err(|_| JsError::new("De verschillen konden niet worden opgeschreven."))
}
