//! The Dutch wording of the problems `check_form` finds, for SWV staff: in
//! `forms check` and the studio (with line and column, `diagnose`) and on the
//! site's page for a broken published form file (`published`). Kept apart
//! from `diagnose` so the site gets the words without the TOML parser.

use crate::definition::check::DefinitionError;

/// A problem of `check_form` in plain Dutch, saying what to do.
pub fn message_nl(e: &DefinitionError) -> String {
    dutch(e).0
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
pub(crate) fn dutch(e: &DefinitionError) -> (String, Option<String>) {
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
