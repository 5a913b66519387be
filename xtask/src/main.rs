//! Build chores for Aanvraagwijzer, in Rust so they run the same everywhere
//! (`./x.sh` only installs tools and calls these; `cargo xtask` is an alias
//! for `cargo run -q -p xtask --`).
//!
//! - `build-site [--no-wasm-opt] [--keep-names]`: the Leptos app and the package module to
//!   static files in `site/dist/` (both through [`wasm::build_module`]: cargo
//!   for wasm32 with Debian's rustc and build-std, wasm-bindgen, npm binaryen's
//!   wasm-opt), static files, the NL Design System CSS the site uses, then
//!   content-hashed names and `.br`/`.gz` copies, then prints sizes.
//!   `--keep-names` keeps the wasm function names, for profiling only.
//!   `--swv <id>` builds one SWV's own site into `site/dist-<id>/` (`--out DIR`
//!   elsewhere; `--embed-origin ORIGIN` adds an origin that may frame it, for
//!   a test or staging page).
//! - `serve [--port N] [--no-build]`: builds the site and serves it with the
//!   real server, `aanvraagwijzer serve` (crates/server: precompressed files,
//!   cache headers and the production CSP), on 127.0.0.1.
//! - `sizes [DIR]`: prints the sizes of an existing build (default `site/dist`);
//!   fails over the first-load budget.
//! - `ci`: fmt, clippy, tests, site build, browser tests; stops at the first failure.

mod build_site;
mod ci;
mod css_purge;
mod forms_out;
mod publish;
mod sizes;
mod swv;
mod wasm;

use std::path::PathBuf;
use std::process::{Command, ExitCode};

/// The wasm-bindgen CLI must equal the `wasm-bindgen` crate in the lock files
/// of site/ and crates/package-wasm/ (x.sh installs this version).
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The repository root (xtask lives one level below it).
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

const USAGE: &str = "usage: cargo xtask <build-site [--no-wasm-opt] [--keep-names] [--swv ID [--embed-origin ORIGIN]...] [--out DIR] \
     | serve [--port N] [--no-build] | sizes [DIR] | ci>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build-site") => build_site::run(&args[1..]),
        Some("serve") => serve(&args[1..]),
        Some("sizes") if args.len() <= 2 => sizes::print(
            &args
                .get(1)
                .map_or_else(|| repo_root().join("site/dist"), PathBuf::from),
        ),
        Some("ci") if args.len() == 1 => ci::run(&repo_root()),
        _ => Err(USAGE.to_owned()),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(message) => {
            eprintln!("xtask: {message}");
            ExitCode::FAILURE
        }
    }
}

/// Builds the site (unless `--no-build`) and runs `aanvraagwijzer serve` on it
/// until stopped, so development sees the headers production sends.
fn serve(args: &[String]) -> Result<(), String> {
    let mut port: u16 = 8080;
    let mut build = true;
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--port" => {
                port = it
                    .next()
                    .and_then(|p| p.parse().ok())
                    .ok_or("--port needs a number")?
            }
            "--no-build" => build = false,
            other => return Err(format!("serve: unknown argument {other}")),
        }
    }
    let root = repo_root();
    if build {
        build_site::build(
            &root,
            wasm::Options {
                optimise: true,
                keep_names: false,
            },
        )?;
    }
    let addr = format!("127.0.0.1:{port}");
    println!("Aanvraagwijzer: http://{addr}/ (Ctrl-C stops)");
    let mut cmd = Command::new(std::env::var("CARGO").unwrap_or_else(|_| "cargo".into()));
    cmd.current_dir(&root)
        .args(["run", "-q", "-p", "aanvraagwijzer-cli", "--"])
        .args(["serve", "--addr", &addr, "--dist", "site/dist"]);
    wasm::run_cmd(&mut cmd, "aanvraagwijzer serve")
}
