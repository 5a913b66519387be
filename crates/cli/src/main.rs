//! `aanvraagwijzer`: the validation core on the command line, for SWV staff
//! and for scripts. Exit codes: 0 = no blocking findings, 1 = blocking
//! findings, 2 = the input could not be read.

mod input;
mod output;
mod package_cmds;

use std::path::PathBuf;
use std::process::ExitCode;

use aanvraagwijzer::{DocumentError, Form, Verdict};
use chrono::NaiveDate;
use clap::{Parser, Subcommand};

#[derive(Parser)]
#[command(
    name = "aanvraagwijzer",
    version,
    about = "Controleer aanvragen voor passend onderwijs met dezelfde regels als de website."
)]
struct Cli {
    /// Map met de eigen formulieren van een samenwerkingsverband (<map>/<swv>/<formulier>.toml),
    /// in plaats van de ingebouwde. Elk bestand wordt eerst gecontroleerd, zoals bij het bouwen.
    #[arg(long, global = true, value_name = "MAP")]
    forms: Option<PathBuf>,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Controleer een aanvraag (JSON) en toon de bevindingen.
    Validate {
        /// Formulier-id, bijvoorbeeld rsv-breda-vo/tlv-vso (standaard: het formulier uit het bestand).
        #[arg(long)]
        form: Option<String>,
        /// Toon het resultaat als JSON.
        #[arg(long)]
        json: bool,
        /// Controleer alsof het deze datum is (dd-mm-jjjj); standaard vandaag.
        #[arg(long)]
        date: Option<String>,
        /// Het JSON-bestand met de aanvraag.
        file: PathBuf,
    },
    /// Toon alle formulieren met hun id en versie, of controleer formulierbestanden.
    Forms {
        #[command(subcommand)]
        action: Option<FormsAction>,
    },
    /// Controleer een pakket van Aanvraagwijzer (ZIP): controlegetallen, wijzigingen en bevindingen.
    Verify(package_cmds::VerifyArgs),
    /// Maak de samenvatting (PDF) van een aanvraag (JSON), dezelfde als in het pakket.
    Render(package_cmds::RenderArgs),
    /// Start de webserver: de website en de API (/api/v1) voor samenwerkingsverbanden.
    Serve {
        /// Adres en poort om op te luisteren.
        #[arg(long, default_value = "127.0.0.1:8080")]
        addr: std::net::SocketAddr,
        /// Map met de gebouwde website.
        #[arg(long, default_value = "site/dist")]
        dist: PathBuf,
    },
}

/// What to do with form files.
#[derive(Subcommand)]
enum FormsAction {
    /// Controleer formulierbestanden (TOML) en toon elk probleem met regel en kolom.
    Check {
        /// De formulierbestanden, in de map van het samenwerkingsverband (forms/<swv>/<formulier>.toml).
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
}

/// Why the CLI could not do what was asked (exit code 2).
#[derive(Debug, thiserror::Error)]
enum CliError {
    #[error("Het bestand {path} kan niet worden gelezen: {source}. Controleer de naam en de map.")]
    Read {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("{path}: {}", .source.message_nl())]
    Document {
        path: PathBuf,
        source: DocumentError,
    },
    #[error("Het formulier \"{0}\" bestaat niet. Bekijk de formulieren met: aanvraagwijzer forms")]
    UnknownForm(String),
    #[error("De datum \"{0}\" is geen datum als dd-mm-jjjj, bijvoorbeeld 22-11-2026.")]
    BadDate(String),
    #[error("Het tijdstip \"{0}\" is geen tijdstip als jjjj-mm-ddTuu:mm:ss, bijvoorbeeld 2026-11-22T16:40:12.")]
    BadCreated(String),
    #[error("De uitvoer kan niet worden geschreven: {0}")]
    Output(#[from] std::io::Error),
    #[error("{path}: {}", .source.message_nl())]
    Package {
        path: PathBuf,
        source: aanvraagwijzer_package::PackageError,
    },
    #[error(
        "Het bestand {path} kan niet worden geschreven: {source}. Controleer de map en de rechten."
    )]
    Write {
        path: PathBuf,
        source: std::io::Error,
    },
    #[error("De server kan niet starten: {0}")]
    Runtime(std::io::Error),
    #[error("{0}")]
    Serve(#[from] aanvraagwijzer_server::ServeError),
    #[error("{}", forms_dir_message(.0))]
    FormsDir(Vec<aanvraagwijzer::published::LoadError>),
}

/// Every broken form file with each of its problems, and what to do.
fn forms_dir_message(errors: &[aanvraagwijzer::published::LoadError]) -> String {
    let mut text = String::from("De formulieren in de opgegeven map kunnen niet worden gebruikt:");
    for e in errors {
        text.push_str(&format!("\n\n{}:", e.file));
        for p in &e.problems {
            text.push_str(&format!("\n  - {p}"));
        }
    }
    text.push_str(
        "\n\nVerbeter de bestanden (controleer ze met: aanvraagwijzer forms check BESTAND) en probeer het opnieuw.",
    );
    text
}

/// The forms to judge with: the built-in ones, or those of `--forms DIR`,
/// each checked by the same `check_form` as at build time. Loaded once per
/// run, so they live as long as the process.
fn catalog(dir: Option<&std::path::Path>) -> Result<&'static [Form], CliError> {
    match dir {
        None => Ok(aanvraagwijzer::forms()),
        Some(dir) => {
            let forms = aanvraagwijzer::published::load_dir(dir).map_err(CliError::FormsDir)?;
            Ok(Box::leak(forms.into_boxed_slice()))
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(e) => {
            // Errors quote names and values from the input; lines stay lines.
            for line in e.to_string().lines() {
                eprintln!("{}", output::esc(line));
            }
            ExitCode::from(2)
        }
    }
}

fn run(cli: Cli) -> Result<ExitCode, CliError> {
    // `forms check` reads its own files; every other command judges with a catalog.
    let forms = match &cli.command {
        Command::Forms {
            action: Some(FormsAction::Check { .. }),
        } => &[],
        _ => catalog(cli.forms.as_deref())?,
    };
    let find_form = |id: &str| forms.iter().find(|f| f.id == id);
    match cli.command {
        Command::Verify(args) => package_cmds::verify(args, forms),
        Command::Render(args) => package_cmds::render(args, forms),
        Command::Serve { addr, dist } => {
            aanvraagwijzer_server::init_logging(aanvraagwijzer_server::LogFormat::Json);
            let runtime = tokio::runtime::Runtime::new().map_err(CliError::Runtime)?;
            runtime.block_on(aanvraagwijzer_server::serve_with_forms(
                addr,
                dist,
                forms,
                aanvraagwijzer_server::shutdown_signal(),
            ))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Forms { action: None } => {
            output::print_forms(forms)?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Forms {
            action: Some(FormsAction::Check { files }),
        } => check_form_files(&files),
        Command::Validate {
            form,
            json,
            date,
            file,
        } => {
            let today = match date {
                Some(d) => {
                    aanvraagwijzer::dates::parse_date(&d).map_err(|_| CliError::BadDate(d))?
                }
                None => today(),
            };
            let doc = input::read_document(&file)?;
            let id = form.unwrap_or_else(|| doc.form.clone());
            let form = find_form(&id).ok_or(CliError::UnknownForm(id))?;
            let verdict = Verdict::of(form, &doc, today);
            if json {
                output::print_json(&verdict)?;
            } else {
                output::print_human(form, &verdict)?;
            }
            Ok(if verdict.valid {
                ExitCode::SUCCESS
            } else {
                ExitCode::from(1)
            })
        }
    }
}

/// `forms check`: exit 0 when every file is sound, 1 when any has problems,
/// 2 when a file cannot be read (as `validate`).
fn check_form_files(files: &[PathBuf]) -> Result<ExitCode, CliError> {
    let mut problems = 0usize;
    for file in files {
        let text = std::fs::read_to_string(file).map_err(|source| CliError::Read {
            path: file.clone(),
            source,
        })?;
        // The id must start with the SWV folder the file sits in, as in the build.
        let folder = file
            .canonicalize()
            .ok()
            .and_then(|p| p.parent()?.file_name()?.to_str().map(str::to_owned))
            .unwrap_or_default();
        for d in aanvraagwijzer::diagnose::check_form_text(&text, &folder) {
            problems += 1;
            println!(
                "{}:{}:{}: {}",
                output::esc(&file.display().to_string()),
                d.line,
                d.column,
                output::esc(&d.message_nl)
            );
        }
    }
    if problems == 0 {
        println!("Geen problemen gevonden in {} bestand(en).", files.len());
        Ok(ExitCode::SUCCESS)
    } else {
        eprintln!("{problems} probleem/problemen gevonden. Verbeter ze en controleer opnieuw.");
        Ok(ExitCode::from(1))
    }
}

fn today() -> NaiveDate {
    chrono::Local::now().date_naive()
}
