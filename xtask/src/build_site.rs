//! `build-site`: the wasm modules (xtask/src/wasm.rs: the site, the package
//! module, the site again with feature `studio` into `dist/studio/` and the
//! studio module), the static files and the CSS the site uses into
//! `site/dist/`, then hashed names, the prerendered pages (site/prerender.mjs),
//! `.br`/`.gz` copies and the size report. `--swv <id>` builds one SWV's own site (its
//! name, logo, colours, contact line and embedding origins, xtask/src/swv.rs)
//! into `site/dist-<id>/` (or `--out DIR`).

use std::path::{Path, PathBuf};
use std::time::Instant;

use crate::swv::{self, SwvSite};
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
/// The form studio's own build of the site (feature `studio`), its own
/// `index.html` (site/static/studio/) and `pkg/`, sharing the site's CSS
/// (`../css/`). A build of its own so a school's download carries none of
/// the studio's page code (ARCHITECTURE.md).
pub const STUDIO_SITE_DIR: &str = "studio";
/// The form studio module (crates/studio-wasm): TOML checking with line and
/// column, and the form diff. Loaded with `import()` by the studio only.
const STUDIO_FILE: &str = "aanvraagwijzer_studio_wasm";
/// Folder under dist/studio/ the studio imports the studio module from.
const STUDIO_DIR: &str = "pkg-studio";

/// `build-site [--no-wasm-opt] [--keep-names] [--swv ID [--embed-origin ORIGIN]...] [--out DIR]`.
pub fn run(args: &[String]) -> Result<(), String> {
    let mut optimise = true;
    let mut keep_names = false;
    let mut swv_id = None;
    let mut out = None;
    let mut extra_origins = Vec::new();
    let mut it = args.iter();
    while let Some(arg) = it.next() {
        match arg.as_str() {
            "--no-wasm-opt" => optimise = false,
            "--keep-names" => keep_names = true,
            "--swv" => swv_id = Some(it.next().ok_or("--swv needs an SWV id")?.clone()),
            "--out" => out = Some(PathBuf::from(it.next().ok_or("--out needs a folder")?)),
            "--embed-origin" => extra_origins.push(
                it.next()
                    .ok_or("--embed-origin needs an origin (https://host)")?
                    .clone(),
            ),
            other => return Err(format!("build-site: unknown argument {other}")),
        }
    }
    let root = repo_root();
    // Checked before the slow wasm build: a wrong id or a broken swv.toml
    // fails at once.
    let swv = match &swv_id {
        Some(id) => Some(swv::load(&root.join("forms"), id, &extra_origins)?),
        None if !extra_origins.is_empty() => {
            return Err("--embed-origin needs --swv: the all-SWV site is never framed".into())
        }
        None => None,
    };
    let dist = match (out, &swv) {
        (Some(dir), _) => dir,
        (None, Some(s)) => root.join("site").join(format!("dist-{}", s.id)),
        (None, None) => root.join("site/dist"),
    };
    build_into(
        &root,
        Options {
            optimise,
            keep_names,
        },
        swv.as_ref(),
        &dist,
    )
}

/// Builds the all-SWV site into `site/dist/` and prints the sizes; fails
/// over the first-load budget.
pub fn build(root: &Path, options: Options) -> Result<(), String> {
    build_into(root, options, None, &root.join("site/dist"))
}

/// Builds the site into `dist`, for all SWVs or for one (`swv`), and prints
/// the sizes. The wasm is the same for both: the site reads which SWV it
/// serves from index.html (xtask/src/swv.rs).
pub fn build_into(
    root: &Path,
    options: Options,
    swv: Option<&SwvSite>,
    dist: &Path,
) -> Result<(), String> {
    let site = root.join("site");
    let dist = dist.to_path_buf();
    let started = Instant::now();

    if dist.exists() {
        std::fs::remove_dir_all(&dist)
            .map_err(|e| format!("cannot clear {}: {e}", dist.display()))?;
    }
    let app = Module {
        what: "site",
        dir: site.clone(),
        file: SITE_FILE,
        features: &[],
    };
    wasm::build_module(&app, &dist.join("pkg"), options)?;
    let package = Module {
        what: "package module",
        dir: root.join("crates/package-wasm"),
        file: PACKAGE_FILE,
        features: &[],
    };
    wasm::build_module(&package, &dist.join(PACKAGE_DIR), options)?;
    copy_pdf_fonts(root, &dist.join(PACKAGE_DIR))?;
    let studio_started = Instant::now();
    let studio_site = Module {
        what: "studio site",
        dir: site.clone(),
        file: SITE_FILE,
        features: &["studio"],
    };
    let studio_dist = dist.join(STUDIO_SITE_DIR);
    wasm::build_module(&studio_site, &studio_dist.join("pkg"), options)?;
    let studio_site_time = studio_started.elapsed();
    let studio = Module {
        what: "studio module",
        dir: root.join("crates/studio-wasm"),
        file: STUDIO_FILE,
        features: &[],
    };
    wasm::build_module(&studio, &studio_dist.join(STUDIO_DIR), options)?;
    copy_form_sources(root, &studio_dist.join(STUDIO_DIR).join("forms"))?;
    let built = Instant::now();

    copy_static(root, &site, &dist)?;
    // The studio starts like the site (the Dutch alert when the wasm stops),
    // with its own `./pkg/`.
    std::fs::copy(site.join("static/main.js"), studio_dist.join("main.js"))
        .map_err(|e| format!("site/static/main.js: {e}"))?;
    let site_css = std::fs::read_to_string(site.join("static/css/site.css"))
        .map_err(|e| format!("site/static/css/site.css: {e}"))?;
    swv::write_into(&dist, &site_css, swv)?;
    let published = crate::forms_out::write(&dist, swv.map(|s| s.id.as_str()))?;
    println!("forms: {published} published as data files in forms/ (+ forms/index.json)");
    publish::fingerprint(&dist)?;
    prerender(root, &dist)?;
    publish::compress(&dist)?;

    println!(
        "site built in {:.1}s (wasm modules {:.1}s, of which the studio's build of the site \
         {:.1}s) -> {}",
        started.elapsed().as_secs_f64(),
        (built - started).as_secs_f64(),
        studio_site_time.as_secs_f64(),
        dist.display()
    );
    if !options.optimise {
        println!("wasm-opt skipped (--no-wasm-opt): sizes below are not the shipped ones");
    }
    if options.keep_names {
        println!("function names kept (--keep-names): sizes below are not the shipped ones");
    }
    let frame = swv::frame_ancestors(swv);
    match swv {
        Some(s) => println!(
            "one SWV: {} ({}); may be framed by: {frame}\n\
             on a static host, send: Content-Security-Policy: ... frame-ancestors {frame} \
             (docs/handleiding-swv.md)",
            s.name, s.id
        ),
        None => println!("all SWVs; may not be framed (frame-ancestors {frame})"),
    }
    match sizes::print(&dist) {
        // A profiling build is never shipped: its names alone pass the budget.
        Err(over) if options.keep_names => {
            println!("{over} (ignored: --keep-names)");
            Ok(())
        }
        result => result,
    }
}

/// The start page and every form's own page (`<swv>/<form>/index.html`) as
/// HTML drawn by the app itself, in Chromium (site/prerender.mjs): after the
/// names are hashed (the pages name the hashed files), before the
/// compressed copies are made.
fn prerender(root: &Path, dist: &Path) -> Result<(), String> {
    let started = Instant::now();
    let status = std::process::Command::new("node")
        .arg(root.join("site/prerender.mjs"))
        .arg(dist)
        .current_dir(root)
        .status()
        .map_err(|e| format!("cannot run node for site/prerender.mjs: {e}; run ./x.sh setup"))?;
    if !status.success() {
        return Err(format!(
            "prerendering failed ({status}): see above; it needs Chromium (/usr/bin/chromium) \
             and node_modules (./x.sh setup)"
        ));
    }
    println!("prerendered in {:.1}s", started.elapsed().as_secs_f64());
    Ok(())
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

/// The form files (`forms/<swv>/<form>.toml`) for the studio's "Open dit
/// formulier", next to the studio module so only the studio fetches them.
/// A form file is one whose `id` line names its own place; other TOML under
/// forms/ (an SWV's settings) is left out.
fn copy_form_sources(root: &Path, to: &Path) -> Result<(), String> {
    let forms = root.join("forms");
    let swvs = std::fs::read_dir(&forms).map_err(|e| format!("{}: {e}", forms.display()))?;
    for swv in swvs {
        let swv = swv.map_err(|e| e.to_string())?;
        if !swv.file_type().map_err(|e| e.to_string())?.is_dir() {
            continue;
        }
        let swv_name = swv.file_name().to_string_lossy().into_owned();
        let files = std::fs::read_dir(swv.path()).map_err(|e| e.to_string())?;
        for file in files {
            let path = file.map_err(|e| e.to_string())?.path();
            let Some(stem) = path
                .file_name()
                .and_then(|n| n.to_str())
                .and_then(|n| n.strip_suffix(".toml"))
            else {
                continue;
            };
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            let id_line = format!("id = \"{swv_name}/{stem}\"");
            if !text.lines().any(|l| l.trim() == id_line) {
                continue;
            }
            let target = to.join(&swv_name);
            std::fs::create_dir_all(&target).map_err(|e| format!("{}: {e}", target.display()))?;
            std::fs::write(target.join(format!("{stem}.toml")), text)
                .map_err(|e| format!("{}: {e}", target.display()))?;
        }
    }
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

/// The PDF's two faces and their licence, beside the package module: it is
/// built without them and the page's loader fetches them with it
/// (site/src/package/bridge.rs). Hashed and compressed like the module.
fn copy_pdf_fonts(root: &Path, package_dir: &Path) -> Result<(), String> {
    let from = root.join("crates/pdf/fonts");
    let to = package_dir.join("fonts");
    std::fs::create_dir_all(&to).map_err(|e| format!("{}: {e}", to.display()))?;
    for name in [
        "DejaVuSans.ttf",
        "DejaVuSans-Bold.ttf",
        "LICENSE-DejaVu.txt",
    ] {
        std::fs::copy(from.join(name), to.join(name))
            .map_err(|e| format!("{}: {e}", from.join(name).display()))?;
    }
    Ok(())
}
