//! `build-site`: cargo (wasm32, build-std) -> wasm-bindgen -> wasm-opt -> dist.

use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use crate::{css_purge, publish, repo_root, sizes, WASM_BINDGEN_VERSION};

/// The crate name as cargo writes the wasm file.
const CRATE_FILE: &str = "aanvraagwijzer_site";

/// Builds the site into `site/dist/`. Flags: `--no-wasm-opt` skips wasm-opt
/// (about 15 s of a 30 s warm rebuild) while iterating; CI and releases keep it.
pub fn run(args: &[String]) -> Result<(), String> {
    let optimise = match args {
        [] => true,
        [flag] if flag == "--no-wasm-opt" => false,
        _ => return Err(format!("build-site: unknown arguments {args:?}")),
    };
    let root = repo_root();
    let site = root.join("site");
    let dist = site.join("dist");
    let started = Instant::now();

    cargo_build(&site)?;
    let built = Instant::now();
    let wasm = site
        .join("target/wasm32-unknown-unknown/release")
        .join(format!("{CRATE_FILE}.wasm"));

    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    let pkg = dist.join("pkg");
    wasm_bindgen(&wasm, &pkg)?;
    let bg = pkg.join(format!("{CRATE_FILE}_bg.wasm"));
    if optimise {
        wasm_opt(&root, &bg)?;
    } else {
        println!("wasm-opt skipped (--no-wasm-opt): sizes below are not the shipped ones");
    }
    copy_static(&root, &site, &dist)?;
    let published = crate::forms_out::write(&dist, None)?;
    println!("forms: {published} published as data files in forms/ (+ forms/index.json)");
    crate::build_package::run(&root, &dist)?;
    publish::fingerprint(&dist)?;
    publish::compress(&dist)?;

    println!(
        "site built in {:.1}s (cargo {:.1}s) -> {}",
        started.elapsed().as_secs_f64(),
        (built - started).as_secs_f64(),
        dist.display()
    );
    sizes::print(&dist)
}

/// Runs a command, failing with its name when it fails.
pub(crate) fn run_cmd(cmd: &mut Command, what: &str) -> Result<(), String> {
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
/// from site/.cargo/config.toml. rustup's toolchain has no wasm32 std here,
/// so /usr/bin goes first and rustup's variables are dropped.
fn cargo_build(site: &Path) -> Result<(), String> {
    let path = std::env::var("PATH").unwrap_or_default();
    let mut cmd = Command::new("/usr/bin/cargo");
    cmd.current_dir(site)
        // Not --locked: a dependency the core gains must not break the site
        // build before someone refreshes site/Cargo.lock.
        .args(["build", "--release"])
        .env("PATH", format!("/usr/bin:{path}"))
        .env("RUSTC", "/usr/bin/rustc")
        .env("RUSTC_BOOTSTRAP", "1")
        .env_remove("RUSTUP_TOOLCHAIN")
        .env_remove("RUSTC_WRAPPER")
        .env_remove("RUSTDOC")
        .env_remove("CARGO_TARGET_DIR")
        .env_remove("CARGO_BUILD_TARGET");
    run_cmd(&mut cmd, "cargo build (site, wasm32)")
}

/// The wasm-bindgen CLI on PATH (cargo install puts it in ~/.cargo/bin),
/// checked to be the exact version the crate uses.
pub(crate) fn wasm_bindgen_bin() -> Result<PathBuf, String> {
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

fn wasm_bindgen(wasm: &Path, out: &Path) -> Result<(), String> {
    let bin = wasm_bindgen_bin()?;
    let mut cmd = Command::new(bin);
    cmd.arg("--target")
        .arg("web")
        .arg("--no-typescript")
        // Names and producer info only help debugging; they cost ~half the size.
        .arg("--remove-name-section")
        .arg("--remove-producers-section")
        .arg("--out-dir")
        .arg(out)
        .arg("--out-name")
        .arg(CRATE_FILE)
        .arg(wasm);
    run_cmd(&mut cmd, "wasm-bindgen")
}

/// npm binaryen's wasm-opt, by path: Debian's binaryen (108) breaks modern
/// wasm-bindgen output, so PATH is never consulted.
pub(crate) fn wasm_opt(root: &Path, wasm: &Path) -> Result<(), String> {
    let bin = root.join("node_modules/binaryen/bin/wasm-opt");
    if !bin.exists() {
        return Err(format!(
            "{} missing; run ./x.sh setup (npm ci)",
            bin.display()
        ));
    }
    let mut cmd = Command::new("node");
    cmd.arg(&bin)
        .arg("-Oz")
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

/// index.html, main.js, the site's CSS, and the NL Design System CSS with its
/// licence (self-hosted: the page loads nothing from elsewhere), reduced to
/// the rules the site's classes can match.
fn copy_static(root: &Path, site: &Path, dist: &Path) -> Result<(), String> {
    copy_dir(&site.join("static"), dist)?;
    let utrecht = root.join("node_modules/@utrecht/component-library-css");
    let css = dist.join("css");
    std::fs::create_dir_all(&css).map_err(|e| e.to_string())?;
    let missing = |from: &Path, e: std::io::Error| {
        format!(
            "cannot read {}: {e}; run ./x.sh setup (npm ci)",
            from.display()
        )
    };
    let full = utrecht.join("dist/index.css");
    let text = std::fs::read_to_string(&full).map_err(|e| missing(&full, e))?;
    let used = css_purge::words_in_sources(site)?;
    let kept = css_purge::purge(&text, &used);
    std::fs::write(css.join("utrecht.css"), &kept).map_err(|e| e.to_string())?;
    println!(
        "utrecht.css: kept {} of {} bytes (rules the site's classes can match)",
        kept.len(),
        text.len()
    );
    let licence = utrecht.join("LICENSE.md");
    std::fs::copy(&licence, css.join("utrecht-LICENSE.md")).map_err(|e| missing(&licence, e))?;
    Ok(())
}

fn copy_dir(from: &Path, to: &Path) -> Result<(), String> {
    std::fs::create_dir_all(to).map_err(|e| format!("{}: {e}", to.display()))?;
    let entries = std::fs::read_dir(from).map_err(|e| format!("{}: {e}", from.display()))?;
    for entry in entries {
        let entry = entry.map_err(|e| e.to_string())?;
        let target = to.join(entry.file_name());
        if entry.file_type().map_err(|e| e.to_string())?.is_dir() {
            copy_dir(&entry.path(), &target)?;
        } else {
            std::fs::copy(entry.path(), &target)
                .map_err(|e| format!("{}: {e}", entry.path().display()))?;
        }
    }
    Ok(())
}
