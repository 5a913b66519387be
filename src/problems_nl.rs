//! The Dutch wording of the problems `check_form` finds, for SWV staff: in
//! `forms check` and the studio (with line and column, `diagnose`) and on the
//! site's page for a broken published form file (`published`). Kept apart
//! from `diagnose` so the site gets the words without the TOML parser.

use crate::definition::check::{DefinitionError, NameKind, Problem};
use crate::definition::date::DateError;

/// A problem of `check_form` in plain Dutch, saying what to do.
pub fn message_nl(e: &DefinitionError) -> String {
    dutch(e).0
}

/// The check's English place description ("rule `x`") in Dutch. Every
/// place `check_form` writes has its Dutch word here (a test holds this).
fn place_nl(place: &str) -> String {
    const WORDS: [(&str, &str); 11] = [
        ("rule ", "Regel "),
        ("field ", "Veld "),
        ("section ", "Sectie "),
        ("value ", "Waarde "),
        ("condition ", "Voorwaarde "),
        ("note ", "Notitie "),
        ("summary line ", "Samenvattingsregel "),
        ("source ", "Bron "),
        ("submission", "Het indienen (`[submission]`)"),
        ("signing", "Het ondertekenen (`[signing]`)"),
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
            format!("Het formulier-id `{id}` moet beginnen met de map van het samenwerkingsverband. Schrijf het id als `{folder}/<naam>`."),
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
        // A missing name reads like a missing field: "Regel `x` verwijst naar …".
        DefinitionError::Invalid {
            place,
            problem: Problem::UnknownName { kind, name },
        } => (
            format!(
                "{} verwijst naar {}, maar die staat niet onder `[{}s]`. Voeg die {} toe onder `[{}s]`, of verbeter de naam.",
                place_nl(place),
                name_nl(*kind, name),
                kind.keyword(),
                kind_nl(*kind),
                kind.keyword()
            ),
            Some(name.clone()),
        ),
        DefinitionError::Invalid { place, problem } => (
            format!("{}: {}", place_nl(place), problem_nl(problem)),
            first_quoted(place).or_else(|| located(place, problem)),
        ),
    }
}

/// The first `quoted` name in a place description such as "rule `x`".
fn first_quoted(place: &str) -> Option<String> {
    let start = place.find('`')? + 1;
    let len = place[start..].find('`')?;
    Some(place[start..start + len].to_owned())
}

/// Where to look for a problem whose place names nothing (`form`,
/// `submission`): the key the problem is about.
fn located(place: &str, problem: &Problem) -> Option<String> {
    match problem {
        Problem::VersionEmpty => Some("version".to_owned()),
        Problem::DescriptionLength { .. } => Some("description".to_owned()),
        Problem::Cycle { chain } => chain.first().map(|(_, name)| name.clone()),
        Problem::TextEmpty if matches!(place, "submission" | "signing") => Some(place.to_owned()),
        Problem::TextEmpty if place.starts_with("note ") => Some("notes".to_owned()),
        _ => None,
    }
}

/// A named value or condition in Dutch: "waarde `x`".
fn name_nl(kind: NameKind, name: &str) -> String {
    format!("{} `{name}`", kind_nl(kind))
}

/// "waarde" or "voorwaarde".
fn kind_nl(kind: NameKind) -> &'static str {
    match kind {
        NameKind::Value => "waarde",
        NameKind::Condition => "voorwaarde",
    }
}

/// Why a date in the form file cannot be read, in Dutch.
fn date_reason_nl(reason: &DateError) -> String {
    match reason {
        DateError::Format => "de datum is niet geschreven als dd-mm-jjjj".to_owned(),
        DateError::Impossible { .. } => "die dag bestaat niet".to_owned(),
        DateError::Implausible(year) => format!("het jaar {year} ligt niet tussen 1900 en 2100"),
    }
}

/// "één waarde", "twee waarden".
fn values_nl(n: usize) -> String {
    match n {
        1 => "één waarde".to_owned(),
        2 => "twee waarden".to_owned(),
        n => format!("{n} waarden"),
    }
}

/// What is wrong, in plain Dutch (after "Plaats: "), ending with what to do.
/// TOML keys and the file's own words stay between backticks, so staff can
/// find them in the file.
fn problem_nl(problem: &Problem) -> String {
    match problem {
        Problem::VersionEmpty => {
            "de versie (`version`) is leeg. Vul een versie in, bijvoorbeeld `version = \"1\"`."
                .to_owned()
        }
        Problem::DescriptionLength { chars: 0 } => {
            "de beschrijving (`description`) is leeg. Schrijf in één of twee korte zinnen waar het formulier voor is."
                .to_owned()
        }
        Problem::DescriptionLength { chars } => format!(
            "de beschrijving (`description`) is {chars} tekens lang; dat moet 1 tot 200 tekens zijn. Schrijf in één of twee korte zinnen waar het formulier voor is."
        ),
        Problem::TextEmpty => {
            "de tekst (`text`) is leeg. Vul de tekst in, of haal dit onderdeel weg.".to_owned()
        }
        // Rendered whole in `dutch`; this reads on its own after "Plaats: ".
        Problem::UnknownName { kind, name } => format!(
            "{} staat niet onder `[{}s]`. Voeg die {} toe, of verbeter de naam.",
            name_nl(*kind, name),
            kind.keyword(),
            kind_nl(*kind)
        ),
        Problem::Cycle { chain } => format!(
            "waarden en voorwaarden verwijzen in een kring naar elkaar ({}). Haal een van deze verwijzingen weg, zodat de berekening ergens begint.",
            chain
                .iter()
                .map(|(kind, name)| name_nl(*kind, name))
                .collect::<Vec<_>>()
                .join(" → ")
        ),
        Problem::SectionIsCheckPage => format!(
            "het id `{}` is al het adres van de controlepagina, dus deze sectie kan niemand openen. Geef de sectie een ander id.",
            crate::definition::check::CHECK_PAGE
        ),
        Problem::SummaryNotNumber => {
            "de berekening (`value`) levert geen getal op. Reken met getallen, bijvoorbeeld een getalveld, `plus` of `sum`."
                .to_owned()
        }
        Problem::SummaryTextEmpty => {
            "een van de teksten (`texts`) is leeg. Vul die tekst in, of haal hem weg.".to_owned()
        }
        Problem::ValueOrTexts => {
            "een samenvattingsregel heeft óf `value` (een getal) óf `texts` (teksten), niet allebei. Kies er één."
                .to_owned()
        }
        Problem::MessageEmpty => {
            "de melding (`message`) is leeg. Schrijf wat de school ziet als de regel niet klopt, en wat ze dan kan doen."
                .to_owned()
        }
        Problem::NoWords => {
            "`contains_any` heeft geen woord om naar te zoeken. Zet er minstens één woord in, bijvoorbeeld `contains_any = [\"dyslexie\"]`."
                .to_owned()
        }
        Problem::BadFieldId => {
            "het id mag alleen kleine letters, cijfers en _ hebben. Schrijf het id bijvoorbeeld als `geboortedatum` of `uren_per_week`."
                .to_owned()
        }
        Problem::LabelEmpty => {
            "de vraag (`label`) is leeg. Schrijf de vraag zoals de school die moet lezen."
                .to_owned()
        }
        Problem::RequiredAndRecommended => {
            "het veld is verplicht (`required`) én aangeraden (`recommended`). Kies een van de twee en haal de andere weg."
                .to_owned()
        }
        Problem::AsksForFileName => {
            "de vraag of de uitleg vraagt om de naam van een bestand. Maak er een bijlage van met `type = \"attachment\"`: dan kiest de school het bestand zelf en komt het in het pakket."
                .to_owned()
        }
        Problem::AttachmentAsksFileName => {
            "bij een bijlage kiest de school het bestand zelf, maar de vraag, de uitleg of een bevestiging vraagt om de naam van het bestand. Haal die vraag naar de bestandsnaam weg."
                .to_owned()
        }
        Problem::ConfirmationEmpty => {
            "een van de bevestigingen (`confirmations`) is leeg. Vul de tekst in, of haal de bevestiging weg."
                .to_owned()
        }
        Problem::NoOptions => {
            "er zijn geen antwoorden om uit te kiezen. Voeg de antwoorden toe onder `options`."
                .to_owned()
        }
        Problem::OptionTwice { value } => format!(
            "het antwoord `{value}` staat twee keer onder `options`. Haal het dubbele antwoord weg, of geef het een eigen `value`."
        ),
        Problem::MinAboveMax => {
            "het minimum (`min`) is groter dan het maximum (`max`). Verbeter een van de twee, zodat `min` niet boven `max` ligt."
                .to_owned()
        }
        Problem::SignsForNotParents => {
            "`signs_for` (gezien of akkoord) hoort alleen bij de handtekening van de ouders. Haal `signs_for` weg, of zet `signer = \"ouders\"` als de ouders tekenen."
                .to_owned()
        }
        Problem::MinItemsAboveMax => {
            "het minimum aantal regels (`min_items`) is groter dan het maximum (`max_items`). Verbeter een van de twee."
                .to_owned()
        }
        Problem::ListInList => {
            "een lijst in een lijst kan niet. Maak van de binnenste lijst een eigen lijst in de sectie."
                .to_owned()
        }
        Problem::AtLeastTooMany { at_least, of } => format!(
            "`at_least` is {at_least}, maar onder `of` {}. Maak `at_least` kleiner, of voeg voorwaarden toe.",
            match of {
                0 => "staat geen voorwaarde".to_owned(),
                1 => "staat maar één voorwaarde".to_owned(),
                n => format!("staan maar {n} voorwaarden"),
            }
        ),
        Problem::MonthsOutOfRange => {
            "`month_in` noemt geen maand of een maand die niet bestaat. Noem minstens één maand met de getallen 1 (januari) tot en met 12 (december)."
                .to_owned()
        }
        Problem::NotADateField { function, path } => format!(
            "`{function}` werkt alleen met een datumveld, en `{path}` is geen datumveld. Kies een datumveld, of verbeter de naam."
        ),
        Problem::NotAnAnswer {
            value,
            path,
            allowed,
        } if allowed.is_empty() => format!(
            "`{value}` is geen antwoord dat bij `{path}` gekozen kan worden, want `{path}` heeft nog geen antwoorden. Voeg de antwoorden toe onder `options` bij `{path}`."
        ),
        Problem::NotAnAnswer {
            value,
            path,
            allowed,
        } => format!(
            "`{value}` is geen antwoord dat bij `{path}` gekozen kan worden. Kies een van deze antwoorden: {}.",
            allowed
                .iter()
                .map(|a| format!("`{a}`"))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Problem::CompareMismatch => {
            "hier worden twee dingen vergeleken die niet allebei een getal of allebei een datum zijn. Vergelijk een getal met een getal, of een datum met een datum."
                .to_owned()
        }
        Problem::NotNumberOrDate => {
            "de berekening levert geen getal en geen datum op. Reken met getal- of datumvelden, bijvoorbeeld met `plus` of `age`."
                .to_owned()
        }
        Problem::UnreadableDate { date, reason } => format!(
            "`{date}` is geen datum die de controle kan lezen: {}. Schrijf de datum als dd-mm-jjjj met een jaar van 1900 tot en met 2100, bijvoorbeeld 01-08-2026.",
            date_reason_nl(reason)
        ),
        Problem::TakesNumbers { function } => format!(
            "`{function}` rekent alleen met getallen, maar krijgt hier iets anders. Gebruik getalvelden of getallen, zoals `{{ number = \"1\" }}`."
        ),
        Problem::TakesTwoDates { function } => format!(
            "`{function}` rekent met twee datums, maar krijgt hier iets anders. Gebruik datumvelden, een datum zoals `{{ date = \"01-08-2026\" }}` of `\"today\"`."
        ),
        Problem::TakesDate { function } => format!(
            "`{function}` rekent met een datum, maar krijgt hier iets anders. Gebruik een datumveld, een datum zoals `{{ date = \"01-08-2026\" }}` of `\"today\"`."
        ),
        Problem::TooFewValues { function, at_least } => format!(
            "`{function}` heeft minstens {} nodig. Voeg de ontbrekende waarden toe.",
            values_nl(*at_least)
        ),
        Problem::MixedTypes { function } => format!(
            "`{function}` krijgt getallen en datums door elkaar. Geef alleen getallen of alleen datums."
        ),
        Problem::NotAList { function, path } => format!(
            "`{function}` werkt alleen met een lijst, en `{path}` is geen lijst. Kies een veld met `type = \"list\"`, of verbeter de naam."
        ),
        Problem::NotANumberInList { function, path } => format!(
            "`{function}` telt een getalveld binnen een lijst op, en `{path}` is dat niet. Kies een getalveld uit een lijst, zoals `lijst.uren`."
        ),
        Problem::NotADateInList { function, path } => format!(
            "`{function}` leest een datumveld binnen een lijst, en `{path}` is dat niet. Kies een datumveld uit een lijst, zoals `lijst.datum`."
        ),
        Problem::AtLeastZero => {
            "`at_least` is 0. Zet `at_least` op 1 of meer.".to_owned()
        }
        Problem::MinMonthsOutOfRange { min_months } => format!(
            "`min_months` is {min_months}; dat moet 1 tot en met 12 zijn. Kies een aantal maanden van 1 tot en met 12."
        ),
        Problem::OtherList { list, path } => format!(
            "`count_where` telt regels van lijst `{list}`, maar leest `{path}` uit een andere lijst. Gebruik alleen velden van `{list}`, zoals `{list}.<veld>`."
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::definition::check::check_form;
    use crate::definition::Form;
    use aanvraagwijzer_test_support::FormToml;

    /// A rule `id` with the given `check` (or other keys), with a field,
    /// message and source where `keys` gives none.
    fn rule(id: &str, keys: &str) -> String {
        let mut text = format!("[[rules]]\nid = \"{id}\"\n{keys}\n");
        for (key, default) in [
            ("field", "\"start\""),
            ("message", "\"Klopt niet.\""),
            ("source", "\"s\""),
        ] {
            if !keys.lines().any(|l| l.starts_with(&format!("{key} ="))) {
                text.push_str(&format!("{key} = {default}\n"));
            }
        }
        text
    }

    /// A field written out, for keys `FormToml` fills in itself (`label`).
    fn raw_field(keys: &str) -> String {
        format!(
            "  [[sections.fields]]\n{}\n",
            keys.lines()
                .map(|l| format!("  {}", l.trim()))
                .collect::<Vec<_>>()
                .join("\n")
        )
    }

    /// One form file with nearly every mistake `check_form` knows (a circle
    /// of named values stops the checks, so it has its own file).
    fn broken_forms() -> Vec<String> {
        let rules = [
            (
                "leeg",
                r#"message = " "
check.holds = { field = "naam", filled = true }"#,
            ),
            ("woorden", r#"check.contains_any = [" "]"#),
            (
                "woorden-voorwaarde",
                r#"check.holds = { field = "naam", contains_any = [] }"#,
            ),
            ("nergens", r#"check.holds = { condition = "nergens" }"#),
            (
                "waarde-nergens",
                r#"check.compare = { left = { value = "nergens" }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "te-veel",
                r#"check.holds = { at_least = 3, of = [{ field = "naam", filled = true }] }"#,
            ),
            (
                "maand-13",
                r#"check.holds = { field = "start", month_in = [13] }"#,
            ),
            (
                "maand-tekst",
                r#"check.holds = { field = "naam", month_in = [1] }"#,
            ),
            (
                "geen-antwoord",
                r#"check.holds = { field = "soort", equals = "9" }"#,
            ),
            (
                "appels-peren",
                r#"check.compare = { left = { field = "start" }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "datum-vorm",
                r#"check.compare = { left = { field = "start" }, op = ">", right = { date = "2026-08-01" } }"#,
            ),
            (
                "datum-31-feb",
                r#"check.compare = { left = { field = "start" }, op = ">", right = { date = "31-02-2027" } }"#,
            ),
            (
                "datum-3000",
                r#"check.compare = { left = { field = "start" }, op = ">", right = { date = "01-01-3000" } }"#,
            ),
            (
                "plus-datum",
                r#"check.compare = { left = { plus = [{ field = "start" }] }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "plus-leeg",
                r#"check.compare = { left = { plus = [] }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "min-een",
                r#"check.compare = { left = { minus = [{ field = "uren" }] }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "leeftijd-tekst",
                r#"check.compare = { left = { age = { birth = { field = "naam" }, on = "today" } }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "schooljaar-getal",
                r#"check.compare = { left = { school_year_end = { field = "uren" } }, op = ">", right = "today" }"#,
            ),
            (
                "eerste-gemengd",
                r#"check.compare = { left = { first_of = [{ field = "uren" }, "today"] }, op = ">", right = "today" }"#,
            ),
            (
                "eerste-leeg",
                r#"check.compare = { left = { first_of = [] }, op = ">", right = "today" }"#,
            ),
            (
                "tel-geen-lijst",
                r#"check.compare = { left = { count = "naam" }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "som-geen-lijst",
                r#"check.compare = { left = { sum = "uren" }, op = ">", right = { number = "1" } }"#,
            ),
            (
                "kort",
                r#"check.compare = { left = { school_years_short = { dates = "start", at_least = 0, from = { field = "start" }, to = "today", min_months = 13 } }, op = "==", right = { number = "0" } }"#,
            ),
            (
                "andere-lijst",
                r#"check.compare = { left = { count_where = { list = "steun", where = { field = "andere.x", filled = true } } }, op = ">=", right = { number = "1" } }"#,
            ),
            (
                "veld-nergens",
                r#"field = "nergens"
check.holds = { field = "naam", filled = true }"#,
            ),
            (
                "bron-nergens",
                r#"source = "nergens"
check.holds = { field = "naam", filled = true }"#,
            ),
        ];
        let mut everything = FormToml::new("test/nl")
            .field("start", "date")
            .field("naam", "text")
            .field("uren", "number")
            .field_with("soort", "choice", r#"options = [{ value = "4", label = "Vier" }, { value = "5", label = "Vijf" }]"#)
            .list("steun", "regel", &[("uren", "number", ""), ("datum", "date", "")])
            .list("andere", "regel", &[("x", "number", "")])
            .field("Naam-Fout", "text")
            .raw(&raw_field("id = \"leeg\"\nlabel = \" \"\ntype = \"text\""))
            .field("naam", "text")
            .field_with("beide", "text", "required = true\nrecommended = true")
            .field_with("bestand", "text", r#"hint = "Vul de bestandsnaam in.""#)
            .field_with("bijlage", "attachment", r#"hint = "Naam van het bestand"
confirmations = [" "]"#)
            .field_with("keuze", "choice", "options = []")
            .field_with("dubbel", "choice", r#"options = [{ value = "a", label = "A" }, { value = "a", label = "Ook A" }]"#)
            .field_with("getal", "number", "min = \"5\"\nmax = \"1\"")
            .field_with("handtekening", "signature", "signer = \"deskundige\"\nsigns_for = \"gezien\"")
            .field_with("eigen-bron", "text", "source = \"nergens\"")
            .field_with("als", "text", r#"when = { field = "nergens", filled = true }"#)
            .field_with("regels", "list", "item_label = \"regel\"\nmin_items = 3\nmax_items = 1")
            .raw("    [[sections.fields.fields]]\n    id = \"binnen\"\n    label = \"Binnen\"\n    type = \"list\"\n    item_label = \"regel\"\n      [[sections.fields.fields.fields]]\n      id = \"diep\"\n      label = \"Diep\"\n      type = \"text\"")
            .raw("[[sections]]\nid = \"controleer\"\ntitle = \"Controle\"\nsource = \"nergens\"\nwhen = { field = \"nergens\", filled = true }")
            .field("school", "text");
        for (id, keys) in rules {
            everything = everything.raw(&rule(id, keys));
        }
        let everything = everything
            .raw("[[summary]]\nlabel = \"Tekst\"\nvalue = { field = \"naam\" }")
            .raw("[[summary]]\nlabel = \"Leeg\"\ntexts = [{ text = \" \", when = { field = \"nergens\", filled = true } }]")
            .raw("[[summary]]\nlabel = \"Niets\"")
            .raw("[values]\ntekst = { field = \"naam\" }\nverwijst = { value = \"nergens\" }\nveld = { field = \"nergens\" }")
            .raw("[conditions]\nveld = { field = \"nergens\", filled = true }")
            .raw("[submission]\ntext = \" \"\nsource = \"nergens\"")
            .raw("[signing]\ntext = \" \"\nsource = \"nergens\"")
            .raw("[sources.leeg]\ndocument = \"zonder-titel\"\nsection = \" \"\nquote = \"q\"")
            .build()
            .replacen(
                "[documents]\n",
                "[documents]\nongebruikt = \"Niemand noemt dit\"\n",
                1,
            )
            .replacen("version = \"1\"", "version = \" \"", 1)
            .replacen("description = \"Een formulier om te testen.\"", "description = \"\"", 1);
        let everything = format!(
            "notes = [\" \", {{ text = \"Bij soort 4.\", when = {{ field = \"nergens\", filled = true }} }}]\nsource = \"nergens\"\n{everything}"
        );
        let circle = FormToml::new("test/nl")
            .field("uren", "number")
            .raw("[values]\na = { plus = [{ value = \"b\" }] }\nb = { plus = [{ value = \"a\" }] }")
            .build();
        vec![everything, circle]
    }

    /// Every `Problem`, by name: the match has no catch-all, so a new kind
    /// of problem does not compile until it is named here and in `ALL`.
    fn kind(p: &Problem) -> &'static str {
        match p {
            Problem::VersionEmpty => "VersionEmpty",
            Problem::DescriptionLength { .. } => "DescriptionLength",
            Problem::TextEmpty => "TextEmpty",
            Problem::UnknownName { .. } => "UnknownName",
            Problem::Cycle { .. } => "Cycle",
            Problem::SectionIsCheckPage => "SectionIsCheckPage",
            Problem::SummaryNotNumber => "SummaryNotNumber",
            Problem::SummaryTextEmpty => "SummaryTextEmpty",
            Problem::ValueOrTexts => "ValueOrTexts",
            Problem::MessageEmpty => "MessageEmpty",
            Problem::NoWords => "NoWords",
            Problem::BadFieldId => "BadFieldId",
            Problem::LabelEmpty => "LabelEmpty",
            Problem::RequiredAndRecommended => "RequiredAndRecommended",
            Problem::AsksForFileName => "AsksForFileName",
            Problem::AttachmentAsksFileName => "AttachmentAsksFileName",
            Problem::ConfirmationEmpty => "ConfirmationEmpty",
            Problem::NoOptions => "NoOptions",
            Problem::OptionTwice { .. } => "OptionTwice",
            Problem::MinAboveMax => "MinAboveMax",
            Problem::SignsForNotParents => "SignsForNotParents",
            Problem::MinItemsAboveMax => "MinItemsAboveMax",
            Problem::ListInList => "ListInList",
            Problem::AtLeastTooMany { .. } => "AtLeastTooMany",
            Problem::MonthsOutOfRange => "MonthsOutOfRange",
            Problem::NotADateField { .. } => "NotADateField",
            Problem::NotAnAnswer { .. } => "NotAnAnswer",
            Problem::CompareMismatch => "CompareMismatch",
            Problem::NotNumberOrDate => "NotNumberOrDate",
            Problem::UnreadableDate { .. } => "UnreadableDate",
            Problem::TakesNumbers { .. } => "TakesNumbers",
            Problem::TakesTwoDates { .. } => "TakesTwoDates",
            Problem::TakesDate { .. } => "TakesDate",
            Problem::TooFewValues { .. } => "TooFewValues",
            Problem::MixedTypes { .. } => "MixedTypes",
            Problem::NotAList { .. } => "NotAList",
            Problem::NotANumberInList { .. } => "NotANumberInList",
            Problem::NotADateInList { .. } => "NotADateInList",
            Problem::AtLeastZero => "AtLeastZero",
            Problem::MinMonthsOutOfRange { .. } => "MinMonthsOutOfRange",
            Problem::OtherList { .. } => "OtherList",
        }
    }

    const ALL: [&str; 41] = [
        "VersionEmpty",
        "DescriptionLength",
        "TextEmpty",
        "UnknownName",
        "Cycle",
        "SectionIsCheckPage",
        "SummaryNotNumber",
        "SummaryTextEmpty",
        "ValueOrTexts",
        "MessageEmpty",
        "NoWords",
        "BadFieldId",
        "LabelEmpty",
        "RequiredAndRecommended",
        "AsksForFileName",
        "AttachmentAsksFileName",
        "ConfirmationEmpty",
        "NoOptions",
        "OptionTwice",
        "MinAboveMax",
        "SignsForNotParents",
        "MinItemsAboveMax",
        "ListInList",
        "AtLeastTooMany",
        "MonthsOutOfRange",
        "NotADateField",
        "NotAnAnswer",
        "CompareMismatch",
        "NotNumberOrDate",
        "UnreadableDate",
        "TakesNumbers",
        "TakesTwoDates",
        "TakesDate",
        "TooFewValues",
        "MixedTypes",
        "NotAList",
        "NotANumberInList",
        "NotADateInList",
        "AtLeastZero",
        "MinMonthsOutOfRange",
        "OtherList",
    ];

    /// English words a Dutch message has no business holding outside its
    /// `code` (the form file's own keys and names, between backticks).
    const ENGLISH: [&str; 40] = [
        "the",
        "must",
        "empty",
        "needs",
        "need",
        "field",
        "not",
        "which",
        "refers",
        "takes",
        "take",
        "give",
        "value",
        "values",
        "rule",
        "section",
        "note",
        "summary",
        "line",
        "condition",
        "submission",
        "signing",
        "form",
        "source",
        "number",
        "numbers",
        "date",
        "dates",
        "list",
        "option",
        "options",
        "label",
        "message",
        "text",
        "and",
        "or",
        "to",
        "with",
        "has",
        "does",
    ];

    /// The verbs a last sentence starts with when it says what to do.
    const NEXT_STEP: [&str; 14] = [
        "Noem",
        "Vul",
        "Geef",
        "Kies",
        "Schrijf",
        "Haal",
        "Maak",
        "Voeg",
        "Verbeter",
        "Gebruik",
        "Zet",
        "Vergelijk",
        "Reken",
        "Controleer",
    ];

    /// The message without its `code` spans, which stay as the file has them.
    fn prose(message: &str) -> String {
        message
            .split('`')
            .enumerate()
            .map(|(i, part)| if i % 2 == 0 { part } else { "x" })
            .collect()
    }

    /// What keeps `message` from being a Dutch sentence that ends with what
    /// to do, if anything.
    fn not_plain_dutch(message: &str) -> Option<String> {
        if !message.chars().next().is_some_and(char::is_uppercase) {
            return Some("no capital".to_owned());
        }
        let prose = prose(message);
        if let Some(word) = prose
            .split(|c: char| !c.is_alphabetic())
            .find(|w| ENGLISH.contains(&w.to_lowercase().as_str()))
        {
            return Some(format!("English `{word}`"));
        }
        let Some(sentences) = prose.trim_end().strip_suffix('.') else {
            return Some("no full stop".to_owned());
        };
        let last = sentences.rsplit(". ").next().unwrap_or(sentences);
        let verb = last.split(' ').next().unwrap_or_default();
        (!NEXT_STEP.contains(&verb)).then(|| "the last sentence does not say what to do".to_owned())
    }

    #[test]
    fn the_english_and_a_missing_next_step_are_caught() {
        assert_eq!(
            not_plain_dutch("Veld `x`: label is empty. Pas dit aan."),
            Some("English `label`".to_owned())
        );
        assert_eq!(
            not_plain_dutch("Veld `x`: de vraag is leeg."),
            Some("the last sentence does not say what to do".to_owned())
        );
        assert_eq!(
            not_plain_dutch("Veld `label`: de vraag is leeg. Vul de vraag in."),
            None
        );
    }

    #[test]
    fn every_problem_of_check_form_reads_in_dutch_and_says_what_to_do() {
        let mut seen = std::collections::BTreeSet::new();
        let mut places = std::collections::BTreeSet::new();
        let mut count = 0;
        let mut wrong = Vec::new();
        for text in broken_forms() {
            let form: Form = toml::from_str(&text).expect("the broken form parses");
            for e in check_form(&form, "test") {
                count += 1;
                if let DefinitionError::Invalid { problem, .. } = &e {
                    seen.insert(kind(problem));
                }
                match &e {
                    DefinitionError::UnknownField { place, .. }
                    | DefinitionError::UnknownSource { place, .. }
                    | DefinitionError::MissingSource { place }
                    | DefinitionError::Invalid { place, .. } => {
                        places.insert(place.split(' ').next().unwrap_or_default().to_owned());
                    }
                    _ => {}
                }
                let message = message_nl(&e);
                if let Some(why) = not_plain_dutch(&message) {
                    wrong.push(format!("{why}: {message}\n  ({e})"));
                }
            }
        }
        assert!(wrong.is_empty(), "{}", wrong.join("\n"));
        let missing: Vec<&str> = ALL.iter().copied().filter(|k| !seen.contains(k)).collect();
        assert!(missing.is_empty(), "no broken form shows {missing:?}");
        let expected: std::collections::BTreeSet<String> = [
            "condition",
            "field",
            "form",
            "note",
            "rule",
            "section",
            "signing",
            "submission",
            "summary",
            "value",
        ]
        .map(str::to_owned)
        .into();
        assert_eq!(places, expected, "a place is missing from the broken forms");
        assert!(count > 60, "{count}");
    }

    #[cfg(feature = "diagnose")]
    #[test]
    fn every_problem_is_found_at_a_name_in_the_file() {
        use crate::diagnose::check_form_text;
        let [everything, _] = <[String; 2]>::try_from(broken_forms()).expect("two forms");
        let diagnostics = check_form_text(&everything, "test");
        assert!(diagnostics.len() > 60, "{}", diagnostics.len());
        for d in &diagnostics {
            assert!(
                d.path.is_some(),
                "no place in the file for: {}",
                d.message_nl
            );
        }
        let line_of = |needle: &str| {
            diagnostics
                .iter()
                .find(|d| d.message_nl.contains(needle))
                .map(|d| {
                    everything
                        .lines()
                        .nth(d.line - 1)
                        .unwrap_or_default()
                        .to_owned()
                })
        };
        assert_eq!(line_of("de versie").as_deref(), Some("version = \" \""));
        assert_eq!(
            line_of("Het indienen (`[submission]`): de tekst").as_deref(),
            Some("[submission]")
        );
    }
}
