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
    /// An attachment answer names a file that was not given to [`crate::build`]
    /// (in the browser: the file was chosen before the page was reloaded).
    #[error("the file {name:?} of field {field:?} was not given")]
    AttachmentMissing {
        /// The field, as people read it.
        field: String,
        /// The file name the answer lists.
        name: String,
    },
    /// A file was given to [`crate::build`] that no attachment answer lists:
    /// the package holds exactly the files the answers name.
    #[error("the file {name:?} belongs to no attachment answer")]
    AttachmentNotAsked {
        /// The file's name.
        name: String,
    },
    /// A given file's size differs from the size its answer lists: another
    /// file than the one chosen.
    #[error("the file {name:?} of field {field:?} is {size} bytes, the answer says {listed}")]
    AttachmentOtherSize {
        /// The field, as people read it.
        field: String,
        /// The file name.
        name: String,
        /// The given file's size.
        size: u64,
        /// The size in the answer.
        listed: u64,
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
    /// A PDF was asked for before its font was there: the browser's package
    /// module is handed the font files at load (`aanvraagwijzer_pdf::use_fonts`).
    #[error("the PDF font has not been loaded")]
    FontsMissing,
}

impl PackageError {
    /// The Dutch message for people, saying what is wrong and what to do.
    pub fn message_nl(&self) -> String {
        crate::message_nl::package_error(self)
    }
}
