//! Text in the embedded font (see `font`): which characters print, widths,
//! wrapping. Text stays a Rust string until the page is written; the writer
//! turns it into glyph ids of the document's font subset.

use aanvraagwijzer::printable::is_printable;

use crate::font::font;

/// The two faces the summary uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Face {
    /// DejaVu Sans.
    Regular,
    /// DejaVu Sans Bold.
    Bold,
}

/// A stand-in for the few characters the font lacks: ASCII for symbols, `?`
/// for the rest. The core warns about every one of them
/// (`aanvraagwijzer::printable`, the same table).
fn fallback(c: char) -> &'static str {
    match c {
        '✓' | '✔' | '☑' => "v",
        '✗' | '✘' | '☒' => "x",
        '≥' => ">=",
        '≤' => "<=",
        '≠' => "!=",
        _ => "?",
    }
}

/// The text as the summary prints it; never fails. Control characters other
/// than tab are dropped, whitespace becomes a space (line breaks are the
/// caller's), characters the font lacks get a stand-in.
pub fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if c.is_whitespace() {
            out.push(' ');
        } else if c.is_control() {
            continue;
        } else if is_printable(c) {
            out.push(c);
        } else {
            out.extend(fallback(c).chars().filter(|&c| is_printable(c)));
        }
    }
    out
}

/// The width of encoded text in points.
pub fn measure(text: &str, face: Face, size: f32) -> f32 {
    let font = font(face);
    let units: f32 = text.chars().map(|c| font.advance(c)).sum();
    units * size / 1000.0
}

/// The width of `text` in points.
pub fn width(text: &str, face: Face, size: f32) -> f32 {
    measure(&encode(text), face, size)
}

/// Cuts a word wider than `max` into pieces that each fit (a piece holds at
/// least one character). One pass over the word: linear in its length.
fn break_word(word: &str, face: Face, size: f32, max: f32) -> Vec<&str> {
    let font = font(face);
    let max_units = max * 1000.0 / size;
    let mut pieces = Vec::new();
    let mut start = 0;
    let mut acc = 0.0;
    for (i, c) in word.char_indices() {
        let w = font.advance(c);
        if i > start && acc + w > max_units {
            pieces.push(&word[start..i]);
            start = i;
            acc = 0.0;
        }
        acc += w;
    }
    pieces.push(&word[start..]);
    pieces
}

/// Wraps `text` into encoded lines of at most `max` points. Line breaks in
/// the text are kept (an empty line stays an empty line); a word longer than
/// a line is cut.
pub fn wrap(text: &str, face: Face, size: f32, max: f32) -> Vec<String> {
    wrap_spaced(text, face, size, max)
        .into_iter()
        .map(|(line, _)| line)
        .collect()
}

/// [`wrap`], each line with whether white space (a space or a line break)
/// separates it from the next: the tagged PDF's text then keeps its word
/// boundaries, where a line cut inside a long word gets none.
pub fn wrap_spaced(text: &str, face: Face, size: f32, max: f32) -> Vec<(String, bool)> {
    let mut lines = Vec::new();
    let space = measure(" ", face, size);
    for para in text.replace("\r\n", "\n").replace('\r', "\n").split('\n') {
        let mut line = String::new();
        let mut line_w = 0.0;
        let para = encode(para);
        for word in para.split(' ').filter(|w| !w.is_empty()) {
            let w = measure(word, face, size);
            if !line.is_empty() && line_w + space + w <= max {
                line.push(' ');
                line.push_str(word);
                line_w += space + w;
                continue;
            }
            if !line.is_empty() {
                lines.push((std::mem::take(&mut line), true));
            }
            if w > max && word.chars().nth(1).is_some() {
                // A word wider than a line on its own: its last piece starts
                // the next line, so that following words can join it.
                let mut pieces = break_word(word, face, size, max);
                let last = pieces.pop().unwrap_or_default();
                lines.extend(pieces.into_iter().map(|p| (p.to_owned(), false)));
                line = last.to_owned();
                line_w = measure(&line, face, size);
            } else {
                line = word.to_owned();
                line_w = w;
            }
        }
        lines.push((line, true));
    }
    if let Some(last) = lines.last_mut() {
        last.1 = false;
    }
    lines
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_from_many_scripts_print_as_typed() {
        for name in [
            "€ 1.650,00 ‘coördinator’ – “ja”",
            "Ağaoğlu Şükrü İpek",
            "Łódź",
            "Νικολάου",
            "Кузнецова",
            "Nguyễn Thị",
            "כהן",
            "محمد",
        ] {
            assert_eq!(encode(name), name);
        }
    }

    #[test]
    fn missing_characters_get_a_fallback_and_never_panic() {
        assert_eq!(encode("Şahin ✓ 😀"), "Şahin v ?");
        assert_eq!(encode("a\u{0}b\u{7}c\td"), "abc d");
    }

    #[test]
    fn measures_with_the_font_widths() {
        let w = width("Hello", Face::Regular, 10.0);
        assert!(w > 20.0 && w < 35.0, "{w}");
        assert!(width("Hello", Face::Bold, 10.0) > w);
        assert_eq!(
            width("😀", Face::Regular, 10.0),
            width("?", Face::Regular, 10.0)
        );
    }

    #[test]
    fn wraps_within_the_width() {
        let text = "De leerling heeft ondersteuning nodig bij rekenen en taal, vooral bij begrijpend lezen.";
        let lines = wrap(text, Face::Regular, 10.0, 120.0);
        assert!(lines.len() > 2);
        for l in &lines {
            assert!(measure(l, Face::Regular, 10.0) <= 120.0);
        }
        let long = "x".repeat(500);
        assert!(wrap(&long, Face::Regular, 10.0, 100.0).len() > 5);
        assert_eq!(wrap("a\n\nb", Face::Regular, 10.0, 100.0).len(), 3);
    }

    #[test]
    fn a_broken_word_keeps_every_character_and_each_piece_fits() {
        let word = "Onderwijsondersteuningsarrangementsbespreking".repeat(7);
        let lines = wrap(&word, Face::Bold, 10.0, 90.0);
        assert!(lines.len() > 3);
        assert_eq!(lines.concat(), word);
        for l in &lines {
            assert!(measure(l, Face::Bold, 10.0) <= 90.0);
        }
        // The rest of a broken word shares its line with what follows.
        let after = wrap(&format!("{word} en"), Face::Bold, 10.0, 90.0);
        assert_eq!(after.len(), lines.len());
        assert!(after.last().is_some_and(|l| l.ends_with(" en")));
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
        assert_eq!(lines.iter().map(String::len).sum::<usize>(), 1_600_000);
    }
}
