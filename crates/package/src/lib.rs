//! The submission package a school hands in to its SWV (RSV Breda PO: in Tommy): one ZIP that stands on its own.
//!
//! ```text
//! aanvraag.json        the answers (a core `Document`), for machines
//! samenvatting.pdf     the summary for people (crates/pdf)
//! bijlagen/<naam>      the files the user added
//! manifest.json        form id and version, core version, creation time,
//!                      size and SHA-256 of every other file, and the verdict
//! ```
//!
//! The parts are tied together: the manifest hashes every file, aanvraag.json
//! is the one canonical serialisation of its document, the PDF is rendered by
//! this crate from that document (see [`render_pdf`]; rendering is
//! deterministic, so [`verify`] renders it again and compares bytes), the
//! manifest's verdict must equal a fresh validation, and the ZIP is written in
//! one canonical layout, so [`verify`] notices a changed byte anywhere and a
//! PDF that shows other answers. Without a signature key a determined forger
//! can still make a new, consistent package with this tool itself; a package
//! proves that its PDF shows its answers and that nothing changed after it was
//! made, not who made it.
//!
//! Re-validation uses the manifest's creation date, so a package made on day X
//! gets the same verdict whenever and wherever it is verified.
//!
//! A package holds only answers to fields that apply ([`minimised`]): an answer
//! the user typed and then hid (a diagnosis, say) never reaches the SWV. The
//! manifest says how many such answers were left out.

#![warn(missing_docs)]

mod error;
mod message_nl;
pub mod names;
pub mod pin;
pub mod zip;

use std::collections::BTreeSet;

use aanvraagwijzer::{
    applicable_answers, attachment_answers, AnswerPath, Document, DocumentError, Form, Part,
    Verdict, CORE_VERSION, SIZE_KEY,
};
use chrono::{DateTime, NaiveDateTime, TimeDelta, Timelike, Utc};
use serde::{Deserialize, Serialize};
use serde_json::Value;
use sha2::{Digest, Sha256};

pub use error::PackageError;
pub use zip::Entry;

/// Name of the answers file in a package.
pub const DOCUMENT_FILE: &str = "aanvraag.json";
/// Name of the PDF summary in a package.
pub const PDF_FILE: &str = "samenvatting.pdf";
/// Name of the manifest in a package.
pub const MANIFEST_FILE: &str = "manifest.json";
/// Folder of the user's attachments in a package.
pub const ATTACHMENT_DIR: &str = "bijlagen/";
/// Value of `format` in every manifest.
pub const FORMAT: &str = "aanvraagwijzer-pakket";
/// Version of the package format this crate writes and reads.
pub const FORMAT_VERSION: u32 = 1;
/// How `created` is written in the manifest (local time of the maker).
pub const CREATED_FORMAT: &str = "%Y-%m-%dT%H:%M:%S";

/// Bounds on what [`open`] and [`verify`] accept; everything beyond is refused
/// before it takes memory.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Size of the ZIP file itself.
    pub max_package_bytes: u64,
    /// Number of entries in the ZIP.
    pub max_entries: usize,
    /// Unpacked size of one entry.
    pub max_entry_bytes: u64,
    /// Unpacked size of all entries together.
    pub max_total_bytes: u64,
    /// Size of manifest.json (aanvraag.json is bounded by the core's
    /// `MAX_DOCUMENT_BYTES`; serde_json bounds nesting at 128 levels).
    pub max_manifest_bytes: u64,
}

/// One mebibyte, the unit the limits are written in and users read ("32 MB").
pub const MB: u64 = 1024 * 1024;

impl Limits {
    /// The limits every package maker and reader uses, as a constant so the
    /// site can refuse a too large file before it loads the package module.
    pub const DEFAULT: Limits = Limits {
        max_package_bytes: 64 * MB,
        max_entries: 100,
        max_entry_bytes: 32 * MB,
        max_total_bytes: 64 * MB,
        max_manifest_bytes: 4 * MB,
    };

    /// Room kept in [`Limits::max_total_bytes`] for aanvraag.json,
    /// samenvatting.pdf and manifest.json, so attachments that fit when picked
    /// still fit when the package is made.
    pub const RESERVED_FOR_PACKAGE_FILES: u64 = 4 * MB;

    /// The most all attachments together may take.
    pub const fn max_attachments_bytes(&self) -> u64 {
        self.max_total_bytes
            .saturating_sub(Self::RESERVED_FOR_PACKAGE_FILES)
    }
}

impl Default for Limits {
    fn default() -> Self {
        Limits::DEFAULT
    }
}

/// manifest.json: what the package claims about itself.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Manifest {
    /// Always [`FORMAT`].
    pub format: String,
    /// Always [`FORMAT_VERSION`] for packages this crate writes.
    pub format_version: u32,
    /// Form id, e.g. `rsv-breda-vo/tlv-vso`.
    pub form: String,
    /// Version of the form (and its criteria) the answers were checked against.
    pub form_version: String,
    /// Version of the core that made the package.
    pub core_version: String,
    /// When the package was made, local time, [`CREATED_FORMAT`].
    pub created: String,
    /// Every other file in the package, in ZIP order.
    pub files: Vec<ManifestFile>,
    /// The verdict at creation, validated as of the creation date.
    pub verdict: Verdict,
    /// How many answers to questions that no longer applied were left out of
    /// aanvraag.json and the PDF (see [`minimised`]). Written only when not
    /// zero, so manifests of packages made before this field still read and
    /// verify byte for byte; absent means none were left out.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub hidden_answers_left_out: usize,
    /// SHA-256 of the canonical JSON of the exact form definition used
    /// ([`pin::definition_sha256`]). Absent in packages made before the pin;
    /// those still verify, judged by form id and version only.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub form_sha256: Option<String>,
}

fn is_zero(n: &usize) -> bool {
    *n == 0
}

/// One file listed in the manifest.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ManifestFile {
    /// Path inside the ZIP.
    pub path: String,
    /// Size in bytes.
    pub size: u64,
    /// Lower-case hex.
    pub sha256: String,
}

/// A file the user chose at an attachment field, to go under `bijlagen/`;
/// [`build`] matches it to the answer that names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Attachment {
    /// The file's own name as chosen in the browser, the name its attachment
    /// answer lists; made safe by [`build`].
    pub name: String,
    /// The file's content.
    pub bytes: Vec<u8>,
}

/// Lower-case hex SHA-256.
pub fn sha256_hex(bytes: &[u8]) -> String {
    let digest = Sha256::digest(bytes);
    let mut s = String::with_capacity(64);
    for b in digest {
        s.push_str(&format!("{b:02x}"));
    }
    s
}

/// The bytes of aanvraag.json for a document, exactly as [`build`] writes them.
pub fn document_bytes(doc: &Document) -> Result<Vec<u8>, PackageError> {
    serde_json::to_vec_pretty(doc).map_err(|e| PackageError::Manifest {
        reason: e.to_string(),
    })
}

/// The line that ties the PDF to the answers: core version, creation time and
/// the SHA-256 of aanvraag.json. [`render_pdf`] writes it into the PDF's
/// metadata (people see the hash in its closing section).
pub fn pdf_tie(doc: &Document, created: NaiveDateTime) -> Result<String, PackageError> {
    let hash = sha256_hex(&document_bytes(doc)?);
    Ok(tie_line(
        CORE_VERSION,
        &created.format(CREATED_FORMAT).to_string(),
        &hash,
    ))
}

fn tie_line(core_version: &str, created: &str, document_sha256: &str) -> String {
    format!("aanvraagwijzer {core_version} {created} aanvraag.json sha256 {document_sha256}")
}

/// The document as it goes into a package made at `created`: only the answers
/// to fields that apply on that date, and how many other answers were left
/// out. Render the PDF from this document (with [`pdf_tie`] of it); [`build`]
/// minimises the document it is given in the same way. The verdict is the
/// same as that of the full document: hidden answers never count.
pub fn minimised(form: &Form, doc: &Document, created: NaiveDateTime) -> (Document, usize) {
    applicable_answers(form, doc, created.date())
}

/// The verdict a package carries: validation as of the creation date.
pub fn verdict_at(form: &Form, doc: &Document, created: NaiveDateTime) -> Verdict {
    Verdict::of(form, doc, created.date())
}

/// How late a creation time may lie after the verifier's clock before
/// [`verify`] flags it: `created` is the maker's local wall-clock time without
/// a zone, and Dutch time is at most UTC+2, plus ten minutes of clock skew.
pub const MAX_CREATED_AHEAD_OF_UTC: TimeDelta = TimeDelta::minutes(2 * 60 + 10);

/// The PDF summary exactly as a package made at `created` holds it: the
/// verdict as of that date, the tie ([`pdf_tie`]) in its metadata and the
/// hash of aanvraag.json in its closing section. The CLI's `render` and the
/// browser use this too, so a summary is always the one [`verify`] expects.
pub fn render_pdf(
    form: &Form,
    doc: &Document,
    created: NaiveDateTime,
) -> Result<Vec<u8>, PackageError> {
    if !aanvraagwijzer_pdf::fonts_ready() {
        return Err(PackageError::FontsMissing);
    }
    // As in a package: answers to fields that do not apply are left out
    // (a no-op for a document that is already minimised).
    let (doc, _) = minimised(form, doc, created);
    let doc = &doc;
    let verdict = verdict_at(form, doc, created);
    let options = aanvraagwijzer_pdf::Options {
        tie: Some(pdf_tie(doc, created)?),
        document_sha256: Some(sha256_hex(&document_bytes(doc)?)),
    };
    Ok(aanvraagwijzer_pdf::render_with(
        form, doc, &verdict, created, &options,
    ))
}

/// An attachment that got another name in the package than it had.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Renamed {
    /// The name as given.
    pub from: String,
    /// The name in the package (under `bijlagen/`).
    pub to: String,
}

/// A package made by [`build`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Built {
    /// The ZIP file.
    pub bytes: Vec<u8>,
    /// Attachments whose names were changed so they unpack well everywhere;
    /// tell the user.
    pub renamed: Vec<Renamed>,
    /// Answers to questions that do not apply, left out of the package.
    pub hidden_answers_left_out: usize,
}

/// Makes the package: aanvraag.json, the PDF (rendered here, see
/// [`render_pdf`]), the attachments under `bijlagen/` (names made safe and
/// unique, see [`names`]) and the manifest, as a canonical store-only ZIP.
/// `doc` is the document as the user has it; the package gets its
/// [`minimised`] form (answers to fields that do not apply left out, their
/// number in the manifest).
///
/// `attachments` must be exactly the files the attachment answers of the
/// minimised document list (by name, in form order; see
/// `aanvraagwijzer::attachment_answers`): a listed file that is missing, a
/// file of another size than its answer says, or a file no answer lists is
/// an error. In the package each answer names its file as it is under
/// `bijlagen/` (after [`names`]) with its size, so the PDF lists exactly the
/// files in the package.
pub fn build(
    form: &Form,
    doc: &Document,
    attachments: &[Attachment],
    created: NaiveDateTime,
) -> Result<Built, PackageError> {
    // Seconds are what the manifest keeps; fractions would break the tie.
    let created = created.with_nanosecond(0).unwrap_or(created);
    let (mut doc, hidden_answers_left_out) = minimised(form, doc, created);
    // Exactly the files the answers list, in form order: each answer takes
    // the first given file of its name; a listed file not given, or a given
    // file no answer lists, stops the package.
    let mut given: Vec<Option<&Attachment>> = attachments.iter().map(Some).collect();
    let mut namer = names::Namer::default();
    let mut renamed = Vec::new();
    let mut files = Vec::new();
    for answer in attachment_answers(form, &doc) {
        let file = given
            .iter_mut()
            // Answers are judged in NFC; a file picked on a Mac often has
            // an NFD name ("e" + U+0301): the same name, other code points.
            .find(|g| g.is_some_and(|a| same_name(&a.name, &answer.name)))
            .and_then(Option::take)
            .ok_or_else(|| PackageError::AttachmentMissing {
                field: answer.label.clone(),
                name: answer.name.clone(),
            })?;
        let size = file.bytes.len() as u64;
        if let Some(listed) = answer.size.filter(|&l| l != size) {
            return Err(PackageError::AttachmentOtherSize {
                field: answer.label,
                name: answer.name,
                size,
                listed,
            });
        }
        let name = namer.name(&file.name);
        if name != file.name {
            renamed.push(Renamed {
                from: file.name.clone(),
                to: name.clone(),
            });
        }
        // The answer names the file as it is in the package, with its size,
        // so aanvraag.json and the PDF list exactly what bijlagen/ holds.
        if let Some(obj) = answer_object_mut(&mut doc.answers, &answer.path) {
            obj.insert(Part::Bestandsnaam.key().into(), name.clone().into());
            obj.insert(SIZE_KEY.into(), size.into());
        }
        files.push(Entry {
            name: format!("{ATTACHMENT_DIR}{name}"),
            data: file.bytes.clone(),
        });
    }
    if let Some(extra) = given.into_iter().flatten().next() {
        return Err(PackageError::AttachmentNotAsked {
            name: extra.name.clone(),
        });
    }
    let doc = &doc;
    let mut entries = vec![
        Entry {
            name: DOCUMENT_FILE.into(),
            data: document_bytes(doc)?,
        },
        Entry {
            name: PDF_FILE.into(),
            data: render_pdf(form, doc, created)?,
        },
    ];
    entries.extend(files);
    let limits = Limits::default();
    let total: u64 = entries.iter().map(|e| e.data.len() as u64).sum();
    if total > limits.max_total_bytes {
        return Err(PackageError::TooLarge {
            size: total,
            max: limits.max_total_bytes,
        });
    }
    let manifest = Manifest {
        format: FORMAT.into(),
        format_version: FORMAT_VERSION,
        form: form.id.clone(),
        form_version: form.version.clone(),
        core_version: CORE_VERSION.into(),
        created: created.format(CREATED_FORMAT).to_string(),
        files: entries
            .iter()
            .map(|e| ManifestFile {
                path: e.name.clone(),
                size: e.data.len() as u64,
                sha256: sha256_hex(&e.data),
            })
            .collect(),
        verdict: verdict_at(form, doc, created),
        hidden_answers_left_out,
        form_sha256: Some(pin::definition_sha256(form)),
    };
    entries.push(Entry {
        name: MANIFEST_FILE.into(),
        data: manifest_bytes(&manifest)?,
    });
    Ok(Built {
        bytes: zip::write(&entries, created)?,
        renamed,
        hidden_answers_left_out,
    })
}

/// The answer object at `path` (an attachment answer), to write into.
fn answer_object_mut<'a>(
    answers: &'a mut serde_json::Map<String, Value>,
    path: &AnswerPath,
) -> Option<&'a mut serde_json::Map<String, Value>> {
    let mut segments = path.segments().iter();
    let mut value = answers.get_mut(segments.next()?)?;
    for segment in segments {
        value = match value {
            Value::Array(items) => items.get_mut(segment.parse::<usize>().ok()?)?,
            Value::Object(obj) => obj.get_mut(segment)?,
            _ => return None,
        };
    }
    value.as_object_mut()
}

/// Files as (name, size in bytes when known), in form order.
type FileList<S> = Vec<(String, S)>;

/// The attachments the answers list, as (name, size) in form order, and
/// those the manifest lists under `bijlagen/`.
fn attachment_lists(
    form: &Form,
    document: &Document,
    manifest: &Manifest,
    created: NaiveDateTime,
) -> (FileList<Option<u64>>, FileList<u64>) {
    let (effective, _) = minimised(form, document, created);
    let listed = attachment_answers(form, &effective)
        .into_iter()
        .map(|a| (a.name, a.size))
        .collect();
    let packed = manifest
        .files
        .iter()
        .filter_map(|f| {
            f.path
                .strip_prefix(ATTACHMENT_DIR)
                .filter(|n| !n.is_empty() && !n.contains('/'))
                .map(|n| (n.to_owned(), f.size))
        })
        .collect();
    (listed, packed)
}

fn manifest_bytes(m: &Manifest) -> Result<Vec<u8>, PackageError> {
    serde_json::to_vec_pretty(m).map_err(|e| PackageError::Manifest {
        reason: e.to_string(),
    })
}

/// A package opened to restore the form in the site.
#[derive(Debug, Clone)]
pub struct Opened {
    /// The answers (aanvraag.json).
    pub document: Document,
    /// What the package says about itself.
    pub manifest: Manifest,
    /// The attachments, names without `bijlagen/`.
    pub attachments: Vec<Attachment>,
    /// samenvatting.pdf, when present.
    pub pdf: Option<Vec<u8>>,
}

/// The parts every check needs: entries, manifest, creation time, form, document.
struct Parts<'f> {
    entries: Vec<Entry>,
    manifest_raw: Vec<u8>,
    manifest: Manifest,
    created: NaiveDateTime,
    form: &'f Form,
    document: Document,
}

fn read_parts<'f>(
    bytes: &[u8],
    limits: &Limits,
    forms: &'f [Form],
) -> Result<Parts<'f>, PackageError> {
    let entries = zip::read(bytes, limits)?;
    // Names that would unpack badly on Windows or macOS: Aanvraagwijzer never
    // writes them, and unpacking them could hide or merge a file.
    let mut seen = BTreeSet::new();
    for e in &entries {
        // Directory entries are no attachments; verify reports them as unlisted.
        let attachment = e
            .name
            .strip_prefix(ATTACHMENT_DIR)
            .filter(|n| !n.is_empty() && !n.ends_with('/'));
        if let Some(name) = attachment {
            if let Some(reason) = names::check(name, &mut seen) {
                return Err(PackageError::UnportableName {
                    name: e.name.clone(),
                    reason,
                });
            }
        }
    }
    let find = |name: &str| entries.iter().find(|e| e.name == name);
    let manifest_entry = find(MANIFEST_FILE).ok_or_else(|| PackageError::MissingFile {
        name: MANIFEST_FILE.into(),
    })?;
    if manifest_entry.data.len() as u64 > limits.max_manifest_bytes {
        return Err(PackageError::Manifest {
            reason: format!("{} bytes", manifest_entry.data.len()),
        });
    }
    let manifest: Manifest =
        serde_json::from_slice(&manifest_entry.data).map_err(|e| PackageError::Manifest {
            reason: e.to_string(),
        })?;
    if manifest.format != FORMAT || manifest.format_version != FORMAT_VERSION {
        return Err(PackageError::Manifest {
            reason: format!(
                "format {:?} version {}",
                manifest.format, manifest.format_version
            ),
        });
    }
    let created =
        NaiveDateTime::parse_from_str(&manifest.created, CREATED_FORMAT).map_err(|e| {
            PackageError::Manifest {
                reason: format!("created {:?}: {e}", manifest.created),
            }
        })?;
    let form = forms.iter().find(|f| f.id == manifest.form);
    let form = form.ok_or_else(|| PackageError::UnknownForm {
        form: manifest.form.clone(),
    })?;
    let doc_entry = find(DOCUMENT_FILE).ok_or_else(|| PackageError::MissingFile {
        name: DOCUMENT_FILE.into(),
    })?;
    let text = std::str::from_utf8(&doc_entry.data).map_err(|e| {
        PackageError::Document(DocumentError::Shape {
            reason: e.to_string(),
        })
    })?;
    let document = Document::from_json(text).map_err(PackageError::Document)?;
    let manifest_raw = manifest_entry.data.clone();
    Ok(Parts {
        entries,
        manifest_raw,
        manifest,
        created,
        form,
        document,
    })
}

/// Opens a package to restore the form: the answers, the attachments and the
/// manifest. Does not judge tampering (use [`verify`]); a package for an older
/// version of a known form still opens (validation then warns about the version).
pub fn open(bytes: &[u8], limits: &Limits) -> Result<Opened, PackageError> {
    open_with(bytes, limits, aanvraagwijzer::forms())
}

/// [`open`] with the forms to know (a folder of an SWV's own forms, or the
/// one form the site has loaded) instead of the built-in ones.
pub fn open_with(bytes: &[u8], limits: &Limits, forms: &[Form]) -> Result<Opened, PackageError> {
    let parts = read_parts(bytes, limits, forms)?;
    let pdf = parts
        .entries
        .iter()
        .find(|e| e.name == PDF_FILE)
        .map(|e| e.data.clone());
    let attachments = parts
        .entries
        .into_iter()
        .filter_map(|e| {
            let name = e.name.strip_prefix(ATTACHMENT_DIR)?;
            (!name.is_empty() && !name.contains('/')).then(|| Attachment {
                name: name.to_owned(),
                bytes: e.data,
            })
        })
        .collect();
    Ok(Opened {
        document: parts.document,
        manifest: parts.manifest,
        attachments,
        pdf,
    })
}

/// What kind of tampering was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum TamperKind {
    /// A listed file's bytes differ from the manifest's hash or size.
    FileChanged,
    /// A listed file is not in the package.
    FileMissing,
    /// The package holds a file the manifest does not list.
    FileUnlisted,
    /// The package holds a file or folder, listed or not, where Aanvraagwijzer
    /// puts none (only aanvraag.json, samenvatting.pdf, manifest.json and
    /// files directly under `bijlagen/`).
    FileUnexpected,
    /// aanvraag.json names another form or version than the manifest.
    DocumentMismatch,
    /// The files under `bijlagen/` are not exactly the files the attachment
    /// answers list (name and size, in form order).
    AttachmentsDiffer,
    /// The manifest's verdict differs from validating the answers again.
    FindingsDiffer,
    /// The PDF is not the one these answers render to (or, for a package of
    /// another core version, does not carry the hash of these answers).
    PdfMismatch,
    /// aanvraag.json is not byte for byte the serialisation Aanvraagwijzer
    /// writes (extra bytes, reordered or duplicate keys).
    DocumentNotCanonical,
    /// The creation time lies in the future.
    CreatedInFuture,
    /// manifest.json is not as Aanvraagwijzer wrote it.
    ManifestEdited,
    /// The ZIP container itself was changed (repacked, edited headers).
    ContainerChanged,
}

/// One sign of tampering, with a Dutch message.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tampering {
    /// What was found.
    pub kind: TamperKind,
    /// The file concerned, if one.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    /// Dutch, for people: what changed and what it means.
    pub message: String,
}

/// The result of [`verify`]: is the package intact, and the verdict on its answers.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VerifyReport {
    /// No sign of tampering.
    pub intact: bool,
    /// Signs of tampering, empty when intact.
    pub tampering: Vec<Tampering>,
    /// What the package says about itself.
    pub manifest: Manifest,
    /// The answers validated again, as of the manifest's creation date.
    pub verdict: Verdict,
    /// The PDF was rendered again from aanvraag.json and is byte for byte the
    /// one in the package: it shows exactly these answers. False for a
    /// package made by another core version (see `notes`) or when other
    /// tampering was found first.
    pub pdf_proven: bool,
    /// Dutch, for people: what this check could not prove, and why.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
}

impl VerifyReport {
    /// Intact, the PDF proven to show these answers, and without blocking
    /// findings: the package can go to the SWV.
    pub fn ok(&self) -> bool {
        self.intact && self.pdf_proven && self.verdict.valid
    }

    /// One Dutch sentence about the package as a whole.
    pub fn headline_nl(&self) -> String {
        message_nl::headline(self)
    }
}

/// Verifies a package: every hash and size in the manifest, no unlisted
/// entries (directories too), aanvraag.json exactly as this core serialises
/// it, the PDF rendered again from it byte for byte, a creation time not after
/// `now` (beyond [`MAX_CREATED_AHEAD_OF_UTC`]), the manifest and container
/// exactly as written, and the answers validated again with this core as of
/// the creation date, compared with the manifest's verdict.
///
/// A package made by another core version cannot have its PDF rendered
/// identically: then only the PDF's tie to the answers is checked,
/// `pdf_proven` is false and `notes` says so.
///
/// `Err` means the package cannot be read at all (not a ZIP, hostile, unknown
/// form or version, attachment names that unpack badly); tampering with a
/// readable package is in the report.
pub fn verify(
    bytes: &[u8],
    limits: &Limits,
    now: DateTime<Utc>,
) -> Result<VerifyReport, PackageError> {
    verify_with(bytes, limits, now, aanvraagwijzer::forms())
}

/// [`verify`] judging with these forms (`--forms DIR`, or the definition the
/// site loaded) instead of the built-in ones. With the manifest's pin, a form
/// of the same id and version but another definition is refused
/// ([`PackageError::OtherDefinition`]), never used to judge.
pub fn verify_with(
    bytes: &[u8],
    limits: &Limits,
    now: DateTime<Utc>,
    forms: &[Form],
) -> Result<VerifyReport, PackageError> {
    let parts = read_parts(bytes, limits, forms)?;
    let Parts {
        entries,
        manifest_raw,
        manifest,
        created,
        form,
        document,
    } = parts;
    if manifest.form_version != form.version {
        return Err(PackageError::UnknownFormVersion {
            form: manifest.form.clone(),
            version: manifest.form_version.clone(),
            known: form.version.clone(),
        });
    }
    if let Some(pinned) = &manifest.form_sha256 {
        if *pinned != pin::definition_sha256(form) {
            return Err(PackageError::OtherDefinition {
                form: manifest.form.clone(),
                version: manifest.form_version.clone(),
            });
        }
    }
    let mut found = Vec::new();

    let mut listed = BTreeSet::new();
    for f in &manifest.files {
        if !listed.insert(f.path.as_str()) || f.path == MANIFEST_FILE {
            flag(
                &mut found,
                TamperKind::ManifestEdited,
                Some(&f.path),
                message_nl::listed_twice(&f.path),
            );
            continue;
        }
        match entries.iter().find(|e| e.name == f.path) {
            None => flag(
                &mut found,
                TamperKind::FileMissing,
                Some(&f.path),
                message_nl::file_missing(&f.path),
            ),
            Some(e) if e.data.len() as u64 != f.size || sha256_hex(&e.data) != f.sha256 => flag(
                &mut found,
                TamperKind::FileChanged,
                Some(&f.path),
                message_nl::file_changed(&f.path),
            ),
            Some(_) => {}
        }
    }
    for e in &entries {
        // Aanvraagwijzer writes no directory entries: an empty folder is as
        // foreign as an extra file, listed in the manifest or not.
        let expected = matches!(e.name.as_str(), DOCUMENT_FILE | PDF_FILE | MANIFEST_FILE)
            || e.name
                .strip_prefix(ATTACHMENT_DIR)
                .is_some_and(|n| !n.is_empty() && !n.contains('/'));
        if e.name != MANIFEST_FILE && !listed.contains(e.name.as_str()) {
            let message = message_nl::file_unlisted(&e.name);
            flag(&mut found, TamperKind::FileUnlisted, Some(&e.name), message);
        } else if !expected {
            let message = message_nl::file_unexpected(&e.name);
            flag(
                &mut found,
                TamperKind::FileUnexpected,
                Some(&e.name),
                message,
            );
        }
    }
    for required in [DOCUMENT_FILE, PDF_FILE] {
        // A required file that is present but unlisted was reported above.
        if !listed.contains(required) && entries.iter().all(|e| e.name != required) {
            flag(
                &mut found,
                TamperKind::FileMissing,
                Some(required),
                message_nl::required_missing(required),
            );
        }
    }
    if document.form != manifest.form || document.form_version != manifest.form_version {
        flag(
            &mut found,
            TamperKind::DocumentMismatch,
            Some(DOCUMENT_FILE),
            message_nl::document_mismatch(&document, &manifest),
        );
    }

    let (listed, packed) = attachment_lists(form, &document, &manifest, created);
    let same = listed.len() == packed.len()
        && listed
            .iter()
            .zip(&packed)
            .all(|((ln, ls), (pn, ps))| ln == pn && ls.is_none_or(|s| s == *ps));
    if !same {
        flag(
            &mut found,
            TamperKind::AttachmentsDiffer,
            Some(ATTACHMENT_DIR),
            message_nl::attachments_differ(
                &listed.into_iter().map(|(n, _)| n).collect::<Vec<_>>(),
                &packed.into_iter().map(|(n, _)| n).collect::<Vec<_>>(),
            ),
        );
    }

    let verdict = verdict_at(form, &document, created);
    let mut claimed = manifest.verdict.clone();
    if claimed.core_version != manifest.core_version {
        flag(
            &mut found,
            TamperKind::ManifestEdited,
            Some(MANIFEST_FILE),
            message_nl::two_core_versions(),
        );
    }
    claimed.core_version = verdict.core_version.clone();
    if claimed != verdict {
        flag(
            &mut found,
            TamperKind::FindingsDiffer,
            Some(MANIFEST_FILE),
            message_nl::findings_differ(&verdict, &manifest.core_version),
        );
    }

    let doc_entry = entries.iter().find(|e| e.name == DOCUMENT_FILE);
    let pdf_entry = entries.iter().find(|e| e.name == PDF_FILE);
    if let Some(doc_entry) = doc_entry {
        // The hash only says the file did not change after the manifest was
        // written; the canonical form says the tool wrote it at all (a second
        // key "naam" that one reader takes and another ignores, padding, a
        // different order: none of that comes out of Aanvraagwijzer).
        if doc_entry.data != document_bytes(&document)? {
            flag(
                &mut found,
                TamperKind::DocumentNotCanonical,
                Some(DOCUMENT_FILE),
                message_nl::document_not_canonical(),
            );
        }
        // The tie is cheap and holds across core versions.
        let tie = tie_line(
            &manifest.core_version,
            &manifest.created,
            &sha256_hex(&doc_entry.data),
        );
        if pdf_entry.is_some_and(|pdf| !contains(&pdf.data, tie.as_bytes())) {
            flag(
                &mut found,
                TamperKind::PdfMismatch,
                Some(PDF_FILE),
                message_nl::pdf_not_tied(),
            );
        }
    }

    let now_utc = now.naive_utc();
    if created > now_utc + MAX_CREATED_AHEAD_OF_UTC {
        flag(
            &mut found,
            TamperKind::CreatedInFuture,
            Some(MANIFEST_FILE),
            message_nl::created_in_future(created),
        );
    }

    if manifest_bytes(&manifest)? != manifest_raw {
        flag(
            &mut found,
            TamperKind::ManifestEdited,
            Some(MANIFEST_FILE),
            message_nl::manifest_edited(),
        );
    }
    if found.is_empty() && zip::write(&entries, created)? != bytes {
        flag(
            &mut found,
            TamperKind::ContainerChanged,
            None,
            message_nl::container_changed(),
        );
    }

    // The proof that people and machines read the same answers: render the
    // PDF again and compare bytes. Only this core's renderer gives this
    // core's bytes; and it is skipped once tampering is found, since the
    // package is untrustworthy already (and rendering is the costly part).
    let mut pdf_proven = false;
    let mut notes = Vec::new();
    if manifest.core_version != CORE_VERSION {
        notes.push(message_nl::other_core_version(&manifest.core_version));
    } else if let (true, Some(pdf)) = (found.is_empty(), pdf_entry) {
        if pdf.data == render_pdf(form, &document, created)? {
            pdf_proven = true;
        } else {
            flag(
                &mut found,
                TamperKind::PdfMismatch,
                Some(PDF_FILE),
                message_nl::pdf_differs(),
            );
        }
    }
    Ok(VerifyReport {
        intact: found.is_empty(),
        tampering: found,
        manifest,
        verdict,
        pdf_proven,
        notes,
    })
}

fn flag(found: &mut Vec<Tampering>, kind: TamperKind, path: Option<&str>, message: String) {
    found.push(Tampering {
        kind,
        path: path.map(str::to_owned),
        message,
    });
}

fn contains(haystack: &[u8], needle: &[u8]) -> bool {
    !needle.is_empty() && haystack.windows(needle.len()).any(|w| w == needle)
}

/// Whether a given file's name is the name an answer lists, in any Unicode
/// normal form and without surrounding spaces.
fn same_name(file: &str, listed: &str) -> bool {
    use aanvraagwijzer::normalize::nfc;
    nfc(file.trim()) == nfc(listed.trim())
}
