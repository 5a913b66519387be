//! Sizes of the built site, raw and as served with brotli (what users wait for),
//! and the first-load budget.

use std::path::Path;

use crate::publish;

/// The most the start page may download, brotli-compressed, in bytes: every
/// file of `dist/` except the lazily loaded package module (`pkg-package/`),
/// the studio's own build (`studio/`), the published forms' files (one is
/// loaded when a form opens; printed as "form page") and licence texts;
/// `forms/index.json` counts. The one place this budget lives; raise it only with a
/// reason in the commit message. Set at 297,677 (Nov 2026) plus 2% on the
/// perf branch; with the forms merged in since, the first load was 368,646
/// (site wasm 351,124); the size flags and wasm-opt level of xtask/src/wasm.rs
/// brought it to about 334,500. Then the signers, signing texts and document
/// titles in every form, option hints and "remember my SWV" added 7.5 KB to the
/// site wasm (forms are still embedded): 343,504 on 29 Nov 2026, plus 3%.
/// Issue 15 aims at 150 KB for any page (the forms move out of the wasm in the
/// publishing work). Issue 12 §2 (tasklist branch, 29 Nov 2026) split the form
/// into a task list, one page per section and a check page with "Wijzig"
/// links: four page views instead of one, +20.8 KB brotli of site wasm
/// (343,195 -> 364,000 measured with `./x.sh build`); the budget went up the
/// 3% allowed (354,000 -> 364,600), the rest must come out of the wasm.
/// Then attachments chosen at their field (issue 12 §3, +5 KB) and the NFC
/// of every answer (issue 11 §1; the browser's own `normalize` instead of the
/// crate's tables, which alone would have added 50 KB) together: 370,595 on
/// 29 Nov 2026, plus 3%. Then the forms left the wasm (issue 14 §1: the
/// site loads `forms/index.json` and only the opened form's file): 341,316
/// on 29 Nov 2026 (site wasm 321,562; a form page adds at most 8,773 for the
/// largest form file), plus 3%; the Dutch wording of every form-file
/// problem (the broken-form page) then added 2.5 KB: 343,805. Issue 15's
/// prerendered pages (site/prerender.mjs: the list of forms as HTML in
/// index.html, `page-guard.js`, and `page.rs` in the wasm) then added 5.8 KB:
/// 349,677 on 29 Nov 2026, within the budget; a form's own page is counted
/// instead of index.html ("form by its address"). The keystroke work (the
/// tab's write and the judging after the frame, flushed when the page is
/// left) then added 1.2 KB: 350,835 on 29 Nov 2026, within the budget.
/// Reading a field, a condition and a note by hand instead of through
/// serde's `Content` (`src/definition/read.rs`) took 12.0 KB off the site
/// wasm (327,390 -> 315,391): 338,853 on 29 Nov 2026; the budget came down
/// to 341,000 so the bytes stay won. Drawing the app's first page in pieces
/// (`site/src/takeover.rs`: a `Later` per box and question, each its own
/// `AnyView`) then added 2.1 KB: 341,599 on 30 Nov 2026, for a form page's
/// Total Blocking Time halved (Lighthouse mobile 86 -> 96); the budget
/// went to 342,500.
pub const FIRST_LOAD_BUDGET_BROTLI: usize = 342_500;

/// Loaded with `import()` only when a package is made or opened, and the
/// form studio: a build of its own in `studio/` (its page, its lazily loaded
/// module `studio/pkg-studio/` and the form files), opened only by SWV staff.
const LAZY_DIRS: &[&str] = &["pkg-package/", "studio/"];

/// Files the site never loads: licence texts, the frame policy for servers
/// (`frame-ancestors.txt`) and `embed.js`, which runs on the SWV's page.
const NOT_LOADED: &[&str] = &[".md", ".txt", "embed.js"];

/// The published forms (`forms/<swv>/<form>.json`): a form page loads one of
/// them on top of the first load; the index (`forms/index.json`) is part of
/// the first load.
const FORMS_DIR: &str = "forms/";

/// A form's own prerendered page (`<swv>/<form>/index.html`): opening a
/// form by its address loads it instead of the start page's `index.html`.
fn is_own_page(rel: &str) -> bool {
    rel.ends_with("/index.html") && !LAZY_DIRS.iter().any(|d| rel.starts_with(d))
}

/// Prints raw and brotli sizes of every file in `dist`, and fails when the
/// first load is over [`FIRST_LOAD_BUDGET_BROTLI`].
pub fn print(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    publish::walk(dist, &mut files)
        .map_err(|e| format!("{e} (build the site first: ./x.sh build)"))?;
    let mut first = (0, 0);
    let mut lazy = (0, 0);
    // The largest form file, as (raw, brotli, name): the worst form page.
    let mut largest_form = (0, 0, String::new());
    // The largest form's own page, and the start page's index.html it replaces.
    let mut largest_page = (0, 0, String::new());
    let mut start_page = (0, 0);
    println!("{:<72} {:>10} {:>10}", "file", "raw", "brotli");
    for file in &files {
        let rel = file
            .strip_prefix(dist)
            .map_err(|e| e.to_string())?
            .to_string_lossy()
            .replace('\\', "/");
        if rel.ends_with(".br") || rel.ends_with(".gz") {
            continue;
        }
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        // The .br the server sends, when the build wrote one.
        let compressed = match std::fs::read(format!("{}.br", file.display())) {
            Ok(br) => br.len(),
            Err(_) => publish::brotli(&bytes)?.len(),
        };
        let note = if LAZY_DIRS.iter().any(|d| rel.starts_with(d)) {
            lazy.0 += bytes.len();
            lazy.1 += compressed;
            "  (lazy)"
        } else if rel.starts_with(FORMS_DIR) && rel != "forms/index.json" {
            if compressed > largest_form.1 {
                largest_form = (bytes.len(), compressed, rel.clone());
            }
            "  (when opened)"
        } else if NOT_LOADED.iter().any(|n| rel.ends_with(n)) {
            "  (not loaded)"
        } else if is_own_page(&rel) {
            if compressed > largest_page.1 {
                largest_page = (bytes.len(), compressed, rel.clone());
            }
            "  (form's own page)"
        } else {
            if rel == "index.html" {
                start_page = (bytes.len(), compressed);
            }
            first.0 += bytes.len();
            first.1 += compressed;
            ""
        };
        println!("{rel:<72} {:>10} {:>10}{note}", bytes.len(), compressed);
    }
    println!(
        "{:<72} {:>10} {:>10}",
        "first load (start page)", first.0, first.1
    );
    if !largest_form.2.is_empty() {
        println!(
            "{:<72} {:>10} {:>10}",
            format!("form page (first load + {})", largest_form.2),
            first.0 + largest_form.0,
            first.1 + largest_form.1
        );
    }
    if !largest_page.2.is_empty() {
        // Its own page instead of the start page's, plus the form's file.
        println!(
            "{:<72} {:>10} {:>10}",
            format!(
                "form by its address (largest: {} + form file)",
                largest_page.2
            ),
            first.0 - start_page.0 + largest_page.0 + largest_form.0,
            first.1 - start_page.1 + largest_page.1 + largest_form.1
        );
    }
    println!(
        "{:<72} {:>10} {:>10}",
        "package module and studio (lazy)", lazy.0, lazy.1
    );
    if first.1 > FIRST_LOAD_BUDGET_BROTLI {
        return Err(format!(
            "first load is {} bytes brotli, over the budget of {FIRST_LOAD_BUDGET_BROTLI} \
             (xtask/src/sizes.rs): find what grew (xtask sizes per file) before raising it",
            first.1
        ));
    }
    println!(
        "budget: {} of {FIRST_LOAD_BUDGET_BROTLI} bytes brotli ({} left)",
        first.1,
        FIRST_LOAD_BUDGET_BROTLI - first.1
    );
    Ok(())
}
