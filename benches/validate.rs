//! Validation cost per call for every form, on its fixtures: the site
//! re-validates on every keystroke, so this is the number that matters for a
//! responsive form; and reading and checking each form file, what a form
//! page does before it shows. Run: `cargo bench --bench validate`.
//! (A plain bench binary: numbers are reported, not asserted.)

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use aanvraagwijzer::definition::check::check_form;
use aanvraagwijzer::{find_form, summary, validate, Document, Verdict};

fn main() {
    let today = aanvraagwijzer_test_support::today();
    let start = Instant::now();
    let forms = aanvraagwijzer::forms();
    println!(
        "catalog: {} forms parsed in {:?} (once per page load)",
        forms.len(),
        start.elapsed()
    );

    // What a form page does first with the published file it fetched: read
    // it (JSON into `Form`) and check it (`published::load_form_json`).
    println!(
        "{:<40} {:>8} {:>10} {:>10}",
        "form file", "bytes", "read", "check"
    );
    for form in forms {
        let Ok(json) = serde_json::to_string(form) else {
            continue;
        };
        let (_, per_read) = measure(|| {
            black_box(serde_json::from_str::<aanvraagwijzer::Form>(black_box(&json)).is_ok());
        });
        let (_, per_check) = measure(|| {
            black_box(check_form(black_box(form), form.swv()));
        });
        println!(
            "{:<40} {:>8} {:>8.1}µs {:>8.1}µs",
            form.id,
            json.len(),
            micros(per_read),
            micros(per_check)
        );
    }

    let root = aanvraagwijzer_test_support::fixtures_dir();
    println!(
        "{:<64} {:>8} {:>10} {:>12} {:>12}",
        "fixture", "findings", "iters", "validate", "verdict"
    );
    let mut files: Vec<_> = walk(&root);
    files.sort();
    for path in files {
        let Ok(text) = std::fs::read_to_string(&path) else {
            continue;
        };
        let Ok(doc) = Document::from_json(&text) else {
            continue;
        };
        let Some(form) = find_form(&doc.form) else {
            continue;
        };
        let findings = validate(form, &doc, today).len();
        let (iters, per_validate) = measure(|| {
            black_box(validate(form, black_box(&doc), today));
            black_box(summary(form, &doc, today));
        });
        let (_, per_verdict) = measure(|| {
            black_box(Verdict::of(form, black_box(&doc), today));
        });
        let name = path
            .strip_prefix(&root)
            .unwrap_or(&path)
            .display()
            .to_string();
        println!(
            "{name:<64} {findings:>8} {iters:>10} {:>10.1}µs {:>10.1}µs",
            micros(per_validate),
            micros(per_verdict)
        );
    }
}

/// Runs `f` repeatedly for about 200 ms, in 20 batches; returns iterations
/// and the time per call of the fastest batch (the least disturbed by the
/// rest of the machine, so two runs can be compared).
fn measure(mut f: impl FnMut()) -> (u32, Duration) {
    for _ in 0..10 {
        f();
    }
    let batch = Duration::from_millis(10);
    let mut iters = 0u32;
    let mut best = Duration::MAX;
    for _ in 0..20 {
        let start = Instant::now();
        let mut n = 0u32;
        while start.elapsed() < batch {
            f();
            n += 1;
        }
        iters += n;
        best = best.min(start.elapsed() / n.max(1));
    }
    (iters, best)
}

fn micros(d: Duration) -> f64 {
    d.as_secs_f64() * 1e6
}

fn walk(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).into_iter().flatten().flatten() {
        let p = entry.path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|e| e == "json") {
            out.push(p);
        }
    }
    out
}
