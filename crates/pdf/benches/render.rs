//! Time to render the summary PDF of the largest fixture natively (the
//! package module does the same work in the browser). Run:
//! `cargo bench -p aanvraagwijzer-pdf --bench render`. A plain bench binary:
//! numbers are printed, not asserted. `PDF_OUT=file.pdf` also writes that
//! PDF, to look at or to check with other tools.

use std::hint::black_box;
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use aanvraagwijzer::{find_form, Document, Verdict};
use aanvraagwijzer_test_support::{fixtures_dir, made};

fn main() {
    // Every fixture once: the largest PDF is the one timed.
    let mut largest: Option<(usize, PathBuf, Document)> = None;
    for path in walk(&fixtures_dir()) {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(doc) = Document::from_json(&text) else {
            continue;
        };
        let Some(form) = find_form(&doc.form) else {
            continue;
        };
        let verdict = Verdict::of(form, &doc, made().date());
        let size = aanvraagwijzer_pdf::render(form, &doc, &verdict, made()).len();
        if largest.as_ref().is_none_or(|(s, _, _)| size > *s) {
            largest = Some((size, path, doc));
        }
    }
    let Some((size, path, doc)) = largest else {
        eprintln!("no fixtures under {}", fixtures_dir().display());
        return;
    };
    let Some(form) = find_form(&doc.form) else {
        return;
    };
    let verdict = Verdict::of(form, &doc, made().date());
    let pdf = aanvraagwijzer_pdf::render(form, &doc, &verdict, made());
    if let Some(out) = std::env::var_os("PDF_OUT") {
        if let Err(e) = std::fs::write(&out, &pdf) {
            eprintln!("cannot write {}: {e}", Path::new(&out).display());
        }
    }

    let mut times = Vec::new();
    let budget = Instant::now();
    while times.len() < 20 || (budget.elapsed() < Duration::from_secs(3) && times.len() < 500) {
        let start = Instant::now();
        black_box(aanvraagwijzer_pdf::render(
            form,
            black_box(&doc),
            &verdict,
            made(),
        ));
        times.push(start.elapsed());
    }
    times.sort();
    let pages = pdf
        .windows(12)
        .filter(|w| w.starts_with(b"/Type /Page") && w[11] != b's')
        .count();
    println!(
        "{} ({size} bytes, {pages} pages): median {:?}, min {:?}, max {:?} over {} renders",
        path.strip_prefix(fixtures_dir()).unwrap_or(&path).display(),
        times[times.len() / 2],
        times[0],
        times[times.len() - 1],
        times.len()
    );
}

fn walk(dir: &Path) -> Vec<PathBuf> {
    let mut out = Vec::new();
    if let Ok(entries) = std::fs::read_dir(dir) {
        for e in entries.flatten() {
            let p = e.path();
            if p.is_dir() {
                out.extend(walk(&p));
            } else if p.extension().is_some_and(|x| x == "json") {
                out.push(p);
            }
        }
    }
    out.sort();
    out
}
