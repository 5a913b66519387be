//! Security headers on every response, and the site's Content-Security-Policy.
//!
//! The policy allows the site's own files and nothing from elsewhere. Wasm
//! needs `'wasm-unsafe-eval'` in `script-src`. An inline `<script>` or
//! `<style>` block in the site's HTML (a bootstrap that loads the wasm) is
//! allowed by its SHA-256 hash, computed from `dist/` when the server starts,
//! so no `'unsafe-inline'` is ever needed.

use std::path::Path;

use axum::http::{header, HeaderName, HeaderValue};
use base64::Engine;
use sha2::{Digest, Sha256};

/// The hashes (`'sha256-…'`) of inline scripts and styles in the site's HTML.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct InlineHashes {
    /// Inline `<script>` blocks.
    pub scripts: Vec<String>,
    /// Inline `<style>` blocks.
    pub styles: Vec<String>,
}

impl InlineHashes {
    /// Scans every `.html` file directly in `dist` and one level below
    /// (per-route pages). A missing folder gives no hashes.
    pub fn scan(dist: &Path) -> InlineHashes {
        let mut out = InlineHashes::default();
        let mut pages = Vec::new();
        collect_html(dist, 2, &mut pages);
        pages.sort();
        for page in pages {
            if let Ok(html) = std::fs::read_to_string(&page) {
                out.add_html(&html);
            }
        }
        out.scripts.sort();
        out.scripts.dedup();
        out.styles.sort();
        out.styles.dedup();
        out
    }

    /// Adds the inline blocks of one HTML page.
    pub fn add_html(&mut self, html: &str) {
        self.scripts.extend(
            inline_blocks(html, "script")
                .into_iter()
                .map(|s| csp_hash(&s)),
        );
        self.styles.extend(
            inline_blocks(html, "style")
                .into_iter()
                .map(|s| csp_hash(&s)),
        );
    }
}

fn collect_html(dir: &Path, levels: usize, out: &mut Vec<std::path::PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    for entry in entries.flatten() {
        let path = entry.path();
        if path.is_dir() && levels > 1 {
            collect_html(&path, levels - 1, out);
        } else if path.extension().is_some_and(|e| e == "html") {
            out.push(path);
        }
    }
}

/// The contents of `<tag …>…</tag>` blocks that have no `src` attribute.
fn inline_blocks(html: &str, tag: &str) -> Vec<String> {
    let lower = html.to_ascii_lowercase();
    let open = format!("<{tag}");
    let close = format!("</{tag}");
    let mut out = Vec::new();
    let mut at = 0;
    while let Some(start) = lower[at..].find(&open).map(|i| i + at) {
        let after_name = start + open.len();
        // `<scripts>` or `<style-x>` are other tags.
        if !lower[after_name..].starts_with(|c: char| c == '>' || c.is_ascii_whitespace()) {
            at = after_name;
            continue;
        }
        let Some(tag_end) = lower[after_name..].find('>').map(|i| i + after_name) else {
            break;
        };
        let attrs = &lower[after_name..tag_end];
        let Some(end) = lower[tag_end..].find(&close).map(|i| i + tag_end) else {
            break;
        };
        let has_src = attrs
            .split(|c: char| c.is_ascii_whitespace())
            .any(|a| a.starts_with("src="));
        if !has_src && end > tag_end + 1 {
            // Hash the original bytes, not the lower-cased copy.
            out.push(html[tag_end + 1..end].to_owned());
        }
        at = end + close.len();
    }
    out
}

/// `'sha256-<base64>'` of a block, as CSP wants it.
fn csp_hash(content: &str) -> String {
    let digest = Sha256::digest(content.as_bytes());
    format!(
        "'sha256-{}'",
        base64::engine::general_purpose::STANDARD.encode(digest)
    )
}

/// The Content-Security-Policy: own origin only, wasm allowed, no framing,
/// no plug-ins, no form posting anywhere (nothing leaves the browser).
pub fn content_security_policy(hashes: &InlineHashes) -> String {
    let mut script_src = String::from("'self' 'wasm-unsafe-eval'");
    for h in &hashes.scripts {
        script_src.push(' ');
        script_src.push_str(h);
    }
    let mut style_src = String::from("'self'");
    for h in &hashes.styles {
        style_src.push(' ');
        style_src.push_str(h);
    }
    format!(
        "default-src 'none'; script-src {script_src}; style-src {style_src}; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"
    )
}

/// The headers set on every response (the CSP comes separately).
pub fn security_headers() -> Vec<(HeaderName, HeaderValue)> {
    vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
        (header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")),
        (
            HeaderName::from_static("cross-origin-opener-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            HeaderName::from_static("cross-origin-resource-policy"),
            HeaderValue::from_static("same-origin"),
        ),
        (
            HeaderName::from_static("permissions-policy"),
            HeaderValue::from_static(
                "camera=(), microphone=(), geolocation=(), payment=(), usb=(), interest-cohort=()",
            ),
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn inline_scripts_are_hashed_and_external_ones_skipped() {
        let html = r#"<html><head><script type="module">import init from '/app.js'; init();</script>
<script src="/x.js"></script><style>body{margin:0}</style><link rel="stylesheet" href="/a.css"></head></html>"#;
        let mut h = InlineHashes::default();
        h.add_html(html);
        assert_eq!(h.scripts.len(), 1);
        assert_eq!(h.styles.len(), 1);
        assert_eq!(
            h.scripts[0],
            csp_hash("import init from '/app.js'; init();")
        );
        let csp = content_security_policy(&h);
        assert!(csp.contains("script-src 'self' 'wasm-unsafe-eval' 'sha256-"));
        assert!(!csp.contains("unsafe-inline"));
        assert!(csp.contains("frame-ancestors 'none'"));
    }

    #[test]
    fn known_hash_matches_the_csp_spec_example() {
        // echo -n "alert('Hello, world.');" | openssl sha256 -binary | base64
        assert_eq!(
            csp_hash("alert('Hello, world.');"),
            "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
        );
    }
}
