//! Checks a form file's TOML text and reports every problem with line and
//! column, in Dutch, for SWV staff (`aanvraagwijzer forms check`, the studio).
//! Uses the same [`check_form`](crate::definition::check::check_form) as
//! `build.rs`, so a file that passes here passes the build.

use crate::definition::check::{check_form, DefinitionError};
use crate::definition::Form;
use crate::problems_nl::dutch;

/// One problem in a form file, located in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// 1-based line.
    pub line: usize,
    /// 1-based column, in characters.
    pub column: usize,
    /// Plain-language Dutch message that says what to do.
    pub message_nl: String,
    /// The name (field path, id or key) the problem is about, when known.
    pub path: Option<String>,
}

/// Checks `text` as the form file in SWV folder `folder`. Returns every
/// problem; an empty list means the build would accept the file.
pub fn check_form_text(text: &str, folder: &str) -> Vec<Diagnostic> {
    let form: Form = match toml::from_str(text) {
        Ok(f) => f,
        Err(e) => {
            let offset = e.span().map(|s| s.start).unwrap_or(0);
            let (line, column) = line_column(text, offset);
            return vec![Diagnostic {
                line,
                column,
                message_nl: format!(
                    "Dit deel van het bestand kan niet gelezen worden: {}. Verbeter de schrijfwijze op deze plek.",
                    e.message().trim_end_matches('\n')
                ),
                path: None,
            }];
        }
    };
    // A name reported more than once (a misspelt field used twice) points at
    // its next occurrence each time; a duplicate id at its second one.
    let mut seen: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
    check_form(&form, folder)
        .iter()
        .map(|e| {
            let (message_nl, path) = dutch(e);
            let offset = path
                .as_deref()
                .and_then(|p| {
                    let n = seen.entry(p.to_owned()).or_insert(0);
                    let skip = *n + usize::from(matches!(e, DefinitionError::DuplicateId { .. }));
                    *n += 1;
                    locate(text, p, skip).or_else(|| locate(text, p, 0))
                })
                .unwrap_or(0);
            let (line, column) = line_column(text, offset);
            Diagnostic {
                line,
                column,
                message_nl,
                path,
            }
        })
        .collect()
}

/// Byte offset of occurrence `skip` (0-based) of `name` as a whole word in `text`.
fn locate(text: &str, name: &str, mut skip: usize) -> Option<usize> {
    let boundary =
        |c: Option<char>| c.is_none_or(|c| !(c.is_alphanumeric() || c == '_' || c == '-'));
    let mut from = 0;
    while let Some(i) = text[from..].find(name) {
        let at = from + i;
        let end = at + name.len();
        if boundary(text[..at].chars().next_back()) && boundary(text[end..].chars().next()) {
            if skip == 0 {
                return Some(at);
            }
            skip -= 1;
        }
        from = end;
    }
    None
}

/// 1-based line and character column of a byte offset.
fn line_column(text: &str, offset: usize) -> (usize, usize) {
    let offset = offset.min(text.len());
    let before = text.get(..offset).unwrap_or(text);
    let line = before.matches('\n').count() + 1;
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    (line, before[line_start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn syntax_error_has_its_line() {
        let d = check_form_text("id = \"a/b\"\nversion = \n", "a");
        assert_eq!(d.len(), 1);
        assert_eq!(d[0].line, 2);
    }

    #[test]
    fn line_column_counts_characters() {
        assert_eq!(line_column("ab\ncé d", 7), (2, 4));
    }
}
