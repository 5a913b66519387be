//! One SWV's own site (`build-site --swv <id>`): its public details from
//! `forms/<swv>/swv.toml`, its design tokens (`forms/<swv>/tokens.css`) and
//! logo, checked before anything is built, and written into the built
//! `index.html` so the site knows, without a network call, which SWV it is.
//!
//! What the build writes for every site (also the all-SWV one):
//! `frame-ancestors.txt`, the CSP `frame-ancestors` sources this build may be
//! framed by (`'none'` for the all-SWV site; `'self'` plus the SWV's
//! `embed_origins` for one SWV). `aanvraagwijzer serve` sends it
//! (crates/server/src/headers.rs); for other hosts the build prints the
//! header line and docs/handleiding-swv.md gives the nginx and Apache lines.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// File name of an SWV's public details under `forms/<swv>/`.
pub const SITE_FILE: &str = "swv.toml";
/// File name of an SWV's design tokens under `forms/<swv>/`.
pub const TOKENS_FILE: &str = "tokens.css";
/// Where the build puts the tokens in the built site.
const TOKENS_OUT: &str = "css/swv.css";
/// The file in a built site that names who may frame it.
pub const FRAME_ANCESTORS_FILE: &str = "frame-ancestors.txt";
/// WCAG 2.1 AA for normal text.
const MIN_CONTRAST: f64 = 4.5;

/// `forms/<swv>/swv.toml` as written by the SWV.
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteToml {
    naam: String,
    logo: String,
    #[serde(default)]
    embed_origins: Vec<String>,
    contact: ContactToml,
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct ContactToml {
    tekst: String,
    telefoon: Option<String>,
    email: Option<String>,
    website: Option<String>,
}

/// One SWV's checked public details, ready to be written into a build.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SwvSite {
    /// The SWV id (its folder under `forms/`).
    pub id: String,
    /// The name people know it by, shown in the header.
    pub name: String,
    /// Contact line, after "Vragen?".
    pub contact: String,
    /// Phone number as people write it.
    pub phone: Option<String>,
    /// E-mail address.
    pub email: Option<String>,
    /// Website (`https://…`).
    pub website: Option<String>,
    /// The logo file (SVG) under `forms/<swv>/`.
    pub logo: PathBuf,
    /// The tokens file under `forms/<swv>/`.
    pub tokens: PathBuf,
    /// Origins (`https://host[:port]`) whose pages may embed this build.
    pub embed_origins: Vec<String>,
}

/// The SWV ids that have forms: the folders of `forms/` holding a `.toml` form.
pub fn known(forms_dir: &Path) -> Result<Vec<String>, String> {
    let mut ids = Vec::new();
    let entries =
        std::fs::read_dir(forms_dir).map_err(|e| format!("{}: {e}", forms_dir.display()))?;
    for entry in entries.flatten() {
        let path = entry.path();
        let has_form = std::fs::read_dir(&path).is_ok_and(|files| {
            files.flatten().any(|f| {
                let p = f.path();
                p.extension().is_some_and(|e| e == "toml")
                    && p.file_name().is_some_and(|n| n != SITE_FILE)
            })
        });
        if has_form {
            if let Some(name) = path.file_name().and_then(|n| n.to_str()) {
                ids.push(name.to_owned());
            }
        }
    }
    ids.sort();
    Ok(ids)
}

/// Reads and checks `forms/<id>/swv.toml`, its tokens and its logo; every
/// problem is named with the file it is in.
pub fn load(forms_dir: &Path, id: &str, extra_origins: &[String]) -> Result<SwvSite, String> {
    let ids = known(forms_dir)?;
    if !ids.iter().any(|k| k == id) {
        return Err(format!(
            "unknown SWV '{id}'; known SWVs: {}",
            ids.join(", ")
        ));
    }
    let dir = forms_dir.join(id);
    let file = dir.join(SITE_FILE);
    let text = std::fs::read_to_string(&file).map_err(|e| {
        format!(
            "{}: {e}; every SWV built on its own needs this file (see docs/handleiding-swv.md)",
            file.display()
        )
    })?;
    let raw: SiteToml = toml::from_str(&text).map_err(|e| format!("{}: {e}", file.display()))?;
    let at = |msg: String| format!("{}: {msg}", file.display());

    let name = one_line("naam", &raw.naam, 80).map_err(at)?;
    let contact = one_line("contact.tekst", &raw.contact.tekst, 300).map_err(at)?;
    let phone = raw
        .contact
        .telefoon
        .map(|p| check_phone(&p).map(|()| p))
        .transpose()
        .map_err(at)?;
    let email = raw
        .contact
        .email
        .map(|m| check_email(&m).map(|()| m))
        .transpose()
        .map_err(at)?;
    let website = raw
        .contact
        .website
        .map(|w| check_website(&w).map(|()| w))
        .transpose()
        .map_err(at)?;
    let mut embed_origins = Vec::new();
    for origin in raw.embed_origins.iter().chain(extra_origins) {
        check_origin(origin).map_err(at)?;
        if !embed_origins.contains(origin) {
            embed_origins.push(origin.clone());
        }
    }

    if raw.logo.contains('/') || raw.logo.contains('\\') || !raw.logo.ends_with(".svg") {
        return Err(at(format!(
            "logo = {:?}: give the name of an .svg file next to swv.toml",
            raw.logo
        )));
    }
    let logo = dir.join(&raw.logo);
    let svg =
        std::fs::read_to_string(&logo).map_err(|e| at(format!("logo {}: {e}", logo.display())))?;
    check_svg(&svg).map_err(|m| format!("{}: {m}", logo.display()))?;

    let tokens = dir.join(TOKENS_FILE);
    let css = std::fs::read_to_string(&tokens).map_err(|e| format!("{}: {e}", tokens.display()))?;
    check_tokens(&css, None).map_err(|m| format!("{}: {m}", tokens.display()))?;

    Ok(SwvSite {
        id: id.to_owned(),
        name,
        contact,
        phone,
        email,
        website,
        logo,
        tokens,
        embed_origins,
    })
}

fn one_line(key: &str, value: &str, max: usize) -> Result<String, String> {
    let v = value.trim();
    if v.is_empty() {
        return Err(format!("{key} is empty"));
    }
    if v.chars().count() > max || v.contains(['\n', '\r']) {
        return Err(format!(
            "{key} must be one line of at most {max} characters"
        ));
    }
    Ok(v.to_owned())
}

fn check_phone(p: &str) -> Result<(), String> {
    let ok = p.chars().any(|c| c.is_ascii_digit())
        && p.chars()
            .all(|c| c.is_ascii_digit() || matches!(c, ' ' | '-' | '+' | '(' | ')'));
    ok.then_some(())
        .ok_or_else(|| format!("contact.telefoon = {p:?}: only digits, spaces, - + ( )"))
}

fn check_email(m: &str) -> Result<(), String> {
    let ok = m.split_once('@').is_some_and(|(user, host)| {
        !user.is_empty() && host.contains('.') && !host.starts_with('.')
    }) && !m.contains(|c: char| c.is_whitespace() || "<>\"'()".contains(c));
    ok.then_some(())
        .ok_or_else(|| format!("contact.email = {m:?} is not an e-mail address"))
}

fn check_website(w: &str) -> Result<(), String> {
    let ok = w.starts_with("https://")
        && w.len() > "https://".len()
        && !w.contains(|c: char| c.is_whitespace() || "<>\"'".contains(c));
    ok.then_some(())
        .ok_or_else(|| format!("contact.website = {w:?}: an address starting with https://"))
}

/// An origin as CSP and `postMessage` both take it: `https://host[:port]`
/// (or `http://` for localhost and 127.0.0.1, for testing), no path, no
/// wildcard (`postMessage` cannot target one).
pub fn check_origin(origin: &str) -> Result<(), String> {
    let bad = || {
        format!(
            "embed_origins: {origin:?} is not an origin like \"https://www.uw-swv.nl\" \
             (scheme and host, no path, no *)"
        )
    };
    let (scheme, rest) = origin.split_once("://").ok_or_else(bad)?;
    let (host, port) = match rest.rsplit_once(':') {
        Some((h, p)) if !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()) => (h, Some(p)),
        Some(_) => return Err(bad()),
        None => (rest, None),
    };
    let host_ok = !host.is_empty()
        && host
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-' || c == '.')
        && !host.starts_with('.')
        && !host.ends_with('.');
    let loopback = host == "localhost" || host == "127.0.0.1";
    let scheme_ok = scheme == "https" || (scheme == "http" && loopback);
    if scheme == "http" && !loopback {
        return Err(format!(
            "embed_origins: {origin:?}: use https:// (http:// only for localhost or 127.0.0.1)"
        ));
    }
    (host_ok && scheme_ok && port.is_none_or(|p| p.parse::<u16>().is_ok()))
        .then_some(())
        .ok_or_else(bad)
}

/// A logo the page can show as `<img>`: an SVG document without scripts or
/// anything it would fetch.
fn check_svg(svg: &str) -> Result<(), String> {
    let lower = svg.to_ascii_lowercase();
    if !lower.contains("<svg") {
        return Err("not an SVG file (no <svg> element)".into());
    }
    for bad in [
        "<script",
        "javascript:",
        "href=\"http",
        "href='http",
        "@import",
        "url(http",
    ] {
        if lower.contains(bad) {
            return Err(format!(
                "the logo contains {bad:?}: a logo may not run scripts or load anything"
            ));
        }
    }
    if svg.len() > 20_000 {
        return Err(format!(
            "the logo is {} bytes; keep it under 20,000 (a simple word mark)",
            svg.len()
        ));
    }
    Ok(())
}

/// Checks a tokens file: one `.aw-theme { … }` block of custom properties
/// that the site's CSS reads (when `site_css` is given), each colour a hex
/// value with at least 4.5:1 contrast against white, since the site puts
/// white text on these colours (header, buttons) or uses them as text and
/// links on white.
pub fn check_tokens(css: &str, site_css: Option<&str>) -> Result<Vec<(String, String)>, String> {
    let text = strip_comments(css);
    let body = text
        .trim()
        .strip_prefix(".aw-theme")
        .map(str::trim_start)
        .and_then(|t| t.strip_prefix('{'))
        .and_then(|t| t.trim_end().strip_suffix('}'))
        .ok_or("expected one block `.aw-theme { --name: value; … }` and nothing else")?;
    let mut out = Vec::new();
    for decl in body.split(';').map(str::trim).filter(|d| !d.is_empty()) {
        let (name, value) = decl
            .split_once(':')
            .map(|(n, v)| (n.trim(), v.trim()))
            .ok_or_else(|| format!("{decl:?} is not `--name: value`"))?;
        if !name.starts_with("--")
            || !name[2..]
                .chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        {
            return Err(format!(
                "{name:?}: only custom properties (--name) belong here"
            ));
        }
        if let Some(site) = site_css {
            if !site.contains(&format!("var({name})")) && !site.contains(&format!("{name}:")) {
                return Err(format!(
                    "{name}: the site's CSS does not know this property (typing error?)"
                ));
            }
        }
        let rgb = parse_hex(value)
            .ok_or_else(|| format!("{name}: {value:?} is not a colour like #0b4f8a"))?;
        let ratio = contrast(rgb, (255, 255, 255));
        if ratio < MIN_CONTRAST {
            return Err(format!(
                "{name}: {value} has contrast {ratio:.2}:1 with white; at least {MIN_CONTRAST}:1 \
                 is needed (WCAG AA), since white text stands on it and it is used as text on \
                 white: choose a darker colour"
            ));
        }
        out.push((name.to_owned(), value.to_owned()));
    }
    if !out.iter().any(|(n, _)| n == "--aw-color-primary") {
        return Err("--aw-color-primary is missing: the SWV's main colour".into());
    }
    Ok(out)
}

fn strip_comments(css: &str) -> String {
    let mut out = String::new();
    let mut rest = css;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        rest = rest[i + 2..]
            .find("*/")
            .map_or("", |j| &rest[i + 2 + j + 2..]);
    }
    out.push_str(rest);
    out
}

fn parse_hex(value: &str) -> Option<(u8, u8, u8)> {
    let hex = value.strip_prefix('#')?;
    if !hex.chars().all(|c| c.is_ascii_hexdigit()) {
        return None;
    }
    let digit = |s: &str| u8::from_str_radix(s, 16).ok();
    match hex.len() {
        6 => Some((digit(&hex[0..2])?, digit(&hex[2..4])?, digit(&hex[4..6])?)),
        3 => {
            let d = |i: usize| digit(&hex[i..=i]).map(|v| v * 17);
            Some((d(0)?, d(1)?, d(2)?))
        }
        _ => None,
    }
}

/// WCAG 2.1 contrast ratio of two sRGB colours.
pub fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    fn channel(c: u8) -> f64 {
        let c = f64::from(c) / 255.0;
        if c <= 0.04045 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    }
    fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
        0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
    }
    let (la, lb) = (luminance(a), luminance(b));
    let (hi, lo) = if la > lb { (la, lb) } else { (lb, la) };
    (hi + 0.05) / (lo + 0.05)
}

/// The `frame-ancestors` sources of a build: `'none'` for the all-SWV site,
/// `'self'` plus the SWV's origins for one SWV.
pub fn frame_ancestors(swv: Option<&SwvSite>) -> String {
    match swv {
        None => "'none'".to_owned(),
        Some(s) => std::iter::once("'self'".to_owned())
            .chain(s.embed_origins.iter().cloned())
            .collect::<Vec<_>>()
            .join(" "),
    }
}

/// Writes the SWV's tokens and logo into `dist`, its details into
/// `dist/index.html` (meta elements the site and main.js read), and
/// `frame-ancestors.txt` (also for the all-SWV site). Runs before the names
/// are hashed, so `css/swv.css` gets its hashed name like every stylesheet.
pub fn write_into(dist: &Path, site_css: &str, swv: Option<&SwvSite>) -> Result<(), String> {
    let fa = frame_ancestors(swv);
    std::fs::write(dist.join(FRAME_ANCESTORS_FILE), format!("{fa}\n"))
        .map_err(|e| e.to_string())?;
    let Some(swv) = swv else {
        return Ok(());
    };
    let css = std::fs::read_to_string(&swv.tokens).map_err(|e| e.to_string())?;
    check_tokens(&css, Some(site_css)).map_err(|m| format!("{}: {m}", swv.tokens.display()))?;
    std::fs::write(dist.join(TOKENS_OUT), css).map_err(|e| e.to_string())?;
    let logo_name = swv
        .logo
        .file_name()
        .and_then(|n| n.to_str())
        .ok_or("logo has no file name")?;
    let logo_out = format!("logo-{}", logo_name);
    std::fs::copy(&swv.logo, dist.join(&logo_out)).map_err(|e| e.to_string())?;

    write_index(&dist.join("index.html"), swv, &logo_out, "")?;
    // The studio's own build (dist/studio/) shows the same SWV; its links to
    // the shared files go one folder up.
    let studio = dist
        .join(crate::build_site::STUDIO_SITE_DIR)
        .join("index.html");
    if studio.exists() {
        write_index(&studio, swv, &logo_out, "../")?;
    }
    Ok(())
}

/// Puts the SWV's details into the `index.html` at `index` (meta elements
/// and the tokens' stylesheet, before the modulepreload link) and its name
/// into the title; `up` leads from that page's folder to the site's root.
fn write_index(index: &Path, swv: &SwvSite, logo_out: &str, up: &str) -> Result<(), String> {
    let html = std::fs::read_to_string(index).map_err(|e| format!("{}: {e}", index.display()))?;
    let mut meta = String::new();
    let mut add = |name: &str, value: &str| {
        meta.push_str(&format!(
            "  <meta name=\"aanvraagwijzer-{name}\" content=\"{}\">\n",
            escape_attr(value)
        ));
    };
    add("swv", &swv.id);
    add("swv-naam", &swv.name);
    add("swv-logo", &format!("{up}{logo_out}"));
    add("swv-contact", &swv.contact);
    if let Some(p) = &swv.phone {
        add("swv-telefoon", p);
    }
    if let Some(m) = &swv.email {
        add("swv-email", m);
    }
    if let Some(w) = &swv.website {
        add("swv-website", w);
    }
    add("embed-origins", &swv.embed_origins.join(" "));
    meta.push_str(&format!(
        "  <link rel=\"stylesheet\" href=\"{up}{TOKENS_OUT}\">\n"
    ));
    let anchor = "  <link rel=\"modulepreload\"";
    let at = html.find(anchor).ok_or_else(|| {
        format!(
            "{} has no modulepreload link to put the SWV's details before",
            index.display()
        )
    })?;
    let mut out = String::with_capacity(html.len() + meta.len());
    out.push_str(&html[..at]);
    out.push_str(&meta);
    out.push_str(&html[at..]);
    let name = escape_attr(&swv.name);
    let out = out
        .replace(
            "<title>Aanvraagwijzer</title>",
            &format!("<title>Aanvraagwijzer – {name}</title>"),
        )
        .replace(
            "<title>Formulierstudio – Aanvraagwijzer</title>",
            &format!("<title>Formulierstudio – Aanvraagwijzer – {name}</title>"),
        );
    std::fs::write(index, out).map_err(|e| format!("{}: {e}", index.display()))
}

fn escape_attr(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('"', "&quot;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn forms_dir() -> PathBuf {
        crate::repo_root().join("forms")
    }

    #[test]
    fn every_swv_with_forms_has_a_valid_site_toml() {
        let ids = known(&forms_dir()).expect("forms/");
        assert_eq!(ids.len(), 5, "{ids:?}");
        let site_css = std::fs::read_to_string(crate::repo_root().join("site/static/css/site.css"))
            .expect("site.css");
        for id in ids {
            let swv = load(&forms_dir(), &id, &[]).unwrap_or_else(|e| panic!("{e}"));
            let css = std::fs::read_to_string(&swv.tokens).expect("tokens");
            check_tokens(&css, Some(&site_css)).unwrap_or_else(|e| panic!("{id}: {e}"));
            assert!(
                swv.phone.as_deref().is_none_or(|p| p.contains("000 00")),
                "{id}: fictional phone"
            );
            assert!(
                swv.email
                    .as_deref()
                    .is_none_or(|m| m.ends_with(".example.nl")),
                "{id}"
            );
        }
    }

    #[test]
    fn an_unknown_swv_lists_the_known_ones() {
        let err = load(&forms_dir(), "rsv-bredaa-po", &[]).expect_err("unknown");
        assert!(err.contains("unknown SWV 'rsv-bredaa-po'"), "{err}");
        assert!(
            err.contains("berseba") && err.contains("rsv-breda-po"),
            "{err}"
        );
    }

    #[test]
    fn a_light_colour_is_refused_with_its_ratio() {
        let err = check_tokens(".aw-theme { --aw-color-primary: #f0a000; }", None)
            .expect_err("too light");
        assert!(
            err.contains("--aw-color-primary") && err.contains(":1"),
            "{err}"
        );
        assert!(check_tokens(".aw-theme { --aw-color-primary: #0b4f8a; }", None).is_ok());
        // #767676 is the lightest grey with 4.5:1 on white.
        assert!(check_tokens(".aw-theme { --aw-color-primary: #767676; }", None).is_ok());
        assert!(check_tokens(".aw-theme { --aw-color-primary: #777777; }", None).is_err());
    }

    #[test]
    fn malformed_tokens_are_refused() {
        for css in [
            "body { --aw-color-primary: #000; }",
            ".aw-theme { color: #000; }",
            ".aw-theme { --aw-color-primary: red; }",
            ".aw-theme { --aw-color-primary-dark: #000; }",
        ] {
            assert!(check_tokens(css, None).is_err(), "{css}");
        }
        let site = ".x { color: var(--aw-color-primary); }";
        assert!(check_tokens(
            ".aw-theme { --aw-color-primray: #000; --aw-color-primary: #000 }",
            Some(site)
        )
        .is_err());
    }

    #[test]
    fn origins_are_exact_and_https() {
        for ok in [
            "https://www.rsv-breda.example.nl",
            "http://127.0.0.1:8080",
            "https://a.nl:8443",
        ] {
            assert!(check_origin(ok).is_ok(), "{ok}");
        }
        for bad in [
            "https://www.x.nl/",
            "https://*.x.nl",
            "http://www.x.nl",
            "www.x.nl",
            "https://x.nl; script-src *",
            "*",
            "https://x.nl:99999",
        ] {
            assert!(check_origin(bad).is_err(), "{bad}");
        }
    }

    #[test]
    fn contrast_matches_known_values() {
        let white = (255, 255, 255);
        assert!((contrast((0, 0, 0), white) - 21.0).abs() < 0.01);
        assert!((contrast((0x0b, 0x4f, 0x8a), white) - 8.4).abs() < 0.1);
    }

    #[test]
    fn frame_ancestors_is_none_for_the_all_swv_site() {
        assert_eq!(frame_ancestors(None), "'none'");
    }

    #[test]
    fn the_studio_page_gets_the_swv_with_links_one_folder_up() {
        let root = crate::repo_root();
        let dist = std::env::temp_dir().join(format!("aw-xtask-swv-studio-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dist);
        std::fs::create_dir_all(dist.join("css")).expect("dir");
        std::fs::create_dir_all(dist.join("studio")).expect("dir");
        for page in ["index.html", "studio/index.html"] {
            std::fs::copy(root.join("site/static").join(page), dist.join(page)).expect("copy");
        }
        let site_css =
            std::fs::read_to_string(root.join("site/static/css/site.css")).expect("site.css");
        let swv = load(&forms_dir(), "rsv-breda-po", &[]).expect("rsv-breda-po");
        write_into(&dist, &site_css, Some(&swv)).expect("write_into");
        let school = std::fs::read_to_string(dist.join("index.html")).expect("html");
        let studio = std::fs::read_to_string(dist.join("studio/index.html")).expect("html");
        assert!(school.contains("href=\"css/swv.css\""), "{school}");
        assert!(studio.contains("href=\"../css/swv.css\""), "{studio}");
        assert!(studio.contains("content=\"../logo-"), "{studio}");
        assert!(studio.contains("<meta name=\"aanvraagwijzer-swv\" content=\"rsv-breda-po\">"));
        assert!(
            studio.contains(&format!(
                "<title>Formulierstudio – Aanvraagwijzer – {}</title>",
                swv.name
            )),
            "{studio}"
        );
        let _ = std::fs::remove_dir_all(&dist);
    }
}
