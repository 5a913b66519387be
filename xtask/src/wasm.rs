//! One way to build a wasm module, for the site and the package module alike:
//! cargo (wasm32, build-std, Debian's rustc) -> wasm-bindgen -> wasm-opt.
//!
//! Both modules get the same cargo flags, the same wasm-bindgen options and the
//! same wasm-opt step, so a flag given to the build (`--no-wasm-opt`) reaches
//! both and the two cannot drift apart.

use std::path::{Path, PathBuf};
use std::process::Command;

use crate::WASM_BINDGEN_VERSION;

/// A crate that becomes a wasm module with its JS glue.
pub struct Module<'a> {
    /// What the build says it is doing ("site", "package module").
    pub what: &'a str,
    /// The crate's folder; its `.cargo/config.toml` sets the wasm32 target and build-std.
    pub dir: PathBuf,
    /// The crate name as cargo writes the wasm file (`-` as `_`).
    pub file: &'a str,
    /// Cargo features of the crate to turn on (`--features`), e.g. the
    /// site's `studio`. A feature of the module's own crate changes only that
    /// crate, so cargo reuses every compiled dependency between the builds.
    pub features: &'a [&'a str],
}

/// rustc flags for both modules, in this one place (they replace any
/// `build.rustflags` of the crates' .cargo/config.toml). Each one earns its
/// place in brotli bytes of the first load (issue 15):
/// - `-Zlocation-detail=none`: no file/line/column strings for panic
///   locations (and no build paths in the bundle): -4.7 KB brotli, -20.7 KB
///   raw on the site. Panics abort either way.
/// - `-Zfmt-debug=none` (`{:?}` prints nothing; used only in logs here) and
///   `-Cpanic=immediate-abort` (a panic traps at once, without the panic
///   machinery or the console hook; the page still shows its Dutch "stopped"
///   alert, site/static/main.js): together -10.1 KB brotli on the site
///   (wasm-bindgen output 330,130 -> 320,041; JS glue 8,006 -> 7,411), measured
///   only together (each costs a 12-minute rebuild of std here).
const RUSTFLAGS: &[&str] = &[
    "-Zlocation-detail=none",
    "-Zfmt-debug=none",
    "-Zunstable-options",
    "-Cpanic=immediate-abort",
];

/// wasm-opt's level, chosen by brotli bytes (what users download), not raw
/// bytes: the deeper levels inline and reorder code into shapes that compress
/// worse. Measured on the site module (Nov 2026, binaryen 132, brotli -q 11):
///
/// | wasm-opt | raw | brotli |
/// |---|---|---|
/// | none (wasm-bindgen output) | 1,595,696 | 330,130 |
/// | -O1 | 1,545,431 | 327,494 |
/// | -O2 | 1,469,202 | 351,606 |
/// | -O3 | 1,473,591 | 350,452 |
/// | -Os | 1,453,414 | 349,273 |
/// | -Oz (used until then) | 1,424,513 | 351,124 |
/// | -Oz --converge / -Os --converge | 1,423,802 / 1,452,927 | 349,596 / 348,415 |
/// | -O4 | 1,474,319 | 351,073 |
///
/// With the flags of [`RUSTFLAGS`] too: -Oz 339,905, -O1 317,602 (-33.5 KB,
/// -9.5% against -Oz without them).
const WASM_OPT_LEVEL: &str = "-O1";

/// How a module is built.
#[derive(Debug, Clone, Copy)]
pub struct Options {
    /// Run wasm-opt. Off (`--no-wasm-opt`) saves about 15 s per rebuild while
    /// iterating; the sizes then are not the shipped ones. CI and releases keep it.
    pub optimise: bool,
    /// Keep the wasm's function names (`--keep-names`): for profiling
    /// (site/bench/browser.mjs --profile names the wasm functions), never
    /// shipped, as names cost about half the size.
    pub keep_names: bool,
}

/// Builds `module` and writes `<file>.js` and `<file>_bg.wasm` into `out`.
pub fn build_module(module: &Module, out: &Path, options: Options) -> Result<(), String> {
    cargo_build(module)?;
    let wasm = module
        .dir
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{}.wasm", module.file));
    wasm_bindgen(module, &wasm, out, options)?;
    if options.optimise {
        wasm_opt(&out.join(format!("{}_bg.wasm", module.file)), options)
    } else {
        println!("wasm-opt skipped for the {} (--no-wasm-opt)", module.what);
        Ok(())
    }
}

/// Runs a command, failing with its name when it fails.
pub fn run_cmd(cmd: &mut Command, what: &str) -> Result<(), String> {
    let status = cmd
        .status()
        .map_err(|e| format!("{what}: cannot start: {e} (run ./x.sh setup)"))?;
    if status.success() {
        Ok(())
    } else {
        Err(format!("{what} failed ({status})"))
    }
}

/// Debian's cargo and rustc (rustc-web) build for wasm32 with build-std, read
/// from the crate's .cargo/config.toml. rustup's toolchain has no wasm32 std
/// here, so /usr/bin goes first and rustup's variables are dropped.
fn cargo_build(module: &Module) -> Result<(), String> {
    let path = std::env::var("PATH").unwrap_or_default();
    let mut cmd = Command::new("/usr/bin/cargo");
    cmd.current_dir(&module.dir)
        // Not --locked, for both modules: a dependency the core gains must not
        // break the wasm build before someone refreshes the module's lock file.
        .args(["build", "--release"])
        .args(features_args(module.features))
        .env("PATH", format!("/usr/bin:{path}"))
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTDOC")
        .env_remove("RUSTFLAGS")
        .env("CARGO_ENCODED_RUSTFLAGS", RUSTFLAGS.join("\u{1f}"))
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET");
    run_cmd(&mut cmd, &format!("cargo build ({}, wasm32)", module.what))
}

/// `--features a,b` for cargo, nothing without features.
fn features_args(features: &[&str]) -> Vec<String> {
    if features.is_empty() {
        Vec::new()
    } else {
        vec!["--features".to_owned(), features.join(",")]
    }
}

/// The wasm-bindgen CLI on PATH (cargo install puts it in ~/.cargo/bin),
/// checked to be the exact version the crates use.
fn wasm_bindgen_bin() -> Result<PathBuf, String> {
    let mut candidates = vec![PathBuf::from("wasm-bindgen")];
    if let Some(home) = std::env::var_os("CARGO_HOME") {
        candidates.push(PathBuf::from(home).join("bin/wasm-bindgen"));
    }
    if let Some(home) = std::env::var_os("HOME") {
        candidates.push(PathBuf::from(home).join(".cargo/bin/wasm-bindgen"));
    }
    let mut found = Vec::new();
    for bin in candidates {
        if let Ok(out) = Command::new(&bin).arg("--version").output() {
            let version = String::from_utf8_lossy(&out.stdout).trim().to_owned();
            if version == format!("wasm-bindgen {WASM_BINDGEN_VERSION}") {
                return Ok(bin);
            }
            found.push(version);
        }
    }
    Err(format!(
        "wasm-bindgen {WASM_BINDGEN_VERSION} not found (found: {found:?}); run ./x.sh setup"
    ))
}

fn wasm_bindgen(module: &Module, wasm: &Path, out: &Path, options: Options) -> Result<(), String> {
    let mut cmd = Command::new(wasm_bindgen_bin()?);
    cmd.args(["--target", "web", "--no-typescript"]);
    // Names and producer info only help debugging; they cost ~half the size.
    if !options.keep_names {
        cmd.args(["--remove-name-section", "--remove-producers-section"]);
    }
    cmd.arg("--out-dir")
        .arg(out)
        .args(["--out-name", module.file])
        .arg(wasm);
    run_cmd(&mut cmd, &format!("wasm-bindgen ({})", module.what))
}

/// npm binaryen's wasm-opt, by path: Debian's binaryen (108) breaks modern
/// wasm-bindgen output, so PATH is never consulted.
fn wasm_opt(wasm: &Path, options: Options) -> Result<(), String> {
    let bin = crate::repo_root().join("node_modules/binaryen/bin/wasm-opt");
    if !bin.exists() {
        return Err(format!(
            "{} missing; run ./x.sh setup (npm ci)",
            bin.display()
        ));
    }
    let mut cmd = Command::new("node");
    cmd.arg(&bin)
        .arg(WASM_OPT_LEVEL)
        .args(options.keep_names.then_some("-g"))
        // The features rustc's wasm32 target emits; wasm-opt must accept them.
        .args([
            "--enable-bulk-memory",
            "--enable-nontrapping-float-to-int",
            "--enable-sign-ext",
            "--enable-mutable-globals",
            "--enable-reference-types",
            "--enable-multivalue",
        ])
        .arg(wasm)
        .arg("-o")
        .arg(wasm);
    run_cmd(&mut cmd, "wasm-opt (npm binaryen)")
}
