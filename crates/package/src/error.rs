//! Why a package could not be read or checked at all.

use aanvraagwijzer::DocumentError;

/// A package that cannot be opened or verified (the CLI's exit code 2).
///
/// Tampering with a readable package is not an error but part of the
/// [`crate::VerifyReport`]; these are packages that cannot be read at all,
/// including every hostile case (ZIP bombs, unsafe names, huge JSON).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PackageError {
    /// The bytes are not a ZIP file.
    #[error("not a ZIP file")]
    NotZip,
    /// The ZIP file itself is larger than allowed.
    #[error("package is {size} bytes, more than the {max} allowed")]
    TooLarge {
        /// Size in bytes.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// More entries than allowed (counted before reading them).
    #[error("package has {count} entries, more than the {max} allowed")]
    TooManyEntries {
        /// Entries the ZIP declares.
        count: usize,
        /// The limit.
        max: usize,
    },
    /// One entry declares an unpacked size beyond the limit (a ZIP bomb).
    #[error("entry {name:?} unpacks to {size} bytes, more than the {max} allowed")]
    EntryTooLarge {
        /// Entry name.
        name: String,
        /// Declared unpacked size.
        size: u64,
        /// The limit.
        max: u64,
    },
    /// All entries together unpack beyond the limit (a ZIP bomb).
    #[error("entries unpack to more than {max} bytes together")]
    TotalTooLarge {
        /// The limit.
        max: u64,
    },
    /// Entries share bytes: the "overlapping files" ZIP bomb.
    #[error("entries overlap (entry {name:?})")]
    Overlapping {
        /// The first entry that overlaps an earlier one.
        name: String,
    },
    /// ZIP64 records; packages never need them.
    #[error("ZIP64 is not used by packages")]
    Zip64,
    /// A compressed entry; packages store their files.
    #[error("entry {name:?} is compressed; packages store their files")]
    Compressed {
        /// Entry name.
        name: String,
    },
    /// An encrypted entry.
    #[error("entry {name:?} is encrypted")]
    Encrypted {
        /// Entry name.
        name: String,
    },
    /// A name that could write outside a folder when unpacked (`..`, `/x`, `\\`).
    #[error("unsafe entry name {name:?}")]
    UnsafeName {
        /// The name as found (lossy UTF-8).
        name: String,
    },
    /// The same name twice.
    #[error("entry name {name:?} occurs twice")]
    DuplicateName {
        /// Entry name.
        name: String,
    },
    /// The ZIP structure is broken.
    #[error("damaged ZIP: {reason}")]
    Corrupt {
        /// What is broken, in Dutch.
        reason: String,
    },
    /// A file without which the package cannot be checked.
    #[error("{name} is missing from the package")]
    MissingFile {
        /// File name.
        name: String,
    },
    /// manifest.json cannot be read.
    #[error("manifest.json is unreadable: {reason}")]
    Manifest {
        /// Why (for logs; not shown to people).
        reason: String,
    },
    /// aanvraag.json cannot be read.
    #[error("aanvraag.json is unreadable: {0}")]
    Document(DocumentError),
    /// A form this core does not have.
    #[error("unknown form {form:?}")]
    UnknownForm {
        /// The form id in the manifest.
        form: String,
    },
    /// A version of a known form that this core does not have.
    #[error("form {form:?} version {version:?} is not known; this core has version {known:?}")]
    UnknownFormVersion {
        /// The form id.
        form: String,
        /// The version in the manifest.
        version: String,
        /// The version this core has.
        known: String,
    },
    /// Same form id and version, but another definition than the one pinned
    /// in the manifest (the form file was changed without a new version).
    #[error("form {form:?} version {version:?}: the package was made with another definition (SHA-256 differs)")]
    OtherDefinition {
        /// The form id.
        form: String,
        /// The version in the manifest.
        version: String,
    },
    /// An attachment name that would unpack badly on Windows or macOS (see
    /// `names`); Aanvraagwijzer never writes one.
    #[error("attachment name {name:?} does not unpack well everywhere: {reason}")]
    UnportableName {
        /// The entry name.
        name: String,
        /// Why, in Dutch.
        reason: &'static str,
    },
}

impl PackageError {
    /// The Dutch message for people, saying what is wrong and what to do.
    pub fn message_nl(&self) -> String {
        const REDO: &str = "Maak het pakket opnieuw met \"Download aanvraag (pakket)\".";
        match self {
            PackageError::NotZip => "Dit bestand is geen pakket van Aanvraagwijzer: het is geen ZIP-bestand. Kies het ZIP-bestand dat u met \"Download aanvraag (pakket)\" hebt gemaakt.".into(),
            PackageError::TooLarge { size, max } => format!(
                "Dit pakket is te groot ({}). Een pakket mag hoogstens {} zijn. Voeg minder of kleinere bijlagen toe.",
                megabytes(*size),
                megabytes(*max)
            ),
            PackageError::TooManyEntries { count, max } => format!(
                "Dit pakket bevat {count} bestanden; dat zijn er meer dan de {max} die een pakket mag hebben. {REDO}"
            ),
            PackageError::EntryTooLarge { name, size, max } => format!(
                "Het bestand \"{name}\" in het pakket wordt uitgepakt {} groot; hoogstens {} mag. Dit lijkt op een zogeheten ZIP-bom en wordt niet geopend.",
                megabytes(*size),
                megabytes(*max)
            ),
            PackageError::TotalTooLarge { max } => format!(
                "De bestanden in dit pakket worden samen groter dan {} als ze worden uitgepakt. Dit lijkt op een zogeheten ZIP-bom en wordt niet geopend.",
                megabytes(*max)
            ),
            PackageError::Overlapping { name } => format!(
                "Bestanden in dit pakket overlappen elkaar (bij \"{name}\"). Dit is een truc van zogeheten ZIP-bommen; het pakket wordt niet geopend."
            ),
            PackageError::Zip64 => format!(
                "Dit ZIP-bestand gebruikt het ZIP64-formaat, dat Aanvraagwijzer niet maakt. {REDO}"
            ),
            PackageError::Compressed { name } => format!(
                "Het bestand \"{name}\" in het pakket is gecomprimeerd. Aanvraagwijzer maakt pakketten zonder compressie; dit pakket is dus opnieuw ingepakt of door een ander programma gemaakt. {REDO}"
            ),
            PackageError::Encrypted { name } => format!(
                "Het bestand \"{name}\" in het pakket is versleuteld met een wachtwoord. Aanvraagwijzer maakt geen versleutelde pakketten. {REDO}"
            ),
            PackageError::UnsafeName { name } => format!(
                "Het pakket bevat een bestand met een onveilige naam (\"{}\"): een naam met \"..\", een schuine streep aan het begin of een backslash kan bij uitpakken bestanden buiten de map overschrijven. Het pakket wordt niet geopend.",
                name.escape_debug()
            ),
            PackageError::DuplicateName { name } => format!(
                "Het pakket bevat het bestand \"{name}\" twee keer. {REDO}"
            ),
            PackageError::Corrupt { reason } => format!(
                "Dit pakket is beschadigd of gewijzigd: {reason}. {REDO}"
            ),
            PackageError::MissingFile { name } => format!(
                "In het pakket ontbreekt {name}. Zonder dit bestand kan het pakket niet worden gecontroleerd. {REDO}"
            ),
            PackageError::Manifest { .. } => format!(
                "Het bestand manifest.json in het pakket is onleesbaar of te groot; het pakket is beschadigd of gewijzigd. {REDO}"
            ),
            PackageError::Document(e) => format!("aanvraag.json in het pakket: {}", e.message_nl()),
            PackageError::UnknownForm { form } => format!(
                "Het pakket hoort bij het formulier \"{form}\", dat Aanvraagwijzer niet kent. Bekijk de formulieren met: aanvraagwijzer forms"
            ),
            PackageError::UnknownFormVersion { form, version, known } => format!(
                "Het pakket is gemaakt voor versie {version} van het formulier \"{form}\". Deze Aanvraagwijzer kent alleen versie {known} en kan het pakket dus niet met dezelfde regels controleren. Gebruik de Aanvraagwijzer-versie waarmee het pakket is gemaakt, of vul het formulier opnieuw in."
            ),
            PackageError::OtherDefinition { form, version } => format!(
                "Dit pakket is gemaakt met een andere versie van dit formulier (\"{form}\", versie {version}): de regels zijn sindsdien veranderd zonder nieuw versienummer. Het pakket kan daarom niet met dezelfde regels worden gecontroleerd. Vraag het samenwerkingsverband om het formulierbestand waarmee het pakket is gemaakt, of laat de school het formulier opnieuw invullen."
            ),
            PackageError::UnportableName { name, reason } => format!(
                "Het pakket bevat een bijlage met een naam die op Windows of macOS niet goed uitpakt (\"{}\": {reason}). Aanvraagwijzer maakt zulke namen niet, dus het pakket is gewijzigd of met een ander programma gemaakt. Het pakket wordt niet geopend; vraag de school om een nieuw pakket.",
                name.escape_debug()
            ),
        }
    }
}

/// "3,4 MB" for people.
fn megabytes(bytes: u64) -> String {
    let tenths = (bytes * 10 + 524_288) / 1_048_576;
    format!("{},{} MB", tenths / 10, tenths % 10)
}
