//! Text for the built-in Helvetica: WinAnsi encoding, widths, wrapping.

use crate::metrics::{HELVETICA, HELVETICA_BOLD};

/// The two faces the summary uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// Helvetica.
    Regular,
    /// Helvetica-Bold.
    Bold,
}

// The WinAnsi table lives in the core, which warns about every character
// it lacks (`aanvraagwijzer::printable`), so the two cannot drift.
use aanvraagwijzer::printable::winansi;

/// A stand-in for characters WinAnsi lacks: the letter without its accent for
/// names from other alphabets, ASCII for symbols, `?` for the rest.
fn fallback(c: char) -> &'static str {
    match c {
        '\t' => " ",
        c if c.is_whitespace() => " ",
        '‐' | '‑' | '‒' | '−' => "-",
        '′' => "'",
        '″' => "\"",
        '✓' | '✔' | '☑' => "v",
        '✗' | '✘' | '☒' => "x",
        '→' => "->",
        '←' => "<-",
        '≥' => ">=",
        '≤' => "<=",
        '≠' => "!=",
        'ĳ' => "ij",
        'Ĳ' => "IJ",
        'ı' => "i",
        'İ' => "I",
        'ş' | 'ś' | 'ș' => "s",
        'Ş' | 'Ś' | 'Ș' => "S",
        'ğ' => "g",
        'Ğ' => "G",
        'ł' => "l",
        'Ł' => "L",
        'č' | 'ć' | 'ĉ' => "c",
        'Č' | 'Ć' => "C",
        'ő' => "ö",
        'Ő' => "Ö",
        'ű' => "ü",
        'Ű' => "Ü",
        'ř' => "r",
        'Ř' => "R",
        'ę' | 'ē' | 'ė' | 'ě' => "e",
        'Ę' | 'Ē' | 'Ė' | 'Ě' => "E",
        'ą' | 'ā' | 'ă' => "a",
        'Ą' | 'Ā' | 'Ă' => "A",
        'ń' | 'ň' => "n",
        'Ń' | 'Ň' => "N",
        'ż' | 'ź' => "z",
        'Ż' | 'Ź' => "Z",
        'ț' | 'ť' => "t",
        'Ț' | 'Ť' => "T",
        'ī' | 'į' => "i",
        'ū' | 'ů' => "u",
        'ď' | 'đ' => "d",
        'Đ' | 'Ď' => "D",
        _ => "?",
    }
}

/// Encodes text to WinAnsi bytes; never fails (see `fallback`). Control
/// characters other than tab are dropped; line breaks are the caller's.
pub fn encode(text: &str) -> Vec<u8> {
    let mut out = Vec::with_capacity(text.len());
    for c in text.chars() {
        if let Some(b) = winansi(c) {
            out.push(b);
        } else if c.is_control() && c != '\t' {
            continue;
        } else {
            out.extend(fallback(c).chars().filter_map(winansi));
        }
    }
    out
}

/// The AFM width table of a face (units of 1/1000 em, from byte 32 on).
fn table(face: Face) -> &'static [u16] {
    match face {
        Face::Regular => &HELVETICA,
        Face::Bold => &HELVETICA_BOLD,
    }
}

/// Width of one encoded byte in font units; control bytes are zero wide.
fn units(table: &[u16], byte: u8) -> u32 {
    byte.checked_sub(32)
        .and_then(|i| table.get(usize::from(i)))
        .map_or(0, |&w| u32::from(w))
}

/// Width of encoded bytes in points.
pub fn width_bytes(bytes: &[u8], face: Face, size: f32) -> f32 {
    let table = table(face);
    let units: u32 = bytes.iter().map(|&b| units(table, b)).sum();
    units as f32 * size / 1000.0
}

/// Width of text in points.
pub fn width(text: &str, face: Face, size: f32) -> f32 {
    width_bytes(&encode(text), face, size)
}

/// Splits a word that is wider than `max` into pieces that each fit (at
/// least one byte per piece, so a byte wider than a line still moves on).
/// One pass over the word: a pasted word of millions of characters must not
/// freeze the browser, so no piece is measured or copied twice.
fn break_word(word: &[u8], face: Face, size: f32, max: f32) -> Vec<&[u8]> {
    let table = table(face);
    // Compare in font units so that no rounding of running sums can differ
    // from `width_bytes` on the finished piece.
    let max_units = max * 1000.0 / size;
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut acc: u32 = 0;
    for (i, &b) in word.iter().enumerate() {
        let w = units(table, b);
        if i > start && (acc + w) as f32 > max_units {
            pieces.push(&word[start..i]);
            start = i;
            acc = 0;
        }
        acc += w;
    }
    pieces.push(&word[start..]);
    pieces
}

/// Wraps text into lines of at most `max` points; paragraphs (`\n`) stay
/// apart, words longer than a line are broken. Returns encoded lines.
/// Runs in time linear in the length of the text.
pub fn wrap(text: &str, face: Face, size: f32, max: f32) -> Vec<Vec<u8>> {
    let mut lines = Vec::new();
    let space = width_bytes(b" ", face, size);
    for para in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let mut line: Vec<u8> = Vec::new();
        let mut line_w = 0.0;
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let word = encode(word);
            let w = width_bytes(&word, face, size);
            if !line.is_empty() && line_w + space + w <= max {
                line.push(b' ');
                line.extend_from_slice(&word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push(std::mem::take(&mut line));
            }
            if w > max && word.len() > 1 {
                // A word wider than a line on its own: its last piece starts
                // the next line, so that following words can join it.
                let mut pieces = break_word(&word, face, size, max);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces.into_iter().map(<[u8]>::to_vec));
                line = last.to_vec();
                line_w = width_bytes(&line, face, size);
            } else {
                line = word;
                line_w = w;
            }
        }
        lines.push(line);
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_letters_and_euro_are_winansi() {
        assert_eq!(encode("€ 1.650,00"), b"\x80 1.650,00");
        assert_eq!(
            encode("ë é ï ö ü è ç"),
            b"\xeb \xe9 \xef \xf6 \xfc \xe8 \xe7"
        );
        assert_eq!(
            encode("‘coördinator’ – “ja”"),
            b"\x91co\xf6rdinator\x92 \x96 \x93ja\x94"
        );
    }

    #[test]
    fn missing_characters_get_a_fallback_and_never_panic() {
        assert_eq!(encode("Łukasz Şahin ✓ 😀"), b"Lukasz Sahin v ?");
        assert_eq!(encode("a\u{0}b\u{7}c"), b"abc");
    }

    #[test]
    fn measures_with_the_afm_widths() {
        // "Hello": H 722 + e 556 + l 222 + l 222 + o 556 = 2278 units.
        assert!((width("Hello", Face::Regular, 10.0) - 22.78).abs() < 0.001);
        assert!(width("Hello", Face::Bold, 10.0) > width("Hello", Face::Regular, 10.0));
    }

    #[test]
    fn wraps_within_the_width() {
        let text = "De leerling heeft ondersteuning nodig bij rekenen en taal, vooral bij begrijpend lezen.";
        let lines = wrap(text, Face::Regular, 10.0, 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(width_bytes(l, Face::Regular, 10.0) <= 120.0);
        }
        let long = "x".repeat(500);
        assert!(wrap(&long, Face::Regular, 10.0, 100.0).len() > 5);
        assert_eq!(wrap("a\n\nb", Face::Regular, 10.0, 100.0).len(), 3);
    }

    #[test]
    fn a_broken_word_keeps_every_byte_and_each_piece_fits() {
        let word = "Onderwijsondersteuningsarrangementsbespreking".repeat(7);
        let lines = wrap(&word, Face::Bold, 10.0, 90.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), word.as_bytes());
        for l in &lines {
            assert!(width_bytes(l, Face::Bold, 10.0) <= 90.0);
        }
        // The rest of a broken word shares its line with what follows.
        let after = wrap(&format!("{word} en"), Face::Bold, 10.0, 90.0);
        assert_eq!(after.len(), lines.len());
        assert!(after.last().is_some_and(|l| l.ends_with(b" en")));
    }

    #[test]
    fn a_pasted_word_of_millions_of_characters_wraps_in_one_pass() {
        // 1.6 million characters without a space: the old wrapper measured
        // and copied the rest of the word for every line it cut, which took
        // about 19 s in a release build and stalls a debug test run for
        // minutes; the one-pass wrapper is done in well under a second.
        let word = "w".repeat(1_600_000);
        let lines = wrap(&word, Face::Regular, 10.0, 100.0);
        let per_line = lines[0].len();
        assert!(per_line > 1);
        assert_eq!(lines.len(), 1_600_000_usize.div_ceil(per_line));
        assert_eq!(lines.iter().map(Vec::len).sum::<usize>(), 1_600_000);
    }
}
