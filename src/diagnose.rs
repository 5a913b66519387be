//! Checks a form file's TOML text and reports every problem with line and
//! column, in Dutch, for SWV staff (`aanvraagwijzer forms check`, the studio).
//! Uses the same [`check_form`](crate::definition::check::check_form) as
//! `build.rs`, so a file that passes here passes the build.

use crate::definition::check::{check_form, DefinitionError};
use crate::definition::Form;

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

/// The check's English place description ("rule `x`") in Dutch.
fn place_nl(place: &str) -> String {
    const WORDS: [(&str, &str); 6] = [
        ("rule ", "Regel "),
        ("field ", "Veld "),
        ("section ", "Sectie "),
        ("value ", "Waarde "),
        ("source ", "Bron "),
        ("form", "Het formulier"),
    ];
    for (en, nl) in WORDS {
        if let Some(rest) = place.strip_prefix(en) {
            return format!("{nl}{rest}");
        }
    }
    place.to_owned()
}

/// The kind of thing a duplicate id names, in Dutch.
fn what_nl(what: &str) -> &str {
    match what {
        "field" => "veld",
        "rule" => "regel",
        "section" => "sectie",
        "value" => "waarde",
        other => other,
    }
}

/// Dutch message and the name to look for in the text.
fn dutch(e: &DefinitionError) -> (String, Option<String>) {
    match e {
        DefinitionError::BadId { id, folder } => (
            format!("Het formulier-id `{id}` moet beginnen met de map van het samenwerkingsverband: schrijf `{folder}/<naam>`."),
            Some(id.clone()),
        ),
        DefinitionError::DuplicateId { what, id } => (
            format!("De naam `{id}` ({}) komt twee keer voor. Geef elk onderdeel een eigen naam.", what_nl(what)),
            Some(id.clone()),
        ),
        DefinitionError::UnknownField { place, path } => (
            format!("{} noemt het veld `{path}`, maar dat veld bestaat niet. Controleer de spelling of voeg het veld toe.", place_nl(place)),
            Some(path.clone()),
        ),
        DefinitionError::UnknownSource { place, key } => (
            format!("{} verwijst naar bron `{key}`, maar die staat niet onder [sources]. Voeg de bron toe of verbeter de naam.", place_nl(place)),
            Some(key.clone()),
        ),
        DefinitionError::MissingSource { place } => (
            format!("{} heeft geen bron. Voeg `source = \"…\"` toe met de passage uit het document van het samenwerkingsverband.", place_nl(place)),
            first_quoted(place),
        ),
        DefinitionError::EmptySource { key, part } => (
            format!("Bij bron `{key}` is `{part}` leeg. Vul de tekst uit het document in."),
            Some(key.clone()),
        ),
        DefinitionError::UntitledDocument { key, document } => (
            format!("Bron `{key}` noemt het document `{document}`, maar dat heeft geen titel onder [documents]. Voeg de titel toe zoals mensen het document kennen, bijvoorbeeld `\"{document}\" = \"Ondersteuningsplan 2022-2026\"`."),
            Some(document.clone()),
        ),
        DefinitionError::UnusedDocument { document } => (
            format!("Onder [documents] staat `{document}`, maar geen bron noemt dat document. Haal de regel weg, of verbeter de naam."),
            Some(document.clone()),
        ),
        DefinitionError::Invalid { place, problem } => (
            format!("{}: {problem}. Pas dit aan zodat het formulier klopt.", place_nl(place)),
            first_quoted(place),
        ),
    }
}

/// The first `quoted` name in a place description such as "rule `x`".
fn first_quoted(place: &str) -> Option<String> {
    let start = place.find('`')? + 1;
    let len = place[start..].find('`')?;
    Some(place[start..start + len].to_owned())
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
