//! How the CLI prints: plain Dutch for people, JSON for machines.
//!
//! Everything printed can come from a hostile package or document, so every
//! print path goes through [`escape`]: an escape sequence (ESC `[2J` clears the
//! screen), a carriage return or backspaces (to overwrite a line with a false
//! "ongewijzigd"), or a bidi control (to reverse what a line says) is shown
//! as `\u{..}` text instead of being obeyed by the terminal.

use std::borrow::Cow;
use std::io::Write;

use aanvraagwijzer::{Form, Severity, Verdict};
use serde::Serialize;

/// Characters a terminal may act on instead of showing: C0 and C1 controls
/// (newline and tab too: one printed value is one line), DEL, bidi and
/// zero-width controls, and the Unicode line and paragraph separators.
fn is_unsafe(c: char) -> bool {
    c.is_control()
        || aanvraagwijzer_package::names::is_invisible(c)
        || matches!(c, '\u{2028}' | '\u{2029}')
}

/// How an unsafe character is written.
#[derive(Clone, Copy)]
pub enum Escape {
    /// For people: `\u{1b}`.
    Text,
    /// Inside JSON strings: `\u001b` (the same string for a JSON reader).
    Json,
}

/// The one escaping function: `s` with every unsafe character written out.
pub fn escape(s: &str, how: Escape) -> Cow<'_, str> {
    if !s.chars().any(is_unsafe) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 16);
    for c in s.chars() {
        // Pretty JSON's own line breaks are structure; inside its strings
        // serde_json has escaped every C0 control already.
        let structural = matches!(how, Escape::Json) && c == '\n';
        if !is_unsafe(c) || structural {
            out.push(c);
            continue;
        }
        match how {
            Escape::Text => out.push_str(&format!("\\u{{{:x}}}", c as u32)),
            Escape::Json => {
                // Every unsafe character is in the BMP: one \uXXXX each.
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
        }
    }
    Cow::Owned(out)
}

/// Shorthand for [`escape`] for people.
pub fn esc(s: &str) -> Cow<'_, str> {
    escape(s, Escape::Text)
}

/// Prints a value as pretty JSON: serde_json escapes C0 controls itself, and
/// [`escape`] the C1 and bidi controls it leaves (they only occur inside
/// strings, where `\uXXXX` means the same character).
pub fn print_json(value: &impl Serialize) -> std::io::Result<()> {
    let text = serde_json::to_string_pretty(value).map_err(std::io::Error::other)?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "{}", escape(&text, Escape::Json))
}

/// Prints the verdict for people: the form, then [`write_verdict`].
pub fn print_human(form: &Form, verdict: &Verdict) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(
        out,
        "{} ({}, versie {})",
        esc(&form.title),
        esc(&form.id),
        esc(&form.version)
    )?;
    write_verdict(&mut out, Some(form), verdict)
}

/// Headline, progress, then every finding with its source: the one way the
/// CLI shows findings (validate and verify alike). A finding names its
/// question as the form labels it ("Deskundige 1 (functie)"); without the
/// form (a package of a form this version does not know) its JSON Pointer.
pub fn write_verdict(
    out: &mut impl Write,
    form: Option<&Form>,
    verdict: &Verdict,
) -> std::io::Result<()> {
    writeln!(out, "{}", esc(&verdict.headline_nl()))?;
    writeln!(out, "{}.", esc(&verdict.progress.message_nl()))?;
    for f in &verdict.findings {
        let label = match f.severity {
            Severity::Fout => "FOUT",
            Severity::Waarschuwing => "LET OP",
            Severity::Tip => "TIP",
        };
        let place = form.map_or_else(|| f.path.clone(), |form| form.pointer_label(&f.path));
        writeln!(out, "\n{label:<6} {}  [{}]", esc(&place), esc(&f.code))?;
        writeln!(out, "       {}", esc(&f.message))?;
        if let Some(s) = &f.source {
            writeln!(out, "       Bron: {}", esc(&s.citation()))?;
        }
    }
    Ok(())
}

/// Lists the forms per SWV.
pub fn print_forms(forms: &[Form]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for f in forms {
        writeln!(
            out,
            "{:<45} versie {:<12} {}",
            esc(&f.id),
            esc(&f.version),
            esc(&f.title)
        )?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn terminal_controls_are_shown_not_obeyed() {
        let hostile = "a\u{1b}[2J\u{1b}[1;1HHet pakket is ongewijzigd\rX\u{8}\u{8}\u{202e}fdp.exe\u{9b}31m\u{2066}\n";
        let shown = escape(hostile, Escape::Text);
        assert!(!shown.chars().any(is_unsafe), "{shown}");
        assert_eq!(
            shown,
            "a\\u{1b}[2J\\u{1b}[1;1HHet pakket is ongewijzigd\\u{d}X\\u{8}\\u{8}\\u{202e}fdp.exe\\u{9b}31m\\u{2066}\\u{a}"
        );
        assert_eq!(escape("Zoë Çelik", Escape::Text), "Zoë Çelik");
    }

    #[test]
    fn json_escapes_keep_the_same_string() {
        let hostile = "x\u{9b}2J\u{202e}y";
        let json = serde_json::to_string(hostile).expect("json");
        let escaped = escape(&json, Escape::Json);
        assert!(!escaped.chars().any(is_unsafe));
        let back: String = serde_json::from_str(&escaped).expect("still JSON");
        assert_eq!(back, hostile);
        let pretty =
            serde_json::to_string_pretty(&serde_json::json!({ "a": [hostile] })).expect("json");
        let back: serde_json::Value =
            serde_json::from_str(&escape(&pretty, Escape::Json)).expect("still JSON");
        assert_eq!(back["a"][0], hostile);
    }
}
