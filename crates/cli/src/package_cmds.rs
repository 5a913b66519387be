//! `verify` (check a submission package) and `render` (the PDF summary natively).

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use aanvraagwijzer::{Form, Verdict};
use aanvraagwijzer_package::{Limits, PackageError, VerifyReport};
use chrono::{NaiveDateTime, NaiveTime, Timelike};
use clap::Args;

use crate::input::{read_bounded, read_document, Bounded};
use crate::output::{esc, print_json};
use crate::CliError;

/// Arguments of `aanvraagwijzer verify`.
#[derive(Args)]
pub struct VerifyArgs {
    /// Toon het resultaat als JSON.
    #[arg(long)]
    json: bool,
    /// Het pakket (ZIP) dat met "Download aanvraag (pakket)" is gemaakt.
    file: PathBuf,
}

/// Arguments of `aanvraagwijzer render`.
#[derive(Args)]
pub struct RenderArgs {
    /// Het JSON-bestand met de aanvraag.
    file: PathBuf,
    /// Waar de PDF komt.
    #[arg(short = 'o', long = "output", default_value = "samenvatting.pdf")]
    output: PathBuf,
    /// Controleer en dateer alsof het deze datum is (dd-mm-jjjj, 12:00 uur); standaard nu.
    #[arg(long, conflicts_with = "created")]
    date: Option<String>,
    /// Precies dit tijdstip (jjjj-mm-ddTuu:mm:ss), bijvoorbeeld "created" uit manifest.json:
    /// dan is de PDF byte voor byte gelijk aan die in het pakket.
    #[arg(long)]
    created: Option<String>,
}

/// Verifies a package; exit 0 when intact and complete, 1 when tampered with
/// or incomplete, 2 when unreadable.
pub fn verify(args: VerifyArgs, forms: &[Form]) -> Result<ExitCode, CliError> {
    let limits = Limits::default();
    let bytes = match read_bounded(&args.file, limits.max_package_bytes)? {
        Bounded::Bytes(b) => b,
        Bounded::TooLarge(size) => {
            return Err(CliError::Package {
                path: args.file.clone(),
                source: PackageError::TooLarge {
                    size,
                    max: limits.max_package_bytes,
                },
            })
        }
    };
    let report = aanvraagwijzer_package::verify_with(&bytes, &limits, chrono::Utc::now(), forms)
        .map_err(|source| CliError::Package {
            path: args.file.clone(),
            source,
        })?;
    if args.json {
        print_json(&report)?;
    } else {
        print_report(&args.file, &report, forms)?;
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

fn print_report(path: &std::path::Path, r: &VerifyReport, forms: &[Form]) -> std::io::Result<()> {
    let find_form = |id: &str| forms.iter().find(|f| f.id == id);
    let mut out = std::io::stdout().lock();
    let m = &r.manifest;
    let title = find_form(&m.form).map_or(m.form.as_str(), |f| f.title.as_str());
    writeln!(out, "Pakket {}", esc(&path.display().to_string()))?;
    writeln!(
        out,
        "{} ({}, versie {})",
        esc(title),
        esc(&m.form),
        esc(&m.form_version)
    )?;
    let created = NaiveDateTime::parse_from_str(&m.created, aanvraagwijzer_package::CREATED_FORMAT)
        .map_or_else(
            |_| m.created.clone(),
            |t| t.format("%d-%m-%Y om %H:%M").to_string(),
        );
    writeln!(
        out,
        "Gemaakt op {} met Aanvraagwijzer {}; gecontroleerd met {} voor de datum van het pakket ({}).",
        esc(&created),
        esc(&m.core_version),
        aanvraagwijzer::CORE_VERSION,
        esc(&r.verdict.checked_on)
    )?;
    let files: Vec<_> = m.files.iter().map(|f| esc(&f.path)).collect();
    writeln!(out, "Bestanden: {}.", files.join(", "))?;
    match m.hidden_answers_left_out {
        0 => {}
        1 => writeln!(out, "1 antwoord op een vraag die niet van toepassing was, is bij het maken weggelaten.")?,
        n => writeln!(out, "{n} antwoorden op vragen die niet van toepassing waren, zijn bij het maken weggelaten.")?,
    }
    writeln!(out)?;
    writeln!(out, "{}", esc(&r.headline_nl()))?;
    for t in &r.tampering {
        writeln!(
            out,
            "\nGEWIJZIGD {}",
            esc(t.path.as_deref().unwrap_or("pakket"))
        )?;
        writeln!(out, "       {}", esc(&t.message))?;
    }
    for note in &r.notes {
        writeln!(out, "\nLET OP  {}", esc(note))?;
    }
    writeln!(out)?;
    crate::output::write_verdict(&mut out, find_form(&m.form), &r.verdict)
}

/// Renders the PDF summary of a document, the same one the site puts in a package.
pub fn render(args: RenderArgs, forms: &[Form]) -> Result<ExitCode, CliError> {
    let made: NaiveDateTime = match (&args.date, &args.created) {
        (_, Some(c)) => NaiveDateTime::parse_from_str(c, aanvraagwijzer_package::CREATED_FORMAT)
            .map_err(|_| CliError::BadCreated(c.clone()))?,
        (Some(d), None) => aanvraagwijzer::dates::parse_date(d)
            .map_err(|_| CliError::BadDate(d.clone()))?
            .and_time(NaiveTime::from_hms_opt(12, 0, 0).unwrap_or(NaiveTime::MIN)),
        (None, None) => chrono::Local::now().naive_local(),
    };
    // Seconds count in the package's tie; a PDF made now drops fractions.
    let made = made.with_nanosecond(0).unwrap_or(made);
    let doc = read_document(&args.file)?;
    let form = forms
        .iter()
        .find(|f| f.id == doc.form)
        .ok_or_else(|| CliError::UnknownForm(doc.form.clone()))?;
    // As in a package: answers to fields that do not apply are left out.
    let (doc, _) = aanvraagwijzer_package::minimised(form, &doc, made);
    let verdict = Verdict::of(form, &doc, made.date());
    let started = std::time::Instant::now();
    // The PDF a package made at this time holds, byte for byte.
    let pdf = aanvraagwijzer_package::render_pdf(form, &doc, made).map_err(|source| {
        CliError::Package {
            path: args.file.clone(),
            source,
        }
    })?;
    let elapsed = started.elapsed();
    std::fs::write(&args.output, &pdf).map_err(|source| CliError::Write {
        path: args.output.clone(),
        source,
    })?;
    eprintln!(
        "{} geschreven ({} bytes, gemaakt in {:.1} ms). {}",
        esc(&args.output.display().to_string()),
        pdf.len(),
        elapsed.as_secs_f64() * 1000.0,
        verdict.headline_nl()
    );
    Ok(ExitCode::SUCCESS)
}
