//! The Dutch texts of the built-in checks, apart from the logic that triggers
//! them. Plain language (B1); every message says what to do next.

use crate::dates::DateError;
use crate::definition::{Field, FieldKind, Part};
use crate::ident::{BrinError, BsnError, PostcodeError};

const MONTHS: [&str; 12] = [
    "januari",
    "februari",
    "maart",
    "april",
    "mei",
    "juni",
    "juli",
    "augustus",
    "september",
    "oktober",
    "november",
    "december",
];

pub(crate) fn missing(field: &Field) -> String {
    if let Some(m) = &field.missing_message {
        return m.clone();
    }
    let l = &field.label;
    match &field.kind {
        FieldKind::Date { .. } => format!("Vul \"{l}\" in als dd-mm-jjjj, bijvoorbeeld 03-09-2012."),
        FieldKind::Choice { .. } | FieldKind::YesNo => format!("Kies een antwoord bij \"{l}\"."),
        FieldKind::MultiChoice { .. } => format!("Kies ten minste één antwoord bij \"{l}\"."),
        FieldKind::Bsn => "Vul het burgerservicenummer van de leerling in (9 cijfers). Heeft de leerling geen BSN? Vul dan het onderwijsnummer in.".into(),
        FieldKind::Person => format!("Vul de naam en de functie in bij \"{l}\"."),
        FieldKind::Signature { signer, .. } => format!(
            "Vul de naam en {} in bij {}.",
            signer.role_phrase_nl(),
            field.subject_nl()
        ),
        FieldKind::Attachment { .. } => format!("Voeg \"{l}\" toe: kies het bestand en bevestig wat erbij staat."),
        FieldKind::List { item_label, .. } => format!("Voeg ten minste één {item_label} toe bij \"{l}\"."),
        _ => format!("Vul \"{l}\" in."),
    }
}

pub(crate) fn recommended(field: &Field) -> String {
    field.missing_message.clone().unwrap_or_else(|| {
        let what = match field.signer() {
            Some(_) => format!("Er staat nog niets bij {}.", field.subject_nl()),
            None => format!("\"{}\" is nog leeg.", field.label),
        };
        format!(
            "{what} Dat mag, maar de commissie verwacht het meestal: vul het in, of leg elders in de aanvraag uit waarom niet."
        )
    })
}

pub(crate) fn wrong_type(field: &Field) -> String {
    format!(
        "Het antwoord bij \"{}\" kon niet worden gelezen. Vul het opnieuw in.",
        field.label
    )
}

pub(crate) fn too_long(field: &Field, len: usize, max: usize) -> String {
    format!(
        "\"{}\" is {len} tekens lang. Maak het korter: ten hoogste {max} tekens.",
        field.label
    )
}

pub(crate) fn too_few_words(field: &Field, words: usize, min: usize) -> String {
    format!(
        "Het antwoord bij \"{}\" is kort ({words} woorden). Beschrijf het in ten minste {min} woorden, zodat de commissie het kan beoordelen.",
        field.label
    )
}

pub(crate) fn date(input: &str, e: &DateError) -> String {
    match e {
        DateError::Format => {
            "Vul de datum in als dd-mm-jjjj, bijvoorbeeld 03-09-2012, of als 3 september 2012."
                .into()
        }
        DateError::Impossible { month, .. } if *month == 0 || *month > 12 => {
            format!(
                "De datum {input} bestaat niet: er is geen maand {month}. Controleer dag en maand."
            )
        }
        DateError::Impossible { day, month, year } => {
            let name = MONTHS[(*month as usize).saturating_sub(1).min(11)];
            if *day == 0 {
                format!("De datum {input} bestaat niet: er is geen dag 0. Controleer de dag.")
            } else {
                format!("De datum {input} bestaat niet: {name} {year} heeft geen {day} dagen. Controleer dag en maand.")
            }
        }
        DateError::Implausible(year) => {
            format!("Het jaar {year} klopt waarschijnlijk niet. Controleer het jaar.")
        }
    }
}

pub(crate) fn date_in_future(input: &str) -> String {
    format!("De datum {input} ligt in de toekomst. Vul een datum in tot en met vandaag.")
}

pub(crate) fn choice_unknown(field: &Field) -> String {
    format!(
        "Kies een van de antwoorden die bij \"{}\" staan.",
        field.label
    )
}

pub(crate) fn bsn(e: &BsnError) -> String {
    match e {
        BsnError::NotDigits => "Een burgerservicenummer bestaat alleen uit cijfers. Vul de 9 cijfers in; spaties, punten of streepjes ertussen mogen.".into(),
        BsnError::Length(n) => format!(
            "Een burgerservicenummer heeft 9 cijfers; u hebt er {n} ingevuld. Begint het nummer met een 0? Typ die 0 dan ook."
        ),
        BsnError::Zero | BsnError::Checksum => "Dit burgerservicenummer bestaat niet: het voldoet niet aan de elfproef. Controleer de cijfers, bijvoorbeeld op een brief van de gemeente. Heeft de leerling geen BSN? Vul dan het onderwijsnummer in.".into(),
    }
}

pub(crate) fn postcode(e: &PostcodeError) -> String {
    match e {
        PostcodeError::Format => {
            "Vul de postcode in als 4 cijfers en 2 letters, bijvoorbeeld 4811 AB.".into()
        }
        PostcodeError::LeadingZero => {
            "Een postcode begint niet met een 0. Controleer de postcode.".into()
        }
        PostcodeError::ForbiddenLetters(l) => {
            format!("Postcodes met de letters {l} bestaan niet. Controleer de postcode.")
        }
        PostcodeError::NotAsciiLetter(c) => format!(
            "De postcode bevat het teken \"{c}\". Een postcode heeft 2 gewone letters van A tot en met Z. Typ de postcode zelf in, bijvoorbeeld 4811 AB."
        ),
    }
}

pub(crate) fn brin(e: &BrinError) -> String {
    match e {
        BrinError::MissingVestiging => "Vul ook het vestigingsnummer in: de 2 cijfers na het brinnummer, bijvoorbeeld 12AB00.".into(),
        BrinError::Format => "Vul het brinnummer met vestigingsnummer in: 2 cijfers, 2 letters en 2 cijfers, bijvoorbeeld 12AB00.".into(),
        BrinError::NotAsciiLetter(c) => format!(
            "Het brinnummer bevat het teken \"{c}\". Een brinnummer heeft 2 gewone letters van A tot en met Z. Typ het nummer zelf in, bijvoorbeeld 12AB00."
        ),
    }
}

pub(crate) fn number_invalid(field: &Field, money: bool) -> String {
    if money {
        format!(
            "Vul bij \"{}\" een bedrag in euro in, bijvoorbeeld 1.250,00.",
            field.label
        )
    } else {
        format!(
            "Vul bij \"{}\" een getal in, bijvoorbeeld 2,5.",
            field.label
        )
    }
}

pub(crate) fn number_too_small(field: &Field, min: &str) -> String {
    format!(
        "Vul bij \"{}\" een getal in van ten minste {min}.",
        field.label
    )
}

pub(crate) fn number_too_large(field: &Field, max: &str) -> String {
    format!("Vul bij \"{}\" ten hoogste {max} in.", field.label)
}

pub(crate) fn number_not_whole(field: &Field) -> String {
    format!(
        "Vul bij \"{}\" een heel getal in, zonder komma.",
        field.label
    )
}

pub(crate) fn part_missing(field: &Field, part: Part) -> String {
    if part == Part::Bestandsnaam {
        return format!("Kies het bestand bij {}.", field.subject_nl());
    }
    let what = match (part, field.signer()) {
        (Part::Functie, Some((signer, _))) => signer.role_phrase_nl(),
        _ => part.in_sentence(),
    };
    format!("Vul {what} in bij {}.", field.subject_nl())
}

pub(crate) fn confirmation_missing(confirmation: &str) -> String {
    format!("Vink aan dat dit klopt: \"{confirmation}\". Klopt het nog niet? Maak het document dan eerst compleet.")
}

pub(crate) fn list_too_short(field: &Field, item_label: &str, min: usize) -> String {
    format!(
        "Voeg bij \"{}\" ten minste {min} × {item_label} toe.",
        field.label
    )
}

pub(crate) fn list_too_long(field: &Field, item_label: &str, max: usize) -> String {
    format!(
        "Bij \"{}\" passen ten hoogste {max} × {item_label}. Haal er een weg.",
        field.label
    )
}

pub(crate) const UNKNOWN_ANSWER: &str =
    "Dit antwoord hoort niet bij een vraag van dit formulier en telt niet mee. U hoeft niets te doen.";

pub(crate) fn form_mismatch(doc_form: &str, form_title: &str) -> String {
    format!("Dit bestand hoort bij een ander formulier ({doc_form}) dan \"{form_title}\". Open het bij het juiste formulier.")
}

pub(crate) fn version_mismatch(doc_version: &str, form_version: &str) -> String {
    format!(
        "Deze aanvraag is gemaakt met versie {doc_version} van het formulier; nu geldt versie {form_version}. Controleer de antwoorden nog eens."
    )
}

/// The findings of one kind in one place left out after the first ones.
pub(crate) fn more_findings(n: usize) -> String {
    let what = if n == 1 { "melding" } else { "meldingen" };
    format!("Er zijn hier nog {n} {what} van dezelfde soort, die niet apart worden getoond. Los eerst de eerste 20 op en controleer de aanvraag dan opnieuw.")
}

/// As [`more_findings`], for findings outside lists: they start at this question.
pub(crate) fn more_findings_from_here(n: usize) -> String {
    let what = if n == 1 { "melding" } else { "meldingen" };
    format!("Bij deze en de volgende vragen zijn er nog {n} {what} van dezelfde soort, die niet apart worden getoond. Los eerst de eerste 20 op en controleer de aanvraag dan opnieuw.")
}
