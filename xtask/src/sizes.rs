//! Sizes of the built site, raw and as served with brotli (what users wait for).

use std::io::Write;
use std::path::Path;
use std::process::{Command, Stdio};

/// Prints raw and brotli sizes of the wasm bundle, the JS glue and the CSS.
pub fn print(dist: &Path) -> Result<(), String> {
    let files = [
        ("wasm", "pkg/aanvraagwijzer_site_bg.wasm"),
        ("js glue", "pkg/aanvraagwijzer_site.js"),
        ("main.js", "main.js"),
        ("site css", "css/site.css"),
        ("utrecht css", "css/utrecht.css"),
        ("index.html", "index.html"),
    ];
    let mut total = (0, 0);
    println!("{:<12} {:>10} {:>10}", "file", "raw", "brotli");
    for (label, rel) in files {
        let bytes = std::fs::read(dist.join(rel))
            .map_err(|e| format!("{}: {e} (build the site first)", dist.join(rel).display()))?;
        let compressed = brotli_len(&bytes)?;
        total.0 += bytes.len();
        total.1 += compressed;
        println!("{label:<12} {:>10} {:>10}", bytes.len(), compressed);
    }
    println!("{:<12} {:>10} {:>10}", "total", total.0, total.1);
    // Loaded with import() only on "Download pakket voor Tommy": not in the total.
    for (label, rel) in [
        (
            "pakket wasm",
            "pkg-package/aanvraagwijzer_package_wasm_bg.wasm",
        ),
        ("pakket js", "pkg-package/aanvraagwijzer_package_wasm.js"),
    ] {
        if let Ok(bytes) = std::fs::read(dist.join(rel)) {
            println!(
                "{label:<12} {:>10} {:>10}  (lazy)",
                bytes.len(),
                brotli_len(&bytes)?
            );
        }
    }
    Ok(())
}

/// Length after `brotli -q 11` (Debian's brotli CLI).
fn brotli_len(bytes: &[u8]) -> Result<usize, String> {
    let mut child = Command::new("brotli")
        .args(["-c", "-q", "11", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .map_err(|e| format!("brotli: {e} (run ./x.sh setup)"))?;
    let mut stdin = child.stdin.take().ok_or("brotli: no stdin")?;
    let input = bytes.to_vec();
    // Write from a thread: brotli's output pipe could fill while we write.
    let writer = std::thread::spawn(move || stdin.write_all(&input));
    let out = child.wait_with_output().map_err(|e| e.to_string())?;
    writer
        .join()
        .map_err(|_| "brotli writer panicked".to_owned())?
        .map_err(|e| e.to_string())?;
    Ok(out.stdout.len())
}
