//! Reading input files with a bound: a file larger than the limit is refused
//! without being read whole (a 1 GB "aanvraag.json" must not take 1 GB of memory).

use std::io::Read;
use std::path::Path;

use aanvraagwijzer::document::MAX_DOCUMENT_BYTES;
use aanvraagwijzer::{Document, DocumentError};

use crate::CliError;

/// A file read up to a limit.
pub enum Bounded {
    /// The whole file, at most the limit.
    Bytes(Vec<u8>),
    /// The file is larger than the limit; its size as far as known.
    TooLarge(u64),
}

/// Reads at most `max` bytes of `path`. The size on disk is checked first, so
/// a large (or sparse) file is refused without reading; reading stops after
/// `max + 1` bytes for files that do not know their size (pipes, devices).
pub fn read_bounded(path: &Path, max: u64) -> Result<Bounded, CliError> {
    let read_err = |source| CliError::Read {
        path: path.to_path_buf(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    if let Ok(meta) = file.metadata() {
        if meta.is_file() && meta.len() > max {
            return Ok(Bounded::TooLarge(meta.len()));
        }
    }
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > max {
        return Ok(Bounded::TooLarge(bytes.len() as u64));
    }
    Ok(Bounded::Bytes(bytes))
}

/// Reads and parses a document (JSON), refusing one over the core's
/// [`MAX_DOCUMENT_BYTES`] with the core's own Dutch message.
pub fn read_document(path: &Path) -> Result<Document, CliError> {
    let doc_err = |source| CliError::Document {
        path: path.to_path_buf(),
        source,
    };
    let bytes = match read_bounded(path, MAX_DOCUMENT_BYTES as u64)? {
        Bounded::Bytes(b) => b,
        Bounded::TooLarge(size) => {
            return Err(doc_err(DocumentError::TooLarge {
                size: usize::try_from(size).unwrap_or(usize::MAX),
                max: MAX_DOCUMENT_BYTES,
            }))
        }
    };
    let text = String::from_utf8(bytes).map_err(|_| CliError::Read {
        path: path.to_path_buf(),
        source: std::io::Error::new(
            std::io::ErrorKind::InvalidData,
            "het bestand is geen UTF-8-tekst",
        ),
    })?;
    Document::from_json(&text).map_err(doc_err)
}
