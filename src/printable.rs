//! Which characters the PDF summary can print. The summary uses the PDF's
//! built-in Helvetica in WinAnsi encoding (see crates/pdf), which lacks most
//! letters outside Western Europe. The core owns this table, and the PDF
//! crate encodes with it, so that `validate` (browser, CLI, server, verify)
//! warns about exactly the characters the PDF would replace.

use serde_json::{Map, Value};

use crate::definition::{Form, Severity};
use crate::finding::{code, Finding};

/// The WinAnsi (cp1252) byte for a character, if it has one.
pub fn winansi(c: char) -> Option<u8> {
    let u = c as u32;
    match u {
        // Both ranges are below 0x100, so the cast keeps the value.
        0x20..=0x7E | 0xA0..=0xFF => Some(u as u8),
        _ => Some(match c {
            '€' => 0x80,
            '‚' => 0x82,
            'ƒ' => 0x83,
            '„' => 0x84,
            '…' => 0x85,
            '†' => 0x86,
            '‡' => 0x87,
            'ˆ' => 0x88,
            '‰' => 0x89,
            'Š' => 0x8A,
            '‹' => 0x8B,
            'Œ' => 0x8C,
            'Ž' => 0x8E,
            '\u{2018}' => 0x91,
            '\u{2019}' => 0x92,
            '\u{201C}' => 0x93,
            '\u{201D}' => 0x94,
            '•' => 0x95,
            '–' => 0x96,
            '—' => 0x97,
            '˜' => 0x98,
            '™' => 0x99,
            'š' => 0x9A,
            '›' => 0x9B,
            'œ' => 0x9C,
            'ž' => 0x9E,
            'Ÿ' => 0x9F,
            _ => return None,
        }),
    }
}

/// Whether the summary shows this character as typed. Whitespace and
/// control characters count as printable: the layout turns them into spaces
/// and line breaks, which changes no name.
pub fn is_printable(c: char) -> bool {
    winansi(c).is_some() || c.is_whitespace() || c.is_control()
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
    fn turkish_polish_decomposed_and_other_scripts_do_not() {
        assert_eq!(unprintable("Ağaoğlu Şükrü İpek"), vec!['ğ', 'Ş', 'İ']);
        assert_eq!(unprintable("Łódź"), vec!['Ł', 'ź']);
        // "Zoë" pasted from a Mac: e + combining diaeresis.
        assert_eq!(unprintable("Zoe\u{308}"), vec!['\u{308}']);
        assert_eq!(unprintable("Νίκος").len(), 5);
        assert_eq!(unprintable("Дмитрий").len(), 6);
        assert_eq!(unprintable("محمد"), vec!['م', 'ح', 'د']);
        assert_eq!(unprintable("Nguyễn 😀"), vec!['ễ', '😀']);
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
