//! Keeps only the NL Design System CSS the site uses.
//!
//! `@utrecht/component-library-css` ships every component (about 400 KB); the
//! site uses a dozen. A rule stays when one of its selectors can match: every
//! class that selector requires occurs as a word in the site's sources
//! (`site/src/**/*.rs`, `site/static`). Classes inside `:is()`, `:where()`,
//! `:not()` or `:has()` are not required (an unused class there does not stop
//! the selector from matching), and selectors without classes (elements,
//! attributes) always stay. `@media`, `@supports`, `@layer` and `@container`
//! blocks are filtered inside; other at-rules (`@keyframes`, `@font-face`,
//! `@property`) stay whole. Licence comments stay, each text once.

use std::collections::HashSet;
use std::path::Path;

/// Every word (`[A-Za-z0-9_-]+`) in the site's sources: class names can only
/// reach the page from there.
pub fn words_in_sources(site: &Path) -> Result<HashSet<String>, String> {
    let mut words = HashSet::new();
    for dir in ["src", "static"] {
        collect_words(&site.join(dir), &mut words)?;
    }
    Ok(words)
}

fn collect_words(dir: &Path, words: &mut HashSet<String>) -> Result<(), String> {
    let entries = std::fs::read_dir(dir).map_err(|e| format!("{}: {e}", dir.display()))?;
    for entry in entries {
        let path = entry.map_err(|e| e.to_string())?.path();
        if path.is_dir() {
            collect_words(&path, words)?;
        } else if path
            .extension()
            .is_some_and(|e| e == "rs" || e == "html" || e == "js")
        {
            let text =
                std::fs::read_to_string(&path).map_err(|e| format!("{}: {e}", path.display()))?;
            words.extend(
                text.split(|c: char| !(c.is_ascii_alphanumeric() || c == '_' || c == '-'))
                    .filter(|w| !w.is_empty())
                    .map(str::to_owned),
            );
        }
    }
    Ok(())
}

/// The rules of `css` that can match with the classes in `used`.
pub fn purge(css: &str, used: &HashSet<String>) -> String {
    let mut out = String::new();
    let mut licences = HashSet::new();
    block(css, used, &mut licences, &mut out);
    out
}

/// Filters the rules of one block (the sheet, or an `@media` body) into `out`.
fn block(css: &str, used: &HashSet<String>, licences: &mut HashSet<String>, out: &mut String) {
    let mut rest = css;
    loop {
        rest = rest.trim_start();
        if rest.is_empty() {
            return;
        }
        if let Some(after) = rest.strip_prefix("/*") {
            let end = after.find("*/").map_or(rest.len(), |i| i + 4);
            let comment = &rest[..end];
            if comment.contains("@license") && licences.insert(comment.to_owned()) {
                out.push_str(comment);
                out.push('\n');
            }
            rest = &rest[end..];
            continue;
        }
        let Some((prelude, body, tail)) = next_rule(rest) else {
            // A statement without a block (`@charset "UTF-8";`), or trailing junk.
            let end = rest.find(';').map_or(rest.len(), |i| i + 1);
            let statement = rest[..end].trim();
            if statement.starts_with('@') {
                out.push_str(statement);
                out.push('\n');
            }
            rest = &rest[end..];
            continue;
        };
        rest = tail;
        let prelude = prelude.trim();
        if let Some(at) = prelude.strip_prefix('@') {
            let name = at
                .split(|c: char| c.is_whitespace() || c == '(')
                .next()
                .unwrap_or_default();
            if matches!(name, "media" | "supports" | "layer" | "container") {
                let mut inner = String::new();
                block(body, used, licences, &mut inner);
                if !inner.trim().is_empty() {
                    out.push_str(prelude);
                    out.push_str("{\n");
                    out.push_str(&inner);
                    out.push_str("}\n");
                }
            } else {
                out.push_str(prelude);
                out.push('{');
                out.push_str(body);
                out.push_str("}\n");
            }
            continue;
        }
        let kept: Vec<&str> = split_top_level(prelude, ',')
            .into_iter()
            .map(str::trim)
            .filter(|s| can_match(s, used))
            .collect();
        if !kept.is_empty() {
            out.push_str(&kept.join(",\n"));
            out.push_str(" {");
            out.push_str(body);
            out.push_str("}\n");
        }
    }
}

/// The next `prelude { body }` in `css`: the prelude, the body and the text
/// after the closing brace. `None` when a `;` comes before any `{`.
fn next_rule(css: &str) -> Option<(&str, &str, &str)> {
    let bytes = css.as_bytes();
    let mut i = 0;
    let mut open = None;
    let mut depth = 0usize;
    let mut paren = 0usize;
    while i < bytes.len() {
        match bytes[i] {
            b'"' | b'\'' => i = skip_string(bytes, i),
            b'/' if bytes.get(i + 1) == Some(&b'*') => {
                i = css[i + 2..]
                    .find("*/")
                    .map_or(bytes.len(), |e| i + 2 + e + 2)
                    - 1;
            }
            b'(' => paren += 1,
            b')' => paren = paren.saturating_sub(1),
            b';' if open.is_none() && paren == 0 => return None,
            b'{' => {
                if open.is_none() {
                    open = Some(i);
                }
                depth += 1;
            }
            b'}' => {
                depth = depth.saturating_sub(1);
                if depth == 0 {
                    let start = open?;
                    return Some((&css[..start], &css[start + 1..i], &css[i + 1..]));
                }
            }
            _ => {}
        }
        i += 1;
    }
    None
}

/// The index of the closing quote of the string starting at `start`.
fn skip_string(bytes: &[u8], start: usize) -> usize {
    let quote = bytes[start];
    let mut i = start + 1;
    while i < bytes.len() && bytes[i] != quote {
        if bytes[i] == b'\\' {
            i += 1;
        }
        i += 1;
    }
    i
}

/// Splits at `sep` outside parentheses, brackets and strings.
fn split_top_level(text: &str, sep: char) -> Vec<&str> {
    let mut parts = Vec::new();
    let mut depth = 0usize;
    let mut quote = None;
    let mut start = 0;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), _) => {}
            (None, '"' | '\'') => quote = Some(c),
            (None, '(' | '[') => depth += 1,
            (None, ')' | ']') => depth = depth.saturating_sub(1),
            (None, c) if c == sep && depth == 0 => {
                parts.push(&text[start..i]);
                start = i + c.len_utf8();
            }
            _ => {}
        }
    }
    parts.push(&text[start..]);
    parts
}

/// Whether every class the selector requires (outside parentheses and
/// attribute brackets) is used.
fn can_match(selector: &str, used: &HashSet<String>) -> bool {
    let mut outside = String::new();
    let mut depth = 0usize;
    for c in selector.chars() {
        match c {
            '(' | '[' => depth += 1,
            ')' | ']' => depth = depth.saturating_sub(1),
            _ if depth == 0 => outside.push(c),
            _ => {}
        }
    }
    outside.split('.').skip(1).all(|class| {
        let name: String = class
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || *c == '_' || *c == '-' || *c == '\\')
            .collect();
        // Escaped class names (`.sm\:x`) are not the site's: keep them out
        // only if plainly unused.
        name.is_empty() || used.contains(&name)
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn used(words: &[&str]) -> HashSet<String> {
        words.iter().map(|w| (*w).to_owned()).collect()
    }

    #[test]
    fn keeps_used_rules_and_drops_the_rest() {
        let css = "/**\n * @license EUPL-1.2\n */\n@charset \"UTF-8\";\n\
            .utrecht-button { color: red; }\n\
            .utrecht-accordion { color: blue; }\n\
            .utrecht-button:is(:focus, .utrecht-button--focus), .utrecht-badge { outline: 1px solid; }\n\
            @media (min-width: 40em) { .utrecht-accordion { a: b; } .utrecht-button:not(.utrecht-x) { c: d; } }\n\
            @keyframes spin { from { transform: rotate(0); } }\n\
            input[type=\"checkbox\"] { margin: 0; }\n";
        let out = purge(css, &used(&["utrecht-button"]));
        assert!(out.starts_with("/**\n * @license EUPL-1.2\n */"), "{out}");
        assert!(out.contains("@charset \"UTF-8\";"));
        assert!(out.contains(".utrecht-button { color: red; }"), "{out}");
        assert!(!out.contains("utrecht-accordion"), "{out}");
        assert!(!out.contains("utrecht-badge"), "{out}");
        assert!(
            out.contains(".utrecht-button:is(:focus, .utrecht-button--focus) {"),
            "{out}"
        );
        assert!(
            out.contains("@media (min-width: 40em){\n.utrecht-button:not(.utrecht-x) { c: d; }"),
            "{out}"
        );
        assert!(
            out.contains("@keyframes spin{ from { transform: rotate(0); } }"),
            "{out}"
        );
        assert!(
            out.contains("input[type=\"checkbox\"] { margin: 0; }"),
            "{out}"
        );
    }

    #[test]
    fn licence_comments_are_kept_once() {
        let css = "/** @license A */ .a{x:y} /** @license A */ .b{x:y} /* other */";
        let out = purge(css, &used(&["a"]));
        assert_eq!(out.matches("@license A").count(), 1, "{out}");
        assert!(!out.contains("other"));
        assert!(out.contains(".a {x:y}"));
        assert!(!out.contains(".b"));
    }
}
