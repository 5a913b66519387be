//! `build-site`: both wasm modules (xtask/src/wasm.rs), the static files and
//! the CSS the site uses into `site/dist/`, then hashed names, `.br`/`.gz`
//! copies and the size report.

use std::path::Path;
use std::time::Instant;

use crate::wasm::{self, Module, Options};
use crate::{css_purge, publish, repo_root, sizes};

/// The site's crate name as cargo writes the wasm file.
const SITE_FILE: &str = "aanvraagwijzer_site";
/// The package module (crates/package-wasm): PDF, SHA-256 and ZIP for
/// "Download aanvraag (pakket)". The site loads it with `import()` on first
/// use, so it is not part of the form page's own download.
const PACKAGE_FILE: &str = "aanvraagwijzer_package_wasm";
/// Folder under dist/ the site imports the package module from.
const PACKAGE_DIR: &str = "pkg-package";

/// `build-site [--no-wasm-opt]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let optimise = match args {
        [] => true,
        [flag] if flag == "--no-wasm-opt" => false,
        _ => return Err(format!("build-site: unknown arguments {args:?}")),
    };
    build(&repo_root(), Options { optimise })
}

/// Builds the site into `site/dist/` and prints the sizes; fails over the
/// first-load budget. Each step is one call, so a variant of the build (one
/// SWV under its own path, say) can reuse them.
pub fn build(root: &Path, options: Options) -> Result<(), String> {
    let site = root.join("site");
    let dist = site.join("dist");
    let started = Instant::now();

    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    let app = Module {
        what: "site",
        dir: site.clone(),
        file: SITE_FILE,
    };
    wasm::build_module(&app, &dist.join("pkg"), options)?;
    let package = Module {
        what: "package module",
        dir: root.join("crates/package-wasm"),
        file: PACKAGE_FILE,
    };
    wasm::build_module(&package, &dist.join(PACKAGE_DIR), options)?;
    let built = Instant::now();

    copy_static(root, &site, &dist)?;
    let published = crate::forms_out::write(&dist, None)?;
    println!("forms: {published} published as data files in forms/ (+ forms/index.json)");
    publish::fingerprint(&dist)?;
    publish::compress(&dist)?;

    println!(
        "site built in {:.1}s (wasm modules {:.1}s) -> {}",
        started.elapsed().as_secs_f64(),
        (built - started).as_secs_f64(),
        dist.display()
    );
    if !options.optimise {
        println!("wasm-opt skipped (--no-wasm-opt): sizes below are not the shipped ones");
    }
    sizes::print(&dist)
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
