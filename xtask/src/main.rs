//! Build chores for Aanvraagwijzer, in Rust so they run the same everywhere
//! (`./x.sh` only installs tools and calls these).
//!
//! - `build-site [--no-wasm-opt]`: the Leptos app to static files in `site/dist/` (cargo for
//!   wasm32 with Debian's rustc and build-std, wasm-bindgen, npm binaryen's
//!   wasm-opt, static files, the NL Design System CSS the site uses), then
//!   content-hashed names and `.br`/`.gz` copies, then prints sizes.
//! - `serve [--port N]`: serves `site/dist/` on 127.0.0.1 (std only; a stand-in
//!   until the `aanvraagwijzer serve` HTTP server lands).
//! - `sizes`: prints the sizes of an existing build; fails over the first-load budget.

mod build_package;
mod build_site;
mod css_purge;
mod forms_out;
mod publish;
mod serve;
mod sizes;

use std::path::PathBuf;
use std::process::ExitCode;

/// The wasm-bindgen CLI must equal the `wasm-bindgen` crate in site/Cargo.lock.
pub const WASM_BINDGEN_VERSION: &str = "0.2.130";

/// The repository root (xtask lives one level below it).
pub fn repo_root() -> PathBuf {
    let manifest = PathBuf::from(env!("CARGO_MANIFEST_DIR"));
    manifest.parent().map(PathBuf::from).unwrap_or(manifest)
}

const USAGE: &str =
    "usage: cargo run -p xtask -- <build-site [--no-wasm-opt] | serve [--port N] | sizes>";

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let result = match args.first().map(String::as_str) {
        Some("build-site") => build_site::run(&args[1..]),
        Some("serve") => serve::run(&args[1..]),
        Some("sizes") => sizes::print(&repo_root().join("site/dist")),
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
