//! Security headers on every response, and the site's Content-Security-Policy.
//!
//! The policy allows the site's own files and nothing from elsewhere. Wasm
//! needs `'wasm-unsafe-eval'` in `script-src`. An inline `<script>` or
//! `<style>` block in the site's HTML (a bootstrap that loads the wasm) is
//! allowed by its SHA-256 hash, computed from `dist/` when the server starts,
//! so no `'unsafe-inline'` is ever needed.
//!
//! Who may show the site in a frame (`frame-ancestors`, which a `<meta>` CSP
//! cannot set) comes from the build: `frame-ancestors.txt` in `dist`
//! (xtask/src/swv.rs) holds `'none'` for the all-SWV site, or `'self'` plus
//! the SWV's own origins for a per-SWV site (`forms/<swv>/swv.toml`,
//! `embed_origins`). No file, or one that is not exactly that shape: `'none'`.

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

/// The file in `dist` that names who may frame the site.
pub const FRAME_ANCESTORS_FILE: &str = "frame-ancestors.txt";

/// The CSP `frame-ancestors` sources: `'none'`, or `'self'` and origins.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FrameAncestors(String);

impl Default for FrameAncestors {
    fn default() -> FrameAncestors {
        FrameAncestors("'none'".to_owned())
    }
}

impl FrameAncestors {
    /// Reads `dist/frame-ancestors.txt`; missing or malformed gives `'none'`
    /// (never framed), so a broken file can only make the site stricter.
    pub fn read(dist: &Path) -> FrameAncestors {
        match std::fs::read_to_string(dist.join(FRAME_ANCESTORS_FILE)) {
            Ok(text) => FrameAncestors::parse(&text).unwrap_or_else(|| {
                tracing::warn!(
                    file = FRAME_ANCESTORS_FILE,
                    "frame-ancestors file malformed; the site may not be framed"
                );
                FrameAncestors::default()
            }),
            Err(_) => FrameAncestors::default(),
        }
    }

    /// `'none'` alone, or `'self'` and/or origins (`https://host[:port]`;
    /// `http://` only for localhost and 127.0.0.1), separated by spaces.
    pub fn parse(text: &str) -> Option<FrameAncestors> {
        let sources: Vec<&str> = text.split_whitespace().collect();
        if sources == ["'none'"] {
            return Some(FrameAncestors::default());
        }
        let ok = !sources.is_empty() && sources.iter().all(|s| *s == "'self'" || is_origin(s));
        ok.then(|| FrameAncestors(sources.join(" ")))
    }

    /// Whether any page may frame the site.
    pub fn allows_framing(&self) -> bool {
        self.0 != "'none'"
    }

    /// The sources as they go into the CSP.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

fn is_origin(s: &str) -> bool {
    let Some((scheme, rest)) = s.split_once("://") else {
        return false;
    };
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) => (h, Some(p)),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.');
    let port_ok = port.is_none_or(|p| p.parse::<u16>().is_ok());
    let loopback = host == "localhost" || host == "127.0.0.1";
    host_ok && port_ok && (scheme == "https" || (scheme == "http" && loopback))
}

/// The Content-Security-Policy: own origin only, wasm allowed, no framing,
/// no plug-ins, no form posting anywhere (nothing leaves the browser).
pub fn content_security_policy(hashes: &InlineHashes) -> String {
    content_security_policy_framed(hashes, &FrameAncestors::default())
}

/// [`content_security_policy`] with the build's `frame-ancestors`.
pub fn content_security_policy_framed(hashes: &InlineHashes, frame: &FrameAncestors) -> String {
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
        "default-src 'none'; script-src {script_src}; style-src {style_src}; img-src 'self' data:; font-src 'self'; connect-src 'self'; manifest-src 'self'; worker-src 'self'; object-src 'none'; base-uri 'none'; form-action 'none'; frame-ancestors {}",
        frame.as_str()
    )
}

/// The headers set on every response (the CSP comes separately).
pub fn security_headers() -> Vec<(HeaderName, HeaderValue)> {
    security_headers_framed(&FrameAncestors::default())
}

/// [`security_headers`] for a build that may be framed: `X-Frame-Options:
/// DENY` only when nothing may frame it (it has no value for a list of
/// origins; `frame-ancestors` says it for browsers that read CSP).
pub fn security_headers_framed(frame: &FrameAncestors) -> Vec<(HeaderName, HeaderValue)> {
    let mut headers = vec![
        (
            header::X_CONTENT_TYPE_OPTIONS,
            HeaderValue::from_static("nosniff"),
        ),
        (
            header::REFERRER_POLICY,
            HeaderValue::from_static("no-referrer"),
        ),
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
    ];
    if !frame.allows_framing() {
        headers.push((header::X_FRAME_OPTIONS, HeaderValue::from_static("DENY")));
    }
    headers
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
    fn a_per_swv_build_may_be_framed_by_its_own_origins_only() {
        let dir = std::env::temp_dir().join(format!("aw-frame-{}", std::process::id()));
        std::fs::create_dir_all(&dir).expect("dir");
        assert_eq!(FrameAncestors::read(&dir), FrameAncestors::default());
        std::fs::write(
            dir.join(FRAME_ANCESTORS_FILE),
            "'self' https://www.rsv-breda-po.example.nl\n",
        )
        .expect("write");
        let frame = FrameAncestors::read(&dir);
        let csp = content_security_policy_framed(&InlineHashes::default(), &frame);
        assert!(
            csp.ends_with("frame-ancestors 'self' https://www.rsv-breda-po.example.nl"),
            "{csp}"
        );
        assert!(!security_headers_framed(&frame)
            .iter()
            .any(|(n, _)| *n == header::X_FRAME_OPTIONS));
        // Anything else in the file (a wildcard, an injected directive)
        // leaves the site unframeable.
        for bad in [
            "*",
            "'self' https://*.example.nl",
            "'self' https://a.nl; script-src *",
            "'none' https://a.nl",
            "http://www.a.nl",
            "",
        ] {
            std::fs::write(dir.join(FRAME_ANCESTORS_FILE), bad).expect("write");
            let frame = FrameAncestors::read(&dir);
            assert!(!frame.allows_framing(), "{bad}");
            assert!(security_headers_framed(&frame)
                .iter()
                .any(|(n, v)| *n == header::X_FRAME_OPTIONS && v == "DENY"));
        }
        let _ = std::fs::remove_dir_all(&dir);
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
