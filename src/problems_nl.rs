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
        _ => None,
    }
}

/// A named value or condition in Dutch: "waarde `x`".
fn name_nl(kind: NameKind, name: &str) -> String {
    match kind {
        NameKind::Value => format!("waarde `{name}`"),
        NameKind::Condition => format!("voorwaarde `{name}`"),
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
        Problem::DescriptionLength { chars } => format!(
            "de beschrijving (`description`) is {chars} tekens lang; dat moet 1 tot 200 tekens zijn. Schrijf in één of twee korte zinnen waar het formulier voor is."
        ),
        Problem::TextEmpty => {
            "de tekst (`text`) is leeg. Vul de tekst in, of haal dit onderdeel weg.".to_owned()
        }
        Problem::UnknownName { kind, name } => format!(
            "verwijst naar {}, maar die staat niet onder `[{}s]`. Voeg die toe onder `[{}s]`, of verbeter de naam.",
            name_nl(*kind, name),
            kind.keyword(),
            kind.keyword()
        ),
        Problem::Cycle { chain } => format!(
            "deze waarden en voorwaarden verwijzen in een kring naar elkaar: {}. Haal een van deze verwijzingen weg, zodat de berekening ergens begint.",
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
            "geef óf `value` (een getal) óf `texts` (teksten), niet allebei en niet geen van beide. Kies een van de twee."
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
            "`at_least` is {at_least}, maar er staan maar {of} voorwaarden onder `of`. Maak `at_least` kleiner, of voeg voorwaarden toe."
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
