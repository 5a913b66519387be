//! The Dutch texts of opening and verifying a package, apart from the logic
//! that finds what they report (like the core's `validate/messages.rs`).
//! Plain language (B1); every message says what it means and what to do next.

use aanvraagwijzer::attachments::size_nl;
use aanvraagwijzer::{Document, Verdict, CORE_VERSION};
use chrono::NaiveDateTime;

use crate::{Manifest, PackageError as E, VerifyReport};

/// Why a package cannot be opened or verified at all.
pub(crate) fn package_error(error: &E) -> String {
    const REDO: &str = "Maak het pakket opnieuw met \"Download aanvraag (pakket)\".";
    match error {
        E::NotZip => "Dit bestand is geen pakket van Aanvraagwijzer: het is geen ZIP-bestand. Kies het ZIP-bestand dat u met \"Download aanvraag (pakket)\" hebt gemaakt.".into(),
        E::TooLarge { size, max } => format!(
            "Dit pakket is te groot ({}). Een pakket mag hoogstens {} zijn. Voeg minder of kleinere bijlagen toe.",
            megabytes(*size),
            megabytes(*max)
        ),
        E::TooManyEntries { count, max } => format!(
            "Dit pakket bevat {count} bestanden; dat zijn er meer dan de {max} die een pakket mag hebben. {REDO}"
        ),
        E::EntryTooLarge { name, size, max } => format!(
            "Het bestand \"{name}\" in het pakket wordt uitgepakt {} groot; hoogstens {} mag. Dit lijkt op een zogeheten ZIP-bom en wordt niet geopend.",
            megabytes(*size),
            megabytes(*max)
        ),
        E::TotalTooLarge { max } => format!(
            "De bestanden in dit pakket worden samen groter dan {} als ze worden uitgepakt. Dit lijkt op een zogeheten ZIP-bom en wordt niet geopend.",
            megabytes(*max)
        ),
        E::Overlapping { name } => format!(
            "Bestanden in dit pakket overlappen elkaar (bij \"{name}\"). Dit is een truc van zogeheten ZIP-bommen; het pakket wordt niet geopend."
        ),
        E::Zip64 => format!(
            "Dit ZIP-bestand gebruikt het ZIP64-formaat, dat Aanvraagwijzer niet maakt. {REDO}"
        ),
        E::Compressed { name } => format!(
            "Het bestand \"{name}\" in het pakket is gecomprimeerd. Aanvraagwijzer maakt pakketten zonder compressie; dit pakket is dus opnieuw ingepakt of door een ander programma gemaakt. {REDO}"
        ),
        E::Encrypted { name } => format!(
            "Het bestand \"{name}\" in het pakket is versleuteld met een wachtwoord. Aanvraagwijzer maakt geen versleutelde pakketten. {REDO}"
        ),
        E::UnsafeName { name } => format!(
            "Het pakket bevat een bestand met een onveilige naam (\"{}\"): een naam met \"..\", een schuine streep aan het begin of een backslash kan bij uitpakken bestanden buiten de map overschrijven. Het pakket wordt niet geopend.",
            name.escape_debug()
        ),
        E::DuplicateName { name } => format!(
            "Het pakket bevat het bestand \"{name}\" twee keer. {REDO}"
        ),
        E::Corrupt { reason } => format!(
            "Dit pakket is beschadigd of gewijzigd: {reason}. {REDO}"
        ),
        E::MissingFile { name } => format!(
            "In het pakket ontbreekt {name}. Zonder dit bestand kan het pakket niet worden gecontroleerd. {REDO}"
        ),
        E::Manifest { .. } => format!(
            "Het bestand manifest.json in het pakket is onleesbaar of te groot; het pakket is beschadigd of gewijzigd. {REDO}"
        ),
        E::Document(e) => format!("aanvraag.json in het pakket: {}", e.message_nl()),
        E::UnknownForm { form } => format!(
            "Het pakket hoort bij het formulier \"{form}\", dat Aanvraagwijzer niet kent. Bekijk de formulieren met: aanvraagwijzer forms"
        ),
        E::UnknownFormVersion { form, version, known } => format!(
            "Het pakket is gemaakt voor versie {version} van het formulier \"{form}\". Deze Aanvraagwijzer kent alleen versie {known} en kan het pakket dus niet met dezelfde regels controleren. Gebruik de Aanvraagwijzer-versie waarmee het pakket is gemaakt, of vul het formulier opnieuw in."
        ),
        E::OtherDefinition { form, version } => format!(
            "Dit pakket is gemaakt met een andere versie van dit formulier (\"{form}\", versie {version}): de regels zijn sindsdien veranderd zonder nieuw versienummer. Het pakket kan daarom niet met dezelfde regels worden gecontroleerd. Vraag het samenwerkingsverband om het formulierbestand waarmee het pakket is gemaakt, of laat de school het formulier opnieuw invullen."
        ),
        E::AttachmentMissing { field, name } => format!(
            "Het pakket is niet gemaakt: het bestand \"{name}\" bij \"{field}\" is niet meer op deze pagina (na het herladen of openen bewaart de browser alleen de antwoorden). Kies het bestand opnieuw bij \"{field}\" en maak dan het pakket."
        ),
        E::AttachmentNotAsked { name } => format!(
            "Het pakket is niet gemaakt: het bestand \"{name}\" hoort bij geen vraag in dit formulier. Een pakket bevat alleen de bestanden die bij een vraag zijn gekozen. Kies het bestand bij de vraag waar het hoort, of laat het weg."
        ),
        E::AttachmentOtherSize { field, name, size, listed } => format!(
            "Het pakket is niet gemaakt: het bestand \"{name}\" bij \"{field}\" is {} en niet {} zoals bij het kiezen. Kies het bestand opnieuw bij \"{field}\".",
            size_nl(*size),
            size_nl(*listed)
        ),
        E::UnportableName { name, reason } => format!(
            "Het pakket bevat een bijlage met een naam die op Windows of macOS niet goed uitpakt (\"{}\": {reason}). Aanvraagwijzer maakt zulke namen niet, dus het pakket is gewijzigd of met een ander programma gemaakt. Het pakket wordt niet geopend; vraag de school om een nieuw pakket.",
            name.escape_debug()
        ),
        E::FontsMissing => "De letters voor de PDF zijn niet geladen, dus de samenvatting kan niet worden gemaakt. Controleer de verbinding, vernieuw de pagina en probeer het opnieuw; uw antwoorden in dit tabblad blijven bewaard.".into(),
    }
}

/// One sentence about the package as a whole.
pub(crate) fn headline(report: &VerifyReport) -> String {
    if !report.intact {
        "Het pakket is gewijzigd nadat het is gemaakt: vertrouw de inhoud niet en vraag de school om een nieuw pakket.".into()
    } else if !report.pdf_proven {
        "Aan het pakket is niets veranderd, maar deze versie van Aanvraagwijzer kan niet nagaan of de samenvatting (PDF) precies deze antwoorden toont. Lees de toelichting hieronder.".into()
    } else if report.verdict.valid {
        "Het pakket is ongewijzigd en de aanvraag is compleet.".into()
    } else {
        "Het pakket is ongewijzigd, maar de aanvraag is nog niet compleet.".into()
    }
}

pub(crate) fn listed_twice(path: &str) -> String {
    format!("Het manifest noemt \"{path}\" meer dan eens of op een plek waar het niet hoort.")
}

pub(crate) fn file_missing(path: &str) -> String {
    format!("\"{path}\" staat in het manifest, maar ontbreekt in het pakket.")
}

pub(crate) fn file_changed(path: &str) -> String {
    format!(
        "\"{path}\" is gewijzigd: de inhoud past niet meer bij het controlegetal (SHA-256) in het manifest."
    )
}

/// "De map "x/"" for a directory entry, ""x"" for a file.
fn entry(name: &str) -> String {
    if name.ends_with('/') {
        format!("De map \"{name}\"")
    } else {
        format!("\"{name}\"")
    }
}

pub(crate) fn file_unlisted(name: &str) -> String {
    format!(
        "{} zit in het pakket, maar staat niet in het manifest: het is later toegevoegd.",
        entry(name)
    )
}

pub(crate) fn file_unexpected(name: &str) -> String {
    format!(
        "{} staat op een plek in het pakket waar Aanvraagwijzer niets neerzet: het is later toegevoegd.",
        entry(name)
    )
}

/// The attachments in the package differ from the files the answers list.
pub(crate) fn attachments_differ(listed: &[String], packed: &[String]) -> String {
    let names = |l: &[String]| {
        if l.is_empty() {
            "geen".to_owned()
        } else {
            l.iter()
                .map(|n| format!("\"{n}\""))
                .collect::<Vec<_>>()
                .join(", ")
        }
    };
    format!(
        "De bijlagen in het pakket ({}) zijn niet de bestanden die in de antwoorden staan ({}). Aanvraagwijzer zet precies de gekozen bestanden in het pakket: er is een bijlage toegevoegd, weggehaald of vervangen. Vraag de school om een nieuw pakket.",
        names(packed),
        names(listed)
    )
}

pub(crate) fn required_missing(name: &str) -> String {
    format!("\"{name}\" ontbreekt in het pakket en in het manifest.")
}

pub(crate) fn document_mismatch(document: &Document, manifest: &Manifest) -> String {
    format!(
        "aanvraag.json hoort bij formulier \"{}\" versie {}, het manifest bij \"{}\" versie {}.",
        document.form, document.form_version, manifest.form, manifest.form_version
    )
}

pub(crate) fn two_core_versions() -> String {
    "In het manifest staan twee verschillende versies van Aanvraagwijzer.".into()
}

/// `made_with`: the core version in the manifest; named when it is not this one.
pub(crate) fn findings_differ(verdict: &Verdict, made_with: &str) -> String {
    let why = if made_with != CORE_VERSION {
        format!(
            " Het pakket is gemaakt met Aanvraagwijzer {made_with}, deze controle gebruikt {CORE_VERSION}; vraag bij twijfel een nieuw pakket."
        )
    } else {
        String::new()
    };
    format!(
        "De bevindingen in het manifest verschillen van een nieuwe controle van de antwoorden (op de datum van het pakket, {}).{why}",
        verdict.checked_on
    )
}

pub(crate) fn document_not_canonical() -> String {
    "aanvraag.json is niet precies zoals Aanvraagwijzer het schrijft (er zijn tekens toegevoegd, de volgorde is anders of een gegeven staat er dubbel in): het is buiten Aanvraagwijzer gewijzigd of gemaakt.".into()
}

pub(crate) fn pdf_not_tied() -> String {
    "De samenvatting (PDF) hoort niet bij deze antwoorden of dit tijdstip: één van beide is vervangen of gewijzigd.".into()
}

pub(crate) fn created_in_future(created: NaiveDateTime) -> String {
    format!(
        "Volgens het manifest is het pakket gemaakt op {}, en dat is nog niet geweest. Het tijdstip is gewijzigd, of de klok van de computer waarop het pakket is gemaakt stond verkeerd; vraag de school om een nieuw pakket.",
        created.format("%d-%m-%Y om %H:%M")
    )
}

pub(crate) fn manifest_edited() -> String {
    "manifest.json is met de hand gewijzigd: het is niet meer zoals Aanvraagwijzer het schreef."
        .into()
}

pub(crate) fn container_changed() -> String {
    "Het ZIP-bestand zelf is gewijzigd of opnieuw ingepakt na het maken (de bestanden erin zijn nog gelijk).".into()
}

/// A note, not tampering: another core version renders other PDF bytes.
pub(crate) fn other_core_version(made_with: &str) -> String {
    format!(
        "Het pakket is gemaakt met Aanvraagwijzer {made_with}, deze controle gebruikt versie {CORE_VERSION}. De controlegetallen en de nieuwe controle van de antwoorden gelden nog wel, en de samenvatting (PDF) draagt het controlegetal van deze antwoorden. Maar of de PDF precies deze antwoorden toont, kan alleen Aanvraagwijzer {made_with} nagaan: controleer het pakket met die versie, of vraag de school om een nieuw pakket."
    )
}

pub(crate) fn pdf_differs() -> String {
    "De samenvatting (PDF) toont niet precies deze antwoorden: hij is buiten Aanvraagwijzer gemaakt of gewijzigd. Wat in de PDF staat en wat in aanvraag.json staat kan verschillen; vraag de school om een nieuw pakket.".into()
}

/// "3,4 MB" for people.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{},{} MB", tenths / 10, tenths % 10)
}
