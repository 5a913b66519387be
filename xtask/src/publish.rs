//! Makes `dist/` ready to be served fast: content-hashed file names for
//! scripts, wasm and CSS (cacheable forever), and `.br`/`.gz` copies of every
//! text and wasm file (served as they are, no compression per request).
//!
//! A hashed name is `<stem>.<16 hex digits of SHA-256>.<ext>`; servers
//! recognise it by that shape (see `is_hashed` in crates/server and the nginx
//! and Apache snippets in README.md). HTML keeps its name and is revalidated
//! on every visit, so a new build is picked up at once.

use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use sha2::{Digest, Sha256};

/// Hex digits of the content hash in a file name.
pub const HASH_LEN: usize = 16;

/// Extensions that get a hashed name (HTML and licence texts do not). `ttf`:
/// the PDF's font, fetched by the package module's loader.
const HASHED: &[&str] = &["js", "wasm", "css", "ttf"];
/// Files that keep their name: `embed.js` is copied onto, or named by, the
/// SWV's own pages (docs/handleiding-swv.md), so its address must not change.
const KEEP_NAME: &[&str] = &["embed.js"];
/// Extensions that get `.br` and `.gz` copies.
const COMPRESSED: &[&str] = &[
    "html", "js", "wasm", "css", "json", "md", "svg", "txt", "ttf",
];

/// Renames every script, wasm and CSS file in `dist` to its hashed name and
/// rewrites the references to it (in HTML, JS and CSS files). A file is named
/// only after every file it references has been, so its hash covers the
/// names it loads: wasm before the JS glue that fetches it, the glue before
/// `main.js`, all of them before `index.html`.
///
/// A folder below `dist` with its own `index.html` (the studio, `studio/`)
/// is a site of its own, named first and on its own: its `pkg/` and
/// `main.js` share names with the outer site's. Its HTML may name the outer
/// site's files (`../css/site.css`) and follows their new names.
pub fn fingerprint(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    let nested: Vec<PathBuf> = files
        .iter()
        .filter(|f| f.file_name().is_some_and(|n| n == "index.html"))
        .filter_map(|f| f.parent())
        .filter(|d| *d != dist)
        .map(Path::to_path_buf)
        .collect();
    for site in &nested {
        let own: Vec<PathBuf> = files
            .iter()
            .filter(|f| f.starts_with(site))
            .cloned()
            .collect();
        fingerprint_site(site, &own, &own)?;
    }
    let mut outer = Vec::new();
    walk(dist, &mut outer)?;
    let in_nested = |f: &PathBuf| nested.iter().any(|n| f.starts_with(n));
    let own: Vec<PathBuf> = outer.iter().filter(|f| !in_nested(f)).cloned().collect();
    let texts: Vec<PathBuf> = outer
        .iter()
        .filter(|f| !in_nested(f) || has_ext(f, &["html"]))
        .cloned()
        .collect();
    fingerprint_site(dist, &own, &texts)
}

/// Hashes the names of `files` (all in the site at `dist`) and rewrites
/// the references in `texts`.
fn fingerprint_site(dist: &Path, files: &[PathBuf], texts: &[PathBuf]) -> Result<(), String> {
    let mut pending: Vec<PathBuf> = files
        .iter()
        .filter(|p| has_ext(p, HASHED))
        .filter(|p| {
            p.file_name()
                .and_then(|n| n.to_str())
                .is_none_or(|n| !KEEP_NAME.contains(&n))
        })
        .cloned()
        .collect();
    let keys = reference_keys(dist, &pending)?;
    let mut texts: Vec<PathBuf> = texts
        .iter()
        .filter(|p| has_ext(p, &["html", "js", "css"]))
        .cloned()
        .collect();
    while !pending.is_empty() {
        let mut ready = Vec::new();
        for file in &pending {
            let text = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
            let text = String::from_utf8_lossy(&text);
            let waits = pending
                .iter()
                .any(|other| other != file && find_ref(&text, &keys[other]).is_some());
            if !waits {
                ready.push(file.clone());
            }
        }
        if ready.is_empty() {
            return Err(format!(
                "files reference each other in a cycle: {pending:?}"
            ));
        }
        for file in ready {
            let bytes = std::fs::read(&file).map_err(|e| format!("{}: {e}", file.display()))?;
            let hash = Sha256::digest(&bytes);
            let hex: String = hash.iter().map(|b| format!("{b:02x}")).collect();
            let name = file
                .file_name()
                .and_then(|n| n.to_str())
                .unwrap_or_default();
            let (stem, ext) = name.rsplit_once('.').unwrap_or((name, ""));
            let new_name = format!("{stem}.{}.{ext}", &hex[..HASH_LEN]);
            let target = file.with_file_name(&new_name);
            std::fs::rename(&file, &target).map_err(|e| format!("{}: {e}", file.display()))?;
            let old_key = &keys[&file];
            let new_key = match old_key.rsplit_once('/') {
                Some((dir, _)) => format!("{dir}/{new_name}"),
                None => new_name.clone(),
            };
            for text_file in texts.iter_mut() {
                if *text_file == file {
                    *text_file = target.clone();
                    continue;
                }
                rewrite(text_file, old_key, &new_key)?;
            }
            pending.retain(|p| *p != file);
        }
    }
    Ok(())
}

/// How other files name each hashable file: its file name, or
/// `<folder>/<name>` where two files share a name (wasm-bindgen's
/// `snippets/<crate>-<hash>/inline0.js`).
fn reference_keys(dist: &Path, files: &[PathBuf]) -> Result<BTreeMap<PathBuf, String>, String> {
    let mut keys = BTreeMap::new();
    for file in files {
        let name = file
            .file_name()
            .and_then(|n| n.to_str())
            .unwrap_or_default();
        let shared = files
            .iter()
            .filter(|o| o.file_name() == file.file_name())
            .count()
            > 1;
        let key = if shared {
            let parent = file
                .parent()
                .and_then(|p| p.file_name())
                .and_then(|n| n.to_str())
                .ok_or_else(|| format!("{}: no folder", file.display()))?;
            format!("{parent}/{name}")
        } else {
            name.to_owned()
        };
        if file.strip_prefix(dist).is_err() {
            return Err(format!("{} is outside {}", file.display(), dist.display()));
        }
        keys.insert(file.clone(), key);
    }
    Ok(keys)
}

/// The first place `text` names `key` as a whole path segment: after a
/// quote or `/`, followed by a quote, `?`, `#` or `)`.
fn find_ref(text: &str, key: &str) -> Option<usize> {
    let mut from = 0;
    while let Some(i) = text[from..].find(key).map(|i| i + from) {
        let before = text[..i].chars().next_back();
        let after = text[i + key.len()..].chars().next();
        let starts = matches!(before, Some('/' | '\'' | '"' | '`' | '('));
        let ends = matches!(after, Some('\'' | '"' | '`' | '?' | '#' | ')'));
        // `"./snippets/x/inline0.js": import1` in wasm-bindgen's glue is the
        // import module name the wasm binary asks for, not a URL: it stays.
        let object_key = text[i + key.len()..]
            .get(1..)
            .is_some_and(|t| t.trim_start().starts_with(':'));
        if starts && ends && !object_key {
            return Some(i);
        }
        from = i + key.len();
    }
    None
}

/// Replaces every reference to `old` in `file` by `new`.
fn rewrite(file: &Path, old: &str, new: &str) -> Result<(), String> {
    let text = std::fs::read_to_string(file).map_err(|e| format!("{}: {e}", file.display()))?;
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    let mut changed = false;
    while let Some(i) = find_ref(rest, old) {
        out.push_str(&rest[..i]);
        out.push_str(new);
        rest = &rest[i + old.len()..];
        changed = true;
    }
    if changed {
        out.push_str(rest);
        std::fs::write(file, out).map_err(|e| format!("{}: {e}", file.display()))?;
    }
    Ok(())
}

/// Writes `<file>.br` (brotli -q 11) and `<file>.gz` (gzip -9) next to every
/// text and wasm file in `dist`.
pub fn compress(dist: &Path) -> Result<(), String> {
    let mut files = Vec::new();
    walk(dist, &mut files)?;
    for file in files.iter().filter(|p| has_ext(p, COMPRESSED)) {
        let bytes = std::fs::read(file).map_err(|e| format!("{}: {e}", file.display()))?;
        let br = brotli(&bytes)?;
        std::fs::write(with_suffix(file, "br"), br).map_err(|e| e.to_string())?;
        let mut gz = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::best());
        gz.write_all(&bytes).map_err(|e| e.to_string())?;
        let gz = gz.finish().map_err(|e| e.to_string())?;
        std::fs::write(with_suffix(file, "gz"), gz).map_err(|e| e.to_string())?;
    }
    Ok(())
}

fn with_suffix(file: &Path, suffix: &str) -> PathBuf {
    let mut name = file.as_os_str().to_owned();
    name.push(".");
    name.push(suffix);
    PathBuf::from(name)
}

/// `brotli -q 11` of `bytes` (Debian's brotli CLI, installed by x.sh setup).
pub fn brotli(bytes: &[u8]) -> Result<Vec<u8>, String> {
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
    if !out.status.success() {
        return Err(format!("brotli failed ({})", out.status));
    }
    Ok(out.stdout)
}

fn has_ext(file: &Path, exts: &[&str]) -> bool {
    file.extension()
        .and_then(|e| e.to_str())
        .is_some_and(|e| exts.contains(&e))
}

/// Every file under `dir`, sorted.
pub fn walk(dir: &Path, out: &mut Vec<PathBuf>) -> Result<(), String> {
    let mut entries: Vec<PathBuf> = std::fs::read_dir(dir)
        .map_err(|e| format!("{}: {e}", dir.display()))?
        .map(|e| e.map(|e| e.path()).map_err(|e| e.to_string()))
        .collect::<Result<_, _>>()?;
    entries.sort();
    for path in entries {
        if path.is_dir() {
            walk(&path, out)?;
        } else {
            out.push(path);
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn references_are_found_as_whole_names_only() {
        assert_eq!(
            find_ref("import x from './pkg/app.js';", "app.js"),
            Some(21)
        );
        assert_eq!(
            find_ref("new URL('app_bg.wasm', import.meta.url)", "app_bg.wasm"),
            Some(9)
        );
        assert_eq!(find_ref("'./webapp.js'", "app.js"), None);
        assert_eq!(find_ref("'./app.js.map'", "app.js"), None);
        assert_eq!(
            find_ref("{ \"./snippets/a/inline0.js\": import1 }", "a/inline0.js"),
            None
        );
    }

    #[test]
    fn names_are_hashed_leaves_first_and_references_follow() {
        let dist =
            std::env::temp_dir().join(format!("aw-xtask-fingerprint-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("pkg/snippets/a")).expect("dir");
        std::fs::create_dir_all(dist.join("pkg/snippets/b")).expect("dir");
        std::fs::write(
            dist.join("index.html"),
            r#"<script type="module" src="main.js"></script>"#,
        )
        .expect("write");
        std::fs::write(dist.join("main.js"), "import init from './pkg/app.js';").expect("write");
        std::fs::write(
            dist.join("pkg/app.js"),
            "import * as i1 from './snippets/a/inline0.js'; import './snippets/b/inline0.js'; \
             const imports = { './snippets/a/inline0.js': i1 }; new URL('app_bg.wasm', import.meta.url);",
        )
        .expect("write");
        std::fs::write(dist.join("pkg/app_bg.wasm"), b"\0asm").expect("write");
        std::fs::write(
            dist.join("pkg/snippets/a/inline0.js"),
            "export const a = 1;",
        )
        .expect("write");
        std::fs::write(
            dist.join("pkg/snippets/b/inline0.js"),
            "export const b = 2;",
        )
        .expect("write");

        fingerprint(&dist).expect("fingerprint");
        let mut files = Vec::new();
        walk(&dist, &mut files).expect("walk");
        let names: Vec<String> = files
            .iter()
            .map(|f| {
                f.strip_prefix(&dist)
                    .expect("in dist")
                    .display()
                    .to_string()
            })
            .collect();
        assert!(names.contains(&"index.html".to_owned()), "{names:?}");
        assert_eq!(names.len(), 6, "{names:?}");
        let html = std::fs::read_to_string(dist.join("index.html")).expect("html");
        let main = names.iter().find(|n| n.starts_with("main.")).expect("main");
        assert!(html.contains(&format!("src=\"{main}\"")), "{html}");
        let glue = names
            .iter()
            .find(|n| n.starts_with("pkg/app."))
            .expect("glue");
        let main_text = std::fs::read_to_string(dist.join(main)).expect("main");
        assert!(main_text.contains(&format!("'./{glue}'")), "{main_text}");
        let glue_text = std::fs::read_to_string(dist.join(glue)).expect("glue");
        for n in names
            .iter()
            .filter(|n| n.contains("inline0.") || n.contains("app_bg."))
        {
            let base = n.trim_start_matches("pkg/").trim_start_matches("snippets/");
            assert!(glue_text.contains(base), "{glue_text} names {base}");
        }
        assert!(
            glue_text.contains("{ './snippets/a/inline0.js': i1 }"),
            "the wasm's import name stays: {glue_text}"
        );
        let _ = std::fs::remove_dir_all(&dist);
    }

    #[test]
    fn a_nested_site_names_its_own_files_and_follows_the_shared_css() {
        let dist = std::env::temp_dir().join(format!("aw-xtask-nested-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        for dir in ["css", "pkg", "studio/pkg"] {
            std::fs::create_dir_all(dist.join(dir)).expect("dir");
        }
        let html = |css: &str| {
            format!(
                r#"<link href="{css}css/site.css"><script type="module" src="main.js"></script>"#
            )
        };
        std::fs::write(dist.join("index.html"), html("")).expect("write");
        std::fs::write(dist.join("studio/index.html"), html("../")).expect("write");
        std::fs::write(dist.join("css/site.css"), "p {}").expect("write");
        std::fs::write(dist.join("main.js"), "import './pkg/app.js'; // school").expect("write");
        std::fs::write(
            dist.join("studio/main.js"),
            "import './pkg/app.js'; // studio",
        )
        .expect("write");
        std::fs::write(dist.join("pkg/app.js"), "export const school = 1;").expect("write");
        std::fs::write(dist.join("studio/pkg/app.js"), "export const studio = 1;").expect("write");

        fingerprint(&dist).expect("fingerprint");
        let name_in = |dir: &Path, prefix: &str| -> String {
            std::fs::read_dir(dir)
                .expect("dir")
                .filter_map(|e| e.ok()?.file_name().into_string().ok())
                .find(|n| n.starts_with(prefix))
                .unwrap_or_else(|| panic!("{prefix} in {}", dir.display()))
        };
        let css = name_in(&dist.join("css"), "site.");
        assert_ne!(css, "site.css");
        for (site, up) in [(dist.clone(), ""), (dist.join("studio"), "../")] {
            let html = std::fs::read_to_string(site.join("index.html")).expect("html");
            assert!(html.contains(&format!("\"{up}css/{css}\"")), "{html}");
            let main = name_in(&site, "main.");
            assert!(html.contains(&format!("src=\"{main}\"")), "{html}");
            let glue = name_in(&site.join("pkg"), "app.");
            let main_text = std::fs::read_to_string(site.join(&main)).expect("main");
            assert!(
                main_text.contains(&format!("'./pkg/{glue}'")),
                "{main_text}"
            );
        }
        assert_ne!(
            name_in(&dist, "main."),
            name_in(&dist.join("studio"), "main."),
            "each site's main.js names its own glue"
        );
        let _ = std::fs::remove_dir_all(&dist);
    }
}
