//! `verify` (check a submission package) and `render` (the PDF summary natively).

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use aanvraagwijzer::{find_form, Document, Verdict};
use aanvraagwijzer_package::{Limits, PackageError, VerifyReport};
use chrono::{NaiveDateTime, NaiveTime, Timelike};
use clap::Args;

use super::CliError;

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
pub fn verify(args: VerifyArgs) -> Result<ExitCode, CliError> {
    let limits = Limits::default();
    let bytes = read_bounded(&args.file, limits.max_package_bytes)?;
    let report =
        aanvraagwijzer_package::verify(&bytes, &limits).map_err(|source| CliError::Package {
            path: args.file.clone(),
            source,
        })?;
    if args.json {
        let mut out = std::io::stdout().lock();
        serde_json::to_writer_pretty(&mut out, &report).map_err(std::io::Error::other)?;
        writeln!(out)?;
    } else {
        print_report(&args.file, &report)?;
    }
    Ok(if report.ok() {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Reads at most `max` bytes; a larger file is refused without reading it all.
fn read_bounded(path: &PathBuf, max: u64) -> Result<Vec<u8>, CliError> {
    let read_err = |source| CliError::Read {
        path: path.clone(),
        source,
    };
    let file = std::fs::File::open(path).map_err(read_err)?;
    let mut bytes = Vec::new();
    file.take(max + 1)
        .read_to_end(&mut bytes)
        .map_err(read_err)?;
    if bytes.len() as u64 > max {
        let size = std::fs::metadata(path).map_or(max + 1, |m| m.len());
        return Err(CliError::Package {
            path: path.clone(),
            source: PackageError::TooLarge { size, max },
        });
    }
    Ok(bytes)
}

fn print_report(path: &std::path::Path, r: &VerifyReport) -> std::io::Result<()> {
    let mut out = std::io::stdout().lock();
    let m = &r.manifest;
    let title = find_form(&m.form).map_or(m.form.as_str(), |f| f.title.as_str());
    writeln!(out, "Pakket {}", path.display())?;
    writeln!(out, "{title} ({}, versie {})", m.form, m.form_version)?;
    writeln!(
        out,
        "Gemaakt op {} met Aanvraagwijzer {}; gecontroleerd met {} voor de datum van het pakket ({}).",
        NaiveDateTime::parse_from_str(&m.created, aanvraagwijzer_package::CREATED_FORMAT)
            .map_or_else(|_| m.created.clone(), |t| t.format("%d-%m-%Y om %H:%M").to_string()),
        m.core_version,
        aanvraagwijzer::CORE_VERSION,
        r.verdict.checked_on
    )?;
    writeln!(
        out,
        "Bestanden: {}.",
        m.files
            .iter()
            .map(|f| f.path.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    )?;
    match m.hidden_answers_left_out {
        0 => {}
        1 => writeln!(out, "1 antwoord op een vraag die niet van toepassing was, is bij het maken weggelaten.")?,
        n => writeln!(out, "{n} antwoorden op vragen die niet van toepassing waren, zijn bij het maken weggelaten.")?,
    }
    writeln!(out)?;
    writeln!(out, "{}", r.headline_nl())?;
    for t in &r.tampering {
        writeln!(out, "\nGEWIJZIGD {}", t.path.as_deref().unwrap_or("pakket"))?;
        writeln!(out, "       {}", t.message)?;
    }
    writeln!(out)?;
    crate::output::write_verdict(&mut out, &r.verdict)
}

/// Renders the PDF summary of a document, the same one the site puts in a package.
pub fn render(args: RenderArgs) -> Result<ExitCode, CliError> {
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
    let text = std::fs::read_to_string(&args.file).map_err(|source| CliError::Read {
        path: args.file.clone(),
        source,
    })?;
    let doc = Document::from_json(&text).map_err(|source| CliError::Document {
        path: args.file.clone(),
        source,
    })?;
    let form = find_form(&doc.form).ok_or_else(|| CliError::UnknownForm(doc.form.clone()))?;
    // As in a package: answers to fields that do not apply are left out.
    let (doc, _) = aanvraagwijzer_package::minimised(form, &doc, made);
    let verdict = Verdict::of(form, &doc, made.date());
    let started = std::time::Instant::now();
    // The same tie and hash as in a package made at this time, so the PDF is
    // the one "Download aanvraag (pakket)" puts in samenvatting.pdf.
    let package_err = |source| CliError::Package {
        path: args.file.clone(),
        source,
    };
    let options = aanvraagwijzer_pdf::Options {
        tie: Some(aanvraagwijzer_package::pdf_tie(&doc, made).map_err(package_err)?),
        document_sha256: Some(aanvraagwijzer_package::sha256_hex(
            &aanvraagwijzer_package::document_bytes(&doc).map_err(package_err)?,
        )),
    };
    let pdf = aanvraagwijzer_pdf::render_with(form, &doc, &verdict, made, &options);
    let elapsed = started.elapsed();
    std::fs::write(&args.output, &pdf).map_err(|source| CliError::Write {
        path: args.output.clone(),
        source,
    })?;
    eprintln!(
        "{} geschreven ({} bytes, gemaakt in {:.1} ms). {}",
        args.output.display(),
        pdf.len(),
        elapsed.as_secs_f64() * 1000.0,
        verdict.headline_nl()
    );
    Ok(ExitCode::SUCCESS)
}
