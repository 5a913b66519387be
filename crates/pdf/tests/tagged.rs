//! The tagged PDF (PDF/UA) as an independent reader sees it: Poppler's
//! `pdfinfo` says whether the PDF is tagged and dumps its structure tree
//! (`-struct-text`), `pdftotext` gives the text on the pages. The tree must
//! hold the headings, paragraphs and lists in reading order, and every word
//! on a page outside header and footer must be in it.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::process::Command;

use aanvraagwijzer::{
    applicable_answers, attachment_answers, find_form, section_applies, summary, Document, Form,
    Verdict,
};
use aanvraagwijzer_pdf::render;
use aanvraagwijzer_test_support::{fixture, made};

const DAAN: &str = "rsv-breda-vo/tlv-vso/valid-daan-bakker.json";
const GAPS: &str = "rsv-breda-vo/tlv-vso/invalid-typos-and-gaps.json";

fn form_of(doc: &Document) -> &'static Form {
    find_form(&doc.form).expect("form exists")
}

/// The PDF of a fixture, written to a file of its own for the Poppler tools.
fn pdf_file(rel: &str, name: &str) -> (PathBuf, Vec<u8>) {
    let doc = fixture(rel);
    let form = form_of(&doc);
    let verdict = Verdict::of(form, &doc, made().date());
    let pdf = render(form, &doc, &verdict, made());
    let path = std::env::temp_dir().join(format!(
        "aanvraagwijzer-tagged-{}-{name}.pdf",
        std::process::id()
    ));
    std::fs::write(&path, &pdf).expect("temporary PDF written");
    (path, pdf)
}

/// Runs a Poppler tool on `path`; its output goes to stdout (`-`, which
/// pdftotext needs and pdfinfo does not take).
fn run(tool: &str, args: &[&str], path: &PathBuf) -> String {
    let mut cmd = Command::new(tool);
    cmd.args(args).arg(path);
    if tool == "pdftotext" {
        cmd.arg("-");
    }
    let out = cmd
        .output()
        .unwrap_or_else(|e| panic!("{tool} runs (apt-get install poppler-utils): {e}"));
    assert!(out.status.success(), "{tool} {args:?} failed on the PDF");
    String::from_utf8(out.stdout).expect("utf-8")
}

/// One structure element of `pdfinfo -struct-text`.
#[derive(Debug)]
struct Elem {
    role: String,
    parent: Option<usize>,
    /// The text of its own marked content (not its children's).
    text: String,
}

/// Parses the indented dump: `Role (block)` or `Role:` lines, attribute
/// lines starting with `/`, and quoted text lines belonging to the element
/// above them.
fn tree(dump: &str) -> Vec<Elem> {
    let mut elems: Vec<Elem> = Vec::new();
    let mut stack: Vec<(usize, usize)> = Vec::new(); // (indent, element)
    for line in dump.lines() {
        let indent = line.len() - line.trim_start().len();
        let t = line.trim();
        if t.is_empty() || t.starts_with('/') {
            continue;
        }
        if t.len() >= 2 && t.starts_with('"') && t.ends_with('"') {
            let (_, owner) = stack.last().copied().expect("text inside an element");
            elems[owner].text.push_str(&t[1..t.len() - 1]);
            continue;
        }
        while stack.last().is_some_and(|&(i, _)| i >= indent) {
            stack.pop();
        }
        let role = t.split([' ', ':']).next().expect("element name").to_owned();
        elems.push(Elem {
            role,
            parent: stack.last().map(|&(_, e)| e),
            text: String::new(),
        });
        stack.push((indent, elems.len() - 1));
    }
    elems
}

fn words(text: &str) -> BTreeMap<String, usize> {
    let mut count = BTreeMap::new();
    for w in text.split_whitespace() {
        *count.entry(w.to_owned()).or_insert(0) += 1;
    }
    count
}

fn norm(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[test]
fn the_summary_is_a_tagged_pdf_with_title_language_and_pdf_ua_identification() {
    let (path, pdf) = pdf_file(DAAN, "info");
    let info = run("pdfinfo", &[], &path);
    assert!(
        info.lines()
            .any(|l| l.starts_with("Tagged:") && l.ends_with("yes")),
        "{info}"
    );
    let form = form_of(&fixture(DAAN));
    let title = format!("Samenvatting: {} voor Daan Willem Bakker", form.title);
    assert!(
        info.contains(&format!("Title:           {title}")),
        "{info}"
    );
    // The XMP metadata: title, language and PDF/UA-1.
    let meta = run("pdfinfo", &["-meta"], &path);
    assert!(meta.contains(&format!("<rdf:li xml:lang=\"x-default\">{title}</rdf:li>")));
    assert!(meta.contains("<rdf:li>nl-NL</rdf:li>"), "{meta}");
    assert!(meta.contains("<pdfuaid:part>1</pdfuaid:part>"), "{meta}");
    // Catalog entries Poppler does not print: the language and the title
    // in the window (uncompressed, so visible in the bytes).
    let has = |s: &[u8]| pdf.windows(s.len()).any(|w| w == s);
    assert!(has(b"/Lang (nl-NL)"));
    assert!(has(b"/DisplayDocTitle true"));
    std::fs::remove_file(path).ok();
}

#[test]
fn the_structure_tree_has_title_sections_paragraphs_and_lists_in_reading_order() {
    let doc = fixture(DAAN);
    let form = form_of(&doc);
    let (path, _) = pdf_file(DAAN, "tree");
    let elems = tree(&run("pdfinfo", &["-struct-text"], &path));
    std::fs::remove_file(path).ok();

    assert_eq!(elems[0].role, "Document");
    let top: Vec<&Elem> = elems.iter().filter(|e| e.parent == Some(0)).collect();
    assert_eq!(top[0].role, "H1", "the title comes first");
    assert_eq!(norm(&top[0].text), form.title);

    // A heading per section shown, in form order, then the closing ones.
    let today = made().date();
    let (effective, _) = applicable_answers(form, &doc, today);
    let mut expected: Vec<&str> = form
        .sections
        .iter()
        .filter(|s| section_applies(form, &effective, today, &s.id))
        .map(|s| s.title.as_str())
        .collect();
    if !attachment_answers(form, &doc).is_empty() {
        expected.push("Bijlagen");
    }
    if !summary(form, &effective, today).is_empty() {
        expected.push("Berekening");
    }
    expected.extend([
        "Wat nog ontbreekt of aandacht vraagt",
        "Ondertekening",
        "Criteria en bronnen",
    ]);
    let h2: Vec<String> = elems
        .iter()
        .filter(|e| e.role == "H2")
        .map(|e| norm(&e.text))
        .collect();
    assert_eq!(h2, expected);

    // The pupil's name is an answer paragraph.
    for name in ["Bakker", "Daan Willem"] {
        assert!(
            elems.iter().any(|e| e.role == "P" && norm(&e.text) == name),
            "no P with {name}"
        );
    }

    // Lists are L > LI > (Lbl, LBody); the sources are one.
    let children = |i: usize| -> Vec<&str> {
        elems
            .iter()
            .filter(|e| e.parent == Some(i))
            .map(|e| e.role.as_str())
            .collect()
    };
    let lists: Vec<usize> = (0..elems.len()).filter(|&i| elems[i].role == "L").collect();
    assert!(!lists.is_empty());
    for &l in &lists {
        let items = children(l);
        assert!(
            !items.is_empty() && items.iter().all(|r| *r == "LI"),
            "{items:?}"
        );
    }
    for (i, e) in elems.iter().enumerate() {
        if e.role == "LI" {
            assert_eq!(elems[e.parent.expect("parent")].role, "L");
            assert_eq!(children(i), ["Lbl", "LBody"]);
        }
    }
    let criteria = elems
        .iter()
        .position(|e| norm(&e.text) == "De criteria komen uit:")
        .expect("sources paragraph");
    assert_eq!(
        elems[criteria + 1].role,
        "L",
        "the sources follow as a list"
    );

    // Signatures: one table per signatory, label and value per row.
    let rows: Vec<usize> = (0..elems.len())
        .filter(|&i| elems[i].role == "TR")
        .collect();
    assert!(!rows.is_empty());
    for r in rows {
        assert_eq!(children(r), ["TH", "TD"]);
    }
}

#[test]
fn every_word_on_the_pages_is_in_the_tree_or_an_artifact() {
    let (path, _) = pdf_file(DAAN, "words");
    let elems = tree(&run("pdfinfo", &["-struct-text"], &path));
    // The page without its header (top 50 pt) and footer (bottom 52 pt).
    let body = run(
        "pdftotext",
        &[
            "-enc", "UTF-8", "-x", "0", "-y", "50", "-W", "596", "-H", "740",
        ],
        &path,
    );
    let full = run("pdftotext", &["-enc", "UTF-8"], &path);
    std::fs::remove_file(path).ok();
    let tree_text: String = elems.iter().map(|e| format!("{} ", e.text)).collect();
    assert_eq!(words(&tree_text), words(&body));
    // Header and footer are on the page, not in the tree.
    assert!(full.contains("pagina 1 van"));
    assert!(!tree_text.contains("pagina 1 van"));
    assert!(!tree_text.contains("Gemaakt op"));
}

#[test]
fn the_concept_watermark_and_label_are_artifacts() {
    let (path, _) = pdf_file(GAPS, "concept");
    let elems = tree(&run("pdfinfo", &["-struct-text"], &path));
    let full = run("pdftotext", &["-enc", "UTF-8"], &path);
    std::fs::remove_file(path).ok();
    assert!(full.contains("CONCEPT – niet compleet"));
    let tree_text: String = elems.iter().map(|e| format!("{} ", e.text)).collect();
    assert!(!tree_text.contains("CONCEPT – niet compleet"));
    // The status box says it once, as text of the document.
    let concept: Vec<&Elem> = elems
        .iter()
        .filter(|e| e.text.contains("CONCEPT"))
        .collect();
    assert_eq!(concept.len(), 1, "{concept:?}");
    assert_eq!(concept[0].role, "P");
    // Findings are list items: field, message and source each a P.
    let bodies = elems.iter().enumerate().filter(|(_, e)| e.role == "LBody");
    assert!(bodies.clone().any(|(i, _)| {
        elems
            .iter()
            .filter(|e| e.parent == Some(i) && e.role == "P")
            .count()
            >= 2
    }));
}

/// The PDF's objects by number, whitespace collapsed (pdf-writer writes
/// them uncompressed; font programs are binary but never parsed here).
fn objects(pdf: &[u8]) -> BTreeMap<i32, String> {
    let text = String::from_utf8_lossy(pdf);
    let mut objs = BTreeMap::new();
    for chunk in text.split("endobj") {
        let Some(at) = chunk.find(" 0 obj") else {
            continue;
        };
        let head = &chunk[..at];
        let Ok(id) = head[head.rfind(char::is_whitespace).map_or(0, |i| i + 1)..].parse() else {
            continue;
        };
        objs.insert(id, norm(&chunk[at + 6..]));
    }
    objs
}

/// The integer after `key` in `obj`.
fn int_after(obj: &str, key: &str) -> Option<i32> {
    let rest = &obj[obj.find(key)? + key.len()..];
    rest.split_whitespace()
        .next()?
        .trim_end_matches(">>")
        .parse()
        .ok()
}

#[test]
fn the_parent_tree_maps_every_mcid_of_every_page_back_to_its_element() {
    // Poppler's dump reads the tree towards the content; assistive
    // technology also goes the other way: content -> ParentTree -> element.
    let (path, pdf) = pdf_file(GAPS, "parents");
    std::fs::remove_file(path).ok();
    let objs = objects(&pdf);
    let catalog = objs
        .values()
        .find(|o| o.contains("/Type /Catalog"))
        .expect("catalog");
    let root = &objs[&int_after(catalog, "/StructTreeRoot").expect("tree root")];
    // "/Nums [0 [19 0 R 20 0 R] 1 [...]]": page key, then its elements.
    let nums = &root[root.find("/Nums [").expect("Nums") + 7..];
    let mut parents: BTreeMap<i32, Vec<i32>> = BTreeMap::new();
    let mut rest = nums;
    while let Some(open) = rest.find('[') {
        let key: i32 = rest[..open].trim().parse().expect("page key");
        let close = rest[open..].find(']').expect("array end") + open;
        let refs: Vec<&str> = rest[open + 1..close].split_whitespace().collect();
        parents.insert(
            key,
            refs.chunks(3).map(|r| r[0].parse().expect("ref")).collect(),
        );
        rest = &rest[close + 1..];
        if rest.trim_start().starts_with(']') {
            break;
        }
    }
    let pages: Vec<(i32, &String)> = objs
        .iter()
        .filter(|(_, o)| o.contains("/Type /Page "))
        .map(|(id, o)| (*id, o))
        .collect();
    assert!(pages.len() > 1);
    assert_eq!(parents.len(), pages.len());
    for (page_id, page) in pages {
        let key = int_after(page, "/StructParents").expect("page has /StructParents");
        let content = &objs[&int_after(page, "/Contents").expect("contents")];
        let mcids: Vec<i32> = content
            .match_indices("/MCID ")
            .map(|(i, _)| int_after(&content[i..], "/MCID").expect("mcid"))
            .collect();
        assert!(!mcids.is_empty());
        assert_eq!(mcids, (0..mcids.len() as i32).collect::<Vec<_>>());
        let elems = &parents[&key];
        assert_eq!(elems.len(), mcids.len(), "page key {key}");
        for (mcid, elem) in elems.iter().enumerate() {
            let e = &objs[elem];
            // A marked-content reference naming page and MCID, or the
            // element's own page and the bare MCID among its kids.
            let bare = e.contains(&format!("/Pg {page_id} 0 R /K [")) && {
                let kids = &e[e.find("/K [").expect("kids") + 4..];
                kids[..kids.find(']').expect("end")]
                    .split_whitespace()
                    .any(|k| k == mcid.to_string())
            };
            assert!(
                bare || e.contains(&format!("/Type /MCR /Pg {page_id} 0 R /MCID {mcid} >>")),
                "element {elem} lacks page {page_id} MCID {mcid}: {e}"
            );
        }
    }
}
