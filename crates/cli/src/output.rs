//! How the CLI prints: plain Dutch for people, JSON for machines.

use std::io::Write;

use aanvraagwijzer::{Form, Severity, Verdict};

/// Prints the verdict as one JSON object (the same shape the HTTP API answers).
pub fn print_json(verdict: &Verdict) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    serde_json::to_writer_pretty(&mut out, verdict).map_err(std::io::Error::other)?;
    writeln!(out)
}

/// Prints the verdict for people: the form, then [`write_verdict`].
pub fn print_human(form: &Form, verdict: &Verdict) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    writeln!(out, "{} ({}, versie {})", form.title, form.id, form.version)?;
    write_verdict(&mut out, verdict)
}

/// Headline, progress, then every finding with its source: the one way the
/// CLI shows findings (validate and verify alike).
pub fn write_verdict(out: &mut impl Write, verdict: &Verdict) -> std::io::Result<()> {
    writeln!(out, "{}", verdict.headline_nl())?;
    writeln!(out, "{}.", verdict.progress.message_nl())?;
    for f in &verdict.findings {
        let label = match f.severity {
            Severity::Fout => "FOUT",
            Severity::Waarschuwing => "LET OP",
            Severity::Tip => "TIP",
        };
        writeln!(out, "\n{label:<6} {}  [{}]", f.path, f.code)?;
        writeln!(out, "       {}", f.message)?;
        if let Some(s) = &f.source {
            writeln!(out, "       Bron: {}, {}", s.document, s.section)?;
        }
    }
    Ok(())
}

/// Lists the forms per SWV.
pub fn print_forms(forms: &[Form]) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    for f in forms {
        writeln!(out, "{:<45} versie {:<12} {}", f.id, f.version, f.title)?;
    }
    Ok(())
}
