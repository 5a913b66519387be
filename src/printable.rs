//! Which characters the PDF summary can print. The summary embeds DejaVu
//! Sans (crates/pdf/fonts); build.rs reads the font's cmap into the table
//! below, and the PDF crate prints with this table, so that `validate`
//! (browser, CLI, server, verify) warns about exactly the characters the PDF
//! would replace.

use serde_json::{Map, Value};

use crate::definition::{Form, Severity};
use crate::finding::{code, Finding};

include!(concat!(env!("OUT_DIR"), "/font_coverage.rs"));

/// Whether the embedded font (both faces) has a glyph for `c`.
pub fn in_font(c: char) -> bool {
    let u = u32::from(c);
    FONT_RANGES
        .binary_search_by(|&(a, b)| {
            if b < u {
                std::cmp::Ordering::Less
            } else if a > u {
                std::cmp::Ordering::Greater
            } else {
                std::cmp::Ordering::Equal
            }
        })
        .is_ok()
}

/// Whether `c` belongs to a right-to-left script (Hebrew, Arabic). The PDF
/// prints such runs in visual order (crates/pdf, `unicode-bidi`).
pub fn is_right_to_left(c: char) -> bool {
    matches!(u32::from(c), 0x0590..=0x08FF | 0xFB1D..=0xFDFF | 0xFE70..=0xFEFF)
}

/// Whether `c` is an Arabic letter: printed, but without joined letter forms.
fn is_arabic(c: char) -> bool {
    matches!(u32::from(c), 0x0600..=0x06FF | 0x0750..=0x077F)
}

/// Whether the summary shows this character as typed. Whitespace and
/// control characters count as printable: the layout turns them into spaces
/// and line breaks, which changes no name.
pub fn is_printable(c: char) -> bool {
    in_font(c) || c.is_whitespace() || c.is_control()
}

/// The characters of `text` the summary cannot show, each once, in order.
pub fn unprintable(text: &str) -> Vec<char> {
    let mut found: Vec<char> = Vec::new();
    for c in text.chars().filter(|&c| !is_printable(c)) {
        if !found.contains(&c) {
            found.push(c);
        }
    }
    found
}

/// The Dutch message for a field whose text the summary cannot show.
fn message(chars: &[char]) -> String {
    let shown: Vec<String> = chars
        .iter()
        .take(5)
        .map(|c| format!("\u{201C}{c}\u{201D} (U+{:04X})", u32::from(*c)))
        .collect();
    let more = if chars.len() > 5 { " en meer" } else { "" };
    let noun = if chars.len() == 1 {
        "Dit teken kan"
    } else {
        "Deze tekens kunnen"
    };
    format!(
        "{noun} niet in de samenvatting worden afgedrukt: {}{more}. In de PDF komt er een \
         vervangend teken of een letter zonder accent voor in de plaats. Typ de tekst zo \
         nodig opnieuw met gewone letters, of controleer de naam in de PDF en schrijf de \
         juiste spelling erbij.",
        shown.join(", ")
    )
}

/// The warning for Arabic text: the PDF has the letters and their order,
/// but not the joined letter forms (that needs a text shaper).
const ARABIC: &str = "De Arabische letters in dit antwoord komen in de samenvatting los van \
     elkaar te staan (niet aan elkaar geschreven). Controleer de naam in de PDF en schrijf \
     hem zo nodig ook in Latijnse letters op.";

/// Adds a warning for every answer of the form whose text the summary
/// cannot print as typed. Answers the form does not know are skipped (they
/// already get their own finding).
pub(crate) fn check(form: &Form, answers: &Map<String, Value>, findings: &mut Vec<Finding>) {
    for (key, value) in answers {
        if form.fields().any(|f| &f.id == key) {
            let path = format!("/answers/{}", key.replace('~', "~0").replace('/', "~1"));
            walk(value, &path, findings);
        }
    }
}

fn walk(value: &Value, path: &str, findings: &mut Vec<Finding>) {
    match value {
        Value::String(text) => {
            let chars = unprintable(text);
            if !chars.is_empty() {
                findings.push(Finding {
                    code: code::UNPRINTABLE.into(),
                    path: path.to_owned(),
                    severity: Severity::Waarschuwing,
                    message: message(&chars),
                    source: None,
                });
            } else if text.chars().any(is_arabic) {
                findings.push(Finding {
                    code: code::UNPRINTABLE.into(),
                    path: path.to_owned(),
                    severity: Severity::Waarschuwing,
                    message: ARABIC.into(),
                    source: None,
                });
            }
        }
        Value::Array(items) => {
            for (i, item) in items.iter().enumerate() {
                walk(item, &format!("{path}/{i}"), findings);
            }
        }
        Value::Object(map) => {
            for (k, v) in map {
                let key = k.replace('~', "~0").replace('/', "~1");
                walk(v, &format!("{path}/{key}"), findings);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dutch_text_and_the_euro_sign_print() {
        assert!(unprintable("Zoë de Vriés, € 1.650,00 – ‘coördinator’\n\tja").is_empty());
    }

    #[test]
    fn names_in_latin_greek_cyrillic_hebrew_and_arabic_print() {
        for name in [
            "Ağaoğlu Şükrü İpek",
            "Łódź",
            "Νίκος",
            "Дмитрий",
            "Nguyễn Thị",
            "כהן",
            "محمد",
        ] {
            assert!(unprintable(name).is_empty(), "{name}");
        }
    }

    #[test]
    fn what_the_font_lacks_does_not() {
        assert_eq!(unprintable("Zoë 😀 王 ✓"), vec!['😀', '王', '✓']);
    }

    #[test]
    fn the_message_names_the_character_and_what_to_do() {
        let m = message(&['ğ']);
        assert!(
            m.starts_with("Dit teken kan niet in de samenvatting worden afgedrukt: “ğ” (U+011F)")
        );
        assert!(m.contains("Typ de tekst zo nodig opnieuw"));
    }
}
