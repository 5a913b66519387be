//! Attachment names that unpack the same on Windows, macOS and Linux.
//!
//! A package is unpacked by SWV staff on whatever computer they have. Names
//! that are fine in a browser can go wrong there: Windows refuses `CON.pdf`,
//! `a:b` or a trailing dot, and silently merges `Verslag.pdf` with
//! `verslag.pdf`; macOS stores names decomposed (NFD), so "Zoë.pdf" typed on
//! Windows (NFC) and on a Mac are two names in the ZIP but one file on disk;
//! a right-to-left override (U+202E) makes `rapport` + U+202E + `fdp.exe` look like
//! `rapportexe.pdf`.
//!
//! [`clean`] turns every such name into one that is safe everywhere. Nothing
//! is refused: renaming keeps the user's file, and [`crate::build`] reports
//! each new name so the user can see it. [`check`] is the other side: a
//! package holding a name that [`clean`] would have changed, or two names one
//! file system would merge, was not written by Aanvraagwijzer.

use std::collections::BTreeSet;

use aanvraagwijzer::normalize::nfc;

/// Longest attachment name, in bytes (UTF-8); the ZIP path adds `bijlagen/`,
/// and file systems allow 255.
pub const MAX_NAME_BYTES: usize = 200;

/// The name used when nothing usable is left of the original.
const FALLBACK: &str = "bijlage";

/// Names Windows reserves for devices, with or without an extension
/// (`NUL.txt` is the device too). Superscript digits count on Windows as well.
fn is_reserved(name: &str) -> bool {
    let stem = name.split('.').next().unwrap_or(name).trim_end_matches(' ');
    let upper = stem.to_uppercase();
    if matches!(
        upper.as_str(),
        "CON" | "PRN" | "AUX" | "NUL" | "CONIN$" | "CONOUT$"
    ) {
        return true;
    }
    let mut chars = upper.chars();
    let prefix: String = chars.by_ref().take(3).collect();
    let rest: String = chars.collect();
    (prefix == "COM" || prefix == "LPT")
        && matches!(
            rest.as_str(),
            "1" | "2" | "3" | "4" | "5" | "6" | "7" | "8" | "9" | "¹" | "²" | "³"
        )
}

/// Invisible characters that change how a name looks or reads: bidi controls
/// (U+202A–U+202E, U+2066–U+2069, marks U+200E/U+200F/U+061C), zero-width
/// characters and the byte-order mark. They are dropped, so the name shows
/// what it is.
pub fn is_invisible(c: char) -> bool {
    matches!(
        c,
        '\u{061C}'
            | '\u{200B}'..='\u{200F}'
            | '\u{202A}'..='\u{202E}'
            | '\u{2060}'..='\u{2069}'
            | '\u{FEFF}'
    )
}

/// Characters Windows forbids in names, control characters and the Unicode
/// line and paragraph separators: replaced by `_`.
fn is_forbidden(c: char) -> bool {
    c.is_control()
        || matches!(
            c,
            '<' | '>' | ':' | '"' | '/' | '\\' | '|' | '?' | '*' | '\u{2028}' | '\u{2029}'
        )
}

/// A name safe on every system: the last path segment, in NFC, without
/// invisible characters, with forbidden and control characters as `_`,
/// without leading dots or spaces or trailing dots or spaces, not a reserved
/// device name, at most [`MAX_NAME_BYTES`] (the extension kept).
pub fn clean(name: &str) -> String {
    let last = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let mut s: String = nfc(last)
        .chars()
        .filter(|&c| !is_invisible(c))
        .map(|c| if is_forbidden(c) { '_' } else { c })
        .collect();
    s = s
        .trim_start_matches(|c: char| c == '.' || c.is_whitespace())
        .trim_end_matches(|c: char| c == '.' || c.is_whitespace())
        .to_owned();
    if s.len() > MAX_NAME_BYTES {
        s = shorten(&s);
    }
    if s.is_empty() {
        s = FALLBACK.to_owned();
    }
    if is_reserved(&s) {
        s.insert(0, '_');
    }
    s
}

/// Cuts the stem so the name fits, keeping a short extension.
fn shorten(s: &str) -> String {
    let (stem, ext) = match s.rsplit_once('.') {
        Some((stem, ext)) if !stem.is_empty() && ext.len() <= 16 => (stem, Some(ext)),
        _ => (s, None),
    };
    let room = MAX_NAME_BYTES - ext.map_or(0, |e| e.len() + 1);
    let mut cut = room.min(stem.len());
    while !stem.is_char_boundary(cut) {
        cut -= 1;
    }
    let stem = stem[..cut].trim_end_matches(|c: char| c == '.' || c.is_whitespace());
    match ext {
        Some(ext) => format!("{stem}.{ext}"),
        None => stem.to_owned(),
    }
}

/// The key under which two names are one file somewhere: NFC, then
/// lower case (Windows and macOS ignore case by default).
fn fold(name: &str) -> String {
    nfc(name).to_lowercase()
}

/// Hands out clean names that no file system merges, numbering twins
/// ("Verslag (2).pdf").
#[derive(Debug, Default)]
pub struct Namer {
    taken: BTreeSet<String>,
}

impl Namer {
    /// The name `wanted` gets in the package.
    pub fn name(&mut self, wanted: &str) -> String {
        let base = clean(wanted);
        let mut name = base.clone();
        let mut n = 2;
        while !self.taken.insert(fold(&name)) {
            name = match base.rsplit_once('.') {
                Some((stem, ext)) if !stem.is_empty() => format!("{stem} ({n}).{ext}"),
                _ => format!("{base} ({n})"),
            };
            n += 1;
        }
        name
    }
}

/// Why a name in a package would unpack badly, in Dutch; `None` when fine.
/// `others` are the names seen before it.
pub fn check(name: &str, others: &mut BTreeSet<String>) -> Option<&'static str> {
    if clean(name) != name {
        return Some(if name.chars().any(is_invisible) {
            "er staan onzichtbare tekens in die de naam anders laten lezen dan hij is"
        } else if name.chars().any(is_forbidden) {
            "er staan tekens in die Windows niet toestaat"
        } else if is_reserved(name) {
            "Windows gebruikt deze naam voor een apparaat"
        } else if nfc(name) != name {
            "de naam is anders gecodeerd (NFD) dan Aanvraagwijzer namen schrijft (NFC)"
        } else {
            "de naam begint of eindigt met een punt of spatie, of is te lang"
        });
    }
    if !others.insert(fold(name)) {
        return Some("er is al een bijlage met dezelfde naam op hoofdletters na; Windows en macOS maken daar één bestand van");
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clean_names_are_kept() {
        for ok in [
            "Groeidocument Daan.pdf",
            "Zoë.pdf",
            "verslag 2026 (def).docx",
            "a.b.c",
        ] {
            assert_eq!(clean(ok), ok);
        }
    }

    #[test]
    fn reserved_device_names_with_or_without_extension() {
        for bad in [
            "CON",
            "con.pdf",
            "Nul.tar.gz",
            "COM1.txt",
            "lpt9",
            "AUX .pdf",
            "COM¹",
        ] {
            assert!(is_reserved(bad), "{bad}");
        }
        for ok in [
            "CONTRACT.pdf",
            "COM10.txt",
            "LPT.pdf",
            "console.pdf",
            "COM0",
        ] {
            assert!(!is_reserved(ok), "{ok}");
        }
    }

    #[test]
    fn long_names_keep_their_extension() {
        let long = format!("{}.pdf", "é".repeat(300));
        let short = clean(&long);
        assert!(short.len() <= MAX_NAME_BYTES);
        assert!(short.ends_with("é.pdf"));
    }
}
