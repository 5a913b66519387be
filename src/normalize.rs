//! Unicode NFC, the one form answers are judged, stored and printed in (see
//! `document::nfc_answers`).
//!
//! Normally the `unicode-normalization` crate does it. Its tables are about
//! 50 KB brotli in wasm, and every browser already normalises
//! (`String.prototype.normalize`), so the site builds the core with the
//! feature `platform-nfc` and hands in the browser's normaliser at start
//! ([`use_platform_nfc`]). The site and the package module (both wasm) enable
//! that feature; the CLI and the server keep the crate. The package crate's
//! attachment names go through [`nfc`] too, so one normaliser serves all.

/// Whether `s` is NFC by its characters alone: every character below U+0300
/// (ASCII, Latin-1, Latin Extended-A and -B, IPA: "ë", "é", "ş", "ł", "ő")
/// is NFC-stable with combining class 0, and no two of them compose, so a
/// text of only those is NFC as it stands. That is nearly every answer, and
/// the site checks every answer on every keystroke: this spares the round
/// trip to the browser's normaliser. (Checked against Unicode 14 for every
/// character and every pair below U+0300.)
fn plainly_nfc(s: &str) -> bool {
    s.chars().all(|c| c < '\u{300}')
}

/// `s` in Unicode NFC.
#[cfg(all(feature = "nfc-tables", not(feature = "platform-nfc")))]
pub fn nfc(s: &str) -> String {
    use unicode_normalization::UnicodeNormalization;
    if plainly_nfc(s) {
        return s.to_owned();
    }
    s.nfc().collect()
}

#[cfg(all(feature = "nfc-tables", not(feature = "platform-nfc")))]
pub(crate) fn is_nfc(s: &str) -> bool {
    use unicode_normalization::{is_nfc_quick, IsNormalized};
    if plainly_nfc(s) {
        return true;
    }
    match is_nfc_quick(s.chars()) {
        IsNormalized::Yes => true,
        IsNormalized::No => false,
        IsNormalized::Maybe => unicode_normalization::is_nfc(s),
    }
}

#[cfg(not(any(feature = "nfc-tables", feature = "platform-nfc")))]
compile_error!("aanvraagwijzer needs NFC: enable the feature nfc-tables (default) or platform-nfc");

#[cfg(feature = "platform-nfc")]
static PLATFORM: std::sync::OnceLock<fn(&str) -> String> = std::sync::OnceLock::new();

/// Hands in the platform's NFC (the site: the browser's
/// `String.prototype.normalize("NFC")`). Call it once, before the first
/// validation; later calls are ignored.
#[cfg(feature = "platform-nfc")]
pub fn use_platform_nfc(nfc: fn(&str) -> String) {
    let _ = PLATFORM.set(nfc);
}

/// `s` in Unicode NFC, by the platform's normaliser.
#[cfg(feature = "platform-nfc")]
pub fn nfc(s: &str) -> String {
    if plainly_nfc(s) {
        return s.to_owned();
    }
    match PLATFORM.get() {
        Some(nfc) => nfc(s),
        // Not handed in (a bug in the embedding program): judge as typed
        // rather than stop; the site hands it in before it mounts.
        None => s.to_owned(),
    }
}

#[cfg(feature = "platform-nfc")]
pub(crate) fn is_nfc(s: &str) -> bool {
    plainly_nfc(s) || nfc(s) == s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_turkish_and_polish_names_are_plainly_nfc_and_combining_marks_are_not() {
        for name in [
            "Zoë Şükrü Łukasiewicz-Yılmaz",
            "Anne-Fleur van 't Hoë",
            "Ágnes Kővári",
        ] {
            assert!(plainly_nfc(name), "{name}");
            assert_eq!(nfc(name), name);
        }
        // "e" + U+0308 (as a Mac may send a name) is not: it composes to "ë".
        assert!(!plainly_nfc("Zoe\u{308}"));
        assert_eq!(nfc("Zoe\u{308}"), "Zoë");
    }
}
